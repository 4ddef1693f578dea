"""Fetch a member-supplied http(s) link without it becoming a way into the host's own network (SSRF).

Each hop's URL is checked (http or https, no credentials, a plain host name or address), the name is resolved ONCE,
every address it resolves to must be public (bot/fetching/addresses.py), and the socket is opened to one of exactly
those addresses; http.client then speaks HTTP over that socket with the name in the Host header, TLS SNI and the
certificate check. Resolving again at connect time (what http.client, urllib3 or requests would do) is the second
lookup a DNS-rebinding attack needs. No proxy variables are read: http.client has no notion of them.

Redirects are followed here, each one checked like the first link. One deadline covers name lookup, connecting and
reading; a watchdog shuts the socket down when it passes, so a server dripping a byte at a time is cut off too.

`allow` lets exact (host, port) pairs through the address check (tests use it for their 127.0.0.1 server); it is a
parameter only, never read from the environment or settings, so no configuration can open loopback by accident."""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import ssl
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from ipaddress import ip_address
from typing import Any, ClassVar
from urllib.parse import quote, urljoin, urlsplit

from bot.fetching.addresses import METADATA_NAMES, IPAddress, refusal_reason

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0
DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_MAX_REDIRECTS = 5

_DEFAULT_PORTS = {"http": 80, "https": 443}
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# urlsplit silently drops tabs and newlines, and other parsers treat control characters differently: refuse them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# A host after IDNA encoding: DNS labels (underscores occur in real names) or an IPv6 literal (from brackets). Anything
# else ("%" zone ids, backslashes, spaces) is where URL parsers disagree, so it is refused rather than interpreted.
_HOST = re.compile(r"[a-z0-9._-]+|[0-9a-f:.]+")
# Left as they are in the request target; spaces and non-ASCII are percent-encoded (http.client sends ASCII only).
_TARGET_SAFE = "!$%&'()*+,-./:;=?@_~"
_CHUNK = 64 * 1024
_HEADERS = {
    "User-Agent": "cmebot (CME community assistant; reads links members share)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
    # Compressed bodies are not decompressed (no decompression bombs), so ask for none.
    "Accept-Encoding": "identity",
    "Connection": "close",
}


@dataclass(frozen=True)
class FetchResult:
    url: str  # the final URL, after redirects, without its fragment
    status: int
    content_type: str | None  # "text/html"; None when the server sent no Content-Type
    charset: str | None  # from the Content-Type header, lowercased; None if absent or not a text encoding Python has
    body: bytes  # at most max_bytes, exactly as sent


class FetchError(Exception):
    """`reason` is a short code for logs and tests; str(exc) is a message a member can be shown; `detail` is for
    operators only (it can name internal addresses, which members must not learn)."""

    _messages: ClassVar[dict[str, str]] = {}
    _default: ClassVar[str] = ""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        self.message = self._messages.get(reason, self._default)
        super().__init__(self.message)


class FetchRefused(FetchError):
    """The bot will not open this link. Address reasons: see bot.fetching.addresses.refusal_reason."""

    _messages: ClassVar[dict[str, str]] = {
        "scheme": "I can only open http:// and https:// links.",
        "credentials": "I can't open links that contain a user name or password.",
        "bad_url": "That doesn't look like a web address I can open.",
        "too_many_redirects": "That link redirects too many times, so I stopped following it.",
        "too_large": "That page is too large for me to read.",
    }
    _default = "That link points to a private or internal network address, so I can't open it."


class FetchFailed(FetchError):
    """The link was allowed but could not be read: "dns", "connect", "timeout", "tls", "protocol", "network",
    "encoding"."""

    _messages: ClassVar[dict[str, str]] = {
        "dns": "I couldn't find that website. Please check the link.",
        "connect": "I couldn't connect to that website.",
        "timeout": "That website took too long to respond.",
        "tls": "I couldn't verify that website's secure connection.",
        "encoding": "That website sent the page in a form I can't read.",
    }
    _default = "I couldn't read that page. Please try again later."


def fetch(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    allow: Collection[tuple[str, int]] = (),
    ssl_context: ssl.SSLContext | None = None,
) -> FetchResult:
    """GET `url`, following up to `max_redirects` redirects, all within `timeout` seconds in total (each connection
    attempt also within `connect_timeout`). Any HTTP status is returned; raises FetchRefused or FetchFailed.

    `allow`: exact (host, port) pairs exempt from the address check, e.g. {("127.0.0.1", 8123)}.
    `ssl_context`: certificate verification settings (default: the system's trusted CAs, hostname checked)."""
    deadline = time.monotonic() + timeout
    allowed = {(host.strip("[]").lower(), port) for host, port in allow}
    context = ssl_context or _default_context()
    for _ in range(max_redirects + 1):
        target = _parse(url)
        addresses = _checked_addresses(target, (target.host, target.port) in allowed, deadline)
        outcome = _request(target, _Hop(addresses, target.port, deadline, connect_timeout), context, max_bytes)
        if isinstance(outcome, FetchResult):
            return outcome
        url = outcome
    raise FetchRefused("too_many_redirects", url)


