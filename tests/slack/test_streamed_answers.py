"""Answers streamed while an LLM writes them (chat.startStream / appendStream / stopStream), over real HTTP: the real
LangChain client streams from the OpenAI-compatible stand-in, the bot streams into the Slack stand-in.

Whatever happens, the member ends up with one answer message: the streamed one, turned into the checked final
answer through the ts recorded on the job (grounding fallback, worker takeover, lost responses), or a classic post
where streaming is not available."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import update

from bot.runtime import Runtime
from bot.services.jobs import Job
from bot.slack.jobs import METADATA_EVENT
from bot.storage.models._types import utcnow
from bot.storage.models.jobs import AnswerJob
from tests.support.openai_server import OpenAIStandIn
from tests.support.slack_api import TEAM_ID, SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, mention_event, message_event

QUESTION = "How far back must faculty disclose financial relationships?"
UNGROUNDED = "Faculty must disclose every financial relationship from the past 36 months, for 5 credits [1]."


@pytest.fixture
def llm() -> Iterator[OpenAIStandIn]:
    with OpenAIStandIn() as server:
        yield server
        server.release.set()  # a stalled stream (if any) lets its handler thread go


def _harness(runtime: Runtime, api: SlackApiStandIn, **settings: Any) -> SlackAppHarness:
    return SlackAppHarness(runtime, api, agent_view="on", **settings)


@pytest.fixture
def app(runtime: Runtime, slack_api: SlackApiStandIn, llm: OpenAIStandIn) -> Iterator[SlackAppHarness]:
    harness = _harness(runtime, slack_api, llm="openai:gpt-4o-mini", llm_base_url=llm.base_url, llm_timeout=3.0)
    try:
        yield harness
    finally:
        harness.stop()


@pytest.fixture
def offline_app(runtime: Runtime, slack_api: SlackApiStandIn) -> Iterator[SlackAppHarness]:
    harness = _harness(runtime, slack_api)
    try:
        yield harness
    finally:
        harness.stop()


def _streamed_text(api: SlackApiStandIn, channel: str, ts: str) -> str:
    """Everything sent into `channel`'s stream `ts` before it was finished (each test streams in its own DM)."""
    text = ""
    for call in api.calls:
        started = call.method == "chat.startStream" and call.args.get("channel") == channel
        appended = call.method == "chat.appendStream" and call.args.get("ts") == ts
        if call.ok and (started or appended):
            text += str(call.args.get("markdown_text") or "")
    return text


def _job(app: SlackAppHarness, event_id: str) -> Job:
    job = app.runtime.jobs.by_key(f"slack-event:{event_id}")
    assert job is not None
    return job


def _is_final_answer(message: dict[str, Any], job: Job) -> bool:
    meta = message.get("metadata") or {}
    return meta.get("event_type") == METADATA_EVENT and meta["event_payload"] == {"job": job.key, "part": 0}


def _ask(app: SlackAppHarness, channel: str, event_id: str, user: str = "U1") -> dict[str, Any]:
    event = message_event(QUESTION, channel=channel, user=user)
    assert app.send_event(event, event_id=event_id).status == 200
    return event


