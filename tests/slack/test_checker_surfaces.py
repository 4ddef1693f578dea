"""/is-it-accredited and the "Check accreditation" message shortcut over the Slack stand-ins: signed requests
into the real Bolt app, the flyer read from the stand-in's file host or from a local page the test allows."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from bot.runtime import Runtime
from bot.slack.blocks.checker import CHECK_SHORTCUT
from tests.checker.test_check import DIRECT
from tests.conftest import make_settings
from tests.support.slack_api import TEAM_ID, SlackApiStandIn
from tests.support.slack_app import SlackAppHarness


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    runtime = Runtime(make_settings(tmp_path))
    yield runtime
    runtime.close()


@pytest.fixture
def flyer_page() -> Iterator[tuple[str, int]]:
    """An event page on 127.0.0.1, as a member would link one."""
    page = f"<html><body><h1>Winter Cardiology Update</h1><p>{DIRECT}</p></body></html>".encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "127.0.0.1", server.server_address[1]
    server.shutdown()
    server.server_close()


def _texts(payload: dict[str, Any]) -> str:
    parts = [str(payload.get("text") or "")]
    for block in payload.get("blocks") or []:
        text = block.get("text")
        if isinstance(text, dict):
            parts.append(text["text"])
        parts += [f["text"] for f in block.get("fields") or []]
        parts += [e.get("text", "") for e in block.get("elements") or [] if isinstance(e, dict)]
    return "\n".join(parts)


def _shortcut(app: SlackAppHarness, message: dict[str, Any]) -> None:
    payload = {
        "type": "message_action",
        "callback_id": CHECK_SHORTCUT,
        "user": {"id": "U1", "team_id": TEAM_ID},
        "channel": {"id": "C1"},
        "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
        "message_ts": message["ts"],
        "message": message,
        "response_url": app.api.response_url("check"),
    }
    assert app.send_interaction(payload).status == 200


def test_the_command_checks_pasted_text_privately(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    assert slack_app.send_command("/is-it-accredited", DIRECT.replace("&", "&amp;")).status == 200
    [reply] = slack_api.wait_for("response_url")
    assert reply.args["response_type"] == "ephemeral"
    shown = _texts(reply.args)
    assert "Statements look complete: accredited by the ACCME (Lakeside University School of Medicine)" in shown
    assert "6.5 AMA PRA Category 1" in shown and "<https://" in shown  # findings link their rule's source


def test_the_command_without_text_says_how(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    slack_app.send_command("/is-it-accredited", "")
    [reply] = slack_api.wait_for("response_url")
    assert "Check accreditation" in reply.args["text"] and not reply.args.get("blocks")


def test_the_shortcut_reads_a_shared_pdf_with_the_bot_token(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    pdf = (Path(__file__).parents[2] / "bench/eval/flyers/dev/files").glob("*.pdf")
    chosen = next(iter(sorted(pdf)))
    shared = slack_api.host_file(chosen.name, chosen.read_bytes())
    _shortcut(
        slack_app, {"type": "message", "user": "U2", "text": "is this one legit?", "ts": "1.1", "files": [shared]}
    )
    [reply] = slack_api.wait_for("response_url")
    assert reply.args["response_type"] == "ephemeral" and reply.args["replace_original"] is False
    assert f"Checked {chosen.name}" in _texts(reply.args)
    [download] = slack_api.calls_to("files.download")
    assert download.token == slack_app.runtime.settings.slack_bot_token.get_secret_value()  # type: ignore[union-attr]


def test_the_shortcut_follows_a_link_only_to_the_allowed_test_server(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn, flyer_page: tuple[str, int]
) -> None:
    host, port = flyer_page
    message = {"type": "message", "user": "U2", "text": f"<http://{host}:{port}/winter|our flyer>", "ts": "1.2"}
    # Without the test's allowance the page is a private address and is refused.
    _shortcut(slack_app, message)
    [refused] = slack_api.wait_for("response_url")
    assert "private" in refused.args["text"].lower() or "not allowed" in refused.args["text"].lower()
    assert not refused.args.get("blocks")

    slack_app.runtime.fetch_allow = frozenset({(host, port)})
    _shortcut(slack_app, message)
    checked = slack_api.wait_for("response_url", 2)[-1]
    assert f"the page at http://{host}:{port}/winter" in _texts(checked.args)
    assert "Statements look complete" in _texts(checked.args)


def test_a_file_off_slacks_host_is_not_fetched(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    evil = {"id": "F1", "name": "flyer.pdf", "size": 10, "url_private_download": "http://169.254.169.254/x.pdf"}
    _shortcut(slack_app, {"type": "message", "user": "U2", "text": "", "ts": "1.3", "files": [evil]})
    [reply] = slack_api.wait_for("response_url")
    assert "not on Slack's file host" in reply.args["text"]
    assert not slack_api.calls_to("files.download")


def test_a_mention_in_a_thread_that_shares_a_flyer_gets_the_check(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    from tests.support.slack_app import mention_event, next_ts

    pdf = sorted((Path(__file__).parents[2] / "bench/eval/flyers/dev/files").glob("*.pdf"))[0]
    shared = slack_api.host_file(pdf.name, pdf.read_bytes())
    root_ts = next_ts()
    root = {"type": "message", "user": "U2", "text": "Found this one, thoughts?", "ts": root_ts, "files": [shared]}
    slack_api.set_thread("C1", root_ts, [root])
    event = mention_event("<@U0BOT> is this accredited or just another webinar?", thread_ts=root_ts)
    assert slack_app.send_event(event).status == 200
    [post] = slack_api.wait_for("chat.postMessage")
    assert post.args["thread_ts"] == root_ts
    assert f"Checked {pdf.name}" in _texts(post.args) and "Is it accredited?" in _texts(post.args)


def test_series_renewals_are_sent_once_to_the_owner_and_shared_planners(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    from datetime import date

    from bot.disclosure import Activity, Person, evaluate
    from bot.services.disclosures import DisclosureRecords
    from bot.slack.jobs import SlackJobs

    series = Activity("Medicine Grand Rounds", "internal medicine", date(2025, 3, 15), rss=True)
    result = evaluate(series, [Person("Dr Lee Chen", "faculty")], [])
    DisclosureRecords(slack_app.runtime.db).save_series("U1", result, shared_with=["U7"])
    day = date(2026, 3, 1)
    assert slack_app.jobs.remind_disclosures(day) == 2
    assert SlackJobs(slack_app.runtime).remind_disclosures(day) == 0  # another replica: the day is claimed
    assert slack_app.jobs.remind_disclosures(date(2026, 3, 2)) == 0  # already reminded for this renewal
    sent = {c.args["channel"]: c.args["text"] for c in slack_api.calls_to("chat.postMessage")}
    assert set(sent) == {"U1", "U7"}
    assert (
        "Medicine Grand Rounds: Dr Lee Chen (faculty): disclosure collected 2025-03-15 is due 2026-03-15" in sent["U1"]
    )


def test_a_failing_check_gets_a_kind_message_not_a_traceback(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.slack.listeners.shortcuts.check_accreditation as shortcut

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(shortcut, "check_slack_message", broken)
    _shortcut(slack_app, {"type": "message", "user": "U2", "text": DIRECT, "ts": "1.4"})
    [reply] = slack_api.wait_for("response_url")
    assert reply.args["text"].startswith("Sorry, I couldn't check that flyer this time")
    assert "exploded" not in reply.args["text"] and "Traceback" not in reply.args["text"]
