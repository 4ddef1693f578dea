"""ACCME accreditation statement (direct or joint providership) and the AMA credit designation statement,
filled from the templates in prompts/flows/mock_activity.yml
(knowledge/accme/joint-providership-and-statements.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.flows.answers import MockActivity
from bot.flows.credits import CreditResult
from bot.flows.definitions import FlowDef


@dataclass(frozen=True)
class Statements:
    accreditation: str
    designation: str


def build_statements(plan: MockActivity, flow: FlowDef, credit: CreditResult | None) -> Statements:
    accreditor = flow.fields["accreditor"].option(plan.accreditor)
    # The templates open with "The [provider]"; a name typed as "The X University" must not read "The The".
    provider = re.sub(r"^the\s+", "", plan.accredited_provider.strip(), flags=re.IGNORECASE)
    provider = provider or "[name of accredited provider]"
    values = {
        "provider": provider,
        "joint_provider": plan.joint_provider.strip() or "[name of nonaccredited provider]",
        "accreditor_name": accreditor.extra("name", accreditor.label) if accreditor else "[accreditor]",
        "accreditor_short": accreditor.extra("short", accreditor.label) if accreditor else "[accreditor]",
    }
    key = "joint" if plan.providership == "joint" else "direct"
    accreditation = " ".join(flow.statements[key].format(**values).split())
    fmt = flow.fields["format"].option(plan.format)
    credits = credit.display if credit else "[number of credits]"
    designation = flow.statements["designation"].format(
        provider=provider,
        format=fmt.extra("designation", fmt.label.lower()) if fmt else "[learning format]",
        credits=credits,
        # Singular only for one credit or less ("a maximum of 1 AMA PRA Category 1 Credit™").
        credit_word="Credit" if credit and credit.credits <= 1 else "Credits",
    )
    return Statements(accreditation, " ".join(designation.split()))
