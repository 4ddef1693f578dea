"""Community knowledge end to end over the Slack stand-in: escalate, an expert replies and saves, the next member
gets the community answer with its badge; saves by shortcut (pending until verified) and by reaction; edits and
deletions of the saved message; private channels."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from bot.runtime import Runtime
from bot.slack.blocks.answer import ASK_EXPERTS, REPORT_OUTDATED
from bot.slack.blocks.community import EVIDENCE, OFFER_SAVE, SAVE_CALLBACK, SAVE_SHORTCUT, VERIFY, VERIFY_UPLOAD
from bot.slack.jobs import SlackJobs
from tests.support.slack_api import TEAM_ID, SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, mention_event, message_event, next_ts

EXPERT = "UEXP"
EXPERTS_CHANNEL = "CEXPERTS"
LMS_QUESTION = "Which LMS do the members here use to host enduring materials?"
LMS_ANSWER = "Most of us host enduring materials in the LMS our hospital already licenses; the ACCME endorses none."
BADGE = "Community answer by"


@pytest.fixture
def app(runtime: Runtime, slack_api: SlackApiStandIn) -> Iterator[SlackAppHarness]:
    harness = SlackAppHarness(runtime, slack_api, experts=[EXPERT], experts_channel=EXPERTS_CHANNEL)
    try:
        yield harness
    finally:
        harness.stop()


def _ask(app: SlackAppHarness, text: str, *, channel: str = "C1", user: str = "U1", dm: bool = False) -> dict[str, Any]:
    """Ask, wait for the answer, and return the bot's message (the last one posted in that conversation)."""
    event = (
        message_event(text, channel=channel, user=user)
        if dm
        else mention_event(f"<@U0BOT> {text}", channel=channel, user=user)
    )
    assert app.send_event(event).status == 200
    app.wait_for_jobs()
    return app.api.posted(channel)[-1]


def _texts(message: dict[str, Any]) -> str:
    return message["text"]


def _buttons(blocks: list[dict[str, Any]]) -> dict[str, str]:
    found = {}
    for block in blocks:
        for element in block.get("elements", []) + ([block["accessory"]] if "accessory" in block else []):
            if element.get("type") == "button":
                found[element["action_id"]] = element["value"]
    return found


def _submit(app: SlackAppHarness, user: str, view: dict[str, Any], **overrides: str) -> None:
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block.get("type") != "input":
            continue
        element, block_id = block["element"], block["block_id"]
        value = overrides.get(block_id)
        if element["type"] in ("plain_text_input", "url_text_input"):
            values[block_id] = {"value": {"type": element["type"], "value": value or element.get("initial_value")}}
        elif element["type"] == "datepicker":
            values[block_id] = {"value": {"type": "datepicker", "selected_date": value or element.get("initial_date")}}
        else:
            chosen = value or (element.get("initial_option") or {}).get("value")
            option = {"value": chosen} if chosen else None
            values[block_id] = {"value": {"type": "static_select", "selected_option": option}}
    payload = {
        "type": "view_submission",
        "user": {"id": user, "team_id": TEAM_ID},
        "team": {"id": TEAM_ID},
        "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
        "view": {
            "id": "VSAVE",
            "type": "modal",
            "callback_id": SAVE_CALLBACK,
            "private_metadata": view["private_metadata"],
            "state": {"values": values},
        },
    }
    assert app.send_interaction(payload).status == 200


def _opened_view(api: SlackApiStandIn) -> dict[str, Any]:
    return api.wait_for("views.open")[-1].args["view"]


