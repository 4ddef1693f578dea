"""Guided flows (/needs-assessment, /mock-activity), independent of Slack and the console.

Each flow is defined once in prompts/flows/<name>.yml (steps, questions, help, limits, options); both surfaces
render from that definition. Entry points for other features:

- `FlowService(db, settings).drafts_for(user_id)` lists a member's unfinished drafts (App Home "Resume").
- `bot.slack.flows_ui.open_flow_modal(client, trigger_id, runtime, user_id, flow_name, draft_id=None)` starts
  or resumes a flow in a Slack modal (welcome checklist "Draft a mock CME activity").
"""

from bot.flows.definitions import FieldDef, FlowDef, OptionDef, StepDef, load_flow
from bot.flows.service import DraftSummary, FlowDraftState, FlowService

__all__ = [
    "DraftSummary",
    "FieldDef",
    "FlowDef",
    "FlowDraftState",
    "FlowService",
    "OptionDef",
    "StepDef",
    "load_flow",
]
