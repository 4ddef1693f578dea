"""The welcome and the pathway on Slack's Web API: the one-time welcome DM, updating it in place, step
modals, the nudge and the App Home. Shared by the event and action listeners; knows nothing of Bolt."""

from __future__ import annotations

import logging
import re
import threading
import time
import weakref
from dataclasses import replace
from datetime import timedelta
from typing import Any

from slack_sdk import WebClient

from bot.config import Settings
from bot.onboarding.content import PathwayContent
from bot.onboarding.home import build_home
from bot.onboarding.pathway import fill, welcome_text
from bot.onboarding.service import OnboardingService
from bot.runtime import Runtime
from bot.services.knowledge_release import is_reviewer
from bot.slack.blocks.community import experts_home_blocks
from bot.slack.blocks.home import cap, home_view
from bot.slack.blocks.onboarding import detail_modal, nudge_blocks, welcome_blocks, welcome_fallback
from bot.slack.community import CommunitySlack
from bot.slack.member_data_ui import YourDataSlack

log = logging.getLogger(__name__)

SLACKBOT = "USLACKBOT"
_CHANNEL_ID = re.compile(r"[CG][A-Z0-9]{6,}")


# Admins' gaps panel: clustering a month of questions takes seconds, so it is recomputed at most this often.
GAPS_CACHE_SECONDS = 600.0
_GAPS_CACHE: weakref.WeakKeyDictionary[Any, dict[str, tuple[float, list[dict[str, Any]]]]] = weakref.WeakKeyDictionary()


def display_name(user: dict[str, Any]) -> str:
    profile = user.get("profile") or {}
    for name in (profile.get("first_name"), profile.get("display_name"), profile.get("real_name"), user.get("name")):
        if name and str(name).strip():
            return str(name).strip()
    return ""