@cache
def _default_context() -> ssl.SSLContext:
    # Loading the system CAs costs milliseconds; a context is safe to share between threads.
    return ssl.create_default_context()


def _remaining(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str  # IDNA-encoded and lowercased; an IPv6 literal without brackets
    port: int
    path: str  # the request target: path and query, percent-encoded

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        netloc = host if self.port == _DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"
        return f"{self.scheme}://{netloc}{self.path}"


def _parse(url: str) -> _Target:
    url = url.strip()
    if _CONTROL.search(url):
        raise FetchRefused("bad_url", repr(url))
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError when not a number in 0-65535
    except ValueError as exc:
        raise FetchRefused("bad_url", repr(url)) from exc
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise FetchRefused("scheme", scheme)
    # Any "@" in the authority: credentials would be sent to the site, and "a\@b" is read differently by browsers.
    if "@" in parts.netloc:
        raise FetchRefused("credentials")
    try:
        # Names are compared and sent in their ASCII form; IDNA also folds look-alikes such as full-width digits.
        host = (parts.hostname or "").encode("idna").decode("ascii").lower()
    except UnicodeError as exc:
        raise FetchRefused("bad_url", repr(url)) from exc
    if not _HOST.fullmatch(host) or port == 0:
        raise FetchRefused("bad_url", repr(url))
    path = quote(parts.path or "/", safe=_TARGET_SAFE)
    if parts.query:
        path += "?" + quote(parts.query, safe=_TARGET_SAFE)
    return _Target(scheme, host, port or _DEFAULT_PORTS[scheme], path)


def _checked_addresses(target: _Target, allowed: bool, deadline: float) -> list[IPAddress]:
    """The addresses `target` may be reached at; refused unless every one is public (or the host:port is allowed).
    Numeric spellings (2130706433, 0177.0.0.1, 0x7f.1, 127.1) are judged by what the resolver makes of them."""
    name = target.host.rstrip(".")
    if not allowed and (name == "localhost" or name.endswith(".localhost")):
        raise FetchRefused("loopback", target.host)
    if not allowed and name in METADATA_NAMES:
        raise FetchRefused("metadata", target.host)
    addresses: list[IPAddress] = []
    for text in _resolve(target.host, target.port, deadline):
        try:
            address = ip_address(text)
        except ValueError as exc:
            raise FetchFailed("dns", f"{target.host}: {text!r}") from exc
        reason = None if allowed else refusal_reason(address)
        if reason:
            # One internal answer among public ones refuses the lot: which one gets used is not ours to predict.
            raise FetchRefused(reason, f"{target.host} -> {address}")
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchFailed("dns", target.host)
    return addresses


def _resolve(host: str, port: int, deadline: float) -> list[str]:
    # getaddrinfo cannot be interrupted and a slow name server (which the link's owner may run) could outlast the
    # deadline: resolve in a daemon thread and stop waiting at the deadline; the thread ends when the resolver does.
    answer: list[Any] = []

    def resolve() -> None:
        try:
            answer.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP))
        except (OSError, UnicodeError) as exc:
            answer.append(exc)

    worker = threading.Thread(target=resolve, name="fetch-resolve", daemon=True)
    worker.start()
    worker.join(_remaining(deadline))
    if not answer:
        raise FetchFailed("timeout", f"resolving {host}")
    if isinstance(answer[0], Exception):
        raise FetchFailed("dns", f"{host}: {answer[0]}") from answer[0]
    return [str(info[4][0]) for info in answer[0]]


class _Watchdog:
    """Shuts the connection down when the deadline passes. A socket timeout bounds each read, not their sum, so a
    server dripping a byte at a time could hold a fetch open for ever; shutdown wakes whatever read is blocked on the
    socket: the TLS handshake, the headers (read by http.client) or the body."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.fired = False
        self._lock = threading.Lock()  # so a disarmed watchdog never touches a socket that has moved on
        self._sock: socket.socket | None = None
        self._timer: threading.Timer | None = None

    def arm(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock
            self._timer = threading.Timer(_remaining(self.deadline), self._fire)
            self._timer.daemon = True
            self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._sock is None:
                return
            self.fired = True
            # The plain socket's shutdown even on TLS: SSLSocket.shutdown drops its TLS state under the reader.
            # OSError: the socket was closed meanwhile.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(self._sock, socket.SHUT_RDWR)

    def disarm(self) -> None:
        with self._lock:
            self._sock = None
            if self._timer is not None:
                self._timer.cancel()

    @property
    def expired(self) -> bool:
        return self.fired or _remaining(self.deadline) <= 0


class _Hop:
    """One request: the checked addresses to connect to, and the deadline with its watchdog."""

    def __init__(self, addresses: list[IPAddress], port: int, deadline: float, connect_timeout: float) -> None:
        self.addresses = addresses
        self.port = port
        self.connect_timeout = connect_timeout
        self.watchdog = _Watchdog(deadline)

    def open(self) -> socket.socket:
        """A TCP connection to one of the checked addresses, tried in the resolver's order."""
        error: OSError | None = None
        for address in self.addresses:
            timeout = min(self.connect_timeout, _remaining(self.watchdog.deadline))
            if timeout <= 0:
                break
            try:
                sock = socket.create_connection((str(address), self.port), timeout=timeout)
            except OSError as exc:
                error = exc
                continue
            sock.settimeout(max(_remaining(self.watchdog.deadline), 0.001))  # per-read backstop; the watchdog: total
            return sock
        if self.watchdog.expired:
            raise FetchFailed("timeout", "connecting")
        raise FetchFailed("connect", str(error))


