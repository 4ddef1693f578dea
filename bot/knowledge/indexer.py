"""Incremental indexing by content hash: unchanged files cost nothing, changed files replace their chunks,
deleted files lose theirs, and bad files are reported by name while the rest of the index stays intact."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.knowledge.chunking import Chunk, chunk_document, embedding_text
from bot.knowledge.clearances import ClearanceStore
from bot.knowledge.documents import DocumentError, LoadedDocument
from bot.knowledge.embeddings import bulk_threads
from bot.knowledge.injection import RULES_VERSION, Finding, scan, summary
from bot.knowledge.loaders import SUPPORTED_SUFFIXES, content_hash, load_file
from bot.knowledge.releases import is_release_file
from bot.knowledge.units import split_units

log = logging.getLogger(__name__)

KB_PREFIX = "kb:"
_BATCH = 64
# Bump when the tier rules change. With the injection rules' version it is stored on every chunk: a document indexed
# under other rules is scanned and re-tiered on the next sync, its metadata updated in place (nothing re-embedded).
TIER_RULES = 1
RULES = f"{TIER_RULES}.{RULES_VERSION}"

ProgressFactory = Callable[[int], Callable[[int], None]]


def _is_answer_card(path: Path, root: Path) -> bool:
    from bot.knowledge.cards import CARD_DIR_NAME, CARD_SUFFIXES

    relative = path.relative_to(root).parts
    return path.suffix in CARD_SUFFIXES and CARD_DIR_NAME in relative[:-1]


@dataclass
class IndexReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # (path, reason): documents the injection scan kept out of the index until a maintainer clears them.
    held_back: list[tuple[str, str]] = field(default_factory=list)
    # Documents whose tier was re-assigned in place after the rules changed (nothing re-embedded).
    retiered: list[str] = field(default_factory=list)
    chunks_embedded: int = 0
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.retiered)


@dataclass(frozen=True)
class IndexStats:
    documents: int
    chunks: int
    last_indexed: float | None


class KnowledgeIndexer:
    def __init__(
        self,
        settings: Settings,
        collection: Any,
        embeddings_factory: Callable[[], Any],
        units: Any | None = None,
        clearances: ClearanceStore | None = None,
    ) -> None:
        self.settings = settings
        self.collection = collection
        self.units = units
        # The model loads only when something needs embedding, so a no-op re-index stays fast.
        self._embeddings_factory = embeddings_factory
        self._clearances = clearances

    @property
    def clearances(self) -> ClearanceStore:
        """Opened only when a document has findings: most syncs never touch the database."""
        if self._clearances is None:
            from bot.storage.db import Database

            db = Database(self.settings.sqlalchemy_url)
            db.migrate()
            self._clearances = ClearanceStore(db)
        return self._clearances

    # --- identity of files -------------------------------------------------------------------------
    def doc_id_for(self, path: Path) -> str:
        path = path.resolve()
        try:
            return KB_PREFIX + path.relative_to(self.settings.knowledge_dir.resolve()).as_posix()
        except ValueError:
            return str(path)

    def path_for(self, doc_id: str) -> Path:
        if doc_id.startswith(KB_PREFIX):
            return self.settings.knowledge_dir / doc_id[len(KB_PREFIX) :]
        return Path(doc_id)

    def discover(self, paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
        files: list[Path] = []
        problems: list[tuple[str, str]] = []
        for root in paths:
            if root.is_dir():
                for path in sorted(root.rglob("*")):
                    if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts):
                        if _is_answer_card(path, root):
                            continue  # answer cards are matched question-to-question (bot/retrieval/cards.py)
                        if root == self.settings.knowledge_dir and is_release_file(path, root):
                            continue  # the release changelog describes the knowledge; it is not knowledge
                        if path.suffix.lower() in SUPPORTED_SUFFIXES:
                            files.append(path)
                        else:
                            problems.append((str(path), f"unsupported file type '{path.suffix or '(none)'}'"))
            elif root.is_file():
                files.append(root)
            else:
                problems.append((str(root), "no such file or folder"))
        return files, problems

    def tier_for(self, document: LoadedDocument) -> str:
        """The knowledge folder is curated; anything indexed from elsewhere has had no review, unless an expert
        verified this exact content (a document an admin shared in Slack)."""
        if document.doc_id.startswith(KB_PREFIX):
            return document.meta.tier
        return "community" if self.upload_verified(document.doc_id, document.content_hash) else "unreviewed"

    def upload_verified(self, doc_id: str, content_hash: str) -> bool:
        from bot.services.community import CommunityStore

        return CommunityStore(self.clearances.db, lambda _user: False).upload_verified(doc_id, content_hash)

    def set_tier(self, doc_id: str, tier: str) -> None:
        """Re-tier a document in place (an expert verified an upload): nothing is re-embedded."""
        self._retier(doc_id, tier)

    # --- instructions planted in documents ---------------------------------------------------------------------
    def scan(self, document: LoadedDocument) -> list[Finding]:
        findings = scan(document.body, list(document.hidden))
        return [replace(f, where="title") for f in scan(document.meta.title)] + findings

    def clear(self, path: Path, cleared_by: str) -> list[Finding]:
        """Record that a maintainer reviewed `path` as it is now, so it is indexed despite its findings until its
        content changes. Returns the findings cleared; nothing is recorded for a file with none."""
        doc_id = self.doc_id_for(path)
        document = load_file(path, doc_id)
        findings = self.scan(document)
        if findings:
            self.clearances.record(doc_id, document.content_hash, cleared_by, summary(findings, limit=5))
        return findings

    # --- what is stored ----------------------------------------------------------------------------
    def stored_hashes(self) -> dict[str, str]:
        return {doc_id: content for doc_id, (content, _) in self._stored_state().items()}

    def _stored_state(self) -> dict[str, tuple[str, str]]:
        """doc id -> (content hash, rules version it was scanned and tiered under)."""
        stored = self.collection.get(include=["metadatas"])
        state: dict[str, tuple[str, str]] = {}
        for meta in stored["metadatas"] or []:
            state[str(meta["doc_id"])] = (str(meta.get("content_hash", "")), str(meta.get("rules", "")))
        return state

    def stats(self) -> IndexStats:
        stored = self.collection.get(include=["metadatas"])
        metas = stored["metadatas"] or []
        docs = {m["doc_id"] for m in metas}
        last = max((float(m.get("indexed_at", 0)) for m in metas), default=None)
        return IndexStats(documents=len(docs), chunks=len(metas), last_indexed=last)

    # --- syncing -----------------------------------------------------------------------------------
    def sync(self, extra_paths: Iterable[Path] = (), progress: ProgressFactory | None = None) -> IndexReport:
        started = time.perf_counter()
        report = IndexReport()
        roots = [self.settings.knowledge_dir, *[Path(p) for p in extra_paths]]
        files, problems = self.discover(roots)
        report.skipped.extend(problems)
        stored = self._stored_state()
        seen: set[str] = set()
        to_embed: list[tuple[LoadedDocument, list[Chunk]]] = []

        for path in files:
            doc_id = self.doc_id_for(path)
            if doc_id in seen:
                continue
            seen.add(doc_id)
            try:
                raw_hash = content_hash(path.read_bytes())
            except OSError as exc:
                report.skipped.append((str(path), f"cannot be read ({exc.strerror})"))
                continue
            if stored.get(doc_id) == (raw_hash, RULES):
                report.unchanged += 1
                continue
            try:
                document = load_file(path, doc_id)
                chunks = chunk_document(document)
                if not chunks:
                    raise DocumentError("no text could be extracted")
            except DocumentError as exc:
                report.skipped.append((str(path), str(exc)))
                if doc_id in stored:  # its old content is no longer what the file says
                    self._delete(doc_id)
                    report.removed.append(doc_id)
                continue
            document = replace(document, meta=replace(document.meta, tier=self.tier_for(document)))
            findings = self.scan(document)
            if findings and not self.clearances.is_cleared(doc_id, raw_hash):
                reason = summary(findings)
                report.held_back.append((str(path), reason))
                log.warning("Held back %s: %s (run `cmebot index --clear %s` after review)", path, reason, path)
                if doc_id in stored:  # what it said before may have been planted too; nothing of it stays
                    self._delete(doc_id)
                    report.removed.append(doc_id)
                continue
            if doc_id in stored and stored[doc_id][0] == raw_hash:
                self._retier(doc_id, document.meta.tier)
                report.retiered.append(doc_id)
                continue
            to_embed.append((document, chunks))

        for doc_id in stored:
            if doc_id not in seen and not self.path_for(doc_id).exists():
                self._delete(doc_id)
                report.removed.append(doc_id)

        total = sum(len(chunks) for _, chunks in to_embed)
        advance = progress(total) if progress and total else None
        if to_embed:
            # Load before widening the thread pool: loading pins torch to one thread for queries.
            embeddings = self._embeddings_factory()
            with bulk_threads():
                for document, chunks in to_embed:
                    if document.doc_id in stored:
                        self._delete(document.doc_id)
                        report.updated.append(document.doc_id)
                    else:
                        report.added.append(document.doc_id)
                    self._add(document, chunks, embeddings, advance)
                    report.chunks_embedded += len(chunks)

        report.seconds = time.perf_counter() - started
        return report

    def _retier(self, doc_id: str, tier: str) -> None:
        ids = self.collection.get(where={"doc_id": doc_id}, include=[])["ids"]
        if ids:  # Chroma merges metadata on update: only these two keys change, the vectors stay
            self.collection.update(ids=ids, metadatas=[{"tier": tier, "rules": RULES} for _ in ids])

    def _delete(self, doc_id: str) -> None:
        self.collection.delete(where={"doc_id": doc_id})
        if self.units is not None:
            self.units.delete(where={"doc_id": doc_id})

    def _add(
        self, document: LoadedDocument, chunks: list[Chunk], embeddings: Any, advance: Callable[[int], None] | None
    ) -> None:
        meta = document.meta
        now = time.time()
        for start in range(0, len(chunks), _BATCH):
            batch = chunks[start : start + _BATCH]
            vectors = embeddings.embed_documents([embedding_text(meta.title, c.heading, c.text) for c in batch])
            self.collection.upsert(
                ids=[c.chunk_id for c in batch],
                embeddings=vectors,
                documents=[c.text for c in batch],
                metadatas=[
                    {
                        "doc_id": document.doc_id,
                        "chunk_index": c.index,
                        "title": meta.title,
                        "heading": c.heading,
                        "url": meta.url,
                        "authority": meta.authority,
                        "tier": meta.tier,
                        "rules": RULES,
                        "effective_date": meta.effective_date,
                        "last_reviewed": meta.last_reviewed,
                        "content_hash": document.content_hash,
                        "indexed_at": now,
                    }
                    for c in batch
                ],
            )
            if self.units is not None:
                self._add_units(document.doc_id, batch, embeddings)
            if advance:
                advance(len(batch))

    def _add_units(self, doc_id: str, chunks: list[Chunk], embeddings: Any) -> None:
        ids: list[str] = []
        texts: list[str] = []
        metas: list[dict[str, Any]] = []
        for chunk in chunks:
            for position, unit in enumerate(split_units(chunk.text)):
                ids.append(f"{chunk.chunk_id}::{position}")
                texts.append(unit)
                metas.append({"doc_id": doc_id, "chunk_id": chunk.chunk_id, "position": position})
        if ids:
            self.units.upsert(ids=ids, embeddings=embeddings.embed_documents(texts), documents=texts, metadatas=metas)
