"""The card index caches card embeddings in Chroma, whatever the number of cards and paraphrases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import chromadb

from bot.knowledge.cards import AnswerCard, CardCitation
from bot.retrieval.cards import CardIndex


class _CountingEmbeddings:
    """A stand-in embedder: each text gets a small vector of its own; it counts what it is asked to embed."""

    def __init__(self) -> None:
        self.embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return [[float(len(t)), float(sum(map(ord, t)) % 97), 1.0] for t in texts]


def _cards(n: int, paraphrases: int) -> list[AnswerCard]:
    return [
        AnswerCard(
            id=f"card-{i:04d}",
            question=f"What is rule number {i} about?",
            paraphrases=[f"rule {i}, variant {j}" for j in range(paraphrases)],
            answer="It is a rule.",
            cites=[CardCitation(doc="accme/x.md", section="X", hash="0" * 16)],
            authority="ACCME",
            last_reviewed=date(2026, 12, 1),
        )
        for i in range(n)
    ]


def test_more_card_texts_than_one_chroma_write_takes_are_cached_and_reused(tmp_path: Path) -> None:
    # 1,000 cards with 6 paraphrases are 7,000 texts: more than the 5,461 records Chroma takes in one write.
    collection = chromadb.PersistentClient(path=str(tmp_path)).get_or_create_collection(
        "cards", embedding_function=None, metadata={"hnsw:space": "cosine"}
    )
    cards = _cards(1000, 6)
    first = _CountingEmbeddings()
    index = CardIndex(cards, collection, first)
    assert index.size == 1000 and first.embedded == 7000
    assert collection.count() == 7000
    # A restart embeds nothing again; dropping cards drops their cached texts.
    again = _CountingEmbeddings()
    CardIndex(cards[:100], collection, again)
    assert again.embedded == 0
    assert collection.count() == 700
