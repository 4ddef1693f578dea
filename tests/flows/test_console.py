"""The flows in `cmebot chat`, driven line by line as a member would type them."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from rich.console import Console

from bot.console.chat import ConsoleChat
from bot.flows.service import FlowService
from bot.runtime import Runtime
from tests.conftest import make_settings

NEEDS_ASSESSMENT_LINES = [
    "Family physicians in the Lakeside network",
    "",
    "1,3",  # audience, professions
    "Safer opioid prescribing 🩺",  # topic
    "41% have a documented risk assessment",
    "",
    "The CDC guideline recommends it for all",
    "",
    "2",
    "Vignette answers are poor",
    "",  # cause
    "1,4",
    "CDC Clinical Practice Guideline 2022",
    "Chart audit, March 2025",
    "",
    "Clinicians apply a risk tool",
    "",
    "3,4",
    "1",  # results, Moore levels, competencies
    "2,7",  # formats
    "Vignettes before and after; chart audit at 90 days",
    "",
    "41% (chart audit 2025)",
    "",
]


class Script:
    def __init__(self, lines: list[str]) -> None:
        self.lines = list(lines)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    runtime = Runtime(make_settings(tmp_path))
    yield runtime
    runtime.close()


def chat_with(runtime: Runtime, lines: list[str]) -> tuple[ConsoleChat, io.StringIO]:
    buffer = io.StringIO()
    console = Console(file=buffer, width=200, color_system=None)
    return ConsoleChat(runtime, console=console, read=Script(lines), user_id="console-user"), buffer


def test_needs_assessment_end_to_end_writes_markdown_and_docx(runtime: Runtime) -> None:
    # No baseline: the last answer (the optional baseline) is skipped with an empty line.
    chat, output = chat_with(runtime, [*NEEDS_ASSESSMENT_LINES[:-2], ""])
    chat.handle("/needs-assessment")
    text = output.getvalue()
    assert "Step 1 of 8: Audience" in text and "Step 8 of 8: Measuring change" in text
    out_dir = runtime.settings.output_dir
    markdown = next(out_dir.glob("*.md"))
    docx = next(out_dir.glob("*.docx"))
    assert f"Markdown: {markdown}" in text and f"Word:     {docx}" in text
    assert "Needs assessment: Safer opioid prescribing 🩺" in markdown.read_text(encoding="utf-8")
    paragraphs = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Chart audit, March 2025" in paragraphs
    assert "Mapping to the ACCME criteria" in text
    assert "If you didn't baseline it" in text  # weaknesses are explained in the terminal, not only in files


def test_bad_duration_is_explained_and_asked_again(runtime: Runtime) -> None:
    lines = [
        "Sepsis update",
        "",  # title, no needs assessment (Enter)
        "ED physicians",
        "",  # audience
        "Recognise sepsis early",
        "",  # objectives
        "1",  # format: live
        "",  # agenda: none
        "abc",
        "-20",
        "30h",
        "1h30",  # estimated time, three refusals then a good one
        "",  # breaks
        "/save",
    ]
    chat, output = chat_with(runtime, lines)
    chat.handle("/mock-activity")
    text = output.getvalue()
    assert "I can't read “abc” as a duration" in text
    assert "is negative" in text and "longer than a day" in text
    draft = FlowService(runtime.db, runtime.settings).drafts_for("console-user")[0]
    assert draft.step_label == "Step 6 of 9: Planners and faculty"
    assert f"Saved draft #{draft.id}" in text


def test_save_then_resume_shows_the_saved_answers(runtime: Runtime) -> None:
    chat, output = chat_with(runtime, [*NEEDS_ASSESSMENT_LINES[:3], "/save"])
    chat.handle("/needs-assessment")
    assert "Saved draft #1" in output.getvalue()

    # A new chat over the same database, as after a restart.
    chat, output = chat_with(runtime, ["/save"])
    chat.handle("/drafts")
    chat.handle("/drafts 1")
    text = output.getvalue()
    assert "Step 2 of 8: Topic" in text
    assert "Saved so far" in text and "Family physicians in the Lakeside network" in text


def test_back_keeps_what_was_typed_and_cancel_deletes(runtime: Runtime) -> None:
    # At the gap step: type the current practice, then go back from the best-practice question.
    lines = [*NEEDS_ASSESSMENT_LINES[:3], "Opioids", "Half of them are screened", "", "/back", "", "/cancel"]
    chat, output = chat_with(runtime, lines)
    chat.handle("/needs-assessment")
    text = output.getvalue()
    assert text.count("Step 2 of 8: Topic") == 2
    assert text.count("Step 3 of 8: Practice gap") == 2
    assert "now: Half of them are screened" in text
    assert "Draft #1 deleted." in text
    assert FlowService(runtime.db, runtime.settings).drafts_for("console-user") == []


def test_mock_activity_from_a_needs_assessment_prefills(runtime: Runtime) -> None:
    chat, _ = chat_with(runtime, NEEDS_ASSESSMENT_LINES)
    chat.handle("/needs-assessment")
    chat, output = chat_with(runtime, ["", "/save"])
    chat.handle("/mock-activity from 1")
    state = FlowService(runtime.db, runtime.settings).get(2, "console-user")
    assert state.answers["title"] == "Safer opioid prescribing 🩺"
    assert state.answers["audience"] == "Family physicians in the Lakeside network"
    assert "now: Safer opioid prescribing 🩺" in output.getvalue()


def test_unknown_draft_and_source_are_reported(runtime: Runtime) -> None:
    chat, output = chat_with(runtime, [])
    chat.handle("/drafts")
    chat.handle("/drafts 42")
    chat.handle("/mock-activity from 9")
    text = output.getvalue()
    assert "You have no unfinished drafts" in text
    assert "No draft #42 of yours" in text
    assert "No finished needs assessment #9 of yours" in text


def test_other_commands_typed_mid_flow_are_not_taken_as_answers(runtime: Runtime) -> None:
    chat, output = chat_with(runtime, [*NEEDS_ASSESSMENT_LINES[:3], "/drafts", "/save"])
    chat.handle("/needs-assessment")
    assert "Other commands work once this flow is saved or done" in output.getvalue()
    state = FlowService(runtime.db, runtime.settings).get(1, "console-user")
    assert state.answers.get("topic", "") == ""  # "/drafts" was refused, not saved as the topic
    assert state.step.id == "topic"
