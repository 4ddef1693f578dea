"""The ONNX embedding backend: the same vectors and retrieval as torch, an export cached beside the index and made
once even when two processes start together, and torch whenever ONNX is switched off or broken."""

from __future__ import annotations

import json
import logging
import shutil
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from bot.config import PROJECT_ROOT
from bot.knowledge import embeddings as emb
from bot.knowledge.embeddings import DEFAULT_MODEL, MIN_COSINE, OnnxEmbeddings, OnnxUnavailable, load_onnx
from bot.retrieval.hybrid import HybridRetriever
from tests.conftest import make_settings

QUESTIONS = [
    json.loads(line)["question"]
    for line in (PROJECT_ROOT / "bench" / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="session")
def export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, OnnxEmbeddings, bool]:
    """One real export per test session, into a cache folder of its own."""
    cache = tmp_path_factory.mktemp("onnx-cache")
    model, exported = load_onnx(DEFAULT_MODEL, cache)
    return cache, model, exported


@pytest.fixture(scope="session")
def torch_model():  # type: ignore[no-untyped-def]
    return emb._load_torch(DEFAULT_MODEL)


@pytest.fixture
def fresh_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the models this process already holds, so get_embeddings decides afresh."""
    monkeypatch.setattr(emb, "_onnx_models", {})
    monkeypatch.setattr(emb, "_onnx_failures", {})


def _cosines(a: list[list[float]], b: list[list[float]]) -> np.ndarray:
    return np.sum(np.asarray(a) * np.asarray(b), axis=1)


def test_query_vectors_match_torch(export, torch_model) -> None:  # type: ignore[no-untyped-def]
    _, model, exported = export
    assert exported
    onnx = [model.embed_query(q) for q in QUESTIONS]
    torch = [torch_model.embed_query(q) for q in QUESTIONS]
    assert len(onnx[0]) == len(torch[0]) == 384
    assert _cosines(onnx, torch).min() >= MIN_COSINE


def test_a_repeated_query_is_the_same_vector_and_callers_cannot_change_it(export) -> None:  # type: ignore[no-untyped-def]
    _, model, _ = export
    first = model.embed_query("How far back do disclosures go?")
    expected = list(first)
    first[0] = 42.0
    assert model.embed_query("How far back do disclosures go?") == expected


def test_document_vectors_match_torch_in_padded_and_truncated_batches(export, torch_model) -> None:  # type: ignore[no-untyped-def]
    _, model, _ = export
    corpus = (PROJECT_ROOT / "knowledge" / "accme" / "standard-3-financial-relationships.md").read_text()
    words = corpus.split()
    # Short and long texts mixed (the longest past the model's 256-token window), newlines included, 3 batches.
    texts = [" ".join(words[i : i + 10 + (i * 7) % 400]) for i in range(0, 40 * 25, 25)]
    texts[3] = "first line\nsecond line"
    onnx, torch = model.embed_documents(texts), torch_model.embed_documents(texts)
    assert len(onnx) == len(texts)
    assert _cosines(onnx, torch).min() >= MIN_COSINE
    assert model.embed_documents([]) == []


def test_retrieval_is_the_same_with_either_backend(runtime, export, torch_model) -> None:  # type: ignore[no-untyped-def]
    _, model, _ = export
    with_onnx = HybridRetriever(runtime.collection, model)
    with_torch = HybridRetriever(runtime.collection, torch_model)
    for question in QUESTIONS:
        ids = [p.chunk_id for p in with_onnx.search(question, k=5).passages]
        assert ids == [p.chunk_id for p in with_torch.search(question, k=5).passages], question


def test_a_second_start_reuses_the_export(export) -> None:  # type: ignore[no-untyped-def]
    cache, first, _ = export
    written = (first.folder / "model.onnx").stat().st_mtime_ns
    again, exported = load_onnx(DEFAULT_MODEL, cache)
    assert not exported and again.folder == first.folder
    assert (again.folder / "model.onnx").stat().st_mtime_ns == written
    assert first.folder.parent == cache / DEFAULT_MODEL  # data/onnx/<model>/<fingerprint>/
    assert not [p for p in first.folder.parent.iterdir() if p.name.startswith(".export-")]  # no staging left


def _copying_exporter(source: Path, calls: list[str]):  # type: ignore[no-untyped-def]
    """Stands in for export_onnx: slow enough for two starts to overlap, and counted."""

    def fake(model_path: str, target: Path) -> None:
        calls.append(model_path)
        time.sleep(0.3)
        staging = target.parent / ".export-test"
        shutil.copytree(source, staging)
        staging.replace(target)

    return fake


def test_two_starts_at_once_export_once(export, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    _, model, _ = export
    calls: list[str] = []
    monkeypatch.setattr(emb, "export_onnx", _copying_exporter(model.folder, calls))
    results: list[tuple[OnnxEmbeddings, bool]] = []
    starts = [threading.Thread(target=lambda: results.append(load_onnx(DEFAULT_MODEL, tmp_path))) for _ in range(2)]
    for start in starts:
        start.start()
    for start in starts:
        start.join()
    assert len(calls) == 1
    assert sorted(exported for _, exported in results) == [False, True]
    assert results[0][0].embed_query("credit") == results[1][0].embed_query("credit")


def test_a_damaged_or_unfinished_export_is_made_again(export, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    _, model, _ = export
    calls: list[str] = []
    monkeypatch.setattr(emb, "export_onnx", _copying_exporter(model.folder, calls))
    target = tmp_path / DEFAULT_MODEL / model.folder.name
    # Unfinished: the folder is there without its meta.json.
    target.mkdir(parents=True)
    (target / "model.onnx").write_bytes(b"half")
    assert load_onnx(DEFAULT_MODEL, tmp_path)[1] and len(calls) == 1
    # Damaged: the vectors no longer match the ones stored at export.
    meta = json.loads((target / "meta.json").read_text())
    meta["probe_vectors"] = [[-x for x in vector] for vector in meta["probe_vectors"]]
    (target / "meta.json").write_text(json.dumps(meta))
    again, exported = load_onnx(DEFAULT_MODEL, tmp_path)
    assert exported and len(calls) == 2 and again.verify() >= MIN_COSINE
    # Damaged: the model file itself no longer loads.
    (target / "model.onnx").write_bytes(b"not a model")
    again, exported = load_onnx(DEFAULT_MODEL, tmp_path)
    assert exported and len(calls) == 3 and again.verify() >= MIN_COSINE


@pytest.mark.usefixtures("fresh_state")
def test_auto_falls_back_to_torch_with_one_log_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, torch_model
) -> None:  # type: ignore[no-untyped-def]
    def broken(model_path: str, target: Path) -> None:
        raise RuntimeError("exporter exploded")

    monkeypatch.setattr(emb, "export_onnx", broken)
    with caplog.at_level(logging.WARNING, logger="bot.knowledge.embeddings"):
        first = emb.get_embeddings(DEFAULT_MODEL, "auto", tmp_path)
        second = emb.get_embeddings(DEFAULT_MODEL, "auto", tmp_path)
    assert first is second is torch_model
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.knowledge.embeddings"]
    assert len(lines) == 1 and "exporter exploded" in lines[0] and "using torch" in lines[0]
    with pytest.raises(OnnxUnavailable, match="exporter exploded"):
        emb.get_embeddings(DEFAULT_MODEL, "onnx", tmp_path)


@pytest.mark.usefixtures("fresh_state")
def test_without_onnxruntime_torch_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, torch_model) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(__import__("sys").modules, "onnxruntime", None)  # `import onnxruntime` raises ImportError
    assert emb.get_embeddings(DEFAULT_MODEL, "auto", tmp_path) is torch_model
    assert not (tmp_path / DEFAULT_MODEL).exists()


@pytest.mark.usefixtures("fresh_state")
def test_the_torch_setting_never_touches_onnx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, torch_model) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(emb, "load_onnx", lambda *_: pytest.fail("ONNX loaded with the torch setting"))
    assert emb.get_embeddings(DEFAULT_MODEL, "torch", tmp_path) is torch_model


def test_the_runtime_uses_the_backend_its_settings_name(tmp_path: Path, small_corpus: Path, torch_model) -> None:  # type: ignore[no-untyped-def]
    from bot.runtime import Runtime

    for backend, expected in (("auto", OnnxEmbeddings), ("onnx", OnnxEmbeddings)):
        runtime = Runtime(make_settings(tmp_path / backend, small_corpus, CMEBOT_EMBEDDING_BACKEND=backend))
        assert isinstance(runtime.embeddings(), expected)
        runtime.close()
    runtime = Runtime(make_settings(tmp_path / "torch", small_corpus, CMEBOT_EMBEDDING_BACKEND="torch"))
    assert runtime.embeddings() is torch_model
    runtime.close()


def test_answers_are_the_same_with_either_backend(runtime, export, torch_model) -> None:  # type: ignore[no-untyped-def]
    # One engine, one opening of the index (a new opening may return other approximate neighbours), two backends.
    _, model, _ = export
    engine = runtime.engine
    answers = []
    for backend in (model, torch_model):
        engine.retriever.embeddings = backend
        answers.append([engine.ask(q).public_dict() for q in QUESTIONS[:40]])
    assert answers[0] == answers[1]
