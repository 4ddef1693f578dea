"""What to check, found in what a member gave: a shared file, a link, or pasted text; then the check itself.
Shared by `cmebot check`, the console's /check and the Slack command, shortcut and mention (no Slack here).

Order: a shared file first (it is the flyer), else the first link in the text (the event page), else the text.
Links are fetched through bot.fetching, which never reaches private addresses; files from Slack are read by the
Slack layer with the bot token and passed in as bytes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.checker.check import CheckResult, check_flyer
from bot.checker.extract import MAX_FLYER_BYTES, FlyerError, extract

# Slack writes links as <https://example.org/page|label>; members paste them bare.
_SLACK_LINK = re.compile(r"<(https?://[^>|\s]+)(?:\|[^>]*)?>")
_URL = re.compile(r"https?://[^\s<>\"'|]+", re.IGNORECASE)
MIN_TEXT_WORDS = 12  # fewer words than this is a question or a link, not a flyer's text


@dataclass(frozen=True)
class Fetched:
    body: bytes
    content_type: str
    url: str


FetchUrl = Callable[[str], Fetched]


class CheckInputError(ValueError):
    """Nothing checkable was given, or it could not be read; the message is for the member."""


@dataclass
class CheckOutcome:
    result: CheckResult
    checked: str  # what was read: "flyer.pdf", "the page at https://...", "the text you pasted"


def urls_in(text: str) -> list[str]:
    text = _SLACK_LINK.sub(lambda m: f" {m.group(1)} ", text or "")
    return [url.rstrip(".,;:!?)") for url in _URL.findall(text)]


def default_fetch(url: str, allow: frozenset[tuple[str, int]] = frozenset()) -> Fetched:
    """Fetch a member's link through the safe fetcher. `allow` lets tests reach their one local server; it is
    set in code by the test, never from the environment."""
    from bot.fetching import FetchFailed, FetchRefused, fetch

    try:
        page = fetch(url, max_bytes=MAX_FLYER_BYTES, allow=allow)
    except (FetchRefused, FetchFailed) as exc:
        raise CheckInputError(str(exc)) from exc
    return as_fetched(page.status, page.body, page.content_type, page.url)


def as_fetched(status: int, body: bytes, content_type: str | None, url: str) -> Fetched:
    if status >= 400:
        raise CheckInputError(f"The page at {url} answered {status}, so there was nothing to check.")
    return Fetched(body, content_type or "", url)


class AccreditationChecker:
    def __init__(self, fetch_url: FetchUrl | None = None, allow: frozenset[tuple[str, int]] = frozenset()) -> None:
        self.fetch_url = fetch_url or (lambda url: default_fetch(url, allow))

    def check_file(self, data: bytes, name: str, content_type: str = "") -> CheckOutcome:
        try:
            return CheckOutcome(check_flyer(extract(data, name, content_type)), name or "the file")
        except FlyerError as exc:
            raise CheckInputError(f"I couldn't read {name or 'the file'}: {exc}.") from exc

    def check_url(self, url: str) -> CheckOutcome:
        page = self.fetch_url(url)
        try:
            flyer = extract(page.body, page.url.rsplit("/", 1)[-1], page.content_type)
        except FlyerError as exc:
            raise CheckInputError(f"I couldn't read the page at {page.url}: {exc}.") from exc
        return CheckOutcome(check_flyer(flyer), f"the page at {page.url}")

    def check_text(self, text: str) -> CheckOutcome:
        words = len((text or "").split())
        if words < MIN_TEXT_WORDS:
            raise CheckInputError(
                "Give me the flyer to check: paste its text (the part with the accreditation and credit "
                "statements), share the PDF or Word file, or paste a link to the event page."
            )
        return CheckOutcome(check_flyer(text), "the text you pasted")

    def check_message(self, text: str = "", files: list[tuple[str, bytes]] | None = None) -> CheckOutcome:
        """The flyer in a message: its first file, else its first link, else its text."""
        if files:
            name, data = files[0]
            return self.check_file(data, name)
        links = urls_in(text)
        if links and len(_URL.sub("", _SLACK_LINK.sub("", text)).split()) < MIN_TEXT_WORDS:
            return self.check_url(links[0])
        return self.check_text(_SLACK_LINK.sub(lambda m: m.group(1), text or ""))
