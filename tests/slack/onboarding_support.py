"""Helpers for the welcome and App Home tests: a Slack app with onboarding settings, and block inspection."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any, TypeVar

from tests.support.slack_api import ApiCall

WELCOME_CHANNEL = "C0WELCOME1"

T = TypeVar("T")


def eventually(probe: Callable[[], T | None], timeout: float = 10.0) -> T:
    """The listener records state right after its Web API call returns; poll briefly instead of sleeping."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value is not None or time.monotonic() > deadline:
            assert value is not None, "condition not reached in time"
            return value
        time.sleep(0.02)


def blocks_of(call: ApiCall) -> list[dict[str, Any]]:
    blocks = call.args.get("blocks")
    if blocks is None and "view" in call.args:
        view = call.args["view"]
        blocks = (json.loads(view) if isinstance(view, str) else view)["blocks"]
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks or [])


def view_of(call: ApiCall) -> dict[str, Any]:
    view = call.args["view"]
    return json.loads(view) if isinstance(view, str) else dict(view)


def texts(blocks: list[dict[str, Any]]) -> str:
    """Every piece of visible text in the blocks, for asserting on what the member would read."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return "\n".join(found)


def team_join(user_id: str, **fields: Any) -> dict[str, Any]:
    user = {
        "id": user_id,
        "name": user_id.lower(),
        "is_bot": False,
        "is_restricted": False,
        "is_ultra_restricted": False,
        "deleted": False,
        "profile": {"first_name": "Dana", "real_name": "Dana Reyes"},
        **fields,
    }
    return {"type": "team_join", "user": user, "event_ts": "1710000000.000100"}


def channel_join(user_id: str, channel: str = WELCOME_CHANNEL) -> dict[str, Any]:
    return {
        "type": "member_joined_channel",
        "user": user_id,
        "channel": channel,
        "channel_type": "C",
        "team": "T0TEST",
        "event_ts": "1710000000.000200",
    }


def dms_to(api: Any, user_id: str) -> list[ApiCall]:
    """Welcome DMs: chat.postMessage to the DM channel the stand-in opens for `user_id`."""
    dm = "D" + user_id[-10:].lstrip("U")
    return [c for c in api.calls_to("chat.postMessage") if c.args.get("channel") == dm]
