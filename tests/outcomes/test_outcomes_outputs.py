"""The chart (a PNG of a fixed size), the Word report, and `cmebot outcomes` as a user runs it."""

from __future__ import annotations

import io
import json
import struct
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from PIL import Image
from typer.testing import CliRunner

from bot.cli import app
from bot.outcomes import analyse_csv, chart_png, write_docx
from bot.outcomes.report import TITLE

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def responses(table_csv: Callable[..., bytes], tmp_path: Path) -> Path:
    """Two items (Q1 improves, Q2 does not), a follow-up on Q1, and one bad row on line 162."""
    csv = table_csv(Q1=(15, 17, 1, 7), Q2=(10, 3, 3, 24)).decode()
    csv += "X,Q1,later,1\n" + "".join(f"L{i:04d},Q1,followup,1\n" for i in range(12))
    path = tmp_path / "activity.csv"
    path.write_text(csv)
    items = tmp_path / "items.csv"
    items.write_text("item,objective,level\nQ1,sepsis recognition,3a\nQ2,antibiotic choice in a case,4\n")
    return path


def test_chart_is_a_png_of_1200_by_700(responses: Path, tmp_path: Path) -> None:
    result = analyse_csv(responses)
    png = chart_png(result, tmp_path / "chart.png")
    assert png.startswith(PNG_SIGNATURE) and (tmp_path / "chart.png").read_bytes() == png
    assert png[12:16] == b"IHDR" and struct.unpack(">II", png[16:24]) == (1200, 700)
    with Image.open(io.BytesIO(png)) as image:
        image.verify()
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1200, 700) and image.format == "PNG"


def test_chart_of_scores_and_many_items_keeps_its_size() -> None:
    lines = ["learner_id,item,phase,score"] + [
        f"L{i},item number {k} with a long name,{phase},{i + k + (5 if phase == 'post' else 0)}"
        for k in range(40)
        for i in range(3)
        for phase in ("pre", "post")
    ]
    png = chart_png(analyse_csv("\n".join(lines).encode()))
    assert struct.unpack(">II", png[16:24]) == (1200, 700)


def test_docx_has_the_sections_tables_text_and_chart(responses: Path, tmp_path: Path) -> None:
    result = analyse_csv(responses, items=responses.parent / "items.csv", activity="Sepsis update 2025")
    path = write_docx(result, tmp_path / "report.docx")
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == TITLE
    for heading in ("Summary", "Results by item", "Item Q1", "Item Q2", "Moore level reached", "Data problems"):
        assert heading in headings
    assert "What these data do and do not show" in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Activity: Sepsis update 2025" in text
    assert "Knowledge of sepsis recognition improved from 40% to 80% correct" in text
    assert result.summary["limits"] in text and result.summary["level_statement"] in text
    assert "line 162: unknown_phase" in text
    assert len(document.tables) == 2
    q1 = {row.cells[0].text: [cell.text for cell in row.cells[1:]] for row in document.tables[0].rows}
    assert q1[""] == ["Pre → post", "Pre → follow-up"]
    for field in ("Item", "Objective", "Moore level", "n matched", "Test", "p", "Holm p", "Effect size"):
        assert field in q1
    assert q1["Objective"][0] == "sepsis recognition" and q1["Moore level"][0].startswith("Moore level 3a")
    assert q1["n matched"] == ["40", "12"] and q1["Pre (% correct)"][0] == "40%" and q1["p"][0] == "<0.001"
    assert len(document.inline_shapes) == 1  # the chart


def test_cli_prints_the_plain_summary_and_writes_the_files(responses: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["outcomes", str(responses), "--items", str(responses.parent / "items.csv"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Knowledge of sepsis recognition improved from 40% to 80% correct" in result.stdout
    assert "line 162" in result.output  # the bad row, on stderr
    assert (out / "activity-outcomes.png").read_bytes().startswith(PNG_SIGNATURE)
    assert docx.Document(str(out / "activity-outcomes.docx")).paragraphs[0].text == TITLE


def test_cli_json_has_the_documented_keys(responses: Path) -> None:
    result = CliRunner().invoke(app, ["outcomes", str(responses), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"items", "summary", "problems"}
    for item in data["items"]:
        assert {"item", "n_matched", "pre", "post", "test", "p_value", "effect_size"} <= set(item)
    assert data["problems"][0]["line"] == 162 and data["problems"][0]["kind"] == "unknown_phase"
    assert data["summary"]["n_matched_learners"] == 40


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "is empty"), (b"a,b\n1,2\n", "missing item, phase"), (b"PK\x03\x04" + bytes(100), "Excel")],
)
def test_cli_exits_non_zero_with_one_line_when_nothing_can_be_analysed(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    result = CliRunner().invoke(app, ["outcomes", str(path)])
    assert result.exit_code == 2
    assert words in result.output and len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("Cannot analyse bad.csv:")


def test_cli_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"learner_id,item,phase,correct\n" + b"A,Q1,pre,1\n" * 1000)
    result = CliRunner().invoke(app, ["outcomes", str(path), "--max-mb", "0.005"])
    assert result.exit_code == 2 and "over the 5 KB limit" in result.output
