"""The answer engine: scope check, retrieval, support check, then an extractive or LLM-written answer."""

from __future__ import annotations

import logging
import re
import time
from typing import Any

from bot.answering.extractive import ExtractiveAnswerer
from bot.answering.llm import LLMAnswerer, LLMUnavailable
from bot.answering.models import Answer, Source, Turn
from bot.answering.scope import ScopeRules
from bot.answering.support import SupportPolicy
from bot.retrieval.hybrid import HybridRetriever, Retrieval
from bot.retrieval.text import content_terms
from bot.texts import message

log = logging.getLogger(__name__)

# Questions are sentences; a pasted document is cut to this before it reaches retrieval.
MAX_QUESTION_CHARS = 2000
_FOLLOW_UP = re.compile(
    r"\b(it|its|that|this|those|these|they|them|there|same|also|what about|and if|how about)\b", re.I
)


class AnswerEngine:
    def __init__(
        self,
        retriever: HybridRetriever,
        llm: LLMAnswerer | None = None,
        top_k: int = 5,
        policy: SupportPolicy | None = None,
        units: Any | None = None,
    ) -> None:
        self.retriever = retriever
        self.llm = llm
        self.top_k = top_k
        self.policy = policy or SupportPolicy.load()
        self.scope = ScopeRules.load()
        self.units = units
        self.extractive = ExtractiveAnswerer(retriever.bm25.idf, units)

    def refresh(self) -> None:
        """Pick up a re-indexed collection."""
        self.retriever.reload()
        self.extractive = ExtractiveAnswerer(self.retriever.bm25.idf, self.units)

    # --- follow-ups ----------------------------------------------------------------------------------
    def standalone_question(self, question: str, history: list[Turn] | None) -> str:
        earlier = [turn.text for turn in (history or []) if turn.role == "user" and turn.text.strip()]
        if not earlier:
            return question
        if self.llm is not None:
            transcript = "\n".join(f"{t.role}: {t.text[:600]}" for t in (history or [])[-6:])
            try:
                return self.llm.condense(question, transcript) or question
            except LLMUnavailable:
                pass
        # Offline: a short message or one that points back ("what about enduring ones?") borrows the
        # earlier question's words so retrieval knows the subject.
        if len(content_terms(question)) < 4 or _FOLLOW_UP.search(question):
            return f"{earlier[-1]} {question}"
        return question

    # --- answering -----------------------------------------------------------------------------------
    def ask(self, question: str, history: list[Turn] | None = None) -> Answer:
        started = time.perf_counter()
        answer = self._ask(question, history)
        answer.latency_ms = round((time.perf_counter() - started) * 1000, 2)
        return answer

    def _ask(self, question: str, history: list[Turn] | None) -> Answer:
        text = " ".join((question or "").split())
        if not text:
            return self._decline(question or "", message("empty_question"), "empty question")
        note = None
        if len(text) > MAX_QUESTION_CHARS:
            note = message("too_long", length=f"{len(text):,}", limit=f"{MAX_QUESTION_CHARS:,}")
            text = text[:MAX_QUESTION_CHARS]

        verdict = self.scope.classify(text)
        if verdict == "clinical":
            return self._decline(text, message("clinical"), "clinical advice is out of scope", note)
        if verdict == "off_topic":
            return self._decline(text, message("off_topic"), "outside CME topics", note)

        query = self.standalone_question(text, history)
        retrieval = self.retriever.search(query, self.top_k)
        verdict = self.policy.check(text, retrieval)
        if not verdict.supported:
            titles = list(dict.fromkeys(p.title for p in retrieval.passages[:3] if p.dense >= self.policy.min_dense))
            suggestion = message("suggestion", titles="; ".join(titles)) if titles else ""
            return self._decline(text, message("unsupported", suggestion=suggestion), verdict.reason, note, query)

        if self.llm is not None:
            try:
                reply = self.llm.answer(query, retrieval.passages)
            except LLMUnavailable as exc:
                fallback = message("llm_fallback", reason=str(exc))
                return self._extractive(text, query, retrieval, " ".join(filter(None, [note, fallback])))
            if reply.insufficient:
                return self._decline(
                    text,
                    message("unsupported", suggestion=""),
                    "the model found no support in the sources",
                    note,
                    query,
                )
            return Answer(
                question=text,
                answer=reply.text,
                abstained=False,
                sources=[Source.from_passage(p) for p in retrieval.passages],
                mode="llm",
                model=self.llm.model_name,
                note=note,
                search_query=query,
            )
        return self._extractive(text, query, retrieval, note)

    def _extractive(self, question: str, query: str, retrieval: Retrieval, note: str | None) -> Answer:
        # A follow-up's own words ("what about faculty?") pick the sentences; the condensed query found the passages.
        extract = self.extractive.answer(
            question if question != query else query, retrieval.passages, retrieval.query_vector
        )
        if not extract.text:
            return self._decline(
                question, message("unsupported", suggestion=""), "no sentence of the sources answers it", note, query
            )
        return Answer(
            question=question,
            answer=extract.text,
            abstained=False,
            sources=[Source.from_passage(retrieval.passages[i]) for i in extract.cited],
            mode="extractive",
            note=note,
            search_query=query,
        )

    def _decline(self, question: str, text: str, reason: str, note: str | None = None, query: str = "") -> Answer:
        return Answer(
            question=question,
            answer=text,
            abstained=True,
            mode="abstained",
            reason=reason,
            note=note,
            search_query=query,
        )
