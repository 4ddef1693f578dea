"""Chaos: questions keep arriving while processes are killed with SIGKILL and restarted. Is any acknowledged
question lost or answered twice?

    .venv/bin/python bench/chaos.py --mode distributed     # 2 HTTP fronts + 2 workers, PostgreSQL, Redis, Chroma server
    .venv/bin/python bench/chaos.py --mode embedded        # one `cmebot run --http` on SQLite, killed and restarted
    options: --questions 300 --rate 5 --knowledge DIR --kill-every SECONDS (default: the measured restart time)

Slack is played by this script: the Web API stand-in from tests/support receives the answers, and a sender
delivers each question as a signed event to a front, with Slack's redelivery rule (an event not acknowledged
with a 200 within 3 s, or refused, is delivered again with X-Slack-Retry-Num: at once, then after "1 minute"
and "5 minutes", compressed to 10 s and 30 s). Fronts run `cmebot run --http --no-workers` (no model), workers
`cmebot worker`; every process uses the real settings, with leases and sweeps compressed.

Lost = acknowledged at least once and never answered; duplicated = more than one message in its thread.
Reported: ack p50/p99, time from first delivery to the answer (p50/p99), kills and restarts, and the measured
restart time of each kind of process. Results: a table on stdout and bench/results/chaos-<mode>.json."""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.slack_load import percentile as nearest_rank  # noqa: E402
from bot.config import PROJECT_ROOT  # noqa: E402
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
SLACK_ACK_TIMEOUT = 3.0
# Slack redelivers nearly at once, after 1 minute and after 5 minutes; compressed to 0, 10 and 30 s by default
# (--retry-delays). Shorter than a restart and an event sent while its only front is down is never acknowledged.
RETRY_DELAYS = [0.0, 10.0, 30.0]
COMPRESSED = {
    "CMEBOT_JOB_LEASE_SECONDS": "5",
    "CMEBOT_JOB_SWEEP_SECONDS": "1",
    "CMEBOT_JOB_REQUEUE_SECONDS": "5",
    "CMEBOT_RETRY_BASE_SECONDS": "0.2",
    "CMEBOT_SHUTDOWN_GRACE_SECONDS": "5",
    "CMEBOT_INDEX_POLL_SECONDS": "5",
}
POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- processes -----------------------------------------------------------------------------------------
@dataclass
class Proc:
    name: str
    kind: str  # "front", "worker", "all-in-one"
    args: list[str]
    env: dict[str, str]
    log: Path
    port: int | None = None
    process: subprocess.Popen[bytes] | None = None
    restarts: list[float] = field(default_factory=list)

    def start(self) -> float:
        """Start and wait until ready; returns the seconds it took."""
        began = time.monotonic()
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(self.args, env=self.env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = began + 300
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited at start; see {self.log}")
            if self.ready():
                took = time.monotonic() - began
                self.restarts.append(took)
                return took
            time.sleep(0.1)
        raise SystemExit(f"{self.name} not ready within 300 s; see {self.log}")

    def ready(self) -> bool:
        if self.port is not None:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1).read()
                return True
            except OSError:
                return False
        text = self.log.read_text(errors="replace")
        return text.count("Worker ready") >= len(self.restarts) + 1

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(40)
            except subprocess.TimeoutExpired:
                self.process.kill()

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None


# --- Slack's side --------------------------------------------------------------------------------------
@dataclass
class Delivery:
    event_id: str
    ts: str
    body: str
    first_sent: float = 0.0
    acked: bool = False
    ack_ms: list[float] = field(default_factory=list)
    attempts: int = 0


class Sender:
    """Delivers events to the fronts and redelivers the unacknowledged ones, as Slack does."""

    def __init__(self, fronts: list[Proc]) -> None:
        self.fronts = fronts
        self.pool = ThreadPoolExecutor(max_workers=64)
        self.pending = 0
        self.lock = threading.Lock()

    def deliver(self, delivery: Delivery, attempt: int = 0) -> None:
        with self.lock:
            self.pending += 1
        self.pool.submit(self._deliver, delivery, attempt)

    def _deliver(self, delivery: Delivery, attempt: int) -> None:
        try:
            time.sleep(RETRY_DELAYS[attempt])
            live = [f for f in self.fronts if f.alive] or self.fronts
            front = random.choice(live)
            headers = signed_headers(SIGNING_SECRET, delivery.body)
            if attempt:
                headers |= {"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_timeout"}
            if not delivery.first_sent:
                delivery.first_sent = time.monotonic()
            delivery.attempts += 1
            started = time.perf_counter()
            status = 0
            try:
                connection = http.client.HTTPConnection("127.0.0.1", front.port or 0, timeout=SLACK_ACK_TIMEOUT)
                connection.request("POST", "/slack/events", body=delivery.body.encode(), headers=headers)
                reply = connection.getresponse()
                reply.read()
                status = reply.status
                connection.close()
            except OSError:
                status = 0
            if status == 200:
                delivery.acked = True
                delivery.ack_ms.append((time.perf_counter() - started) * 1000)
            elif attempt + 1 < len(RETRY_DELAYS):
                self.deliver(delivery, attempt + 1)
        finally:
            with self.lock:
                self.pending -= 1

    def idle(self) -> bool:
        with self.lock:
            return self.pending == 0


