"""The Chroma collection: an embedded persistent store by default, a Chroma server when CHROMA_HOST is set."""

from __future__ import annotations

import logging
from typing import Any

from bot.config import Settings

log = logging.getLogger(__name__)


def chroma_client(settings: Settings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        log.info("Using the Chroma server at %s:%s", settings.chroma_host, settings.chroma_port)
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def open_collection(settings: Settings, client: Any | None = None) -> Any:
    """The knowledge collection. We always pass embeddings ourselves, so Chroma's own
    (downloading) default embedding function is never used."""
    client = client or chroma_client(settings)
    return client.get_or_create_collection(
        name=settings.collection,
        embedding_function=None,
        metadata={"hnsw:space": "cosine"},
    )


def open_units_collection(settings: Settings, client: Any | None = None) -> Any:
    """Answer units (sentences and list blocks) of every chunk, embedded at index time so an extractive
    answer can pick its sentences by meaning without encoding anything but the question."""
    client = client or chroma_client(settings)
    return client.get_or_create_collection(
        name=f"{settings.collection}_units",
        embedding_function=None,
        metadata={"hnsw:space": "cosine"},
    )


def open_cards_collection(settings: Settings, client: Any | None = None) -> Any:
    """Embeddings of answer cards' questions and paraphrases, cached so a restart re-embeds only changed text."""
    client = client or chroma_client(settings)
    return client.get_or_create_collection(
        name=f"{settings.collection}_cards",
        embedding_function=None,
        metadata={"hnsw:space": "cosine"},
    )
