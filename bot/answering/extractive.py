"""Offline answers: the sentences of the retrieved passages that best answer the question, with citations."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from bot.retrieval.hybrid import Passage
from bot.retrieval.text import content_terms

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[*])")
_MARKDOWN = re.compile(r"(\*\*|__|`)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")


@dataclass(frozen=True)
class Sentence:
    passage_rank: int
    position: int
    text: str


@dataclass(frozen=True)
class Extract:
    text: str
    cited: list[int]  # indexes into the passages list, in citation order


def _clean(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = _MARKDOWN.sub("", text)
    return " ".join(text.split())


def split_sentences(passage: Passage, rank: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)", passage.text):
        block = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", block.strip())
        if block.startswith("|"):
            # Table rows read badly as prose; keep the cells joined.
            block = " ".join(
                cell.strip() for cell in block.split("|") if cell.strip() and set(cell.strip()) - set("-: ")
            )
        for piece in _SENTENCE.split(block):
            piece = _clean(piece)
            if len(piece.split()) >= 3:
                sentences.append(Sentence(rank, len(sentences), piece))
    return sentences


class ExtractiveAnswerer:
    def __init__(self, idf: dict[str, float], max_sentences: int = 4, max_words: int = 130) -> None:
        self.idf = idf
        self.max_sentences = max_sentences
        self.max_words = max_words

    def _score(self, sentence: Sentence, query_terms: set[str], heading_bonus: float) -> float:
        terms = content_terms(sentence.text)
        if not terms:
            return 0.0
        matched = query_terms.intersection(terms)
        overlap = sum(self.idf.get(term, 1.0) for term in matched)
        # Favour the best-ranked passages and their opening sentences, where sections state their point.
        prior = 1.0 / (1 + sentence.passage_rank) + (0.3 if sentence.position == 0 else 0.0)
        return overlap / math.sqrt(len(terms)) + prior + heading_bonus

    def answer(self, question: str, passages: list[Passage]) -> Extract:
        query_terms = set(content_terms(question))
        candidates: list[tuple[float, Sentence]] = []
        for rank, passage in enumerate(passages):
            heading_terms = set(content_terms(passage.heading))
            heading_bonus = 0.5 * len(query_terms & heading_terms) / (len(query_terms) or 1)
            for sentence in split_sentences(passage, rank):
                candidates.append((self._score(sentence, query_terms, heading_bonus), sentence))
        candidates.sort(key=lambda item: item[0], reverse=True)

        chosen: list[Sentence] = []
        words = 0
        for _score, sentence in candidates:
            n = len(sentence.text.split())
            if len(chosen) >= self.max_sentences or (chosen and words + n > self.max_words):
                break
            if any(sentence.text == c.text for c in chosen):
                continue
            chosen.append(sentence)
            words += n
        chosen.sort(key=lambda s: (s.passage_rank, s.position))

        paragraphs: list[str] = []
        cited: list[int] = []
        for rank in dict.fromkeys(s.passage_rank for s in chosen):
            if rank not in cited:
                cited.append(rank)
            body = " ".join(s.text for s in chosen if s.passage_rank == rank)
            paragraphs.append(f"{body} [{cited.index(rank) + 1}]")
        return Extract(text="\n\n".join(paragraphs), cited=cited)
