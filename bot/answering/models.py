"""The one structure every answer path returns, whoever wrote the text."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from bot.retrieval.hybrid import Passage

# How each trust tier reads next to a source; an accreditor's page also names the accreditor.
TIER_LABELS = {
    "authority": "authority page",
    "maintainers": "maintainers' note",
    "community": "community-verified answer",
    "unreviewed": "unreviewed upload",
}

AnswerMode = Literal["card", "community", "tool", "extractive", "llm", "abstained"]


class Source(BaseModel):
    title: str
    heading: str
    url: str
    authority: str
    text: str
    score: float
    effective_date: str = ""
    last_reviewed: str = ""
    tier: str = "authority"

    @classmethod
    def from_passage(cls, passage: Passage) -> Source:
        return cls(
            title=passage.title,
            heading=passage.heading,
            url=passage.url,
            authority=passage.authority,
            text=passage.text,
            score=passage.score,
            effective_date=passage.effective_date,
            last_reviewed=passage.last_reviewed,
            tier=passage.tier,
        )

    def public_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "heading": self.heading,
            "url": self.url,
            "authority": self.authority,
            "text": self.text,
            "score": float(self.score),
            "tier": self.tier,
        }

    @property
    def provenance(self) -> str:
        """Who stands behind the text, e.g. "ACCME · authority page", "maintainers' note", "unreviewed upload"."""
        label = TIER_LABELS.get(self.tier, self.tier)
        if self.tier == "authority" and self.authority:
            return f"{self.authority} · {label}"
        return label


class Turn(BaseModel):
    """One earlier message of a conversation (a Slack thread or the console)."""

    role: Literal["user", "assistant"]
    text: str


class Answer(BaseModel):
    question: str
    answer: str
    abstained: bool
    sources: list[Source] = Field(default_factory=list)
    mode: AnswerMode = "extractive"
    model: str | None = None
    # Why the bot declined, or that it fell back from the LLM; shown as the answer's footer.
    note: str | None = None
    reason: str | None = None
    search_query: str = ""
    latency_ms: float = 0.0
    # The verified answer card that answered, if one did.
    card_id: str | None = None
    # A community answer's credit (author, verifier, verified_on): rendered by each surface, Slack as mentions.
    credit: dict[str, str] | None = None

    def public_dict(self) -> dict[str, Any]:
        return {
            "answer": self.text_with_note,
            "abstained": self.abstained,
            "sources": [source.public_dict() for source in self.sources],
        }

    @property
    def text_with_note(self) -> str:
        return f"{self.answer}\n\n({self.note})" if self.note else self.answer

    @property
    def produced_by(self) -> str:
        if self.abstained:
            return "Declined: " + (self.reason or "the knowledge base does not support an answer")
        if self.mode == "card":
            phrased = f", the rest phrased by {self.model}" if self.model else ""
            return f"Verified answer card ({self.card_id}), checked against the cited sources{phrased}"
        if self.mode == "community":
            return "Community answer verified by an expert; below official rules, not one of them"
        if self.mode == "tool":
            return f"Calculated ({self.reason}) from the rule in the cited source"
        if self.mode == "llm":
            return f"Written by {self.model} from the cited sources only"
        return "Extractive answer: sentences taken from the cited sources (no language model)"
