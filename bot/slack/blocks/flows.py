"""Block Kit for the guided flows: one modal per step, rendered from the flow definition, and the summary
message posted when a flow is finished. Pure functions; no Slack connection."""

from __future__ import annotations

from typing import Any

from bot.flows.checks import STATUS_ICONS
from bot.flows.datafile import parse_data_file, slack_file_answer
from bot.flows.definitions import FieldDef
from bot.flows.documents import FlowDocument, display_value
from bot.flows.dynamic import step_fields
from bot.flows.outcomes import OutcomesDelivery
from bot.flows.service import FlowDraftState
from bot.slack.text import escape, split_text

CALLBACK_STEP = "flow_step"
CALLBACK_NOTICE = "flow_notice"
ACTION_BACK = "flow_back"
ACTION_SAVE = "flow_save"
ACTION_CANCEL = "flow_cancel"
ACTION_PREVIEW = "flow_preview"
ACTION_RESUME = "flow_resume"  # value: draft id (App Home, messages)
ACTION_START = "flow_start"  # value: flow name, "needs_assessment" or "mock_activity" (welcome checklist)
ELEMENT = "value"  # action_id of the input element inside each field's block (block_id = field id)

# Slack's limits: modal title and buttons 24, placeholder 150, option text 75, section text 3000.
TITLE, BUTTON, PLACEHOLDER, OPTION, SECTION = 24, 24, 150, 75, 3000
CHECKBOX_LIMIT = 10
FILE_TYPES = ("csv", "tsv", "txt")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str, limit: int = SECTION) -> dict[str, Any]:
    return {"type": "plain_text", "text": _cut(text, limit), "emoji": True}


def _option(value: str, label: str) -> dict[str, Any]:
    return {"text": plain(label, OPTION), "value": value}


def _element(field: FieldDef, current: Any, source_options: list[tuple[str, str]]) -> dict[str, Any] | None:
    if field.type == "users":
        element = {
            "type": "multi_users_select",
            "action_id": ELEMENT,
            "placeholder": plain("Choose people…", PLACEHOLDER),
        }
        if current:
            element["initial_users"] = [str(user) for user in current][:100]
        return element
    if field.type == "data_file":
        # Slack keeps the shared file; the bot reads it with its token when the flow finishes (files:read).
        return {"type": "file_input", "action_id": ELEMENT, "filetypes": list(FILE_TYPES), "max_files": 1}
    if field.type in ("choice", "needs_assessment"):
        pairs = source_options if field.type == "needs_assessment" else [(o.value, o.label) for o in field.options]
        if not pairs:
            return None  # Slack refuses a select without options; the field is optional when this happens
        element: dict[str, Any] = {
            "type": "static_select",
            "action_id": ELEMENT,
            "options": [_option(v, label) for v, label in pairs],
        }
        chosen = next((p for p in pairs if p[0] == str(current or "")), None)
        if chosen:
            element["initial_option"] = _option(*chosen)
        element["placeholder"] = plain("Choose…", PLACEHOLDER)
        return element
    if field.type == "multi_choice":
        options = [_option(o.value, o.label) for o in field.options]
        kind = "checkboxes" if len(options) <= CHECKBOX_LIMIT else "multi_static_select"
        element = {"type": kind, "action_id": ELEMENT, "options": options}
        initial = [o for o in options if o["value"] in (current or [])]
        if initial:
            element["initial_options"] = initial
        return element
    element = {
        "type": "plain_text_input",
        "action_id": ELEMENT,
        "multiline": field.multiline,
        "max_length": field.max_length,
    }
    if current:
        element["initial_value"] = str(current)[: field.max_length]
    if field.placeholder:
        element["placeholder"] = plain(field.placeholder.replace("\n", " · "), PLACEHOLDER)
    return element


def _answers_summary(state: FlowDraftState) -> str:
    lines = []
    for step in state.definition.steps[: state.step_index]:
        for field in step_fields(state.definition, step, state.answers):
            shown = display_value(field, state.answers.get(field.id))
            if shown:
                lines.append(f"*{escape(field.label)}:* {escape(_cut('; '.join(shown), 200))}")
    return _cut("\n".join(lines), SECTION)


