"""Roles from the settings and from Slack user groups (cached with a TTL; a missing scope or an unreachable Slack
never takes away a role given by id), and the audit entries of the community store's actions."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.config import Settings
from bot.runtime import Runtime
from bot.services.audit import AuditLog
from bot.services.community import NewItem
from bot.services.roles import GroupLookupError, Roles
from tests.conftest import make_settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Groups:
    """A stand-in for usergroups.users.list: members per group, or an error to raise, and the calls made."""

    def __init__(self, members: dict[str, set[str]]) -> None:
        self.members = members
        self.error: Exception | None = None
        self.calls: list[str] = []

    def __call__(self, group: str) -> frozenset[str]:
        self.calls.append(group)
        if self.error is not None:
            raise self.error
        return frozenset(self.members.get(group, set()))


def settings(tmp_path: Path, **values: object) -> Settings:
    return make_settings(tmp_path, **values)


def test_roles_from_ids_and_groups(tmp_path: Path) -> None:
    config = settings(
        tmp_path,
        CMEBOT_ADMINS="U0ADMIN",
        CMEBOT_CURATORS="U0CUR",
        CMEBOT_EXPERTS="U0EXP",
        CMEBOT_TOPIC_EXPERTS="eaccme:U0TOPIC S0TAGGED",
        CMEBOT_ADMIN_GROUP="S0ADMINS",
        CMEBOT_CURATOR_GROUP="S0CURATORS",
        CMEBOT_EXPERT_GROUP="S0EXPERTS,S0MORE",
    )
    groups = Groups(
        {"S0ADMINS": {"U1"}, "S0CURATORS": {"U2"}, "S0EXPERTS": {"U3"}, "S0MORE": {"U4"}, "S0TAGGED": {"U5"}}
    )
    roles = Roles(lambda: config, groups, Clock())
    assert roles.of("U0ADMIN") == {"admin", "curator", "expert", "member"}
    assert roles.of("U1") == {"admin", "curator", "expert", "member"}  # by group
    assert roles.of("U0CUR") == roles.of("U2") == {"curator", "member"}
    assert roles.of("U0EXP") == roles.of("U3") == roles.of("U4") == roles.of("U0TOPIC") == {"expert", "member"}
    assert roles.of("U5") == {"member"}  # a topic's user group is tagged on escalations, not trusted to verify
    assert roles.of("U9") == {"member"} and roles.of("") == frozenset()
    assert roles.describe()["experts"] == {"users": ["U0EXP"], "groups": ["S0EXPERTS", "S0MORE"]}


def test_group_members_are_cached_for_the_ttl(tmp_path: Path) -> None:
    config = settings(tmp_path, CMEBOT_ADMIN_GROUP="S0ADMINS", CMEBOT_ROLE_GROUPS_TTL_SECONDS="60")
    groups, clock = Groups({"S0ADMINS": {"U1"}}), Clock()
    roles = Roles(lambda: config, groups, clock)
    assert roles.is_admin("U1") and not roles.is_admin("U2") and roles.is_admin("U1")
    assert groups.calls == ["S0ADMINS"]  # one call for three checks
    groups.members["S0ADMINS"] = {"U2"}
    clock.now += 59
    assert roles.is_admin("U1")  # still cached
    clock.now += 2
    assert roles.is_admin("U2") and not roles.is_admin("U1")  # read again after the TTL
    assert groups.calls == ["S0ADMINS", "S0ADMINS"]


def test_a_missing_scope_degrades_to_the_ids_and_is_logged_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = settings(tmp_path, CMEBOT_ADMINS="U0ADMIN", CMEBOT_ADMIN_GROUP="S0ADMINS")
    groups, clock = Groups({"S0ADMINS": {"U1"}}), Clock()
    groups.error = GroupLookupError("missing_scope")
    roles = Roles(lambda: config, groups, clock)
    with caplog.at_level(logging.WARNING, logger="bot.services.roles"):
        assert not roles.is_admin("U1") and roles.is_admin("U0ADMIN")
        clock.now += 1000
        assert not roles.is_admin("U1")
    warnings = [r.getMessage() for r in caplog.records if "usergroups:read" in r.getMessage()]
    assert len(warnings) == 1


def test_an_unreachable_slack_keeps_the_last_known_members(tmp_path: Path) -> None:
    config = settings(tmp_path, CMEBOT_EXPERT_GROUP="S0EXPERTS", CMEBOT_ROLE_GROUPS_TTL_SECONDS="300")
    groups, clock = Groups({"S0EXPERTS": {"U3"}}), Clock()
    roles = Roles(lambda: config, groups, clock)
    assert roles.is_expert("U3")
    groups.error = TimeoutError("slack is slow")
    clock.now += 301
    assert roles.is_expert("U3")  # kept from the last answer
    groups.error = GroupLookupError("internal_error")
    clock.now += 31
    assert roles.is_expert("U3")
    groups.error = None
    groups.members["S0EXPERTS"] = set()
    clock.now += 31  # a failure is retried after 30 s, not after the whole TTL
    assert not roles.is_expert("U3")


def test_without_a_bot_token_only_ids_count(tmp_path: Path) -> None:
    config = settings(tmp_path, CMEBOT_ADMINS="U0ADMIN", CMEBOT_ADMIN_GROUP="S0ADMINS")
    roles = Roles(lambda: config)  # the default lookup needs SLACK_BOT_TOKEN
    assert roles.is_admin("U0ADMIN") and not roles.is_admin("U1")


def test_the_community_store_writes_who_verified_edited_rejected_and_retired(runtime: Runtime) -> None:
    runtime.settings = runtime.settings.model_copy(update={"experts": ["U0EXP"], "admins": ["U0ADMIN"]})
    vectors = runtime.embed_texts(["Which LMS do members use?"])
    item = runtime.community.save(
        NewItem(team_id="T1", question="Which LMS do members use?", answer="Several.", saved_by="U1"), vectors
    )
    runtime.community.verify(item.id, "U0EXP")
    runtime.community.edit(item.id, "U0ADMIN", question="Which LMS do members use?", answer="Many.", vectors=vectors)
    runtime.community.reject(item.id, "U0EXP")
    runtime.community.retire(item.id, "U0ADMIN", "superseded")
    expert_saved = runtime.community.save(
        NewItem(team_id="T1", question="Is a journal club CME?", answer="Often.", saved_by="U0EXP"), vectors
    )
    upload = runtime.community.record_upload(
        team_id="T1",
        doc_id="/data/uploads/2026-01-01-U0ADMIN/policy.md",
        name="policy.md",
        uploader="U0ADMIN",
        content_hash="abc",
    )
    runtime.verify_upload(upload, "U0EXP", "T1")
    with pytest.raises(PermissionError):
        runtime.community.verify(item.id, "U1")  # not an expert: refused, and nothing is written
    entries = [(e.actor, e.action, e.target, e.team_id) for e in runtime.audit.entries()]
    assert entries == [
        ("U0EXP", "community.verify", f"community:{item.id}", "T1"),
        ("U0ADMIN", "community.edit", f"community:{item.id}", "T1"),
        ("U0EXP", "community.reject", f"community:{item.id}", "T1"),
        ("U0ADMIN", "community.retire", f"community:{item.id}", "T1"),
        ("U0EXP", "community.verify", f"community:{expert_saved.id}", "T1"),
        ("U0EXP", "upload.verify", f"upload:{upload}", "T1"),
    ]
    assert runtime.audit.entries()[3].details == {"reason": "superseded"}


def test_the_audit_log_can_only_be_appended_to(runtime: Runtime) -> None:
    log = AuditLog(runtime.db)
    public = {name for name in dir(log) if not name.startswith("_")}
    assert public == {"db", "entries", "record"}
    log.record("U1", "data.export", "member:U1", {"bytes": 10, "when": Path("x")})
    [entry] = log.entries(about="U1")
    assert entry.details == {"bytes": 10, "when": "x"} and "data.export" in entry.line()
    assert log.entries(about="U12") == []  # a longer id is another member
