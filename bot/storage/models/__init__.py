"""Every table, imported here so `Database.create_all` sees them all."""

from bot.storage.models.clearances import KnowledgeClearance  # noqa: F401
from bot.storage.models.community import CommunityItem, Escalation, UploadRecord  # noqa: F401
from bot.storage.models.disclosures import DisclosureRecord  # noqa: F401
from bot.storage.models.events import ProcessedEvent
from bot.storage.models.flows import FlowDraft  # noqa: F401
from bot.storage.models.jobs import AnswerJob, KnowledgeVersion  # noqa: F401
from bot.storage.models.knowledge_release import KnowledgeCitation, KnowledgeInstall, KnowledgeReview  # noqa: F401
from bot.storage.models.members import AppSecret, AuditEntry  # noqa: F401
from bot.storage.models.onboarding import OnboardingMember, OnboardingProgress  # noqa: F401
from bot.storage.models.questions import Feedback, QuestionLog

__all__ = ["Feedback", "ProcessedEvent", "QuestionLog"]
