"""Load on the Slack HTTP endpoint: N concurrent signed app_mention events, as Slack would deliver them.

    .venv/bin/python bench/slack_load.py            # 50 and 200 concurrent events
    .venv/bin/python bench/slack_load.py --sizes 50 --retries 0.2

The app runs in a subprocess (so the load generator does not share its interpreter lock), served by
waitress on a free 127.0.0.1 port exactly as `cmebot run --http` serves it, and talks to the Web API
stand-in from tests/support running here. For each wave it measures the ack latency (request sent -> HTTP
200), how long until every answer was posted, and checks that each event was answered exactly once,
including after a wave of Slack-style redeliveries (same event_id, X-Slack-Retry-Num). RSS is the app
process's resident memory.
Results: a table on stdout and bench/results/slack_load.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make `bot` and `tests.support` importable

from bot.config import PROJECT_ROOT, Settings  # noqa: E402
from tests.support.slack_api import SlackApiStandIn  # noqa: E402
from tests.support.slack_app import BOT_TOKEN, SIGNING_SECRET, event_envelope, mention_event  # noqa: E402
from tests.support.slack_signing import signed_headers  # noqa: E402

QUESTIONS = [
    "How far back do we collect financial relationships for faculty?",
    "Can commercial support pay for learners' hotel rooms?",
    "How do I check whether a webinar is accredited?",
    "How many credits is a 75-minute session with a 15-minute break?",
    "What must the written agreement for commercial support include?",
]


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))  # ceil(n * pct / 100)
    return ordered[int(rank) - 1]


# --- the app process -----------------------------------------------------------------------------------
def serve(data_dir: Path, knowledge: Path, port_file: Path) -> None:
    """Child process: what `cmebot run --http` runs (warm-up, answer workers, then the server), on the
    embedded defaults; writes its port once it listens."""
    from bot.runtime import Runtime
    from bot.slack.app import build_app
    from bot.slack.jobs import jobs_for
    from bot.slack.runner import create_http_server, warm_up

    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        CMEBOT_DATA_DIR=data_dir,
        CMEBOT_KNOWLEDGE_DIR=knowledge,
        CMEBOT_OUTPUT_DIR=data_dir.parent / "out",
        CMEBOT_LOG_LEVEL="WARNING",
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=os.environ["BENCH_SLACK_API_URL"],
    )
    runtime = Runtime(settings)
    runtime.index()
    app = build_app(runtime)
    if os.environ.get("BENCH_FRONT_ONLY"):
        # A front replica (`cmebot run --http --no-workers`): acks only; a worker process answers.
        worker = subprocess.Popen([sys.executable, "-m", "bot", "worker"], env={**os.environ, **settings_env(settings)})

        def stop_worker(_signum: int, _frame: object) -> None:
            worker.terminate()
            worker.wait(60)
            raise SystemExit(0)

        signal.signal(signal.SIGTERM, stop_worker)
    else:
        warm_up(runtime)
        jobs_for(runtime).start()
    server = create_http_server(runtime, host="127.0.0.1", port=0, threads=16, app=app)
    port_file.write_text(str(server.effective_port), encoding="utf-8")
    server.run()


def settings_env(settings: Settings) -> dict[str, str]:
    return {
        "CMEBOT_DATA_DIR": str(settings.data_dir),
        "CMEBOT_KNOWLEDGE_DIR": str(settings.knowledge_dir),
        "CMEBOT_LOG_LEVEL": "WARNING",
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": os.environ["BENCH_SLACK_API_URL"],
        "HF_HUB_OFFLINE": "1",
    }


# --- the load generator --------------------------------------------------------------------------------
class Client:
    def __init__(self, port: int) -> None:
        self.port = port

    def post_event(self, body: str, retry_num: int | None = None) -> tuple[int, float]:
        headers = signed_headers(SIGNING_SECRET, body)
        if retry_num is not None:
            headers |= {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request("POST", "/slack/events", body=body.encode(), headers=headers)
            reply = connection.getresponse()
            reply.read()
        finally:
            connection.close()
        return reply.status, (time.perf_counter() - started) * 1000


def wave(client: Client, api: SlackApiStandIn, size: int, retry_share: float, app_pid: int) -> dict[str, Any]:
    bodies = []
    for i in range(size):
        event = mention_event(f"<@U0BOT> {QUESTIONS[i % len(QUESTIONS)]}")
        event_id = f"EvLOAD{uuid.uuid4().hex[:12].upper()}"
        bodies.append((event_id, event, event_envelope(event, event_id)))
    posted_before = len(api.calls_to("chat.postMessage", ok=True))
    start = threading.Barrier(size)

    def send(item: tuple[str, dict[str, Any], str]) -> tuple[int, float]:
        start.wait()  # release every request at once: a burst, not a trickle
        return client.post_event(item[2])

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=size) as pool:
        results = list(pool.map(send, bodies))
    api.wait_for("chat.postMessage", count=posted_before + size, timeout=600, ok=True)
    answered = time.perf_counter()
    rss_mb = psutil.Process(app_pid).memory_info().rss / 2**20

    # Redeliveries of a share of the events, as Slack sends when an ack is late: none may be answered again.
    retried = bodies[: int(size * retry_share)]
    retry_status = [client.post_event(body, retry_num=1)[0] for _, _, body in retried]
    marker = mention_event(f"<@U0BOT> {QUESTIONS[0]}")
    client.post_event(event_envelope(marker, f"EvMARK{uuid.uuid4().hex[:12].upper()}"))
    api.wait_for("chat.postMessage", count=posted_before + size + 1, timeout=120, ok=True)

    posts = api.calls_to("chat.postMessage", ok=True)[posted_before:]
    per_thread = Counter(p.args.get("thread_ts") for p in posts)
    expected = [event["ts"] for _, event, _ in bodies]
    latencies = [ms for _, ms in results]
    return {
        "concurrent": size,
        "acked_200": sum(1 for status, _ in results if status == 200),
        "ack_p50_ms": round(percentile(latencies, 50), 1),
        "ack_p99_ms": round(percentile(latencies, 99), 1),
        "ack_max_ms": round(max(latencies), 1),
        "ack_mean_ms": round(statistics.mean(latencies), 1),
        "all_answered_s": round(answered - began, 2),
        "answered_exactly_once": sum(1 for ts in expected if per_thread[ts] == 1),
        "lost": sum(1 for ts in expected if per_thread[ts] == 0),
        "duplicated": sum(1 for ts in expected if per_thread[ts] > 1),
        "retries_sent": len(retried),
        "retries_acked_200": sum(1 for status in retry_status if status == 200),
        "app_rss_mb": round(rss_mb, 1),
    }


def start_app(
    workdir: Path, knowledge: Path, api: SlackApiStandIn, front_only: bool = False
) -> tuple[subprocess.Popen[bytes], int]:
    data = workdir / "data"
    existing = PROJECT_ROOT / "data" / "chroma"
    if existing.exists():
        # Reuse the developer's index (a copy: the bench must not touch it); only changed files re-embed.
        shutil.copytree(existing, data / "chroma")
    port_file = workdir / "port"
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(data), str(knowledge), str(port_file)],
        env={**os.environ, "BENCH_SLACK_API_URL": api.url, **({"BENCH_FRONT_ONLY": "1"} if front_only else {})},
    )
    deadline = time.monotonic() + 900
    while not port_file.exists() or not port_file.read_text():
        if child.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the app process did not start (exit code {child.returncode})")
        time.sleep(0.2)  # waiting on another process's startup (indexing, model load): nothing to poll but the file
    return child, int(port_file.read_text())


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--serve":
        serve(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--retries", type=float, default=0.1, help="share of each wave redelivered as retries")
    parser.add_argument("--knowledge", type=Path, default=PROJECT_ROOT / "knowledge")
    parser.add_argument(
        "--front-only",
        action="store_true",
        help="the production layout: the HTTP process only acks; a separate `cmebot worker` process answers",
    )
    parser.add_argument("--out", type=Path, default=None, help="default: bench/results/slack_load[-front].json")
    args = parser.parse_args()
    results = PROJECT_ROOT / "bench" / "results"
    args.out = args.out or results / ("slack_load-front.json" if args.front_only else "slack_load.json")

    workdir = Path(tempfile.mkdtemp(prefix="cmebot-slack-load-"))
    api = SlackApiStandIn().start()
    child = None
    try:
        child, port = start_app(workdir, args.knowledge, api, args.front_only)
        client = Client(port)
        rss_idle = psutil.Process(child.pid).memory_info().rss / 2**20
        # The first events after a start, timed like the rest: an App Home open, then a question.
        home = {"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home", "event_ts": "1.0"}
        first_home_ms = client.post_event(event_envelope(home, "EvFIRSTHOME"))[1]
        first_question_ms = client.post_event(event_envelope(mention_event(f"<@U0BOT> {QUESTIONS[0]}"), "EvFIRSTQ"))[1]
        api.wait_for("chat.postMessage", timeout=120)
        rows = [wave(client, api, size, args.retries, child.pid) for size in args.sizes]
    finally:
        if child is not None:
            child.terminate()
            child.wait(timeout=30)
        api.close()
        shutil.rmtree(workdir, ignore_errors=True)

    columns = [
        ("concurrent", "events"),
        ("ack_p50_ms", "ack p50 ms"),
        ("ack_p99_ms", "ack p99 ms"),
        ("ack_max_ms", "ack max ms"),
        ("all_answered_s", "all answered s"),
        ("answered_exactly_once", "answered once"),
        ("lost", "lost"),
        ("duplicated", "duplicated"),
        ("retries_sent", "retries"),
        ("app_rss_mb", "app RSS MB"),
    ]
    print(" | ".join(title for _, title in columns))
    for row in rows:
        print(" | ".join(str(row[key]).rjust(len(title)) for key, title in columns))
    print(f"App RSS after start-up (model loaded, idle): {rss_idle:.1f} MB; machine: {os.cpu_count()} CPUs")
    print(f"First events after start: App Home ack {first_home_ms:.1f} ms, question ack {first_question_ms:.1f} ms")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "layout": "front only + cmebot worker process" if args.front_only else "one process (cmebot run --http)",
        "app_rss_idle_mb": round(rss_idle, 1),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "target_ack_p99_ms_at_50": 50,
        "first_app_home_ack_ms": round(first_home_ms, 1),
        "first_question_ack_ms": round(first_question_ms, 1),
        "waves": rows,
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote {args.out}")
    return 0 if all(r["lost"] == 0 and r["duplicated"] == 0 for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
