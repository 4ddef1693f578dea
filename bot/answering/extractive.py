"""Offline answers: the answer units (sentences, lists with their lead-in) of the retrieved passages that
best answer the question, chosen by meaning and by shared words, with numbered citations."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from bot.knowledge.units import split_units
from bot.retrieval.hybrid import Passage
from bot.retrieval.text import content_terms


@dataclass(frozen=True)
class Unit:
    passage_rank: int
    position: int
    text: str
    similarity: float


@dataclass(frozen=True)
class Extract:
    text: str
    cited: list[int]  # indexes into the passages list, in citation order


class ExtractiveAnswerer:
    def __init__(
        self,
        idf: dict[str, float],
        units: Any | None = None,
        max_units: int = 5,
        max_words: int = 150,
        lexical_weight: float = 0.1,
        rank_prior: float = 0.2,
    ) -> None:
        # Defaults tuned on bench/eval/questions.jsonl (README, "Evaluation").
        self.idf = idf
        self.units = units
        self.max_units = max_units
        self.max_words = max_words
        self.lexical_weight = lexical_weight
        # Units of the best-ranked passages get a head start: answers read better from few sources.
        self.rank_prior = rank_prior

    def _candidates(self, passages: list[Passage], query_vector: list[float]) -> list[Unit]:
        rank_of = {p.chunk_id: rank for rank, p in enumerate(passages)}
        if self.units is not None and query_vector:
            stored = self.units.get(
                where={"chunk_id": {"$in": list(rank_of)}}, include=["embeddings", "documents", "metadatas"]
            )
            if stored["ids"]:
                vectors = np.asarray(stored["embeddings"], dtype=np.float32)
                similarities = vectors @ np.asarray(query_vector, dtype=np.float32)
                return [
                    Unit(rank_of[str(meta["chunk_id"])], int(meta["position"]), text, float(sim))
                    for text, meta, sim in zip(stored["documents"], stored["metadatas"], similarities, strict=True)
                ]
        # Without stored units (an index built before they existed) fall back to words alone.
        return [
            Unit(rank, position, text, 0.0)
            for rank, passage in enumerate(passages)
            for position, text in enumerate(split_units(passage.text))
        ]

    def _lexical(self, text: str, query_terms: set[str]) -> float:
        terms = content_terms(text)
        if not terms:
            return 0.0
        return sum(self.idf.get(term, 1.0) for term in query_terms.intersection(terms)) / math.sqrt(len(terms))

    def answer(self, question: str, passages: list[Passage], query_vector: list[float] | None = None) -> Extract:
        units = self._candidates(passages, query_vector or [])
        if not units:
            return Extract(text="", cited=[])
        query_terms = set(content_terms(question))
        lexical = [self._lexical(u.text, query_terms) for u in units]
        top_lexical = max(lexical) or 1.0
        scored = sorted(
            (
                (u.similarity + self.lexical_weight * lex / top_lexical + self.rank_prior / (1 + u.passage_rank), u)
                for u, lex in zip(units, lexical, strict=True)
            ),
            key=lambda item: item[0],
            reverse=True,
        )
        chosen: list[Unit] = []
        words = 0
        for _score, unit in scored:
            n = len(unit.text.split())
            if len(chosen) >= self.max_units:
                break
            if chosen and words + n > self.max_words:
                continue
            if any(unit.text == c.text for c in chosen):
                continue
            chosen.append(unit)
            words += n
        chosen.sort(key=lambda u: (u.passage_rank, u.position))

        paragraphs: list[str] = []
        cited: list[int] = []
        for rank in dict.fromkeys(u.passage_rank for u in chosen):
            cited.append(rank)
            body = " ".join(u.text for u in chosen if u.passage_rank == rank)
            paragraphs.append(f"{body} [{len(cited)}]")
        return Extract(text="\n\n".join(paragraphs), cited=cited)
