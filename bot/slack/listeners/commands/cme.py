"""/cme QUESTION: an answer only the asker sees, with a button to share it; /cme alone explains the bot.

The question becomes a job (bot/slack/jobs.py) before the ack, keyed by the command's trigger_id: a replay of
the same request finds its job and gets nothing more. The answer goes back through the response_url."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.runtime import Runtime
from bot.slack.jobs import jobs_for
from bot.slack.text import strip_mentions, truncate
from bot.texts import message

log = logging.getLogger(__name__)


def register(app: App, runtime: Runtime) -> None:
    jobs = jobs_for(runtime)

    @app.command("/cme")
    def cme(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
        question = strip_mentions(command.get("text") or "")
        if not question:
            ack(response_type="ephemeral", text=message("cme_help") + "\n\n" + message("help"))
            return
        trigger = str(command.get("trigger_id") or "")
        payload = {
            "text": question,
            "user": command.get("user_id", ""),
            "channel": command.get("channel_id", ""),
            # respond() goes through the response_url, which works in any channel or DM, including ones
            # the bot is not a member of (chat.postEphemeral would fail there).
            "response_url": command.get("response_url", ""),
            "team_id": context.team_id,
            "enterprise_id": context.enterprise_id,
        }
        if not jobs.submit(f"slack-command:{trigger or command.get('response_url', '')}", "command", payload):
            log.warning("Dropped a repeated /cme request (trigger %s)", trigger[:12])
            ack()
            return
        # The ack carries the progress note, so the asker sees at once that the question arrived.
        ack(response_type="ephemeral", text=message("cme_working", question=truncate(question, 200)))
