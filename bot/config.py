"""Settings, read from the environment (and a `.env` file) once per process.

Every setting is documented with its default in `.env.example`; keep the two in step.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Lists arrive from the environment as comma-separated text, not JSON.
CsvList = Annotated[list[str], NoDecode]

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    # Empty values (as copied from .env.example) mean "use the default", not "an empty token".
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True)

    # --- storage -------------------------------------------------------------------------
    data_dir: Path = Field(default=PROJECT_ROOT / "data", alias="CMEBOT_DATA_DIR")
    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    chroma_host: str | None = Field(default=None, alias="CHROMA_HOST")
    chroma_port: int = Field(default=8000, alias="CHROMA_PORT")
    collection: str = Field(default="cme_knowledge", alias="CMEBOT_COLLECTION")

    # Redis for the task queue when several processes or machines share the work (embedded SQLite queue if unset).
    redis_url: str | None = Field(default=None, alias="REDIS_URL")

    # --- knowledge and retrieval ---------------------------------------------------------------
    knowledge_dir: Path = Field(default=PROJECT_ROOT / "knowledge", alias="CMEBOT_KNOWLEDGE_DIR")
    prompts_dir: Path = Field(default=PROJECT_ROOT / "prompts", alias="CMEBOT_PROMPTS_DIR")
    embedding_model: str = Field(default="all-MiniLM-L6-v2", alias="CMEBOT_EMBEDDING_MODEL")
    # ONNX Runtime (exported once into data_dir/onnx) or torch; `auto` falls back to torch with one log line.
    embedding_backend: Literal["auto", "onnx", "torch"] = Field(default="auto", alias="CMEBOT_EMBEDDING_BACKEND")
    top_k: int = Field(default=5, alias="CMEBOT_TOP_K")

    # --- answering -----------------------------------------------------------------------------
    llm: str | None = Field(default=None, alias="CMEBOT_LLM")
    llm_base_url: str | None = Field(default=None, alias="CMEBOT_LLM_BASE_URL")
    llm_api_key: SecretStr | None = Field(default=None, alias="CMEBOT_LLM_API_KEY")
    llm_timeout: float = Field(default=20.0, alias="CMEBOT_LLM_TIMEOUT")

    # --- Slack ---------------------------------------------------------------------------------
    slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_client_id: str | None = Field(default=None, alias="SLACK_CLIENT_ID")
    slack_client_secret: SecretStr | None = Field(default=None, alias="SLACK_CLIENT_SECRET")
    slack_api_url: str = Field(default="https://slack.com/api/", alias="SLACK_API_URL")
    # Fernet key(s) encrypting workspace tokens at rest (OAuth installs); comma-separated, the first encrypts.
    token_key: SecretStr | None = Field(default=None, alias="CMEBOT_TOKEN_KEY")
    # Slack's agent view (README: Connecting Slack): "auto" uses it in a workspace once Slack has sent an agent event
    # from there; "on" and "off" decide for every workspace. With an LLM, threaded answers stream as they are written.
    agent_view: Literal["auto", "on", "off"] = Field(default="auto", alias="CMEBOT_AGENT_VIEW")
    stream_answers: bool = Field(default=True, alias="CMEBOT_STREAM_ANSWERS")

    # --- durable answering (bot/services/jobs.py, bot/slack/jobs.py); tests run these compressed ----------
    # Answer workers (0: every core but one offline, more with an LLM) and Slack posting workers per process.
    answer_workers: int = Field(default=0, ge=0, alias="CMEBOT_ANSWER_WORKERS")
    post_workers: int = Field(default=8, ge=1, alias="CMEBOT_POST_WORKERS")
    # A worker renews its lease on a job every third of this; a lease that runs out means the worker died.
    job_lease_seconds: float = Field(default=30.0, gt=0, alias="CMEBOT_JOB_LEASE_SECONDS")
    # How often each worker process looks for jobs to hand on, and how long a queued job may sit untaken.
    job_sweep_seconds: float = Field(default=10.0, gt=0, alias="CMEBOT_JOB_SWEEP_SECONDS")
    job_requeue_seconds: float = Field(default=60.0, gt=0, alias="CMEBOT_JOB_REQUEUE_SECONDS")
    # Attempts before a job fails (then one apology), and the first retry delay (doubling each time).
    answer_max_attempts: int = Field(default=3, ge=1, alias="CMEBOT_ANSWER_MAX_ATTEMPTS")
    post_max_attempts: int = Field(default=6, ge=1, alias="CMEBOT_POST_MAX_ATTEMPTS")
    retry_base_seconds: float = Field(default=2.0, ge=0, alias="CMEBOT_RETRY_BASE_SECONDS")
    # Slack Web API timeout; a rate limit shorter than the wait below is waited out in place, longer ones rescheduled.
    slack_timeout: float = Field(default=30.0, gt=0, alias="CMEBOT_SLACK_TIMEOUT")
    rate_limit_inline_seconds: float = Field(default=2.0, ge=0, alias="CMEBOT_RATE_LIMIT_INLINE_SECONDS")
    # On SIGTERM: time to finish what is in flight before handing it back to the queue.
    shutdown_grace_seconds: float = Field(default=30.0, ge=0, alias="CMEBOT_SHUTDOWN_GRACE_SECONDS")
    # How often a running bot checks whether another process re-indexed the knowledge.
    index_poll_seconds: float = Field(default=30.0, gt=0, alias="CMEBOT_INDEX_POLL_SECONDS")
    # The HTTP edge: the largest request body accepted, and how long a signed request is remembered (replays).
    max_request_bytes: int = Field(default=1_048_576, gt=0, alias="CMEBOT_MAX_REQUEST_BYTES")

    # --- community -----------------------------------------------------------------------------
    welcome_channels: CsvList = Field(default_factory=list, alias="CMEBOT_WELCOME_CHANNELS")
    welcome_guests: bool = Field(default=False, alias="CMEBOT_WELCOME_GUESTS")
    welcome_public_greeting: bool = Field(default=False, alias="CMEBOT_WELCOME_PUBLIC_GREETING")
    nudge_after_days: float = Field(default=0, alias="CMEBOT_NUDGE_AFTER_DAYS")
    community_channels: CsvList = Field(default_factory=list, alias="CMEBOT_COMMUNITY_CHANNELS")
    webinar_links: CsvList = Field(default_factory=list, alias="CMEBOT_WEBINAR_LINKS")
    admins: CsvList = Field(default_factory=list, alias="CMEBOT_ADMINS")
    # Community knowledge: who verifies saved answers (admins do too), where "Ask the experts" posts questions,
    # the reaction by which an expert saves a reply as verified, and how close a question must be to a saved one.
    experts: CsvList = Field(default_factory=list, alias="CMEBOT_EXPERTS")
    # Channels whose questions may be quoted as examples in curators' insights (others are only counted).
    public_channels: CsvList = Field(default_factory=list, alias="CMEBOT_PUBLIC_CHANNELS")
    # The weekly gaps digest for curators: the channel (empty: off), the weekday (0 = Monday) and hour (UTC).
    digest_channel: str = Field(default="", alias="CMEBOT_DIGEST_CHANNEL")
    digest_weekday: int = Field(default=0, ge=0, le=6, alias="CMEBOT_DIGEST_WEEKDAY")
    digest_hour: int = Field(default=9, ge=0, le=23, alias="CMEBOT_DIGEST_HOUR")
    experts_channel: str = Field(default="", alias="CMEBOT_EXPERTS_CHANNEL")
    # Experts to tag per topic on an escalation: "accreditation:U1 U2;eaccme:U3;outcomes:S0GROUP" (S...: a user
    # group, mentioned as a group). Topic experts given by user id verify saved answers too.
    topic_experts: str = Field(default="", alias="CMEBOT_TOPIC_EXPERTS")
    save_reaction: str = Field(default="white_check_mark", alias="CMEBOT_SAVE_REACTION")
    community_threshold: float = Field(default=0.80, ge=0, le=1, alias="CMEBOT_COMMUNITY_THRESHOLD")

    # --- access: roles and where the bot answers (bot/services/roles.py, bot/slack/answer_channels.py) ----------
    # Curators manage the knowledge (gaps, exports, imports); admins are curators and experts too.
    curators: CsvList = Field(default_factory=list, alias="CMEBOT_CURATORS")
    # Slack user groups (S... ids, comma-separated) whose members hold a role, read with usergroups.users.list
    # (scope usergroups:read) and cached for the TTL below; without the scope, only the user ids above count.
    admin_group: CsvList = Field(default_factory=list, alias="CMEBOT_ADMIN_GROUP")
    curator_group: CsvList = Field(default_factory=list, alias="CMEBOT_CURATOR_GROUP")
    expert_group: CsvList = Field(default_factory=list, alias="CMEBOT_EXPERT_GROUP")
    role_groups_ttl_seconds: float = Field(default=300.0, gt=0, alias="CMEBOT_ROLE_GROUPS_TTL_SECONDS")
    # Channels where mentions are answered (empty: every channel the bot is in); DMs and /cme always are.
    answer_channels: CsvList = Field(default_factory=list, alias="CMEBOT_ANSWER_CHANNELS")

    # --- members' data: days each record is kept (0: until deleted by hand); README "Your data" ---------------
    retain_questions_days: int = Field(default=365, ge=0, alias="CMEBOT_RETAIN_QUESTIONS_DAYS")
    retain_feedback_days: int = Field(default=365, ge=0, alias="CMEBOT_RETAIN_FEEDBACK_DAYS")
    retain_unfinished_drafts_days: int = Field(default=90, ge=0, alias="CMEBOT_RETAIN_UNFINISHED_DRAFTS_DAYS")
    retain_finished_drafts_days: int = Field(default=365, ge=0, alias="CMEBOT_RETAIN_FINISHED_DRAFTS_DAYS")
    retain_outcomes_days: int = Field(default=30, ge=0, alias="CMEBOT_RETAIN_OUTCOMES_DAYS")
    retain_uploads_days: int = Field(default=365, ge=0, alias="CMEBOT_RETAIN_UPLOADS_DAYS")
    retain_disclosure_records_days: int = Field(default=730, ge=0, alias="CMEBOT_RETAIN_DISCLOSURE_RECORDS_DAYS")
    retain_jobs_days: int = Field(default=30, ge=0, alias="CMEBOT_RETAIN_JOBS_DAYS")
    retain_events_days: int = Field(default=30, ge=0, alias="CMEBOT_RETAIN_EVENTS_DAYS")
    # Keys the pseudonyms of members who left (HMAC); unset, a random key kept in the database is used.
    pseudonym_key: SecretStr | None = Field(default=None, alias="CMEBOT_PSEUDONYM_KEY")

    # --- output --------------------------------------------------------------------------------
    output_dir: Path = Field(default=PROJECT_ROOT / "out", alias="CMEBOT_OUTPUT_DIR")
    log_level: str = Field(default="INFO", alias="CMEBOT_LOG_LEVEL")
    # "json": one JSON object per line (log shippers); "text": human-readable lines (bot/logging_setup.py).
    log_format: Literal["text", "json"] = Field(default="text", alias="CMEBOT_LOG_FORMAT")

    # --- health (README: Running it) ---------------------------------------------------------------
    # Bearer token required by GET /metrics (HTTP mode's public port and the metrics port); empty: no token asked.
    metrics_token: SecretStr | None = Field(default=None, alias="CMEBOT_METRICS_TOKEN")
    # A separate /metrics server for processes without the HTTP endpoint (Socket Mode, `cmebot worker`); empty: off.
    metrics_port: int | None = Field(default=None, ge=0, le=65535, alias="CMEBOT_METRICS_PORT")
    metrics_host: str = Field(default="127.0.0.1", alias="CMEBOT_METRICS_HOST")
    # Where errors that need a person are posted, at most once per kind per hour ("C123", or "T123:C123" for one
    # workspace of a multi-workspace install); empty: they are only logged.
    admin_channel: str = Field(default="", alias="CMEBOT_ADMIN_CHANNEL")
    # Alert when the database has been unreachable this many minutes, or this many jobs failed within an hour.
    alert_database_minutes: float = Field(default=5.0, gt=0, alias="CMEBOT_ALERT_DATABASE_MINUTES")
    alert_failed_jobs: int = Field(default=5, ge=1, alias="CMEBOT_ALERT_FAILED_JOBS")

    @field_validator(
        "welcome_channels", "community_channels", "webinar_links", "admins", "experts", "public_channels", mode="before"
    )
    @classmethod
    def _split_csv(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("curators", "admin_group", "curator_group", "expert_group", "answer_channels", mode="before")
    @classmethod
    def _split_access_csv(cls, value: object) -> object:
        # The same comma-separated form as the lists above (kept apart so each feature owns its validator).
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            url = self.database_url
            # Plain postgres URLs name no driver; we ship psycopg 3.
            if url.startswith("postgres://"):
                url = "postgresql://" + url[len("postgres://") :]
            if url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url[len("postgresql://") :]
            return url
        return f"sqlite:///{self.data_dir / 'cmebot.sqlite3'}"

    def is_expert(self, user_id: str) -> bool:
        # User groups (S...) are tagged, not trusted: their members verify only when listed by user id.
        topic_users = {m for members in self.experts_by_topic.values() for m in members if not m.startswith("S")}
        return bool(user_id) and (user_id in self.experts or user_id in self.admins or user_id in topic_users)

    @property
    def experts_by_topic(self) -> dict[str, list[str]]:
        topics: dict[str, list[str]] = {}
        for part in self.topic_experts.split(";"):
            topic, _, members = part.partition(":")
            if topic.strip() and members.strip():
                topics[topic.strip().lower()] = members.replace(",", " ").split()
        return topics

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def multi_workspace(self) -> bool:
        """OAuth installs: several workspaces share this bot's database, so every report is per workspace."""
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def slack_configured(self) -> bool:
        return self.slack_bot_token is not None or self.slack_client_id is not None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
