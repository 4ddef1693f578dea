"""Run an evaluation set through a pipeline and report the metrics of `cmebot eval`."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from bot.evaluation.dataset import EvalItem
from bot.evaluation.metrics import avoids, hit_at_k, leads_with, mean, percentile, reciprocal_rank, satisfies


class Pipeline(Protocol):
    def retrieve(self, question: str, k: int) -> list[str]: ...

    def ask(self, question: str, history: list[str] | None = None) -> tuple[str, bool]: ...


@dataclass
class ItemResult:
    id: str
    group: str
    answerable: bool
    hit: bool
    rr: float
    answer_hit: bool
    abstained: bool
    ms: float
    question: str = ""
    answer: str = ""
    mentions: bool = False
    lead_ok: bool = True
    must_not_ok: bool = True
    mode: str = ""
    card_id: str = ""


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
    n_answerable: int = 0
    n_unanswerable: int = 0
    lead_ok: float = 0.0
    must_not_violations: int = 0
    by_group: dict[str, dict[str, float]] = field(default_factory=dict)
    items: list[ItemResult] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "n_answerable": self.n_answerable,
            "n_unanswerable": self.n_unanswerable,
            "hit_at_k": round(self.hit_at_k, 4),
            "mrr": round(self.mrr, 4),
            "answer_hit": round(self.answer_hit, 4),
            "false_abstain": round(self.false_abstain, 4),
            "abstain_correct": round(self.abstain_correct, 4),
            "lead_ok": round(self.lead_ok, 4),
            "must_not_violations": self.must_not_violations,
            "p50_ms": round(self.p50_ms, 2),
            "p95_ms": round(self.p95_ms, 2),
            "by_group": self.by_group,
        }

    def item_dicts(self) -> list[dict[str, Any]]:
        return [asdict(item) for item in self.items]


def evaluate(pipeline: Pipeline, items: list[EvalItem], k: int = 5) -> EvalReport:
    results: list[ItemResult] = []
    for item in items:
        started = time.perf_counter()
        answer, abstained = pipeline.ask(item.question, item.history or None)
        ms = (time.perf_counter() - started) * 1000
        passages = pipeline.retrieve(item.question, k) if item.answerable and not item.history else []
        groups = item.must_mention
        mentions = satisfies(answer, groups)
        lead_ok = leads_with(answer, item.lead)
        must_not_ok = avoids(answer, item.must_not)
        results.append(
            ItemResult(
                id=item.id,
                group=item.group,
                answerable=item.answerable,
                hit=item.answerable and hit_at_k(passages, groups, k),
                rr=reciprocal_rank(passages, groups, k) if item.answerable else 0.0,
                answer_hit=item.answerable and not abstained and mentions and lead_ok and must_not_ok,
                abstained=abstained,
                ms=ms,
                question=item.question,
                answer=answer,
                mentions=mentions,
                lead_ok=lead_ok,
                must_not_ok=must_not_ok,
                mode=getattr(pipeline, "last_mode", ""),
                card_id=getattr(pipeline, "last_card", "") or "",
            )
        )
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    single = [r for r, item in zip(results, items, strict=True) if r.answerable and not item.history]
    with_lead = [r for r, item in zip(results, items, strict=True) if item.lead and not r.abstained]
    latencies = [r.ms for r in results]
    by_group: dict[str, list[ItemResult]] = defaultdict(list)
    for r in results:
        by_group[r.group].append(r)
    return EvalReport(
        n=len(results),
        hit_at_k=mean([float(r.hit) for r in single]),
        mrr=mean([r.rr for r in single]),
        answer_hit=mean([float(r.answer_hit) for r in answerable]),
        false_abstain=mean([float(r.abstained) for r in answerable]),
        abstain_correct=mean([float(r.abstained) for r in unanswerable]),
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        n_answerable=len(answerable),
        n_unanswerable=len(unanswerable),
        lead_ok=mean([float(r.lead_ok) for r in with_lead]),
        must_not_violations=sum(1 for r in results if not r.must_not_ok and not r.abstained),
        by_group={
            name: {
                "n": len(rs),
                "answer_hit" if rs[0].answerable else "abstain_correct": round(
                    mean([float(r.answer_hit if r.answerable else r.abstained) for r in rs]), 4
                ),
            }
            for name, rs in sorted(by_group.items())
        },
        items=results,
    )


class EnginePipeline:
    """The bot's own pipeline: hybrid retrieval and the answer engine. Threads are asked turn by turn, with the
    bot's own earlier answers in the history, as in a Slack thread."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.last_mode = ""
        self.last_card = ""

    def retrieve(self, question: str, k: int) -> list[str]:
        return [p.text for p in self.engine.retriever.search(question, k).passages]

    def ask(self, question: str, history: list[str] | None = None) -> tuple[str, bool]:
        from bot.answering.models import Turn

        turns: list[Turn] = []
        for earlier in history or []:
            reply = self.engine.ask(earlier, turns or None)
            turns += [Turn(role="user", text=earlier), Turn(role="assistant", text=reply.answer)]
        answer = self.engine.ask(question, turns or None)
        self.last_mode = answer.mode
        self.last_card = answer.card_id or ""
        return answer.answer, answer.abstained
