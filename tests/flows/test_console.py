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
    "4,5",  # Moore levels are typed as their level numbers
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
        "",
        "",  # dates and location: not set yet
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


# Lines that take the mock activity to its "Time and credit" step.
TO_TIME_STEP = ["Sepsis update", "", "ED physicians", "", "Recognise sepsis early", "", "1", "", ""]


def test_numbered_options_are_typed_by_their_own_number(runtime: Runtime) -> None:
    # Moore levels are labelled 2..6: typing 5 means Performance, never the fifth option (Patient health).
    chat, output = chat_with(runtime, NEEDS_ASSESSMENT_LINES)
    chat.handle("/needs-assessment")
    state = FlowService(runtime.db, runtime.settings).get(1, "console-user")
    assert state.answers["moore_levels"] == ["4", "5"]
    assert "  3a. Declarative knowledge" in output.getvalue()

    service = FlowService(runtime.db, runtime.settings)
    outcomes = service.start("console-user", "mock_activity").definition.step_index("outcomes")
    # Straight to the outcomes step: typed as a level number, and as a word.
    for typed, saved in (("5", "5"), ("performance", "5"), ("patient", "6")):
        draft = service.start("console-user", "mock_activity", surface="console")
        service.save(draft.id, "console-user", {"title": "Sepsis"}, step_index=outcomes)
        chat, _ = chat_with(runtime, ["Vignettes before and after", "", typed, "/save"])
        chat.handle(f"/drafts {draft.id}")
        assert service.get(draft.id, "console-user").answers["outcome_level"] == saved, typed


def test_a_rejected_optional_answer_can_be_left_empty(runtime: Runtime) -> None:
    # "-30 min" is refused; Enter must not bring it back ("now: -30 min, Enter keeps it").
    lines = [*TO_TIME_STEP, "", "90 min", "-30 min", "", "/save"]
    chat, output = chat_with(runtime, lines)
    chat.handle("/mock-activity")
    text = output.getvalue()
    assert "is negative" in text and "now: -30 min" not in text
    state = FlowService(runtime.db, runtime.settings).get(1, "console-user")
    assert state.step.id == "people"
    assert state.answers["estimated_minutes"] == "90 min" and state.answers["break_minutes"] == ""


def test_a_dash_clears_an_optional_answer_on_resume(runtime: Runtime) -> None:
    chat, _ = chat_with(runtime, [*TO_TIME_STEP, "", "90 min", "15 min", "/save"])
    chat.handle("/mock-activity")
    chat, output = chat_with(runtime, ["/back", "", "", "-", "/save"])
    chat.handle("/drafts 1")
    assert "Enter keeps it, - clears it" in output.getvalue()
    state = FlowService(runtime.db, runtime.settings).get(1, "console-user")
    assert state.answers["break_minutes"] == "" and state.answers["estimated_minutes"] == "90 min"


def test_one_bad_agenda_line_is_asked_again_alone(runtime: Runtime) -> None:
    agenda = ["08:00-09:00 Guideline update", "9.15 to ten Case workshop", "10:30-11:00 Q&A", ""]
    lines = [*TO_TIME_STEP, *agenda, "09:15-10:15 Case workshop", "", "", "/save"]
    chat, output = chat_with(runtime, lines)
    chat.handle("/mock-activity")
    text = output.getvalue()
    assert "Line 2 (“9.15 to ten Case workshop”): I can't find a time range" in text
    state = FlowService(runtime.db, runtime.settings).get(1, "console-user")
    assert state.answers["agenda"].splitlines() == [
        "08:00-09:00 Guideline update",
        "09:15-10:15 Case workshop",
        "10:30-11:00 Q&A",
    ]


def test_a_bad_people_line_can_be_dropped(runtime: Runtime) -> None:
    people = ["Dr Ana Ruiz | planner | none", "Dr Lee Chen faculty", ""]
    to_people = [*TO_TIME_STEP, "", "90 min", "", "1"]  # time step, then "no exception"
    # Enter at "line 2 again" drops it; /save at the next question keeps what was typed in the step.
    chat, output = chat_with(runtime, [*to_people, *people, "", "/save"])
    chat.handle("/mock-activity")
    assert "Line 2 (“Dr Lee Chen faculty”): write Name | planner or faculty" in output.getvalue()
    state = FlowService(runtime.db, runtime.settings).get(1, "console-user")
    assert state.answers["people"] == "Dr Ana Ruiz | planner | none"
