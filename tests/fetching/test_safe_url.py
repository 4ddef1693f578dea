"""Member-supplied links are fetched only from public addresses, within a deadline and a size cap.

A local http.server on 127.0.0.1 is reached only through `allow={("127.0.0.1", port)}`. Name lookups are simulated by
patching socket.getaddrinfo, and socket.create_connection is wrapped (`connects`) to record every address the fetcher
connects to, so a test can route a "public" address to the local server and prove which address was used."""

from __future__ import annotations

import datetime
import gzip
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest

import bot.fetching
from bot.fetching import FetchFailed, FetchRefused, fetch, refusal_reason

PUBLIC_V4 = "93.184.216.34"
LATIN1_PAGE = "<p>Café</p>".encode("latin-1")
_real_create_connection = socket.create_connection
_real_getaddrinfo = socket.getaddrinfo


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        name, _, arg = path[1:].partition("/")
        route: Callable[[str, str], None] | None = getattr(self, f"route_{name.replace('-', '_')}", None)
        if route is None:
            self.send_error(404)
        else:
            route(arg, query)

    def reply(self, status: int, body: bytes, content_type: str | None = "text/plain", **headers: str) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for header, value in headers.items():
            self.send_header(header.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def route_page(self, arg: str, query: str) -> None:
        self.reply(200, LATIN1_PAGE, "text/html; charset=ISO-8859-1")

    def route_host(self, arg: str, query: str) -> None:
        self.reply(200, self.headers["Host"].encode())

    def route_echo(self, arg: str, query: str) -> None:
        self.reply(200, self.path.encode())

    def route_redirect(self, arg: str, query: str) -> None:
        self.reply(302, b"", Location=unquote(query.removeprefix("to=")))

    def route_loop(self, arg: str, query: str) -> None:
        hops = int(arg)
        self.reply(301, b"", Location=f"/loop/{hops - 1}" if hops else "/page")

    def route_status(self, arg: str, query: str) -> None:
        self.reply(int(arg), b"gone")

    def route_gzip(self, arg: str, query: str) -> None:
        self.reply(200, gzip.compress(b"hello"), Content_Encoding="gzip")

    def route_charset(self, arg: str, query: str) -> None:
        self.reply(200, b"x", f"text/html; charset={arg}")

    def route_untyped(self, arg: str, query: str) -> None:
        self.reply(200, b"x", None)

    def route_declared_big(self, arg: str, query: str) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "10000000")
        self.end_headers()
        self.write_quietly(b"x" * 4096)

    def route_sized(self, arg: str, query: str) -> None:
        # No Content-Length: HTTP/1.0, the body ends when the connection closes.
        self.send_response(200)
        self.end_headers()
        self.write_quietly(b"x" * int(arg))

    def route_short(self, arg: str, query: str) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "100")
        self.end_headers()
        self.wfile.write(b"only ten..")

    def route_drip_body(self, arg: str, query: str) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.drip()

    def route_drip_headers(self, arg: str, query: str) -> None:
        self.wfile.write(b"HTTP/1.0 200 OK\r\nX-Slow: ")
        self.drip()

    def drip(self) -> None:
        # A byte every 20 ms: each read is quick, only the total is slow. Stops once the client has gone.
        stop = time.monotonic() + 10
        while time.monotonic() < stop and self.write_quietly(b"x"):
            time.sleep(0.02)

    def write_quietly(self, data: bytes) -> bool:
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:
            return False
        return True


def serve(server: ThreadingHTTPServer) -> Iterator[int]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    yield from serve(ThreadingHTTPServer(("127.0.0.1", 0), Handler))


@pytest.fixture
def allow(port: int) -> set[tuple[str, int]]:
    return {("127.0.0.1", port)}


