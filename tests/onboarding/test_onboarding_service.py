"""The welcome happens once, progress is per member, and the nudge survives restarts and yields to progress."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from threading import Barrier, Thread

import pytest

from bot.onboarding import OnboardingService
from bot.storage.db import Database
from tests.onboarding.conftest import onboarding_settings

NOW = datetime(2026, 11, 25, 9, 0)


def nudging(db: Database, tmp_path: Path, days: float = 3) -> OnboardingService:
    return OnboardingService(db, onboarding_settings(tmp_path, CMEBOT_NUDGE_AFTER_DAYS=days))


def test_welcome_is_claimed_once_per_member(service: OnboardingService) -> None:
    assert service.claim_welcome("U1", "team_join")
    assert not service.claim_welcome("U1", "team_join")
    assert not service.claim_welcome("U1", "C_GENERAL")
    assert service.claim_welcome("U2", "C_GENERAL")


def test_concurrent_claims_have_one_winner(service: OnboardingService) -> None:
    barrier = Barrier(8)
    results: list[bool] = []

    def claim() -> None:
        barrier.wait()
        results.append(service.claim_welcome("U1", "team_join"))

    threads = [Thread(target=claim) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]


def test_claim_survives_a_new_service_over_the_same_database(db: Database, tmp_path: Path) -> None:
    first = OnboardingService(db, onboarding_settings(tmp_path))
    assert first.claim_welcome("U1", "team_join")
    first.record_welcome_message("U1", "D1", "171.000100")
    db.dispose()

    reopened = Database(db.url)
    reopened.create_all()
    second = OnboardingService(reopened, onboarding_settings(tmp_path))
    assert not second.claim_welcome("U1", "team_join")
    message = second.welcome_message("U1")
    assert message is not None and (message.channel, message.ts) == ("D1", "171.000100")
    reopened.dispose()


def test_released_claim_can_be_retried_but_a_sent_welcome_cannot(service: OnboardingService) -> None:
    assert service.claim_welcome("U1", "team_join")
    service.release_welcome("U1")
    assert service.claim_welcome("U1", "team_join")
    service.record_welcome_message("U1", "D1", "1.0")
    service.release_welcome("U1")  # a late failure must not undo a welcome that was delivered
    assert not service.claim_welcome("U1", "team_join")


def test_progress_is_per_member_and_ticks_once(service: OnboardingService) -> None:
    assert service.complete("U1", "fundamentals")
    assert not service.complete("U1", "fundamentals")
    assert service.completed("U1") == {"fundamentals"}
    assert service.completed("U2") == set()
    entries = service.checklist("U1")
    assert [e.item.id for e in entries] == ["fundamentals", "communities", "samples", "webinar", "mock_activity"]
    assert [e.done for e in entries] == [True, False, False, False, False]


def test_unknown_item_is_rejected(service: OnboardingService) -> None:
    with pytest.raises(ValueError, match="unknown pathway item"):
        service.complete("U1", "not-a-step")


def test_no_nudge_when_setting_is_off(service: OnboardingService) -> None:
    service.claim_welcome("U1", "team_join", now=NOW)
    assert service.nudge_due_at("U1") is None
    assert service.due_nudges(NOW + timedelta(days=365)) == []


def test_nudge_is_sent_once_when_due(db: Database, tmp_path: Path) -> None:
    service = nudging(db, tmp_path, days=3)
    service.claim_welcome("U1", "team_join", now=NOW)
    assert service.nudge_due_at("U1") == NOW + timedelta(days=3)
    sent: list[str] = []
    assert service.send_due_nudges(sent.append, now=NOW + timedelta(days=2)) == []
    assert service.send_due_nudges(sent.append, now=NOW + timedelta(days=3, minutes=1)) == ["U1"]
    assert service.send_due_nudges(sent.append, now=NOW + timedelta(days=9)) == []
    assert sent == ["U1"]


def test_nudge_schedule_survives_a_restart(db: Database, tmp_path: Path) -> None:
    nudging(db, tmp_path).claim_welcome("U1", "team_join", now=NOW)
    db.dispose()
    reopened = Database(db.url)
    sent: list[str] = []
    nudging(reopened, tmp_path).send_due_nudges(sent.append, now=NOW + timedelta(days=4))
    assert sent == ["U1"]
    reopened.dispose()


def test_progress_cancels_the_nudge(db: Database, tmp_path: Path) -> None:
    service = nudging(db, tmp_path)
    service.claim_welcome("U1", "team_join", now=NOW)
    service.claim_welcome("U2", "team_join", now=NOW)
    service.complete("U1", "samples")
    assert service.nudge_due_at("U1") is None
    sent: list[str] = []
    service.send_due_nudges(sent.append, now=NOW + timedelta(days=4))
    assert sent == ["U2"]


def test_failed_nudge_is_retried_on_the_next_check(db: Database, tmp_path: Path) -> None:
    service = nudging(db, tmp_path)
    service.claim_welcome("U1", "team_join", now=NOW)

    def broken(_user: str) -> None:
        raise ConnectionError("Slack is down")

    assert service.send_due_nudges(broken, now=NOW + timedelta(days=4)) == []
    sent: list[str] = []
    assert service.send_due_nudges(sent.append, now=NOW + timedelta(days=4, hours=1)) == ["U1"]


def test_finishing_the_mock_activity_flow_ticks_its_step(service: OnboardingService, db: Database) -> None:
    from bot.flows import FlowService
    from bot.storage.models.flows import FlowDraft

    flows = FlowService(db, service.settings)
    draft = flows.start("U1", "mock_activity")
    assert not service.sync_flow_progress("U1")  # started is not finished
    with db.session() as session:
        session.get(FlowDraft, draft.id).status = "completed"  # type: ignore[union-attr]
    assert service.sync_flow_progress("U1")
    assert "mock_activity" in service.completed("U1")
    assert not service.sync_flow_progress("U1")  # ticked once


def test_a_claim_abandoned_mid_welcome_is_taken_over_once(service: OnboardingService) -> None:
    assert service.claim_welcome("U1", "team_join", now=NOW)  # the worker dies before sending the DM
    assert not service.claim_welcome("U1", "C1", now=NOW + timedelta(minutes=2))  # maybe still sending
    later = NOW + timedelta(minutes=30)
    assert service.claim_welcome("U1", "C1", now=later)
    assert not service.claim_welcome("U1", "C1", now=later)
    service.record_welcome_message("U1", "D1", "1.0")
    assert not service.claim_welcome("U1", "C1", now=later + timedelta(days=30))  # delivered: never again
