"""Message shortcut "Check accreditation": the flyer in a message (its shared file, its link or its text)
checked, the result shown only to the member who asked."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.checker.service import AccreditationChecker, CheckInputError
from bot.runtime import Runtime
from bot.slack.blocks.checker import CHECK_SHORTCUT, UNEXPECTED, check_message
from bot.slack.checker import check_slack_message

log = logging.getLogger(__name__)


def register(app: App, runtime: Runtime) -> None:
    @app.shortcut(CHECK_SHORTCUT)
    def check_accreditation(ack: Ack, shortcut: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        message = shortcut.get("message") or {}
        try:
            outcome = check_slack_message(
                runtime.settings,
                str(client.token or ""),
                str(message.get("text") or ""),
                list(message.get("files") or []),
                AccreditationChecker(allow=runtime.fetch_allow),
            )
        except CheckInputError as exc:
            respond(response_type="ephemeral", replace_original=False, text=str(exc))
            return
        except Exception:
            log.exception("The accreditation check failed")
            respond(response_type="ephemeral", replace_original=False, text=UNEXPECTED)
            return
        fallback, blocks = check_message(outcome.result, outcome.checked)
        respond(response_type="ephemeral", replace_original=False, text=fallback, blocks=blocks)
