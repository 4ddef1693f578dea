"""Matching a member's question against answer cards.

Question-to-question similarity is far more reliable with a small embedding model than question-to-passage, so each
card's question and paraphrases are embedded (cached in Chroma, re-embedded only when their text changes) and a
member's question is compared with all of them. Similarity alone is not enough: near twins (speaker honoraria vs
learners' travel) read alike and answer differently, so a card is only a candidate when its `requires` key terms are
in the question and none of its `excludes` are. The confidence threshold is fitted on held-out phrasings
(bench/fit_cards.py), not chosen by hand.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from bot.knowledge.cards import AnswerCard

log = logging.getLogger(__name__)

# Fitted by bench/fit_cards.py on the fitting half of bench/eval/cards (README, "Answer cards").
FIT_PATH = Path(__file__).with_name("cards_fit.json")
FALLBACK_THRESHOLD = 0.80


def fitted_threshold() -> float:
    try:
        return float(json.loads(FIT_PATH.read_text(encoding="utf-8"))["threshold"])
    except (OSError, ValueError, KeyError):
        return FALLBACK_THRESHOLD


@dataclass(frozen=True)
class CardMatch:
    card: AnswerCard
    similarity: float
    matched_text: str
    # Whether the card's key terms fit the question; a close card whose terms do not fit is a near twin.
    terms_ok: bool = True


def _word_prefix_pattern(alternative: str) -> re.Pattern[str]:
    # "disclos" matches "disclosure"; "M&M" and "cat 1" match as written; spaces match any whitespace. A two-letter
    # alternative is a whole word (plural allowed): "ja" must not match "january".
    escaped = r"\s+".join(re.escape(part) for part in alternative.lower().split())
    ending = r"s?(?![a-z0-9])" if len(alternative.strip()) <= 2 else ""
    return re.compile(r"(?<![a-z0-9])" + escaped + ending)


# "(NOT an ineligible co)", "private stock (not public, no options)": a term the member explicitly denies does not
# make the question about it, so it does not exclude a card. The denial must come right before the term.
_DENIED = re.compile(r"(?:\bnot|\bno|\bnon|n't|\bnever|\bneither|\bnor)[\s-]+(?:(?:an?|the|any|a\s+single)\s+)?$")


def _asserted(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the text mentions the term other than in a denial of it."""
    return any(not _DENIED.search(text[max(0, m.start() - 24) : m.start()]) for m in pattern.finditer(text))


# Slack shorthand spelled out before key terms are matched: "a lab w/o proprietary products" must meet the card's
# "without proprietary", not its twin's "proprietary".
_SHORTHAND = ((re.compile(r"(?<![a-z0-9])w/o(?![a-z0-9])|(?<![a-z0-9])w/out(?![a-z0-9])"), "without"),
              (re.compile(r"(?<![a-z0-9])w/(?=\s|[a-z])"), "with "))  # fmt: skip


def _spelled_out(text: str) -> str:
    lowered = text.lower()
    for pattern, words in _SHORTHAND:
        lowered = pattern.sub(words, lowered)
    return " ".join(lowered.split())


class _TermRules:
    def __init__(self, card: AnswerCard) -> None:
        self.card = card

    @cached_property
    def requires(self) -> list[list[re.Pattern[str]]]:
        # Compiled when a question first comes close to the card: compiling every card's patterns up front took
        # ~0.2 s of a ~3 s one-shot `cmebot ask`, where most cards are never a candidate.
        return [[_word_prefix_pattern(alt) for alt in group if alt.strip()] for group in self.card.requires]

    @cached_property
    def excludes(self) -> list[re.Pattern[str]]:
        return [_word_prefix_pattern(alt) for alt in self.card.excludes if alt.strip()]

    def fits(self, text: str, own: str | None = None) -> bool:
        """Key terms may come from the whole text; excluding terms count only in `own`, the member's own message
        when a follow-up is read with the earlier question ("what about learners' travel?" after faculty honoraria:
        "faculty" belongs to the earlier question and must not exclude the learners' card)."""
        if any(_asserted(p, own if own is not None else text) for p in self.excludes):
            return False
        return all(any(p.search(text) for p in group) for group in self.requires if group)


# Chroma refuses a write of more than its maximum batch (5,461 records with the embedded store): 930 cards with
# their paraphrases are about 5,700 texts.
_CHROMA_BATCH = 1000
T = TypeVar("T")


