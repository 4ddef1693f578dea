"""The Bolt app: one workspace with a bot token, or many through OAuth with installations in our database.

Both Socket Mode and HTTP mode (bot/slack/runner.py) serve this same app object."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltResponse
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.runtime import Runtime
from bot.slack.api_metrics import CountSlackErrors
from bot.slack.dedup import dedupe_events
from bot.slack.intake import question_intake
from bot.slack.listeners import register_all

log = logging.getLogger(__name__)

# The bot token scopes requested at install; tests/slack/test_manifest.py keeps manifest.yml equal to this.
BOT_SCOPES = [
    "app_mentions:read",
    # Slack's agent surface: suggested prompts and the thread status line (bot/slack/agent.py).
    "assistant:write",
    "channels:history",
    "channels:read",
    "chat:write",
    "commands",
    # Reading files members share with the bot: admins' documents in a DM, /outcomes data (bot/slack/uploads.py).
    "files:read",
    "files:write",
    "groups:history",
    "groups:read",
    "im:history",
    "im:read",
    "im:write",
    "reactions:read",
    "reactions:write",
    "users:read",
    # Roles from Slack user groups (CMEBOT_ADMIN_GROUP...; bot/services/roles.py); without it, only user ids count.
    "usergroups:read",
]

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"

# Message subtypes that are never a member asking something: edits, deletions, thread bookkeeping and bots.
# They are acknowledged and dropped before any listener, so no feature answers them by accident.
IGNORED_MESSAGE_SUBTYPES = frozenset(
    {
        "message_changed",
        "message_deleted",
        "message_replied",
        "bot_message",
        "channel_topic",
        "channel_purpose",
        "channel_convert_to_private",
    }
)


def make_client(runtime: Runtime, token: str | None = None) -> WebClient:
    """A WebClient on SLACK_API_URL that waits out 429s (Retry-After) and retries dropped connections."""
    return WebClient(
        token=token,
        base_url=runtime.settings.slack_api_url,
        timeout=30,
        retry_handlers=[
            CountSlackErrors(),  # first: it sees every failed attempt, for /metrics (bot/slack/api_metrics.py)
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
        ],
    )


def build_app(runtime: Runtime, *, token_verification: bool = True, listener_threads: int = 16) -> App:
    settings = runtime.settings
    signing_secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    common: dict[str, Any] = {
        "signing_secret": signing_secret,
        # ack() goes back to Slack at once; answering runs on the listener pool after it.
        "process_before_response": False,
        "listener_executor": ThreadPoolExecutor(max_workers=listener_threads, thread_name_prefix="cmebot-listener"),
        "name": "cmebot",
    }
    if settings.slack_client_id and settings.slack_client_secret:
        # Imported here: these modules pull in SQLAlchemy's asyncio layer (greenlet), needed only for OAuth.
        from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

        from bot.slack.installations import installation_store as encrypted_store

        installation_store = encrypted_store(settings, runtime.db.engine)
        state_store = SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=runtime.db.engine)
        installation_store.create_tables()
        state_store.create_tables()
        app = App(
            client=make_client(runtime),
            oauth_settings=OAuthSettings(
                client_id=settings.slack_client_id,
                client_secret=settings.slack_client_secret.get_secret_value(),
                scopes=BOT_SCOPES,
                installation_store=installation_store,
                state_store=state_store,
                install_path=INSTALL_PATH,
                redirect_uri_path=REDIRECT_PATH,
            ),
            installation_store=installation_store,
            **common,
        )
    else:
        if settings.slack_bot_token is None:
            raise ValueError("Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for OAuth")
        token = settings.slack_bot_token.get_secret_value()
        app = App(
            # The client carries the token (Bolt warns when both are given).
            client=make_client(runtime, token),
            token_verification_enabled=token_verification,
            **common,
        )
    if settings.multi_workspace:
        # app_uninstalled and tokens_revoked delete the workspace's installation and its bot tokens.
        app.enable_token_revocation_listeners()
    app.use(follow_saved_messages(runtime))
    app.use(drop_non_member_messages)
    app.use(question_intake(runtime))  # before the ledger: a question's job row is its own ledger entry
    app.use(dedupe_events(runtime))
    app.error(_log_listener_error)
    register_all(app, runtime)
    return app


def follow_saved_messages(runtime: Runtime) -> Callable[..., BoltResponse | None]:
    """Edits and deletions of a message saved as community knowledge take its item out of service (back to
    review, or retired). Runs before those events are dropped as not being questions; nothing else is kept."""

    def middleware(body: dict[str, Any], next_: Callable[[], BoltResponse]) -> BoltResponse | None:
        event = body.get("event") if body.get("type") == "event_callback" else None
        if isinstance(event, dict) and event.get("type") == "message":
            team, channel = str(body.get("team_id") or ""), str(event.get("channel") or "")
            subtype = event.get("subtype")
            if subtype == "message_changed":
                after, before = event.get("message") or {}, event.get("previous_message") or {}
                if after.get("text") != before.get("text") and after.get("ts"):
                    runtime.community.source_changed(team, channel, str(after["ts"]))
            elif subtype == "message_deleted" and event.get("deleted_ts"):
                runtime.community.source_deleted(team, channel, str(event["deleted_ts"]))
            elif subtype == "channel_convert_to_private":
                runtime.community.channel_became_private(team, channel)
        return next_()

    return middleware


def drop_non_member_messages(body: dict[str, Any], next_: Callable[[], BoltResponse]) -> BoltResponse | None:
    event = body.get("event") if body.get("type") == "event_callback" else None
    if isinstance(event, dict) and event.get("type") in ("message", "app_mention") and is_ignored_message(event):
        return BoltResponse(status=200, body="")
    return next_()


def is_ignored_message(event: dict[str, Any]) -> bool:
    """Edits, deletions and anything a bot wrote (ours included) are not questions. Deciding this before the
    ack, not in a listener, means other bots' messages never even reach the listener pool."""
    return event.get("subtype") in IGNORED_MESSAGE_SUBTYPES or bool(event.get("bot_id")) or "bot_profile" in event


def _log_listener_error(error: Exception, body: dict[str, Any]) -> None:
    # The body is Slack's payload (no tokens); the error's repr is enough to find it in the code.
    kind = body.get("type") or ""
    event = (body.get("event") or {}).get("type", "") if isinstance(body.get("event"), dict) else ""
    log.error("Unhandled error in a Slack listener (%s %s): %r", kind, event, error)
