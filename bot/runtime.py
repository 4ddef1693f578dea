"""Everything a running bot needs, built once per process and shared by the console and Slack."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import Settings, get_settings
from bot.knowledge.indexer import IndexReport, KnowledgeIndexer, ProgressFactory
from bot.services import metrics
from bot.services.audit import AuditLog
from bot.services.community import Audience, CommunityStore
from bot.services.events import EventLedger
from bot.services.feedback import FeedbackService
from bot.services.jobs import JobStore
from bot.services.knowledge_release import KnowledgeReleases, cite_saved_item
from bot.services.knowledge_versions import KnowledgeVersions
from bot.services.questions import QuestionService
from bot.services.roles import Roles
from bot.storage.db import Database

if TYPE_CHECKING:
    from bot.answering.engine import AnswerEngine
    from bot.answering.models import Answer, Turn

log = logging.getLogger(__name__)


class Runtime:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self.db = Database(self.settings.sqlalchemy_url)
        self.db.migrate()
        self.questions = QuestionService(self.db)
        self.feedback = FeedbackService(self.db)
        self.events = EventLedger(self.db)
        self.jobs = JobStore(self.db)
        self.versions = KnowledgeVersions(self.db)
        # One place decides roles (settings and Slack user groups); the settings are read afresh on each call.
        self.roles = Roles(lambda: self.settings)
        self.audit = AuditLog(self.db)
        self.community = CommunityStore(self.db, lambda user: self.roles.is_expert(user))
        self.community.audit = self.audit.record  # verify, edit, reject, retire: who did it, in the audit log
        # The installed knowledge release and what cites a changed section; a saved community answer records the
        # sections nearest it, so a changed rule sends it back to review (bot/services/knowledge_release.py).
        self.releases = KnowledgeReleases(self.db, lambda: self.settings, self.community)
        self.community.on_save.append(
            lambda item: cite_saved_item(self.releases, self.collection, self.embed_texts, item)
        )
        self._lock = threading.RLock()
        self._engine: AnswerEngine | None = None
        self._indexed = False
        # The knowledge version the engine was built on, and when to look for a newer one next.
        self._engine_version = 0
        self._next_version_check = 0.0
        # Hosts a member's link may reach despite being private: empty in production, and set only by tests in
        # code (never from the environment) so they can serve pages on 127.0.0.1 (bot.fetching).
        self.fetch_allow: frozenset[tuple[str, int]] = frozenset()

    def close(self) -> None:
        """Release the database pool and the Chroma client (its files stay open until the last client closes)."""
        chroma = self.__dict__.get("chroma")
        if chroma is not None and hasattr(chroma, "close"):
            try:
                chroma.close()
            except Exception as exc:  # closing must never hide the error that made us close
                log.debug("Closing Chroma: %r", exc)
        self.db.dispose()

    # --- knowledge -----------------------------------------------------------------------------------
    @cached_property
    def chroma(self) -> Any:
        from bot.knowledge.store import chroma_client

        return chroma_client(self.settings)

    @cached_property
    def collection(self) -> Any:
        from bot.knowledge.store import open_collection

        return open_collection(self.settings, self.chroma)

    @cached_property
    def units_collection(self) -> Any:
        from bot.knowledge.store import open_units_collection

        return open_units_collection(self.settings, self.chroma)

    @cached_property
    def cards_collection(self) -> Any:
        from bot.knowledge.store import open_cards_collection

        return open_cards_collection(self.settings, self.chroma)

    def load_cards(self) -> Any:
        """The answer cards that may answer: a card whose cited section changed since review, or that cites
        something missing, is left out (and logged) until a maintainer re-reviews it."""
        from bot.knowledge.cards import CardError, load_cards, validate_card
        from bot.knowledge.injection import scan
        from bot.retrieval.cards import CardIndex

        try:
            cards = load_cards(self.settings.knowledge_dir)
        except CardError as exc:
            log.error("Answer cards not loaded: %s", exc)
            cards = []
        usable = []
        for card in cards:
            # Cards are text the bot says: the same injection check as any source, whoever wrote them.
            findings = scan(" ".join([card.question, *card.paraphrases, card.answer, *card.conditions]))
            if findings:
                log.warning("Answer card %s held back: %s", card.id, findings[0].reason)
                continue
            problems = validate_card(card, self.settings.knowledge_dir)
            if problems:
                log.warning("Answer card %s left out: %s", card.id, problems[0])
            else:
                usable.append(card)
        return CardIndex(usable, self.cards_collection, self.embeddings())

    def embeddings(self) -> Any:
        from bot.knowledge.embeddings import get_embeddings

        return get_embeddings(
            self.settings.embedding_model, self.settings.embedding_backend, self.settings.data_dir / "onnx"
        )

    @cached_property
    def indexer(self) -> KnowledgeIndexer:
        return KnowledgeIndexer(self.settings, self.collection, self.embeddings, self.units_collection)

    def index(self, paths: Iterable[Path] = (), progress: ProgressFactory | None = None) -> IndexReport:
        with self._lock:
            report = self.indexer.sync(paths, progress)
            self._indexed = True
            for name, reason in report.skipped:
                log.warning("Skipped %s: %s", name, reason)
            self._upgrade_knowledge(report)
            if report.changed:
                # Other processes (replicas, workers) see the new version and reload (see `engine`).
                self._engine_version = self.versions.bump(self.settings.collection)
                if self._engine is not None:
                    self._engine.refresh()
                    self._engine.cards = self.load_cards()
                    self._record_index()
            return report

    def _upgrade_knowledge(self, report: IndexReport) -> None:
        """A newer release or a changed document: cards and community answers citing a changed section are marked
        for review, and the installed release recorded. A failure is logged, never fatal: cards citing changed text
        are left out by `load_cards` anyway, and the check runs again on the next sync."""
        try:
            self.releases.upgrade(report)
        except Exception:
            log.exception("The knowledge release check failed; it runs again on the next index")

    @property
    def engine(self) -> AnswerEngine:
        """Built on first use; the index is brought up to date first if it is missing or stale. Rebuilt when
        another process re-indexed the knowledge (checked every CMEBOT_INDEX_POLL_SECONDS)."""
        with self._lock:
            if self._engine is not None and time.monotonic() >= self._next_version_check:
                self._next_version_check = time.monotonic() + self.settings.index_poll_seconds
                current = self.versions.get(self.settings.collection)
                if current != self._engine_version:
                    log.info("The knowledge index changed elsewhere (version %s): reloading", current)
                    self._reopen_knowledge()
            if self._engine is None:
                if not self._indexed:  # `cmebot chat`/`run` have already synced, with a progress bar
                    self.index()
                self._engine_version = self.versions.get(self.settings.collection)
                self._next_version_check = time.monotonic() + self.settings.index_poll_seconds
                from bot.answering.engine import AnswerEngine
                from bot.answering.llm import LLMAnswerer
                from bot.retrieval.community import CommunityIndex
                from bot.retrieval.hybrid import HybridRetriever

                llm = LLMAnswerer(self.settings) if self.settings.llm else None
                retriever = HybridRetriever(self.collection, self.embeddings())
                self._engine = AnswerEngine(
                    retriever,
                    llm=llm,
                    top_k=self.settings.top_k,
                    units=self.units_collection,
                    cards=self.load_cards(),
                    community=CommunityIndex(self.community, self.settings.community_threshold),
                )
                self._record_index()
            return self._engine

    def _reopen_knowledge(self) -> None:
        """Drop the engine and the Chroma handles: the embedded store caches its index in memory, so a change
        written by another process is only seen by a client opened after it."""
        chroma = self.__dict__.get("chroma")
        for name in ("chroma", "collection", "units_collection", "cards_collection", "indexer"):
            self.__dict__.pop(name, None)
        if chroma is not None and hasattr(chroma, "close"):
            try:
                chroma.close()
            except Exception as exc:
                log.debug("Closing Chroma: %r", exc)
        self._engine = None
        self._indexed = True  # the other process indexed; this one only reads

    def verify_upload(self, upload_id: int, verifier: str, team_id: str) -> None:
        """An expert vouches for a shared document: it becomes a community-verified source, here and (through
        the knowledge version) in every other process."""
        record = self.community.verify_upload(upload_id, verifier, team_id)
        with self._lock:
            self.indexer.set_tier(record.doc_id, "community")
            self._engine_version = self.versions.bump(self.settings.collection)
            if self._engine is not None:
                self._engine.refresh()

    def indexed_chunks(self, doc_id: str) -> int:
        """How many chunks of `doc_id` the knowledge index holds (0 when none, or the index cannot be read)."""
        try:
            return len(self.collection.get(where={"doc_id": doc_id}, include=[])["ids"])
        except Exception as exc:
            log.warning("Could not read the index for %s: %r", doc_id, exc)
            return 0

    def forget_documents(self, doc_ids: list[str]) -> int:
        """Take documents out of the index (a member's uploads, deleted or past retention), here and, through the
        knowledge version, in every other process. Returns the chunks removed."""
        removed = {doc_id: self.indexed_chunks(doc_id) for doc_id in doc_ids}
        removed = {doc_id: n for doc_id, n in removed.items() if n}
        if not removed:
            return 0
        with self._lock:
            for doc_id in removed:
                self.collection.delete(where={"doc_id": doc_id})
                self.units_collection.delete(where={"doc_id": doc_id})
            self._engine_version = self.versions.bump(self.settings.collection)
            if self._engine is not None:
                self._engine.refresh()
        return sum(removed.values())

    def embed_texts(self, texts: list[str]) -> list[list[float]]:
        """Vectors for a community item's question and paraphrases (stored with it, so loading never re-embeds)."""
        return [list(map(float, vector)) for vector in self.embeddings().embed_documents(texts)]

    # --- asking --------------------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        history: list[Turn] | None = None,
        *,
        user_id: str = "",
        channel_id: str = "",
        surface: str = "console",
        audience: Audience | None = None,
    ) -> tuple[Answer, int]:
        answer = self.engine.ask(question, history, audience)
        team = audience.team_id if audience is not None else ""
        question_id = self.questions.record(
            answer, user_id=user_id, channel_id=channel_id, surface=surface, team_id=team
        )
        metrics.record_answer(answer, surface)
        _log_question(question_id, question, answer, surface)
        return answer, question_id

    def _record_index(self) -> None:
        """The size and age of the index this process now answers from, for /metrics."""
        try:
            stats = self.indexer.stats()
        except Exception as exc:  # metrics must never stop the bot from answering
            log.debug("Index statistics unavailable: %r", exc)
            return
        metrics.record_index(stats.chunks, stats.last_indexed)


def _log_question(question_id: int, question: str, answer: Answer, surface: str) -> None:
    """One line per question with ids, surface, length and outcome, never its text (members' words stay out of log
    files and log shippers); the text only at DEBUG, for a developer's machine. At the console and `cmebot ask` the
    person at the terminal reads the answer itself, so the line is DEBUG there too."""
    outcome = f"declined ({answer.reason})" if answer.abstained else answer.mode
    fields = {
        "question_id": question_id,
        "surface": surface,
        "chars": len(question),
        "mode": answer.mode,
        "latency_ms": answer.latency_ms,
    }
    if answer.abstained:
        fields["decline_reason"] = metrics.decline_reason(answer.reason)
    level = logging.DEBUG if surface in ("console", "cli") else logging.INFO
    log.log(
        level,
        "Question %s (%s, %s chars): %s in %.0f ms",
        question_id,
        surface,
        len(question),
        outcome,
        answer.latency_ms,
        extra=fields,
    )
    log.debug("Question %s text: %r", question_id, question, extra={"question_id": question_id})
