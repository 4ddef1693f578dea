"""The audit log: who did what to what, and when, for every admin, curator and expert action (verifying, editing,
rejecting or retiring a community answer, verifying a document, clearing a held-back file, exporting, deleting
and purging members' data, admins viewing the settings in the App Home).

Append-only: this module adds and reads entries and has no way to change or remove one; the retention job and a
member's deletion leave the log alone (README: "Your data"). No Slack here."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select

from bot.storage.db import Database
from bot.storage.models._types import utcnow
from bot.storage.models.members import AuditEntry

log = logging.getLogger(__name__)

SYSTEM = "system"


def cli_actor() -> str:
    """Who runs a console command: the operating-system user (no Slack identity exists there)."""
    from bot.knowledge.clearances import local_user

    return f"cli:{local_user()}"


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    target: str
    team_id: str
    details: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(timespec="seconds") + "Z",
            "actor": self.actor,
            "action": self.action,
            "target": self.target,
            "team_id": self.team_id,
            "details": self.details,
        }

    def line(self) -> str:
        details = json.dumps(self.details, ensure_ascii=False, sort_keys=True) if self.details else ""
        team = f" [{self.team_id}]" if self.team_id else ""
        return f"{self.at:%Y-%m-%d %H:%M:%S}Z  {self.actor}  {self.action}  {self.target}{team}  {details}".rstrip()


class AuditLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self, actor: str, action: str, target: str = "", details: dict[str, Any] | None = None, team_id: str = ""
    ) -> int:
        """Append one entry. The action it records has already happened, so a failure to write is logged
        loudly rather than undoing (or failing) the action itself."""
        try:
            with self.db.session() as session:
                row = AuditEntry(
                    actor=(actor or "unknown")[:255],
                    action=action[:64],
                    target=(target or "")[:1024],
                    team_id=(team_id or "")[:32],
                    details=_jsonable(details or {}),
                )
                session.add(row)
                session.flush()
                return int(row.id)
        except Exception:
            log.exception("Could not write the audit entry %s %s %s", actor, action, target)
            return 0

    def entries(
        self, since: timedelta | None = None, *, now: datetime | None = None, about: str | None = None
    ) -> list[AuditRecord]:
        """Oldest first. `about`: only entries by that member, or done to them ("member:<id>")."""
        with self.db.session() as session:
            query = select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)
            if since is not None:
                query = query.where(AuditEntry.at >= (now or utcnow()) - since)
            if about:
                query = query.where(or_(AuditEntry.actor == about, AuditEntry.target == f"member:{about}"))
            return [
                AuditRecord(r.id, r.at, r.actor, r.action, r.target, r.team_id or "", dict(r.details or {}))
                for r in session.scalars(query)
            ]


def _jsonable(value: Any) -> Any:
    # Details come from many call sites (dates, paths, sets): stored as plain JSON, never failing the write.
    return json.loads(json.dumps(value, default=str))
