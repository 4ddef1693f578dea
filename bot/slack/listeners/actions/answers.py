"""Buttons under an answer: Helpful / Not helpful (stored, thanked privately) and Share in channel."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answering.models import Answer, Source
from bot.runtime import Runtime
from bot.services.feedback import Rating
from bot.slack.blocks.answer import ASK_EXPERTS, FEEDBACK_HELPFUL, FEEDBACK_NATIVE, SHARE, answer_messages, button
from bot.storage.models import QuestionLog
from bot.texts import message

log = logging.getLogger(__name__)


def _question_id(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def answer_from_log(row: QuestionLog) -> Answer:
    """Rebuild a logged answer for re-posting: the text and sources the asker saw."""
    mode, _, model = (row.mode or "").partition(":")
    return Answer(
        question=row.question,
        answer=row.answer,
        abstained=row.abstained,
        sources=[
            Source(
                title=s.get("title", ""),
                heading=s.get("heading", ""),
                url=s.get("url", ""),
                authority="",
                text="",
                score=0.0,
            )
            for s in row.sources or []
        ],
        mode="llm" if mode == "llm" else ("abstained" if row.abstained else "extractive"),
        model=model or None,
    )


def register(app: App, runtime: Runtime) -> None:
    def vote(body: dict[str, Any], rating: Rating, question_id: int | None, respond: Respond) -> None:
        """One vote per member per answer (changeable), whichever buttons the member clicked."""
        runtime.feedback.record(body["user"]["id"], question_id, rating)
        # Only the clicker sees the thanks; the answer in the channel stays as it was.
        thanks = message(f"feedback_thanks_{rating}")
        row = runtime.questions.get(question_id) if question_id is not None else None
        if rating == "not_helpful" and runtime.settings.experts_channel and row and row.user_id == body["user"]["id"]:
            # The asker found it unhelpful: offer a person instead.
            offer = button("Ask the experts", ASK_EXPERTS, str(question_id))
            blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": thanks}, "accessory": offer}]
            respond(response_type="ephemeral", replace_original=False, text=thanks, blocks=blocks)
            return
        respond(response_type="ephemeral", replace_original=False, text=thanks)

    @app.action(re.compile(r"^answer_feedback_(helpful|not_helpful)$"))
    def feedback(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        rating: Rating = "helpful" if action["action_id"] == FEEDBACK_HELPFUL else "not_helpful"
        vote(body, rating, _question_id(action.get("value")), respond)

    @app.action(FEEDBACK_NATIVE)
    def native_feedback(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        # Slack's thumbs (agent conversations): the clicked button's value is "<rating>:<question id>".
        ack()
        rating, _, value = str(action.get("value") or "").partition(":")
        if rating == "helpful" or rating == "not_helpful":
            vote(body, rating, _question_id(value), respond)
        else:
            log.warning("Ignored a feedback click with value %r", action.get("value"))

    @app.action(SHARE)
    def share(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        question_id = _question_id(action.get("value"))
        row = runtime.questions.get(question_id) if question_id is not None else None
        if row is None:
            respond(response_type="ephemeral", replace_original=False, text=message("share_missing"))
            return
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
        user = body["user"]["id"]
        if row.user_id != user:
            # Only the asker may share their private answer (a tampered question_id must not post someone else's).
            log.warning("Share of answer %s refused: %s is not the asker", question_id, user)
            respond(response_type="ephemeral", replace_original=False, text=message("share_not_yours"))
            return
        try:
            for reply in answer_messages(answer_from_log(row), question_id, shared_by=user):
                client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False, **reply.as_kwargs())
        except SlackApiError as exc:
            error = exc.response.get("error")
            log.info("Sharing answer %s in %s failed: %s", question_id, channel, error)
            if error in ("not_in_channel", "channel_not_found"):
                respond(response_type="ephemeral", replace_original=False, text=message("share_not_in_channel"))
                return
            raise
        # The private copy has served its purpose once the answer is in the channel.
        respond(delete_original=True)
