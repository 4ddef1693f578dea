"""The task queue that carries job ids to workers: Huey, on SQLite by default, on Redis when REDIS_URL is set.

Two queues, so computing and talking to Slack never wait on each other: "answers" (CPU-bound: retrieval and
the model; as many workers as spare cores) and "posts" (network-bound: Slack's Web API, many light workers, so
a slow or rate-limited channel holds up one of them and no other channel).

The queue is only transport. Huey drops a task whose worker is killed mid-task (and Redis pops it for good),
so the job table (bot/services/jobs.py) is the source of truth and the sweeper re-queues what was lost."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey
from huey.consumer import Consumer

from bot.config import Settings

log = logging.getLogger(__name__)


class _QuietConsumer(Consumer):
    """Huey's consumer without its signal handlers: the process (cmebot run / worker) owns SIGTERM and SIGINT
    and stops the consumers itself, after the HTTP front has stopped taking new work."""

    def _set_signal_handlers(self) -> None:
        pass


def _huey(settings: Settings, name: str) -> Huey:
    common: dict[str, Any] = {"results": False, "utc": True}
    if settings.redis_url:
        return RedisHuey(f"cmebot-{name}", url=settings.redis_url, blocking=True, read_timeout=1, **common)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(f"cmebot-{name}", filename=str(settings.data_dir / "queue.sqlite3"), **common)


@dataclass
class TaskQueues:
    answers: Huey
    posts: Huey

    @classmethod
    def from_settings(cls, settings: Settings) -> TaskQueues:
        return cls(answers=_huey(settings, "answers"), posts=_huey(settings, "posts"))

    def consumers(self, answer_workers: int, post_workers: int, shutdown_timeout: float) -> list[Consumer]:
        # Polling SQLite: start at 50 ms and never sleep more than 250 ms when idle (Huey's default grows to
        # 10 s, which would be the latency of the first question after a quiet spell). Redis blocks instead.
        options: dict[str, Any] = {
            "worker_type": "thread",
            "periodic": False,
            "initial_delay": 0.05,
            "max_delay": 0.25,
            "check_worker_health": False,
            "shutdown_timeout": shutdown_timeout,
        }
        return [
            _QuietConsumer(self.answers, workers=max(1, answer_workers), **options),
            _QuietConsumer(self.posts, workers=max(1, post_workers), **options),
        ]

    def task(self, queue: Huey, name: str, fn: Callable[..., None]) -> Any:
        """Register `fn` on `queue` under a fixed name (every process registers the same names)."""
        return queue.task(name=name)(fn)

    def close(self) -> None:
        """Close the queues' connections (reopened on next use)."""
        for queue in (self.answers, self.posts):
            queue.storage.close()
