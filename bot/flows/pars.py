"""Which of the fields ACCME's Program and Activity Reporting System (PARS) asks for a plan already holds.

The field list follows ACCME's FAQ "What activity data are providers required to enter into PARS?"
(https://www.accme.org/faq/what-activity-data-are-providers-required-enter-pars): what an activity needs to be
Active (title, format, dates, location for in-person formats, AMA credit, CME Passport listing, description,
providership) and what closing it needs afterwards (joint providers, an outcome measure, commercial support with
each source's amount, learner counts, MOC details when registered)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.flows.answers import MockActivity
from bot.flows.credits import CreditResult
from bot.flows.definitions import FlowDef

ParsStatus = Literal["ready", "missing", "later", "decide", "not_needed"]
PARS_STATUS_LABELS: dict[ParsStatus, str] = {
    "ready": "✅ In the plan",
    "missing": "❌ Missing",
    "later": "⏳ After the activity",
    "decide": "❓ To decide",
    "not_needed": "Not needed",
}
PARS_SOURCE = "https://www.accme.org/faq/what-activity-data-are-providers-required-enter-pars"
IN_PERSON_FORMATS = ("live", "rss")


@dataclass(frozen=True)
class ParsField:
    name: str
    status: ParsStatus
    value: str = ""

    @property
    def label(self) -> str:
        return PARS_STATUS_LABELS[self.status]


def _given(name: str, value: str, missing_note: str = "") -> ParsField:
    value = value.strip()
    return ParsField(name, "ready", value) if value else ParsField(name, "missing", missing_note)


def pars_readiness(plan: MockActivity, flow: FlowDef, credit: CreditResult | None) -> list[ParsField]:
    fmt = flow.fields["format"].label_for(plan.format) if plan.format else ""
    online = plan.location.strip().lower() in ("online", "virtual", "internet", "webinar")
    fields = [
        _given("Activity title", plan.title),
        _given("Activity format (type)", fmt),
        _given("Start and end dates", plan.dates, "Add the dates."),
    ]
    if plan.format in IN_PERSON_FORMATS and not online:
        fields.append(_given("Location (city, state, country)", plan.location, "Add the city, state and country."))
    else:
        fields.append(ParsField("Location (city, state, country)", "not_needed", plan.location or "online format"))
    fields += [
        ParsField("AMA PRA Category 1 Credit™ amount", "ready", credit.display)
        if credit
        else ParsField("AMA PRA Category 1 Credit™ amount", "missing", "Give an agenda or an estimated time."),
        ParsField("Listed in CME Passport (fee, registration, URL if yes)", "decide"),
        _given(
            "Activity description",
            f"{len(plan.objectives)} objective(s) for {plan.audience}" if plan.objectives and plan.audience else "",
            "Write a short description from the audience and objectives.",
        ),
        ParsField("Providership (direct or joint)", "ready", "joint" if plan.providership == "joint" else "direct"),
    ]
    if plan.providership == "joint":
        fields.append(_given("Joint provider name(s)", plan.joint_provider, "Name the joint provider."))
    else:
        fields.append(ParsField("Joint provider name(s)", "not_needed"))
    fields.append(_given("Outcome measure (at least one)", plan.outcomes_plan, "Plan how change will be measured."))
    if plan.commercial_support == "none":
        fields.append(ParsField("Commercial support received", "ready", "No"))
    else:
        fields.append(ParsField("Commercial support received", "ready", "Yes"))
        fields.append(
            ParsField(
                "Each supporter: monetary or in-kind, and the amount",
                "later" if plan.supporters.strip() else "missing",
                plan.supporters.strip() or "Name the supporting companies.",
            )
        )
    fields += [
        ParsField("Number of physician learners", "later"),
        ParsField("Number of other learners", "later"),
        ParsField("MOC registration (boards, credit type, amount), if any", "decide"),
    ]
    return fields
