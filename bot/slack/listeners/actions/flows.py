"""Buttons for the guided flows: Back, Save for later and Cancel inside the step modal, and Start / Resume
buttons that other surfaces (welcome checklist, App Home, messages) may show with action_id
`flow_start` (value: flow name) or `flow_resume` (value: draft id)."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.flows.definitions import FLOW_NAMES
from bot.flows.service import DraftNotFound, document_for
from bot.runtime import Runtime
from bot.slack.blocks.flows import (
    ACTION_BACK,
    ACTION_CANCEL,
    ACTION_PREVIEW,
    ACTION_RESUME,
    ACTION_SAVE,
    ACTION_START,
    notice_view,
    parse_values,
    preview_view,
)
from bot.slack.flows_ui import flow_service, open_flow_modal, render_step

log = logging.getLogger(__name__)


def _draft(body: dict[str, Any]) -> tuple[int, str, dict[str, Any]]:
    view = body["view"]
    values = parse_values(view.get("state", {}).get("values", {}))
    return int(view["private_metadata"]), body["user"]["id"], values


def _update(client: WebClient, body: dict[str, Any], view: dict[str, Any]) -> None:
    client.views_update(view_id=body["view"]["id"], hash=body["view"].get("hash"), view=view)


def register(app: App, runtime: Runtime) -> None:
    service = flow_service(runtime)

    @app.action(ACTION_BACK)
    def back(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        draft_id, user_id, values = _draft(body)
        try:
            state = service.back(draft_id, user_id, values)
        except DraftNotFound:
            _update(client, body, notice_view("Draft not found", "This draft no longer exists."))
            return
        _update(client, body, render_step(runtime, state))

    @app.action(ACTION_SAVE)
    def save(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        draft_id, user_id, values = _draft(body)
        try:
            state = service.save(draft_id, user_id, values)
        except DraftNotFound:
            _update(client, body, notice_view("Draft not found", "This draft no longer exists."))
            return
        command = "/" + state.definition.command
        _update(
            client,
            body,
            notice_view(
                "Saved for later",
                (
                    f"Draft #{state.id} is saved at *{state.step.label}*. Pick it up with `{command} resume` "
                    "or from the Resume button in my App Home."
                ),
            ),
        )

    @app.action(ACTION_PREVIEW)
    def preview(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        # Pushed, not updated: the step modal stays underneath (one level deep, well within Slack's 3).
        ack()
        draft_id, user_id, values = _draft(body)
        try:
            state = service.save(draft_id, user_id, values)
        except DraftNotFound:
            return
        client.views_push(trigger_id=body["trigger_id"], view=preview_view(document_for(service, state)))

    @app.action(ACTION_CANCEL)
    def cancel(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        draft_id, user_id, _ = _draft(body)
        if service.cancel(draft_id, user_id):
            _update(client, body, notice_view("Cancelled", f"Draft #{draft_id} and its answers are deleted."))
        else:
            # Someone else's draft, or one already gone: say so rather than claim a deletion that did not happen.
            _update(
                client,
                body,
                notice_view("Nothing deleted", f"There is no draft #{draft_id} of yours; nothing was deleted."),
            )

    @app.action(ACTION_START)
    def start(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ack()
        flow_name = str(action.get("value") or "mock_activity").replace("-", "_")
        if flow_name not in FLOW_NAMES:
            log.warning("flow_start button with unknown flow %r", flow_name)
            return
        open_flow_modal(client, body["trigger_id"], runtime, body["user"]["id"], flow_name)

    @app.action(ACTION_RESUME)
    def resume(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ack()
        value = str(action.get("value") or "")
        if not value.isdigit():
            log.warning("flow_resume button without a draft id: %r", value)
            return
        # The flow name is only used for new drafts; a resumed draft knows its own flow.
        open_flow_modal(client, body["trigger_id"], runtime, body["user"]["id"], "mock_activity", int(value))
