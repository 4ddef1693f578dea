"""Durable answering for Slack: the job written before the ack, answered by a worker, posted exactly once.

    intake (HTTP or Socket Mode front, before the ack)   JobStore.create + an "answer" task on the queue
    answer task (answers queue, CPU)                     lease; thread history; the engine; messages stored
    post task (posts queue, network)                     lease; post each part with metadata naming the job
    sweeper (a thread in every worker process)           re-queues jobs whose lease ran out or whose task was lost

Exactly one answer per acknowledged question, whatever crashes:
* a redelivery finds the job row (unique key) and is dropped;
* a worker that dies leaves an expired lease; another takes the job over and continues from the last step
  recorded (messages stored; parts posted);
* a post whose outcome is unknown (timeout, 5xx, internal_error, a takeover mid-post) marks the job uncertain;
  before posting again the worker reads the thread and looks for a message whose metadata names this job;
* an apology goes out only when the job has finally failed and nothing of its answer is in the thread.

/cme answers go to a response_url, which cannot be read back: there the guarantee is at most one, retried only
when the post certainly failed (Slack answered with an error status)."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import weakref
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import default_retry_handlers
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.webhook import WebhookClient

from bot.queue import TaskQueues
from bot.runtime import Runtime
from bot.services import health
from bot.services.jobs import Job, Stage, new_owner, owner_pid
from bot.slack.admin_alerts import admin_alerts
from bot.slack.agent import AgentSlack
from bot.slack.answering import PROGRESS_REACTION, SlackQuestion, answer_workers, thread_history
from bot.slack.api_metrics import CountSlackErrors
from bot.slack.blocks.answer import answer_messages, notice
from bot.slack.checker import asks_to_check
from bot.slack.community import CommunitySlack
from bot.slack.streaming import StreamedAnswers, recorded_stream
from bot.slack.text import strip_mentions
from bot.texts import message

log = logging.getLogger(__name__)

METADATA_EVENT = "cmebot_answer"
# ok:false errors that say "try again", as opposed to errors no retry can fix (channel_not_found, not_in_channel).
RETRYABLE_ERRORS = frozenset({"internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"})
# Lease owners of SlackJobs running in this process: any other owner naming this pid is a runtime that is gone.
_LIVE_OWNERS: set[str] = set()


class ShortRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """slack_sdk's 429 handler, for short waits only: a Retry-After above `cap` seconds is not slept through
    on a worker thread; the post task hands the job back to the queue with that delay instead."""

    def __init__(self, cap: float, max_retry_count: int = 2) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.cap = cap

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        return response is not None and _retry_after(response.headers) <= self.cap


def _retry_after(headers: Any) -> float:
    for name, value in dict(headers or {}).items():
        if str(name).lower() == "retry-after":
            raw = value[0] if isinstance(value, list) and value else value
            with contextlib.suppress(TypeError, ValueError):
                return max(0.0, float(raw))
    return 1.0


class Uncertain(Exception):
    """A post whose outcome is unknown: it may or may not be in the channel."""


class SlackJobs:
    """The job pipeline for one runtime: intake for the front, tasks and sweeper for the workers."""

    def __init__(self, runtime: Runtime, queues: TaskQueues | None = None) -> None:
        # A proxy: the pipeline is kept per runtime in a weak mapping, and a strong reference back would keep
        # every runtime (its database pool, its Chroma files) alive for the life of the process.
        self.runtime: Runtime = weakref.proxy(runtime)
        self.settings = runtime.settings
        self.store = runtime.jobs
        self.queues = queues or TaskQueues.from_settings(self.settings)
        self.owner = new_owner()
        self._answer_task = self.queues.task(self.queues.answers, "cmebot.answer", self._run_answer)
        self._post_task = self.queues.task(self.queues.posts, "cmebot.post", self._run_post)
        # Off the ack path: handing jobs to the queue, and the progress reaction (a courtesy, not durable).
        self._handoff = ThreadPoolExecutor(1, thread_name_prefix="cmebot-handoff")
        self._courtesy = ThreadPoolExecutor(2, thread_name_prefix="cmebot-courtesy")
        self.community = CommunitySlack(runtime)
        # Slack's agent surface (status line, prompts) and answers streamed while an LLM writes them.
        self.agent = AgentSlack(self.runtime)
        self.streams = StreamedAnswers(self.settings, self.store, self.owner)
        self._hourglass_instead: set[int] = set()  # agent jobs whose status line Slack refused (this process)
        self._schedules_tried: set[str] = set()
        self._clients: dict[tuple[str, str], WebClient] = {}
        # Errors that need a person, posted to CMEBOT_ADMIN_CHANNEL by the sweeper (bot/services/health.py).
        self.alerts = admin_alerts(self)
        self._clients_lock = threading.Lock()
        self._consumers: list[Any] = []
        self._stopping = threading.Event()
        self._sweeper: threading.Thread | None = None

    # --- intake (the front, before the ack) ------------------------------------------------------------
    def submit(self, key: str, kind: str, payload: dict[str, Any]) -> bool:
        """Persist the question as a job and queue it; False when the job already exists (a redelivery).

        Only the row is written before the ack returns (one INSERT): the task goes on the queue from a
        background thread. If the process dies in between, the job is still there and the sweeper queues it."""
        job = self.store.create(key, kind, payload)
        if job is None:
            return False
        self._handoff.submit(self._enqueue, "answer", job.id)
        return True

    def _enqueue(self, stage: Stage, job_id: int, delay: float = 0.0) -> None:
        self._enqueue_task(self._answer_task if stage == "answer" else self._post_task, job_id, delay)

    @staticmethod
    def _enqueue_task(task: Any, job_id: int, delay: float = 0.0) -> None:
        # A queue that is down loses nothing: the job row is written, and the sweeper queues it again later.
        try:
            if delay > 0:
                task.schedule((job_id,), delay=delay)
            else:
                task(job_id)
        except Exception as exc:
            log.warning("Could not queue job %s (the sweeper will): %r", job_id, exc)

    # --- workers ---------------------------------------------------------------------------------------
    def start(self, answer_workers_count: int | None = None, post_workers: int | None = None) -> SlackJobs:
        """Start answer and post workers and the sweeper in this process."""
        answers = answer_workers_count or self.settings.answer_workers or answer_workers(self.runtime)
        posts = post_workers or self.settings.post_workers
        self._stopping.clear()
        _LIVE_OWNERS.add(self.owner)
        self._consumers = self.queues.consumers(answers, posts, self.settings.shutdown_grace_seconds)
        for consumer in self._consumers:
            consumer.start()
        self.sweep()  # jobs left by a process that died are taken over at once, not after a sweep interval
        self._sweeper = threading.Thread(target=self._sweep_loop, name="cmebot-sweeper", daemon=True)
        self._sweeper.start()
        log.info("Answer workers: %s compute, %s posting (owner %s)", answers, posts, self.owner)
        return self

    @property
    def running(self) -> bool:
        """Whether this process's answer and post workers are running."""
        return bool(self._consumers)

    def stop(self, grace: float | None = None) -> None:
        """Finish what is in flight within `grace` seconds; hand back whatever is left to the queue."""
        self._stopping.set()
        grace = self.settings.shutdown_grace_seconds if grace is None else grace
        for consumer in self._consumers:
            consumer.shutdown_timeout = grace
            consumer.stop(graceful=True)
        self._consumers = []
        if self._sweeper is not None:
            self._sweeper.join(timeout=5)
            self._sweeper = None
        released = self.store.release_owner(self.owner)
        if released:
            log.info("Handed %s unfinished job(s) back to the queue", released)
        _LIVE_OWNERS.discard(self.owner)
        self.queues.close()

    def _sweep_loop(self) -> None:
        while not self._stopping.wait(self.settings.job_sweep_seconds):
            try:
                self.sweep()
            except Exception as exc:
                if health.is_database_error(exc):
                    # An outage, not a bug: no traceback every few seconds; an alert if it lasts (health.py).
                    since = health.database_unreachable(exc).since
                    log.warning("Job sweep: the database is unreachable (%s) since %s", type(exc).__name__, since)
                else:
                    log.exception("Job sweep failed; trying again in %ss", self.settings.job_sweep_seconds)
            else:
                health.database_reachable()
            self.alerts.tick()

    def sweep(self) -> int:
        """Re-queue jobs whose worker died or whose task was lost. Returns how many were queued again."""
        dead = [owner for owner in self.store.lease_owners() if _is_dead(owner)]
        if dead:
            log.info("Taking over jobs of %s process(es) that are gone", len(dead))
            self.store.expire_owners(dead)
        due = self.store.due(self.settings.job_requeue_seconds)
        for job_id, stage in due:
            self._enqueue(stage, job_id)
        self.store.mark_enqueued([job_id for job_id, _ in due])
        self.remind_reviews()
        self.remind_disclosures()
        self.post_digest()
        self.purge_data()
        return len(due)

    def purge_data(self, now: datetime | None = None) -> Any:
        """Once a day, across every replica (the day is claimed in the event ledger): members' data past its
        retention is deleted (bot/services/retention.py). Returns the report, or None when not this process's turn."""
        from bot.services.retention import purge

        now = now or datetime.now(UTC)
        if now.tzinfo is not None:
            now = now.astimezone(UTC).replace(tzinfo=None)  # naive UTC, as every column
        if not self._claim_schedule(f"data-purge:{now.date().isoformat()}"):
            return None
        try:
            return purge(self.runtime, now=now, actor="system")
        except Exception:
            # The day is claimed: tomorrow's run deletes what today's could not; the other schedules still run.
            log.exception("The daily retention purge failed")
            return None

    def post_digest(self, now: datetime | None = None) -> bool:
        """The weekly gaps digest for curators, once per week across every replica (the week is claimed in the
        event ledger), at CMEBOT_DIGEST_WEEKDAY / CMEBOT_DIGEST_HOUR (UTC). Single-workspace installs only."""
        settings = self.settings
        now = now or datetime.now(UTC)
        if not settings.digest_channel or settings.slack_bot_token is None:
            return False
        if now.weekday() != settings.digest_weekday or now.hour < settings.digest_hour:
            return False
        year, week, _ = now.isocalendar()
        if not self._claim_schedule(f"community-digest:{year}-W{week:02d}"):
            return False
        from bot.services.insights import build_report, chart_png
        from bot.slack.blocks.community import digest_blocks

        client = self.client_for({}, for_posting=True)
        team = self.community.team_of(client)
        report = build_report(self.runtime, timedelta(days=7), self.community.public_checker(client), team_id=team)
        text, blocks = digest_blocks(report)
        client.chat_postMessage(channel=settings.digest_channel, text=text, blocks=blocks, unfurl_links=False)
        chart = chart_png(report, settings.data_dir / "digest" / f"questions-{year}-W{week:02d}.png")
        client.files_upload_v2(
            channel=settings.digest_channel, file=str(chart), title="Questions per week", filename=chart.name
        )
        chart.unlink(missing_ok=True)
        return True

    def _claim_schedule(self, key: str) -> bool:
        """True for the one process, across replicas, that runs a scheduled task for `key`. Each process tries a
        key once: the sweeps every few seconds would otherwise write a refused claim each time."""
        if key in self._schedules_tried:
            return False
        self._schedules_tried.add(key)
        return self.runtime.events.claim(key, kind="schedule")

    def remind_reviews(self, today: date | None = None) -> int:
        """Once a day, across every replica (the day is claimed in the event ledger): community answers past their
        review-by date stop answering, and each verifier gets a DM listing theirs."""
        today = today or date.today()
        if not self._claim_schedule(f"community-review:{today.isoformat()}"):
            return 0
        items = self.runtime.community.review_due(today)
        by_verifier: dict[tuple[str, str], list[str]] = {}
        for item in items:
            if item.verifier_id:
                by_verifier.setdefault((item.team_id, item.verifier_id), []).append(f"#{item.id} {item.question[:120]}")
        for (team, verifier), lines in by_verifier.items():
            text = message("review_due", count=str(len(lines)), items="\n".join(f"• {line}" for line in lines[:20]))
            try:
                self.client_for({"team_id": team}).chat_postMessage(channel=verifier, text=text)
            except Exception as exc:
                log.warning("Could not remind %s of %s answers to review: %r", verifier, len(lines), exc)
        return len(items)

    def remind_disclosures(self, today: date | None = None) -> int:
        """Once a day, across every replica: the planners of a regularly scheduled series hear, by DM, whose
        disclosure falls due within 30 days, once per renewal (bot/services/disclosures.py)."""
        from bot.services.disclosures import DisclosureRecords

        today = today or date.today()
        if not self._claim_schedule(f"disclosure-renewal:{today.isoformat()}"):
            return 0
        records = DisclosureRecords(self.runtime.db)
        due = records.due(today)
        by_person: dict[str, list[str]] = {}
        for item in due:
            for user in dict.fromkeys((item.owner_user_id, *item.shared_with)):
                by_person.setdefault(user, []).append(f"{item.series}: {item.reminder.message}")
        sent = 0
        for user, lines in by_person.items():
            text = message("disclosure_renewal", items="\n".join(f"• {line}" for line in lines[:20]))
            try:
                self.client_for({}, for_posting=True).chat_postMessage(channel=user, text=text)
                sent += 1
            except Exception as exc:
                log.warning("Could not remind %s of %s series disclosures: %r", user, len(lines), exc)
        for item in due:
            records.mark_reminded(item.record_id, item.reminder.due)
        return sent

    @contextlib.contextmanager
    def _lease_kept(self, job_id: int) -> Iterator[None]:
        """Renew the lease every third of its length while the work runs."""
        done = threading.Event()
        lease = self.settings.job_lease_seconds

        def beat() -> None:
            while not done.wait(lease / 3):
                if not self.store.renew(job_id, self.owner, lease):
                    return

        thread = threading.Thread(target=beat, name=f"cmebot-lease-{job_id}", daemon=True)
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join(timeout=5)

    def _backoff(self, attempts: int) -> float:
        return self.settings.retry_base_seconds * (2 ** max(0, attempts))

    # --- the answer stage ------------------------------------------------------------------------------
    def _run_answer(self, job_id: int) -> None:
        job = self.store.take(job_id, "answer", self.owner, self.settings.job_lease_seconds)
        if job is None:
            return
        error = ""
        if job.kind != "command" and job.answer_attempts == 0:
            self._courtesy.submit(self._show_progress, job)
        with self._lease_kept(job_id):
            try:
                messages, question_id = self._compute(job)
            except Exception as exc:
                log.exception("Answering job %s failed (attempt %s)", job_id, job.answer_attempts + 1)
                if job.answer_attempts + 1 < self.settings.answer_max_attempts:
                    delay = self._backoff(job.answer_attempts)
                    if self.store.retry_later(job_id, self.owner, "answer", delay, error=repr(exc)):
                        self._enqueue("answer", job_id, delay)
                    return
                # The job has finally failed: its one message is the apology.
                messages, question_id, error = [notice(message("slack_apology")).as_kwargs()], None, repr(exc)
        if self.store.store_messages(job_id, self.owner, messages, question_id, error):
            self._enqueue("post", job_id)

    def _compute(self, job: Job) -> tuple[list[dict[str, Any]], int | None]:
        payload = job.payload
        if job.kind == "upload":
            return [notice(self._index_uploads(payload)).as_kwargs()], None
        escalate = bool(self.settings.experts_channel)
        audience = self.community.audience(
            self.client_for(payload),
            team=str(payload.get("team_id") or ""),
            channel=str(payload.get("channel") or ""),
            user=str(payload.get("user") or ""),
        )
        if job.kind == "command":
            answer, question_id = self.runtime.ask(
                str(payload.get("text") or ""),
                user_id=str(payload.get("user") or ""),
                channel_id=str(payload.get("channel") or ""),
                surface="slack_command",
                audience=audience,
            )
            messages = answer_messages(answer, question_id, share=True, escalate=escalate)
            return [m.as_kwargs() for m in messages], question_id
        question = question_of(payload)
        text = strip_mentions(question.text)
        if not text:
            # A bare mention or an empty DM: say what the bot does instead of declining a blank question.
            hello = message("slack_hello", user=question.user) + "\n\n" + message("help")
            return [notice(hello).as_kwargs()], None
        if asks_to_check(text):
            checked = self._check_flyer(payload, question)
            if checked is not None:
                return checked, None
        history = thread_history(
            self.client_for(payload),
            question,
            bot_user_id=payload.get("bot_user_id"),
            bot_id=payload.get("bot_id"),
        )
        with self.streams.streaming(self.client_for(payload, for_posting=True), job):
            answer, question_id = self.runtime.ask(
                text,
                history,
                user_id=question.user,
                channel_id=question.channel,
                surface=question.surface,
                audience=audience,
            )
        # In an agent conversation, Slack's own thumbs; elsewhere the Helpful / Not helpful buttons.
        messages = answer_messages(answer, question_id, escalate=escalate, native_feedback=bool(payload.get("agent")))
        return [m.as_kwargs() for m in messages], question_id

    def _check_flyer(self, payload: dict[str, Any], question: SlackQuestion) -> list[dict[str, Any]] | None:
        """ "@bot is this accredited?" in a thread that shares a flyer (a file or a link): the accreditation check
        instead of a general answer. None when the thread shares nothing to check."""
        from bot.checker.service import AccreditationChecker, CheckInputError
        from bot.slack.blocks.checker import check_message
        from bot.slack.checker import check_slack_message, flyer_in_thread

        client = self.client_for(payload)
        own = {"ts": question.ts, "text": question.text, "files": payload.get("files") or []}
        found = flyer_in_thread(client, question.channel, question.thread_ts, own)
        if found is None:
            return None
        text, files = found
        try:
            outcome = check_slack_message(
                self.settings,
                str(client.token or ""),
                text,
                files,
                AccreditationChecker(allow=self.runtime.fetch_allow),
            )
        except CheckInputError as exc:
            return [notice(str(exc)).as_kwargs()]
        fallback, blocks = check_message(outcome.result, outcome.checked)
        return [{"text": fallback, "blocks": blocks}]

    def _index_uploads(self, payload: dict[str, Any]) -> str:
        """Download an admin's shared files and index them as unreviewed uploads; the reply says what happened."""
        from bot.slack.uploads import UploadError, download, upload_folder

        token = self._token(str(payload.get("team_id") or ""), str(payload.get("enterprise_id") or "")) or ""
        folder = upload_folder(self.settings, str(payload.get("user") or ""))
        saved, problems = [], []
        for entry in payload.get("files") or []:
            try:
                saved.append(download(self.settings, token, entry, folder))
            except UploadError as exc:
                problems.append(str(exc))
            except OSError as exc:
                problems.append(f"{entry.get('name')}: could not be fetched ({exc})")
        report = self.runtime.index(saved) if saved else None
        from bot.knowledge.loaders import content_hash

        for path in saved:
            self.runtime.community.record_upload(
                team_id=str(payload.get("team_id") or ""),
                doc_id=self.runtime.indexer.doc_id_for(path),
                name=path.name,
                uploader=str(payload.get("user") or ""),
                content_hash=content_hash(path.read_bytes()),
            )
        lines = []
        if report is not None:
            added = len(report.added) + len(report.updated)
            lines.append(
                f"Indexed {added} of {len(saved)} file(s) as *unreviewed uploads*: I use them, labelled as such, but "
                "never as the only source of a compliance answer, until an expert verifies them in my App Home."
            )
            lines += [f"• Not indexed: {Path(name).name}: {reason}" for name, reason in report.skipped]
            lines += [f"• Held back for review (instructions to the bot): {Path(n).name}" for n, _ in report.held_back]
        lines += [f"• Not taken: {problem}" for problem in problems]
        return "\n".join(lines) or "I found no file to add in that message."

    # --- the post stage --------------------------------------------------------------------------------
    def _run_post(self, job_id: int) -> None:
        job = self.store.take(job_id, "post", self.owner, self.settings.job_lease_seconds)
        if job is None:
            return
        with self._lease_kept(job_id):
            if job.kind == "command":
                self._respond(job)
            else:
                self._post_in_thread(job)

    def _post_in_thread(self, job: Job) -> None:
        client = self.client_for(job.payload, for_posting=True)
        posted = list(job.posted)
        try:
            if job.uncertain:
                posted = self._look_in_thread(client, job, posted)
                self.store.record_posted(job.id, self.owner, posted)
                self.store.mark_checked(job.id, self.owner)
            for part, kwargs in enumerate(job.messages or []):
                if part < len(posted):
                    continue
                posted.append(self._post_part(client, job, part, kwargs))
                self.store.record_posted(job.id, self.owner, posted)
        except SlackApiError as exc:
            status = exc.response.status_code
            error = str(exc.response.get("error") or "")
            if status == 429:
                delay = _retry_after(exc.response.headers)
                log.info("Rate limited posting job %s; back in %.1fs", job.id, delay)
                if self.store.wait_then_retry(job.id, self.owner, "post", delay):
                    self._enqueue("post", job.id, delay)
                return
            if status >= 500 or error in RETRYABLE_ERRORS:
                self._post_failed(client, job, posted, f"{status} {error}", uncertain=True)
            else:
                # channel_not_found, invalid_blocks, invalid_auth...: no retry will fix these.
                self._give_up(client, job, posted, error or str(status))
            return
        except Exception as exc:  # timeouts and dropped connections: the post may have landed
            self._post_failed(client, job, posted, repr(exc), uncertain=True)
            return
        self.store.finish(job.id, self.owner, "posted")
        self._remove_progress(client, job)

    def _post_part(self, client: WebClient, job: Job, part: int, kwargs: dict[str, Any]) -> str:
        payload = job.payload
        metadata = {"event_type": METADATA_EVENT, "event_payload": {"job": job.key, "part": part}}
        if part == 0 and recorded_stream(job):
            # The answer was streamed into the thread as the LLM wrote it: that message becomes the answer
            # (bot/slack/streaming.py), rather than a second one beside it.
            streamed = self.streams.finish(client, job, kwargs, metadata)
            if streamed:
                return streamed
        reply = client.chat_postMessage(
            channel=str(payload["channel"]),
            thread_ts=payload.get("thread_ts"),
            unfurl_links=False,
            unfurl_media=False,
            metadata=metadata,
            **kwargs,
        )
        return str(reply.get("ts") or "")

    def _look_in_thread(self, client: WebClient, job: Job, posted: list[str]) -> list[str]:
        """The parts of this job's answer already in the conversation, found by their metadata."""
        payload = job.payload
        channel = str(payload["channel"])
        if payload.get("thread_ts"):
            reply = client.conversations_replies(
                channel=channel, ts=str(payload["thread_ts"]), include_all_metadata=True, limit=200
            )
        else:
            reply = client.conversations_history(
                channel=channel, oldest=str(payload.get("ts") or "0"), include_all_metadata=True, limit=200
            )
        found: dict[int, str] = {}
        for msg in reply.get("messages") or []:
            meta = msg.get("metadata") or {}
            event_payload = meta.get("event_payload") or {}
            if meta.get("event_type") == METADATA_EVENT and event_payload.get("job") == job.key:
                with contextlib.suppress(TypeError, ValueError):
                    found[int(event_payload.get("part"))] = str(msg.get("ts") or "")
        seen = list(posted)
        while len(seen) in found:
            seen.append(found[len(seen)])
        if len(seen) > len(posted):
            log.info("Job %s: %s part(s) were already posted; not posting them again", job.id, len(seen) - len(posted))
        return seen

    def _post_failed(self, client: WebClient, job: Job, posted: list[str], error: str, *, uncertain: bool) -> None:
        attempts = job.post_attempts + 1
        if attempts < self.settings.post_max_attempts:
            delay = self._backoff(job.post_attempts)
            log.warning("Posting job %s failed (%s); attempt %s again in %.1fs", job.id, error, attempts + 1, delay)
            if self.store.retry_later(job.id, self.owner, "post", delay, error=error, uncertain=uncertain):
                self._enqueue("post", job.id, delay)
            return
        log.error("Posting job %s failed %s times (%s); giving up", job.id, attempts, error)
        with contextlib.suppress(Exception):
            posted = self._look_in_thread(client, job, posted)
        if len(posted) >= len(job.messages or []):
            self.store.record_posted(job.id, self.owner, posted)
            self.store.finish(job.id, self.owner, "posted")
            return
        self._give_up(client, job, posted, error)

    def _give_up(self, client: WebClient, job: Job, posted: list[str], error: str) -> None:
        """The job has finally failed. If nothing of its answer reached the member, one apology (not retried)."""
        log.error(
            "Could not answer a %s question in %s (job %s): %s",
            job.kind,
            job.payload.get("channel"),
            job.id,
            error,
        )
        if not posted:
            # A half-written streamed answer becomes the apology (part 0 goes into the stream), never sits beside it.
            part = 0 if recorded_stream(job) else len(job.messages or [])
            with contextlib.suppress(Exception):
                self._post_part(client, job, part, notice(message("slack_apology")).as_kwargs())
        self.store.finish(job.id, self.owner, "failed", error=error)
        self._remove_progress(client, job)

    def _respond(self, job: Job) -> None:
        """A /cme answer through the command's response_url (see the module docstring for the guarantee)."""
        url = str(job.payload.get("response_url") or "")
        handlers = [CountSlackErrors(), *default_retry_handlers()]  # counted for /metrics, as the Web API calls
        webhook = WebhookClient(url, timeout=int(self.settings.slack_timeout), retry_handlers=handlers)
        posted = list(job.posted)
        for part, kwargs in enumerate(job.messages or []):
            if part < len(posted):
                continue
            try:
                reply = webhook.send(response_type="ephemeral", replace_original=False, **kwargs)
            except Exception as exc:
                # The request may have reached Slack: posting again could show the answer twice.
                log.warning("/cme answer for job %s may not have arrived (%r); not retried", job.id, exc)
                self.store.finish(job.id, self.owner, "failed", error=repr(exc))
                return
            if reply.status_code >= 400:
                self._respond_failed(job, f"{reply.status_code} {reply.body[:200]}")
                return
            posted.append("response_url")
            self.store.record_posted(job.id, self.owner, posted)
        self.store.finish(job.id, self.owner, "posted")

    def _respond_failed(self, job: Job, error: str) -> None:
        attempts = job.post_attempts + 1
        if attempts < self.settings.post_max_attempts and not error.startswith("404"):
            delay = self._backoff(job.post_attempts)
            if self.store.retry_later(job.id, self.owner, "post", delay, error=error):
                self._enqueue("post", job.id, delay)
            return
        log.error("/cme answer for job %s could not be delivered: %s", job.id, error)
        self.store.finish(job.id, self.owner, "failed", error=error)

    # --- progress reaction -----------------------------------------------------------------------------
    def _show_progress(self, job: Job) -> None:
        with contextlib.suppress(Exception):
            client = self.client_for(job.payload, for_posting=True)
            # In an agent conversation the thread's status line says what is happening; the hourglass where
            # Slack refuses it.
            if job.payload.get("agent"):
                if self.agent.set_status(client, job.payload):
                    return
                self._hourglass_instead.add(job.id)
            self._react(client, "reactions_add", job)

    def _remove_progress(self, client: WebClient, job: Job) -> None:
        if job.kind != "command":
            with contextlib.suppress(Exception):
                # Slack clears the status when the bot replies; cleared here too, since an answer may arrive by
                # updating a streamed message, or as an apology.
                if job.payload.get("agent"):
                    hourglass = job.id in self._hourglass_instead
                    self._hourglass_instead.discard(job.id)
                    if self.agent.clear_status(client, job.payload) and not hourglass:
                        return
                self._react(client, "reactions_remove", job)

    @staticmethod
    def _react(client: WebClient, method: str, job: Job) -> None:
        # Progress is a courtesy: no reactions:write, or the message gone, must not stop the answer.
        try:
            getattr(client, method)(
                channel=str(job.payload["channel"]), timestamp=str(job.payload["ts"]), name=PROGRESS_REACTION
            )
        except SlackApiError as exc:
            log.info("%s failed for job %s: %s", method, job.id, exc.response.get("error"))

    # --- Slack clients ---------------------------------------------------------------------------------
    def client_for(self, payload: dict[str, Any], *, for_posting: bool = False) -> WebClient:
        """A Web API client with the bot token of the job's workspace.

        The posting client has no connection-error retries: a connection dropped after the request was sent
        may have posted, so it is the job (which looks in the thread first) that retries, not the client."""
        team, enterprise = str(payload.get("team_id") or ""), str(payload.get("enterprise_id") or "")
        key = (f"{team}:{enterprise}", "post" if for_posting else "read")
        with self._clients_lock:
            client = self._clients.get(key)
            if client is None:
                client = self._clients[key] = self._make_client(self._token(team, enterprise), for_posting)
            return client

    def _make_client(self, token: str | None, for_posting: bool) -> WebClient:
        from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler

        # CountSlackErrors first: it sees every failed attempt, for /metrics (bot/slack/api_metrics.py).
        handlers: list[Any] = [CountSlackErrors(), ShortRateLimitRetryHandler(self.settings.rate_limit_inline_seconds)]
        if not for_posting:
            handlers.append(ConnectionErrorRetryHandler(max_retry_count=2))
        return WebClient(
            token=token,
            base_url=self.settings.slack_api_url,
            timeout=int(max(1, self.settings.slack_timeout)),
            retry_handlers=handlers,
        )

    def _token(self, team: str, enterprise: str) -> str | None:
        # The same choice as bot/slack/app.py: OAuth installations when a client id and secret are set.
        settings = self.settings
        if settings.multi_workspace:
            from bot.slack.installations import installation_store

            store = installation_store(settings, self.runtime.db.engine)
            bot = store.find_bot(enterprise_id=enterprise or None, team_id=team or None)
            if bot is not None:
                return bot.bot_token
            log.error("No installation for team %s; its answers cannot be posted", team or "?")
            return None
        return settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None


