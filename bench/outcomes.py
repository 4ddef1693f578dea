"""Outcomes analysis at scale: 10,000 learners x 20 items, pre and post, right/wrong and score variants.

Data are generated with a fixed seed (5% of learners skip the post-test, so matching and missing-data counts do
real work). Timed separately: reading the CSV (load_responses), the statistics (analyse), the chart (chart_png)
and the Word report (write_docx). Target: a few seconds for reading plus analysis.

Run: .venv/bin/python -m bench.outcomes [--learners 10000] [--items 20]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from bot.outcomes import analyse, chart_png, load_responses, write_docx

SEED = 20250101


def generate(learners: int, items: int, kind: str, seed: int = SEED) -> bytes:
    """A responses CSV: every learner answers every item before; 95% answer after."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"L{i:05d}" for i in range(learners)])
    names = np.array([f"Q{k + 1:02d}" for k in range(items)])
    learner = np.repeat(ids, items)
    item = np.tile(names, learners)
    if kind == "binary":
        p_pre = np.tile(rng.uniform(0.3, 0.6, items), learners)
        p_post = np.clip(p_pre + np.tile(rng.uniform(0.0, 0.3, items), learners), 0, 1)
        pre = (rng.random(learners * items) < p_pre).astype(int)
        post = np.where(rng.random(learners * items) < 0.7, pre, (rng.random(learners * items) < p_post).astype(int))
        post = np.maximum(post, pre * (rng.random(learners * items) < 0.9))  # most who knew it still know it
        column = "correct"
    else:
        pre = np.round(rng.normal(60, 12, learners * items), 1)
        post = np.round(pre + rng.normal(np.tile(rng.uniform(0, 6, items), learners), 8), 1)
        column = "score"
    took_post = np.repeat(rng.random(learners) >= 0.05, items)
    frame = pd.concat(
        [
            pd.DataFrame({"learner_id": learner, "item": item, "phase": "pre", column: pre}),
            pd.DataFrame({"learner_id": learner, "item": item, "phase": "post", column: post})[took_post],
        ]
    )
    return frame.to_csv(index=False).encode()


def timed(label: str, function, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = function(*args, **kwargs)
    print(f"  {label:<28} {time.perf_counter() - start:7.2f} s")
    return value


def run(learners: int, items: int, kind: str, out: Path) -> None:
    data = generate(learners, items, kind)
    rows = data.count(b"\n") - 1
    print(f"{kind}: {learners:,} learners x {items} items, {rows:,} rows, {len(data) / 1e6:.1f} MB")
    start = time.perf_counter()
    responses = timed("read + check (load)", load_responses, data)
    result = timed("statistics (analyse)", analyse, responses)
    print(f"  {'load + analyse':<28} {time.perf_counter() - start:7.2f} s")
    png = timed("chart (PNG)", chart_png, result, out / f"{kind}.png")
    timed("report (.docx)", write_docx, result, out / f"{kind}.docx", chart=png)
    tests = sorted({row["test"] for row in result.items if row["test"]})
    print(
        f"  {result.summary['n_matched_learners']:,} matched learners; tests used: {', '.join(tests)}; "
        f"{len(result.summary['items_improved'])}/{items} items improved; {len(result.problems)} problems"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("binary", "score"):
            run(args.learners, args.items, kind, Path(folder))


if __name__ == "__main__":
    main()
