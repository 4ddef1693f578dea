"""/needs-assessment, /mock-activity, /outcomes and /disclosure-check: open the guided flow in a modal.

/needs-assessment              a new draft
/needs-assessment resume [#]   the latest (or numbered) unfinished draft, with its saved answers
/mock-activity from <#>        a new activity built on finished needs assessment <#>
/outcomes                      pre/post learner data (a CSV shared in the modal) analysed
/outcomes template             example CSV files, sent by DM
/disclosure-check [template]   Standard 3 for one activity; `template` DMs the relationships CSV template
/disclosure-check session <#> <date> [presenters]   one series session's learner disclosure, from finished check #"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.flows.definitions import load_flow
from bot.flows.service import DraftNotFound
from bot.runtime import Runtime
from bot.slack.flows_ui import flow_service, open_flow_modal, send_templates
from bot.slack.text import escape

log = logging.getLogger(__name__)

COMMANDS = {
    "/needs-assessment": "needs_assessment",
    "/mock-activity": "mock_activity",
    "/outcomes": "outcomes",
    "/disclosure-check": "disclosure_check",
}


def _number(words: list[str], index: int) -> int | None:
    if len(words) > index and words[index].lstrip("#").isdigit():
        return int(words[index].lstrip("#"))
    return None


def _session_reply(runtime: Runtime, user_id: str, words: list[str]) -> str:
    """One series session's learner disclosure, from the member's own finished check (never anyone else's)."""
    from bot.flows.disclosure_check import session_text

    draft_id = _number(words, 0)
    if draft_id is None:
        return "Usage: /disclosure-check session <check #> <session date> [presenters, comma-separated]"
    try:
        state = flow_service(runtime).get(draft_id, user_id)
    except DraftNotFound:
        return f"There is no disclosure check #{draft_id} of yours."
    if state.flow != "disclosure_check" or not state.completed:
        return "That is not a finished disclosure check."
    return session_text(state.answers, words[1:])


def make_handler(runtime: Runtime, flow_name: str) -> Callable[..., None]:
    command_name = "/" + load_flow(flow_name).command

    def handler(ack: Ack, command: dict[str, Any], client: WebClient, respond: Respond) -> None:
        # Ack at once; the trigger_id stays valid for 3 seconds, plenty for one views.open.
        ack()
        user_id, trigger_id = command["user_id"], command["trigger_id"]
        words = (command.get("text") or "").split()
        if flow_name in ("outcomes", "disclosure_check") and words[:1] == ["template"]:
            send_templates(client, user_id, flow_name)
            return
        if flow_name == "disclosure_check" and words[:1] == ["session"]:
            respond(response_type="ephemeral", text=escape(_session_reply(runtime, user_id, words[1:])))
            return
        if words[:1] == ["resume"]:
            draft_id = _number(words, 1)
            if draft_id is None:
                drafts = [d for d in flow_service(runtime).drafts_for(user_id) if d.flow == flow_name]
                if not drafts:
                    respond(
                        response_type="ephemeral",
                        text=(
                            f"You have no unfinished {load_flow(flow_name).title.lower()} draft. "
                            f"Start one with {command_name}."
                        ),
                    )
                    return
                draft_id = drafts[0].id
            open_flow_modal(client, trigger_id, runtime, user_id, flow_name, draft_id)
            return
        source_id = _number(words, 1) if flow_name == "mock_activity" and words[:1] == ["from"] else None
        try:
            open_flow_modal(client, trigger_id, runtime, user_id, flow_name, source_id=source_id)
        except DraftNotFound:
            respond(
                response_type="ephemeral",
                text=(f"There is no finished needs assessment #{source_id} of yours to start from."),
            )

    return handler


def register(app: App, runtime: Runtime) -> None:
    for command, flow_name in COMMANDS.items():
        app.command(command)(make_handler(runtime, flow_name))
