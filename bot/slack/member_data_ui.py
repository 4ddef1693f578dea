"""A member's data in Slack: "Your data" in the App Home, the export DM'd as a JSON file (files_upload_v2), the
deletion after the confirmation modal, and the settings panel admins see. Shared by the App Home and the action
and view listeners; the work itself is bot/services/member_data.py's."""

from __future__ import annotations

import json
import logging
import threading
from datetime import date
from typing import TYPE_CHECKING, Any

from slack_sdk import WebClient

from bot.services.member_data import DataReport, MemberData
from bot.services.retention import RetentionPolicy
from bot.slack.blocks.onboarding import Block
from bot.slack.blocks.your_data import settings_blocks, your_data_blocks
from bot.texts import message

if TYPE_CHECKING:
    from bot.runtime import Runtime

log = logging.getLogger(__name__)


class YourDataSlack:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.data = MemberData(runtime)
        # Admins whose viewing of the settings panel is already audited today (per process; the Home is redrawn
        # on every open and every tick, and one entry a day says as much as a hundred).
        self._settings_seen: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    def retention(self) -> dict[str, int]:
        return RetentionPolicy.from_settings(self.runtime.settings).as_dict()

    def home_blocks(self, user_id: str, team_id: str = "") -> list[Block]:
        blocks = your_data_blocks(self.data.summary(user_id), self.retention())
        if self.runtime.roles.is_admin(user_id):
            settings = self.runtime.settings
            blocks += settings_blocks(self.runtime.roles.describe(), list(settings.answer_channels), self.retention())
            self._audit_settings_view(user_id, team_id)
        return blocks

    def _audit_settings_view(self, user_id: str, team_id: str) -> None:
        key = (user_id, date.today().isoformat())
        with self._lock:
            if key in self._settings_seen:
                return
            self._settings_seen.add(key)
        self.runtime.audit.record(
            user_id, "settings.view", "app_home", {"roles": self.runtime.roles.describe()}, team_id=team_id
        )

    # --- export and delete ---------------------------------------------------------------------------------
    def export(self, client: WebClient, user_id: str, team_id: str = "") -> int:
        """DM the member everything the bot holds about them as one JSON file; returns its size in bytes."""
        content = json.dumps(self.data.export(user_id), ensure_ascii=False, indent=2).encode("utf-8")
        channel = client.conversations_open(users=user_id)["channel"]["id"]
        client.files_upload_v2(
            channel=channel,
            file=content,
            filename=f"cme-assistant-your-data-{date.today().isoformat()}.json",
            title="Your data (CME Assistant)",
            initial_comment=message("your_data_export_comment"),
        )
        self.runtime.audit.record(
            user_id, "data.export", f"member:{user_id}", {"via": "app_home", "bytes": len(content)}, team_id=team_id
        )
        return len(content)

    def delete(self, client: WebClient, user_id: str, team_id: str = "") -> DataReport:
        """Delete what the bot holds about the member (they confirmed in the modal), then tell them by DM."""
        report = self.data.delete(user_id, actor=user_id, team_id=team_id)
        channel = client.conversations_open(users=user_id)["channel"]["id"]
        client.chat_postMessage(channel=channel, text=message("your_data_deleted", total=str(report.total)))
        return report

    def failed(self, client: WebClient, user_id: str, error: Exception) -> None:
        log.exception("Your data: could not finish for %s", user_id, exc_info=error)
        try:
            channel = client.conversations_open(users=user_id)["channel"]["id"]
            client.chat_postMessage(channel=channel, text=message("your_data_failed", error=type(error).__name__))
        except Exception as exc:
            log.warning("Could not tell %s that it failed: %r", user_id, exc)


def team_of(body: dict[str, Any]) -> str:
    return str((body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id") or "")
