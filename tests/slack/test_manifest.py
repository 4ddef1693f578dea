"""manifest.yml must declare exactly what the app listens to: a command or event registered in code but not
in the manifest never arrives; one in the manifest but not in code gets "dispatch_failed" in Slack."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from slack_bolt import Assistant

from bot.config import PROJECT_ROOT, Settings
from bot.runtime import Runtime
from bot.slack.agent import AGENT_EVENTS
from bot.slack.app import BOT_SCOPES
from bot.slack.intake import INTAKE_EVENTS
from bot.slack.listeners import register_all
from bot.texts import load_yaml

# Which bot scope each event subscription needs (Slack refuses the manifest otherwise).
EVENT_SCOPES = {
    "app_mention": "app_mentions:read",
    "message.im": "im:history",
    "team_join": "users:read",
    "member_joined_channel": "channels:read",
    "message.channels": "channels:history",
    "message.groups": "groups:history",
    "reaction_added": "reactions:read",
    "channel_archive": "channels:read",
    "channel_left": "channels:read",
    "group_archive": "groups:read",
    "group_left": "groups:read",
    # Slack's agent surface (features.agent_view).
    "assistant_thread_started": "assistant:write",
    "assistant_thread_context_changed": "assistant:write",
    "app_context_changed": "assistant:write",
}


class RecordingApp:
    """Stands in for the Bolt App while listeners register, recording what they register for."""

    def __init__(self) -> None:
        self.registered: dict[str, list[Any]] = {}

    def __getattr__(self, kind: str) -> Any:
        def register(*args: Any, **kwargs: Any) -> Any:
            self.registered.setdefault(kind, []).append(args[0] if args else kwargs)
            return lambda function: function  # used as a decorator or called with the handler

        return register


@pytest.fixture(scope="module")
def registered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Any]]:
    # A runtime on an empty data folder: registering listeners needs the database, never the index.
    settings = Settings(_env_file=None, CMEBOT_DATA_DIR=tmp_path_factory.mktemp("manifest"))  # type: ignore[call-arg]
    runtime = Runtime(settings)
    app = RecordingApp()
    register_all(app, runtime)  # type: ignore[arg-type]
    runtime.close()
    return app.registered


def _names(values: list[Any]) -> set[str]:
    return {v["type"] if isinstance(v, dict) else v for v in values if isinstance(v, str | dict)}


def manifest() -> dict[str, Any]:
    return yaml.safe_load((PROJECT_ROOT / "manifest.yml").read_text(encoding="utf-8"))


def test_slash_commands_match_the_registered_commands(registered: dict[str, list[Any]]) -> None:
    declared = {c["command"] for c in manifest()["features"]["slash_commands"]}
    assert declared == _names(registered.get("command", []))
    assert {"/cme", "/needs-assessment", "/mock-activity"} <= declared


def _assistant_events(registered: dict[str, list[Any]]) -> set[str]:
    """The events Bolt's Assistant middleware takes for the listeners registered on it."""
    events: set[str] = set()
    for assistant in registered.get("assistant", []):
        assert isinstance(assistant, Assistant)
        if assistant._thread_started_listeners:
            events.add("assistant_thread_started")
        if assistant._thread_context_changed_listeners:
            events.add("assistant_thread_context_changed")
        # A member's message in an assistant thread must reach the durable intake, not an Assistant listener.
        assert not assistant._user_message_listeners
    return events


def test_bot_events_match_the_registered_events(registered: dict[str, list[Any]]) -> None:
    declared = set(manifest()["settings"]["event_subscriptions"]["bot_events"])
    # Slack names message subscriptions by conversation type (message.im); Bolt registers plain "message".
    as_registered = {re.sub(r"^message\..*", "message", event) for event in declared}
    # Questions (mentions, DMs) are taken by the intake middleware before the ack, not by a listener; assistant
    # thread events by Bolt's Assistant middleware.
    handled = _names(registered.get("event", [])) | set(INTAKE_EVENTS) | _assistant_events(registered)
    assert as_registered == handled
    assert set(AGENT_EVENTS) <= declared and "message.im" in declared


