"""The admin channel (CMEBOT_ADMIN_CHANNEL) as the place where bot/services/health.py's alerts are posted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.services.health import AdminAlerts

if TYPE_CHECKING:
    from bot.slack.jobs import SlackJobs


def admin_channel(setting: str) -> tuple[str, str]:
    """(team, channel) from "C123" or "T123:C123" (the workspace of a multi-workspace install)."""
    team, _, channel = setting.strip().rpartition(":")
    return team.strip(), channel.strip()


def admin_alerts(jobs: SlackJobs) -> AdminAlerts:
    """Alerts posted with the bot token of the admin channel's workspace; only logged without a channel."""
    team, channel = admin_channel(jobs.settings.admin_channel)

    def post(text: str) -> Any:
        client = jobs.client_for({"team_id": team}, for_posting=True)
        return client.chat_postMessage(channel=channel, text=text, unfurl_links=False, unfurl_media=False)

    return AdminAlerts(jobs.settings, jobs.runtime.db, post if channel else None)
