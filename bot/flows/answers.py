"""Typed views of a draft's answers, so the analysis reads `plan.objectives`, not `answers.get("objectives")`.

Drafts may be unfinished or hold text saved before validation, so every field has a safe default and
parsing never raises."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from bot.flows.validation import as_lines


class Person(BaseModel):
    name: str
    role: str
    relationships: str
    mitigation: str = ""

    @property
    def has_relationship(self) -> bool:
        return self.relationships.strip().lower() not in ("", "none", "no", "n/a", "-", "nothing to disclose")


def parse_people(text: str) -> list[Person]:
    people = []
    for line in as_lines(text):
        parts = [part.strip() for part in line.split("|")] + ["", "", ""]
        if parts[0]:
            people.append(Person(name=parts[0], role=parts[1], relationships=parts[2], mitigation=parts[3]))
    return people


class NeedsAssessment(BaseModel):
    audience: str = ""
    professions: list[str] = Field(default_factory=list)
    topic: str = ""
    current_practice: str = ""
    best_practice: str = ""
    cause_type: str = ""
    cause_explanation: str = ""
    evidence_types: list[str] = Field(default_factory=list)
    evidence_references: list[str] = Field(default_factory=list)
    desired_results: list[str] = Field(default_factory=list)
    moore_levels: list[str] = Field(default_factory=list)
    competencies: list[str] = Field(default_factory=list)
    formats: list[str] = Field(default_factory=list)
    measurement_method: str = ""
    baseline: str = ""

    @classmethod
    def from_answers(cls, answers: dict[str, Any]) -> NeedsAssessment:
        return cls.model_validate(_coerce(cls, answers))


class MockActivity(BaseModel):
    title: str = ""
    source_needs_assessment: str = ""
    audience: str = ""
    objectives: list[str] = Field(default_factory=list)
    format: str = ""
    dates: str = ""
    location: str = ""
    agenda: str = ""
    estimated_minutes: str = ""
    break_minutes: str = ""
    standard3_exception: str = "none"
    people: list[Person] = Field(default_factory=list)
    owner_employee: str = "no"
    disclosure_to_learners: str = ""
    commercial_support: str = "none"
    supporters: str = ""
    marketing: str = ""
    outcomes_plan: str = ""
    outcome_level: str = ""
    providership: str = "direct"
    accredited_provider: str = ""
    accreditor: str = "accme"
    joint_provider: str = ""
    joint_provider_ineligible: str = ""

    @classmethod
    def from_answers(cls, answers: dict[str, Any]) -> MockActivity:
        values = _coerce(cls, {k: v for k, v in answers.items() if k != "people"})
        values["people"] = parse_people(str(answers.get("people") or ""))
        return cls.model_validate(values)


def _coerce(model: type[BaseModel], answers: dict[str, Any]) -> dict[str, Any]:
    """Shape stored answers to the model: list fields from lines, text fields as text, empty means default."""
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        value = answers.get(name)
        if value in (None, "", []):
            continue
        if info.annotation == list[str]:
            values[name] = value if isinstance(value, list) else as_lines(value)
        elif isinstance(value, str):
            values[name] = value
    return values
