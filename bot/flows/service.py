"""FlowService: drafts in the database, saved at every step, so a flow survives restarts and can be resumed
from Slack, the App Home or the console.

For the App Home (issue 5): `FlowService(db, settings).drafts_for(user_id)` returns `DraftSummary` rows
(id, flow, title, step_label, updated_at) for the member's unfinished drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from bot.config import Settings
from bot.flows.datafile import check_data_file, parse_data_file
from bot.flows.definitions import FieldDef, FlowDef, StepDef, load_flow
from bot.flows.documents import FlowDocument, build_document
from bot.flows.dynamic import convert, step_fields
from bot.flows.validation import Answers, is_empty, normalise, validate_step
from bot.storage.db import Database
from bot.storage.models._types import utcnow
from bot.storage.models.flows import FlowDraft

IN_PROGRESS = "in_progress"
COMPLETED = "completed"


class FlowDraftState(BaseModel):
    """A draft as the surfaces see it: which flow, which step, and every answer entered so far."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    user_id: str
    flow: str
    status: str = IN_PROGRESS
    step_index: int = 0
    answers: dict[str, Any] = Field(default_factory=dict)
    updated_at: datetime | None = None

    @property
    def definition(self) -> FlowDef:
        return load_flow(self.flow)

    @property
    def step(self) -> StepDef:
        steps = self.definition.steps
        return steps[min(self.step_index, len(steps) - 1)]

    @property
    def title(self) -> str:
        return self.definition.render_title(self.answers)

    @property
    def completed(self) -> bool:
        return self.status == COMPLETED


@dataclass(frozen=True)
class DraftSummary:
    id: int
    flow: str
    title: str
    step_label: str
    updated_at: datetime


@dataclass(frozen=True)
class StepOutcome:
    state: FlowDraftState
    errors: dict[str, str]
    # True only for the submission that finished the flow, so a repeated submit never delivers twice.
    finished_now: bool = False

    @property
    def completed(self) -> bool:
        return not self.errors and self.state.completed


class DraftNotFound(LookupError):
    """No such draft for this member (never started, cancelled, or someone else's)."""


