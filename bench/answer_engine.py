"""Benchmark of the answer engine (issue: grounded CME answer engine).

Measures, on bench/eval/questions.jsonl and this machine:
- the bot's pipeline without an LLM: hit_at_5, mrr, answer_hit, false_abstain, abstain_correct, warm ask p50/p95;
- the naive pipeline a user would otherwise build over the same files: RecursiveCharacterTextSplitter(1000, 200),
  Chroma with the same embeddings, top-5 similarity (its "answer" is the top chunk; it never abstains);
- `cmebot index` on an unchanged corpus, as a fresh process (wall time, and chunks embedded).

Run: .venv/bin/python -m bench.answer_engine   (results also in bench/results/answer_engine.json)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.config import PROJECT_ROOT, get_settings
from bot.evaluation.dataset import load_items
from bot.evaluation.metrics import percentile
from bot.evaluation.runner import EnginePipeline, evaluate
from bot.runtime import Runtime

EVAL_SET = PROJECT_ROOT / "bench" / "eval" / "questions.jsonl"
RESULTS = PROJECT_ROOT / "bench" / "results"


class NaivePipeline:
    """What a user would build from the LangChain docs: fixed-size chunks and top-k similarity."""

    def __init__(self, files: list[Path], embeddings: object) -> None:
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        documents = [Document(page_content=f.read_text(encoding="utf-8"), metadata={"source": str(f)}) for f in files]
        chunks = splitter.split_documents(documents)
        self.chunks = len(chunks)
        self.store = Chroma(
            collection_name="naive", embedding_function=embeddings, persist_directory=tempfile.mkdtemp()
        )
        self.store.add_documents(chunks)

    def retrieve(self, question: str, k: int) -> list[str]:
        return [d.page_content for d in self.store.similarity_search(question, k=k)]

    def ask(self, question: str, history: list[str] | None = None) -> tuple[str, bool]:
        top = self.retrieve(question, 1)
        return (top[0] if top else ""), False


def reindex_unchanged() -> dict[str, float | str]:
    cmebot = Path(sys.executable).parent / "cmebot"
    subprocess.run([str(cmebot), "index"], check=True, capture_output=True)  # bring the index up to date
    started = time.perf_counter()
    done = subprocess.run([str(cmebot), "index"], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    embedded = re.search(r"(\d+) chunks\s+embedded", done.stderr.replace("\n", " "))
    return {"seconds": round(seconds, 2), "chunks_embedded": embedded.group(1) if embedded else "?"}


def warm_latency(runtime: Runtime, questions: list[str], rounds: int = 3) -> dict[str, float]:
    engine = runtime.engine
    for question in questions[:5]:
        engine.ask(question)
    samples = []
    for _ in range(rounds):
        for question in questions:
            started = time.perf_counter()
            engine.ask(question)
            samples.append((time.perf_counter() - started) * 1000)
    return {"n": len(samples), "p50_ms": round(percentile(samples, 50), 2), "p95_ms": round(percentile(samples, 95), 2)}


def main() -> None:
    items = load_items(EVAL_SET)
    reindex = reindex_unchanged()
    runtime = Runtime(get_settings())
    engine = runtime.engine
    ours = evaluate(EnginePipeline(engine), items, k=5).as_dict()
    latency = warm_latency(runtime, [i.question for i in items])
    files = sorted(runtime.settings.knowledge_dir.rglob("*.md"))
    naive_pipeline = NaivePipeline(files, runtime.embeddings())
    naive = evaluate(naive_pipeline, items, k=5).as_dict()

    stats = runtime.indexer.stats()
    result = {
        "eval_set": str(EVAL_SET.relative_to(PROJECT_ROOT)),
        "corpus": {"documents": stats.documents, "chunks": stats.chunks, "naive_chunks": naive_pipeline.chunks},
        "ours": ours,
        "naive": naive,
        "warm_ask": latency,
        "reindex_unchanged": reindex,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "answer_engine.json").write_text(json.dumps(result, indent=2))

    print(
        f"Eval set: {result['eval_set']} ({ours['n']} questions); corpus {stats.documents} documents, "
        f"{stats.chunks} chunks (naive: {naive_pipeline.chunks} chunks)"
    )
    print(f"{'metric':<16}{'ours':>10}{'naive':>10}")
    for key in ("hit_at_k", "mrr", "answer_hit", "false_abstain", "abstain_correct", "p50_ms", "p95_ms"):
        print(f"{key:<16}{ours[key]:>10}{naive[key]:>10}")
    print(f"warm ask over {latency['n']} asks: p50 {latency['p50_ms']} ms, p95 {latency['p95_ms']} ms")
    print(f"cmebot index on an unchanged corpus: {reindex['seconds']} s, {reindex['chunks_embedded']} chunks embedded")


if __name__ == "__main__":
    main()