def test_escalation_reply_save_then_the_next_member_gets_the_community_answer(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    _ask(app, LMS_QUESTION)
    declined = slack_api.calls_to("chat.postMessage")[-1].args
    assert declined["text"].startswith("I don't know that")
    buttons = _buttons(declined["blocks"])
    assert ASK_EXPERTS in buttons, "a declined answer offers the experts"

    app.block_action(ASK_EXPERTS, buttons[ASK_EXPERTS], user_id="U1", channel_id="C1")
    [post] = slack_api.wait_for("chat.postMessage", count=2)[1:]
    assert post.args["channel"] == EXPERTS_CHANNEL and LMS_QUESTION in post.args["text"]
    [told] = slack_api.wait_for("response_url")
    assert "passed your question" in told.args["text"]
    escalation_ts = slack_api.posted(EXPERTS_CHANNEL)[0]["ts"]
    assert app.runtime.community.waiting(TEAM_ID)[0].question == LMS_QUESTION

    # The expert replies in the thread.
    reply_ts = next_ts()
    slack_api.set_thread(
        EXPERTS_CHANNEL,
        escalation_ts,
        [
            {"type": "message", "user": "U0BOT", "bot_id": "B0BOT", "text": post.args["text"], "ts": escalation_ts},
            {"type": "message", "user": EXPERT, "text": LMS_ANSWER, "ts": reply_ts, "thread_ts": escalation_ts},
        ],
    )
    reply = message_event(
        LMS_ANSWER, channel=EXPERTS_CHANNEL, channel_type="channel", user=EXPERT, ts=reply_ts, thread_ts=escalation_ts
    )
    assert app.send_event(reply).status == 200
    [offer] = slack_api.wait_for("chat.postEphemeral")
    assert offer.args["user"] == EXPERT
    dm = [c for c in slack_api.wait_for("chat.postMessage", count=3) if c.args["channel"] == "U1"]
    assert dm and LMS_ANSWER in dm[0].args["text"], "the asker gets the expert's answer"
    assert app.runtime.community.waiting(TEAM_ID) == []

    app.block_action(OFFER_SAVE, _buttons(offer.args["blocks"])[OFFER_SAVE], user_id=EXPERT, channel_id=EXPERTS_CHANNEL)
    view = _opened_view(slack_api)
    assert LMS_QUESTION in json.dumps(view) and "ACCME endorses none" in json.dumps(view)
    _submit(app, EXPERT, view)
    [item] = app.runtime.community.items()
    assert (item.status, item.visibility, item.verifier_id, item.author_id) == ("verified", "workspace", EXPERT, EXPERT)

    # Another member, another channel, their own words.
    answer = _ask(app, "which LMS do members use for enduring materials?", channel="C2", user="U2")
    assert BADGE in _texts(answer) and "ACCME endorses none" in _texts(answer)
    assert f"verified by <@{EXPERT}>" in _texts(answer)
    assert app.runtime.questions.recent_for_user("U2")[0].team_id == TEAM_ID  # logged with its workspace

    # "Report outdated" sends it back to the experts; it stops answering.
    report = _buttons(slack_api.calls_to("chat.postMessage")[-1].args["blocks"])[REPORT_OUTDATED]
    app.block_action(REPORT_OUTDATED, report, user_id="U2", channel_id="C2")
    assert "goes back to the experts" in slack_api.wait_for("response_url", count=2)[-1].args["text"]
    assert app.runtime.community.get(item.id).status == "needs_review"  # type: ignore[union-attr]


def _shortcut(app: SlackAppHarness, user: str, channel: str, message: dict[str, Any]) -> None:
    payload = {
        "type": "message_action",
        "callback_id": SAVE_SHORTCUT,
        "user": {"id": user, "team_id": TEAM_ID},
        "team": {"id": TEAM_ID},
        "channel": {"id": channel},
        "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
        "message_ts": message["ts"],
        "message": message,
        "response_url": app.api.response_url(),
    }
    assert app.send_interaction(payload).status == 200


def _thread(api: SlackApiStandIn, channel: str, question: str, answer: str, author: str = "U6") -> dict[str, Any]:
    root_ts, reply_ts = next_ts(), next_ts()
    root = {"type": "message", "user": "U5", "text": question, "ts": root_ts}
    reply = {"type": "message", "user": author, "text": answer, "ts": reply_ts, "thread_ts": root_ts}
    api.set_thread(channel, root_ts, [root, reply])
    api.set_thread(channel, reply_ts, [root, reply])
    return reply


def _posted_to(api: SlackApiStandIn, channel: str, timeout: float = 10) -> dict[str, Any]:
    """The first message posted to `channel` (a DM is posted to the user id), once it arrives (after the ack)."""
    deadline = time.monotonic() + timeout
    while not api.posted(channel):
        assert time.monotonic() < deadline, f"nothing posted to {channel}"
        time.sleep(0.05)
    return api.posted(channel)[0]


def test_a_members_save_is_pending_until_an_expert_verifies_it_in_app_home(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    reply = _thread(slack_api, "C3", LMS_QUESTION, LMS_ANSWER)
    _shortcut(app, "U5", "C3", reply)
    view = _opened_view(slack_api)
    _submit(app, "U5", view)
    [item] = app.runtime.community.items()
    assert item.status == "pending" and item.author_id == "U6"
    confirmation = _posted_to(slack_api, "U5")
    assert "An expert will check it" in confirmation["text"]

    assert BADGE not in _texts(_ask(app, LMS_QUESTION, channel="C4", user="U7"))

    home = {"type": "app_home_opened", "user": EXPERT, "channel": "DEXP", "tab": "home", "event_ts": "1.0"}
    app.send_event(home)
    published = slack_api.wait_for("views.publish")[-1].args["view"]
    assert "Saved answers to verify" in json.dumps(published)
    assert _buttons(published["blocks"])[VERIFY] == str(item.id)
    app.block_action(VERIFY, str(item.id), user_id=EXPERT, channel_id="DEXP")
    deadline = time.monotonic() + 10
    while app.runtime.community.get(item.id).status != "verified":  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "the Verify click was not applied"
        time.sleep(0.05)
    assert BADGE in _texts(_ask(app, LMS_QUESTION, channel="C4", user="U7"))


def test_a_non_expert_cannot_verify(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    reply = _thread(slack_api, "C3", LMS_QUESTION, LMS_ANSWER)
    _shortcut(app, "U5", "C3", reply)
    _submit(app, "U5", _opened_view(slack_api))
    [item] = app.runtime.community.items()
    app.block_action(VERIFY, str(item.id), user_id="U5", channel_id="DU5")
    app.stop()
    assert app.runtime.community.get(item.id).status == "pending"  # type: ignore[union-attr]


def _react(app: SlackAppHarness, user: str, channel: str, ts: str, reaction: str = "white_check_mark") -> None:
    event = {
        "type": "reaction_added",
        "user": user,
        "reaction": reaction,
        "item": {"type": "message", "channel": channel, "ts": ts},
        "item_user": "U6",
        "event_ts": next_ts(),
    }
    assert app.send_event(event).status == 200


def _wait_items(app: SlackAppHarness, count: int) -> list[Any]:
    deadline = time.monotonic() + 10
    while len(app.runtime.community.items()) < count:
        assert time.monotonic() < deadline, "the item was not saved"
        time.sleep(0.05)
    return app.runtime.community.items()


def test_a_private_channel_answer_stays_with_its_members_and_an_edit_takes_it_out_of_service(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    slack_api.set_channel("CPRIV", is_private=True, members=["U8", EXPERT])
    reply = _thread(slack_api, "CPRIV", LMS_QUESTION, LMS_ANSWER)
    _react(app, "U8", "CPRIV", reply["ts"])  # not an expert: nothing is saved
    _react(app, EXPERT, "CPRIV", reply["ts"])
    [item] = _wait_items(app, 1)
    assert (item.status, item.visibility, item.channel_private) == ("verified", "channel", True)

    assert BADGE not in _texts(_ask(app, LMS_QUESTION, channel="C1", user="U9"))  # another channel
    assert BADGE not in _texts(_ask(app, LMS_QUESTION, channel="DU9", user="U9", dm=True))  # a non-member's DM
    assert BADGE in _texts(_ask(app, LMS_QUESTION, channel="DU8", user="U8", dm=True))  # a member's DM
    assert BADGE in _texts(_ask(app, LMS_QUESTION, channel="CPRIV", user="U8"))  # the channel itself

    edited = {
        "type": "message",
        "subtype": "message_changed",
        "channel": "CPRIV",
        "channel_type": "group",
        "message": {**reply, "text": "Actually, it depends."},
        "previous_message": reply,
        "event_ts": next_ts(),
        "ts": next_ts(),
    }
    assert app.send_event(edited).status == 200
    assert app.runtime.community.get(item.id).status == "needs_review"  # type: ignore[union-attr]
    assert BADGE not in _texts(_ask(app, LMS_QUESTION, channel="CPRIV", user="U8"))


def test_deleting_the_saved_message_retires_the_item(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    reply = _thread(slack_api, "CPUB", LMS_QUESTION, LMS_ANSWER)
    _react(app, EXPERT, "CPUB", reply["ts"])
    [item] = _wait_items(app, 1)
    assert item.visibility == "workspace"  # a public channel's answer serves the whole workspace
    deleted = {
        "type": "message",
        "subtype": "message_deleted",
        "channel": "CPUB",
        "channel_type": "channel",
        "deleted_ts": reply["ts"],
        "previous_message": reply,
        "event_ts": next_ts(),
        "ts": next_ts(),
    }
    assert app.send_event(deleted).status == 200
    assert app.runtime.community.get(item.id).status == "retired"  # type: ignore[union-attr]


def test_answers_past_review_stop_answering_and_their_verifier_is_reminded_once(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    from datetime import date, timedelta

    from bot.services.community import NewItem

    item = app.runtime.community.save(
        NewItem(
            team_id=TEAM_ID,
            question=LMS_QUESTION,
            answer=LMS_ANSWER,
            saved_by=EXPERT,
            visibility="workspace",
            review_by=date.today() + timedelta(days=1),
        ),
        app.runtime.embed_texts([LMS_QUESTION]),
    )
    later = date.today() + timedelta(days=2)
    assert app.jobs.remind_reviews(later) == 1
    assert app.jobs.remind_reviews(later) == 0  # the next sweep
    assert SlackJobs(app.runtime).remind_reviews(later) == 0  # another replica: the day is taken in the ledger
    reminders = [c for c in slack_api.calls_to("chat.postMessage") if c.args["channel"] == EXPERT]
    assert len(reminders) == 1 and f"#{item.id}" in reminders[0].args["text"]
    assert BADGE not in _texts(_ask(app, LMS_QUESTION, channel="C1", user="U1"))


def _ask_fee_questions(harness: SlackAppHarness, api: SlackApiStandIn) -> None:
    """The same declined question three times: twice in a public channel, once in a private one."""
    api.set_channel("CPRIV", is_private=True)
    for channel, question in (
        ("C1", "what does ACCME charge for initial accreditation?"),
        ("C1", "how much is the ACCME accreditation fee?"),
        ("CPRIV", "what does ACCME charge our committee for accreditation?"),
    ):
        harness.send_event(mention_event(f"<@U0BOT> {question}", channel=channel))
    harness.wait_for_jobs()


def test_the_weekly_digest_is_posted_once_with_its_chart_and_no_private_question(
    runtime: Runtime, slack_api: SlackApiStandIn
) -> None:
    from datetime import UTC, datetime, timedelta

    # A weekday that is not today: the sweeper's own check (in real time) must not post it first.
    weekday = (datetime.now(UTC).weekday() + 3) % 7
    harness = SlackAppHarness(
        runtime, slack_api, digest_channel="CDIGEST", digest_weekday=weekday, digest_hour=9, experts=[EXPERT]
    )
    try:
        _ask_fee_questions(harness, slack_api)
        monday_2030 = datetime(2030, 1, 7, 10, 0, tzinfo=UTC)
        due = monday_2030 + timedelta(days=weekday)
        assert harness.jobs.post_digest(due.replace(hour=8)) is False  # before the hour
        assert harness.jobs.post_digest(due + timedelta(days=1)) is False  # not the day
        assert harness.jobs.post_digest(due) is True
        assert harness.jobs.post_digest(due) is False  # once per week: the next sweep
        assert SlackJobs(harness.runtime).post_digest(due) is False  # and another replica
        [digest] = [c for c in slack_api.calls_to("chat.postMessage") if c.args["channel"] == "CDIGEST"]
        shown = json.dumps(digest.args["blocks"])
        assert "Weekly gaps digest" in shown and "3 x" in shown and "Draft an answer" in shown
        assert "our committee" not in shown
        slack_api.wait_for("files.completeUploadExternal")
        assert any(upload[:8] == b"\x89PNG\r\n\x1a\n" for upload in slack_api.uploads.values())

        # "Use as needs-assessment evidence": a needs assessment starts with the gap's questions as evidence.
        evidence = _buttons(digest.args["blocks"])[EVIDENCE]
        harness.block_action(EVIDENCE, evidence, user_id="UCURATOR", channel_id="CDIGEST")
        slack_api.wait_for("views.open")
        from bot.slack.flows_ui import flow_service

        service = flow_service(harness.runtime)
        [summary] = service.drafts_for("UCURATOR")
        draft = service.get(summary.id, "UCURATOR")
        assert draft.answers["evidence_types"] == ["learner_questions"]
        references = str(draft.answers["evidence_references"])
        assert "ACCME" in references and "3 in the week" in references
        assert "our committee" not in references
    finally:
        harness.stop()


def test_visibility_follows_a_channel_made_private_archived_or_left(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    public = _thread(slack_api, "CWAS", LMS_QUESTION, LMS_ANSWER)
    _react(app, EXPERT, "CWAS", public["ts"])
    [item] = _wait_items(app, 1)
    assert item.visibility == "workspace"
    converted = {
        "type": "message",
        "subtype": "channel_convert_to_private",
        "user": "U5",
        "text": "made this channel *private*.",
        "channel": "CWAS",
        "channel_type": "group",
        "ts": next_ts(),
        "event_ts": next_ts(),
    }
    assert app.send_event(converted).status == 200
    narrowed = app.runtime.community.get(item.id)
    assert narrowed is not None and (narrowed.visibility, narrowed.channel_private) == ("channel", True)
    assert BADGE not in _texts(_ask(app, LMS_QUESTION, channel="C1", user="U9"))

    assert app.send_event({"type": "group_archive", "channel": "CWAS", "event_ts": next_ts()}).status == 200
    deadline = time.monotonic() + 10
    while app.runtime.community.get(item.id).status != "retired":  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "archiving the channel did not retire its channel-only item"
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Does EACCME accept our e-learning module?", "eaccme"),
        ("Can we get IPCE credit for a pharmacy and nursing session?", "joint-accreditation"),
        ("How many AMA PRA Category 1 credits for a poster?", "ama-credit"),
        ("How do we measure Moore level 5 outcomes?", "outcomes"),
        ("Is a device company an ineligible company?", "accreditation"),
        ("Which LMS do members use?", None),
    ],
)
def test_escalations_tag_the_experts_of_the_questions_topic(question: str, topic: str | None) -> None:
    from bot.config import Settings
    from bot.services.community import topic_of
    from bot.slack.blocks.community import escalation_blocks

    settings = Settings(_env_file=None, CMEBOT_TOPIC_EXPERTS="eaccme:U1 U2;outcomes:S0OUT;ama-credit:U3")  # type: ignore[call-arg]
    assert topic_of(question) == topic
    tagged = settings.experts_by_topic.get(topic or "", [])
    _, blocks = escalation_blocks("U9", question, None, topic, tagged)
    shown = json.dumps(blocks)
    for member in tagged:
        assert (f"<!subteam^{member}>" if member.startswith("S") else f"<@{member}>") in shown
    assert settings.is_expert("U3") and not settings.is_expert("S0OUT") and not settings.is_expert("U9")


def test_admins_see_the_months_gaps_in_app_home_without_private_questions(
    runtime: Runtime, slack_api: SlackApiStandIn
) -> None:
    harness = SlackAppHarness(runtime, slack_api, admins=["UADMIN"])
    try:
        _ask_fee_questions(harness, slack_api)
        harness.send_event(
            {"type": "app_home_opened", "user": "UADMIN", "channel": "DA", "tab": "home", "event_ts": "1"}
        )
        shown = json.dumps(slack_api.wait_for("views.publish")[-1].args["view"])
        assert "Gaps, last 30 days" in shown and "3 x" in shown
        assert "our committee" not in shown
    finally:
        harness.stop()


def test_an_admin_shares_documents_in_a_dm_and_they_are_indexed_as_unreviewed_uploads(
    runtime: Runtime, slack_api: SlackApiStandIn
) -> None:
    harness = SlackAppHarness(runtime, slack_api, admins=["UADMIN"], experts=[EXPERT])
    try:
        policy = (
            b"# Regional CME office handbook\n\n## Sign-off\n\n"
            b"Our office asks the department chair to sign off every grand rounds series before launch.\n"
        )
        files = [
            slack_api.host_file("handbook.md", policy),
            slack_api.host_file("budget.xlsx", b"PK\x03\x04 not a document we index"),
            {**slack_api.host_file("elsewhere.md", b"# x"), "url_private_download": "https://evil.example/f.md"},
        ]
        event = message_event("", channel="DADMIN", user="UADMIN", subtype="file_share", files=files)
        assert harness.send_event(event).status == 200
        harness.wait_for_jobs()
        [reply] = slack_api.posted("DADMIN")
        assert "Indexed 1 of 1 file(s) as *unreviewed uploads*" in reply["text"]
        assert "budget.xlsx" in reply["text"] and "elsewhere.md" in reply["text"]
        downloads = slack_api.calls_to("files.download")
        assert len(downloads) == 1 and downloads[0].token == harness.bot_token  # never sent to evil.example
        stored = harness.runtime.collection.get(include=["metadatas"])
        tiers = {m["doc_id"]: m["tier"] for m in stored["metadatas"] if "handbook" in m["doc_id"]}
        assert tiers and set(tiers.values()) == {"unreviewed"}
        assert "UADMIN" in next(iter(tiers))  # who shared it and when: in the stored path

        # An expert verifies it in the App Home: the same content becomes a community-verified source.
        harness.send_event({"type": "app_home_opened", "user": EXPERT, "channel": "DE", "tab": "home", "event_ts": "1"})
        published = slack_api.wait_for("views.publish")[-1].args["view"]
        assert "handbook.md" in json.dumps(published)
        harness.block_action(VERIFY_UPLOAD, _buttons(published["blocks"])[VERIFY_UPLOAD], user_id=EXPERT)
        deadline = time.monotonic() + 10
        while True:
            stored = harness.runtime.collection.get(include=["metadatas"])
            tiers = {m["tier"] for m in stored["metadatas"] if "handbook" in m["doc_id"]}
            if tiers == {"community"}:
                break
            assert time.monotonic() < deadline, f"the upload was not re-tiered: {tiers}"
            time.sleep(0.05)

        # A member who is not an admin sharing a file gets an answer, not an upload.
        member = message_event("", channel="DMEMBER", user="UMEMBER", subtype="file_share", files=[files[0]])
        assert harness.send_event(member).status == 200
        harness.wait_for_jobs()
        assert len(slack_api.calls_to("files.download")) == 1
    finally:
        harness.stop()
