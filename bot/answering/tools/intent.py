"""Which tool, if any, a question asks for.

Look-alikes matter more than recall: "what is the 24-month lookback?" or "do breaks count toward credit?" ask
about a rule and belong to the normal answer path; only a question with the numbers, names or dates to work on
is a request for a calculation or a filled statement."""

from __future__ import annotations

import re
from datetime import date

from bot.answering.tools.credit import wants_credit
from bot.answering.tools.lookback import wants_lookback
from bot.answering.tools.statements import wants_statement


def detect(question: str, today: date | None = None) -> str | None:
    """The tool for the question: "lookback", "statement", "credit", or None."""
    text = unquoted(" ".join((question or "").split()))
    if not text:
        return None
    if wants_lookback(text, today or date.today()):
        return "lookback"
    if wants_statement(text):
        return "statement"
    if wants_credit(text):
        return "credit"
    return None


def unquoted(question: str) -> str:
    """The question without quoted passages: "is our statement correct: '... to provide CME'?" asks about the
    quote, and the words inside it ("provide", a date, a duration) are not the member's request."""
    return re.sub(r"[\"“][^\"”]{12,}[\"”]|(?<!\w)['‘][^'’]{12,}['’](?!\w)", " ", question).strip()
