"""Gaps for curators: what members ask, what the bot declines or answers unhelpfully, grouped into clusters, plus
the work waiting (questions for experts, community answers past review, documents not reviewed for a year).

Clusters come from the questions' embeddings with scikit-learn's agglomerative clustering (cosine, average
linkage, a distance threshold rather than a number of clusters), keeping clusters of two or more: a small
community with a few dozen questions a month still gets its repeated questions grouped.

Privacy: counts include every question, but an example question is shown only when it was asked in a channel
the caller says is public (`is_public`): questions from private channels and DMs never appear as examples."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import select

from bot.services.community import topic_of
from bot.storage.models import Feedback, QuestionLog
from bot.storage.models._types import utcnow

CLUSTER_DISTANCE = 0.45  # cosine distance within which questions count as the same question
MIN_CLUSTER = 2
_SINCE = re.compile(r"^\s*(\d{1,4})\s*(d|day|days|w|wk|week|weeks|m|mo|month|months)\s*$", re.I)


class BadSince(ValueError):
    """A --since that is not a duration; the message says what is accepted."""


def parse_since(text: str) -> timedelta:
    """ "30d", "4w", "3m" (months of 30 days), between 1 day and 3 years."""
    match = _SINCE.match(text or "")
    if not match:
        raise BadSince(f"'{text}' is not a period: use a number and d, w or m, e.g. 30d, 4w or 3m.")
    amount, unit = int(match.group(1)), match.group(2).lower()
    days = amount * (7 if unit.startswith("w") else 30 if unit.startswith("m") else 1)
    if not 1 <= days <= 3 * 365:
        raise BadSince(f"'{text}' is {days} days: pick between 1 day and 3 years.")
    return timedelta(days=days)


@dataclass(frozen=True)
class Cluster:
    label: str  # the question nearest the cluster's centre (public), or a count-only label
    count: int
    examples: list[str]  # public questions only
    week_counts: dict[str, int] = field(default_factory=dict)


@dataclass
class InsightsReport:
    since: datetime
    questions: int
    declined: int
    not_helpful: int
    top: list[Cluster]
    declined_clusters: list[Cluster]
    not_helpful_clusters: list[Cluster]
    waiting_for_experts: int
    past_review: list[str]
    stale_documents: list[str]
    weekly: dict[str, dict[str, int]]  # week -> {answered, declined}
    weekly_topics: dict[str, dict[str, int]] = field(default_factory=dict)  # week -> {topic: questions}

    def as_dict(self) -> dict[str, Any]:
        def clusters(items: list[Cluster]) -> list[dict[str, Any]]:
            return [{"label": c.label, "count": c.count, "examples": c.examples} for c in items]

        return {
            "since": self.since.date().isoformat(),
            "questions": self.questions,
            "declined": self.declined,
            "not_helpful": self.not_helpful,
            "top_clusters": clusters(self.top),
            "declined_clusters": clusters(self.declined_clusters),
            "not_helpful_clusters": clusters(self.not_helpful_clusters),
            "waiting_for_experts": self.waiting_for_experts,
            "community_past_review": self.past_review,
            "documents_not_reviewed_for_a_year": self.stale_documents,
            "weekly": self.weekly,
            "weekly_topics": self.weekly_topics,
        }

    def text(self) -> str:
        lines = [
            f"Since {self.since:%Y-%m-%d}: {self.questions} questions, {self.declined} declined, "
            f"{self.not_helpful} marked not helpful; {self.waiting_for_experts} waiting for an expert.",
        ]
        for title, items in (
            ("Most asked", self.top),
            ("Declined (gaps in the knowledge)", self.declined_clusters),
            ("Answered but not helpful", self.not_helpful_clusters),
        ):
            lines.append(f"\n{title}:")
            if not items:
                lines.append("  (none repeated)")
            for cluster in items:
                lines.append(f"  {cluster.count:>3} x {cluster.label}")
                for example in cluster.examples[1:3]:
                    lines.append(f"        e.g. {example}")
        if self.past_review:
            lines.append("\nCommunity answers past their review date:")
            lines += [f"  {item}" for item in self.past_review[:20]]
        if self.stale_documents:
            lines.append("\nKnowledge documents not reviewed for over a year:")
            lines += [f"  {doc}" for doc in self.stale_documents[:20]]
        return "\n".join(lines)


def _week(moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def cluster_questions(
    rows: list[QuestionLog], vectors: np.ndarray, is_public: Callable[[str], bool], limit: int = 5
) -> list[Cluster]:
    if len(rows) < MIN_CLUSTER:
        return []
    from sklearn.cluster import AgglomerativeClustering

    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=CLUSTER_DISTANCE
    ).fit_predict(vectors)
    clusters = []
    for label, count in Counter(labels).most_common():
        if count < MIN_CLUSTER:
            break
        members = [i for i, value in enumerate(labels) if value == label]
        centre = vectors[members].mean(axis=0)
        ordered = sorted(members, key=lambda i: -float(vectors[i] @ centre))
        public = [rows[i].question for i in ordered if is_public(rows[i].channel_id)]
        label_text = public[0] if public else f"({count} questions asked in private channels or DMs)"
        weeks = Counter(_week(rows[i].asked_at) for i in members)
        clusters.append(Cluster(label_text[:200], count, [q[:200] for q in public[:3]], dict(sorted(weeks.items()))))
        if len(clusters) >= limit:
            break
    return clusters


def build_report(
    runtime: Any,
    since: timedelta,
    is_public: Callable[[str], bool],
    *,
    team_id: str | None = None,
    questions_of: str | None = None,
    today: date | None = None,
) -> InsightsReport:
    """`team_id`: the workspace whose community backlog is reported; `questions_of`: count only that workspace's
    questions (multi-workspace installs; None counts every logged question)."""
    start = utcnow() - since
    with runtime.db.session() as session:
        query = select(QuestionLog).where(QuestionLog.asked_at >= start)
        if questions_of is not None:
            # One workspace's report never counts another's questions (rows from before 0.2 have no team: left out).
            query = query.where(QuestionLog.team_id == questions_of)
        rows = list(session.scalars(query.order_by(QuestionLog.id)))
        unhelpful_ids = set(
            session.scalars(
                select(Feedback.question_log_id).where(Feedback.rating == "not_helpful", Feedback.created_at >= start)
            )
        )
    rows = [row for row in rows if row.surface != "console" and row.question.strip()] or rows
    vectors = np.asarray(runtime.embed_texts([row.question for row in rows]), dtype=np.float32) if rows else None

    def subset(keep: Callable[[QuestionLog], bool]) -> list[Cluster]:
        chosen = [i for i, row in enumerate(rows) if keep(row)]
        if vectors is None or len(chosen) < MIN_CLUSTER:
            return []
        return cluster_questions([rows[i] for i in chosen], vectors[chosen], is_public)

    weekly: dict[str, dict[str, int]] = {}
    weekly_topics: dict[str, dict[str, int]] = {}
    for row in rows:
        bucket = weekly.setdefault(_week(row.asked_at), {"answered": 0, "declined": 0})
        bucket["declined" if row.abstained else "answered"] += 1
        topics = weekly_topics.setdefault(_week(row.asked_at), {})
        topic = topic_of(row.question) or "other"
        topics[topic] = topics.get(topic, 0) + 1
    waiting = runtime.community.waiting(team_id) if team_id else []
    past = [
        f"#{item.id} {item.question[:120]} (review by {item.review_by})"
        for item in runtime.community.items(team_id=team_id, statuses=("verified", "needs_review"))
        if item.review_by and item.review_by < (today or date.today())
    ]
    return InsightsReport(
        since=start,
        questions=len(rows),
        declined=sum(1 for row in rows if row.abstained),
        not_helpful=sum(1 for row in rows if row.id in unhelpful_ids),
        top=subset(lambda row: True),
        declined_clusters=subset(lambda row: row.abstained),
        not_helpful_clusters=subset(lambda row: row.id in unhelpful_ids),
        waiting_for_experts=len(waiting),
        past_review=past,
        stale_documents=stale_documents(runtime.settings.knowledge_dir, today or date.today()),
        weekly=dict(sorted(weekly.items())),
        weekly_topics=dict(sorted(weekly_topics.items())),
    )


def stale_documents(knowledge_dir: Path, today: date) -> list[str]:
    """Knowledge documents whose last_reviewed is more than a year old (or missing)."""
    stale = []
    for path in sorted(knowledge_dir.rglob("*.md")):
        if "cards" in path.parts:
            continue
        head = path.read_text(encoding="utf-8", errors="replace")[:2000]
        found = re.search(r"^last_reviewed:\s*['\"]?(\d{4}-\d{2}-\d{2})", head, re.M)
        reviewed = date.fromisoformat(found.group(1)) if found else None
        if reviewed is None or (today - reviewed).days > 365:
            stale.append(f"{path.relative_to(knowledge_dir).as_posix()} (last reviewed {reviewed or 'never'})")
    return stale


def chart_png(report: InsightsReport, path: Path) -> Path:
    """Question volume per week by topic, as a PNG (matplotlib, no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    weeks = list(report.weekly_topics) or [_week(utcnow())]
    topics = sorted({t for counts in report.weekly_topics.values() for t in counts}, key=lambda t: (t == "other", t))
    figure, axis = plt.subplots(figsize=(8, 3.8), dpi=110)
    bottom = [0] * len(weeks)
    for topic in topics or ["other"]:
        values = [report.weekly_topics.get(week, {}).get(topic, 0) for week in weeks]
        axis.bar(weeks, values, bottom=bottom, label=topic)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    declined = sum(week.get("declined", 0) for week in report.weekly.values())
    axis.set_title(f"Questions to the CME assistant per week, by topic ({declined} declined in the period)")
    axis.set_ylabel("questions")
    axis.legend(loc="upper left", fontsize="small")
    axis.tick_params(axis="x", rotation=45)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")
    plt.close(figure)
    return path
