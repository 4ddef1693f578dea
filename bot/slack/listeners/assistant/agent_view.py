"""Slack's agent experience (`features.agent_view`): the member's DM with the bot is the agent conversation.

There is no assistant_thread_started there: opening the Messages tab (app_home_opened, tab "messages") is the
moment to suggest prompts, and app_context_changed says which channel the member is viewing, so the suggestions
follow it. Registered before the App Home listener (bot/slack/listeners/__init__.py), which keeps the Home tab."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.agent import viewed_channel
from bot.slack.jobs import jobs_for

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.runtime import Runtime


def _messages_tab(event: dict[str, Any]) -> bool:
    return event.get("tab") == "messages"


def register(app: App, runtime: Runtime) -> None:
    agent = jobs_for(runtime).agent

    @app.event("app_context_changed")
    def on_app_context_changed(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        agent.seen(context.team_id)
        user, viewing = str(event.get("user") or ""), event.get("context") or {}
        agent.remember_context(str(context.team_id or ""), user, viewing)
        if event.get("channel"):  # the member's conversation with the bot
            agent.set_prompts(client, str(event["channel"]), viewed_channel(viewing))

    @app.event("app_home_opened", matchers=[_messages_tab])
    def on_messages_tab_opened(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        team = str(context.team_id or "")
        # A classic DM has no suggested prompts (Slack refuses them): nothing to do, as before the agent view.
        if not agent.enabled(team) or not event.get("channel"):
            return
        viewing = event.get("context") or agent.context_of(team, str(event.get("user") or ""))
        agent.set_prompts(client, str(event["channel"]), viewed_channel(viewing))
