"""The step modals stay within Slack's Block Kit limits for every step of both flows, and read back what
Slack sends."""

from __future__ import annotations

import pytest

from bot.flows.definitions import load_flow
from bot.flows.documents import build_document
from bot.flows.service import FlowDraftState
from bot.slack.blocks.flows import document_message, parse_values, step_view
from tests.flows.samples import MOCK_ACTIVITY, NEEDS_ASSESSMENT
from tests.slack.flow_support import state_values


@pytest.mark.parametrize(
    ("flow", "answers"), [("needs_assessment", NEEDS_ASSESSMENT), ("mock_activity", MOCK_ACTIVITY)]
)
def test_every_step_fits_slack_limits_and_round_trips(flow: str, answers: dict) -> None:
    definition = load_flow(flow)
    for index, step in enumerate(definition.steps):
        state = FlowDraftState(id=7, user_id="U1", flow=flow, step_index=index, answers=answers)
        view = step_view(state, [("3", "#3 Needs assessment: a topic")], resumed=True, notice="x" * 4000)
        assert len(view["blocks"]) <= 100 and len(view["title"]["text"]) <= 24
        assert view["private_metadata"] == "7"
        for block in view["blocks"]:
            text = block.get("text", {}).get("text", "")
            assert len(text) <= 3000
            element = block.get("element", {})
            if element.get("type") == "checkboxes":
                assert len(element["options"]) <= 10
            for option in element.get("options", []):
                assert len(option["text"]["text"]) <= 75
            if element.get("type") == "plain_text_input":
                assert element["max_length"] <= 3000
                assert len(element.get("placeholder", {}).get("text", "")) <= 150
        # What Slack sends back on submit reads as the answers the step was filled with.
        expected = {f.id: answers.get(f.id) for f in step.fields if answers.get(f.id) not in (None, "", [])}
        got = parse_values(state_values(view, {}))
        assert {k: v for k, v in got.items() if v not in ("", [])} == expected


def test_summary_message_stays_within_block_limits() -> None:
    doc = build_document("mock_activity", {**MOCK_ACTIVITY, "objectives": "\n".join(["Understand " + "x" * 250] * 12)})
    fallback, blocks = document_message(doc)
    assert len(blocks) <= 50
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in blocks)
    assert fallback.startswith("Activity plan: Safer Opioid Prescribing in Primary Care:")
