"""Logging that never prints a secret: Slack tokens, signing secrets and API keys are masked.

CMEBOT_LOG_FORMAT=json writes one JSON object per line (time, level, logger, message, the fields a call passed as
`extra`, and the exception), for log shippers; text (the default) writes lines for people. At INFO neither holds
what a member wrote: the bot logs question ids, surfaces and lengths (bot/runtime.py), the text only at DEBUG."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

from bot.config import Settings

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# What every LogRecord has; anything else on a record came from a call's `extra` and goes into the JSON.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}

_TOKEN = re.compile(r"\b(xox[abprs]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|sk-[A-Za-z0-9_-]{8,})")
# The password in a connection URL (DATABASE_URL, REDIS_URL) as drivers print it in errors: scheme://user:PASSWORD@
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)([^@\s]+)@", re.I)


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s and len(s) >= 6]

    def redact(self, text: str) -> str:
        text = _TOKEN.sub(lambda m: m.group(0)[:5] + "…[redacted]", text)
        text = _URL_PASSWORD.sub(r"\1[redacted]@", text)
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        for name, value in list(vars(record).items()):
            if name not in _STANDARD and isinstance(value, str):
                setattr(record, name, self.redact(value))
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per record. Runs after the handler's RedactSecrets filter, so what it sees is masked."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
            "thread": record.threadName,
        }
        for name, value in vars(record).items():
            if name not in _STANDARD and not name.startswith("_"):
                entry[name] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False, default=str)


def log_formatter(settings: Settings) -> logging.Formatter:
    return JsonFormatter() if settings.log_format == "json" else logging.Formatter(TEXT_FORMAT)


def configure_logging(settings: Settings) -> RedactSecrets:
    secrets = [
        value.get_secret_value()
        for value in (
            settings.slack_bot_token,
            settings.slack_app_token,
            settings.slack_signing_secret,
            settings.slack_client_secret,
            settings.llm_api_key,
            settings.metrics_token,
        )
        if value is not None
    ]
    if settings.token_key is not None:  # "NEW,OLD" while rotating: each key is a secret of its own
        secrets += [key.strip() for key in settings.token_key.get_secret_value().split(",")]
    redactor = RedactSecrets(secrets)
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(log_formatter(settings))
        root.addHandler(handler)
    for handler in root.handlers:
        if not any(isinstance(f, RedactSecrets) for f in handler.filters):
            handler.addFilter(redactor)
    root.setLevel(settings.log_level.upper())
    # Third-party chatter (HTTP clients, model loading, migrations, per-task queue logs) stays out of the
    # console unless asked for.
    for noisy in ("httpx", "urllib3", "sentence_transformers", "chromadb", "transformers", "alembic", "huey"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return redactor
