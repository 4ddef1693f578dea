"""The mock-activity compliance checklist: each item met, missing or at risk, with the standard or
criterion it comes from. Rule texts live in prompts/flows/mock_activity.yml (`checklist:`)."""

from __future__ import annotations

import re
from typing import Any

from bot.flows.answers import MockActivity, NeedsAssessment
from bot.flows.checks import CheckItem, Status
from bot.flows.credits import CreditResult, calculate
from bot.flows.definitions import FlowDef, load_flow
from bot.flows.objectives import check_objectives
from bot.flows.timeparse import InputError

# Which needs-assessment causes each activity format can address on its own (Appropriate Formats).
FORMAT_FITS = {
    "live": {"knowledge", "competence"},
    "enduring": {"knowledge", "competence"},
    "rss": {"knowledge", "competence", "performance"},
    "journal": {"knowledge"},
    "other": {"knowledge", "competence", "performance"},
}


def credit_for(plan: MockActivity, flow: FlowDef) -> tuple[CreditResult | None, str]:
    try:
        return calculate(plan.agenda, plan.estimated_minutes, plan.break_minutes, flow.non_educational), ""
    except InputError as exc:
        return None, str(exc)


class _Checklist:
    def __init__(self, flow: FlowDef) -> None:
        self.flow = flow
        self.texts: dict[str, dict[str, str]] = flow.model_extra["checklist"]  # type: ignore[index]
        self.items: list[CheckItem] = []

    def add(self, key: str, status: Status, text_key: str | None = None, **values: Any) -> CheckItem:
        texts = self.texts[key]
        note = texts[text_key or status].format(**values).strip()
        item = CheckItem(texts["item"], status, texts["source"], [note])
        self.items.append(item)
        return item


def build_checklist(
    answers: dict[str, Any], source: dict[str, Any] | None = None, flow: FlowDef | None = None
) -> tuple[list[CheckItem], CreditResult | None]:
    """The checklist for a mock activity; `source` is the needs assessment it builds on, if any."""
    flow = flow or load_flow("mock_activity")
    plan = MockActivity.from_answers(answers)
    na = NeedsAssessment.from_answers(source) if source else None
    out = _Checklist(flow)
    label = flow.fields

    if na:
        out.add("needs", "met", id=plan.source_needs_assessment, title=na.topic or "untitled")
    else:
        out.add("needs", "at_risk")

    checks = check_objectives(plan.objectives)
    weak = [c for c in checks if not c.measurable or c.problem]
    if not checks:
        out.add("objectives", "missing")
    elif weak:
        out.add("objectives", "at_risk", items="; ".join(f"“{c.text[:80]}” ({c.problem})" for c in weak))
    else:
        out.add("objectives", "met", count=len(checks))

    level = plan.outcome_level
    level_option = label["outcome_level"].option(level)
    level_rank = int(level_option.extra("rank", 0)) if level_option else 0
    higher = any(c.higher_order for c in checks)
    out.add("change", "met" if higher or level_rank >= 4 else "at_risk")

    format_label = label["format"].label_for(plan.format) if plan.format else "No format chosen"
    fits = FORMAT_FITS.get(plan.format, set())
    if na and na.cause_type in ("knowledge", "competence", "performance") and na.cause_type not in fits:
        hints: dict[str, str] = load_flow("needs_assessment").model_extra["format_hints"]  # type: ignore[index]
        out.add("format", "at_risk", format=format_label, cause=na.cause_type, hint=hints[na.cause_type].strip())
    else:
        out.add("format", "met" if plan.format else "at_risk", "met", format=format_label)
    if plan.format in ("enduring", "journal"):
        out.add("learner_assessment", "at_risk", format=format_label)

    credit, reason = credit_for(plan, flow)
    if credit and credit.credits > 0:
        out.add("credit", "met", minutes=credit.minutes, credits=credit.display)
    else:
        out.add("credit", "missing", reason=reason or "less than 15 minutes of education.")

    _disclosures(out, plan)
    _support(out, plan, credit)

    if not plan.outcomes_plan.strip():
        out.add("outcomes", "missing")
    else:
        out.add("outcomes", "met" if level_rank >= 4 else "at_risk", level=level or "?")

    if plan.providership == "joint":
        if plan.joint_provider_ineligible == "yes":
            out.add("joint", "missing")
        else:
            out.add("joint", "met", joint_provider=plan.joint_provider or "The joint provider")
    out.add("statements", "met")
    return out.items, credit


def _disclosures(out: _Checklist, plan: MockActivity) -> None:
    fields = out.flow.fields
    excepted = bool(plan.standard3_exception) and plan.standard3_exception != "none"
    if excepted and plan.standard3_exception == "self_directed" and plan.format == "enduring":
        # knowledge/accme/standard-3-exceptions.md: on-demand modules someone else created are not excepted.
        out.add("disclosures", "missing", "not_self_directed")
        excepted = False
    elif excepted:
        out.add(
            "disclosures",
            "met",
            "exception",
            exception=fields["standard3_exception"].label_for(plan.standard3_exception),
        )
    elif not plan.people:
        out.add("disclosures", "missing")
    else:
        unmitigated = [p.name for p in plan.people if p.has_relationship and not p.mitigation.strip()]
        if unmitigated:
            item = out.add("disclosures", "at_risk", items=", ".join(unmitigated))
        else:
            item = out.add("disclosures", "met", count=len(plan.people))
        if not any("plan" in p.role.lower() for p in plan.people):
            item.notes.append(out.texts["disclosures"]["no_planner"])
            item.status = "at_risk"
    if not excepted:
        out.add("disclosure", "met" if plan.disclosure_to_learners == "before" else "at_risk")
    if plan.owner_employee == "no_exception":
        out.add("owners", "missing")
    elif plan.owner_employee in ("unrelated", "basic_science", "device_technician"):
        out.add("owners", "at_risk", "exception", exception=fields["owner_employee"].label_for(plan.owner_employee))
    else:
        out.add("owners", "met")


# Agenda titles that name marketing or industry sessions (Standard 5), checked against the support step.
_MARKETING = re.compile(r"exhibit|industry|sponsored|promotional|product theat", re.IGNORECASE)


def _support(out: _Checklist, plan: MockActivity, credit: CreditResult | None) -> None:
    if plan.commercial_support == "agreement_signed":
        supporters = f" ({plan.supporters.strip()})" if plan.supporters.strip() else ""
        item = out.add("commercial_support", "met", supporters=supporters)
        if not supporters:
            item.notes.append(out.texts["commercial_support"]["no_supporters"])
            item.status = "at_risk"
    elif plan.commercial_support == "agreement_pending":
        out.add("commercial_support", "missing")
    else:
        out.add("commercial_support", "met", "none")
    marketing = {"same_space": "missing", "undecided": "at_risk"}.get(plan.marketing, "met")
    item = out.add("marketing", marketing)  # type: ignore[arg-type]
    listed = [s.title for s in (credit.sessions if credit else []) if _MARKETING.search(s.title)]
    if listed and plan.marketing == "none":
        # The answers disagree: say so rather than report the rule as met.
        item.status = "at_risk"
        item.notes = [out.texts["marketing"]["in_agenda"].format(items=", ".join(f"“{t}”" for t in listed))]
