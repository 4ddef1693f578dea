"""Dense and lexical candidates fused by reciprocal rank, each passage carrying where it came from."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from langchain_core.embeddings import Embeddings

from bot.knowledge.chunking import embedding_text
from bot.retrieval.bm25 import BM25Index
from bot.retrieval.text import SHORTHAND_TERMS, content_terms, stem


@dataclass(frozen=True)
class Passage:
    chunk_id: str
    doc_id: str
    title: str
    heading: str
    url: str
    authority: str
    effective_date: str
    last_reviewed: str
    text: str
    score: float
    dense: float = 0.0
    lexical: float = 0.0
    # How far the source can be trusted: authority, maintainers, community or unreviewed (bot/knowledge/documents.py).
    tier: str = "authority"


@dataclass
class Retrieval:
    query: str
    passages: list[Passage]
    # Question terms the whole corpus never uses: a sign the knowledge cannot support an answer.
    unknown_terms: list[str] = field(default_factory=list)
    known_terms: list[str] = field(default_factory=list)
    # The corpus terms misspelt words were read as ("levls" -> "level"), keyed by the misspelt word's term.
    corrections: dict[str, str] = field(default_factory=dict)
    query_vector: list[float] = field(default_factory=list)

    @property
    def top_dense(self) -> float:
        return max((p.dense for p in self.passages), default=0.0)


class HybridRetriever:
    def __init__(
        self,
        collection: Any,
        embeddings: Embeddings,
        candidates: int = 30,
        rrf_k: int = 60,
        dense_weight: float = 1.0,
        lexical_weight: float = 1.0,
    ) -> None:
        self.collection = collection
        self.embeddings = embeddings
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.dense_weight = dense_weight
        self.lexical_weight = lexical_weight
        self._lock = threading.Lock()
        self.reload()

    def reload(self) -> None:
        """Rebuild the lexical side from what the collection holds (after indexing)."""
        stored = self.collection.get(include=["documents", "metadatas"])
        ids: list[str] = list(stored["ids"])
        documents: list[str] = list(stored["documents"] or [])
        metadatas: list[dict[str, Any]] = list(stored["metadatas"] or [])
        bm25 = BM25Index(
            [
                embedding_text(str(m.get("title", "")), str(m.get("heading", "")), d)
                for d, m in zip(documents, metadatas, strict=True)
            ]
        )
        with self._lock:
            self.ids, self.documents, self.metadatas, self.bm25 = ids, documents, metadatas, bm25
            self.position = {chunk_id: i for i, chunk_id in enumerate(ids)}

    @property
    def size(self) -> int:
        return len(self.ids)

    def dense_search(self, vector: list[float], n: int) -> list[tuple[int, float]]:
        if not self.size:
            return []
        result = self.collection.query(query_embeddings=[vector], n_results=min(n, self.size), include=["distances"])
        hits: list[tuple[int, float]] = []
        for chunk_id, distance in zip(result["ids"][0], result["distances"][0], strict=True):
            if chunk_id in self.position:
                hits.append((self.position[chunk_id], 1.0 - float(distance)))
        return hits

    def search(self, query: str, k: int = 5) -> Retrieval:
        with self._lock:
            bm25 = self.bm25
        terms = list(dict.fromkeys(content_terms(query)))
        known = [t for t in terms if t in bm25]
        unknown = []
        fixes: dict[str, str] = {}
        for term in terms:
            if term in bm25:
                continue
            if term in SHORTHAND_TERMS:
                known.append(term)  # "pharma", "peds": a word of the trade, not a misspelling nor a stranger
                continue
            # Slack questions are typed fast; a near-miss of a corpus word counts as that word.
            fixed = bm25.correct(term)
            if fixed:
                known.append(fixed)
                fixes[term] = fixed
            else:
                unknown.append(term)
        # The embedding reads the corrected words too: "wat r the 7 moore levls" is far from every passage and
        # card until "levls" reads "level".
        vector = list(self.embeddings.embed_query(corrected(query, fixes, bm25.correct_word) if fixes else query))
        dense = self.dense_search(vector, self.candidates)
        lexical = bm25.top(known, self.candidates)
        fused: dict[int, float] = {}
        dense_score = dict(dense)
        lexical_score = dict(lexical)
        for rank, (position, _) in enumerate(dense):
            fused[position] = fused.get(position, 0.0) + self.dense_weight / (self.rrf_k + rank + 1)
        for rank, (position, _) in enumerate(lexical):
            fused[position] = fused.get(position, 0.0) + self.lexical_weight / (self.rrf_k + rank + 1)
        best = (self.dense_weight + self.lexical_weight) / (self.rrf_k + 1)
        ranked = sorted(fused.items(), key=lambda item: item[1], reverse=True)[:k]
        passages = [
            self._passage(pos, score / best, dense_score.get(pos, 0.0), lexical_score.get(pos, 0.0))
            for pos, score in ranked
        ]
        return Retrieval(
            query=query,
            passages=passages,
            unknown_terms=unknown,
            known_terms=known,
            corrections=fixes,
            query_vector=vector,
        )

    def section_passages(self, doc_id: str, heading: str) -> list[Passage]:
        """The indexed chunks of one section of one document, in order: what an answer card or a tool cites."""
        with self._lock:
            metadatas = self.metadatas
        wanted = heading.strip()
        positions = [
            i
            for i, meta in enumerate(metadatas)
            if meta.get("doc_id") == doc_id
            and (str(meta.get("heading", "")) == wanted or str(meta.get("heading", "")).split(" > ")[-1] == wanted)
        ]
        positions.sort(key=lambda i: int(self.ids[i].rsplit("::", 1)[-1]) if self.ids[i][-1:].isdigit() else 0)
        return [self._passage(i, 1.0, 1.0, 0.0) for i in positions]

    def _passage(self, position: int, score: float, dense: float, lexical: float) -> Passage:
        meta = self.metadatas[position]
        return Passage(
            chunk_id=self.ids[position],
            doc_id=str(meta.get("doc_id", "")),
            title=str(meta.get("title", "")),
            heading=str(meta.get("heading", "")),
            url=str(meta.get("url", "")),
            authority=str(meta.get("authority", "")),
            effective_date=str(meta.get("effective_date", "")),
            last_reviewed=str(meta.get("last_reviewed", "")),
            text=self.documents[position],
            score=round(score, 4),
            dense=round(dense, 4),
            lexical=round(lexical, 4),
            tier=str(meta.get("tier") or "authority"),
        )


def corrected(query: str, fixes: dict[str, str], as_word: Callable[[str, str], str | None] | None = None) -> str:
    """The query with each misspelt word replaced by the corpus word it was read as ("accredidation" ->
    "accreditation"), or else by the corpus term (a stem: "levls" -> "level")."""

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        term = fixes.get(stem(word.lower().replace("'", "")))
        if term is None:
            return word
        return (as_word(word, term) if as_word is not None else None) or term

    return re.sub(r"[A-Za-z][A-Za-z']+", replace, query)
