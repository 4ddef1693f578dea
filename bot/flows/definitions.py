"""Flow definitions, read from prompts/flows/<name>.yml into typed models.

The YAML is meant to be edited by CME professionals, so loading checks it strictly and names the mistake."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from bot.texts import load_text

FLOW_NAMES = ("needs_assessment", "mock_activity", "outcomes", "disclosure_check")

# Slack rejects a plain_text_input whose max_length exceeds 3000, and modal titles over 24 characters.
SLACK_TEXT_LIMIT = 3000
SLACK_TITLE_LIMIT = 24

FieldType = Literal[
    "text",
    "long_text",
    "lines",
    "choice",
    "multi_choice",
    "duration",
    "agenda",
    "people",
    "needs_assessment",
    "data_file",  # a CSV shared in Slack's file input, or a path in the console
    "outcome_items",  # "item | objective | Moore level", one per line
    "relationships",  # "Name | role | company | nature | start | end | ownership", one per line
    "date",  # a calendar date: 2025-03-15, 15 March 2025, 03/15/2025
    "users",  # Slack members (a people picker in Slack; ids or names typed in the console)
]
# Typing instructions inside a label: "(one per line)", "(one session per line)".
_FORM_HINT = re.compile(r"\s*\((?:one|one [a-z]+) per line\)", re.IGNORECASE)
MULTILINE_TYPES = frozenset({"long_text", "lines", "agenda", "people", "outcome_items", "relationships"})
TEXT_TYPES = frozenset(
    {"text", "long_text", "lines", "duration", "agenda", "people", "outcome_items", "relationships", "date"}
)


class OptionDef(BaseModel):
    # Options carry extra keys used by the analysis (fits, rank, kind, designation, name...).
    model_config = ConfigDict(extra="allow")

    value: str
    label: str

    @field_validator("value", "label", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        # YAML reads `no`/`yes` or 3 as bool/int; the definition means text.
        return str(value).lower() if isinstance(value, bool) else str(value) if value is not None else value

    def extra(self, key: str, default: Any = None) -> Any:
        return (self.model_extra or {}).get(key, default)


class FieldDef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    label: str
    type: FieldType
    required: bool = False
    required_if: dict[str, str] = Field(default_factory=dict)
    max_length: int = 3000
    min_items: int = 0
    placeholder: str = ""
    help: str = ""
    # The label in a filed document, where form instructions such as "(one per line)" do not belong.
    document_label: str = ""
    # A data_file whose rows become another field's lines: the converter's name and that field (bot/flows/dynamic).
    convert: str = ""
    into: str = ""
    options: list[OptionDef] = Field(default_factory=list)

    @field_validator("max_length")
    @classmethod
    def _slack_limit(cls, value: int) -> int:
        if not 1 <= value <= SLACK_TEXT_LIMIT:
            raise ValueError(f"max_length must be between 1 and {SLACK_TEXT_LIMIT} (Slack's text input limit)")
        return value

    @model_validator(mode="after")
    def _options_for_choices(self) -> FieldDef:
        if self.type in ("choice", "multi_choice") and not self.options:
            raise ValueError(f"field {self.id!r} is a {self.type} but lists no options")
        return self

    @property
    def doc_label(self) -> str:
        return self.document_label or _FORM_HINT.sub("", self.label).strip()

    @property
    def multiline(self) -> bool:
        return self.type in MULTILINE_TYPES

    def option(self, value: str) -> OptionDef | None:
        return next((option for option in self.options if option.value == value), None)

    def label_for(self, value: str) -> str:
        option = self.option(value)
        return option.label if option else value


class StepDef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    label: str
    intro: str = ""
    # The accreditation criteria or standards this step's answers give evidence for, named in the document.
    supports: list[str] = Field(default_factory=list)
    # Fields derived from earlier answers by a registered provider (bot/flows/dynamic.py).
    dynamic: str = ""
    fields: list[FieldDef]
    require_one_of: list[str] = Field(default_factory=list)


class FlowDef(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str
    command: str
    title: str
    document_title: str
    title_field: str
    intro: str = ""
    steps: list[StepDef]
    prefill_from_needs_assessment: dict[str, str] = Field(default_factory=dict)
    statements: dict[str, str] = Field(default_factory=dict)
    non_educational: list[str] = Field(default_factory=list)

    @field_validator("title")
    @classmethod
    def _short_title(cls, value: str) -> str:
        if len(value) > SLACK_TITLE_LIMIT:
            raise ValueError(f"title must be at most {SLACK_TITLE_LIMIT} characters (Slack modal title)")
        return value

    @model_validator(mode="after")
    def _unique_fields(self) -> FlowDef:
        seen: set[str] = set()
        for step in self.steps:
            for field in step.fields:
                if field.id in seen:
                    raise ValueError(f"field id {field.id!r} is used twice")
                seen.add(field.id)
        return self

    @property
    def fields(self) -> dict[str, FieldDef]:
        return {field.id: field for step in self.steps for field in step.fields}

    def step_index(self, step_id: str) -> int:
        return next(i for i, step in enumerate(self.steps) if step.id == step_id)

    def render_title(self, answers: dict[str, Any]) -> str:
        value = answers.get(self.title_field) or ""
        if not isinstance(value, str) or not value.strip():
            return self.title
        return self.document_title.format(**{self.title_field: value.strip()})


def load_flow(name: str) -> FlowDef:
    """The definition of flow `name` (one of FLOW_NAMES; dashes are accepted)."""
    key = name.replace("-", "_")
    if key not in FLOW_NAMES:
        raise KeyError(f"unknown flow {name!r}")
    return _parse(load_text(f"flows/{key}.yml"))


@lru_cache(maxsize=8)
def _parse(text: str) -> FlowDef:
    # Keyed by the file's text: parsing YAML is slow, and every step of every flow asks for its definition.
    return FlowDef.model_validate(yaml.safe_load(text))
