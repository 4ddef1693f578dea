"""Walking a flow through the service, step by step, as a member would."""

from __future__ import annotations

from typing import Any

from bot.flows.service import FlowDraftState, FlowService


def complete(flows: FlowService, user: str, flow: str, answers: dict[str, Any], **start: Any) -> FlowDraftState:
    state = flows.start(user, flow, **start)
    for step in state.definition.steps:
        values = {field.id: answers.get(field.id, state.answers.get(field.id)) for field in step.fields}
        outcome = flows.submit_step(state.id, user, values)
        assert not outcome.errors, outcome.errors
        state = outcome.state
    assert state.completed
    return state
