"""Finishing the /outcomes flow: the shared CSV and the item levels in, the analysis (bot.outcomes), its chart and
its Word report out, for whichever surface delivers them. Nothing here knows Slack or the console.

pandas, scipy and statsmodels load on the first analysis, not when the bot starts."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.flows.datafile import MAX_DATA_BYTES, parse_item_levels

if TYPE_CHECKING:
    from bot.outcomes.analysis import OutcomesResult

MAX_PROBLEM_LINES = 8  # in a chat message; the report lists more and the JSON all of them


@dataclass
class OutcomesDelivery:
    activity: str
    result: OutcomesResult | None = None
    error: str = ""  # set when nothing in the file could be analysed
    chart: bytes | None = None
    docx: bytes | None = None
    lines: list[str] = field(default_factory=list)  # the plain summary a planner can paste

    @property
    def ok(self) -> bool:
        return self.result is not None


def item_metadata(answers: dict[str, Any]) -> dict[str, dict[str, str | None]]:
    """item -> {"objective", "level"} from the flow's "item | objective | level" lines."""
    return {
        item.item: {"objective": item.objective or None, "level": "5-self" if item.self_reported else item.level}
        for item in parse_item_levels(str(answers.get("item_levels") or ""))
    }


def analyse_answers(answers: dict[str, Any], data: bytes | Path) -> OutcomesDelivery:
    """Analyse the flow's data: a bad row is reported and left out; only a file nothing can be read from gives
    an `error` instead of a result."""
    from bot.outcomes.analysis import analyse_csv
    from bot.outcomes.chart import chart_png
    from bot.outcomes.loading import iter_problem_lines
    from bot.outcomes.problems import OutcomesInputError
    from bot.outcomes.report import write_docx

    activity = str(answers.get("activity") or "").strip()
    source = data if isinstance(data, bytes) else str(data)
    try:
        result = analyse_csv(source, items=item_metadata(answers), activity=activity or None, max_bytes=MAX_DATA_BYTES)
    except OutcomesInputError as exc:
        return OutcomesDelivery(activity, error=str(exc))
    chart = chart_png(result)
    with tempfile.TemporaryDirectory() as folder:
        docx = write_docx(result, Path(folder) / "report.docx", chart=chart).read_bytes()
    lines = result.sentences()
    problems = list(iter_problem_lines(result.problems))
    if problems:
        lines.append(f"Rows I left out or questioned ({len(result.problems)}):")
        lines += [f"• {line}" for line in problems[:MAX_PROBLEM_LINES]]
        if len(problems) > MAX_PROBLEM_LINES:
            lines.append(f"• … and {len(problems) - MAX_PROBLEM_LINES} more in the report.")
    return OutcomesDelivery(activity, result, chart=chart, docx=docx, lines=lines)


def template_files() -> dict[str, str]:
    """Example files a planner can fill in: file name -> CSV text."""
    from bot.outcomes.template import items_template_csv, template_csv

    return {
        "outcomes-template-correct.csv": template_csv("binary"),
        "outcomes-template-scores.csv": template_csv("score"),
        "outcomes-items-template.csv": items_template_csv(),
    }
