"""Community knowledge at scale: how long saving one item takes, and what 5,000 verified items do to a warm ask.

    .venv/bin/python -m bench.community [--items 5000] [--questions 150]

Runs on a copy of the developer's index (data/chroma; `cmebot index` first) and a fresh SQLite database.
Saving = embedding the question and writing the row, as the Slack save form does. The warm ask is timed
over development-set questions asked from a channel (so every item's visibility is checked), first with no
community items, then with N verified workspace items whose questions are realistic variations, a tenth of them
in private channels. Results: a table on stdout and bench/results/community.json."""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.slack_load import percentile as nearest_rank  # noqa: E402
from bot.config import PROJECT_ROOT, Settings  # noqa: E402
from bot.runtime import Runtime  # noqa: E402
from bot.services.community import Audience, NewItem  # noqa: E402

SUBJECTS = [
    "LMS",
    "needs assessment survey",
    "outcomes survey",
    "faculty slide review",
    "disclosure form",
    "evaluation form",
    "RSS series",
    "joint provider",
    "grand rounds",
    "enduring module",
    "MOC reporting",
    "PARS upload",
    "commendation evidence",
    "budget",
    "exhibitor agreement",
    "learner certificate",
]
FRAMES = [
    "Which {} do members use?",
    "How does your office handle the {}?",
    "Any tips for the {} at a small hospital?",
    "Who signs off the {} in your program?",
    "How long do you keep the {}?",
    "Do you automate the {}?",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--questions", type=int, default=150)
    args = parser.parse_args()
    index = PROJECT_ROOT / "data" / "chroma"
    if not index.exists():
        raise SystemExit("Run `cmebot index` first: the bench uses a copy of data/chroma")
    work = Path(tempfile.mkdtemp(prefix="cmebot-community-"))
    shutil.copytree(index, work / "data" / "chroma")
    runtime = Runtime(Settings(_env_file=None, CMEBOT_DATA_DIR=work / "data", CMEBOT_LOG_LEVEL="WARNING"))  # type: ignore[call-arg]
    runtime.index()
    rng = random.Random(11)
    questions = [json.loads(line)["question"] for line in (ROOT / "bench/eval/dev/questions.jsonl").open()]
    questions = rng.sample(questions, min(args.questions, len(questions)))
    audience = Audience(team_id="T1", channel_id="C1", user_id="U1")

    def warm_ask() -> tuple[float, float]:
        for question in questions[:10]:
            runtime.engine.ask(question, None, audience)
        times = []
        for question in questions:
            started = time.perf_counter()
            runtime.engine.ask(question, None, audience)
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times), nearest_rank(times, 95)

    base = warm_ask()

    # Saving one item as the form does: embed its question, write the row.
    save_times = []
    for n in range(20):
        question = FRAMES[n % len(FRAMES)].format(SUBJECTS[n % len(SUBJECTS)]) + f" (case {n})"
        started = time.perf_counter()
        runtime.community.save(
            NewItem(
                team_id="T1", question=question, answer="What our office does.", saved_by="UEXP", visibility="workspace"
            ),
            runtime.embed_texts([question]),
        )
        save_times.append((time.perf_counter() - started) * 1000)

    fields = ["cardiology", "oncology", "nursing", "pharmacy", "rural", "academic"]
    texts = [f"{rng.choice(FRAMES).format(rng.choice(SUBJECTS))} ({rng.choice(fields)} {n})" for n in range(args.items)]
    started = time.perf_counter()
    vectors = runtime.embed_texts(texts)
    embed_s = time.perf_counter() - started
    from bot.storage.models.community import CommunityItem

    with runtime.db.session() as session:
        for n, (text, vector) in enumerate(zip(texts, vectors, strict=True)):
            private = n % 10 == 0
            session.add(
                CommunityItem(
                    team_id="T1",
                    status="verified",
                    question=text,
                    answer="What our office does.",
                    saved_by="UEXP",
                    verifier_id="UEXP",
                    visibility="channel" if private else "workspace",
                    channel_id=f"CP{n % 7}" if private else "CPUB",
                    channel_private=private,
                    vectors=[vector],
                )
            )
    runtime.community.changes += 1
    started = time.perf_counter()
    loaded = runtime.engine.community.size if runtime.engine.community else 0
    load_s = time.perf_counter() - started
    scaled = warm_ask()
    report = {
        "items": loaded,
        "save_one_item_ms_p50": round(statistics.median(save_times), 1),
        "save_one_item_ms_max": round(max(save_times), 1),
        "embed_items_per_s": round(args.items / embed_s, 1),
        "load_index_s": round(load_s, 2),
        "warm_ask_no_items_ms": {"p50": round(base[0], 1), "p95": round(base[1], 1)},
        f"warm_ask_{args.items}_items_ms": {"p50": round(scaled[0], 1), "p95": round(scaled[1], 1)},
        "p95_change": f"{(scaled[1] / base[1] - 1) * 100:+.1f}%",
        "questions": len(questions),
    }
    runtime.close()
    shutil.rmtree(work, ignore_errors=True)
    out = PROJECT_ROOT / "bench" / "results" / "community.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for key, value in report.items():
        print(f"{key:>28}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
