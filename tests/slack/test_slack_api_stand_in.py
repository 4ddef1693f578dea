"""The Web API stand-in itself, exercised with the real slack_sdk client, so other tests can trust it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from tests.support.slack_api import BOT_USER_ID, SlackApiStandIn


@pytest.fixture
def api() -> Iterator[SlackApiStandIn]:
    with SlackApiStandIn() as stand_in:
        yield stand_in


def test_records_json_and_form_calls(api: SlackApiStandIn) -> None:
    client = WebClient(token="xoxb-test-token", base_url=api.url)
    assert client.auth_test()["user_id"] == BOT_USER_ID
    posted = client.chat_postMessage(channel="C1", text="hello", thread_ts="1.0", blocks=[{"type": "divider"}])
    client.reactions_add(channel="C1", timestamp="1.0", name="hourglass_flowing_sand")
    [call] = api.wait_for("chat.postMessage")
    assert call.args["text"] == "hello" and call.args["blocks"] == [{"type": "divider"}]
    assert call.token == "xoxb-test-token"
    assert posted["ts"] and posted["message"]["thread_ts"] == "1.0"
    assert api.calls_to("reactions.add")[0].args["name"] == "hourglass_flowing_sand"


def test_faults_429_then_success(api: SlackApiStandIn) -> None:
    api.fail_next("chat.postMessage", status=429, retry_after=0)
    client = WebClient(token="xoxb-t", base_url=api.url, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)])
    client.chat_postMessage(channel="C1", text="x")
    assert [c.status for c in api.calls_to("chat.postMessage")] == [429, 200]


def test_faults_500_and_invalid_auth(api: SlackApiStandIn) -> None:
    client = WebClient(token="xoxb-t", base_url=api.url)
    api.fail_next("chat.postMessage", status=500)
    api.fail_next("auth.test", error="invalid_auth")
    with pytest.raises(SlackApiError):
        client.chat_postMessage(channel="C1", text="x")
    with pytest.raises(SlackApiError) as raised:
        client.auth_test()
    assert raised.value.response["error"] == "invalid_auth"
    assert client.auth_test()["ok"]


def test_threads_users_dm_views_and_uploads(api: SlackApiStandIn) -> None:
    client = WebClient(token="xoxb-t", base_url=api.url)
    api.set_thread("C1", "5.0", [{"user": "U1", "text": "q", "ts": "5.0"}])
    assert client.conversations_replies(channel="C1", ts="5.0")["messages"][0]["text"] == "q"
    api.set_user("U2", is_restricted=True)
    assert client.users_info(user="U2")["user"]["is_restricted"] is True
    assert client.users_info(user="U3")["user"]["is_bot"] is False
    assert client.conversations_open(users="U2")["channel"]["id"].startswith("D")
    view = client.views_open(trigger_id="t", view={"type": "modal", "title": {"type": "plain_text", "text": "T"}})
    assert view["view"]["id"] and view["view"]["type"] == "modal"
    uploaded = client.files_upload_v2(channel="C1", content="a,b\n1,2\n", filename="x.csv", title="X")
    assert uploaded["file"]["id"] in api.uploads
    assert api.uploads[uploaded["file"]["id"]] == b"a,b\n1,2\n"
    assert api.methods()[-3:] == ["files.getUploadURLExternal", "upload", "files.completeUploadExternal"]


def test_wait_for_times_out_with_a_useful_message(api: SlackApiStandIn) -> None:
    with pytest.raises(AssertionError, match=r"chat\.update"):
        api.wait_for("chat.update", timeout=0.05)
