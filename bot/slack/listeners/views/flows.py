"""Guided-flow step modals: Next/Finish (view_submission) and closing the modal (view_closed).

Invalid answers come back inline at their field (`response_action: errors`) and are saved as typed, so
nothing is lost; a valid step moves to the next one (`response_action: update`)."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.flows.service import DraftNotFound
from bot.runtime import Runtime
from bot.slack.blocks.flows import CALLBACK_STEP, notice_view, parse_values
from bot.slack.flows_ui import deliver_document, flow_service, render_step

log = logging.getLogger(__name__)

GONE = "This draft no longer exists (it was cancelled or finished elsewhere)."


def _input_blocks(view: dict[str, Any]) -> set[str]:
    return {b.get("block_id", "") for b in view.get("blocks", []) if b.get("type") == "input"}


def register(app: App, runtime: Runtime) -> None:
    service = flow_service(runtime)

    @app.view(CALLBACK_STEP)
    def submit_step(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        user_id = body["user"]["id"]
        values = parse_values(view.get("state", {}).get("values", {}))
        try:
            outcome = service.submit_step(int(view["private_metadata"]), user_id, values)
        except (DraftNotFound, ValueError):
            ack(response_action="update", view=notice_view("Draft not found", GONE))
            return
        state = outcome.state
        if outcome.errors:
            if set(outcome.errors) <= _input_blocks(view):
                ack(response_action="errors", errors=outcome.errors)
            else:
                # An earlier step no longer validates (saved unfinished): show that step with the reasons.
                reasons = " ".join(outcome.errors.values())
                ack(response_action="update", view=render_step(runtime, state, notice=f"Please fix: {reasons}"))
            return
        if not outcome.completed:
            ack(response_action="update", view=render_step(runtime, state))
            return
        if not outcome.finished_now:
            # A second submit of a finished flow (a stale or double-clicked modal): the document went already.
            ack(response_action="update", view=notice_view("Already finished", f"*{state.title}* is already done."))
            return
        ack(
            response_action="update",
            view=notice_view("Done", f"*{state.title}* is finished. I've sent you the document in a direct message."),
        )
        try:
            deliver_document(client, runtime, state)
        except Exception:
            log.exception("Could not deliver the document for draft %s", state.id)

    @app.view_closed(CALLBACK_STEP)
    def closed(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        # Closing the modal keeps whatever was typed in the open step, like "Save for later". Saved before
        # the ack (one quick write), so a resume right after the close already sees it.
        values = parse_values(view.get("state", {}).get("values", {}))
        # The draft may be gone already (cancelled, or a stale modal): then there is nothing to keep.
        with contextlib.suppress(DraftNotFound, ValueError):
            service.save(int(view["private_metadata"]), body["user"]["id"], values)
        ack()
