"""Example files members fill in for the flows that read a CSV, with the note that explains them; one list for
Slack (DM'd as files) and the console (written to the output folder)."""

from __future__ import annotations

NOTES = {
    "outcomes": (
        "Example files for /outcomes: one row per learner, item and phase (pre, post, followup), with `correct` "
        "(1 or 0) or `score` (a number). The items file says what each item measures (Moore level)."
    ),
    "disclosure_check": (
        "Example file for /disclosure-check: one row per relationship (name, role, company, nature, start, end, "
        "ownership); a person with nothing to disclose gets a row with only name and role."
    ),
}


def templates_for(flow_name: str) -> dict[str, str]:
    """File name -> CSV text of the flow's example files."""
    if flow_name == "disclosure_check":
        from bot.disclosure import csv_template

        return {"disclosure-relationships-template.csv": csv_template()}
    from bot.flows.outcomes import template_files

    return template_files()