class _PinnedHTTPConnection(http.client.HTTPConnection):
    # `host` (the name) is kept for the Host header; connect() never looks it up again.
    def __init__(self, host: str, hop: _Hop) -> None:
        super().__init__(host, hop.port)
        self._hop = hop

    def connect(self) -> None:
        self.sock = self._hop.open()
        self._hop.watchdog.arm(self.sock)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, hop: _Hop, context: ssl.SSLContext) -> None:
        super().__init__(host, hop.port, context=context)
        self._hop = hop
        self._tls = context

    def connect(self) -> None:
        # SNI and the certificate are checked against the name; the handshake waits until the watchdog is armed.
        sock = self._tls.wrap_socket(self._hop.open(), server_hostname=self.host, do_handshake_on_connect=False)
        self.sock = sock
        self._hop.watchdog.arm(sock)
        sock.do_handshake()


def _request(target: _Target, hop: _Hop, context: ssl.SSLContext, max_bytes: int) -> FetchResult | str:
    """The response to one GET, or the absolute URL it redirects to."""
    conn: http.client.HTTPConnection = (
        _PinnedHTTPSConnection(target.host, hop, context)
        if target.scheme == "https"
        else _PinnedHTTPConnection(target.host, hop)
    )
    response: http.client.HTTPResponse | None = None
    try:
        conn.request("GET", target.path, headers=_HEADERS)
        response = conn.getresponse()
        location = response.getheader("Location")
        if response.status in _REDIRECT_STATUSES and location:
            return urljoin(target.url, location.strip())
        content_type, charset = _content_type(response)
        return FetchResult(target.url, response.status, content_type, charset, _read_body(response, max_bytes, hop))
    except (OSError, http.client.HTTPException) as exc:
        raise _failure(exc, hop) from exc
    finally:
        hop.watchdog.disarm()
        if response is not None:
            response.close()
        conn.close()


def _read_body(response: http.client.HTTPResponse, max_bytes: int, hop: _Hop) -> bytes:
    if response.length is not None and response.length > max_bytes:
        raise FetchRefused("too_large", f"Content-Length {response.length}")
    encoding = (response.getheader("Content-Encoding") or "").strip().lower()
    if encoding not in ("", "identity"):
        raise FetchFailed("encoding", encoding)
    body = bytearray()
    # Read one byte past the cap, so a body without Content-Length (or with a false one) is caught exceeding it.
    while chunk := response.read(min(_CHUNK, max_bytes + 1 - len(body))):
        body += chunk
        if len(body) > max_bytes:
            raise FetchRefused("too_large", f"more than {max_bytes} bytes")
    if hop.watchdog.expired:
        raise FetchFailed("timeout", "reading the body")
    if response.length:  # http.client ends a body cut short of its Content-Length silently
        raise FetchFailed("network", "body shorter than its Content-Length")
    return bytes(body)


def _content_type(response: http.client.HTTPResponse) -> tuple[str | None, str | None]:
    if response.getheader("Content-Type") is None:
        return None, None  # email.message would claim text/plain
    charset = response.headers.get_content_charset()
    if charset:
        try:
            # Non-empty: decoding b"" succeeds without looking the codec up. LookupError: unknown ("utf-99") or not a
            # text encoding ("zlib"), either of which would only make the caller's decode() fail.
            b"x".decode(charset)
        except LookupError:
            charset = None
        except UnicodeError:
            pass  # a real text encoding (UTF-16, say) in which one byte is not valid text
    return response.headers.get_content_type(), charset


def _failure(exc: Exception, hop: _Hop) -> FetchFailed:
    if hop.watchdog.expired or isinstance(exc, TimeoutError):
        return FetchFailed("timeout", repr(exc))
    if isinstance(exc, ssl.SSLError):  # certificate verification errors included
        return FetchFailed("tls", repr(exc))
    if isinstance(exc, http.client.HTTPException):
        return FetchFailed("protocol", repr(exc))
    return FetchFailed("network", repr(exc))
