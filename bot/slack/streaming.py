"""Answers streamed into Slack while an LLM writes them (chat.startStream / appendStream / stopStream), without
giving up the job pipeline's guarantee of exactly one answer (bot/slack/jobs.py).

What is streamed is a preview. The answer the member keeps is the job's first message, computed as always (the
grounding check included, and its extractive fallback): the post stage turns the streamed message into it with
chat.stopStream and then chat.update (metadata naming the job included), instead of posting a new message.
The durability rules:

* the stream's message ts is written to the job (payload "stream") as soon as chat.startStream answers, and a
  {"pending": true} mark just before the call, while the job's lease is held;
* a job taken over after its worker died never starts a second stream: its answer goes into the recorded message;
* a chat.startStream whose outcome is unknown (timeout, 5xx) leaves the pending mark: before posting, the post
  stage looks in the thread for a message of ours after the question that names no job, and finishes that one;
* a workspace where streaming is refused (not_allowed, unknown_method, missing_scope...) is answered the classic
  way (chat.postMessage), and not asked to stream again for a while;
* the job's metadata goes on the message only with its final content (chat.update), so finding it by metadata
  after a crash means the final answer is there, never a half-written or ungrounded preview."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answering.llm import streaming_answer_to
from bot.config import Settings
from bot.services.jobs import Job, JobStore

log = logging.getLogger(__name__)

# Errors that say streaming is not available here: nothing was posted, and the answer is posted whole instead.
STREAMING_UNAVAILABLE = frozenset(
    {
        "not_allowed",
        "not_allowed_token_type",
        "unknown_method",
        "method_not_supported_for_channel_type",
        "missing_scope",
        "feature_not_enabled",
        "team_access_not_granted",
        "access_denied",
        "invalid_arguments",
    }
)
# ok:false errors after which the stream may exist all the same (Slack failed while handling the call).
_OUTCOME_UNKNOWN = frozenset({"internal_error", "fatal_error", "service_unavailable", "request_timeout"})
_UNAVAILABLE_SECONDS = 3600.0  # how long a workspace that refused streaming is answered the classic way
_FIRST_CHARS = 40  # enough text to be worth opening a stream for
_APPEND_EVERY = 0.5  # seconds between chat.appendStream calls (Slack rate-limits them)


def recorded_stream(job: Job) -> dict[str, Any] | None:
    stream = job.payload.get("stream")
    return stream if isinstance(stream, dict) else None


class AnswerStream:
    """One answer streamed into its thread while the model writes it. Every failure here only ends the preview:
    the answer itself is still computed and posted (or the streamed message replaced) by the job."""

    def __init__(
        self,
        client: WebClient,
        payload: dict[str, Any],
        record: Callable[[dict[str, Any] | None], bool],
        on_unavailable: Callable[[str], None],
    ) -> None:
        self.client = client
        self.channel = str(payload["channel"])
        self.thread_ts = str(payload["thread_ts"])
        self.user = str(payload.get("user") or "") or None
        self.team = str(payload.get("team_id") or payload.get("enterprise_id") or "") or None
        self._record = record
        self._on_unavailable = on_unavailable
        self._lock = threading.Lock()
        self._buffer = ""
        self._last = 0.0
        self.ts: str | None = None
        self.closed = False

    def feed(self, text: str) -> None:
        # Called from the model's thread, which may still be writing after the job gave up on it: hence the lock.
        with self._lock:
            if self.closed:
                return
            self._buffer += text
            if self.ts is None and len(self._buffer.strip()) < _FIRST_CHARS:
                return
            if time.monotonic() - self._last < _APPEND_EVERY:
                return
            self._flush()

    def close(self) -> None:
        """The model is done: show the rest of its text until the post stage puts the final answer in place."""
        with self._lock:
            if not self.closed and self.ts is not None and self._buffer:
                self._flush()
            self.closed = True

    def _flush(self) -> None:
        text, self._buffer = self._buffer, ""
        self._last = time.monotonic()
        if self.ts is None:
            self._start(text)
            return
        try:
            self.client.chat_appendStream(channel=self.channel, ts=self.ts, markdown_text=text)
        except Exception as exc:
            # The preview stops here; the final update replaces whatever it shows.
            log.info("Streaming into %s stopped: %r", self.channel, _reason(exc))
            self.closed = True

    def _start(self, text: str) -> None:
        # The mark comes first: if this worker dies during the call, whoever takes over knows to look for it.
        if not self._record({"pending": True}):
            self.closed = True  # the lease was lost: the job is someone else's now
            return
        try:
            reply = self.client.chat_startStream(
                channel=self.channel,
                thread_ts=self.thread_ts,
                markdown_text=text,
                recipient_user_id=self.user,
                recipient_team_id=self.team,
            )
        except SlackApiError as exc:
            self.closed = True
            error, status = str(exc.response.get("error") or ""), exc.response.status_code
            if status == 429 or (status < 500 and error not in _OUTCOME_UNKNOWN):
                # Slack answered "no": certainly nothing was posted, so the mark goes and the answer is posted whole.
                self._record(None)
                if error in STREAMING_UNAVAILABLE:
                    self._on_unavailable(error)
            log.info(
                "No stream in %s (%s); the answer is posted whole", self.channel, error or exc.response.status_code
            )
            return
        except Exception as exc:
            # Timeout or dropped connection: the stream may exist. The pending mark stays for the post stage.
            self.closed = True
            log.info("chat.startStream in %s had no answer (%r); the post stage will look", self.channel, exc)
            return
        self.ts = str(reply.get("ts") or "") or None
        if self.ts is None or not self._record({"ts": self.ts}):
            self.closed = True


class StreamedAnswers:
    """The job pipeline's side of streaming: when to stream, and turning a streamed message into the answer."""

    def __init__(self, settings: Settings, store: JobStore, owner: str) -> None:
        self.settings = settings
        self.store = store
        self.owner = owner
        self._unavailable: dict[str, float] = {}
        self._lock = threading.Lock()

    def wanted(self, job: Job) -> bool:
        payload = job.payload
        if not (self.settings.llm and self.settings.stream_answers) or job.kind not in ("slack_mention", "slack_dm"):
            return False
        if not payload.get("thread_ts") or "stream" in payload:
            return False  # no thread to stream into, or a job taken over: its stream (if any) is finished later
        with self._lock:
            until = self._unavailable.get(_team(payload), 0.0)
        return until <= time.monotonic()

    @contextlib.contextmanager
    def streaming(self, client: WebClient, job: Job) -> Iterator[AnswerStream | None]:
        """While the block runs, an LLM answer for `job` streams into its thread (when wanted)."""
        if not self.wanted(job):
            yield None
            return
        team = _team(job.payload)

        def record(stream: dict[str, Any] | None) -> bool:
            payload = {k: v for k, v in job.payload.items() if k != "stream"}
            if stream is not None:
                payload["stream"] = stream
            job.payload.clear()
            job.payload.update(payload)
            return self.store.update_payload(job.id, self.owner, payload)

        def unavailable(error: str) -> None:
            log.info("Streaming is not available in workspace %s (%s); answers are posted whole", team or "?", error)
            with self._lock:
                self._unavailable[team] = time.monotonic() + _UNAVAILABLE_SECONDS

        stream = AnswerStream(client, job.payload, record, unavailable)
        try:
            with streaming_answer_to(stream.feed):
                yield stream
        finally:
            stream.close()

    def finish(self, client: WebClient, job: Job, kwargs: dict[str, Any], metadata: dict[str, Any]) -> str | None:
        """Make the job's streamed message its first part (`kwargs`: text and blocks). Returns the message ts, or
        None when there is no streamed message to finish (never started, or gone): then the caller posts."""
        stream = recorded_stream(job) or {}
        ts = str(stream.get("ts") or "")
        channel = str(job.payload["channel"])
        if not ts and stream.get("pending"):
            ts = self._adopt(client, job)
        if not ts:
            return None
        try:
            client.chat_stopStream(channel=channel, ts=ts)
        except SlackApiError as exc:
            if _transient(exc):
                raise
            # Already stopped (an earlier attempt, or Slack ended it), or gone: the update below tells which.
            log.info("chat.stopStream for job %s: %s", job.id, exc.response.get("error"))
        try:
            client.chat_update(channel=channel, ts=ts, metadata=metadata, **kwargs)
        except SlackApiError as exc:
            if exc.response.get("error") == "message_not_found":
                log.info("Job %s: its streamed message is gone; posting the answer", job.id)
                return None
            raise
        return ts

    def _adopt(self, client: WebClient, job: Job) -> str:
        """After a chat.startStream with no answer: our message in the thread after the question that names no job
        (a finished answer always does) is that stream. Recorded, so a later retry need not look again."""
        payload = job.payload
        reply = client.conversations_replies(
            channel=str(payload["channel"]), ts=str(payload["thread_ts"]), include_all_metadata=True, limit=200
        )
        after = float(payload.get("ts") or 0)
        for msg in reply.get("messages") or []:
            ours = (payload.get("bot_user_id") and msg.get("user") == payload.get("bot_user_id")) or (
                payload.get("bot_id") and msg.get("bot_id") == payload.get("bot_id")
            )
            with contextlib.suppress(TypeError, ValueError):
                if ours and not msg.get("metadata") and float(msg.get("ts") or 0) > after:
                    ts = str(msg["ts"])
                    log.info("Job %s: found its stream %s in the thread", job.id, ts)
                    payload["stream"] = {"ts": ts}
                    self.store.update_payload(job.id, self.owner, payload)
                    return ts
        return ""


def _team(payload: dict[str, Any]) -> str:
    return str(payload.get("team_id") or payload.get("enterprise_id") or "")


def _transient(exc: SlackApiError) -> bool:
    from bot.slack.jobs import RETRYABLE_ERRORS  # the pipeline's own list of "try again" errors

    status = exc.response.status_code
    return status >= 500 or status == 429 or exc.response.get("error") in RETRYABLE_ERRORS


def _reason(exc: Exception) -> str:
    return str(exc.response.get("error")) if isinstance(exc, SlackApiError) else repr(exc)
