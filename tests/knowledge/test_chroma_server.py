"""CHROMA_HOST/CHROMA_PORT: the same indexing and answering against a real Chroma server (`chroma run`)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.runtime import Runtime
from tests.conftest import make_settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    executable = Path(sys.executable).parent / "chroma"
    if not executable.exists():
        pytest.skip("the chroma server CLI is not installed")
    port = _free_port()
    process = subprocess.Popen(
        [str(executable), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("the Chroma server did not start")
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_index_and_answer_through_a_chroma_server(tmp_path: Path, small_corpus: Path, chroma_server: int) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(small_corpus / "accme", knowledge / "accme")
    settings = make_settings(tmp_path, knowledge, CHROMA_HOST="127.0.0.1", CHROMA_PORT=chroma_server)
    runtime = Runtime(settings)
    report = runtime.index()
    assert report.added and report.chunks_embedded > 0
    assert not (settings.data_dir / "chroma").exists()  # nothing went to the embedded store

    again = Runtime(settings).index()  # a second process sees what the server holds
    assert again.chunks_embedded == 0 and not again.changed

    answer, _ = runtime.ask("Can commercial support pay for learners' travel?")
    assert not answer.abstained and answer.sources
