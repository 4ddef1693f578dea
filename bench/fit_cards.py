"""Fit and report the answer-card match threshold (bot/retrieval/cards.py).

Data: bench/eval/cards/heldout-*.jsonl (one new phrasing per card, written with the cards but never used as a
paraphrase) and bench/eval/cards/near_miss-*.jsonl (pairs of near-twin questions, each naming the card it must match,
or null, and the twin card it must not match). Items are split in half by a seeded hash of their card or pair, so
the two phrasings of a pair stay together: the threshold is chosen on one half (maximising correct matches minus
five times wrong ones: a wrong card is the worst outcome, a missed one falls back to the passages), and precision,
recall and wrong matches are reported on the other half.

Run: .venv/bin/python -m bench.fit_cards [--no-write]
Writes bot/retrieval/cards_fit.json and bench/results/cards.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

from bot.config import PROJECT_ROOT, get_settings
from bot.retrieval.cards import FIT_PATH
from bot.runtime import Runtime

CARDS_EVAL = PROJECT_ROOT / "bench" / "eval" / "cards"
WRONG_COST = 5
RESULTS = PROJECT_ROOT / "bench" / "results"


def load(pattern: str) -> list[dict]:
    rows = []
    for path in sorted(CARDS_EVAL.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["kind"] = "near_miss" if "near_miss" in path.name else "heldout"
                rows.append(row)
    return rows


def half(row: dict) -> int:
    key = row.get("pair") or row.get("card") or row["question"]
    return int(hashlib.sha256(f"7:{key}".encode()).hexdigest(), 16) % 2


def outcomes(rows: list[dict], best: list[tuple[str | None, float]], threshold: float) -> dict[str, float]:
    matched = correct = wrong = should = twin_hits = 0
    for row, (card, sim) in zip(rows, best, strict=True):
        predicted = card if card is not None and sim >= threshold else None
        expected = row.get("card")
        should += expected is not None
        if predicted is None:
            continue
        matched += 1
        if predicted == expected:
            correct += 1
        else:
            wrong += 1
            twin_hits += predicted == row.get("twin")
    return {
        "n": len(rows),
        "should_match": should,
        "matched": matched,
        "correct": correct,
        "wrong": wrong,
        "wrong_is_twin": twin_hits,
        "precision": round(correct / matched, 4) if matched else 1.0,
        "recall": round(correct / should, 4) if should else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    rows = load("heldout-*.jsonl") + load("near_miss-*.jsonl")
    runtime = Runtime(get_settings())
    runtime.index()
    engine = runtime.engine
    index = engine.cards
    assert index is not None and index.size, "no answer cards loaded"
    best: list[tuple[str | None, float]] = []
    for row in rows:
        retrieval = engine.retriever.search(row["question"], engine.top_k)
        fitting = index.fitting(engine.card_candidates(row["question"], retrieval))
        best.append((fitting.card.id, fitting.similarity) if fitting else (None, 0.0))
    fit = [i for i, r in enumerate(rows) if half(r) == 0]
    test = [i for i, r in enumerate(rows) if half(r) == 1]
    fit_rows, fit_best = [rows[i] for i in fit], [best[i] for i in fit]

    # A wrong card is the worst outcome, but a missed card is not free either: the question falls to the extractive
    # path, which leads with the answer far less often. The threshold maximises correct - WRONG_COST * wrong.
    def utility(t: float) -> float:
        o = outcomes(fit_rows, fit_best, t)
        return o["correct"] - WRONG_COST * o["wrong"]

    threshold = max(np.arange(0.50, 0.96, 0.01), key=lambda t: (utility(float(t)), t))
    threshold = float(threshold)
    report = {
        "cards": index.size,
        "threshold": round(threshold, 2),
        "fitted_on": f"{len(fit)} questions (half of bench/eval/cards by seeded hash of card or pair)",
        "fit_half": outcomes(fit_rows, fit_best, threshold),
        "report_half": outcomes([rows[i] for i in test], [best[i] for i in test], threshold),
        "report_half_near_miss_only": outcomes(
            [rows[i] for i in test if rows[i]["kind"] == "near_miss"],
            [best[i] for i in test if rows[i]["kind"] == "near_miss"],
            threshold,
        ),
        "report_wrong": [
            {"question": rows[i]["question"], "expected": rows[i].get("card"), "got": best[i][0]}
            for i in test
            if best[i][0] is not None and best[i][1] >= threshold and best[i][0] != rows[i].get("card")
        ],
    }
    print(json.dumps(report, indent=2))
    if not args.no_write:
        Path(FIT_PATH).write_text(json.dumps({"threshold": report["threshold"], "report": report}, indent=2) + "\n")
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "cards.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
