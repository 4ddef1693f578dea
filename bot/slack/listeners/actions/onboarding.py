"""Checklist buttons, wherever they are shown (welcome DM, step modal, App Home): open a step, tick it off
(the DM is updated in place and the Home redrawn), start the mock-activity flow, resume a saved draft."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.slack.blocks.home import RESUME
from bot.slack.blocks.onboarding import DETAIL_CALLBACK, OPEN, START_FLOW, TICK
from bot.slack.onboarding_ui import OnboardingSlack

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.runtime import Runtime

log = logging.getLogger(__name__)


def _open_flow(client: WebClient, body: dict[str, Any], runtime: Runtime, flow: str, draft_id: Any = None) -> None:
    # Imported on use: the flows feature owns its modal, and the welcome must not fail to load without it.
    from bot.slack.flows_ui import open_flow_modal

    open_flow_modal(client, body["trigger_id"], runtime, body["user"]["id"], flow, draft_id=draft_id)


def register(app: App, runtime: Runtime) -> None:
    onboarding = OnboardingSlack(runtime)
    pathway = onboarding.service.pathway

    @app.action(TICK)
    def on_tick(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ack()
        user_id, item_id = body["user"]["id"], str(action.get("value", ""))
        if pathway.item(item_id) is None:
            log.warning("Ignored a tick for unknown pathway item %r", item_id)
            return
        view = body.get("view") or {}
        if view.get("callback_id") == DETAIL_CALLBACK:
            # Clicked inside the step's modal: first redraw it without its "Mark done" button.
            onboarding.service.complete(user_id, item_id)
            client.views_update(view_id=view["id"], view=onboarding.detail_view(user_id, item_id))
        onboarding.tick(client, user_id, item_id)

    @app.action(OPEN)
    def on_open(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ack()
        item_id = str(action.get("value", ""))
        if pathway.item(item_id) is None:
            return
        client.views_open(trigger_id=body["trigger_id"], view=onboarding.detail_view(body["user"]["id"], item_id))

    @app.action(START_FLOW)
    def on_start_flow(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ack()
        item = pathway.item(str(action.get("value", "")))
        if item is not None and item.text("flow"):
            _open_flow(client, body, runtime, item.text("flow"))

    @app.action(RESUME)
    def on_resume(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ack()
        value = json.loads(action.get("value") or "{}")
        if value.get("flow") and value.get("draft_id") is not None:
            _open_flow(client, body, runtime, str(value["flow"]), draft_id=value["draft_id"])
