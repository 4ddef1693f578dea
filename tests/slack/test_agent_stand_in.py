"""The stand-in's agent-surface methods, exercised with the real slack_sdk client: assistant.threads.* and the
chat streaming lifecycle behave as Slack documents them, faults included, so the bot's tests can trust them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.support.slack_api import BOT_USER_ID, SlackApiStandIn


@pytest.fixture
def api() -> Iterator[SlackApiStandIn]:
    with SlackApiStandIn() as stand_in:
        yield stand_in


@pytest.fixture
def client(api: SlackApiStandIn) -> WebClient:
    return WebClient(token="xoxb-test", base_url=api.url)


def test_assistant_thread_methods_are_recorded_and_checked(api: SlackApiStandIn, client: WebClient) -> None:
    client.assistant_threads_setStatus(channel_id="D1", thread_ts="1.0", status="Searching the Standards...")
    client.assistant_threads_setStatus(channel_id="D1", thread_ts="1.0", status="")  # clearing is allowed
    prompts = [{"title": "Is this webinar accredited?", "message": "Is this webinar accredited?"}]
    client.assistant_threads_setSuggestedPrompts(channel_id="D1", prompts=prompts, title="Ask me")
    client.assistant_threads_setTitle(channel_id="D1", thread_ts="1.0", title="Accreditation")
    [first, cleared] = api.calls_to("assistant.threads.setStatus")
    assert first.args["status"] == "Searching the Standards..." and cleared.args["status"] == ""
    [suggested] = api.calls_to("assistant.threads.setSuggestedPrompts")
    assert suggested.args["prompts"] == prompts and "thread_ts" not in suggested.args
    assert api.calls_to("assistant.threads.setTitle")[0].args["title"] == "Accreditation"

    with pytest.raises(SlackApiError) as missing:
        client.api_call("assistant.threads.setStatus", json={"channel_id": "D1", "status": "x"})
    assert missing.value.response["error"] == "invalid_arguments"
    with pytest.raises(SlackApiError):  # Slack shows at most four prompts
        client.assistant_threads_setSuggestedPrompts(channel_id="D1", prompts=prompts * 5)


def test_a_stream_is_started_extended_and_stopped(api: SlackApiStandIn, client: WebClient) -> None:
    started = client.chat_startStream(channel="C1", thread_ts="1.0", markdown_text="Faculty ", recipient_user_id="U1")
    ts = started["ts"]
    assert started["channel"] == "C1" and api.streaming("C1", ts)
    client.chat_appendStream(channel="C1", ts=ts, markdown_text="disclose ")
    client.chat_appendStream(channel="C1", ts=ts, chunks=[{"type": "markdown_text", "text": "24 months."}])
    stopped = client.chat_stopStream(
        channel="C1", ts=ts, blocks=[{"type": "divider"}], metadata={"event_type": "e", "event_payload": {}}
    )
    assert not api.streaming("C1", ts)
    [message] = api.posted("C1")
    assert message["text"] == "Faculty disclose 24 months." and message["thread_ts"] == "1.0"
    assert message["user"] == BOT_USER_ID and message["blocks"] == [{"type": "divider"}]
    assert stopped["message"]["metadata"]["event_type"] == "e"
    # A finished stream takes no more text, and an unknown one does not exist.
    with pytest.raises(SlackApiError) as finished:
        client.chat_appendStream(channel="C1", ts=ts, markdown_text="more")
    assert finished.value.response["error"] == "message_not_in_streaming_state"
    with pytest.raises(SlackApiError) as unknown:
        client.chat_stopStream(channel="C1", ts="9.9")
    assert unknown.value.response["error"] == "message_not_found"


def test_chat_update_changes_the_stored_message(api: SlackApiStandIn, client: WebClient) -> None:
    ts = client.chat_startStream(channel="C2", thread_ts="1.0", markdown_text="draft")["ts"]
    client.chat_stopStream(channel="C2", ts=ts)
    client.chat_update(
        channel="C2",
        ts=ts,
        text="final",
        blocks=[{"type": "divider"}],
        metadata={"event_type": "x", "event_payload": {}},
    )
    [message] = api.posted("C2")
    assert (message["text"], message["blocks"], message["metadata"]["event_type"]) == (
        "final",
        [{"type": "divider"}],
        "x",
    )
    assert message["thread_ts"] == "1.0"


def test_stream_faults_and_a_workspace_without_the_agent_surface(api: SlackApiStandIn, client: WebClient) -> None:
    # A start that landed although the client saw a 500: the message exists, its ts never reached the caller.
    api.fail_next("chat.startStream", status=500, after_effect=True)
    with pytest.raises(SlackApiError):
        client.chat_startStream(channel="C3", thread_ts="1.0", markdown_text="lost ts")
    [orphan] = api.posted("C3")
    assert api.streaming("C3", orphan["ts"])

    api.fail_next("chat.appendStream", error="ratelimited")
    with pytest.raises(SlackApiError):
        client.chat_appendStream(channel="C3", ts=orphan["ts"], markdown_text="x")

    api.refuse("chat.startStream", "assistant.threads.setStatus", error="not_allowed")
    for _ in range(2):
        with pytest.raises(SlackApiError) as refused:
            client.chat_startStream(channel="C3", thread_ts="2.0", markdown_text="x")
        assert refused.value.response["error"] == "not_allowed"
    with pytest.raises(SlackApiError):
        client.assistant_threads_setStatus(channel_id="D1", thread_ts="1.0", status="x")
    assert len(api.posted("C3")) == 1  # nothing was posted by the refused calls


def test_channel_names_can_be_set(api: SlackApiStandIn, client: WebClient) -> None:
    api.set_channel("C0GR", name="grand-rounds")
    assert client.conversations_info(channel="C0GR")["channel"]["name"] == "grand-rounds"
    assert client.conversations_info(channel="C0XY")["channel"]["name"] == "channel-c0xy"
