"""The evaluation set format: one JSON object per line."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, model_validator


class EvalItem(BaseModel):
    """One question, or a thread (`turns`: earlier messages then the one to answer), and what a correct answer
    to the last message holds: every `must_mention` group (one alternative each), none of `must_not`, and one of
    `lead` in its first sentence (such as "no" for a question whose answer is no)."""

    id: str
    question: str = ""
    turns: list[str] = Field(default_factory=list)
    answerable: bool = True
    must_mention: list[list[str]] = Field(default_factory=list)
    must_not: list[str] = Field(default_factory=list)
    lead: list[str] = Field(default_factory=list)
    category: str = ""
    label: str = ""
    follow_up: bool | None = None

    @model_validator(mode="after")
    def _question_or_turns(self) -> EvalItem:
        if not self.question and not self.turns:
            raise ValueError("an item needs a question or turns")
        if not self.question:
            self.question = self.turns[-1]
        if self.label and self.label != "answerable":
            self.answerable = False
        # A thread whose last turn is clinical, off-topic or asks what the knowledge cannot hold ("btw what's the
        # dose of ...?") is written with nothing the answer must hold: such an item expects a decline, unless it says
        # it is answerable.
        if "answerable" not in self.model_fields_set and not self.label and not self.must_mention and not self.lead:
            self.answerable = False
        return self

    @property
    def history(self) -> list[str]:
        return self.turns[:-1] if self.turns else []

    @property
    def group(self) -> str:
        return self.category or self.label or ("answerable" if self.answerable else "unanswerable")


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
