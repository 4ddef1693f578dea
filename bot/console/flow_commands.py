"""/needs-assessment, /mock-activity, /outcomes, /disclosure-check and /drafts in `cmebot chat`: the guided
flows, asked one question at a time from the same definitions Slack renders (prompts/flows/*.yml). Finished
documents are written as Markdown and .docx to settings.output_dir."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.table import Table

from bot.flows.checks import STATUS_ICONS
from bot.flows.datafile import parse_data_file
from bot.flows.definitions import FieldDef, FlowDef, load_flow
from bot.flows.documents import display_value, write_files
from bot.flows.dynamic import field_def, step_fields
from bot.flows.outcomes import analyse_answers
from bot.flows.service import DraftNotFound, FlowDraftState, FlowService, document_for
from bot.flows.templates import templates_for
from bot.flows.validation import as_lines, line_errors, validate_field

if TYPE_CHECKING:
    from bot.console.chat import ConsoleChat

# Typed instead of an answer, "-" empties an optional field (Enter alone keeps what is there).
CLEAR = "-"
CONTROLS = (
    "Type /back for the previous step, /save to stop and keep the draft, /cancel to delete it; "
    f"{CLEAR} empties an optional answer."
)


class _Stop(Exception):
    """The member typed /back, /save or /cancel (or ended the input) in the middle of a step."""

    def __init__(self, action: str) -> None:
        super().__init__(action)
        self.action = action


def _service(chat: ConsoleChat) -> FlowService:
    return FlowService(chat.runtime.db, chat.runtime.settings)


# "/drafts" or "/help me" is a command typed mid-flow; "/home/ana/data.csv" is a path, an answer.
_COMMAND = re.compile(r"^/[a-z][a-z-]*(?:\s|$)")


def _read(chat: ConsoleChat, prompt: str) -> str:
    while True:
        line = chat.ask(prompt)
        if line is None:
            raise _Stop("/save")  # Ctrl-D keeps the draft: nothing typed so far is lost.
        word = line.strip().lower()
        if word in ("/back", "/save", "/cancel"):
            raise _Stop(word)
        if not _COMMAND.match(word):
            return line
        # Another command (/drafts, /help...) typed mid-flow would otherwise be stored as the answer.
        chat.console.print(f"[yellow]{CONTROLS} Other commands work once this flow is saved or done.[/yellow]")


# Option values that are themselves what members type: Moore levels "3a", "5"; draft numbers.
_TYPED_VALUE = re.compile(r"^\d{1,6}[a-z]?$")


def _choices(field: FieldDef, service: FlowService, state: FlowDraftState) -> list[tuple[str, str, str]]:
    """(what to type, stored value, label) for each option.

    When the options' own values are numbers (Moore levels, draft numbers), the member types the value: listing
    "2 Satisfaction ... 6 Patient health" as 1..5 made "5" save level 6. Otherwise options are numbered 1..N."""
    if field.type == "needs_assessment":
        finished = service.completed_for(state.user_id, "needs_assessment")
        return [(str(summary.id), str(summary.id), summary.title) for summary in finished]
    if all(_TYPED_VALUE.match(option.value) for option in field.options):
        return [
            (option.value, option.value, re.sub(rf"^{re.escape(option.value)}\s+", "", option.label))
            for option in field.options
        ]
    return [(str(number), option.value, option.label) for number, option in enumerate(field.options, start=1)]


def _pick(text: str, choices: list[tuple[str, str, str]]) -> str:
    """The option a member typed: its key, or its label (whole, or the start of one label only); anything else
    is kept as typed so validation can explain it."""
    typed = text.strip().lstrip("#").lower()
    for key, value, _ in choices:
        if typed == key.lower():
            return value
    by_label = [value for _, value, label in choices if label.lower() == typed]
    if not by_label and len(typed) >= 3:
        by_label = [value for _, value, label in choices if label.lower().startswith(typed)]
    return by_label[0] if len(by_label) == 1 else text.strip()


def _ask_field(chat: ConsoleChat, service: FlowService, state: FlowDraftState, field: FieldDef, current: Any) -> Any:
    out = chat.console
    shown = display_value(field, current)
    keeps = "Enter keeps it" if field.required else f"Enter keeps it, {CLEAR} clears it"
    hint = f" [dim](now: {escape('; '.join(shown)[:120])}; {keeps})[/dim]" if shown else ""
    optional = "" if field.required else " [dim](optional)[/dim]"
    out.print(f"\n[bold]{escape(field.label)}[/bold]{optional}{hint}")
    if field.help:
        out.print(f"[dim]{escape(field.help)}[/dim]")
    if field.type == "data_file":
        out.print("[dim]Type the path of the CSV file.[/dim]")
    if field.type == "users":
        out.print("[dim]Slack member ids or names, separated by commas.[/dim]")
    if field.type in ("choice", "multi_choice", "needs_assessment"):
        choices = _choices(field, service, state)
        if field.type == "needs_assessment":
            if choices:
                out.print("[dim]Type the number of the needs assessment (#).[/dim]")
            else:
                out.print("[dim]No finished needs assessment yet; press Enter to continue.[/dim]")
        for key, _, label in choices:
            out.print(f"  {'#' if field.type == 'needs_assessment' else ''}{key}. {escape(label)}")
        many = field.type == "multi_choice"
        answer = _read(chat, "one or more, separated by commas> " if many else "your choice> ").strip()
        if not answer:
            return current
        if answer == CLEAR and not field.required:
            return [] if many else ""
        picked = [_pick(part, choices) for part in answer.split(",") if part.strip()]
        return picked if many else picked[0]
    if field.multiline:
        per_line = "One item per line; " if field.type != "long_text" else "Several lines are fine; "
        out.print(f"[dim]{per_line}an empty line finishes.[/dim]")
        lines: list[str] = []
        while True:
            line = _read(chat, "… " if lines else "> ")
            if not line.strip():
                break
            lines.append(line)
        if lines == [CLEAR] and not field.required:
            return ""
        return "\n".join(lines) if lines else current
    answer = _read(chat, "> ")
    if answer.strip() == CLEAR and not field.required:
        return ""
    return answer if answer.strip() else current


def _fix_lines(chat: ConsoleChat, field: FieldDef, text: str, flow: FlowDef) -> str:
    """Ask again for the bad lines of an agenda or people list only; the good lines stay as typed."""
    lines = as_lines(text)
    for number, message in sorted(line_errors(field, text, flow).items()):
        while True:
            chat.console.print(f"[red]Line {number} (“{escape(lines[number - 1][:60])}”): {escape(message)}[/red]")
            again = _read(chat, f"line {number} again (Enter drops it)> ").strip()
            if not again:
                lines[number - 1] = ""
                break
            lines[number - 1] = again
            remaining = line_errors(field, again, flow)
            if not remaining:
                break
            message = remaining[1]
    return "\n".join(line for line in lines if line)


def _show_answers(chat: ConsoleChat, state: FlowDraftState) -> None:
    table = Table(title=f"Saved so far: {state.title}", show_lines=False)
    table.add_column("Question")
    table.add_column("Answer")
    fields = [f for step in state.definition.steps for f in step_fields(state.definition, step, state.answers)]
    for field in fields:
        lines = display_value(field, state.answers.get(field.id))
        if lines:
            table.add_row(escape(field.label), escape("\n".join(lines)))
    chat.console.print(table)


def run_flow(chat: ConsoleChat, service: FlowService, state: FlowDraftState, resumed: bool = False) -> None:
    out = chat.console
    flow = state.definition
    if resumed:
        _show_answers(chat, state)
    else:
        out.print(f"\n[bold]{escape(flow.title)}[/bold] (draft #{state.id})\n{escape(flow.intro)}")
    out.print(f"[dim]{CONTROLS}[/dim]")
    errors: dict[str, str] = {}
    while not state.completed:
        step = state.step
        fields = step_fields(flow, step, state.answers)
        values = {field.id: state.answers.get(field.id) for field in fields}
        if not errors:
            header = f"Step {state.step_index + 1} of {len(flow.steps)}: {escape(step.label)}"
            out.print(f"\n[bold cyan]{header}[/bold cyan]")
            if step.intro:
                out.print(escape(step.intro))
        try:
            # Field errors are caught as each answer is typed; after a whole-step error (no agenda and no
            # estimate, breaks longer than the time) the step is asked again, Enter keeping each answer.
            for field in fields:
                # After a rejected answer, Enter falls back to the last usable one (or to nothing for an optional
                # field): offering to "keep" the rejected text left no way out but typing something else.
                usable = values[field.id]
                if validate_field(field, usable, {**state.answers, **values}, flow):
                    usable = None
                while True:
                    values[field.id] = _ask_field(chat, service, state, field, values[field.id])
                    if line_errors(field, str(values[field.id] or ""), flow):
                        values[field.id] = _fix_lines(chat, field, str(values[field.id]), flow)
                    message = validate_field(field, values[field.id], {**state.answers, **values}, flow)
                    if not message:
                        break
                    out.print(f"[red]{escape(message)}[/red]")
                    values[field.id] = usable
        except _Stop as stop:
            if _stopped(chat, service, state, values, stop.action):
                return
            state = service.get(state.id, state.user_id)
            errors = {}
            continue
        outcome = service.submit_step(state.id, state.user_id, values)
        state, errors = outcome.state, outcome.errors
        for field_id, message in errors.items():
            known = field_def(flow, field_id, state.answers)
            out.print(f"[red]{escape(known.label if known else field_id)}: {escape(message)}[/red]")
    _finish(chat, service, state)


def _stopped(
    chat: ConsoleChat, service: FlowService, state: FlowDraftState, values: dict[str, Any], action: str
) -> bool:
    """Handle /back, /save, /cancel; True when the flow should end here."""
    if action == "/cancel":
        service.cancel(state.id, state.user_id)
        chat.console.print(f"Draft #{state.id} deleted.")
        return True
    typed = {key: value for key, value in values.items() if value not in (None, "", [])}
    if action == "/back":
        service.back(state.id, state.user_id, typed)
        return False
    service.save(state.id, state.user_id, typed)
    chat.console.print(f"Saved draft #{state.id}. Resume it with /drafts {state.id}.")
    return True


def _finish_outcomes(chat: ConsoleChat, state: FlowDraftState) -> None:
    out = chat.console
    data = parse_data_file(state.answers.get("data_file"))
    if data is None or data.path is None:
        out.print("The data file of this draft was shared in Slack; finish it there.")
        return
    out.print("[dim]Analysing…[/dim]")
    delivery = analyse_answers(state.answers, data.path)
    if not delivery.ok:
        out.print(f"[red]{escape(delivery.error)}[/red]")
        out.print("Fix the file and resume with /drafts, or type /outcomes template for an example.")
        return
    folder = chat.runtime.settings.output_dir
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"outcomes-{state.id}"
    files = {f"{stem}.docx": delivery.docx, f"{stem}.png": delivery.chart}
    if delivery.result is not None:
        files[f"{stem}.json"] = delivery.result.to_json(indent=2).encode("utf-8")
    for name, content in files.items():
        (folder / name).write_bytes(content or b"")
    out.print(f"\n[bold]Outcomes: {escape(delivery.activity or state.title)}[/bold]")
    for line in delivery.lines:
        out.print(escape(line))
    for name in files:
        out.print(f"Written: {folder / name}", markup=False)


def _finish(chat: ConsoleChat, service: FlowService, state: FlowDraftState) -> None:
    if state.flow == "outcomes":
        _finish_outcomes(chat, state)
        return
    doc = document_for(service, state)
    markdown, docx = write_files(doc, chat.runtime.settings.output_dir, state.id)
    if doc.flow == "disclosure_check":
        learner = next((section for section in doc.sections if section.heading == "Disclosure for learners"), None)
        chat.console.print("\n[bold]Disclosure for learners[/bold]")
        for block in learner.blocks if learner else []:
            chat.console.print(getattr(block, "text", ""), markup=False, highlight=False)
        for issue in doc.open_issues:
            chat.console.print(f"Still open: {issue}", style="yellow", markup=False, highlight=False)
        chat.console.print(f"\nDone: [bold]{escape(doc.title)}[/bold]")
        chat.console.print(f"Markdown: {markdown}", markup=False)
        chat.console.print(f"Word:     {docx}", markup=False)
        return
    table = Table(title=doc.checklist_heading, show_lines=True)
    for column in ("Item", "Status", "Standard or criterion", "What to do"):
        table.add_column(column)
    for item in doc.checklist:
        # Reasons only where something needs doing; the document has the full notes.
        todo = "" if item.status == "met" else escape(item.note)
        table.add_row(escape(item.item), f"{STATUS_ICONS[item.status]} {item.label}", escape(item.source), todo)
    chat.console.print(table)
    if doc.statements:
        chat.console.print(escape(doc.statements.accreditation) + "\n\n" + escape(doc.statements.designation))
    chat.console.print(f"\nDone: [bold]{escape(doc.title)}[/bold]")
    chat.console.print(f"Markdown: {markdown}", markup=False)
    chat.console.print(f"Word:     {docx}", markup=False)


def _start(flow_name: str):  # type: ignore[no-untyped-def]
    def handler(chat: ConsoleChat, rest: str) -> None:
        service = _service(chat)
        words = rest.split()
        if flow_name in ("outcomes", "disclosure_check") and words[:1] == ["template"]:
            _write_templates(chat, flow_name)
            return
        if flow_name == "disclosure_check" and words[:1] == ["session"]:
            _session(chat, service, words[1:])
            return
        if flow_name == "disclosure_check" and words[:1] == ["reminders"]:
            from datetime import date

            from bot.flows.disclosure_check import reminder_lines

            lines = reminder_lines(chat.runtime.db, date.today(), owner=chat.user_id)
            for line in lines or ["No series disclosure is due in the next 30 days."]:
                chat.console.print(line, markup=False, highlight=False)
            return
        try:
            if words[:1] == ["resume"]:
                _resume(chat, service, words[1] if len(words) > 1 else "", flow_name)
                return
            source = int(words[1]) if words[:1] == ["from"] and len(words) > 1 and words[1].isdigit() else None
            state = service.start(chat.user_id, flow_name, surface="console", source_id=source)
        except DraftNotFound as exc:
            chat.console.print(f"No finished needs assessment #{exc.args[0]} of yours.", markup=False)
            return
        run_flow(chat, service, state)

    return handler


def _session(chat: ConsoleChat, service: FlowService, words: list[str]) -> None:
    """/disclosure-check session <draft #> <date> [presenters]: one series session's learner disclosure."""
    from bot.flows.disclosure_check import session_text

    if not words or not words[0].lstrip("#").isdigit():
        chat.console.print("Usage: /disclosure-check session <check #> <session date> [presenters, comma-separated]")
        return
    try:
        state = service.get(int(words[0].lstrip("#")), chat.user_id)
    except DraftNotFound:
        chat.console.print(f"No disclosure check #{words[0].lstrip('#')} of yours.", markup=False)
        return
    if state.flow != "disclosure_check" or not state.completed:
        chat.console.print("That is not a finished disclosure check.", markup=False)
        return
    chat.console.print(session_text(state.answers, words[1:]), markup=False, highlight=False)


