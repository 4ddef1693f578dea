"""The evaluation set format: one JSON object per line."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError


class EvalItem(BaseModel):
    id: str
    question: str
    answerable: bool
    must_mention: list[list[str]] = Field(default_factory=list)


class DatasetError(ValueError):
    pass


def load_items(path: Path) -> list[EvalItem]:
    items: list[EvalItem] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise DatasetError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: cannot be read ({exc.__class__.__name__})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            items.append(EvalItem.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise DatasetError(f"{path}:{number}: not a valid item ({exc.__class__.__name__})") from exc
    if not items:
        raise DatasetError(f"{path}: no items")
    return items