class Connects:
    """socket.create_connection, recording each address; `route` sends every connection to one real address."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []
        self.route: tuple[str, int] | None = None

    def __call__(self, address: tuple[str, int], timeout: Any = None, *args: Any, **kwargs: Any) -> socket.socket:
        self.calls.append((address[0], address[1]))
        return _real_create_connection(self.route or address, timeout, *args, **kwargs)


@pytest.fixture(autouse=True)
def connects(monkeypatch: pytest.MonkeyPatch) -> Connects:
    spy = Connects()
    monkeypatch.setattr(socket, "create_connection", spy)
    return spy


class FakeDNS:
    """Answers for chosen names, one list of addresses per lookup (the last repeats); other hosts resolve for real
    (numeric spellings, which the system resolver turns into addresses without asking the network)."""

    def __init__(self) -> None:
        self.answers: dict[str, list[list[str]]] = {}
        self.lookups: list[str] = []
        self.delay = 0.0

    def __call__(self, host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        if host not in self.answers:
            return _real_getaddrinfo(host, port, *args, **kwargs)
        self.lookups.append(host)
        time.sleep(self.delay)
        answers = self.answers[host]
        addresses = answers[min(len(self.lookups) - 1, len(answers) - 1)]
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (a, port, 0, 0))
            if ":" in a
            else (socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in addresses
        ]


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> FakeDNS:
    fake = FakeDNS()
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return fake


def refused(url: str, **kwargs: Any) -> FetchRefused:
    with pytest.raises(FetchRefused) as caught:
        fetch(url, timeout=3, **kwargs)
    return caught.value


# --- the allowed local server ------------------------------------------------------------------------------------


def test_a_page_is_fetched_through_the_one_allowed_host_and_port(port: int, allow: set[tuple[str, int]]) -> None:
    result = fetch(f"http://127.0.0.1:{port}/page#section", allow=allow)
    assert result.url == f"http://127.0.0.1:{port}/page"
    assert (result.status, result.content_type, result.charset) == (200, "text/html", "iso-8859-1")
    assert result.body.decode(result.charset) == "<p>Café</p>"


@pytest.mark.parametrize("location", ["/page", "page", "http://127.0.0.1:{port}/page"])
def test_a_redirect_within_the_allowed_host_is_followed(port: int, allow: set[tuple[str, int]], location: str) -> None:
    result = fetch(f"http://127.0.0.1:{port}/redirect?to={quote(location.format(port=port))}", allow=allow)
    assert (result.url, result.status, result.body) == (f"http://127.0.0.1:{port}/page", 200, LATIN1_PAGE)


def test_the_host_header_and_request_target_are_as_written(port: int, allow: set[tuple[str, int]]) -> None:
    assert fetch(f"http://127.0.0.1:{port}/host", allow=allow).body == f"127.0.0.1:{port}".encode()
    # Spaces and non-ASCII are percent-encoded, existing escapes kept.
    assert fetch(f"http://127.0.0.1:{port}/echo/a b?q=ü&r=%2F", allow=allow).body == b"/echo/a%20b?q=%C3%BC&r=%2F"


def test_an_error_status_is_returned_not_raised(port: int, allow: set[tuple[str, int]]) -> None:
    assert fetch(f"http://127.0.0.1:{port}/status/404", allow=allow).status == 404


@pytest.mark.parametrize(("path", "content_type", "charset"), [
    ("/charset/UTF-8", "text/html", "utf-8"),
    ("/charset/x-no-such-thing", "text/html", None),
    ("/charset/zlib", "text/html", None),  # a codec, but not a text encoding
    ("/charset/UTF-16", "text/html", "utf-16"),
    ("/untyped", None, None),
])  # fmt: skip
def test_content_type_and_charset_come_from_the_header(
    port: int, allow: set[tuple[str, int]], path: str, content_type: str | None, charset: str | None
) -> None:
    result = fetch(f"http://127.0.0.1:{port}{path}", allow=allow)
    assert (result.content_type, result.charset) == (content_type, charset)


def test_the_allowance_is_for_that_exact_host_and_port(
    port: int, allow: set[tuple[str, int]], connects: Connects
) -> None:
    for url in (f"http://localhost:{port}/page", f"http://2130706433:{port}/page", f"http://127.0.0.2:{port}/page"):
        assert refused(url, allow=allow).reason == "loopback"
    assert refused(f"http://127.0.0.1:{port + 1}/page", allow=allow).reason == "loopback"
    assert connects.calls == []


# --- addresses refused -------------------------------------------------------------------------------------------

LOOPBACK = [
    "http://localhost/",
    "http://LocalHost./",
    "http://app.localhost/",
    "http://127.0.0.1/",
    "http://2130706433/",  # decimal
    "http://0177.0.0.1/",  # octal
    "http://0x7f.1/",  # hex, short
    "http://0x7f000001/",
    "http://127.1/",  # short
    "http://127.0.0.1:8080/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped
    "http://[::ffff:7f00:1]/",
    "http://[64:ff9b::7f00:1]/",  # NAT64 of 127.0.0.1
    "https://１２７.0.0.1/",  # full-width digits, folded by IDNA
]
OTHERS = [
    ("http://10.0.0.1/", "private"),
    ("http://172.16.5.4/", "private"),
    ("http://192.168.1.1/", "private"),
    ("http://[fd12:3456::1]/", "private"),
    ("http://[::ffff:10.1.2.3]/", "private"),
    ("http://169.254.1.1/", "link_local"),
    ("http://[fe80::1]/", "link_local"),
    ("http://169.254.169.254/latest/meta-data/", "metadata"),
    ("http://[::ffff:169.254.169.254]/", "metadata"),
    ("http://[fd00:ec2::254]/", "metadata"),
    ("http://100.100.100.200/", "metadata"),
    ("http://metadata.google.internal/computeMetadata/v1/", "metadata"),
    ("http://100.64.0.1/", "cgnat"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://0/", "unspecified"),
    ("http://[::]/", "unspecified"),
    ("http://224.0.0.1/", "multicast"),
    ("http://[ff02::1]/", "multicast"),
    ("http://255.255.255.255/", "broadcast"),
    ("http://192.0.2.10/", "reserved"),  # documentation
    ("http://240.0.0.1/", "reserved"),
    ("http://[2001:db8::1]/", "reserved"),
    ("http://[2002:7f00:1::1]/", "reserved"),  # 6to4
    ("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "reserved"),  # Teredo
]


@pytest.mark.parametrize("url", LOOPBACK)
def test_loopback_is_refused_however_it_is_spelled(url: str, connects: Connects) -> None:
    error = refused(url)
    assert error.reason == "loopback"
    assert "127.0.0.1" not in str(error)  # the member's message names no address
    assert connects.calls == []


@pytest.mark.parametrize(("url", "reason"), OTHERS)
def test_internal_and_special_addresses_are_refused(url: str, reason: str, connects: Connects) -> None:
    assert refused(url).reason == reason
    assert connects.calls == []


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8",
                                     "64:ff9b::808:808"])  # fmt: skip
def test_public_addresses_pass(address: str) -> None:
    assert refusal_reason(ip_address(address)) is None


# --- URLs refused ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "reason"), [
    ("file:///etc/passwd", "scheme"),
    ("ftp://example.org/event", "scheme"),
    ("gopher://example.org/", "scheme"),
    ("javascript:alert(1)", "scheme"),
    ("data:text/html,<p>hi</p>", "scheme"),
    ("example.org/event", "scheme"),
    ("http://user:pass@example.org/", "credentials"),
    ("http://user@example.org/", "credentials"),
    ("http://example.org\\@127.0.0.1/", "credentials"),
    ("http://exa mple.org/", "bad_url"),
    ("http://ex\nample.org/", "bad_url"),
    ("http://[fe80::1%25eth0]/", "bad_url"),
    ("http://example.org:99999/", "bad_url"),
    ("http://example.org:0/", "bad_url"),
    ("http:///no-host", "bad_url"),
])  # fmt: skip
def test_urls_that_are_not_plain_http_links_are_refused(
    url: str, reason: str, dns: FakeDNS, connects: Connects
) -> None:
    assert refused(url).reason == reason
    assert (dns.lookups, connects.calls) == ([], [])


# --- name resolution ---------------------------------------------------------------------------------------------


def test_a_name_resolving_to_a_private_address_is_refused(dns: FakeDNS, connects: Connects) -> None:
    dns.answers["events.example.org"] = [["10.0.0.5"]]
    error = refused("http://events.example.org/")
    assert (error.reason, connects.calls) == ("private", [])
    assert "10.0.0.5" in error.detail and "10.0.0.5" not in str(error)


def test_one_private_address_among_public_ones_refuses_the_name(dns: FakeDNS, connects: Connects) -> None:
    dns.answers["events.example.org"] = [[PUBLIC_V4, "2606:4700::1", "169.254.169.254"]]
    assert refused("http://events.example.org/").reason == "metadata"
    assert connects.calls == []


def test_dns_rebinding_the_connection_goes_to_the_checked_address(port: int, dns: FakeDNS, connects: Connects) -> None:
    # The first answer is public, every later one loopback: a second lookup at connect time would reach 127.0.0.1.
    dns.answers["events.example.org"] = [[PUBLIC_V4], ["127.0.0.1"]]
    connects.route = ("127.0.0.1", port)  # stands in for the public server
    result = fetch("http://events.example.org/host")
    assert (result.status, result.body) == (200, b"events.example.org")  # Host header: the name
    assert dns.lookups == ["events.example.org"]
    assert connects.calls == [(PUBLIC_V4, 80)]


def test_a_redirect_is_resolved_and_checked_again(port: int, dns: FakeDNS, connects: Connects) -> None:
    dns.answers["events.example.org"] = [[PUBLIC_V4]]
    dns.answers["rebound.example.org"] = [["192.168.0.10"]]
    connects.route = ("127.0.0.1", port)
    target = quote("http://rebound.example.org/admin")
    assert refused(f"http://events.example.org/redirect?to={target}").reason == "private"
    assert connects.calls == [(PUBLIC_V4, 80)]


def test_a_slow_name_lookup_counts_against_the_deadline(dns: FakeDNS) -> None:
    dns.answers["slow.example.org"] = [[PUBLIC_V4]]
    dns.delay = 2.0
    started = time.monotonic()
    with pytest.raises(FetchFailed) as caught:
        fetch("http://slow.example.org/", timeout=0.3)
    assert caught.value.reason == "timeout"
    assert time.monotonic() - started < 1.0


# --- redirects ---------------------------------------------------------------------------------------------------


@pytest.fixture
def other_listener() -> Iterator[socket.socket]:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    yield listener
    listener.close()


def test_a_redirect_to_another_local_port_is_refused(
    port: int, allow: set[tuple[str, int]], other_listener: socket.socket
) -> None:
    other = other_listener.getsockname()[1]
    assert refused(f"http://127.0.0.1:{port}/redirect?to=http://127.0.0.1:{other}/", allow=allow).reason == "loopback"
    with pytest.raises(BlockingIOError):
        other_listener.accept()  # nobody knocked


@pytest.mark.parametrize(("location", "reason"), [
    ("http://169.254.169.254/latest/meta-data/iam/", "metadata"),
    ("http://[::ffff:a9fe:a9fe]/", "metadata"),
    ("file:///etc/passwd", "scheme"),
    ("ftp://127.0.0.1/", "scheme"),
    ("gopher://example.org/", "scheme"),
    ("http://admin:secret@example.org/", "credentials"),
])  # fmt: skip
def test_redirects_out_of_bounds_are_refused(
    port: int, allow: set[tuple[str, int]], location: str, reason: str
) -> None:
    assert refused(f"http://127.0.0.1:{port}/redirect?to={quote(location)}", allow=allow).reason == reason


def test_redirects_are_limited(port: int, allow: set[tuple[str, int]]) -> None:
    assert fetch(f"http://127.0.0.1:{port}/loop/4", allow=allow).body == LATIN1_PAGE  # five redirects
    assert refused(f"http://127.0.0.1:{port}/loop/5", allow=allow).reason == "too_many_redirects"
    assert refused(f"http://127.0.0.1:{port}/loop/1", allow=allow, max_redirects=0).reason == "too_many_redirects"


# --- size and time -----------------------------------------------------------------------------------------------


def test_a_declared_length_over_the_cap_is_refused_before_reading(port: int, allow: set[tuple[str, int]]) -> None:
    assert refused(f"http://127.0.0.1:{port}/declared-big", allow=allow, max_bytes=5_000_000).reason == "too_large"


def test_an_undeclared_body_is_cut_off_past_the_cap(port: int, allow: set[tuple[str, int]]) -> None:
    assert len(fetch(f"http://127.0.0.1:{port}/sized/1000", allow=allow, max_bytes=1000).body) == 1000
    assert refused(f"http://127.0.0.1:{port}/sized/1001", allow=allow, max_bytes=1000).reason == "too_large"
    assert refused(f"http://127.0.0.1:{port}/sized/300000", allow=allow, max_bytes=1000).reason == "too_large"


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_a_slow_drip_is_cut_off_at_the_total_deadline(port: int, allow: set[tuple[str, int]], path: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchFailed) as caught:
        fetch(f"http://127.0.0.1:{port}{path}", allow=allow, timeout=0.5)
    assert caught.value.reason == "timeout"
    assert time.monotonic() - started < 1.2


@pytest.mark.parametrize(("path", "reason"), [("/short", "network"), ("/gzip", "encoding")])
def test_unreadable_bodies_fail(port: int, allow: set[tuple[str, int]], path: str, reason: str) -> None:
    with pytest.raises(FetchFailed) as caught:
        fetch(f"http://127.0.0.1:{port}{path}", allow=allow)
    assert caught.value.reason == reason


# --- the environment opens nothing -------------------------------------------------------------------------------

ENV = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy", "no_proxy",
       "CMEBOT_FETCH_ALLOW", "CMEBOT_ALLOW_HOSTS", "CMEBOT_TESTING", "SSRF_ALLOW", "REQUESTS_CA_BUNDLE"]  # fmt: skip


def test_no_environment_variable_opens_loopback_or_a_proxy(
    port: int, monkeypatch: pytest.MonkeyPatch, dns: FakeDNS, connects: Connects
) -> None:
    for name in ENV:
        monkeypatch.setenv(name, "*" if "no_proxy" in name.lower() else f"http://127.0.0.1:{port}")
    assert refused(f"http://127.0.0.1:{port}/page").reason == "loopback"
    assert refused(f"http://localhost:{port}/page").reason == "loopback"
    # A public name is still connected to directly, never through the proxy the environment names.
    dns.answers["events.example.org"] = [[PUBLIC_V4]]
    connects.route = ("127.0.0.1", port)
    assert fetch("http://events.example.org/echo").body == b"/echo"  # a proxy would see an absolute URL
    assert connects.calls == [(PUBLIC_V4, 80)]


def test_the_fetcher_reads_no_environment() -> None:
    for source in Path(bot.fetching.__file__).parent.glob("*.py"):
        assert not re.search(r"\bos\b|environ\b|getenv|bot\.config", source.read_text()), source


# --- TLS: connect to the checked address, verify the name ----------------------------------------------------------


def _certificates(folder: Path) -> tuple[str, Path, Path]:
    """A throwaway CA (PEM text) and a certificate and key for events.example.org signed by it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.UTC)
    day = datetime.timedelta(days=1)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(1).not_valid_before(now - day).not_valid_after(now + day)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    leaf = (
        x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "events")]))
        .issuer_name(ca_name).public_key(key.public_key()).serial_number(2)
        .not_valid_before(now - day).not_valid_after(now + day)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("events.example.org")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    cert_file, key_file = folder / "leaf.pem", folder / "leaf.key"
    cert_file.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return ca.public_bytes(serialization.Encoding.PEM).decode(), cert_file, key_file


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, ssl.SSLContext, list[str]]]:
    """An HTTPS server on 127.0.0.1 for events.example.org: its port, a client context trusting its CA, and the SNI
    names it has seen."""
    ca_pem, cert_file, key_file = _certificates(tmp_path_factory.mktemp("tls"))
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert_file, key_file)
    names: list[str] = []

    def record_name(_sock: ssl.SSLObject, name: str | None, _context: ssl.SSLContext) -> None:
        names.append(name or "")

    server_context.sni_callback = record_name
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = server_context.wrap_socket(server.socket, server_side=True)
    for tls_port in serve(server):
        yield tls_port, ssl.create_default_context(cadata=ca_pem), names


def test_https_connects_to_the_checked_address_and_verifies_the_name(
    tls: tuple[int, ssl.SSLContext, list[str]], dns: FakeDNS, connects: Connects
) -> None:
    tls_port, context, names = tls
    dns.answers["events.example.org"] = [[PUBLIC_V4], ["127.0.0.1"]]
    connects.route = ("127.0.0.1", tls_port)
    result = fetch("https://events.example.org/host", ssl_context=context)
    assert (result.url, result.body) == ("https://events.example.org/host", b"events.example.org")
    assert connects.calls == [(PUBLIC_V4, 443)]
    assert names[-1] == "events.example.org"


def test_https_with_a_certificate_for_another_name_fails(
    tls: tuple[int, ssl.SSLContext, list[str]], dns: FakeDNS, connects: Connects
) -> None:
    tls_port, context, _ = tls
    dns.answers["impostor.example.org"] = [[PUBLIC_V4]]
    connects.route = ("127.0.0.1", tls_port)
    with pytest.raises(FetchFailed) as caught:
        fetch("https://impostor.example.org/", ssl_context=context)
    assert caught.value.reason == "tls"
