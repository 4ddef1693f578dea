"""/cme QUESTION: an answer only the asker sees, with a button to share it; /cme alone explains the bot."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.runtime import Runtime
from bot.slack.answering import submit_answer
from bot.slack.blocks.answer import answer_messages, notice
from bot.slack.text import strip_mentions, truncate
from bot.texts import message

log = logging.getLogger(__name__)


def register(app: App, runtime: Runtime) -> None:
    @app.command("/cme")
    def cme(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        question = strip_mentions(command.get("text") or "")
        if not question:
            ack(response_type="ephemeral", text=message("cme_help") + "\n\n" + message("help"))
            return
        # The ack carries the progress note, so the asker sees at once that the question arrived.
        ack(response_type="ephemeral", text=message("cme_working", question=truncate(question, 200)))
        submit_answer(runtime, lambda: _answer_privately(runtime, command, question, respond))


def _answer_privately(runtime: Runtime, command: dict[str, Any], question: str, respond: Respond) -> None:
    try:
        answer, question_id = runtime.ask(
            question,
            user_id=command.get("user_id", ""),
            channel_id=command.get("channel_id", ""),
            surface="slack_command",
        )
        replies = answer_messages(answer, question_id, share=True)
    except Exception:
        log.exception("Could not answer /cme in %s", command.get("channel_id"))
        replies = [notice(message("slack_apology"))]
    # respond() goes through the command's response_url, which works in any channel or DM,
    # including ones the bot is not a member of (chat.postEphemeral would fail there).
    for reply in replies:
        respond(response_type="ephemeral", replace_original=False, **reply.as_kwargs())
