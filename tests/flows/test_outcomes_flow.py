"""/outcomes in `cmebot chat`: the same flow definition as Slack, a CSV path instead of a shared file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from bot.flows.definitions import load_flow
from bot.flows.outcomes import analyse_answers, item_metadata
from bot.flows.service import FlowService
from bot.flows.validation import line_errors, validate_field
from bot.runtime import Runtime
from tests.conftest import make_settings
from tests.flows.outcome_samples import BAD_ROW, GOOD_CSV, ITEM_LEVELS
from tests.flows.test_console import chat_with


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    runtime = Runtime(make_settings(tmp_path))
    yield runtime
    runtime.close()


def test_the_console_flow_writes_the_report_chart_and_json(runtime: Runtime, tmp_path: Path) -> None:
    data = tmp_path / "responses.csv"
    data.write_text(GOOD_CSV + BAD_ROW + "\n", encoding="utf-8")
    chat, output = chat_with(runtime, ["Opioid safety 2027", str(data), *ITEM_LEVELS.splitlines(), ""])
    chat.handle("/outcomes")
    text = output.getvalue()
    assert "Step 2 of 2: Items and Moore levels" in text
    # The q1 sentence a planner can paste: 9/30 -> 24/30, McNemar exact on 15 discordant pairs.
    assert (
        "Knowledge of choosing patients for a risk assessment improved from 30% to 80% correct "
        "(n=30 matched learners, McNemar exact p<0.001)"
    ) in " ".join(text.split())
    assert "line 122" in text and "during" in text  # the bad row, by line, the rest analysed
    folder = runtime.settings.output_dir
    report = Document(str(folder / "outcomes-1.docx"))
    assert "Opioid safety 2027" in "\n".join(p.text for p in report.paragraphs)
    assert (folder / "outcomes-1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    result = json.loads((folder / "outcomes-1.json").read_text(encoding="utf-8"))
    q1 = next(item for item in result["items"] if item["item"] == "q1")
    assert (q1["n_matched"], q1["pre"], q1["post"], q1["test"]) == (30, 0.3, 0.8, "McNemar exact")
    assert q1["objective"] == "Choosing patients for a risk assessment" and q1["level"] == "3a"
    state = FlowService(runtime.db, runtime.settings).get(1, "console-user")
    assert state.completed


def test_a_file_nothing_can_be_read_from_is_explained_and_the_draft_kept(runtime: Runtime, tmp_path: Path) -> None:
    data = tmp_path / "export.csv"
    data.write_text("name,score\nAna,3\n", encoding="utf-8")
    chat, output = chat_with(runtime, ["Sepsis", str(data), ""])
    chat.handle("/outcomes")
    text = output.getvalue()
    assert "learner_id" in text and "/outcomes template" in text
    assert not (runtime.settings.output_dir / "outcomes-1.docx").exists()


def test_paths_that_do_not_exist_or_are_not_csv_are_refused_at_the_field(runtime: Runtime, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    data = tmp_path / "responses.csv"
    data.write_text(GOOD_CSV, encoding="utf-8")
    chat, output = chat_with(runtime, ["Sepsis", str(tmp_path / "missing.csv"), str(sheet), str(data), "/save"])
    chat.handle("/outcomes")
    text = output.getvalue()
    assert "I can't find a file at" in text and "sheet.xlsx is not a CSV file" in text
    state = FlowService(runtime.db, runtime.settings).get(1, "console-user")
    assert state.answers["data_file"] == str(data) and state.step.id == "items"


def test_the_template_command_writes_example_files(runtime: Runtime) -> None:
    chat, output = chat_with(runtime, [])
    chat.handle("/outcomes template")
    assert "then start /outcomes" in output.getvalue()
    folder = runtime.settings.output_dir
    correct = (folder / "outcomes-template-correct.csv").read_text(encoding="utf-8")
    scores = (folder / "outcomes-template-scores.csv").read_text(encoding="utf-8")
    assert correct.startswith("learner_id,item,phase,correct") and scores.startswith("learner_id,item,phase,score")
    # The templates analyse as they are: a planner can try the flow before filling them in.
    assert analyse_answers({"activity": "Template"}, folder / "outcomes-template-correct.csv").ok


def test_item_level_lines_are_checked_one_by_one() -> None:
    flow = load_flow("outcomes")
    field = flow.fields["item_levels"]
    lines = ["q1 | Risk | 3a", "q2 Dosing 4", "q3 | Screening | 5 self-reported", "q4 | Knowledge | 3 self-reported"]
    text = "\n".join([*lines, "q1 | Again | 4"])
    assert line_errors(field, text, flow) == {
        2: "write item | objective | Moore level, e.g. q1 | Select patients for screening | 3a.",
        4: "only performance (5) can be self-reported.",
    }
    twice = "q1 | Risk | 3a\nq1 | Again | 4"
    assert validate_field(field, twice, {}, flow) == "Line 2 (“q1 | Again | 4”): item q1 is listed twice."
    assert item_metadata({"item_levels": text}) == {
        "q1": {"objective": "Again", "level": "4"},
        "q3": {"objective": "Screening", "level": "5-self"},
    }


def test_objectives_written_as_verbs_are_named_as_objectives() -> None:
    from bot.outcomes.wording import objective_name

    assert objective_name("Select patients for screening") == "the objective “Select patients for screening”"
    assert objective_name("Sepsis recognition") == "sepsis recognition"
    assert objective_name("CDC dosing thresholds") == "CDC dosing thresholds"
