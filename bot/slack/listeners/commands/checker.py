"""/is-it-accredited [flyer text or link]: the accreditation checker, answered only to the member who asked."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.checker.service import AccreditationChecker, CheckInputError
from bot.runtime import Runtime
from bot.slack.blocks.checker import UNEXPECTED, check_message
from bot.slack.text import unescape

log = logging.getLogger(__name__)

COMMAND = "/is-it-accredited"
HOW = (
    "Paste a flyer's text or a link after `/is-it-accredited`. For a PDF or Word flyer, use the message "
    "shortcut *Check accreditation* (the ⋮ menu of the message that shares it), or mention me in its thread."
)


def register(app: App, runtime: Runtime) -> None:
    @app.command(COMMAND)
    def is_it_accredited(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack()  # at once: fetching a link can take seconds
        text = unescape(command.get("text") or "")
        if not text.strip():
            respond(response_type="ephemeral", text=HOW)
            return
        try:
            outcome = AccreditationChecker(allow=runtime.fetch_allow).check_message(text)
        except CheckInputError as exc:
            respond(response_type="ephemeral", text=f"{exc} {HOW}")
            return
        except Exception:
            log.exception("The accreditation check failed")
            respond(response_type="ephemeral", text=UNEXPECTED)
            return
        fallback, blocks = check_message(outcome.result, outcome.checked)
        respond(response_type="ephemeral", text=fallback, blocks=blocks)
