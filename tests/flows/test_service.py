from __future__ import annotations

import pytest

from bot.config import Settings
from bot.flows.service import DraftNotFound, FlowService
from bot.storage.db import Database
from tests.flows.helpers import complete
from tests.flows.samples import MOCK_ACTIVITY, NEEDS_ASSESSMENT


def test_each_step_is_saved_and_a_draft_resumes_after_a_restart(
    flows: FlowService, flow_db: Database, flow_settings: Settings
) -> None:
    state = flows.start("U1", "needs_assessment", surface="slack")
    outcome = flows.submit_step(state.id, "U1", {"audience": "Hospitalists 🏥", "professions": ["physicians"]})
    assert outcome.errors == {} and outcome.state.step.id == "topic"

    # A new process: a new Database over the same file, a new service.
    flow_db.dispose()
    restarted = FlowService(Database(flow_settings.sqlalchemy_url), flow_settings)
    resumed = restarted.get(state.id, "U1")
    assert resumed.step.id == "topic"
    assert resumed.answers["audience"] == "Hospitalists 🏥"
    summary = restarted.drafts_for("U1")
    assert [(s.id, s.flow, s.title, s.step_label) for s in summary] == [
        (state.id, "needs_assessment", "Needs assessment", "Step 2 of 8: Topic")
    ]


def test_bad_input_is_kept_and_reported(flows: FlowService) -> None:
    state = flows.start("U1", "mock_activity")
    flows.submit_step(state.id, "U1", {"title": "Sepsis update"})
    flows.submit_step(state.id, "U1", {"audience": "ED physicians"})
    flows.submit_step(state.id, "U1", {"objectives": "Recognise sepsis early"})
    flows.submit_step(state.id, "U1", {"format": "live"})
    outcome = flows.submit_step(state.id, "U1", {"estimated_minutes": "abc", "break_minutes": "10"})
    assert "can't read “abc”" in outcome.errors["estimated_minutes"]
    kept = flows.get(state.id, "U1")
    assert kept.step.id == "time"
    assert (kept.answers["estimated_minutes"], kept.answers["break_minutes"]) == ("abc", "10")
    assert kept.answers["title"] == "Sepsis update"


def test_back_and_save_for_later_keep_unvalidated_text(flows: FlowService) -> None:
    state = flows.start("U1", "needs_assessment")
    flows.submit_step(state.id, "U1", {"audience": "GPs", "professions": ["physicians"]})
    back = flows.back(state.id, "U1", {"topic": "half-typed topi"})
    assert back.step.id == "audience" and back.answers["topic"] == "half-typed topi"
    saved = flows.save(state.id, "U1", {"audience": "GPs and nurses"})
    assert saved.step.id == "audience" and saved.answers["audience"] == "GPs and nurses"


def test_cancel_deletes_and_only_the_owner_can_touch_a_draft(flows: FlowService) -> None:
    state = flows.start("U1", "needs_assessment")
    with pytest.raises(DraftNotFound):
        flows.get(state.id, "U2")
    assert flows.cancel(state.id, "U2") is False
    assert flows.cancel(state.id, "U1") is True
    assert flows.drafts_for("U1") == []
    with pytest.raises(DraftNotFound):
        flows.get(state.id, "U1")


def test_a_mock_activity_starts_from_a_finished_needs_assessment(flows: FlowService) -> None:
    na = complete(flows, "U1", "needs_assessment", NEEDS_ASSESSMENT)
    assert flows.drafts_for("U1") == []
    assert [s.title for s in flows.completed_for("U1", "needs_assessment")] == [
        "Needs assessment: Safer opioid prescribing for chronic pain"
    ]
    activity = flows.start("U1", "mock_activity", source_id=na.id)
    assert activity.answers["source_needs_assessment"] == str(na.id)
    assert activity.answers["title"] == NEEDS_ASSESSMENT["topic"]
    assert activity.answers["audience"] == NEEDS_ASSESSMENT["audience"]
    assert flows.source_answers(activity)["cause_type"] == "competence"
    with pytest.raises(DraftNotFound):
        flows.start("U2", "mock_activity", source_id=na.id)


def test_picking_the_needs_assessment_in_the_first_step_prefills_empty_fields(flows: FlowService) -> None:
    na = complete(flows, "U1", "needs_assessment", NEEDS_ASSESSMENT)
    state = flows.start("U1", "mock_activity")
    outcome = flows.submit_step(state.id, "U1", {"title": "My own title", "source_needs_assessment": str(na.id)})
    assert outcome.state.answers["title"] == "My own title"
    assert outcome.state.answers["audience"] == NEEDS_ASSESSMENT["audience"]


def test_completing_the_last_step_marks_the_draft_completed(flows: FlowService) -> None:
    done = complete(flows, "U1", "mock_activity", MOCK_ACTIVITY)
    assert done.title == "Activity plan: Safer Opioid Prescribing in Primary Care"
    assert flows.drafts_for("U1") == []


def test_an_earlier_step_that_no_longer_validates_is_sent_back_to(flows: FlowService) -> None:
    # E.g. a CME professional made a field required in the YAML while drafts were in progress.
    state = flows.start("U1", "needs_assessment")
    last = len(state.definition.steps) - 1
    answers = {k: v for k, v in NEEDS_ASSESSMENT.items() if k != "topic"}
    flows.save(state.id, "U1", answers, step_index=last)
    outcome = flows.submit_step(state.id, "U1", {"measurement_method": "Vignettes", "baseline": "41%"})
    assert outcome.errors == {"topic": "Please fill in “Topic”."}
    assert outcome.state.step.id == "topic" and not outcome.state.completed


def test_an_unknown_needs_assessment_to_build_on_is_an_error_not_a_crash(flows: FlowService) -> None:
    state = flows.start("U1", "mock_activity")
    for typed in ("42", "abc"):
        outcome = flows.submit_step(state.id, "U1", {"title": "Gout update", "source_needs_assessment": typed})
        assert f"no finished needs assessment #{typed}" in outcome.errors["source_needs_assessment"]
        assert outcome.state.answers["title"] == "Gout update" and outcome.state.step.id == "basics"


def test_submitting_a_finished_flow_again_changes_nothing(flows: FlowService) -> None:
    done = complete(flows, "U1", "needs_assessment", NEEDS_ASSESSMENT)
    again = flows.submit_step(done.id, "U1", {"measurement_method": "changed", "baseline": ""})
    assert again.completed and not again.finished_now and again.errors == {}
    assert flows.get(done.id, "U1").answers["measurement_method"] == NEEDS_ASSESSMENT["measurement_method"]
