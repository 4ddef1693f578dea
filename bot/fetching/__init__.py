"""Reading links that members paste (e.g. a CME event page) without opening a way into the host's network.

Public API:
    fetch(url, *, max_bytes=5 MiB, timeout=10.0, connect_timeout=5.0, max_redirects=5, allow=(), ssl_context=None)
        -> FetchResult(url, status, content_type, charset, body)        (bot/fetching/safe_url.py)
    FetchRefused   policy said no (scheme, credentials, internal address, too large, too many redirects)
    FetchFailed    allowed, but could not be read (dns, connect, timeout, tls, protocol, network, encoding)
    FetchError     base of both: .reason (a code), .detail (for logs, never for members), str(exc) (for members)
    refusal_reason(ip) -> str | None   why an address is not public     (bot/fetching/addresses.py)
"""

from bot.fetching.addresses import refusal_reason
from bot.fetching.safe_url import FetchError, FetchFailed, FetchRefused, FetchResult, fetch

__all__ = ["FetchError", "FetchFailed", "FetchRefused", "FetchResult", "fetch", "refusal_reason"]
