"""How an answer looks in the terminal."""

from __future__ import annotations

import re

from rich.console import Console
from rich.markdown import Markdown
from rich.panel import Panel

from bot.answering.models import Answer
from bot.services.community import badge


def source_line(number: int, title: str, heading: str, url: str, authority: str, effective_date: str) -> str:
    parts = [f"[{number}] {title}"]
    if heading:
        parts.append(f"— {heading}")
    details = ", ".join(p for p in (authority, f"effective {effective_date}" if effective_date else "") if p)
    if details:
        parts.append(f"({details})")
    if url:
        parts.append(url)
    return " ".join(parts)


def as_markdown(text: str) -> str:
    """Answer text as Markdown: its "• " lines (list items, table rows, conditions) stay one line each instead of
    being folded into the paragraph above."""
    return re.sub(r"(?m)^• ", "- ", text)


def print_answer(console: Console, answer: Answer) -> None:
    style = "yellow" if answer.abstained else "green"
    console.print(Panel(Markdown(as_markdown(answer.answer)), border_style=style))
    for number, source in enumerate(answer.sources, 1):
        console.print(
            source_line(number, source.title, source.heading, source.url, source.provenance, source.effective_date),
            style="dim",
            highlight=False,
            markup=False,
        )
    footer = answer.produced_by + (f". {answer.note}" if answer.note else "")
    if answer.credit:
        footer += ". " + badge(answer.credit)
    console.print(footer, style="italic dim", highlight=False, markup=False)
