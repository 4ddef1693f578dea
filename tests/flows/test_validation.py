from __future__ import annotations

from bot.flows.definitions import load_flow
from bot.flows.objectives import check_objective
from bot.flows.validation import validate_step

MOCK = load_flow("mock_activity")
NA = load_flow("needs_assessment")


def step(flow, step_id):  # type: ignore[no-untyped-def]
    return flow.steps[flow.step_index(step_id)]


def test_empty_required_fields_are_named() -> None:
    errors = validate_step(NA, step(NA, "gap"), {"current_practice": "  ", "best_practice": ""}, {})
    assert errors == {
        "current_practice": "Please fill in “Current practice”.",
        "best_practice": "Please fill in “Best practice”.",
    }


def test_over_the_slack_limit_says_by_how_much() -> None:
    errors = validate_step(NA, step(NA, "topic"), {"topic": "x" * 160}, {})
    assert "160 characters; the limit is 150" in errors["topic"]
    assert "by 10" in errors["topic"]


def test_emoji_and_other_scripts_are_fine() -> None:
    values = {"topic": "糖尿病の管理 🩺 — إدارة السكري"}
    assert validate_step(NA, step(NA, "topic"), values, {}) == {}


def test_references_need_at_least_one_line() -> None:
    values = {"evidence_types": ["guidelines"], "evidence_references": "\n"}
    errors = validate_step(NA, step(NA, "evidence"), values, {})
    assert errors == {"evidence_references": "Please fill in “References (one per line)”."}


def test_unknown_choice_is_refused() -> None:
    errors = validate_step(NA, step(NA, "cause"), {"cause_type": "vibes", "cause_explanation": "x"}, {})
    assert "listed options" in errors["cause_type"]


def test_time_step_needs_an_agenda_or_an_estimate() -> None:
    time = step(MOCK, "time")
    assert "Agenda" in validate_step(MOCK, time, {}, {})["agenda"]
    assert "can't read “abc”" in validate_step(MOCK, time, {"estimated_minutes": "abc"}, {})["estimated_minutes"]
    assert "negative" in validate_step(MOCK, time, {"estimated_minutes": "-20"}, {})["estimated_minutes"]
    assert "longer than a day" in validate_step(MOCK, time, {"estimated_minutes": "30h"}, {})["estimated_minutes"]
    assert "ends before it starts" in validate_step(MOCK, time, {"agenda": "10:00-9:00 Talk"}, {})["agenda"]
    assert "15-minute minimum" in validate_step(MOCK, time, {"estimated_minutes": "10"}, {})["estimated_minutes"]
    assert (
        "no educational time"
        in validate_step(MOCK, time, {"estimated_minutes": "60", "break_minutes": "90"}, {})["break_minutes"]
    )
    assert validate_step(MOCK, time, {"estimated_minutes": "1h30"}, {}) == {}


def test_joint_provider_is_required_only_for_joint_providership() -> None:
    providership = step(MOCK, "providership")
    base = {"accredited_provider": "Lakeside University", "accreditor": "accme"}
    assert validate_step(MOCK, providership, {**base, "providership": "direct"}, {}) == {}
    errors = validate_step(MOCK, providership, {**base, "providership": "joint"}, {})
    assert set(errors) == {"joint_provider", "joint_provider_ineligible"}


def test_people_lines_need_name_role_and_relationships() -> None:
    people = step(MOCK, "people")
    values = {"standard3_exception": "none", "owner_employee": "no", "people": "Dr Ruiz | planner | none\nDr Chen"}
    assert "Line 2" in validate_step(MOCK, people, values, {})["people"]


def test_unmeasurable_verbs_are_flagged() -> None:
    for text in (
        "Understand the new guideline",
        "Participants will be able to know the risks",
        "At the end of this session, learners will be able to appreciate teamwork",
        "Learn billing codes",
        "be aware of drug interactions",
    ):
        assert not check_objective(text).measurable, text
    good = check_objective("Select an appropriate first-line treatment according to the guideline")
    assert good.measurable and good.higher_order and not good.problem
    recall = check_objective("List the contraindications of drug X")
    assert recall.measurable and not recall.higher_order
    assert "one action verb" in check_objective("Identify and treat sepsis").problem
    # "knowledge" starts with "know" but is not the verb "know".
    assert check_objective("Knowledge-check: describe the criteria").verb == "knowledge"
