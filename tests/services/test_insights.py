"""Curators' insights: periods, clusters of repeated questions, examples only from public channels, the chart."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.runtime import Runtime
from bot.services.insights import BadSince, build_report, chart_png, parse_since
from bot.storage.models import Feedback, QuestionLog
from bot.storage.models._types import utcnow


@pytest.mark.parametrize(("text", "days"), [("30d", 30), ("4w", 28), ("3m", 90), (" 7 days ", 7)])
def test_periods(text: str, days: int) -> None:
    assert parse_since(text) == timedelta(days=days)


@pytest.mark.parametrize("text", ["", "soon", "-5d", "0d", "99999d", "30x", "30 d ago"])
def test_nonsense_periods_are_refused_kindly(text: str) -> None:
    with pytest.raises(BadSince, match=r"30d|between 1 day"):
        parse_since(text)


FEES = [
    "what does ACCME charge for initial accreditation?",
    "how much is the ACCME accreditation fee?",
    "ACCME initial accreditation fee amount?",
]
PRIVATE_ONLY = ["what did our CME committee decide about the budget?", "what did our CME committee decide on budget?"]


def _log(runtime: Runtime, question: str, channel: str, *, abstained: bool, days_ago: int = 1, team: str = "T1") -> int:
    with runtime.db.session() as session:
        row = QuestionLog(
            question=question,
            channel_id=channel,
            team_id=team,
            surface="slack_mention",
            abstained=abstained,
            answered=not abstained,
            asked_at=utcnow() - timedelta(days=days_ago),
        )
        session.add(row)
        session.flush()
        return int(row.id)


def test_declined_questions_cluster_and_private_ones_are_never_quoted(runtime: Runtime, tmp_path: Path) -> None:
    for n, question in enumerate(FEES):
        _log(runtime, question, "CPUBLIC" if n else "CSECRET", abstained=True)
    for question in PRIVATE_ONLY:
        _log(runtime, question, "DU1", abstained=True)
    helped = _log(runtime, "How far back do faculty disclosures go?", "CPUBLIC", abstained=False)
    _log(runtime, "How far back must faculty disclose?", "CPUBLIC", abstained=False)
    _log(runtime, "an old question", "CPUBLIC", abstained=True, days_ago=90)
    with runtime.db.session() as session:
        session.add(Feedback(user_id="U1", question_log_id=helped, rating="not_helpful"))

    report = build_report(runtime, timedelta(days=30), lambda channel: channel == "CPUBLIC")
    assert (report.questions, report.declined, report.not_helpful) == (7, 5, 1)
    fees = next(c for c in report.declined_clusters if c.count == 3)
    assert all("ACCME" in example for example in fees.examples)
    assert FEES[0] not in fees.examples  # asked in a private channel: counted, not quoted
    private = next(c for c in report.declined_clusters if c.count == 2)
    assert private.examples == [] and "private channels or DMs" in private.label
    text = report.text()
    assert "committee" not in text and FEES[0] not in text
    assert "(none repeated)" in text  # one not-helpful answer is not a cluster

    chart = chart_png(report, tmp_path / "chart.png")
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 5000


def test_one_workspaces_report_never_counts_anothers_questions(runtime: Runtime) -> None:
    for question in FEES:
        _log(runtime, question, "CPUBLIC", abstained=True, team="T1")
    for question in FEES[:2]:
        _log(runtime, question, "COTHER", abstained=True, team="T2")
    ours = build_report(runtime, timedelta(days=30), lambda channel: True, team_id="T1", questions_of="T1")
    assert (ours.questions, ours.declined) == (3, 3)
    theirs = build_report(runtime, timedelta(days=30), lambda channel: True, team_id="T2", questions_of="T2")
    assert theirs.questions == 2 and all(c.count == 2 for c in theirs.declined_clusters)
    assert runtime.questions.counts("T2").questions == 2
    assert {row.team_id for row in runtime.questions.recent_unanswered(team_id="T1")} == {"T1"}
