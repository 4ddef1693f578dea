"""The App Home as data: the member's checklist, saved flow drafts and recent questions, plus an admin panel.

Every list is fetched with a limit, so the Home costs the same whatever a member's history; the renderer
still enforces Slack's 100-block cap as a last line of defence."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.onboarding.service import ChecklistEntry, OnboardingService
from bot.services.questions import QuestionCounts

if TYPE_CHECKING:
    from bot.runtime import Runtime

log = logging.getLogger(__name__)

RECENT_QUESTIONS = 5
DRAFTS = 5
UNANSWERED = 5


@dataclass(frozen=True)
class DraftEntry:
    id: int | str
    flow: str
    title: str
    step_label: str
    updated_at: datetime | None


@dataclass(frozen=True)
class QuestionEntry:
    question: str
    asked_at: datetime
    answered: bool
    channel_id: str = ""


@dataclass(frozen=True)
class KnowledgeStatus:
    documents: int
    chunks: int
    last_indexed: datetime | None


@dataclass(frozen=True)
class AdminPanel:
    # None when the index could not be read; the Home says so instead of failing to open.
    knowledge: KnowledgeStatus | None
    counts: QuestionCounts
    unanswered: tuple[QuestionEntry, ...]


@dataclass(frozen=True)
class HomeModel:
    user_id: str
    checklist_title: str
    checklist: tuple[ChecklistEntry, ...]
    drafts: tuple[DraftEntry, ...]
    more_drafts: int
    recent_questions: tuple[QuestionEntry, ...]
    admin: AdminPanel | None


def is_admin(runtime: Runtime, user_id: str) -> bool:
    return runtime.roles.is_admin(user_id)  # settings and user groups (bot/services/roles.py)


def _drafts(runtime: Runtime, user_id: str) -> list[Any]:
    # The flows feature is optional for the Home: without it there are simply no drafts to resume.
    try:
        from bot.flows import FlowService
    except ImportError:
        return []
    return list(FlowService(runtime.db, runtime.settings).drafts_for(user_id))


def _question(row: Any) -> QuestionEntry:
    return QuestionEntry(
        question=" ".join(row.question.split()),
        asked_at=row.asked_at,
        answered=not row.abstained,
        channel_id=row.channel_id or "",
    )


def _knowledge_status(runtime: Runtime) -> KnowledgeStatus | None:
    try:
        stats = runtime.indexer.stats()
    except Exception:
        log.exception("Could not read knowledge base statistics for the App Home")
        return None
    last = datetime.fromtimestamp(stats.last_indexed, UTC) if stats.last_indexed else None
    return KnowledgeStatus(stats.documents, stats.chunks, last)


def build_home(runtime: Runtime, onboarding: OnboardingService, user_id: str, team_id: str | None = None) -> HomeModel:
    """`team_id`: the admin panel counts and lists only that workspace's questions (None: all of them)."""
    drafts = _drafts(runtime, user_id)
    admin = None
    if is_admin(runtime, user_id):
        admin = AdminPanel(
            knowledge=_knowledge_status(runtime),
            counts=runtime.questions.counts(team_id),
            unanswered=tuple(
                _question(q) for q in runtime.questions.recent_unanswered(limit=UNANSWERED, team_id=team_id)
            ),
        )
    return HomeModel(
        user_id=user_id,
        checklist_title=onboarding.pathway.checklist_title,
        checklist=tuple(onboarding.checklist(user_id)),
        drafts=tuple(
            DraftEntry(d.id, d.flow, d.title, d.step_label, getattr(d, "updated_at", None)) for d in drafts[:DRAFTS]
        ),
        more_drafts=max(0, len(drafts) - DRAFTS),
        recent_questions=tuple(
            _question(q) for q in runtime.questions.recent_for_user(user_id, limit=RECENT_QUESTIONS)
        ),
        admin=admin,
    )
