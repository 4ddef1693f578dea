"""Precision and recall of the accreditation checker's findings on a labelled flyer corpus.

    .venv/bin/python -m bench.flyers                  # the development corpus (tune on this one)
    .venv/bin/python -m bench.flyers --blind          # the frozen blind corpus: report only, counts only
    .venv/bin/python -m bench.flyers --show-misses    # development only: which flyers disagree, and how

Labels: bench/eval/flyers/<set>/labels.jsonl (schema in that folder's README). Each red flag is scored as its own
finding; verdict, accreditor, provider and credit as fields. The blind run prints figures and never the items it
gets wrong, so nobody tunes on it."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bot.checker import check_flyer, extract
from bot.checker.check import RED_FLAGS

ROOT = Path(__file__).parent / "eval" / "flyers"
FIELDS = ("verdict", "accreditor", "provider", "credit")


def _norm(name: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (name or "").lower()).replace(" the ", " ").strip()


def _same_name(expected: str | None, got: str | None) -> bool:
    if not expected:
        return not got
    a, b = _norm(expected), _norm(got)
    return bool(b) and (a == b or a in b or b in a)


def _same_credit(expected: dict[str, Any] | None, got: dict[str, Any] | None) -> bool:
    if not expected:
        return not got
    return (
        bool(got) and got["type"] == expected["type"] and abs(float(got["amount"]) - float(expected["amount"])) < 1e-6
    )


def evaluate(folder: Path, show_misses: bool = False) -> dict[str, Any]:
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line]
    flag_counts = {flag: Counter() for flag in RED_FLAGS}
    fields = Counter()
    misses = []
    for label in labels:
        path = folder / label["file"]
        result = check_flyer(extract(path.read_bytes(), path.name))
        got_flags, want_flags = set(result.red_flags), set(label["red_flags"])
        for flag in RED_FLAGS:
            key = (
                ("tp" if flag in want_flags else "fp") if flag in got_flags else ("fn" if flag in want_flags else "tn")
            )
            flag_counts[flag][key] += 1
        checks = {
            "verdict": result.verdict == label["verdict"],
            "accreditor": result.accreditor == label["accreditor"],
            "provider": _same_name(label["provider"], result.provider),
            "credit": _same_credit(label["credit"], result.credit),
        }
        fields.update(name for name, ok in checks.items() if ok)
        if show_misses and (not all(checks.values()) or got_flags != want_flags):
            misses.append(
                {
                    "file": label["file"],
                    "wrong": [name for name, ok in checks.items() if not ok],
                    "missed_flags": sorted(want_flags - got_flags),
                    "extra_flags": sorted(got_flags - want_flags),
                    "got": {
                        k: v
                        for k, v in result.as_dict().items()
                        if k in ("verdict", "accreditor", "provider", "credit")
                    },
                    "want": {k: label[k] for k in ("verdict", "accreditor", "provider", "credit")},
                }
            )
    total = len(labels)
    per_flag = {}
    for flag, counts in flag_counts.items():
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        per_flag[flag] = {
            "support": tp + fn,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "false_positives": fp,
        }
    return {
        "flyers": total,
        "fields": {name: f"{fields[name]}/{total}" for name in ("verdict", "accreditor", "provider", "credit")},
        "red_flags": per_flag,
        "misses": misses,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blind", action="store_true", help="the frozen blind corpus (figures only)")
    parser.add_argument("--show-misses", action="store_true", help="development corpus only")
    args = parser.parse_args()
    if args.blind and args.show_misses:
        print("The blind corpus is reported in counts only.", file=sys.stderr)
        return 2
    report = evaluate(ROOT / ("blind" if args.blind else "dev"), show_misses=args.show_misses)
    print(f"{'blind' if args.blind else 'dev'}: {report['flyers']} flyers")
    for name, value in report["fields"].items():
        print(f"  {name:12} {value}")
    print(f"  {'red flag':32} {'support':>7} {'precision':>9} {'recall':>6} {'FP':>3}")
    for flag, row in report["red_flags"].items():
        precision = "-" if row["precision"] is None else f"{row['precision']:.2f}"
        recall = "-" if row["recall"] is None else f"{row['recall']:.2f}"
        print(f"  {flag:32} {row['support']:>7} {precision:>9} {recall:>6} {row['false_positives']:>3}")
    for miss in report["misses"]:
        print(json.dumps(miss, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