def step_view(
    state: FlowDraftState,
    source_options: list[tuple[str, str]] | None = None,
    *,
    resumed: bool = False,
    notice: str = "",
) -> dict[str, Any]:
    """The modal for the draft's current step, its inputs filled with what was saved."""
    flow, step = state.definition, state.step
    last = state.step_index == len(flow.steps) - 1
    blocks: list[dict[str, Any]] = [
        {
            "type": "context",
            "elements": [
                {
                    "type": "mrkdwn",
                    "text": _cut(
                        f"*Step {state.step_index + 1} of {len(flow.steps)}: {escape(step.label)}* · draft #{state.id}",
                        SECTION,
                    ),
                }
            ],
        }
    ]
    if notice:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _cut(f":warning: {notice}", SECTION)}})
    if resumed and state.step_index > 0:
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": "*Saved so far*\n" + _answers_summary(state)}}
        )
    intro = step.intro or (flow.intro if state.step_index == 0 else "")
    if intro:
        blocks.append({"type": "section", "text": plain(intro)})
    for field in step_fields(flow, step, state.answers):
        element = _element(field, state.answers.get(field.id), source_options or [])
        if element is None:
            continue
        block: dict[str, Any] = {
            "type": "input",
            "block_id": field.id,
            "label": plain(field.label, 2000),
            "element": element,
            "optional": not field.required,
        }
        if field.help:
            block["hint"] = plain(field.help, 2000)
        saved = parse_data_file(state.answers.get(field.id)) if field.type == "data_file" else None
        if saved:
            # A file input cannot show the file shared before; left empty, the saved one is kept.
            block["optional"] = True
            block["hint"] = plain(f"Saved: {saved.name}. Leave this empty to keep it, or share another.", 2000)
        blocks.append(block)
    buttons = []
    if state.step_index > 0:
        buttons.append({"type": "button", "action_id": ACTION_BACK, "text": plain("◀ Back", BUTTON), "value": "back"})
    buttons.append(
        {"type": "button", "action_id": ACTION_SAVE, "text": plain("Save for later", BUTTON), "value": "save"}
    )
    if state.step_index > 0:
        buttons.append(
            {
                "type": "button",
                "action_id": ACTION_PREVIEW,
                "text": plain("Checklist so far", BUTTON),
                "value": "preview",
            }
        )
    buttons.append(
        {
            "type": "button",
            "action_id": ACTION_CANCEL,
            "style": "danger",
            "text": plain("Cancel", BUTTON),
            "value": "cancel",
            "confirm": {
                "title": plain("Delete this draft?", 100),
                "text": plain("Everything you entered is deleted.", 300),
                "confirm": plain("Delete", 30),
                "deny": plain("Keep it", 30),
                "style": "danger",
            },
        }
    )
    blocks.append({"type": "actions", "block_id": "flow_controls", "elements": buttons})
    return {
        "type": "modal",
        "callback_id": CALLBACK_STEP,
        # Only the draft id travels with the view; everything else is read from the database.
        "private_metadata": str(state.id),
        "notify_on_close": True,
        "title": plain(flow.title, TITLE),
        "submit": plain("Finish" if last else "Next", BUTTON),
        "close": plain("Close", BUTTON),
        "blocks": blocks,
    }


def preview_view(doc: FlowDocument) -> dict[str, Any]:
    """The checklist for the answers so far, pushed over the step modal (closing it returns to the step)."""
    _, blocks = document_message(doc)
    body = [b for b in blocks if b["type"] == "section"][:99]
    return {
        "type": "modal",
        "callback_id": CALLBACK_NOTICE,
        "title": plain("Checklist so far", TITLE),
        "close": plain("Back to the step", BUTTON),
        "blocks": [
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "Based on the answers so far."}]},
            *body,
        ],
    }


def notice_view(title: str, text: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": CALLBACK_NOTICE,
        "title": plain(title, TITLE),
        "close": plain("Done", BUTTON),
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": _cut(text, SECTION)}}],
    }