def test_the_agent_view_uses_slacks_current_schema_and_the_bots_prompts() -> None:
    features = manifest()["features"]
    assert "assistant_view" not in features  # the deprecated form: an app has one or the other
    agent_view = features["agent_view"]
    assert set(agent_view) <= {"agent_description", "suggested_prompts", "actions"}
    assert 0 < len(agent_view["agent_description"]) <= 300  # Slack's limit
    prompts = agent_view["suggested_prompts"]
    assert 1 <= len(prompts) <= 4 and all(set(p) == {"title", "message"} for p in prompts)
    # Before the bot says anything Slack shows these; the bot's own defaults are the same.
    assert prompts == load_yaml("assistant.yml")["default"]
    titles = [p["title"] for p in prompts]
    assert titles == [
        "Is this webinar accredited?",
        "How many credits for my session?",
        "Start a needs assessment",
        "What does Standard 3 require?",
    ]
    assert "assistant:write" in manifest()["oauth_config"]["scopes"]["bot"]


def test_shortcuts_match_the_registered_shortcuts(registered: dict[str, list[Any]]) -> None:
    declared = {s["callback_id"] for s in manifest()["features"].get("shortcuts", [])}
    assert declared == _names(registered.get("shortcut", []))


def test_scopes_match_the_oauth_scopes_and_cover_every_event() -> None:
    app_manifest = manifest()
    scopes = app_manifest["oauth_config"]["scopes"]["bot"]
    assert sorted(scopes) == sorted(BOT_SCOPES)
    for event in app_manifest["settings"]["event_subscriptions"]["bot_events"]:
        if event in EVENT_SCOPES:
            assert EVENT_SCOPES[event] in scopes, event
    if app_manifest["features"]["slash_commands"]:
        assert "commands" in scopes


def test_socket_mode_interactivity_and_app_home_are_on() -> None:
    app_manifest = manifest()
    assert app_manifest["settings"]["socket_mode_enabled"] is True
    assert app_manifest["settings"]["interactivity"]["is_enabled"] is True
    assert app_manifest["features"]["app_home"]["messages_tab_enabled"] is True
    assert app_manifest["features"]["app_home"]["messages_tab_read_only_enabled"] is False
    assert app_manifest["features"]["bot_user"]["display_name"]
    # Slack's limits on the display information.
    info = app_manifest["display_information"]
    assert len(info["name"]) <= 35 and len(info["description"]) <= 140
    assert 175 <= len(info["long_description"]) <= 4000
    for command in app_manifest["features"]["slash_commands"]:
        assert len(command["description"]) <= 100 and command["command"].startswith("/")


def test_the_http_manifest_matches_the_socket_mode_one_with_urls_and_revocation_events() -> None:
    socket_mode = manifest()
    http = yaml.safe_load((PROJECT_ROOT / "manifest-http.yml").read_text())
    assert http["settings"]["socket_mode_enabled"] is False
    assert http["features"]["shortcuts"] == socket_mode["features"]["shortcuts"]
    assert http["features"]["agent_view"] == socket_mode["features"]["agent_view"]
    assert sorted(http["oauth_config"]["scopes"]["bot"]) == sorted(BOT_SCOPES)
    assert [c["command"] for c in http["features"]["slash_commands"]] == [
        c["command"] for c in socket_mode["features"]["slash_commands"]
    ]
    assert set(http["settings"]["event_subscriptions"]["bot_events"]) == set(
        socket_mode["settings"]["event_subscriptions"]["bot_events"]
    ) | {"app_uninstalled", "tokens_revoked"}
    urls = [http["settings"]["event_subscriptions"]["request_url"], http["settings"]["interactivity"]["request_url"]]
    urls += [c["url"] for c in http["features"]["slash_commands"]]
    assert set(urls) == {"https://YOUR-HOST/slack/events"}
    assert http["oauth_config"]["redirect_urls"] == ["https://YOUR-HOST/slack/oauth_redirect"]
