"""Answer or decline: a classifier fitted on labelled questions, not hand-tuned thresholds.

Four outcomes: answerable; near_scope (a CME question the knowledge cannot answer: fees, a board's recent
decisions, a provider's own deadlines, product recommendations); clinical; off_topic. The features describe how well
the knowledge matches (retrieval, card match), what kind of value the question asks for and whether any passage
holds one, and the question's own meaning (its sentence embedding, so "what does ACCME charge" and "what does ACCME
require" are told apart by more than word lists). A multinomial logistic regression (scikit-learn) is fitted by
bench/fit_decision.py on one part of bench/eval/dev and reported on the rest; its parameters ship as JSON and are
applied here with numpy, so answering needs no scikit-learn import.

The clinical safety list in prompts/scope.yml still runs first: a question that asks for clinical advice is
declined whatever the model says.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.answering.scope import ScopeRules
from bot.answering.support import SupportPolicy
from bot.retrieval.cards import CardMatch
from bot.retrieval.hybrid import Retrieval
from bot.retrieval.text import content_terms

MODEL_PATH = Path(__file__).with_name("decision_model.json")
CLASSES = ("answerable", "near_scope", "clinical", "off_topic")

# What the question asks for, as the kind of value a passage would have to contain.
_ASKS = {
    # Asking what something costs, not mentioning a fee ("a $200 advisory fee too small to disclose?", "can the
    # grant cut the registration fee for everyone?" ask about rules).
    "fee": re.compile(
        r"\bhow much (?:does|do|is|are|will|would|did)\b(?![^?]*\b(?:credits?|points?|hours?|time)\b)|"
        r"\b(?:what|what's|whats|how much)\b[^?.]{0,40}\b(?:fees?|costs?|charges?|charged|price|pricing)\b|"
        r"\bis there an?\s+(?:\w+\s+)?(?:fee|cost|charge)\b|\bcharge\s+(?:for|to)\b",
        re.I,
    ),
    "recent": re.compile(
        r"\b(?:last|this|next|upcoming|recent(?:ly)?)\s+(?:month|week|year|meeting|quarter|cycle)\b|\b20(?:2[7-9]|3\d)\b|"
        r"\bdecided\b|\bannounced\b|\bnews\b",
        re.I,
    ),
    "ours": re.compile(r"\b(?:our|my)\s+(?:next|own|current|hospital'?s?|organi[sz]ation'?s?|institution'?s?)\b", re.I),
    "best": re.compile(r"\b(?:best|recommend(?:ed)?|which (?:lms|vendor|platform|software|tool|company))\b", re.I),
    "person": re.compile(r"\bwho (?:is|was|are) (?:the )?(?:ceo|president|director|head|chair|contact)\b", re.I),
}


@dataclass(frozen=True)
class Decision:
    label: str
    probabilities: dict[str, float]
    asks: tuple[str, ...] = ()

    @property
    def answer(self) -> bool:
        return self.label == "answerable"


def asked_values(question: str) -> tuple[str, ...]:
    return tuple(name for name, pattern in _ASKS.items() if pattern.search(question))


FEATURE_NAMES = (
    "top_dense",
    "mean_dense_top3",
    "top_fused",
    "log_top_lexical",
    "unknown_share",
    "log_terms",
    "card_sim",
    "card_sim_terms_ok",
    "value_missing",
    "proper_noun_missing",
    "cme_term",
    "clinical_term",
    "off_topic_term",
    *(f"asks_{name}" for name in _ASKS),
)


def feature_vector(
    question: str,
    retrieval: Retrieval,
    cards: list[CardMatch],
    scope: ScopeRules,
    policy: SupportPolicy,
) -> list[float]:
    passages = retrieval.passages
    dense = sorted((p.dense for p in passages), reverse=True)
    terms = len(retrieval.known_terms) + len(retrieval.unknown_terms)
    evidence = "\n".join(f"{p.title} {p.heading} {p.text}" for p in passages)
    value_missing = any(r.question.search(question) and not r.evidence.search(evidence) for r in policy.value_requests)
    lowered_evidence = evidence.lower()
    noun_missing = any(name.lower() not in lowered_evidence for name in policy.proper_nouns(question))
    lowered = question.lower()
    asks = asked_values(question)
    values = [
        dense[0] if dense else 0.0,
        float(np.mean(dense[:3])) if dense else 0.0,
        passages[0].score if passages else 0.0,
        math.log1p(passages[0].lexical) if passages else 0.0,
        len(retrieval.unknown_terms) / terms if terms else 1.0,
        math.log1p(len(content_terms(question))),
        max((c.similarity for c in cards), default=0.0),
        max((c.similarity for c in cards if c.terms_ok), default=0.0),
        float(value_missing),
        float(noun_missing),
        float(bool(scope.cme.search(lowered))),
        float(bool(scope.clinical.search(lowered))),
        float(bool(scope.off_topic.search(lowered) or scope.always_off_topic.search(lowered))),
        *(float(name in asks) for name in _ASKS),
    ]
    return values


class DecisionModel:
    """Applies the fitted parameters; `decide` returns the most probable class, answering only when the answerable
    probability clears the fitted threshold (a wrong answer costs more than a decline)."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params
        self.classes: list[str] = list(params["classes"])
        self.mean = np.asarray(params["mean"], dtype=np.float64)
        self.scale = np.asarray(params["scale"], dtype=np.float64)
        self.coef = np.asarray(params["coef"], dtype=np.float64)
        self.intercept = np.asarray(params["intercept"], dtype=np.float64)
        self.threshold = float(params.get("answer_threshold", 0.5))
        self.use_embedding = bool(params.get("embedding", False))
        # The question's embedding enters through its first principal components (fitted with the model) when the
        # fit chose so: all 384 dimensions over a few hundred questions learn the questions, not the kinds.
        projection = params.get("projection")
        self.projection = None if not projection else np.asarray(projection["components"], dtype=np.float64)
        self.projection_mean = None if not projection else np.asarray(projection["mean"], dtype=np.float64)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> DecisionModel | None:
        if not path.is_file():
            return None
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def embedding_inputs(self, vector: list[float]) -> list[float]:
        if not self.use_embedding:
            return []
        if self.projection is None:
            return list(vector)
        return list((np.asarray(vector, dtype=np.float64) - self.projection_mean) @ self.projection.T)

    def inputs(self, features: list[float], vector: list[float]) -> np.ndarray:
        row = list(features) + self.embedding_inputs(vector)
        return (np.asarray(row, dtype=np.float64) - self.mean) / self.scale

    def probabilities(self, features: list[float], vector: list[float]) -> dict[str, float]:
        logits = self.coef @ self.inputs(features, vector) + self.intercept
        logits -= logits.max()
        exp = np.exp(logits)
        probs = exp / exp.sum()
        return {label: float(p) for label, p in zip(self.classes, probs, strict=True)}

    def decide(self, question: str, features: list[float], vector: list[float]) -> Decision:
        probs = self.probabilities(features, vector)
        asks = asked_values(question)
        if probs.get("answerable", 0.0) >= self.threshold:
            return Decision("answerable", probs, asks)
        declines = {k: v for k, v in probs.items() if k != "answerable"}
        return Decision(max(declines, key=lambda k: declines[k]), probs, asks)
