"""Deterministic tools the answer engine tries before retrieval: credit arithmetic, filled-in statements and
the disclosure lookback window. Each answers only a request it can serve and cites the rule's section.

    answer_with_tools("2 h 20 min with a 20 min break, how many credits?")
    -> ToolAnswer(tool="credit", text="2 AMA PRA Category 1 Credits™, ...", citations=[...])
"""

from __future__ import annotations

from datetime import date

from bot.answering.tools.intent import detect, unquoted
from bot.answering.tools.models import Citation, ToolAnswer

__all__ = ["Citation", "ToolAnswer", "answer_with_tools", "detect"]


def answer_with_tools(question: str, today: date | None = None) -> ToolAnswer | None:
    """None when the question is not a request a tool serves (the normal answer path takes it)."""
    from bot.answering.tools import credit, lookback, statements

    kind = detect(question, today)
    if kind is None:
        return None
    text = unquoted(" ".join(question.split()))
    if kind == "lookback":
        return lookback.lookback_answer(text, today or date.today())
    if kind == "statement":
        return statements.statement_answer(text)
    return credit.credit_answer(text)
