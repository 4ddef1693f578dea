"""What a flow definition cannot say in YAML: fields that depend on earlier answers, whole-step checks, and files
whose rows become a text answer. Each is registered by name here and named in the definition (`dynamic:`,
`into:`), so both surfaces get them through the same FlowService.

- Field providers (`StepDef.dynamic`): the disclosure check asks one question per company, person and
  relationship, known only once the relationships are in.
- Step checks: a step that is valid field by field but not as a whole (open questions remain).
- Converters (`FieldDef.convert`, `FieldDef.into`): a shared CSV whose rows become the lines of a text field, so
  the member can see and correct them like typed lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.flows.definitions import FieldDef, FlowDef, StepDef

Answers = dict[str, Any]
FieldProvider = Callable[[FlowDef, Answers], list[FieldDef]]
StepCheck = Callable[[FlowDef, Answers], dict[str, str]]
Converter = Callable[[bytes, Answers], tuple[str, list[str]]]  # file bytes -> (text for the field, problems)

_PROVIDERS: dict[str, FieldProvider] = {}
_CHECKS: dict[tuple[str, str], StepCheck] = {}
_CONVERTERS: dict[str, Converter] = {}


def field_provider(name: str) -> Callable[[FieldProvider], FieldProvider]:
    def register(function: FieldProvider) -> FieldProvider:
        _PROVIDERS[name] = function
        return function

    return register


def step_check(flow: str, step: str) -> Callable[[StepCheck], StepCheck]:
    def register(function: StepCheck) -> StepCheck:
        _CHECKS[(flow, step)] = function
        return function

    return register


def converter(name: str) -> Callable[[Converter], Converter]:
    def register(function: Converter) -> Converter:
        _CONVERTERS[name] = function
        return function

    return register


def _load_flow_modules() -> None:
    # The flows that register hooks; imported here so any surface that renders a step has them.
    import bot.flows.disclosure_check  # noqa: F401


def step_fields(flow: FlowDef, step: StepDef, answers: Answers) -> list[FieldDef]:
    """The step's fields: those its provider derives from the answers so far, then those in the definition."""
    if not step.dynamic:
        return list(step.fields)
    _load_flow_modules()
    return [*_PROVIDERS[step.dynamic](flow, answers), *step.fields]


def field_def(flow: FlowDef, field_id: str, answers: Answers) -> FieldDef | None:
    """A field by id, including derived ones (for labels in messages)."""
    if field_id in flow.fields:
        return flow.fields[field_id]
    for step in flow.steps:
        if step.dynamic:
            for field in step_fields(flow, step, answers):
                if field.id == field_id:
                    return field
    return None


def check_step(flow: FlowDef, step: StepDef, answers: Answers) -> dict[str, str]:
    _load_flow_modules()
    check = _CHECKS.get((flow.name, step.id))
    return check(flow, answers) if check else {}


def convert(field: FieldDef, data: bytes, answers: Answers) -> tuple[str, list[str]]:
    """The text a shared file becomes in field `field.into`, and the problems found reading it."""
    _load_flow_modules()
    return _CONVERTERS[field.convert](data, answers)
