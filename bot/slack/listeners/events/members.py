"""user_change: a member deleted (deactivated) in the workspace is anonymised in the bot's logs and statistics,
their user id replaced by a stable pseudonym (bot/services/member_data.py). Their community answers keep their
text, credited to "a former member". Every other profile change is ignored: nothing of profiles is stored."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import BoltContext

from bot.services.member_data import MemberData

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.runtime import Runtime

log = logging.getLogger(__name__)


def register(app: App, runtime: Runtime) -> None:
    data = MemberData(runtime)

    @app.event("user_change")
    def on_user_change(event: dict[str, Any], body: dict[str, Any], context: BoltContext) -> None:
        user = event.get("user")
        if not isinstance(user, dict) or not user.get("deleted") or not user.get("id"):
            return
        if user.get("is_bot") or user.get("is_app_user"):
            return
        team = str(context.team_id or body.get("team_id") or "")
        report = data.anonymise(str(user["id"]), actor="system", team_id=team)
        log.info("A member left the workspace: %s record(s) anonymised", report.total)
