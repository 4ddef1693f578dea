"""Start-up failures as one clear line: what is wrong and what to set, not a 500-line traceback.

The full traceback is still logged at DEBUG (CMEBOT_LOG_LEVEL=DEBUG) for whoever needs it."""

from __future__ import annotations

import contextlib
import errno
import logging
import sys
from collections.abc import Iterator

from bot.config import Settings

log = logging.getLogger(__name__)


def describe(exc: BaseException, settings: Settings) -> str | None:
    """One line for a start-up failure we recognise, or None for anything else (which keeps its traceback)."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    if isinstance(exc, OperationalError | DBAPIError):
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200]
        if settings.database_url:
            where = _safe_url(settings.sqlalchemy_url)
            return f"the database at {where} is unreachable or refused us ({reason}). Check DATABASE_URL."
        return (
            f"the SQLite database in {settings.data_dir} cannot be opened ({reason}). "
            "Set CMEBOT_DATA_DIR to a writable folder."
        )
    unwritable = (errno.EROFS, errno.EACCES, errno.ENOTDIR)
    if isinstance(exc, PermissionError) or (isinstance(exc, OSError) and exc.errno in unwritable):
        where = getattr(exc, "filename", None) or settings.data_dir
        return f"cannot write to {where} ({exc.strerror}). Set CMEBOT_DATA_DIR to a writable folder."
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
    except ImportError:  # pragma: no cover - redis is a dependency
        RedisConnectionError = ()  # type: ignore[assignment,misc]
    if isinstance(exc, RedisConnectionError):
        where = _safe_url(settings.redis_url or "")
        return f"Redis at {where} is unreachable ({exc}). Check REDIS_URL, or unset it for the embedded queue."
    text = str(exc)
    if settings.chroma_host and ("Chroma" in text or "connect" in text.lower()):
        return (
            f"the Chroma server at {settings.chroma_host}:{settings.chroma_port} is unreachable ({text[:200]}). "
            "Check CHROMA_HOST and CHROMA_PORT, or unset them for the embedded store."
        )
    return None


@contextlib.contextmanager
def clear_startup_errors(settings: Settings) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        line = describe(exc, settings)
        if line is None:
            raise
        log.debug("Start-up failed", exc_info=True)
        sys.stderr.write(f"Cannot start: {line}\n")
        raise SystemExit(2) from None


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.split("@")[-1]
