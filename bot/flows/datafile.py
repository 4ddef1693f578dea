"""The answers of the outcomes flow that are not plain text: the shared data file and the item levels.

A data file answer is stored as text like every answer: a local path typed in the console, or, from Slack, a
small JSON object naming the shared file (id, name, size, private URL). The file itself is read only when the
flow finishes, by the surface that can reach it (the console from disk, Slack with the bot token)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Same cap as the analysis' own (bot.outcomes), checked early so a member hears it at the field.
MAX_DATA_BYTES = 50 * 2**20
DATA_SUFFIXES = (".csv", ".txt", ".tsv")

# Moore levels an item can measure; "5 self-reported" keeps self-report apart from practice data.
_LEVEL = re.compile(r"^(?P<level>3a|3b|[1-7])(?:\s*(?P<self>self[- ]?reported|self|s))?$", re.IGNORECASE)


@dataclass(frozen=True)
class DataFile:
    name: str
    path: Path | None = None  # console
    slack: dict[str, Any] | None = None  # Slack: the file object's id, name, size and private URLs

    @property
    def size(self) -> int:
        if self.path is not None:
            return self.path.stat().st_size
        return int((self.slack or {}).get("size") or 0)


def slack_file_answer(file: dict[str, Any]) -> str:
    keep = ("id", "name", "title", "size", "mimetype", "url_private_download", "url_private")
    return json.dumps({key: file.get(key) for key in keep if file.get(key) is not None}, sort_keys=True)


def parse_data_file(value: Any) -> DataFile | None:
    text = str(value or "").strip()
    if not text:
        return None
    if text.startswith("{"):
        try:
            file = json.loads(text)
        except json.JSONDecodeError:
            return None
        return DataFile(str(file.get("name") or file.get("id") or "file"), slack=file) if file else None
    path = Path(text.strip("'\"")).expanduser()
    return DataFile(path.name, path=path)


def check_data_file(value: Any) -> str | None:
    """The message to show at the field, or None when the file can be analysed."""
    data = parse_data_file(value)
    if data is None:
        return "Share the responses as a CSV file."
    if data.path is not None:
        if not data.path.is_file():
            return f"I can't find a file at {data.path}."
        try:
            with data.path.open("rb") as handle:
                handle.read(1)
        except OSError as exc:
            return f"I can't read {data.path}: {exc.strerror or exc}."
    if Path(data.name).suffix.lower() not in DATA_SUFFIXES:
        return f"{data.name} is not a CSV file; save the sheet as CSV (comma-separated) and share that."
    if data.size > MAX_DATA_BYTES:
        return f"{data.name} is {data.size / 2**20:.0f} MB; the limit is {MAX_DATA_BYTES // 2**20} MB."
    return None


@dataclass(frozen=True)
class ItemLevel:
    item: str
    objective: str
    level: str  # "3a", "3b", "4", "5", "6"...
    self_reported: bool = False


def parse_item_line(line: str) -> ItemLevel:
    """One "item | objective | Moore level" line; raises ValueError with a member-facing reason."""
    parts = [part.strip() for part in line.split("|")]
    if len(parts) != 3 or not parts[0]:
        raise ValueError("write item | objective | Moore level, e.g. q1 | Select patients for screening | 3a.")
    match = _LEVEL.match(parts[2])
    if not match:
        raise ValueError(f"“{parts[2][:20]}” is not a Moore level; use 3a, 3b, 4, 5, 5 self-reported or 6.")
    level = match.group("level").lower()
    self_reported = bool(match.group("self"))
    if self_reported and level != "5":
        raise ValueError("only performance (5) can be self-reported.")
    return ItemLevel(parts[0], parts[1], level, self_reported)


def parse_item_levels(text: str) -> list[ItemLevel]:
    """Every valid line of an item-levels answer (the invalid ones are reported by validation)."""
    items = []
    for line in str(text or "").splitlines():
        if line.strip():
            try:
                items.append(parse_item_line(line))
            except ValueError:
                continue
    return items