# --- the run -------------------------------------------------------------------------------------------
def base_env(api: SlackApiStandIn, data_dir: Path, knowledge: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CMEBOT_", "SLACK_", "CHROMA_", "REDIS_"))}
    env.pop("DATABASE_URL", None)
    return (
        env
        | COMPRESSED
        | {
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "CMEBOT_DATA_DIR": str(data_dir),
            "CMEBOT_KNOWLEDGE_DIR": str(knowledge),
            "CMEBOT_LOG_LEVEL": "INFO",
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": api.url,
        }
    )


def cmebot(*args: str) -> list[str]:
    return [sys.executable, "-m", "bot", *args]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["distributed", "embedded"], default="distributed")
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--rate", type=float, default=5.0, help="questions per second")
    parser.add_argument("--knowledge", type=Path, default=PROJECT_ROOT / "knowledge")
    parser.add_argument("--kill-every", type=float, default=0.0, help="seconds between kills (0: restart time)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--retry-delays", type=float, nargs="+", default=RETRY_DELAYS)
    args = parser.parse_args()
    RETRY_DELAYS[:] = args.retry_delays
    random.seed(args.seed)

    work = Path(tempfile.mkdtemp(prefix=f"cmebot-chaos-{args.mode}-"))
    api = SlackApiStandIn().start()
    procs: list[Proc] = []
    cleanup: list[Any] = []
    try:
        env = base_env(api, work / "data", args.knowledge)
        if args.mode == "distributed":
            env |= distributed_services(work, cleanup)
            index = subprocess.run(cmebot("index"), env=env, cwd=ROOT, capture_output=True, text=True)
            if index.returncode:
                raise SystemExit(f"cmebot index failed:\n{index.stdout}\n{index.stderr}")
            for i in range(2):
                port = free_port()
                front_args = cmebot("run", "--http", "--port", str(port), "--no-workers")
                procs.append(Proc(f"front{i}", "front", front_args, env, work / f"front{i}.log", port))
            for i in range(2):
                procs.append(Proc(f"worker{i}", "worker", cmebot("worker"), env, work / f"worker{i}.log"))
        else:
            existing = PROJECT_ROOT / "data" / "chroma"
            if existing.exists() and args.knowledge == PROJECT_ROOT / "knowledge":
                shutil.copytree(existing, work / "data" / "chroma")  # reuse the developer's index (a copy)
            port = free_port()
            procs.append(
                Proc("bot", "all-in-one", cmebot("run", "--http", "--port", str(port)), env, work / "bot.log", port)
            )
        for proc in procs:
            proc.start()
        first_start = {p.name: round(p.restarts[0], 1) for p in procs}
        fronts = [p for p in procs if p.port is not None]
        kill_every = args.kill_every or max(max(p.restarts) for p in procs)
        print(f"Started {', '.join(f'{k} in {v}s' for k, v in first_start.items())}; killing every {kill_every:.1f}s")

        deliveries = run_load(api, fronts, procs, args.questions, args.rate, kill_every)
        report = summarise(api, deliveries, procs, args, kill_every, first_start)
    finally:
        for proc in procs:
            proc.stop()
        for undo in reversed(cleanup):
            undo()
        api.close()

    out = PROJECT_ROOT / "bench" / "results" / f"chaos-{args.mode}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for key, value in report.items():
        if key != "processes":
            print(f"{key:>28}: {value}")
    print(f"Wrote {out}; logs in {work}")
    return 0 if report["lost"] == 0 and report["duplicated"] == 0 else 1


