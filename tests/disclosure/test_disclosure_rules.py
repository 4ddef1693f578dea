"""Standard 3 rules one at a time: the 24-month window, company eligibility, holdings, the Standard 3 exceptions, and
that every cited rule still points at a real section and a source URL in our knowledge files."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.answering.tools import lookback
from bot.config import PROJECT_ROOT
from bot.disclosure import (
    Activity,
    CompanyFacts,
    Person,
    Relationship,
    check_window,
    classify_holding,
    decide_company,
    evaluate,
    learner_disclosure,
    steps_for,
    suggest_company_facts,
    window_opens,
)
from bot.disclosure.rules import ALL_RULES
from bot.disclosure.window import check_dates

KNOWLEDGE = PROJECT_ROOT / "knowledge"
COLLECTED = date(2025, 3, 15)


def _ended(day: date | None, start: date | None = date(2020, 1, 1), **kw: object) -> Relationship:
    return Relationship("Dr Lee", "Acme Pharma", "consultant", start, day, **kw)  # type: ignore[arg-type]


# --- rules cite real sections and front-matter URLs --------------------------------------------------------------
@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_every_rule_cites_an_existing_heading_and_a_front_matter_url(rule) -> None:
    text = (KNOWLEDGE / rule.doc).read_text(encoding="utf-8")
    front = text.split("---")[1]
    assert rule.source_url in front, f"{rule.source_url} not in {rule.doc} front matter"
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert rule.heading in headings


def test_exception_wording_is_the_knowledge_files_own() -> None:
    text = (KNOWLEDGE / "accme/standard-3-financial-relationships.md").read_text(encoding="utf-8")
    for phrase in (
        "not related to the business lines or products of their employer",
        "basic science research (such as pre-clinical research and drug discovery)",
        "do not recommend whether or when a device is used",
    ):
        assert phrase in text


# --- the 24-month window -----------------------------------------------------------------------------------------
def test_window_arithmetic_is_the_lookback_tools() -> None:
    # One implementation: the answer tool's function, not a copy.
    assert window_opens is lookback.window_opens
    assert window_opens(COLLECTED) == date(2023, 3, 15)
    assert window_opens(date(2024, 2, 29)) == date(2022, 2, 28)


@pytest.mark.parametrize(
    ("end", "status"),
    [
        (date(2022, 9, 15), "outside"),  # 30 months before collection
        (date(2023, 4, 15), "inside"),  # 23 months before collection
        (date(2023, 3, 15), "inside"),  # the day the window opens
        (date(2023, 3, 14), "outside"),
        (None, "inside"),  # ongoing
    ],
)
def test_window_table(end: date | None, status: str) -> None:
    assert check_window(_ended(end), COLLECTED).status == status


def test_window_counts_from_collection_not_from_the_activity_date() -> None:
    activity = Activity("Heart failure update", "heart failure", COLLECTED, activity_date=date(2025, 9, 1))
    people = [Person("Dr Lee", "faculty")]
    inside = _ended(date(2023, 4, 1))
    outside = _ended(date(2023, 3, 1))
    result = evaluate(activity, people, [inside, outside], [CompanyFacts("Acme Pharma", True)])
    windows = [d for d in result.decisions if d.kind == "window"]
    assert [d.outcome for d in windows] == ["inside", "outside"]
    # Counted from the activity date (2025-09-01) the window would open 2023-09-01 and 2023-04-01 would be outside.
    assert windows[1].reason == (
        "ended 2023-03-01, before the window opened on 2023-03-15 (24 months before collection on 2025-03-15)"
    )


def test_bad_dates_are_problems_not_crashes() -> None:
    kinds = lambda problems: {(p.kind, p.blocking) for p in problems}  # noqa: E731
    assert kinds(check_dates(date(2024, 5, 1), date(2023, 1, 1), COLLECTED)) == {("reversed_dates", True)}
    assert ("future_date", True) in kinds(check_dates(date(2025, 6, 1), None, COLLECTED))
    assert kinds(check_dates(date(2024, 1, 1), date(2026, 1, 1), COLLECTED)) == {("future_date", False)}
    assert kinds(check_dates(None, date(2024, 1, 1), COLLECTED)) == {("missing_start", False)}
    assert check_window(_ended(date(2023, 1, 1), start=date(2024, 5, 1)), COLLECTED).status == "unknown"
    # An end still to come means it was running at collection.
    assert check_window(_ended(date(2026, 1, 1)), COLLECTED).status == "inside"


# --- holdings: owner, employee, disclosable, nothing -------------------------------------------------------------
@pytest.mark.parametrize(
    ("nature", "ownership", "kind", "owner", "disclosable"),
    [
        ("stock", "private_stock", "owner", True, True),  # private stock makes an owner
        ("stock", "public_stock", "public_stock", False, True),  # public stock: disclosable, not an owner
        ("stock options", None, "options", False, True),  # options: disclosable, not an owner
        ("stock", "options", "options", False, True),
        ("employee", None, "employee", True, True),
        ("research scientist", "employee", "employee", True, True),
        ("co-founder", None, "owner", True, True),
        ("royalties", None, "royalties", False, True),  # royalties: not an owner or employee
        ("diversified mutual fund", None, "mutual_fund", False, False),
        ("consultant", None, "relationship", False, True),
        ("stock", None, "unknown_stock", False, True),  # which kind of stock must be asked
    ],
)
def test_holdings_table(nature: str, ownership: str | None, kind: str, owner: bool, disclosable: bool) -> None:
    holding = classify_holding(
        Relationship("Dr Lee", "Acme", nature, date(2020, 1, 1), None, ownership),  # type: ignore[arg-type]
        COLLECTED,
    )
    assert (holding.kind, holding.owner_or_employee, holding.disclosable) == (kind, owner, disclosable)


def test_a_past_employee_is_disclosed_not_excluded() -> None:
    holding = classify_holding(
        Relationship("Dr Lee", "Acme", "employee", date(2020, 1, 1), date(2024, 6, 30)), COLLECTED
    )
    assert (holding.kind, holding.owner_or_employee, holding.disclosable) == ("employee", False, True)


# --- company eligibility -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("facts", "status", "rule"),
    [
        (CompanyFacts("Acme Pharma", True, False, False, "oncology drugs"), "ineligible", "ineligible_company"),
        (CompanyFacts("NewCo Bio", False, False, True), "ineligible", "startup"),
        (CompanyFacts("Acme Education", False, True, False), "ineligible", "parent_or_sister"),
        (
            CompanyFacts("Blue Shield Health Plan", False, False, False, "health insurance"),
            "eligible",
            "eligible_company",
        ),
        (CompanyFacts("Epic Systems", False, False, False, "EHR software"), "eligible", "eligible_company"),
        (CompanyFacts("St. Mary's Hospital", False, False, False, "hospital care"), "eligible", "eligible_company"),
        (CompanyFacts("Mystery LLC"), "unknown", "ineligible_company"),
        (CompanyFacts("Quiet Co", False, None, False), "unknown", "ineligible_company"),
    ],
)
def test_eligibility_from_confirmed_facts(facts: CompanyFacts, status: str, rule: str) -> None:
    decision = decide_company(facts)
    assert (decision.status, decision.rule.id) == (status, rule)
    assert decision.reason and decision.rule.source_url.startswith("https://")


def test_the_name_only_suggests() -> None:
    pfizer = suggest_company_facts("Pfizer Inc.")
    assert pfizer.suggested and pfizer.makes_or_sells_patient_products is True and "well-known" in pfizer.why
    assert decide_company(pfizer).status == "unknown"  # a suggestion never decides
    assert suggest_company_facts("Zenith Therapeutics").makes_or_sells_patient_products is True
    assert suggest_company_facts("Orbit Diagnostics").why.count("proprietary") == 1
    assert suggest_company_facts("Abbott Northwestern Hospital").makes_or_sells_patient_products is False
    assert suggest_company_facts("Blue Cross of Idaho").makes_or_sells_patient_products is False
    assert suggest_company_facts("Main Street Pharmacy").makes_or_sells_patient_products is None
    assert suggest_company_facts("Lumen Partners").makes_or_sells_patient_products is None


# --- the Standard 3 exceptions up front --------------------------------------------------------------------------
def _excepted(kind: str, *, rss: bool = False) -> Activity:
    return Activity("Leading teams", "leadership skills", COLLECTED, standard3_exception=kind, rss=rss)  # type: ignore[arg-type]


def test_non_clinical_leadership_workshop_standard3_does_not_apply() -> None:
    rel = Relationship("Dr Lee", "Acme Pharma", "consultant", date(2024, 1, 1), None)
    result = evaluate(_excepted("non_clinical"), [Person("Dr Lee", "faculty")], [rel])
    assert not result.standard3_applies
    assert result.not_applicable_reason.startswith("Standard 3 does not apply: non-clinical education")
    assert "rationale" in result.not_applicable_reason  # the note to document why
    assert [q.id for q in result.questions] == ["standard3:exception_rationale"]  # and the why is asked for
    assert not result.excluded and not result.disclosed
    done = evaluate(_excepted("non_clinical"), [], [], answers={"standard3:exception_rationale": "A skills session."})
    assert done.ready
    assert "No disclosure of financial relationships to learners is required" in learner_disclosure(done)


def test_self_directed_note_says_enduring_material_is_not_self_directed() -> None:
    result = evaluate(_excepted("self_directed"), [], [])
    assert "Enduring material is not self-directed" in result.not_applicable_reason


def test_an_rss_is_never_learner_controlled() -> None:
    result = evaluate(_excepted("learner_controlled", rss=True), [Person("Dr Lee", "faculty")], [])
    assert result.standard3_applies
    assert "rss_not_excepted" in {p.kind for p in result.problems}


def test_mitigation_steps_by_role() -> None:
    planner = {o.id for o in steps_for("planner")}
    faculty = {o.id for o in steps_for("faculty")}
    assert {"divest", "recuse", "peer_review_planning"} <= planner and "peer_review_content" not in planner
    assert {"divest", "peer_review_content", "attest_evidence"} <= faculty and "recuse" not in faculty
    assert planner | faculty <= {o.id for o in steps_for("reviewer")}
