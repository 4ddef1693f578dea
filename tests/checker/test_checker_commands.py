"""`cmebot check` and the console's /check: the same checker, its JSON shape as documented."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app
from bot.runtime import Runtime
from tests.checker.test_check import DIRECT
from tests.conftest import make_settings
from tests.flows.test_console import chat_with

KEYS = {"verdict", "accreditor", "provider", "credit", "red_flags", "findings"}


def test_check_json_from_stdin_has_the_documented_shape() -> None:
    result = CliRunner().invoke(app, ["check", "-", "--json"], input=DIRECT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= KEYS
    assert data["verdict"] == "statements_complete" and data["credit"] == {"type": "AMA PRA Category 1", "amount": 6.5}
    assert all(set(finding) == {"finding", "rule", "source"} for finding in data["findings"])


def test_check_a_file_and_refuse_a_private_link(tmp_path: Path) -> None:
    flyer = tmp_path / "flyer.txt"
    flyer.write_text(DIRECT.replace("Presented by Lakeside University School of Medicine", "Presented by Acme Devices"))
    result = CliRunner().invoke(app, ["check", str(flyer)])
    assert result.exit_code == 0 and "Statements incomplete" in result.stdout
    assert "An ineligible company as provider or organizer" in result.stdout

    refused = CliRunner().invoke(app, ["check", "http://127.0.0.1:9/flyer"])
    assert refused.exit_code == 2 and "Statements" not in refused.stdout
    missing = CliRunner().invoke(app, ["check", str(tmp_path / "nope.pdf")])
    assert missing.exit_code == 2


def test_console_check_reads_a_pasted_flyer(tmp_path: Path) -> None:
    runtime = Runtime(make_settings(tmp_path))
    try:
        chat, output = chat_with(runtime, [*DIRECT.splitlines(), ""])
        chat.handle("/check")
        chat.handle("/check too short")
        text = output.getvalue()
    finally:
        runtime.close()
    assert "Statements look complete" in text and "Checked: the text you pasted" in text
    assert "Give me the flyer to check" in text