def distributed_services(work: Path, cleanup: list[Any]) -> dict[str, str]:
    """PostgreSQL (a schema of its own), Redis (a database of its own) and a Chroma server (`chroma run`)."""
    import redis
    from sqlalchemy import create_engine, text

    schema = f"chaos_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES.replace("postgresql://", "postgresql+psycopg://"))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))

    def drop_schema() -> None:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()

    cleanup.append(drop_schema)
    redis_url = "redis://127.0.0.1:6379/14"
    redis.Redis.from_url(redis_url).flushdb()
    cleanup.append(lambda: redis.Redis.from_url(redis_url).flushdb())
    chroma_port = free_port()
    chroma = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "chroma"),
            "run",
            "--path",
            str(work / "chroma-server"),
            "--host",
            "127.0.0.1",
            "--port",
            str(chroma_port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    cleanup.append(lambda: (chroma.terminate(), chroma.wait(10)))
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat", timeout=1).read()
            break
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit("the Chroma server did not start") from None
            time.sleep(0.2)
    return {
        "DATABASE_URL": f"{POSTGRES}?options=-csearch_path%3D{schema}",
        "REDIS_URL": redis_url,
        "CHROMA_HOST": "127.0.0.1",
        "CHROMA_PORT": str(chroma_port),
    }


def run_load(
    api: SlackApiStandIn, fronts: list[Proc], procs: list[Proc], questions: int, rate: float, kill_every: float
) -> list[Delivery]:
    sender = Sender(fronts)
    deliveries: list[Delivery] = []
    stop_killing = threading.Event()
    kills: list[str] = []

    def killer() -> None:
        while not stop_killing.wait(kill_every):
            victim = random.choice(procs)
            victim.kill()
            kills.append(victim.name)
            victim.start()

    chaos = threading.Thread(target=killer, daemon=True)
    chaos.start()
    for i in range(questions):
        event = mention_event(f"<@U0BOT> {QUESTIONS[i % len(QUESTIONS)]}", channel=f"C{i % 20:02d}")
        event_id = f"EvCHAOS{i:04d}{uuid.uuid4().hex[:6].upper()}"
        delivery = Delivery(event_id, event["ts"], event_envelope(event, event_id))
        deliveries.append(delivery)
        sender.deliver(delivery)
        time.sleep(1 / rate)
    while not sender.idle():
        time.sleep(0.2)
    stop_killing.set()
    chaos.join()
    for proc in procs:  # the last victim may still be restarting: everything must be up to finish the work
        if not proc.alive:
            proc.start()
    # Wait for quiet: every acknowledged question answered, or nothing new posted for a while.
    last_count, quiet_since = -1, time.monotonic()
    while time.monotonic() - quiet_since < 30:
        count = len(api.calls_to("chat.postMessage", ok=True))
        answered = {c.args.get("thread_ts") for c in api.calls_to("chat.postMessage", ok=True)}
        if all(d.ts in answered for d in deliveries if d.acked):
            time.sleep(3)  # a duplicate, if any, would show up now
            break
        if count != last_count:
            last_count, quiet_since = count, time.monotonic()
        time.sleep(0.5)
    run_load.kills = kills  # type: ignore[attr-defined]
    return deliveries


def summarise(
    api: SlackApiStandIn,
    deliveries: list[Delivery],
    procs: list[Proc],
    args: argparse.Namespace,
    kill_every: float,
    first_start: dict[str, float],
) -> dict[str, Any]:
    posts = api.calls_to("chat.postMessage", ok=True)
    per_thread = Counter(p.args.get("thread_ts") for p in posts)
    first_post = {}
    for post in posts:
        first_post.setdefault(post.args.get("thread_ts"), post.at)
    acked = [d for d in deliveries if d.acked]
    apologies = sum(1 for p in posts if str(p.args.get("text", "")).startswith("Sorry, something went wrong"))
    acks = [ms for d in deliveries for ms in d.ack_ms]
    to_answer = [first_post[d.ts] - d.first_sent for d in acked if d.ts in first_post]
    kills: list[str] = getattr(run_load, "kills", [])
    return {
        "mode": args.mode,
        "questions": len(deliveries),
        "acknowledged": len(acked),
        "never_acknowledged": len(deliveries) - len(acked),
        "lost": sum(1 for d in acked if per_thread[d.ts] == 0),
        "duplicated": sum(1 for d in deliveries if per_thread[d.ts] > 1),
        "apologies": apologies,
        "redeliveries_sent": sum(d.attempts - 1 for d in deliveries),
        "ack_p50_ms": round(nearest_rank(acks, 50), 1),
        "ack_p99_ms": round(nearest_rank(acks, 99), 1),
        "answer_p50_s": round(nearest_rank(to_answer, 50), 2),
        "answer_p99_s": round(nearest_rank(to_answer, 99), 2),
        "kills": len(kills),
        "killed": dict(Counter(kills)),
        "kill_every_s": round(kill_every, 1),
        "first_start_s": first_start,
        "knowledge": str(args.knowledge),
        "rate_per_s": args.rate,
        "retry_delays_s": RETRY_DELAYS,
        "processes": {p.name: [round(r, 1) for r in p.restarts] for p in procs},
    }


if __name__ == "__main__":
    raise SystemExit(main())
