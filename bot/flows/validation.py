"""Validating a step's answers against its definition. Errors are keyed by field id so both surfaces can show
them at the field (Slack `response_action: errors`, the console re-asks that question)."""

from __future__ import annotations

import re
from typing import Any

from bot.flows.datafile import check_data_file, parse_item_line
from bot.flows.definitions import FieldDef, FlowDef, StepDef
from bot.flows.timeparse import InputError, parse_agenda, parse_duration

Answers = dict[str, Any]


def as_lines(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, list):
        return not any(str(item).strip() for item in value)
    return not str(value).strip()


def normalise(field: FieldDef, value: Any) -> Any:
    """The stored form of an answer: text as typed (trailing blanks trimmed), choices as option values."""
    if field.type in ("multi_choice", "users"):
        values = value if isinstance(value, list) else [value] if value else []
        if field.type == "users" and isinstance(value, str):
            values = [part.strip() for part in value.replace(";", ",").split(",")]
        return [str(item) for item in values if str(item)]
    if value is None:
        return ""
    return str(value).strip()


def validate_field(field: FieldDef, value: Any, answers: Answers, flow: FlowDef) -> str | None:
    """The message to show at the field, or None when the answer can be used."""
    required = field.required or any(answers.get(key) == wanted for key, wanted in field.required_if.items())
    if is_empty(value):
        return f"Please fill in “{field.label}”." if required else None
    if field.type == "data_file":
        return check_data_file(value)
    if field.type == "users":
        return None
    if field.type in ("choice", "needs_assessment"):
        if field.type == "choice" and field.option(str(value)) is None:
            return f"Choose one of the listed options for “{field.label}”."
        return None
    if field.type == "multi_choice":
        unknown = [item for item in value if field.option(item) is None]
        return f"Unknown option(s): {', '.join(unknown)}." if unknown else None
    text = str(value)
    if len(text) > field.max_length:
        return (
            f"This is {len(text)} characters; the limit is {field.max_length}. "
            f"Please shorten it by {len(text) - field.max_length}."
        )
    if field.type == "lines" and len(as_lines(text)) < field.min_items:
        return f"Give at least {field.min_items} item(s), one per line."
    try:
        if field.type == "duration":
            parse_duration(text)
        elif field.type == "agenda":
            parse_agenda(text, flow.non_educational)
        elif field.type == "people":
            return _check_people(text)
        elif field.type == "outcome_items":
            return _check_items(text)
        elif field.type == "relationships":
            return _check_relationships(text)
        elif field.type == "date":
            return _check_date(text)
    except InputError as exc:
        return str(exc)
    return None


# The "Line 1 (“...”): " a one-line check puts before its message; line_errors names the real line instead.
_LINE_PREFIX = re.compile(r"^Line \d+ \(“.*?”\): ")


def line_errors(field: FieldDef, text: str, flow: FlowDef) -> dict[int, str]:
    """Errors by line number (1-based, empty lines skipped) for fields whose lines stand alone (agenda, people,
    outcome items), so a surface can ask again for the bad lines only and keep the good ones."""
    if field.type not in ("agenda", "people", "outcome_items", "relationships"):
        return {}
    errors: dict[int, str] = {}
    for number, line in enumerate(as_lines(text), start=1):
        try:
            checks = {"people": _check_people, "outcome_items": _check_items, "relationships": _check_relationships}
            message = checks.get(field.type, lambda _: None)(line)
            if field.type == "agenda":
                parse_agenda(line, flow.non_educational)
        except InputError as exc:
            message = str(exc)
        if message:
            errors[number] = _LINE_PREFIX.sub("", message)
    return errors


def _check_relationships(text: str) -> str | None:
    from bot.flows.disclosure_check import line_problem

    for number, line in enumerate(as_lines(text), start=1):
        message = line_problem(line)
        if message:
            return f"Line {number} (“{line[:60]}”): {message}."
    return None


def _check_date(text: str) -> str | None:
    from bot.flows.disclosure_check import parse_day

    try:
        parse_day(text)
    except ValueError as exc:
        return str(exc)[:1].upper() + str(exc)[1:] + "."
    return None


def _check_items(text: str) -> str | None:
    seen: set[str] = set()
    for number, line in enumerate(as_lines(text), start=1):
        try:
            item = parse_item_line(line)
        except ValueError as exc:
            return f"Line {number} (“{line[:60]}”): {exc}"
        if item.item in seen:
            return f"Line {number} (“{line[:60]}”): item {item.item} is listed twice."
        seen.add(item.item)
    return None


def _check_people(text: str) -> str | None:
    for number, line in enumerate(as_lines(text), start=1):
        parts = [part.strip() for part in line.split("|")]
        if len(parts) < 3 or not all(parts[:3]):
            return (
                f"Line {number} (“{line[:60]}”): write Name | planner or faculty | relationships or none | mitigation."
            )
    return None


def validate_step(flow: FlowDef, step: StepDef, values: Answers, answers: Answers) -> dict[str, str]:
    """Errors for `values` (this step's answers) given the answers so far; empty when the step can be saved."""
    from bot.flows.dynamic import check_step, step_fields

    merged = {**answers, **values}
    errors: dict[str, str] = {}
    for field in step_fields(flow, step, answers):
        message = validate_field(field, values.get(field.id), merged, flow)
        if message:
            errors[field.id] = message
    if step.require_one_of and all(is_empty(values.get(key)) for key in step.require_one_of):
        labels = " or ".join(f"“{flow.fields[key].label}”" for key in step.require_one_of)
        errors.setdefault(step.require_one_of[0], f"Please fill in {labels}.")
    if not errors and step.id == "time":
        errors.update(_check_credit(flow, values))
    if not errors:
        errors.update(check_step(flow, step, merged))
    return errors


def _check_credit(flow: FlowDef, values: Answers) -> dict[str, str]:
    # Whole-step check: breaks must leave educational time, which no single field can tell.
    from bot.flows.credits import calculate

    try:
        result = calculate(
            values.get("agenda", ""),
            values.get("estimated_minutes", ""),
            values.get("break_minutes", ""),
            flow.non_educational,
        )
    except InputError as exc:
        return {"break_minutes": str(exc)}
    if result.credits == 0:
        key = "agenda" if str(values.get("agenda", "")).strip() else "estimated_minutes"
        return {key: f"{result.minutes} min of education is below the 15-minute minimum for a quarter credit."}
    return {}