class FlowService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    # --- reading -------------------------------------------------------------------------------------
    def get(self, draft_id: int, user_id: str) -> FlowDraftState:
        with self.db.session() as session:
            row = session.get(FlowDraft, draft_id)
            if row is None or row.user_id != user_id:
                raise DraftNotFound(draft_id)
            return FlowDraftState.model_validate(row)

    def _list(self, user_id: str, status: str, flow: str | None = None) -> list[FlowDraftState]:
        with self.db.session() as session:
            query = select(FlowDraft).where(FlowDraft.user_id == user_id, FlowDraft.status == status)
            if flow:
                query = query.where(FlowDraft.flow == flow)
            rows = session.scalars(query.order_by(FlowDraft.updated_at.desc(), FlowDraft.id.desc())).all()
            return [FlowDraftState.model_validate(row) for row in rows]

    def drafts_for(self, user_id: str) -> list[DraftSummary]:
        """Unfinished drafts, most recently touched first (App Home "Resume", console /drafts)."""
        return [_summary(state) for state in self._list(user_id, IN_PROGRESS)]

    def completed_for(self, user_id: str, flow: str) -> list[DraftSummary]:
        return [_summary(state) for state in self._list(user_id, COMPLETED, flow)]

    # --- writing -------------------------------------------------------------------------------------
    def start(self, user_id: str, flow_name: str, *, surface: str = "", source_id: int | None = None) -> FlowDraftState:
        definition = load_flow(flow_name)
        answers: Answers = {}
        if source_id is not None:
            answers = self._prefill(user_id, definition, source_id, answers)
        with self.db.session() as session:
            row = FlowDraft(user_id=user_id, flow=definition.name, answers=answers, surface=surface)
            session.add(row)
            session.flush()
            return FlowDraftState.model_validate(row)

    def save(self, draft_id: int, user_id: str, values: Answers, step_index: int | None = None) -> FlowDraftState:
        """Store answers as entered, valid or not ("Save for later", Back): nothing typed is lost."""
        state = self.get(draft_id, user_id)
        fields = {
            **state.definition.fields,
            **{f.id: f for f in step_fields(state.definition, state.step, state.answers)},
        }
        answers = {**state.answers, **{k: normalise(fields[k], v) for k, v in values.items() if k in fields}}
        answers = {**answers, **_keep_shared_files(list(fields.values()), answers, state.answers)}
        return self._write(draft_id, answers, state.step_index if step_index is None else step_index)

    def submit_step(
        self, draft_id: int, user_id: str, values: Answers, files: dict[str, bytes] | None = None
    ) -> StepOutcome:
        """Validate the current step; on success move on (or complete after the last step).

        `files`: the content of files shared in this step (field id -> bytes), read by a surface that can reach
        them (Slack with its token); a local path typed in the console is read here."""
        state = self.get(draft_id, user_id)
        if state.completed:
            return StepOutcome(state, {})
        flow, step = state.definition, state.step
        fields = step_fields(flow, step, state.answers)
        values = {field.id: normalise(field, values.get(field.id)) for field in fields}
        values = _keep_shared_files(fields, values, state.answers)
        conversion_errors = _convert_files(fields, values, state.answers, files or {})
        errors = conversion_errors or validate_step(flow, step, values, state.answers)
        answers = {**state.answers, **values}
        if errors:
            return StepOutcome(self._write(draft_id, answers, state.step_index), errors)
        source = values.get("source_needs_assessment")
        if source and source != state.answers.get("source_needs_assessment"):
            try:
                answers = self._prefill(user_id, flow, int(str(source).lstrip("#")), answers)
            except (DraftNotFound, ValueError):
                # Only reachable by typing a number in the console; Slack offers the member's own list.
                answers["source_needs_assessment"] = ""
                message = f"There is no finished needs assessment #{source} of yours to build on."
                return StepOutcome(
                    self._write(draft_id, answers, state.step_index), {"source_needs_assessment": message}
                )
        if state.step_index + 1 < len(flow.steps):
            return StepOutcome(self._write(draft_id, answers, state.step_index + 1), {})
        # Last step: every step must still validate (an earlier one may have been saved unfinished).
        for index, earlier in enumerate(flow.steps):
            earlier_values = {field.id: answers.get(field.id) for field in step_fields(flow, earlier, answers)}
            earlier_errors = validate_step(flow, earlier, earlier_values, answers)
            if earlier_errors:
                return StepOutcome(self._write(draft_id, answers, index), earlier_errors)
        finished = self._write(draft_id, answers, state.step_index, complete=True)
        if finished.flow == "disclosure_check":
            from bot.flows.disclosure_check import remember_series

            remember_series(self.db, finished.user_id, finished.id, finished.answers)
        return StepOutcome(finished, {}, finished_now=True)

    def back(self, draft_id: int, user_id: str, values: Answers | None = None) -> FlowDraftState:
        state = self.get(draft_id, user_id)
        return self.save(draft_id, user_id, values or {}, max(0, state.step_index - 1))

    def cancel(self, draft_id: int, user_id: str) -> bool:
        with self.db.session() as session:
            row = session.get(FlowDraft, draft_id)
            if row is None or row.user_id != user_id:
                return False
            session.delete(row)
            return True

    # --- helpers -------------------------------------------------------------------------------------
    def _write(self, draft_id: int, answers: Answers, step_index: int, complete: bool = False) -> FlowDraftState:
        with self.db.session() as session:
            row = session.get(FlowDraft, draft_id)
            if row is None:
                raise DraftNotFound(draft_id)
            row.answers = dict(answers)  # a new dict, so SQLAlchemy sees the JSON column change
            row.step_index = step_index
            row.updated_at = utcnow()
            if complete:
                row.status, row.completed_at = COMPLETED, utcnow()
            session.flush()
            return FlowDraftState.model_validate(row)

    def _prefill(self, user_id: str, flow: FlowDef, source_id: int, answers: Answers) -> Answers:
        """Copy a finished needs assessment's answers into empty activity fields (never overwrite)."""
        source = self.get(source_id, user_id)
        if source.flow != "needs_assessment" or not source.completed:
            raise DraftNotFound(source_id)
        filled = {**answers, "source_needs_assessment": str(source_id)}
        for source_key, target_key in flow.prefill_from_needs_assessment.items():
            if is_empty(filled.get(target_key)) and not is_empty(source.answers.get(source_key)):
                filled[target_key] = source.answers[source_key]
        return filled

    def source_answers(self, state: FlowDraftState) -> Answers:
        """The needs assessment a mock activity builds on, if any and still there."""
        source = state.answers.get("source_needs_assessment")
        if not source:
            return {}
        try:
            return self.get(int(source), state.user_id).answers
        except (DraftNotFound, ValueError):
            return {}


def _convert_files(fields: list[FieldDef], values: Answers, saved: Answers, files: dict[str, bytes]) -> dict[str, str]:
    """A file whose rows become another field's lines (FieldDef.convert/into): converted when it is new, so the
    member then sees and corrects the rows like typed lines. Returns errors for the file's field."""
    errors: dict[str, str] = {}
    for field in fields:
        if field.type != "data_file" or not field.convert or not values.get(field.id):
            continue
        if values[field.id] == saved.get(field.id) and values.get(field.into):
            continue  # the same file as before: its rows are already in the box, maybe corrected since
        content = files.get(field.id)
        data = parse_data_file(values[field.id])
        if content is None and data is not None and data.path is not None:
            if message := check_data_file(values[field.id]):
                errors[field.id] = message
                continue
            content = data.path.read_bytes()
        if content is None:
            errors[field.id] = "I could not read the shared file; share it again or type the rows instead."
            continue
        text, problems = convert(field, content, {**saved, **values})
        if problems:
            errors[field.id] = " ".join(problems)
            continue
        values[field.into] = text
    return errors


def _keep_shared_files(fields: list[FieldDef], values: Answers, saved: Answers) -> Answers:
    # A Slack file input cannot be pre-filled with the file shared before, so an empty one keeps that file.
    kept = dict(values)
    for field in fields:
        if field.type == "data_file" and field.id in kept and not str(kept[field.id] or "").strip():
            kept[field.id] = saved.get(field.id, "")
    return kept


def document_for(service: FlowService, state: FlowDraftState) -> FlowDocument:
    """The finished document for a draft (a mock activity reads the needs assessment it builds on)."""
    return build_document(state.flow, state.answers, service.source_answers(state))


def _summary(state: FlowDraftState) -> DraftSummary:
    total = len(state.definition.steps)
    label = "Finished" if state.completed else f"Step {state.step_index + 1} of {total}: {state.step.label}"
    return DraftSummary(state.id, state.flow, state.title, label, state.updated_at or utcnow())