def test_an_llm_answer_streams_into_its_thread_and_becomes_the_answer(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    event = _ask(app, "D0STREAM1", "EvSTREAM1")
    app.wait_for_jobs()
    [start] = slack_api.calls_to("chat.startStream", ok=True)
    assert start.args["channel"] == "D0STREAM1" and start.args["thread_ts"] == event["ts"]
    assert (start.args["recipient_user_id"], start.args["recipient_team_id"]) == ("U1", TEAM_ID)
    [message] = slack_api.posted("D0STREAM1")  # one message: the stream, finished as the answer
    job = _job(app, "EvSTREAM1")
    assert job.payload["stream"] == {"ts": message["ts"]} and job.posted == [message["ts"]]
    assert _is_final_answer(message, job) and not slack_api.streaming("D0STREAM1", message["ts"])
    assert _streamed_text(slack_api, "D0STREAM1", message["ts"]).startswith("Per the sources:")
    assert message["text"].startswith("Per the sources:")
    assert any(b["type"] == "context_actions" for b in message["blocks"])  # native thumbs in the agent thread
    assert not slack_api.calls_to("chat.postMessage")
    methods = slack_api.methods()
    assert methods.index("chat.startStream") < methods.index("chat.stopStream") < methods.index("chat.update")
    # The status line went up while searching and came down once the answer was in place (just after the job is
    # recorded as posted, so wait for that call).
    slack_api.wait_for("assistant.threads.setStatus", count=2)
    assert [c.args["status"] for c in slack_api.calls_to("assistant.threads.setStatus")][-1] == ""


def test_a_mention_streams_in_its_channel_thread_with_the_classic_buttons(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    event = mention_event(f"<@U0BOT> {QUESTION}", channel="C0STREAM", user="U7")
    app.send_event(event)
    app.wait_for_jobs()
    [start] = slack_api.calls_to("chat.startStream", ok=True)
    # Outside a DM Slack needs to know who the stream is for.
    assert (start.args["thread_ts"], start.args["recipient_user_id"], start.args["recipient_team_id"]) == (
        event["ts"],
        "U7",
        TEAM_ID,
    )
    [message] = slack_api.posted("C0STREAM")
    assert message["thread_ts"] == event["ts"] and message["metadata"]["event_type"] == METADATA_EVENT
    assert [b["type"] for b in message["blocks"]][-1] == "actions"  # mentions keep Helpful / Not helpful
    assert slack_api.calls_to("reactions.add") and not slack_api.calls_to("assistant.threads.setStatus")


def test_grounding_fallback_replaces_the_streamed_answer(
    app: SlackAppHarness, slack_api: SlackApiStandIn, llm: OpenAIStandIn
) -> None:
    llm.mode, llm.fixed_text = "fixed", UNGROUNDED
    _ask(app, "D0STREAM2", "EvSTREAM2")
    app.wait_for_jobs()
    [message] = slack_api.posted("D0STREAM2")
    assert "36 months" in _streamed_text(slack_api, "D0STREAM2", message["ts"])  # the member saw the model's draft...
    # ...and it was replaced by the extractive answer, through the recorded ts.
    assert "36 months" not in message["text"] and "24" in message["text"]
    assert "stated something the sources do not" in str(message["blocks"])
    assert _is_final_answer(message, _job(app, "EvSTREAM2"))
    assert not slack_api.calls_to("chat.postMessage")


def test_an_insufficient_verdict_is_never_streamed(
    app: SlackAppHarness, slack_api: SlackApiStandIn, llm: OpenAIStandIn
) -> None:
    llm.mode = "insufficient"
    _ask(app, "D0STREAM3", "EvSTREAM3")
    app.wait_for_jobs()
    assert not slack_api.calls_to("chat.startStream")
    [message] = slack_api.posted("D0STREAM3")
    assert "INSUFFICIENT" not in message["text"] and _is_final_answer(message, _job(app, "EvSTREAM3"))


@pytest.mark.parametrize("error", ["not_allowed", "unknown_method", "missing_scope"])
def test_without_streaming_the_answer_is_posted_whole(
    app: SlackAppHarness, slack_api: SlackApiStandIn, error: str
) -> None:
    slack_api.refuse("chat.startStream", error=error)
    _ask(app, "D0STREAM4", "EvSTREAM4a")
    app.wait_for_jobs()
    [message] = slack_api.posted("D0STREAM4")
    assert _is_final_answer(message, _job(app, "EvSTREAM4a"))
    assert "stream" not in _job(app, "EvSTREAM4a").payload
    [post] = slack_api.calls_to("chat.postMessage")
    assert post.args["thread_ts"] == message["thread_ts"]
    # The workspace is not asked to stream again for a while.
    _ask(app, "D0STREAM4", "EvSTREAM4b")
    app.wait_for_jobs()
    assert len(slack_api.calls_to("chat.startStream")) == 1
    assert len([m for m in slack_api.posted("D0STREAM4") if (m.get("metadata") or {}).get("event_type")]) == 2


def test_a_start_whose_answer_was_lost_is_found_and_finished(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    # Slack created the stream but answered 500: its ts never reached the worker. The post stage finds it in the
    # thread (ours, after the question, naming no job) and finishes it rather than posting a second answer.
    slack_api.fail_next("chat.startStream", status=500, after_effect=True)
    _ask(app, "D0STREAM5", "EvSTREAM5")
    app.wait_for_jobs()
    [message] = slack_api.posted("D0STREAM5")
    job = _job(app, "EvSTREAM5")
    assert _is_final_answer(message, job) and job.payload["stream"] == {"ts": message["ts"]}
    assert not slack_api.streaming("D0STREAM5", message["ts"])
    assert not slack_api.calls_to("chat.postMessage")


@pytest.mark.parametrize("landed", [False, True], ids=["update-lost", "update-landed"])
def test_a_failed_finish_is_retried_on_the_same_message(
    app: SlackAppHarness, slack_api: SlackApiStandIn, landed: bool
) -> None:
    # The post stage stopped the stream, then chat.update failed with a 500 (landed or not): the retry reads the
    # thread, and either finds the final answer by its metadata or updates the same message again.
    slack_api.fail_next("chat.update", status=500, after_effect=landed)
    _ask(app, "D0STREAM6", "EvSTREAM6")
    app.wait_for_jobs()
    [message] = slack_api.posted("D0STREAM6")
    assert _is_final_answer(message, _job(app, "EvSTREAM6"))
    assert len(slack_api.calls_to("chat.update")) == (1 if landed else 2)
    assert not slack_api.calls_to("chat.postMessage")


def test_a_stream_whose_worker_died_mid_answer_is_finished_by_the_next_worker(
    app: SlackAppHarness, slack_api: SlackApiStandIn, llm: OpenAIStandIn
) -> None:
    # The model stops mid-answer with the stream open; then the worker's process is gone (its lease names a pid
    # that no longer exists on this host). The sweeper hands the job to another worker, which answers without
    # opening a second stream and puts its answer into the recorded one.
    llm.stall_after, llm.slow_seconds = 8, 30.0
    event = _ask(app, "D0STREAM7", "EvSTREAM7")
    assert llm.stalled.wait(20)
    slack_api.wait_for("chat.startStream", ok=True)
    deadline = time.monotonic() + 10
    while "ts" not in (_job(app, "EvSTREAM7").payload.get("stream") or {}):
        assert time.monotonic() < deadline, "the stream's ts was not recorded on the job"
        time.sleep(0.05)
    ts = _job(app, "EvSTREAM7").payload["stream"]["ts"]
    assert slack_api.streaming("D0STREAM7", ts)  # half-written
    llm.stall_after = None  # the next worker's model answers normally
    with app.runtime.db.session() as session:
        session.execute(
            update(AnswerJob).where(AnswerJob.key == "slack-event:EvSTREAM7").values(lease_owner=_dead_owner())
        )
    app.wait_for_jobs(timeout=60)
    [message] = slack_api.posted("D0STREAM7")
    assert message["ts"] == ts and message["thread_ts"] == event["ts"]
    assert _is_final_answer(message, _job(app, "EvSTREAM7")) and not slack_api.streaming("D0STREAM7", ts)
    assert len(slack_api.calls_to("chat.startStream")) == 1
    assert not slack_api.calls_to("chat.postMessage")
    llm.release.set()
    app.stop()  # the stalled worker gives up (LLM timeout) and must not have posted or changed anything
    assert slack_api.posted("D0STREAM7") == [message]


def test_a_recorded_stream_is_finished_after_a_crash_even_offline(
    offline_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    # A job whose worker died after opening a stream (the ts on the job): the process restarts; its answer
    # (here extractive: no LLM now) goes into that message. Nothing beside it.
    offline_app.stop(drain=False)
    offline_app.start(workers=False)
    event = _ask(offline_app, "D0STREAM8", "EvSTREAM8")
    ts = _open_stream(slack_api, "D0STREAM8", event["ts"])
    _crash_while(offline_app, "EvSTREAM8", state="answering", stream={"ts": ts})
    offline_app.wait_for_jobs()
    [message] = slack_api.posted("D0STREAM8")
    assert message["ts"] == ts and _is_final_answer(message, _job(offline_app, "EvSTREAM8"))
    assert "24" in message["text"] and "half-written" not in message["text"]
    assert not slack_api.streaming("D0STREAM8", ts)


def test_a_stream_becomes_the_apology_when_answering_finally_fails(
    offline_app: SlackAppHarness, slack_api: SlackApiStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    offline_app.stop(drain=False)
    offline_app.start(workers=False)
    event = _ask(offline_app, "D0STREAM9", "EvSTREAM9")
    ts = _open_stream(slack_api, "D0STREAM9", event["ts"])

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the engine fell over")

    monkeypatch.setattr(offline_app.runtime, "ask", broken)
    _crash_while(offline_app, "EvSTREAM9", state="answering", stream={"ts": ts})
    offline_app.wait_for_jobs()
    [message] = slack_api.posted("D0STREAM9")
    assert message["ts"] == ts and message["text"].startswith("Sorry, something went wrong")
    assert not slack_api.streaming("D0STREAM9", ts)


def _open_stream(api: SlackApiStandIn, channel: str, thread_ts: str) -> str:
    """A stream a worker opened before it died: half an answer, still open."""
    client = WebClient(token="xoxb-test", base_url=api.url)
    return str(client.chat_startStream(channel=channel, thread_ts=thread_ts, markdown_text="half-written")["ts"])


def _crash_while(app: SlackAppHarness, event_id: str, *, state: str, stream: dict[str, Any]) -> None:
    """The job's worker died in `state` after recording `stream`; a new process (workers and sweeper) starts."""
    job = _job(app, event_id)
    with app.runtime.db.session() as session:
        session.execute(
            update(AnswerJob)
            .where(AnswerJob.id == job.id)
            .values(
                state=state,
                payload={**job.payload, "stream": stream},
                lease_owner=_dead_owner(),
                lease_until=utcnow() + timedelta(hours=1),
            )
        )
    app.stop(drain=False)
    app.start()


def _dead_owner() -> str:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return f"{socket.gethostname()[:60]}:{pid}:deadbeef"
        except PermissionError:
            pass
        pid += 1
