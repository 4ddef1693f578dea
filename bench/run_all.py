"""Run every benchmark in turn: `make bench`."""

from __future__ import annotations

import importlib

BENCHMARKS = ["bench.answer_engine", "bench.slack_load"]

if __name__ == "__main__":
    for name in BENCHMARKS:
        print(f"\n=== {name}")
        importlib.import_module(name).main()
