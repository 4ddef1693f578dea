"""A one-shot `cmebot ask` as its own process: with an ONNX export beside the index it answers without importing
torch (what made it take 8-17 s), and it answers as the torch backend does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.knowledge.embeddings import DEFAULT_MODEL, get_embeddings

QUESTION = "Can commercial support pay for learners' travel and hotel?"
# Runs the real entry point, then reports which heavy libraries the process imported.
SCRIPT = """
import json, sys
from bot.cli import main
sys.argv = ["cmebot", "ask", "--json", sys.argv[1]]
try:
    main()
except SystemExit as exit:
    assert not exit.code, exit.code
sys.stderr.write("LOADED " + json.dumps(sorted(m for m in ("torch", "transformers", "sentence_transformers")
                                                 if m in sys.modules)) + "\\n")
"""


def _ask(data: Path, knowledge: Path, backend: str) -> tuple[dict[str, object], list[str]]:
    env = {
        **os.environ,
        "CMEBOT_DATA_DIR": str(data),
        "CMEBOT_KNOWLEDGE_DIR": str(knowledge),
        "CMEBOT_OUTPUT_DIR": str(data.parent / "out"),
        "CMEBOT_EMBEDDING_BACKEND": backend,
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, QUESTION], env=env, capture_output=True, text=True, timeout=240, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = json.loads(done.stderr.rsplit("LOADED ", 1)[1])
    return json.loads(done.stdout.strip().splitlines()[-1]), loaded


def test_ask_answers_without_torch_and_as_torch_does(
    tmp_path: Path, small_corpus: Path, indexed_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(indexed_data / "chroma", data / "chroma")
    # The export this test session already made, placed where a previous `cmebot index` would have left it.
    model = get_embeddings(DEFAULT_MODEL, "onnx", tmp_path / "session-export")
    cached = data / "onnx" / model.folder.parent.name / model.folder.name
    shutil.copytree(model.folder, cached)
    written = (cached / "model.onnx").stat().st_mtime_ns

    onnx_answer, loaded = _ask(data, small_corpus, "auto")
    assert loaded == []
    assert (cached / "model.onnx").stat().st_mtime_ns == written  # used as it was, not exported again
    assert onnx_answer["sources"] and not onnx_answer["abstained"]

    torch_answer, loaded = _ask(data, small_corpus, "torch")
    assert "torch" in loaded
    assert onnx_answer == torch_answer
