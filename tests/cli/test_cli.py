"""The command line as a user runs it, in-process through Typer's runner with settings from the environment."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app


@pytest.fixture
def env(tmp_path: Path, small_corpus: Path, indexed_data: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    shutil.copytree(indexed_data / "chroma", data / "chroma")
    monkeypatch.setenv("CMEBOT_DATA_DIR", str(data))
    monkeypatch.setenv("CMEBOT_KNOWLEDGE_DIR", str(small_corpus))
    monkeypatch.setenv("CMEBOT_OUTPUT_DIR", str(tmp_path / "out"))
    return tmp_path


def test_ask_json_is_exactly_the_documented_shape(env: Path) -> None:
    result = CliRunner().invoke(app, ["ask", "Can commercial support pay learners' hotel costs?", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(data) == {"answer", "abstained", "sources"}
    assert data["abstained"] is False and data["sources"]
    assert set(data["sources"][0]) == {"title", "heading", "url", "authority", "text", "score"}


def test_index_on_an_unchanged_corpus_embeds_nothing(env: Path) -> None:
    result = CliRunner().invoke(app, ["index"])
    assert result.exit_code == 0, result.output
    assert "0 chunks embedded" in result.output and "0 added" in result.output


def test_eval_json_reports_the_metrics(env: Path) -> None:
    items = [
        {"id": "a", "question": "How far back do disclosures go?", "answerable": True, "must_mention": [["24 months"]]},
        {"id": "b", "question": "What dose of warfarin for my patient?", "answerable": False, "must_mention": []},
    ]
    path = env / "set.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items))
    result = CliRunner().invoke(app, ["eval", str(path), "--k", "5", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(data) == {"n", "hit_at_k", "mrr", "answer_hit", "false_abstain", "abstain_correct", "p50_ms", "p95_ms"}
    assert data["n"] == 2 and data["hit_at_k"] == 1.0 and data["abstain_correct"] == 1.0


def test_eval_of_a_missing_file_says_so(env: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(env / "nope.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_run_without_slack_tokens_starts_the_console_chat(env: Path) -> None:
    result = CliRunner().invoke(app, ["run"], input="How far back do disclosures go?\n/help\n/quit\n")
    assert result.exit_code == 0, result.output
    assert "No Slack tokens configured" in result.output
    assert "24 months" in result.output
    assert "[1]" in result.output and "accme.org" in result.output
    assert "Guided flows" in result.output  # /help
