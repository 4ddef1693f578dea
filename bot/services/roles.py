"""Who may do what: the one place that decides a member's roles.

    admin    CMEBOT_ADMINS, or a member of a CMEBOT_ADMIN_GROUP user group
    curator  CMEBOT_CURATORS or CMEBOT_CURATOR_GROUP; admins are curators too
    expert   CMEBOT_EXPERTS, topic experts named by user id (CMEBOT_TOPIC_EXPERTS), CMEBOT_EXPERT_GROUP;
             admins are experts too
    member   everyone

User groups are read with usergroups.users.list (scope usergroups:read) and cached for
CMEBOT_ROLE_GROUPS_TTL_SECONDS. Without the scope (an app not reinstalled since it was added), or with Slack
unreachable, a group counts as empty (or as last seen) and the ids in the settings still count: a missing scope
never takes a role away from someone listed by id, nor gives one to anyone. Groups need the single-workspace
bot token (SLACK_BOT_TOKEN); with OAuth installs only the ids count, with one log line saying so."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger(__name__)

Role = Literal["admin", "curator", "expert", "member"]
ROLES: tuple[Role, ...] = ("admin", "curator", "expert", "member")
# Errors after which asking again within the TTL cannot succeed: the app lacks the scope or the token is wrong.
_PERMANENT = frozenset(
    {"missing_scope", "not_allowed_token_type", "no_permission", "invalid_auth", "not_authed", "paid_teams_only"}
)
# How long to wait before asking again after Slack failed in a way that may pass (timeouts, 5xx).
_RETRY_SECONDS = 30.0

# A group id -> its members' user ids; raises GroupLookupError, or anything a network call may raise.
GroupLookup = Callable[[str], frozenset[str]]


class GroupLookupError(Exception):
    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


@dataclass(frozen=True)
class _Cached:
    members: frozenset[str]
    until: float


def slack_group_lookup(settings: Settings) -> GroupLookup | None:
    """usergroups.users.list with the workspace's bot token, or None when there is no single token."""
    if settings.slack_bot_token is None:
        return None
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

    # A short timeout: roles are asked on listener threads, and a slow Slack must not hold a click for long.
    client = WebClient(token=settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url, timeout=5)

    def lookup(group: str) -> frozenset[str]:
        try:
            reply = client.usergroups_users_list(usergroup=group)
        except SlackApiError as exc:
            raise GroupLookupError(str(exc.response.get("error") or "error")) from exc
        return frozenset(str(user) for user in reply.get("users") or [])

    return lookup


class Roles:
    """Roles from the settings (read afresh on every call: tests and reloads replace them) and user groups."""

    def __init__(
        self,
        settings: Callable[[], Settings],
        lookup: GroupLookup | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = settings
        self._lookup = lookup
        self._lookup_for: Any = None  # the settings object the default lookup was made for
        self._default: GroupLookup | None = None
        self._clock = clock
        self._cache: dict[str, _Cached] = {}
        self._lock = threading.Lock()
        self._warned: set[str] = set()

    @property
    def settings(self) -> Settings:
        return self._settings()

    # --- user groups ---------------------------------------------------------------------------------------
    def _group_lookup(self) -> GroupLookup | None:
        if self._lookup is not None:
            return self._lookup
        settings = self.settings
        if self._lookup_for is not settings:
            self._lookup_for = settings
            self._default = slack_group_lookup(settings)
        return self._default

    def group_members(self, group: str) -> frozenset[str]:
        now = self._clock()
        with self._lock:
            cached = self._cache.get(group)
            if cached is not None and now < cached.until:
                return cached.members
        lookup = self._group_lookup()
        ttl = self.settings.role_groups_ttl_seconds
        if lookup is None:
            self._warn_once("no-token", "Role user groups need SLACK_BOT_TOKEN; only user ids in the settings count")
            members, until = frozenset(), now + ttl
        else:
            try:
                members, until = lookup(group), now + ttl
            except GroupLookupError as exc:
                if exc.error in _PERMANENT:
                    self._warn_once(
                        f"{exc.error}",
                        f"Cannot read user group {group} ({exc.error}): add the usergroups:read scope and reinstall "
                        "the app; until then only user ids in the settings hold roles",
                    )
                    members, until = frozenset(), now + ttl
                else:
                    log.warning("Could not read user group %s (%s); trying again shortly", group, exc.error)
                    members, until = (cached.members if cached else frozenset()), now + min(ttl, _RETRY_SECONDS)
            except Exception as exc:  # Slack unreachable: keep what we knew, ask again soon
                log.warning("Could not read user group %s: %r", group, exc)
                members, until = (cached.members if cached else frozenset()), now + min(ttl, _RETRY_SECONDS)
        with self._lock:
            self._cache[group] = _Cached(members, until)
        return members

    def _in_groups(self, user_id: str, groups: list[str]) -> bool:
        return any(user_id in self.group_members(group) for group in groups if group)

    def _warn_once(self, key: str, text: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning(text)

    def forget(self) -> None:
        """Drop cached group memberships (a test, or an admin who just changed a group and wants it now)."""
        with self._lock:
            self._cache.clear()

    # --- roles ---------------------------------------------------------------------------------------------
    def is_admin(self, user_id: str) -> bool:
        settings = self.settings
        return bool(user_id) and (user_id in settings.admins or self._in_groups(user_id, settings.admin_group))

    def is_curator(self, user_id: str) -> bool:
        settings = self.settings
        return bool(user_id) and (
            user_id in settings.curators or self.is_admin(user_id) or self._in_groups(user_id, settings.curator_group)
        )

    def is_expert(self, user_id: str) -> bool:
        settings = self.settings
        return bool(user_id) and (
            settings.is_expert(user_id)  # experts, topic experts by id, admins by id
            or self.is_admin(user_id)
            or self._in_groups(user_id, settings.expert_group)
        )

    def of(self, user_id: str) -> frozenset[Role]:
        roles: set[Role] = {"member"} if user_id else set()
        if self.is_admin(user_id):
            roles |= {"admin", "curator", "expert"}
        if self.is_curator(user_id):
            roles.add("curator")
        if self.is_expert(user_id):
            roles.add("expert")
        return frozenset(roles)

    def describe(self) -> dict[str, Any]:
        """Where each role comes from (for admins' App Home and `cmebot audit`): ids and group ids, never tokens."""
        settings = self.settings
        return {
            "admins": {"users": list(settings.admins), "groups": list(settings.admin_group)},
            "curators": {"users": list(settings.curators), "groups": list(settings.curator_group)},
            "experts": {"users": list(settings.experts), "groups": list(settings.expert_group)},
        }
