"""Needs-assessment analysis: which answers support which ACCME criterion, and the weaknesses, with reasons
(knowledge/planning/needs-assessment.md). Texts come from prompts/flows/needs_assessment.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.flows.answers import NeedsAssessment
from bot.flows.checks import CheckItem, Status, worst
from bot.flows.definitions import FlowDef, load_flow

# A reference someone can find again names a year, a link, a DOI or a PMID.
_TRACEABLE = re.compile(r"\b(1[89]\d\d|20\d\d)\b|https?://|www\.|doi|pmid|\bisbn\b", re.IGNORECASE)
EDUCATIONAL_CAUSES = ("knowledge", "competence", "performance")


@dataclass
class Weakness:
    criterion: str
    reason: str
    status: Status = "at_risk"


def _option_extra(flow: FlowDef, field: str, value: str, key: str, default: Any = None) -> Any:
    option = flow.fields[field].option(value)
    return option.extra(key, default) if option else default


def find_weaknesses(na: NeedsAssessment, flow: FlowDef) -> list[Weakness]:
    texts: dict[str, str] = flow.model_extra["weaknesses"]  # type: ignore[index]
    hints: dict[str, str] = flow.model_extra["format_hints"]  # type: ignore[index]
    found: list[Weakness] = []

    def flag(criterion: str, key: str, status: Status = "at_risk", **values: str) -> None:
        found.append(Weakness(criterion, texts[key].format(**values).strip(), status))

    if not na.current_practice.strip() or not na.best_practice.strip():
        flag("educational_needs", "no_gap", "missing")
    if not na.evidence_references:
        flag("educational_needs", "no_evidence", "missing")
    else:
        kinds = {_option_extra(flow, "evidence_types", value, "kind") for value in na.evidence_types}
        if kinds and kinds <= {"demand"}:
            flag("educational_needs", "demand_only")
        elif kinds and "local" not in kinds:
            flag("educational_needs", "not_local")
        untraceable = [ref for ref in na.evidence_references if not _TRACEABLE.search(ref)]
        if untraceable:
            flag("educational_needs", "untraceable", items="; ".join(f"“{ref[:80]}”" for ref in untraceable))
    if na.cause_type == "system":
        flag("educational_needs", "system_cause")
    ranks = [int(_option_extra(flow, "moore_levels", level, "rank", 0)) for level in na.moore_levels]
    if ranks and max(ranks) <= 3:
        flag("designed_to_change", "knowledge_only")
    if not na.competencies:
        flag("competencies", "no_competencies", "missing")
    if na.cause_type in EDUCATIONAL_CAUSES and na.formats:
        fits = [_option_extra(flow, "formats", value, "fits", []) for value in na.formats]
        if not any(na.cause_type in fit for fit in fits):
            labels = ", ".join(flow.fields["formats"].label_for(value) for value in na.formats)
            flag(
                "appropriate_formats",
                "format_mismatch",
                formats=labels,
                cause=na.cause_type,
                hint=hints.get(na.cause_type, "").strip(),
            )
    if not na.baseline.strip():
        flag("analyzes_change", "no_baseline")
    method = na.measurement_method.lower()
    if (
        ranks
        and max(ranks) >= 4
        and re.search(r"\b(post-?test|quiz|knowledge test|mcq)", method)
        and not re.search(r"vignette|case|simulat|audit|chart|registry|observ|ehr|record|commitment", method)
    ):
        flag("analyzes_change", "measure_knowledge_only")
    return found


def analyse(answers: dict[str, Any], flow: FlowDef | None = None) -> tuple[list[CheckItem], list[Weakness]]:
    """One row per criterion: the parts of the assessment that support it, its status and its weaknesses."""
    flow = flow or load_flow("needs_assessment")
    na = NeedsAssessment.from_answers(answers)
    weaknesses = find_weaknesses(na, flow)
    rows = []
    for criterion in flow.model_extra["criteria"]:  # type: ignore[index]
        mine = [w for w in weaknesses if w.criterion == criterion["id"]]
        # Name the parts by their step ("Practice gap", "Evidence"), as a reviewer reads the document.
        step_of = {field.id: step.label for step in flow.steps for field in step.fields}
        parts = list(dict.fromkeys(step_of[part] for part in criterion["parts"] if answers.get(part)))
        notes = [f"Supported by: {', '.join(parts)}." if parts else "No answer supports it yet."]
        notes += [w.reason for w in mine]
        rows.append(CheckItem(criterion["name"], worst([w.status for w in mine]), criterion["rule"], notes))
    return rows, weaknesses
