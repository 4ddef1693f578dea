"""Interaction payloads for the guided-flow modals, built from the view the bot actually sent, so tests fill
in the same blocks a member sees in Slack."""

from __future__ import annotations

import uuid
from typing import Any

from tests.support.slack_api import TEAM_ID

VIEW_ID = "V0FLOW"


def _element_state(element: dict[str, Any], value: Any) -> dict[str, Any]:
    kind = element["type"]
    if kind in ("checkboxes", "multi_static_select"):
        chosen = [o for o in element["options"] if o["value"] in (value or [])]
        return {"type": kind, "selected_options": chosen}
    if kind == "static_select":
        chosen = next((o for o in element["options"] if o["value"] == value), None)
        return {"type": kind, "selected_option": chosen}
    if kind == "multi_users_select":
        return {"type": kind, "selected_users": list(value or [])}
    if kind == "file_input":
        # Slack sends the file objects of what was shared in the input (none when left empty).
        return {"type": kind, "files": list(value or [])}
    return {"type": kind, "value": value if value not in ("", None) else None}


def state_values(view: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """view.state.values for `answers` (field id -> value); fields left out keep their initial value."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        if block["block_id"] in answers:
            value = answers[block["block_id"]]
        elif "initial_options" in element:
            value = [o["value"] for o in element["initial_options"]]
        elif "initial_option" in element:
            value = element["initial_option"]["value"]
        elif "initial_users" in element:
            value = element["initial_users"]
        else:
            value = element.get("initial_value")
        values[block["block_id"]] = {element["action_id"]: _element_state(element, value)}
    return values


def _user(user_id: str) -> dict[str, Any]:
    return {"id": user_id, "username": user_id.lower(), "team_id": TEAM_ID}


def _view(view: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    return {**view, "id": VIEW_ID, "hash": "hash-1", "state": {"values": state_values(view, answers)}}


def submission(view: dict[str, Any], answers: dict[str, Any], user_id: str = "U1") -> dict[str, Any]:
    return {
        "type": "view_submission",
        "user": _user(user_id),
        "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
        "view": _view(view, answers),
    }


def closing(view: dict[str, Any], answers: dict[str, Any], user_id: str = "U1") -> dict[str, Any]:
    return {"type": "view_closed", "user": _user(user_id), "view": _view(view, answers), "is_cleared": False}


def modal_button(view: dict[str, Any], action_id: str, answers: dict[str, Any], user_id: str = "U1") -> dict[str, Any]:
    return {
        "type": "block_actions",
        "user": _user(user_id),
        "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
        "container": {"type": "view", "view_id": VIEW_ID},
        "view": _view(view, answers),
        "actions": [{"type": "button", "action_id": action_id, "block_id": "flow_controls", "value": action_id}],
    }


def texts(view: dict[str, Any]) -> str:
    """Every visible text in a view's blocks, including labels and initial values."""
    parts: list[str] = []
    for block in view.get("blocks", []):
        for key in ("text", "label", "hint"):
            if isinstance(block.get(key), dict):
                parts.append(block[key]["text"])
        for element in block.get("elements", []):
            if isinstance(element.get("text"), str):
                parts.append(element["text"])
        element = block.get("element") or {}
        if element.get("initial_value"):
            parts.append(element["initial_value"])
        for option in element.get("initial_options", []) + (
            [element["initial_option"]] if "initial_option" in element else []
        ):
            parts.append(option["text"]["text"])
    return "\n".join(parts)
