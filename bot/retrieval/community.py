"""Matching a question against verified community items (question and paraphrases), within what the asker may see.

Question-to-question cosine over the vectors stored with each item at save time (normalised MiniLM embeddings),
in one NumPy matrix: at 5,000 items with about three texts each this is a 15,000 x 384 product, well under a
millisecond to a few, so no vector database is needed (bench/community.py measures it).

The index notices changes made by any process: it compares (count, latest update) of the table, at most once per
`poll_seconds` (at once after a change through this process's store), and reloads when they moved."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace

import numpy as np
from sqlalchemy import func, select

from bot.services.community import Audience, CommunityStore, Item
from bot.storage.models.community import CommunityItem

# Not fitted: there are no labelled community questions yet. Strict on purpose (a near-duplicate question), since
# a wrong answer is worse than none; fit it like the cards' threshold once real saved items and asks exist.
DEFAULT_THRESHOLD = 0.80


@dataclass(frozen=True)
class CommunityMatch:
    item: Item
    score: float


class CommunityIndex:
    def __init__(self, store: CommunityStore, threshold: float = DEFAULT_THRESHOLD, poll_seconds: float = 1.0):
        self.store = store
        self.threshold = threshold
        self.poll_seconds = poll_seconds
        self._lock = threading.Lock()
        self._items: list[Item] = []
        self._owners = np.zeros(0, dtype=np.int64)
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._signature: tuple[int, str] | None = None
        self._next_check = 0.0
        self._seen_changes = -1

    @property
    def size(self) -> int:
        self._refresh()
        return len(self._items)

    def best(self, query_vector: list[float], audience: Audience) -> CommunityMatch | None:
        """The closest verified item the audience may see, if it clears the threshold."""
        self._refresh()
        with self._lock:
            if not self._items or not query_vector:
                return None
            query = np.asarray(query_vector, dtype=np.float32)
            query /= np.linalg.norm(query) or 1.0
            scores = self._matrix @ query
            best: dict[int, float] = {}
            for row in np.argsort(-scores)[:200]:
                owner = int(self._owners[row])
                best.setdefault(owner, float(scores[row]))
            items = self._items
        for owner, score in sorted(best.items(), key=lambda pair: -pair[1]):
            if score < self.threshold:
                return None
            item = items[owner]
            if item.visible_to(audience):
                return CommunityMatch(item, score)
        return None

    def _refresh(self) -> None:
        now = time.monotonic()
        # Changes made through this process's store are seen at once; other processes' within poll_seconds.
        if now < self._next_check and self.store.changes == self._seen_changes:
            return
        self._next_check = now + self.poll_seconds
        self._seen_changes = self.store.changes
        with self.store.db.session() as session:
            count, latest = session.execute(
                select(func.count(CommunityItem.id), func.max(CommunityItem.updated_at))
            ).one()
        signature = (int(count or 0), str(latest))
        if signature == self._signature:
            return
        loaded = self.store.items(statuses=["verified"])
        vectors, owners = [], []
        for index, item in enumerate(loaded):
            for vector in item.vectors:
                vectors.append(vector)
                owners.append(index)
        # The vectors live on in the matrix only: kept as Python lists on 5,000 items they are two million float
        # objects for the garbage collector to walk on every collection, which slowed every ask by a third.
        items = [replace(item, vectors=[]) for item in loaded]
        matrix = np.asarray(vectors, dtype=np.float32) if vectors else np.zeros((0, 0), dtype=np.float32)
        if len(matrix):
            matrix /= np.linalg.norm(matrix, axis=1, keepdims=True).clip(min=1e-9)
        with self._lock:
            self._items, self._owners, self._matrix = items, np.asarray(owners, dtype=np.int64), matrix
            self._signature = signature
