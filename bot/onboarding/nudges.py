"""The background check that sends due nudges. The schedule itself lives in the database (see
OnboardingService), so this loop holds no state: after a restart it simply finds what is due."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import ClassVar

from bot.onboarding.service import OnboardingService

log = logging.getLogger(__name__)

# Nudges are days apart; checking every few minutes is punctual enough and costs one small query.
CHECK_EVERY_SECONDS = 300.0


class NudgeScheduler:
    # Every started scheduler, so a process (or a test) that rebuilds its app can stop the old loops.
    running: ClassVar[list[NudgeScheduler]] = []

    def __init__(
        self, service: OnboardingService, send: Callable[[str], None], interval: float = CHECK_EVERY_SECONDS
    ) -> None:
        self.service = service
        self.send = send
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def check(self) -> list[str]:
        try:
            return self.service.send_due_nudges(self.send)
        except Exception:
            # A database hiccup must not kill the loop; the next check finds the same due nudges.
            log.exception("Checking for due onboarding nudges failed")
            return []

    def _run(self) -> None:
        # The first check runs at once, so nudges that fell due while the bot was down go out on start.
        while not self._stop.is_set():
            self.check()
            self._stop.wait(self.interval)

    def start(self) -> NudgeScheduler:
        self._thread = threading.Thread(target=self._run, name="cmebot-onboarding-nudges", daemon=True)
        self._thread.start()
        NudgeScheduler.running.append(self)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if self in NudgeScheduler.running:
            NudgeScheduler.running.remove(self)

    @classmethod
    def stop_all(cls) -> None:
        for scheduler in list(cls.running):
            scheduler.stop()
