"""Run an evaluation set through a pipeline and report the metrics of `cmebot eval`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.evaluation.dataset import EvalItem
from bot.evaluation.metrics import hit_at_k, mean, percentile, reciprocal_rank, satisfies


class Pipeline(Protocol):
    def retrieve(self, question: str, k: int) -> list[str]: ...

    def ask(self, question: str) -> tuple[str, bool]: ...


@dataclass
class ItemResult:
    id: str
    answerable: bool
    hit: bool
    rr: float
    answer_hit: bool
    abstained: bool
    ms: float


@dataclass
class EvalReport:
    n: int
    hit_at_k: float
    mrr: float
    answer_hit: float
    false_abstain: float
    abstain_correct: float
    p50_ms: float
    p95_ms: float
    items: list[ItemResult] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "hit_at_k": round(self.hit_at_k, 4),
            "mrr": round(self.mrr, 4),
            "answer_hit": round(self.answer_hit, 4),
            "false_abstain": round(self.false_abstain, 4),
            "abstain_correct": round(self.abstain_correct, 4),
            "p50_ms": round(self.p50_ms, 2),
            "p95_ms": round(self.p95_ms, 2),
        }


def evaluate(pipeline: Pipeline, items: list[EvalItem], k: int = 5) -> EvalReport:
    results: list[ItemResult] = []
    for item in items:
        started = time.perf_counter()
        answer, abstained = pipeline.ask(item.question)
        ms = (time.perf_counter() - started) * 1000
        passages = pipeline.retrieve(item.question, k) if item.answerable else []
        groups = item.must_mention
        results.append(
            ItemResult(
                id=item.id,
                answerable=item.answerable,
                hit=item.answerable and hit_at_k(passages, groups, k),
                rr=reciprocal_rank(passages, groups, k) if item.answerable else 0.0,
                answer_hit=item.answerable and not abstained and satisfies(answer, groups),
                abstained=abstained,
                ms=ms,
            )
        )
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    latencies = [r.ms for r in results]
    return EvalReport(
        n=len(results),
        hit_at_k=mean([float(r.hit) for r in answerable]),
        mrr=mean([r.rr for r in answerable]),
        answer_hit=mean([float(r.answer_hit) for r in answerable]),
        false_abstain=mean([float(r.abstained) for r in answerable]),
        abstain_correct=mean([float(r.abstained) for r in unanswerable]),
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        items=results,
    )


class EnginePipeline:
    """The bot's own pipeline: hybrid retrieval and the answer engine."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine

    def retrieve(self, question: str, k: int) -> list[str]:
        return [p.text for p in self.engine.retriever.search(question, k).passages]

    def ask(self, question: str) -> tuple[str, bool]:
        answer = self.engine.ask(question)
        return answer.answer, answer.abstained
