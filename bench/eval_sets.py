"""Run the evaluation sets and report: development sets (tuning allowed) and the frozen blind set (report only).

    .venv/bin/python -m bench.eval_sets            # dev sets, the team's original set and the new-topics part
    .venv/bin/python -m bench.eval_sets --blind    # the frozen blind set: figures by category, nothing else

The blind run prints counts, never the failing items: the set is for reporting, not for choosing what to write
(bench/eval/blind/README.md). Its answers go to bench/results/blind-answers.jsonl for the rubric grader
(bench/eval/RUBRIC.md), who did not write the answer cards.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.config import PROJECT_ROOT, get_settings
from bot.evaluation.dataset import load_items
from bot.evaluation.runner import EnginePipeline, evaluate
from bot.runtime import Runtime

EVAL = PROJECT_ROOT / "bench" / "eval"
RESULTS = PROJECT_ROOT / "bench" / "results"
DEV_SETS = {
    "dev questions": EVAL / "dev" / "questions.jsonl",
    "dev threads": EVAL / "dev" / "threads.jsonl",
    "dev-slack questions": EVAL / "dev-slack" / "questions.jsonl",
    "dev-slack threads": EVAL / "dev-slack" / "threads.jsonl",
    "dev-slack-2 questions": EVAL / "dev-slack-2" / "questions.jsonl",
    "dev-slack-2 threads": EVAL / "dev-slack-2" / "threads.jsonl",
    "dev-slack-3 questions": EVAL / "dev-slack-3" / "questions.jsonl",
    "dev-slack-3 threads": EVAL / "dev-slack-3" / "threads.jsonl",
    "dev-slack-4 questions": EVAL / "dev-slack-4" / "questions.jsonl",
    "dev-slack-4 threads": EVAL / "dev-slack-4" / "threads.jsonl",
    "dev-slack-5 questions": EVAL / "dev-slack-5" / "questions.jsonl",
    "dev-slack-5 threads": EVAL / "dev-slack-5" / "threads.jsonl",
    "dev-slack-6 questions": EVAL / "dev-slack-6" / "questions.jsonl",
    "dev-slack-6 threads": EVAL / "dev-slack-6" / "threads.jsonl",
    "dev-slack-7 questions": EVAL / "dev-slack-7" / "questions.jsonl",
    "dev-slack-7 threads": EVAL / "dev-slack-7" / "threads.jsonl",
    "dev-slack-8 questions": EVAL / "dev-slack-8" / "questions.jsonl",
    "dev-slack-8 threads": EVAL / "dev-slack-8" / "threads.jsonl",
    "dev-slack-9 questions": EVAL / "dev-slack-9" / "questions.jsonl",
    "dev-slack-9 threads": EVAL / "dev-slack-9" / "threads.jsonl",
    "dev-slack-10 questions": EVAL / "dev-slack-10" / "questions.jsonl",
    "dev-slack-10 threads": EVAL / "dev-slack-10" / "threads.jsonl",
    "dev-slack-11 questions": EVAL / "dev-slack-11" / "questions.jsonl",
    "dev-slack-11 threads": EVAL / "dev-slack-11" / "threads.jsonl",
    "dev-slack-12 questions": EVAL / "dev-slack-12" / "questions.jsonl",
    "dev-slack-12 threads": EVAL / "dev-slack-12" / "threads.jsonl",
    "dev-slack-13 questions": EVAL / "dev-slack-13" / "questions.jsonl",
    "dev-slack-13 threads": EVAL / "dev-slack-13" / "threads.jsonl",
    "dev-slack-14 questions": EVAL / "dev-slack-14" / "questions.jsonl",
    "dev-slack-14 threads": EVAL / "dev-slack-14" / "threads.jsonl",
    "dev-slack-15 questions": EVAL / "dev-slack-15" / "questions.jsonl",
    "dev-slack-15 threads": EVAL / "dev-slack-15" / "threads.jsonl",
    "dev-slack-16 questions": EVAL / "dev-slack-16" / "questions.jsonl",
    "dev-slack-16 threads": EVAL / "dev-slack-16" / "threads.jsonl",
    "dev-slack-17 questions": EVAL / "dev-slack-17" / "questions.jsonl",
    "dev-slack-17 threads": EVAL / "dev-slack-17" / "threads.jsonl",
    "dev-slack-18 questions": EVAL / "dev-slack-18" / "questions.jsonl",
    "dev-slack-18 threads": EVAL / "dev-slack-18" / "threads.jsonl",
    "original set": EVAL / "questions.jsonl",
    "new topics": EVAL / "parts" / "knowledge-2026.jsonl",
}
BLIND_SETS = {"blind questions": EVAL / "blind" / "questions.jsonl", "blind threads": EVAL / "blind" / "threads.jsonl"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--blind", action="store_true", help="run the frozen blind set (report only)")
    parser.add_argument("--only", nargs="*", default=[], help="development sets whose name starts with one of these")
    # Helpers writing cards in parallel each keep their own answers files (they would overwrite each other's).
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the answers files go")
    args = parser.parse_args()
    results = args.results
    runtime = Runtime(get_settings())
    runtime.index()
    engine = runtime.engine
    for _ in range(3):
        engine.ask("warm-up question about accreditation")
    sets = BLIND_SETS if args.blind else DEV_SETS
    if args.only and not args.blind:
        sets = {name: path for name, path in sets.items() if any(name.startswith(f"{p} ") for p in args.only)}
    results.mkdir(parents=True, exist_ok=True)
    summary = {}
    for name, path in sets.items():
        report = evaluate(EnginePipeline(engine), load_items(path), k=5)
        figures = report.as_dict()
        summary[name] = figures
        slug = name.replace(" ", "-")
        (results / f"{slug}-answers.jsonl").write_text(
            "".join(json.dumps(item) + "\n" for item in report.item_dicts()), encoding="utf-8"
        )
        print(f"\n== {name} ({path.relative_to(PROJECT_ROOT)}): {report.n} items")
        for key in ("n_answerable", "n_unanswerable", "hit_at_k", "answer_hit", "false_abstain", "abstain_correct",
                    "lead_ok", "must_not_violations", "p50_ms", "p95_ms"):  # fmt: skip
            print(f"  {key:<20}{figures[key]}")
        for group, values in figures["by_group"].items():
            print(f"  {group:<20}{values}")
        # How the answerable items were answered (card, tool, extractive, declined): counts and hits only.
        modes: dict[str, list[bool]] = {}
        for item in report.items:
            if item.answerable:
                modes.setdefault(item.mode or "?", []).append(item.answer_hit)
        figures["by_mode"] = {m: {"n": len(h), "answer_hit": round(sum(h) / len(h), 3)} for m, h in modes.items()}
        print(f"  {'by mode':<20}{figures['by_mode']}")
    (results / ("blind.json" if args.blind else "dev.json")).write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
