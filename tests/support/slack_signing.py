"""Sign request bodies exactly as Slack does, so the app's real signature check runs in every test.

Slack computes `v0=` + HMAC-SHA256(signing_secret, f"v0:{timestamp}:{body}") and sends it in
X-Slack-Signature with the timestamp in X-Slack-Request-Timestamp.
https://api.slack.com/authentication/verifying-requests-from-slack
"""

from __future__ import annotations

import hashlib
import hmac
import time


def signature(signing_secret: str, timestamp: int | str, body: str | bytes) -> str:
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    base = f"v0:{timestamp}:{text}".encode()
    return "v0=" + hmac.new(signing_secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(
    signing_secret: str,
    body: str | bytes,
    *,
    timestamp: int | None = None,
    content_type: str = "application/json",
) -> dict[str, str]:
    """Headers for a POST to /slack/events: content type, timestamp and signature."""
    ts = int(time.time()) if timestamp is None else timestamp
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(ts),
        "X-Slack-Signature": signature(signing_secret, ts, body),
    }
