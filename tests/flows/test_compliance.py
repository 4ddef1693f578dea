from __future__ import annotations

from bot.flows.answers import MockActivity
from bot.flows.compliance import build_checklist
from bot.flows.definitions import load_flow
from bot.flows.statements import build_statements
from tests.flows.samples import MOCK_ACTIVITY, NEEDS_ASSESSMENT


def checklist(answers, source=None):  # type: ignore[no-untyped-def]
    items, credit = build_checklist(answers, source)
    return {item.item: item for item in items}, credit


def test_a_clean_plan_built_on_a_needs_assessment_is_all_met() -> None:
    items, credit = checklist({**MOCK_ACTIVITY, "source_needs_assessment": "7"}, NEEDS_ASSESSMENT)
    assert {item.status for item in items.values()} == {"met"}, {k: v.note for k, v in items.items()}
    assert credit is not None and credit.minutes == 135 and credit.display == "2.25"
    assert "#7" in items["Needs assessment behind the activity"].note
    assert items["Financial relationships identified and mitigated"].source == "ACCME Standard 3"


def test_problems_are_missing_or_at_risk_with_their_standard() -> None:
    plan = {
        **MOCK_ACTIVITY,
        "objectives": "Understand opioid risks\nSelect patients for naloxone",
        "people": "Dr Lee Chen | faculty | consultant, Acme Pharma",
        "owner_employee": "no_exception",
        "disclosure_to_learners": "undecided",
        "commercial_support": "agreement_pending",
        "marketing": "same_space",
        "outcome_level": "2",
        "providership": "joint",
        "joint_provider": "Acme Pharma",
        "joint_provider_ineligible": "yes",
    }
    items, _ = checklist(plan)
    assert items["Needs assessment behind the activity"].status == "at_risk"
    objectives = items["Measurable learning objectives"]
    assert objectives.status == "at_risk" and "Understand opioid risks" in objectives.note
    disclosures = items["Financial relationships identified and mitigated"]
    assert disclosures.status == "at_risk" and "Dr Lee Chen" in disclosures.note and "No planner" in disclosures.note
    assert items["Owners and employees of ineligible companies"].status == "missing"
    disclosure = items["Disclosure to learners before the education"]
    assert disclosure.status == "at_risk" and "no logos" in disclosure.note
    assert (items["Commercial support"].status, items["Commercial support"].source) == ("missing", "ACCME Standard 4")
    assert items["Marketing kept separate from education"].status == "missing"
    assert "30-minute" in items["Marketing kept separate from education"].source
    assert items["Outcomes measured above satisfaction and knowledge"].status == "at_risk"
    assert items["Joint provider eligible"].status == "missing"


def test_standard3_exception_and_enduring_assessment() -> None:
    plan = {
        **MOCK_ACTIVITY,
        "standard3_exception": "non_clinical",
        "people": "",
        "format": "enduring",
        "agenda": "",
        "estimated_minutes": "45 min",
    }
    items, credit = checklist(plan)
    assert "exception" in items["Financial relationships identified and mitigated"].note
    assert "Disclosure to learners before the education" not in items  # excepted from Standard 3
    assert items["Learner assessment with a passing standard"].status == "at_risk"
    assert credit is not None and credit.display == "0.75"


def test_enduring_material_is_not_self_directed_education() -> None:
    plan = {
        **MOCK_ACTIVITY,
        "standard3_exception": "self_directed",
        "format": "enduring",
        "agenda": "",
        "estimated_minutes": "60",
        "disclosure_to_learners": "",
    }
    items, _ = checklist(plan)
    disclosures = items["Financial relationships identified and mitigated"]
    assert disclosures.status == "missing" and "not self-directed" in disclosures.note
    assert items["Disclosure to learners before the education"].status == "at_risk"


def test_exhibits_in_the_agenda_contradict_no_marketing() -> None:
    agenda = "08:00-09:00 Guideline update\n09:00-09:30 Coffee and exhibits\n09:30-10:30 Cases"
    items, credit = checklist({**MOCK_ACTIVITY, "agenda": agenda, "marketing": "none"})
    marketing = items["Marketing kept separate from education"]
    assert marketing.status == "at_risk" and "“Coffee and exhibits”" in marketing.note
    assert credit is not None and credit.minutes == 120  # the exhibit half hour is not education either
    separated, _ = checklist({**MOCK_ACTIVITY, "agenda": agenda, "marketing": "separated"})
    assert separated["Marketing kept separate from education"].status == "met"


def test_format_that_cannot_reach_the_gap_is_at_risk() -> None:
    items, _ = checklist({**MOCK_ACTIVITY, "format": "journal"}, {**NEEDS_ASSESSMENT, "cause_type": "performance"})
    assert items["Format fits the activity"].status == "at_risk"


def test_statements_for_direct_and_joint_providership() -> None:
    flow = load_flow("mock_activity")
    _, credit = build_checklist(MOCK_ACTIVITY)
    direct = build_statements(MockActivity.from_answers(MOCK_ACTIVITY), flow, credit)
    assert direct.accreditation == (
        "The Lakeside University School of Medicine is accredited by the Accreditation Council for Continuing "
        "Medical Education (ACCME) to provide continuing medical education for physicians."
    )
    assert direct.designation.startswith(
        "The Lakeside University School of Medicine designates this live activity for a maximum of 2.25 "
        "AMA PRA Category 1 Credits™."
    )
    assert "commensurate with the extent of their participation" in direct.designation
    joint = build_statements(
        MockActivity.from_answers({**MOCK_ACTIVITY, "providership": "joint", "joint_provider": "County Society"}),
        flow,
        credit,
    )
    assert "through the joint providership of Lakeside University School of Medicine and County Society" in (
        joint.accreditation
    )
    assert "is accredited by the ACCME to provide" in joint.accreditation
    the = build_statements(
        MockActivity.from_answers({**MOCK_ACTIVITY, "accredited_provider": "the Lakeside Heart Institute"}),
        flow,
        credit,
    )
    assert the.accreditation.startswith("The Lakeside Heart Institute is accredited")
    one = build_statements(
        MockActivity.from_answers({**MOCK_ACTIVITY, "agenda": "", "estimated_minutes": "60"}),
        flow,
        build_checklist({**MOCK_ACTIVITY, "agenda": "", "estimated_minutes": "60"})[1],
    )
    assert "maximum of 1.0 AMA PRA Category 1 Credit™." in one.designation
