"""Guided-flow step modals: Next/Finish (view_submission) and closing the modal (view_closed).

Invalid answers come back inline at their field (`response_action: errors`) and are saved as typed, so
nothing is lost; a valid step moves to the next one (`response_action: update`)."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.flows.datafile import MAX_DATA_BYTES, parse_data_file
from bot.flows.dynamic import step_fields
from bot.flows.service import DraftNotFound, FlowDraftState
from bot.runtime import Runtime
from bot.slack.blocks.flows import CALLBACK_STEP, notice_view, parse_values
from bot.slack.flows_ui import deliver_document, flow_service, render_step
from bot.slack.uploads import UploadError, fetch

log = logging.getLogger(__name__)

GONE = "This draft no longer exists (it was cancelled or finished elsewhere)."


def _input_blocks(view: dict[str, Any]) -> set[str]:
    return {b.get("block_id", "") for b in view.get("blocks", []) if b.get("type") == "input"}


# A shared CSV whose rows become typed lines is read before the ack: Slack allows 3 s, and a disclosure or outcome
# file of a few kilobytes comes back from Slack's file host in well under a second.
CONVERT_TIMEOUT = 1.5


def _files_to_convert(
    client: WebClient, runtime: Runtime, state: FlowDraftState, values: dict[str, Any]
) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for field in step_fields(state.definition, state.step, state.answers):
        if field.type != "data_file" or not field.convert or values.get(field.id) in (None, ""):
            continue
        if values[field.id] == state.answers.get(field.id):
            continue  # the file converted before; its rows are in the box
        data = parse_data_file(values[field.id])
        if data is None or data.slack is None:
            continue
        try:
            files[field.id] = fetch(
                runtime.settings, str(client.token or ""), data.slack, MAX_DATA_BYTES, CONVERT_TIMEOUT
            )
        except UploadError as exc:
            log.info("Could not read a shared file for draft %s: %s", state.id, exc)
    return files


def register(app: App, runtime: Runtime) -> None:
    service = flow_service(runtime)

    @app.view(CALLBACK_STEP)
    def submit_step(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        user_id = body["user"]["id"]
        values = parse_values(view.get("state", {}).get("values", {}))
        try:
            draft_id = int(view["private_metadata"])
            files = _files_to_convert(client, runtime, service.get(draft_id, user_id), values)
            outcome = service.submit_step(draft_id, user_id, values, files=files)
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