class OnboardingSlack:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.service = OnboardingService(runtime.db, runtime.settings)
        # Channel id -> name, so configured channel names cost one lookup per channel, not one per join.
        self._channel_names: dict[str, str] = {}
        self._channel_lock = threading.Lock()  # joins arrive in bursts on parallel listener threads
        # Community surfaces of the App Home (experts' queue, admins' gaps), with their membership and team caches.
        self.community = CommunitySlack(runtime)
        self.your_data = YourDataSlack(runtime)  # "Your data", and the settings panel for admins

    @property
    def settings(self) -> Settings:
        return self.runtime.settings

    # --- who gets welcomed -----------------------------------------------------------------------------
    def wants_welcome(self, user: dict[str, Any], bot_user_id: str | None) -> bool:
        """Never bots (ours included), Slackbot or deactivated accounts; guests only if configured."""
        if user.get("id") in (SLACKBOT, bot_user_id) or user.get("is_bot") or user.get("is_app_user"):
            return False
        if user.get("deleted"):
            return False
        if user.get("is_restricted") or user.get("is_ultra_restricted"):
            return bool(self.settings.welcome_guests)
        return True

    def is_welcome_channel(self, client: WebClient, channel_id: str) -> bool:
        """CMEBOT_WELCOME_CHANNELS may list channel ids or names; names cost one conversations.info call."""
        configured = {c.strip().lstrip("#") for c in self.settings.welcome_channels if c.strip()}
        if channel_id in configured:
            return True
        names = {c for c in configured if not _CHANNEL_ID.fullmatch(c)}
        if not names:
            return False
        with self._channel_lock:
            if channel_id not in self._channel_names:
                info = client.conversations_info(channel=channel_id)
                self._channel_names[channel_id] = str((info.get("channel") or {}).get("name", ""))
            return self._channel_names[channel_id] in names

    # --- the welcome ------------------------------------------------------------------------------------
    def welcome(self, client: WebClient, user: dict[str, Any], *, source: str, channel: str | None = None) -> bool:
        """DM the welcome once per member, ever. True if this call sent it."""
        user_id = str(user["id"])
        if not self.service.claim_welcome(user_id, source):
            log.info("Member %s was already welcomed; not again (%s)", user_id, source)
            return False
        text = welcome_text(display_name(user))
        try:
            dm = client.conversations_open(users=user_id)["channel"]["id"]
            blocks = welcome_blocks(self.service.pathway, text, self.service.checklist(user_id))
            posted = client.chat_postMessage(channel=dm, text=welcome_fallback(text), blocks=blocks)
        except Exception:
            # Nothing reached the member: give the claim back so their next join (or team_join) welcomes them.
            self.service.release_welcome(user_id)
            raise
        self.service.record_welcome_message(user_id, dm, str(posted["ts"]))
        if channel and self.settings.welcome_public_greeting:
            greeting = fill(self.service.pathway.public_greeting, mention=f"<@{user_id}>")
            client.chat_postMessage(channel=channel, text=greeting)
        return True

    def refresh_welcome(self, client: WebClient, user_id: str) -> bool:
        """Re-render the welcome DM's checklist in place; False if this member has no welcome DM."""
        message = self.service.welcome_message(user_id)
        if message is None:
            return False
        # The greeting is redrawn too (chat.update replaces all blocks), so it needs the member's name again.
        text = welcome_text(display_name(self._user(client, user_id)))
        blocks = welcome_blocks(self.service.pathway, text, self.service.checklist(user_id))
        client.chat_update(channel=message.channel, ts=message.ts, text=welcome_fallback(text), blocks=blocks)
        return True

    def _user(self, client: WebClient, user_id: str) -> dict[str, Any]:
        return dict(client.users_info(user=user_id)["user"])

    # --- steps ------------------------------------------------------------------------------------------
    def detail_view(self, user_id: str, item_id: str) -> dict[str, Any]:
        detail = PathwayContent(self.service.pathway, self.settings).detail(item_id)
        return detail_modal(detail, done=item_id in self.service.completed(user_id))

    def tick(self, client: WebClient, user_id: str, item_id: str) -> None:
        self.service.complete(user_id, item_id)
        self.refresh_welcome(client, user_id)
        self.publish_home(client, user_id)

    # --- nudge and Home -----------------------------------------------------------------------------------
    def send_nudge(self, client: WebClient, user_id: str) -> None:
        name = display_name(self._user(client, user_id))
        text = fill(self.service.pathway.nudge, name=name or "there")
        dm = client.conversations_open(users=user_id)["channel"]["id"]
        client.chat_postMessage(channel=dm, text=text, blocks=nudge_blocks(text))

    def publish_home(self, client: WebClient, user_id: str) -> None:
        if self.service.sync_flow_progress(user_id):
            self.refresh_welcome(client, user_id)
        team = self.community.team_of(client) if self.settings.multi_workspace else None
        model = build_home(self.runtime, self.service, user_id, team)
        if model.admin is not None:
            # Other members' questions from private channels and DMs are counted, never shown, even to admins.
            model = replace(
                model, admin=replace(model.admin, unanswered=self._public_only(client, model.admin.unanswered))
            )
        view = home_view(model, self.service.pathway)
        # "Your data" for everyone (and the settings panel for admins), before the longer role panels so the
        # 100-block cap never trims it away.
        view["blocks"] = cap(view["blocks"] + self.your_data.home_blocks(user_id, team or ""))
        if self.runtime.roles.is_expert(user_id):
            view["blocks"] = cap(view["blocks"] + self._experts_blocks(client, user_id))
        if is_reviewer(self.runtime, user_id):
            view["blocks"] = cap(view["blocks"] + self._release_blocks(client, user_id))
        if self.runtime.roles.is_curator(user_id):  # curators (admins included) see the gaps
            view["blocks"] = cap(view["blocks"] + self._gaps_blocks(client))
        client.views_publish(user_id=user_id, view=view)

    def _public_only(self, client: WebClient, entries: tuple[Any, ...]) -> tuple[Any, ...]:
        is_public = self.community.public_checker(client)
        private = "(asked in a private channel or DM)"
        return tuple(entry if is_public(entry.channel_id) else replace(entry, question=private) for entry in entries)

    def _gaps_blocks(self, client: WebClient) -> list[dict[str, Any]]:
        """Admins: the last 30 days' gaps (what `cmebot insights` prints), computed at most every 10 minutes."""
        from bot.services.insights import build_report
        from bot.slack.blocks.community import gaps_home_blocks

        team = self.community.team_of(client)
        per_team = _GAPS_CACHE.setdefault(self.runtime, {})
        cached = per_team.get(team)  # one workspace's panel is never served to another's admins
        if cached is None or time.monotonic() - cached[0] > GAPS_CACHE_SECONDS:
            questions_of = team if self.settings.multi_workspace else None
            report = build_report(
                self.runtime,
                timedelta(days=30),
                self.community.public_checker(client),
                team_id=team,
                questions_of=questions_of,
            )
            cached = per_team[team] = (time.monotonic(), gaps_home_blocks(report))
        return list(cached[1])

    def _experts_blocks(self, client: WebClient, user_id: str) -> list[dict[str, Any]]:
        """Questions waiting for an expert and saved answers to verify, limited to what this expert may see."""
        community = self.community
        team = community.team_of(client)
        audience = community.audience(client, team=team, channel="", user=user_id)
        dm_view = replace(audience, is_dm=True)  # an expert sees private-channel items only as a member
        pending = community.store.visible(dm_view, statuses=("pending", "needs_review"))
        uploads = community.store.uploads(team, status="unreviewed")
        return experts_home_blocks(pending, community.store.waiting(team), uploads)

    def _release_blocks(self, client: WebClient, user_id: str) -> list[dict[str, Any]]:
        """Curators and experts: what changed in the knowledge and what cites it; community answers only of this
        workspace and only those this member may see (as in the experts' queue)."""
        from bot.slack.blocks.knowledge_release import release_home_blocks

        team = self.community.team_of(client)
        audience = replace(self.community.audience(client, team=team, channel="", user=user_id), is_dm=True)
        releases = self.runtime.releases
        groups = releases.open_reviews(team_id=team, may_see=lambda item: item.visible_to(audience))
        installed = releases.installed()
        return release_home_blocks(groups, installed.version if installed else None, releases.changelog().version)
