"""evaluate() end to end: the questions it asks (and does not guess), exclusion and its three exceptions,
relevance, mitigation, the learner disclosure and the activity record (Markdown and .docx)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.disclosure import (
    MITIGATED,
    NONE_RELEVANT,
    Activity,
    Answer,
    CompanyFacts,
    Person,
    Relationship,
    activity_record,
    evaluate,
    learner_disclosure,
    record_docx,
    record_markdown,
)

COLLECTED = date(2025, 3, 15)
ACTIVITY = Activity("Heart failure update", "heart failure drug therapy and devices", COLLECTED)
PHARMA = CompanyFacts("Acme Pharma", True, None, None, "heart failure drugs")
DEVICES = CompanyFacts("Pulse Devices", True, None, None, "implantable cardiac devices")


def ids(result) -> list[str]:
    return [q.id for q in result.questions]


def test_private_stock_owner_is_excluded_unless_an_exception_applies() -> None:
    people = [Person("Dr Kim", "faculty")]
    rels = [Relationship("Dr Kim", "Pulse Devices", "stock", date(2021, 1, 1), None, "private_stock")]
    first = evaluate(ACTIVITY, people, rels, [DEVICES])
    question = first.questions[0]
    assert ids(first) == ["exception:dr-kim:pulse-devices"] and not first.ready
    assert [o.id for o in question.options] == ["unrelated", "basic_science", "technician", "none"]
    assert question.rule.id == "owner_employee_exclusion" and "an owner" in question.text
    excluded = evaluate(ACTIVITY, people, rels, [DEVICES], {question.id: "none"})
    assert excluded.ready and [e.person for e in excluded.excluded] == ["Dr Kim"]
    assert excluded.people[0].status == "excluded"
    assert "Dr Kim" not in learner_disclosure(excluded)  # an excluded person controls no content


def test_device_employee_teaching_safe_use_is_allowed_as_a_technician() -> None:
    people = [Person("Sam Ortiz", "faculty")]
    rels = [Relationship("Sam Ortiz", "Pulse Devices", "clinical specialist", date(2019, 5, 1), None, "employee")]
    first = evaluate(ACTIVITY, people, rels, [DEVICES])
    assert ids(first) == ["exception:sam-ortiz:pulse-devices"]
    answers = {"exception:sam-ortiz:pulse-devices": "technician"}
    second = evaluate(ACTIVITY, people, rels, [DEVICES], answers)
    assert not second.excluded
    allowed = next(d for d in second.decisions if d.kind == "exclusion")
    assert allowed.outcome == "exception: technician" and "safe and proper use of medical devices" in allowed.reason
    assert ids(second) == ["relevance:sam-ortiz:pulse-devices"]  # the relationship still goes through relevance
    answers |= {"relevance:sam-ortiz:pulse-devices": "relevant", "mitigation:sam-ortiz:faculty": "peer_review_content"}
    done = evaluate(ACTIVITY, people, rels, [DEVICES], answers)
    assert done.ready
    assert "Sam Ortiz (faculty): Pulse Devices (clinical specialist)" in learner_disclosure(done)


def test_basic_science_researcher_employed_by_pharma() -> None:
    people = [Person("Dr Chen", "faculty")]
    rels = [Relationship("Dr Chen", "Acme Pharma", "employee (research scientist)", date(2018, 1, 1), None)]
    answers = {"exception:dr-chen:acme-pharma": "basic_science", "relevance:dr-chen:acme-pharma": "not relevant"}
    result = evaluate(ACTIVITY, people, rels, [PHARMA], answers)
    assert result.ready and not result.excluded
    assert any(d.outcome == "exception: basic_science" for d in result.decisions)


def test_unrelated_content_exception_settles_relevance() -> None:
    people = [Person("Dr Chen", "planner")]
    rels = [Relationship("Dr Chen", "Acme Pharma", "employee", date(2018, 1, 1), None)]
    result = evaluate(ACTIVITY, people, rels, [PHARMA], {"exception:dr-chen:acme-pharma": "unrelated"})
    assert result.ready and result.people[0].status == "none"


def test_public_stock_and_options_are_disclosed_not_excluded() -> None:
    people = [Person("Dr Park", "planner")]
    rels = [
        Relationship("Dr Park", "Acme Pharma", "stock", date(2020, 1, 1), None, "public_stock"),
        Relationship("Dr Park", "Acme Pharma", "stock options", date(2022, 1, 1), None),
    ]
    result = evaluate(ACTIVITY, people, rels, [PHARMA])
    assert ids(result) == ["relevance:dr-park:acme-pharma"]  # no exclusion question
    assert result.questions[0].suggestion == "relevant" and "heart" in result.questions[0].why
    answers = {
        "relevance:dr-park:acme-pharma": Answer("relevant", note="plans the drug therapy sessions", by="CME director"),
        "mitigation:dr-park:planner": ["recuse", "peer_review_planning"],
    }
    done = evaluate(ACTIVITY, people, rels, [PHARMA], answers)
    assert done.ready and not done.excluded
    assert "Dr Park (planner): Acme Pharma (stock, stock options)" in learner_disclosure(done)
    relevance = next(d for d in done.decisions if d.kind == "relevance")
    assert (relevance.by, relevance.note) == ("CME director", "plans the drug therapy sessions")
    assert done.mitigations[0].steps[0].startswith("Recusal from decisions")


def test_stock_of_unstated_kind_is_asked() -> None:
    people = [Person("Dr Park", "faculty")]
    rels = [Relationship("Dr Park", "Acme Pharma", "shares", date(2020, 1, 1), None)]
    first = evaluate(ACTIVITY, people, rels, [PHARMA])
    assert ids(first) == ["holding:dr-park:acme-pharma:shares:2020-01-01"]
    fund = evaluate(ACTIVITY, people, rels, [PHARMA], {first.questions[0].id: "mutual_fund"})
    assert fund.ready and fund.people[0].status == "none"
    private = evaluate(ACTIVITY, people, rels, [PHARMA], {first.questions[0].id: "private_stock"})
    assert ids(private) == ["exception:dr-park:acme-pharma"]


def test_unknown_company_facts_give_questions_not_decisions() -> None:
    people = [Person("Dr Ng", "faculty")]
    rels = [Relationship("Dr Ng", "Novartis", "advisory board", date(2024, 1, 1), None)]
    first = evaluate(ACTIVITY, people, rels)  # no facts at all
    assert not any(d.kind == "eligibility" for d in first.decisions)
    (question,) = first.questions
    assert question.id == "company:novartis:products" and question.suggestion == "yes"  # suggested, not decided
    assert question.rule.source_url == "https://accme.org/rule/eligibility"
    # A suggestion passed as facts is still only a suggestion.
    again = evaluate(ACTIVITY, people, rels, [CompanyFacts("Novartis", True, suggested=True, why="on the list")])
    assert ids(again) == ["company:novartis:products"]
    ineligible = evaluate(ACTIVITY, people, rels, answers={"company:novartis:products": "yes"})
    assert ids(ineligible) == ["relevance:dr-ng:novartis"]
    no = evaluate(ACTIVITY, people, rels, answers={"company:novartis:products": "no"})
    assert ids(no) == ["company:novartis:parent", "company:novartis:startup"]  # asked only once products is "no"


def test_relationship_with_an_eligible_company_is_not_disclosed() -> None:
    people = [Person("Dr Ng", "reviewer")]
    insurer = CompanyFacts("Blue Shield Health Plan", False, False, False, "health insurance")
    rels = [Relationship("Dr Ng", "Blue Shield Health Plan", "medical director", date(2022, 1, 1), None)]
    result = evaluate(ACTIVITY, people, rels, [insurer])
    assert result.ready and result.people[0].status == "none"
    assert NONE_RELEVANT in learner_disclosure(result)


def test_an_answer_that_is_not_an_option_is_asked_again() -> None:
    people = [Person("Dr Ng", "faculty")]
    rels = [Relationship("Dr Ng", "Acme Pharma", "consultant", date(2024, 1, 1), None)]
    result = evaluate(ACTIVITY, people, rels, [PHARMA], {"relevance:dr-ng:acme-pharma": "maybe"})
    assert (
        ids(result) == ["relevance:dr-ng:acme-pharma"]
        and "'maybe' is not one of the options" in result.questions[0].why
    )


def test_cannot_mitigate_excludes_and_other_needs_a_note() -> None:
    people = [Person("Dr Ng", "faculty")]
    rels = [Relationship("Dr Ng", "Acme Pharma", "speakers' bureau", date(2024, 1, 1), None)]
    base = {"relevance:dr-ng:acme-pharma": "relevant"}
    other = evaluate(ACTIVITY, people, rels, [PHARMA], base | {"mitigation:dr-ng:faculty": "other"})
    assert ids(other) == ["mitigation:dr-ng:faculty"] and "needs a note" in other.questions[0].why
    noted = evaluate(
        ACTIVITY, people, rels, [PHARMA], base | {"mitigation:dr-ng:faculty": Answer("other", "co-presenter")}
    )
    assert noted.ready
    cannot = evaluate(ACTIVITY, people, rels, [PHARMA], base | {"mitigation:dr-ng:faculty": "cannot_mitigate"})
    assert cannot.ready and cannot.people[0].status == "excluded" and cannot.excluded[0].rule.id == "mitigation"


def test_input_problems_do_not_crash_and_block_readiness() -> None:
    people = [Person("Dr Ng", "faculty"), Person("", "planner"), Person("Dr Ray", "moderator")]  # type: ignore[arg-type]
    rels = [Relationship("Dr Ng", "Acme Pharma", "consultant", date(2024, 6, 1), date(2023, 1, 1))]
    result = evaluate(ACTIVITY, people, rels, [PHARMA])
    assert {"missing_name", "unknown_role", "reversed_dates"} <= {p.kind for p in result.problems}
    assert not result.ready and not result.questions


def test_learner_disclosure_for_mixed_people() -> None:
    people = [
        Person("Dr Ana Ruiz", "faculty"),
        Person("Dr Ben Cole", "planner"),
        Person("Dr Cy Dunn", "reviewer"),
        Person("Dr Di Eng", "faculty"),
    ]
    rels = [
        Relationship("Dr Ana Ruiz", "Acme Pharma", "consultant", date(2023, 6, 1), None),
        Relationship("Dr Ana Ruiz", "Pulse Devices", "research grant", date(2022, 1, 1), date(2024, 1, 31)),
        Relationship("Dr Ben Cole", "Acme Pharma", "advisory board", date(2021, 1, 1), date(2022, 6, 30)),  # outside
        Relationship("Dr Cy Dunn", "Pulse Devices", "speakers' bureau", date(2023, 1, 1), None),  # not relevant
    ]
    answers = {
        "relevance:dr-ana-ruiz:acme-pharma": "relevant",
        "relevance:dr-ana-ruiz:pulse-devices": "relevant",
        "relevance:dr-cy-dunn:pulse-devices": "not_relevant",
        "mitigation:dr-ana-ruiz:faculty": "peer_review_content",
    }
    result = evaluate(ACTIVITY, people, rels, [PHARMA, DEVICES], answers)
    assert result.ready
    assert learner_disclosure(result) == "\n".join(
        [
            "Heart failure update: disclosure of relevant financial relationships",
            "The following people in control of content have relevant financial relationships with ineligible "
            "companies:",
            "- Dr Ana Ruiz (faculty): Acme Pharma (consultant); Pulse Devices (research grant)",
            MITIGATED,
            "Dr Ben Cole (planner), Dr Cy Dunn (reviewer) and Dr Di Eng (faculty) have no relevant financial "
            "relationships with ineligible companies.",
        ]
    )


def test_learner_disclosure_is_a_draft_until_ready() -> None:
    people = [Person("Dr Ng", "faculty"), Person("Dr Oz", "planner")]
    rels = [Relationship("Dr Ng", "Acme Pharma", "consultant", date(2024, 1, 1), None)]
    text = learner_disclosure(evaluate(ACTIVITY, people, rels, [PHARMA]))
    assert text.startswith("DRAFT, not for learners yet: 1 open question(s)")
    assert MITIGATED not in text and NONE_RELEVANT not in text and "[Pending review: Dr Ng (faculty).]" in text


def _full_result():
    people = [Person("Dr Ana Ruiz", "faculty"), Person("Dr Kim", "planner"), Person("Dr Ben Cole", "planner")]
    rels = [
        Relationship("Dr Ana Ruiz", "Acme Pharma", "consultant", date(2023, 6, 1), None),
        Relationship("Dr Kim", "Pulse Devices", "owner", date(2020, 1, 1), None, "private_stock"),
        Relationship("Dr Ben Cole", "Acme Pharma", "advisory board", date(2021, 1, 1), date(2022, 8, 31)),
        Relationship("Dr Ben Cole", "Mystery LLC", "consultant", date(2024, 1, 1), None),
    ]
    answers = {
        "relevance:dr-ana-ruiz:acme-pharma": Answer("relevant", "talk covers the company's HF drug"),
        "mitigation:dr-ana-ruiz:faculty": ["peer_review_content", "attest_evidence"],
        "exception:dr-kim:pulse-devices": "none",
    }
    return evaluate(ACTIVITY, people, rels, [PHARMA, DEVICES], answers)


def test_activity_record_shows_who_what_when_and_why() -> None:
    result = _full_result()
    record = activity_record(result)
    assert not record.ready  # Mystery LLC's facts are still open
    summary = dict(record.section("Activity").rows)
    assert summary["Disclosure collected"] == "2025-03-15" and summary["24-month window opens"] == "2023-03-15"
    rows = record.section("Financial relationships disclosed").rows
    assert rows[2][-1] == (
        "outside: ended 2022-08-31, before the window opened on 2023-03-15 (24 months before collection on 2025-03-15)"
    )
    assert record.section("Exclusions and exceptions").rows[0][2] == "excluded"
    assert record.section("Open questions").rows[0][0] == "company:mystery-llc:products"
    assert record.section("Relevance").rows[0][5] == "talk covers the company's HF drug"
    data = record.as_dict()
    assert data["data"]["excluded"][0]["person"] == "Dr Kim"
    assert any(r["Rule"] == "owner_employee_exclusion" for s in data["sections"] for r in s["rows"] if "Rule" in r)
    markdown = record_markdown(result)
    assert "## Company eligibility" in markdown and "| Acme Pharma | Acme Pharma | ineligible |" in markdown
    assert "https://accme.org/rule/identify-mitigate-and-disclose-relevant-financial-relationships/" in markdown


def test_record_docx_opens_with_headings_and_tables(tmp_path: Path) -> None:
    from docx import Document

    path = record_docx(_full_result(), tmp_path / "record.docx")
    document = Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert {"Activity", "People in control of content", "Company eligibility", "Mitigation", "Rules cited"} <= set(
        headings
    )
    texts = [[cell.text for cell in table.rows[0].cells] for table in document.tables]
    assert ["Name", "Roles", "Disclosure collected", "Window opens", "Outcome"] in texts
    everything = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "2025-03-15" in everything and "before the window opened on 2023-03-15" in everything
    assert "Dr Kim" in everything and "no exception applies" in everything


def test_the_same_relationship_entered_twice_is_asked_once() -> None:
    people = [Person("Dr Ng", "faculty")]
    rel = Relationship("Dr Ng", "Orbit Labs", "shares", date(2024, 1, 1), None)
    result = evaluate(ACTIVITY, people, [rel, rel])
    assert ids(result) == ["holding:dr-ng:orbit-labs:shares:2024-01-01"]


def test_relevance_suggestion_never_leans_to_not_relevant() -> None:
    people = [Person("Dr Ng", "faculty")]
    rels = [Relationship("Dr Ng", "Derm Pharma", "consultant", date(2024, 1, 1), None)]
    facts = [CompanyFacts("Derm Pharma", True, business_lines="psoriasis and eczema biologics")]
    (question,) = evaluate(ACTIVITY, people, rels, facts).questions
    assert question.suggestion is None and "does not make it irrelevant" in question.why