def parse_values(state_values: dict[str, Any]) -> dict[str, Any]:
    """Field answers from a view's state.values (block_id = field id), as the flow service expects them."""
    values: dict[str, Any] = {}
    for block_id, elements in (state_values or {}).items():
        element = (elements or {}).get(ELEMENT)
        if not isinstance(element, dict):
            continue
        kind = element.get("type")
        if kind in ("checkboxes", "multi_static_select"):
            values[block_id] = [o["value"] for o in element.get("selected_options") or []]
        elif kind == "static_select":
            selected = element.get("selected_option")
            values[block_id] = selected["value"] if selected else ""
        elif kind == "multi_users_select":
            values[block_id] = [str(user) for user in element.get("selected_users") or []]
        elif kind == "file_input":
            files = [f for f in element.get("files") or [] if isinstance(f, dict)]
            values[block_id] = slack_file_answer(files[0]) if files else ""
        else:
            values[block_id] = element.get("value") or ""
    return values


def _mrkdwn_section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _cut(text, SECTION)}}


def document_message(doc: FlowDocument) -> tuple[str, list[dict[str, Any]]]:
    """The readable DM for a finished flow: checklist at a glance, statements; the .docx follows as a file."""
    blocks: list[dict[str, Any]] = [{"type": "header", "text": plain(doc.title, 150)}]
    if doc.flow == "disclosure_check":
        return _disclosure_message(doc, blocks)
    if doc.credit:
        blocks.append(
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": (
                        f"*Credit:* {doc.credit.minutes} min of education = *{doc.credit.display}* "
                        "_AMA PRA Category 1 Credit(s)™_ (quarter-credit steps, breaks excluded)"
                    ),
                },
            }
        )
    lines = [
        f"{STATUS_ICONS[i.status]} *{escape(i.item)}* · _{escape(i.source)}_\n{escape(i.note)}" for i in doc.checklist
    ]
    for piece in split_text(f"*{doc.checklist_heading}*\n" + "\n".join(lines)):
        blocks.append(_mrkdwn_section(piece))
    if doc.statements:
        blocks.append(
            _mrkdwn_section(
                f"*Accreditation statement*\n{escape(doc.statements.accreditation)}\n\n"
                f"*Designation statement*\n{escape(doc.statements.designation)}"
            )
        )
    if doc.weaknesses:
        blocks.append(_mrkdwn_section("*Weaknesses to fix*\n" + "\n".join(f"• {escape(w)}" for w in doc.weaknesses)))
    blocks.append(
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "The full document follows as a Word file."}]}
    )
    counts = {status: sum(1 for i in doc.checklist if i.status == status) for status in ("met", "at_risk", "missing")}
    fallback = f"{doc.title}: {counts['met']} met, {counts['at_risk']} at risk, {counts['missing']} missing."
    return escape(fallback), blocks[:50]


def _disclosure_message(doc: FlowDocument, blocks: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    learner = next((section for section in doc.sections if section.heading == "Disclosure for learners"), None)
    lines = [block.text for block in (learner.blocks if learner else []) if hasattr(block, "text")]
    for piece in split_text("*Disclosure for learners*\n" + "\n".join(escape(line) for line in lines)):
        blocks.append(_mrkdwn_section(piece))
    if doc.open_issues:
        issues = "\n".join(f"• {escape(issue)}" for issue in doc.open_issues[:20])
        blocks.append(_mrkdwn_section(f"*Still open*\n{issues}"))
    note = "The record for the activity file follows as a Word file; only you and the planners you named receive it."
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
    ready = "ready" if not doc.open_issues else f"{len(doc.open_issues)} open item(s)"
    return escape(f"{doc.title}: {ready}."), blocks[:50]


def outcomes_message(delivery: OutcomesDelivery, title: str) -> tuple[str, list[dict[str, Any]]]:
    """The DM for a finished outcomes analysis: the plain summary, or why nothing could be analysed."""
    blocks: list[dict[str, Any]] = [{"type": "header", "text": plain(title, 150)}]
    if not delivery.ok:
        text = escape(f"I couldn't analyse the data: {delivery.error}")
        blocks.append(_mrkdwn_section(text + "\nType `/outcomes template` for example files."))
        return text, blocks
    for piece in split_text("\n".join(escape(line) for line in delivery.lines)):
        blocks.append(_mrkdwn_section(piece))
    blocks.append(
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": "The chart and the Word report for the activity file follow."}],
        }
    )
    return escape(f"{title}: {delivery.lines[0] if delivery.lines else 'analysed'}"), blocks[:50]