def question_of(payload: dict[str, Any]) -> SlackQuestion:
    return SlackQuestion(
        channel=str(payload["channel"]),
        user=str(payload.get("user") or ""),
        ts=str(payload["ts"]),
        thread_ts=payload.get("thread_ts"),
        text=str(payload.get("text") or ""),
        surface=str(payload.get("surface") or "slack"),
    )


def question_payload(question: SlackQuestion, **context: Any) -> dict[str, Any]:
    return asdict(question) | {name: value for name, value in context.items() if value}


def _is_dead(owner: str) -> bool:
    """True only when the lease owner is certainly gone: a process on this host that no longer exists, or an
    earlier pipeline of this very process that was stopped or abandoned."""
    import socket

    parsed = owner_pid(owner)
    if parsed is None:
        return False
    host, pid = parsed
    if host != socket.gethostname()[:60]:
        return False  # another machine: its lease running out is the only sign
    if pid == os.getpid():
        return owner not in _LIVE_OWNERS
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


_pipelines: weakref.WeakKeyDictionary[Runtime, SlackJobs] = weakref.WeakKeyDictionary()
_pipelines_lock = threading.Lock()


def jobs_for(runtime: Runtime) -> SlackJobs:
    """The runtime's job pipeline (one per runtime: the front and the workers of a process share it)."""
    with _pipelines_lock:
        jobs = _pipelines.get(runtime)
        if jobs is None:
            jobs = _pipelines[runtime] = SlackJobs(runtime)
        return jobs