def _write_templates(chat: ConsoleChat, flow_name: str) -> None:
    folder = chat.runtime.settings.output_dir
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in templates_for(flow_name).items():
        (folder / name).write_text(text, encoding="utf-8")
        chat.console.print(f"Written: {folder / name}", markup=False)
    chat.console.print(f"Fill it in, then start /{load_flow(flow_name).command}.")


def _resume(chat: ConsoleChat, service: FlowService, draft_id: str, flow_name: str | None = None) -> None:
    drafts = [d for d in service.drafts_for(chat.user_id) if flow_name in (None, d.flow)]
    if draft_id:
        if not draft_id.isdigit():
            chat.console.print(f"“{draft_id}” is not a draft number; /drafts lists yours.", markup=False)
            return
        chosen = int(draft_id)
    elif drafts:
        chosen = drafts[0].id
    else:
        chat.console.print("You have no unfinished drafts.")
        return
    try:
        state = service.get(chosen, chat.user_id)
    except DraftNotFound:
        chat.console.print(f"No draft #{chosen} of yours; /drafts lists them.")
        return
    if state.completed:
        chat.console.print(f"Draft #{chosen} is already finished.")
        return
    run_flow(chat, service, state, resumed=True)


def drafts(chat: ConsoleChat, rest: str) -> None:
    service = _service(chat)
    words = rest.split()
    if words[:1] == ["cancel"] and len(words) > 1 and words[1].isdigit():
        deleted = service.cancel(int(words[1]), chat.user_id)
        chat.console.print(f"Draft #{words[1]} deleted." if deleted else f"No draft #{words[1]} of yours.")
        return
    if words:
        _resume(chat, service, words[-1])
        return
    summaries = service.drafts_for(chat.user_id)
    if not summaries:
        chat.console.print("You have no unfinished drafts. Start one with /needs-assessment or /mock-activity.")
        return
    table = Table(title="Your drafts")
    for column in ("#", "Flow", "Title", "Where you stopped", "Saved"):
        table.add_column(column)
    for summary in summaries:
        table.add_row(
            str(summary.id),
            load_flow(summary.flow).title,
            escape(summary.title),
            summary.step_label,
            f"{summary.updated_at:%Y-%m-%d %H:%M}",
        )
    chat.console.print(table)
    chat.console.print("Resume with /drafts <number>; delete with /drafts cancel <number>.")


def register(chat: ConsoleChat) -> None:
    chat.register(
        "needs-assessment", "guided needs assessment (add 'resume' to continue a draft)", _start("needs_assessment")
    )
    chat.register(
        "mock-activity",
        "draft a mock CME activity ('from <needs assessment #>' to build on one)",
        _start("mock_activity"),
    )
    chat.register(
        "outcomes",
        "analyse pre/post learner data from a CSV ('template' writes example files)",
        _start("outcomes"),
    )
    chat.register(
        "disclosure-check",
        "Standard 3 for one activity: relationships, decisions, learner disclosure ('template' writes the CSV)",
        _start("disclosure_check"),
    )
    chat.register("drafts", "list your unfinished flows; /drafts <number> resumes one", drafts)
