from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.flows.definitions import SLACK_TEXT_LIMIT, FlowDef, load_flow


@pytest.mark.parametrize("name", ["needs_assessment", "mock_activity", "needs-assessment"])
def test_definitions_load_and_respect_slack_limits(name: str) -> None:
    flow = load_flow(name)
    assert len(flow.title) <= 24
    assert flow.steps
    for field in flow.fields.values():
        assert field.max_length <= SLACK_TEXT_LIMIT
        assert len(field.label) <= 2000
        # Slack static_select option text is limited to 75 characters.
        assert all(len(option.label) <= 75 for option in field.options)


def test_needs_assessment_asks_what_the_issue_requires() -> None:
    fields = load_flow("needs_assessment").fields
    for key in (
        "audience",
        "topic",
        "current_practice",
        "best_practice",
        "cause_type",
        "evidence_references",
        "desired_results",
        "moore_levels",
        "formats",
        "measurement_method",
        "baseline",
    ):
        assert key in fields
    assert fields["evidence_references"].min_items == 1
    assert {o.value for o in fields["cause_type"].options} >= {"knowledge", "competence", "performance"}


def test_mock_activity_statements_and_prefill_are_in_the_definition() -> None:
    flow = load_flow("mock_activity")
    assert set(flow.statements) == {"direct", "joint", "designation"}
    assert set(flow.prefill_from_needs_assessment.values()) <= set(flow.fields)


def test_unknown_flow_is_refused() -> None:
    with pytest.raises(KeyError):
        load_flow("grand_rounds")


def test_a_bad_edit_is_reported_with_its_reason() -> None:
    raw = {
        "name": "x",
        "command": "x",
        "title": "A title far longer than Slack allows",
        "document_title": "x",
        "title_field": "t",
        "steps": [],
    }
    with pytest.raises(ValidationError, match="24 characters"):
        FlowDef.model_validate(raw)
    raw["title"] = "Short"
    raw["steps"] = [
        {"id": "s", "label": "S", "fields": [{"id": "t", "label": "T", "type": "text", "max_length": 5000}]}
    ]
    with pytest.raises(ValidationError, match="3000"):
        FlowDef.model_validate(raw)