def _batches(items: list[T]) -> list[list[T]]:
    return [items[start : start + _CHROMA_BATCH] for start in range(0, len(items), _CHROMA_BATCH)]


class CardIndex:
    def __init__(self, cards: list[AnswerCard], collection: Any | None, embeddings: Any) -> None:
        self.embeddings = embeddings
        self.collection = collection
        self.threshold = fitted_threshold()
        self._lock = threading.Lock()
        self.load(cards)

    # --- building -----------------------------------------------------------------------------------------
    @staticmethod
    def _key(card: AnswerCard, text: str) -> str:
        return f"{card.id}::{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"

    def _vectors(self, keys: list[str], texts: list[str]) -> np.ndarray:
        """Embeddings for these texts, from the cache where the text is unchanged."""
        cached: dict[str, list[float]] = {}
        if self.collection is not None:
            for part in _batches(keys):
                stored = self.collection.get(ids=part, include=["embeddings"])
                cached.update(zip(stored["ids"], stored["embeddings"], strict=True))
        missing = [i for i, key in enumerate(keys) if key not in cached]
        if missing:
            fresh = self.embeddings.embed_documents([texts[i] for i in missing])
            for i, vector in zip(missing, fresh, strict=True):
                cached[keys[i]] = vector
            if self.collection is not None:
                for part in _batches(missing):
                    self.collection.upsert(
                        ids=[keys[i] for i in part],
                        embeddings=[cached[keys[i]] for i in part],
                        documents=[texts[i] for i in part],
                        metadatas=[{"card_id": keys[i].split("::")[0]} for i in part],
                    )
        if self.collection is not None:
            # Drop cached texts no card has any more, so the cache never grows without bound.
            known = set(keys)
            stale = [k for k in self.collection.get(include=[])["ids"] if k not in known]
            for part in _batches(stale):
                self.collection.delete(ids=part)
        if not keys:
            return np.zeros((0, 1), dtype=np.float32)
        return np.asarray([cached[k] for k in keys], dtype=np.float32)

    def load(self, cards: list[AnswerCard]) -> None:
        owners: list[int] = []
        texts: list[str] = []
        keys: list[str] = []
        for number, card in enumerate(cards):
            for text in dict.fromkeys(" ".join(t.split()) for t in card.texts):
                owners.append(number)
                texts.append(text)
                keys.append(self._key(card, text))
        matrix = self._vectors(keys, texts)
        with self._lock:
            self.cards = cards
            self.rules = [_TermRules(card) for card in cards]
            self.owners = np.asarray(owners, dtype=np.int64)
            self.texts = texts
            self.matrix = matrix

    @property
    def size(self) -> int:
        return len(self.cards)

    # --- matching -----------------------------------------------------------------------------------------
    def candidates(self, vector: list[float], text: str, n: int = 5, own: str | None = None) -> list[CardMatch]:
        """The best-scoring cards for a question, each with whether its key terms fit (`own`: see `fits`)."""
        with self._lock:
            cards, rules, owners, texts, matrix = self.cards, self.rules, self.owners, self.texts, self.matrix
        if not cards or not len(matrix):
            return []
        sims = matrix @ np.asarray(vector, dtype=np.float32)
        best: dict[int, tuple[float, int]] = {}
        for row in np.argsort(-sims)[: 8 * n]:
            owner = int(owners[row])
            if owner not in best:
                best[owner] = (float(sims[row]), int(row))
        ranked = sorted(best.items(), key=lambda item: item[1][0], reverse=True)[:n]
        lowered = _spelled_out(text)
        own_lowered = _spelled_out(own) if own is not None else None
        return [
            CardMatch(cards[owner], round(sim, 4), texts[row], rules[owner].fits(lowered, own_lowered))
            for owner, (sim, row) in ranked
        ]

    @staticmethod
    def fitting(candidates: list[CardMatch]) -> CardMatch | None:
        """The closest card whose key terms fit: a closer card whose terms do not fit is a near twin, and the
        question is about something else."""
        return next((c for c in candidates if c.terms_ok), None)

    def choose(self, candidates: list[CardMatch]) -> CardMatch | None:
        """The card that answers, or None: the closest fitting card, if it clears the fitted threshold."""
        match = self.fitting(candidates)
        return match if match is not None and match.similarity >= self.threshold else None
