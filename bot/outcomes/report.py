"""The outcomes report as a Word document (python-docx): summary, one table per item, the Moore level reached
with its evidence, what the data do and do not show, data problems, and the chart."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Inches

from bot.outcomes.analysis import OutcomesResult
from bot.outcomes.chart import chart_png
from bot.outcomes.loading import iter_problem_lines
from bot.outcomes.wording import format_p, format_value

TITLE = "Outcomes report"
MAX_PROBLEMS_LISTED = 100  # the full list stays in the JSON; a document reader needs the pattern, not every row


def write_docx(result: OutcomesResult, path: str | Path, *, chart: bytes | None = None) -> Path:
    """Write the report to `path` (a .docx) and return it. `chart` is the PNG to embed; drawn when not given."""
    document = Document()
    document.add_heading(TITLE, level=0)
    summary = result.summary
    if summary.get("activity"):
        document.add_paragraph(f"Activity: {summary['activity']}")

    document.add_heading("Summary", level=1)
    document.add_paragraph(summary["sentences"][0])
    for sentence in summary["sentences"][1:-2]:
        document.add_paragraph(sentence, style="List Bullet")

    document.add_heading("Results by item", level=1)
    for row in result.items:
        document.add_heading(f"Item {row['item']}", level=2)
        _item_table(document, row, result.kind)

    document.add_heading("Moore level reached", level=1)
    document.add_paragraph(summary["level_statement"])
    document.add_paragraph(_evidence(result))

    document.add_heading("What these data do and do not show", level=1)
    document.add_paragraph(summary["limits"])

    document.add_heading("Data problems", level=1)
    problems = list(iter_problem_lines(result.problems))
    if not problems:
        document.add_paragraph("No problems were found in the data.")
    for line in problems[:MAX_PROBLEMS_LISTED]:
        document.add_paragraph(line, style="List Bullet")
    if len(problems) > MAX_PROBLEMS_LISTED:
        document.add_paragraph(f"… and {len(problems) - MAX_PROBLEMS_LISTED} more (see the JSON output).")

    document.add_heading("Chart", level=1)
    document.add_picture(io.BytesIO(chart if chart is not None else chart_png(result)), width=Inches(6.5))
    target = Path(path)
    document.save(str(target))
    return target


def _item_table(document: Any, row: dict[str, Any], kind: str) -> None:
    """Rows are the fields; one column for pre -> post, a second for pre -> follow-up when there is one."""
    columns = [_comparison_rows(row, "post", kind)]
    headers = ["", "Pre → post"]
    if row["followup"]:
        columns.append(_comparison_rows(row["followup"], "followup", kind))
        headers.append("Pre → follow-up")
    described = [
        ("Item", row["item"]),
        ("Objective", row["objective"] or "not given"),
        ("Moore level", row["level_label"]),
    ]
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    for name, value in described:
        cells = table.add_row().cells
        cells[0].text = name
        cells[1].merge(cells[-1]).text = value  # the same for both comparisons: one cell across
    for index, (name, _) in enumerate(columns[0]):
        cells = table.add_row().cells
        cells[0].text = name
        for cell, column in zip(cells[1:], columns, strict=True):
            cell.text = column[index][1]
    document.add_paragraph(row["sentence"])
    if row["followup"]:
        document.add_paragraph(row["followup"]["sentence"])


def _p(p: float | None) -> str:
    return format_p(p).removeprefix("p=").removeprefix("p") if p is not None else "n/a"


def _comparison_rows(comparison: dict[str, Any], phase: str, kind: str) -> list[tuple[str, str]]:
    unit = "% correct" if kind == "binary" else "mean score"
    if comparison["paired"]:
        design = "paired (matched learners)"
        n = str(comparison["n_matched"])
    else:
        design = "unpaired (learners not matched)"
        n = f"0 (answers: {comparison['n_pre']} before, {comparison[f'n_{phase}']} after)"
    effect = "n/a"
    if comparison["effect_size"] is not None:
        effect = f"{comparison['effect_size']:.2f} ({comparison['effect_measure']})"
        if comparison["odds_ratio"] is not None:
            low, high = comparison["odds_ratio_ci"]
            effect += f"; odds ratio {comparison['odds_ratio']:.2f} (95% CI {low:.2f} to {high:.2f})"
    test = comparison["test"] or "no test"
    if comparison["test_reason"]:
        test += f" ({comparison['test_reason']})"
    elif comparison["too_few"]:
        test += " (too few learners to test)"
    return [
        ("Design", design),
        ("n matched", n),
        (f"Pre ({unit})", format_value(comparison["pre"], kind)),
        (f"After ({unit})", format_value(comparison[phase], kind)),
        ("Test", test),
        ("p", _p(comparison["p_value"])),
        ("Holm p", _p(comparison["p_holm"])),
        ("Effect size", effect),
    ]


def _evidence(result: OutcomesResult) -> str:
    """The items behind the level reached, each with its change and adjusted p."""
    improved = result.summary["items_improved"]
    if not improved:
        return "Evidence: no item improved significantly after Holm adjustment."
    parts = []
    for row in result.items:
        if row["item"] not in improved:
            continue
        for comparison, phase in ((row, "post"), (row["followup"], "followup")):
            if comparison and comparison["significant"] and comparison["change"] > 0:
                when = "at follow-up" if phase == "followup" else "after"
                parts.append(
                    f"{row['item']} ({row['level_label']}): {format_value(comparison['pre'], result.kind)} before, "
                    f"{format_value(comparison[phase], result.kind)} {when}, Holm {format_p(comparison['p_holm'])}"
                )
    return "Evidence: " + "; ".join(parts) + "."
