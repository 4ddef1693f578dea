"""/check in `cmebot chat`: is a flyer accredited? Text pasted after the command, a file path, or a link."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape

from bot.checker.render import as_lines
from bot.checker.service import AccreditationChecker, CheckInputError, CheckOutcome

if TYPE_CHECKING:
    from bot.console.chat import ConsoleChat


def _outcome(checker: AccreditationChecker, rest: str) -> CheckOutcome:
    candidate = Path(rest.strip().strip("'\"")).expanduser()
    if rest.strip() and "\n" not in rest and len(rest) < 1024 and candidate.is_file():
        try:
            data = candidate.read_bytes()
        except OSError as exc:
            raise CheckInputError(f"I can't read {candidate}: {exc.strerror or exc}.") from exc
        return checker.check_file(data, candidate.name)
    return checker.check_message(rest)


def _paste(chat: ConsoleChat) -> str:
    chat.console.print("Paste the flyer's text (an empty line finishes), or give a file path or a link.")
    lines: list[str] = []
    while (line := chat.ask("… " if lines else "> ")) is not None and line.strip():
        lines.append(line)
    return "\n".join(lines)


def check(chat: ConsoleChat, rest: str) -> None:
    rest = rest if rest.strip() else _paste(chat)
    if not rest.strip():
        return
    try:
        outcome = _outcome(AccreditationChecker(), rest)
    except CheckInputError as exc:
        chat.console.print(f"[yellow]{escape(str(exc))}[/yellow]")
        return
    lines = as_lines(outcome.result, outcome.checked)
    style = {"statements_complete": "green", "statements_incomplete": "yellow"}.get(outcome.result.verdict, "red")
    chat.console.print(f"[bold {style}]{escape(lines[0])}[/bold {style}]")
    for line in lines[1:]:
        chat.console.print(line, markup=False, highlight=False)


def register(chat: ConsoleChat) -> None:
    chat.register("check", "is it accredited? paste a flyer's text, or give a file path or a link", check)
