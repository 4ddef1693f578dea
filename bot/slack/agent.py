"""Slack's agent experience (the AI app surface: `features.agent_view` in manifest.yml) on the Web API: whether a
workspace has it, the thread's status line while a question is answered, and suggested prompts that follow the
channel the member is viewing. Shared by the intake, the job workers and the assistant listeners; knows nothing
of Bolt.

A workspace has the agent surface when CMEBOT_AGENT_VIEW is "on", or ("auto") once Slack has sent one of
AGENT_EVENTS from it: those only come from a workspace where the app's agent view is on. The fact is kept in the
event ledger, so every replica learns it, and cached here so the intake (on the ack path) rarely reads it."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.runtime import Runtime
from bot.texts import load_yaml

log = logging.getLogger(__name__)

# Events Slack sends only where the app's agent (or older assistant) view is on.
AGENT_EVENTS = ("assistant_thread_started", "assistant_thread_context_changed", "app_context_changed")
MAX_PROMPTS = 4  # Slack shows at most four suggested prompts
_KNOWN_SECONDS = 600.0  # a workspace seen with the agent surface: re-read now and then (an admin may turn it off)
_UNKNOWN_SECONDS = 30.0  # not seen yet: another replica may learn it any moment, so ask the ledger again soon
_CONTEXTS_KEPT = 2000


def _ledger_key(team: str) -> str:
    return f"agent-surface:{team or '-'}"


class AgentSlack:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self._lock = threading.Lock()
        self._teams: dict[str, tuple[bool, float]] = {}
        self._channel_names: dict[str, str] = {}
        # What each member is viewing (app_context_changed): the latest context per (team, member).
        self._contexts: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()

    # --- which workspaces have the agent surface ---------------------------------------------------------
    def enabled(self, team: str | None) -> bool:
        mode = self.runtime.settings.agent_view
        if mode != "auto":
            return mode == "on"
        team = team or ""
        now = time.monotonic()
        with self._lock:
            cached = self._teams.get(team)
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            known = self.runtime.events.seen(_ledger_key(team))
        except Exception as exc:  # the database is down: the question is still taken in, the classic way
            log.warning("Could not read whether workspace %s has the agent view: %r", team or "?", exc)
            return cached[0] if cached is not None else False
        with self._lock:
            self._teams[team] = (known, now + (_KNOWN_SECONDS if known else _UNKNOWN_SECONDS))
        return known

    def seen(self, team: str | None) -> None:
        """Slack sent an agent event from `team`: its members talk to the bot through the agent surface."""
        team = team or ""
        with self._lock:
            cached = self._teams.get(team)
            if cached is not None and cached[0]:
                return
            self._teams[team] = (True, time.monotonic() + _KNOWN_SECONDS)
        self.runtime.events.claim(_ledger_key(team), kind="agent_surface")

    # --- what the member is viewing ----------------------------------------------------------------------
    def remember_context(self, team: str, user: str, context: dict[str, Any]) -> None:
        with self._lock:
            self._contexts[(team, user)] = dict(context)
            self._contexts.move_to_end((team, user))
            while len(self._contexts) > _CONTEXTS_KEPT:
                self._contexts.popitem(last=False)

    def context_of(self, team: str, user: str) -> dict[str, Any]:
        with self._lock:
            return dict(self._contexts.get((team, user)) or {})

    # --- suggested prompts -------------------------------------------------------------------------------
    def prompts_for(self, client: WebClient, channel_id: str | None) -> tuple[str, list[dict[str, str]]]:
        """The title and (at most four) prompts for a member viewing `channel_id`: the first channel rule whose
        pattern matches the channel's name puts its prompts first, the defaults fill the rest."""
        config = load_yaml("assistant.yml")
        defaults = [_prompt(p) for p in config.get("default") or []]
        chosen: list[dict[str, str]] = []
        name = self.channel_name(client, channel_id) if channel_id else ""
        if name:
            for rule in config.get("channels") or []:
                if re.search(str(rule.get("match") or "(?!)"), name, flags=re.IGNORECASE):
                    chosen = [_prompt(p) for p in rule.get("prompts") or []]
                    break
        titles = {p["title"] for p in chosen}
        prompts = chosen + [p for p in defaults if p["title"] not in titles]
        return str(config.get("title") or ""), prompts[:MAX_PROMPTS]

    def channel_name(self, client: WebClient, channel_id: str) -> str:
        """A channel's name (one conversations.info per channel per process); "" for DMs or when it cannot be
        read (a private channel the bot is not in): then the defaults are suggested."""
        if not channel_id or channel_id.startswith("D"):
            return ""
        with self._lock:
            if channel_id in self._channel_names:
                return self._channel_names[channel_id]
        try:
            info = client.conversations_info(channel=channel_id)
            name = str((info.get("channel") or {}).get("name") or "")
        except SlackApiError as exc:
            log.info("Could not read the name of %s for prompts: %s", channel_id, exc.response.get("error"))
            name = ""
        with self._lock:
            self._channel_names[channel_id] = name
        return name

    def set_prompts(self, client: WebClient, channel: str, viewing: str | None, thread_ts: str | None = None) -> bool:
        """Suggest prompts in a member's conversation with the bot. `thread_ts` only for the older assistant
        experience: Slack ignores a call that names a thread for an agent-view app."""
        title, prompts = self.prompts_for(client, viewing)
        try:
            client.assistant_threads_setSuggestedPrompts(
                channel_id=channel, thread_ts=thread_ts, title=title or None, prompts=prompts
            )
        except SlackApiError as exc:
            log.info("Could not set suggested prompts in %s: %s", channel, exc.response.get("error"))
            return False
        return True

    # --- the status line while answering --------------------------------------------------------------------
    def set_status(self, client: WebClient, payload: dict[str, Any]) -> bool:
        """Show "Searching the Standards..." under the member's question; False where Slack refuses (no agent
        surface, an older app), and the caller shows the hourglass reaction instead."""
        config = load_yaml("assistant.yml")
        loading = list(config.get("loading_messages") or [])
        return self._status(client, payload, str(config.get("status") or ""), loading)

    def clear_status(self, client: WebClient, payload: dict[str, Any]) -> bool:
        return self._status(client, payload, "", None)

    @staticmethod
    def _status(client: WebClient, payload: dict[str, Any], status: str, loading: list[str] | None) -> bool:
        thread_ts = payload.get("thread_ts") or payload.get("ts")
        if not thread_ts or not payload.get("channel"):
            return False
        try:
            client.assistant_threads_setStatus(
                channel_id=str(payload["channel"]),
                thread_ts=str(thread_ts),
                status=status,
                loading_messages=loading or None,
            )
        except SlackApiError as exc:
            log.info("Thread status not set in %s: %s", payload.get("channel"), exc.response.get("error"))
            return False
        return True


def _prompt(entry: Any) -> dict[str, str]:
    if isinstance(entry, str):
        return {"title": entry, "message": entry}
    return {"title": str(entry["title"]), "message": str(entry.get("message") or entry["title"])}


def viewed_channel(context: dict[str, Any] | None) -> str | None:
    """The channel a member is viewing, from an assistant thread's context ({"channel_id": ...}) or an
    app_context_changed context ({"entities": [{"type": "slack#/types/channel_id", "value": ...}]}, most relevant
    first)."""
    if not isinstance(context, dict):
        return None
    if context.get("channel_id"):
        return str(context["channel_id"])
    for entity in context.get("entities") or []:
        if not isinstance(entity, dict):
            continue
        kind, value = str(entity.get("type") or ""), entity.get("value")
        if kind.endswith("channel_id") and value:
            return str(value)
        if kind.endswith("message_context") and isinstance(value, dict) and value.get("channel_id"):
            return str(value["channel_id"])
    return None
