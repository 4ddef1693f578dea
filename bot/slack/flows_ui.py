"""The guided flows on Slack's Web API: opening a step modal, and delivering the finished document as a DM
with the .docx attached (files_upload_v2). Shared by the command, view and action listeners.

Entry points for the welcome checklist and App Home (issue 5):

- `open_flow_modal(client, trigger_id, runtime, user_id, flow_name, draft_id=None)` starts a new
  "needs_assessment" / "mock_activity" flow, or resumes draft `draft_id`, in a modal. Call it from any
  block_actions listener with the payload's trigger_id.
- Or simply put a button with action_id `flow_start` (value: flow name) or `flow_resume` (value: draft id) in
  your blocks (constants ACTION_START / ACTION_RESUME in bot.slack.blocks.flows); bot/slack/listeners/actions/
  flows.py handles both.
- `FlowService(runtime.db, runtime.settings).drafts_for(user_id)` lists the drafts to offer for resuming."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.flows.datafile import MAX_DATA_BYTES, parse_data_file
from bot.flows.documents import FlowDocument, docx_bytes, file_stem
from bot.flows.outcomes import analyse_answers
from bot.flows.service import DraftNotFound, FlowDraftState, FlowService, document_for
from bot.flows.templates import NOTES, templates_for
from bot.runtime import Runtime
from bot.slack.blocks.flows import document_message, notice_view, outcomes_message, step_view
from bot.slack.uploads import UploadError, fetch

log = logging.getLogger(__name__)

SLACK_SELECT_OPTIONS = 100


def flow_service(runtime: Runtime) -> FlowService:
    return FlowService(runtime.db, runtime.settings)


def source_options(service: FlowService, user_id: str) -> list[tuple[str, str]]:
    """The member's finished needs assessments, newest first, for the mock activity's first step."""
    done = service.completed_for(user_id, "needs_assessment")[:SLACK_SELECT_OPTIONS]
    return [(str(summary.id), f"#{summary.id} {summary.title}") for summary in done]


def render_step(runtime: Runtime, state: FlowDraftState, *, resumed: bool = False, notice: str = "") -> dict:
    options = source_options(flow_service(runtime), state.user_id) if state.flow == "mock_activity" else []
    return step_view(state, options, resumed=resumed, notice=notice)


def open_flow_modal(
    client: WebClient,
    trigger_id: str,
    runtime: Runtime,
    user_id: str,
    flow_name: str,
    draft_id: int | None = None,
    *,
    source_id: int | None = None,
) -> FlowDraftState | None:
    """Open the step modal: a new draft of `flow_name`, or draft `draft_id` where the member left it (its
    saved answers filled in and summarised). Returns None when the draft does not exist or is finished."""
    service = flow_service(runtime)
    if draft_id is not None:
        try:
            state = service.get(draft_id, user_id)
        except DraftNotFound:
            client.views_open(
                trigger_id=trigger_id,
                view=notice_view(
                    "Draft not found", f"There is no draft #{draft_id} of yours; it may have been cancelled."
                ),
            )
            return None
        if state.completed:
            client.views_open(
                trigger_id=trigger_id,
                view=notice_view("Already finished", f"Draft #{draft_id} is finished; its document is in your DMs."),
            )
            return None
        client.views_open(trigger_id=trigger_id, view=render_step(runtime, state, resumed=True))
        return state
    state = service.start(user_id, flow_name, surface="slack", source_id=source_id)
    client.views_open(trigger_id=trigger_id, view=render_step(runtime, state))
    return state


def deliver_document(client: WebClient, runtime: Runtime, state: FlowDraftState) -> None:
    """DM the member a readable summary, then the full document as a .docx."""
    if state.flow == "outcomes":
        deliver_outcomes(client, runtime, state)
        return
    doc = document_for(flow_service(runtime), state)
    # A Standard 3 record names people's financial relationships: it goes to the member and the planners they
    # named, each in a direct message, and nowhere else.
    shared = state.answers.get("share_with") if state.flow == "disclosure_check" else None
    for user in [state.user_id, *[u for u in (shared or []) if u != state.user_id]]:
        _send_document(client, doc, user, state.id, shared_by=state.user_id if user != state.user_id else "")


def _send_document(client: WebClient, doc: FlowDocument, user_id: str, draft_id: int, shared_by: str = "") -> None:
    channel = client.conversations_open(users=user_id)["channel"]["id"]
    text, blocks = document_message(doc)
    if shared_by:
        note = f"<@{shared_by}> shared this record with you as a planner of the activity."
        blocks = [{"type": "context", "elements": [{"type": "mrkdwn", "text": note}]}, *blocks][:50]
    client.chat_postMessage(channel=channel, text=text, blocks=blocks)
    try:
        client.files_upload_v2(
            channel=channel,
            file=docx_bytes(doc),
            filename=f"{file_stem(doc, draft_id)}.docx",
            title=doc.title,
        )
    except SlackApiError as exc:
        # The summary is already in the DM; say plainly that the file is missing rather than failing silently.
        error = exc.response.get("error")
        log.warning("Could not upload the document for draft %s: %s", draft_id, error)
        client.chat_postMessage(
            channel=channel,
            text=(
                f"I couldn't attach the Word document this time (Slack said: {error}). "
                "The summary above has the checklist and the statements."
            ),
        )


def deliver_outcomes(client: WebClient, runtime: Runtime, state: FlowDraftState) -> None:
    """Read the shared CSV with the bot token, analyse it, and DM the summary with the chart and the report."""
    channel = client.conversations_open(users=state.user_id)["channel"]["id"]
    data = parse_data_file(state.answers.get("data_file"))
    if data is None or data.slack is None:
        client.chat_postMessage(
            channel=channel, text="This analysis has no file shared in Slack; run it again with /outcomes."
        )
        return
    try:
        content = fetch(runtime.settings, str(client.token or ""), data.slack, MAX_DATA_BYTES)
    except UploadError as exc:
        client.chat_postMessage(channel=channel, text=f"I couldn't read the data file: {exc}. Nothing was analysed.")
        return
    delivery = analyse_answers(state.answers, content)
    text, blocks = outcomes_message(delivery, state.title)
    client.chat_postMessage(channel=channel, text=text, blocks=blocks)
    if not delivery.ok:
        return
    stem = f"outcomes-{state.id}"
    try:
        client.files_upload_v2(
            channel=channel,
            file_uploads=[
                {"content": delivery.chart, "filename": f"{stem}.png", "title": f"{state.title}: pre vs post"},
                {"content": delivery.docx, "filename": f"{stem}.docx", "title": state.title},
            ],
        )
    except SlackApiError as exc:
        error = exc.response.get("error")
        log.warning("Could not upload the outcomes report for draft %s: %s", state.id, error)
        client.chat_postMessage(
            channel=channel,
            text=f"I couldn't attach the chart and the Word report this time (Slack said: {error}).",
        )


def send_templates(client: WebClient, user_id: str, flow_name: str = "outcomes") -> None:
    """DM the example CSV files of /outcomes or /disclosure-check."""
    channel = client.conversations_open(users=user_id)["channel"]["id"]
    uploads = [
        {"content": text.encode("utf-8"), "filename": name, "title": name}
        for name, text in templates_for(flow_name).items()
    ]
    client.files_upload_v2(channel=channel, file_uploads=uploads, initial_comment=NOTES[flow_name])
