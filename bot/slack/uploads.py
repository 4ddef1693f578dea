"""Files shared with the bot, read with the bot token: documents admins share in a DM (indexed as unreviewed
uploads, bot/knowledge/indexer.py, with who shared them and when in the folder name) and the outcome data of
/outcomes.

The bot token goes only to Slack's file host (files.slack.com, or the host of SLACK_API_URL for a stand-in or
proxy): a file URL on any other host, a redirect, or a file over the size cap is refused without sending it."""

from __future__ import annotations

import http.client
import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.config import Settings
from bot.knowledge.loaders import SUPPORTED_SUFFIXES

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_FILES = 10
SLACK_FILE_HOSTS = frozenset({"files.slack.com"})


class UploadError(Exception):
    """A file that cannot be taken; the message is shown to the admin as is."""


def upload_folder(settings: Settings, uploader: str, today: date | None = None) -> Path:
    return settings.data_dir / "uploads" / f"{(today or date.today()).isoformat()}-{_safe(uploader) or 'unknown'}"


def file_entries(event: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields of each shared file the download needs (Slack's file objects carry much more)."""
    keep = ("id", "name", "title", "size", "mimetype", "url_private_download", "url_private")
    return [{k: f.get(k) for k in keep} for f in (event.get("files") or [])[:MAX_FILES] if isinstance(f, dict)]


def download(settings: Settings, token: str, entry: dict[str, Any], folder: Path) -> Path:
    name = _safe(str(entry.get("name") or entry.get("title") or entry.get("id") or "file"))
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(
            f"{name}: I can index {', '.join(sorted(SUPPORTED_SUFFIXES))} files, not '{suffix or 'no type'}'"
        )
    body = fetch(settings, token, entry, MAX_UPLOAD_BYTES)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    target.write_bytes(body)
    return target


def fetch(settings: Settings, token: str, entry: dict[str, Any], max_bytes: int, timeout: float = 30) -> bytes:
    """The content of a file shared in Slack, read with the bot token from Slack's file host only."""
    name = _safe(str(entry.get("name") or entry.get("title") or entry.get("id") or "file"))
    if int(entry.get("size") or 0) > max_bytes:
        raise UploadError(f"{name}: larger than {max_bytes // 2**20} MB")
    url = str(entry.get("url_private_download") or entry.get("url_private") or "")
    parts = urlsplit(url)
    api_host = urlsplit(settings.slack_api_url).hostname
    allowed = parts.hostname in SLACK_FILE_HOSTS or (parts.hostname is not None and parts.hostname == api_host)
    if not allowed or parts.scheme not in ("https", "http") or (parts.scheme == "http" and parts.hostname != api_host):
        raise UploadError(f"{name}: its address is not on Slack's file host, so I did not fetch it")
    connection_type = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = connection_type(parts.hostname, parts.port, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", path, headers={"Authorization": f"Bearer {token}"})
        reply = connection.getresponse()
        if reply.status != 200:  # redirects included: never followed with the token
            raise UploadError(f"{name}: Slack answered {reply.status} when I fetched it")
        body = reply.read(max_bytes + 1)
    except OSError as exc:
        raise UploadError(f"{name}: I could not fetch it from Slack ({exc.__class__.__name__})") from exc
    finally:
        connection.close()
    if len(body) > max_bytes:
        raise UploadError(f"{name}: larger than {max_bytes // 2**20} MB")
    return body


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-")[:120]
