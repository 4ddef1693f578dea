"""The result rows shared by the needs-assessment analysis and the mock-activity checklist."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["met", "missing", "at_risk"]
STATUS_LABELS: dict[Status, str] = {"met": "Met", "missing": "Missing", "at_risk": "At risk"}
STATUS_ICONS: dict[Status, str] = {"met": "✅", "missing": "❌", "at_risk": "⚠️"}


@dataclass
class CheckItem:
    item: str
    status: Status
    source: str
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def note(self) -> str:
        return " ".join(self.notes)


def worst(statuses: list[Status]) -> Status:
    if "missing" in statuses:
        return "missing"
    return "at_risk" if "at_risk" in statuses else "met"
