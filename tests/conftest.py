"""Shared fixtures: settings pointing at a temporary data folder, and a runtime over a small real corpus.

The embedding model loads once per test session; the small corpus keeps indexing to a few seconds."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Settings, get_settings

# Slack fixtures (slack_api, slack_app): see the docstring of tests/support/fixtures.py.
pytest_plugins = ["tests.support.fixtures"]

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

# Real knowledge files, copied so tests can add, change and delete without touching knowledge/.
SMALL_CORPUS = [
    "accme/standard-3-financial-relationships.md",
    "accme/standard-4-commercial-support.md",
    "accme/verifying-accreditation.md",
    "ama/credit-calculation-by-format.md",
]

# No setting may leak in from the developer's shell or .env into a test.
_ENV_KEYS = [name for name in os.environ if name.startswith(("CMEBOT_", "SLACK_", "CHROMA_")) or name == "DATABASE_URL"]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in _ENV_KEYS:
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def make_settings(tmp: Path, knowledge: Path | None = None, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "CMEBOT_DATA_DIR": tmp / "data",
        "CMEBOT_KNOWLEDGE_DIR": knowledge or tmp / "knowledge",
        "CMEBOT_OUTPUT_DIR": tmp / "out",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def copy_corpus(target: Path, files: list[str] = SMALL_CORPUS) -> Path:
    for name in files:
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT_ROOT / "knowledge" / name, destination)
    return target


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_corpus(tmp_path_factory.mktemp("corpus") / "knowledge")


@pytest.fixture(scope="session")
def indexed_data(tmp_path_factory: pytest.TempPathFactory, small_corpus: Path) -> Path:
    """A data folder whose Chroma index already holds the small corpus (built once per session)."""
    from bot.runtime import Runtime

    root = tmp_path_factory.mktemp("indexed")
    runtime = Runtime(make_settings(root, small_corpus))
    runtime.index()
    runtime.close()
    return root / "data"


@pytest.fixture
def settings(tmp_path: Path, small_corpus: Path, indexed_data: Path) -> Settings:
    """Settings with their own database and a copy of the pre-built index, so tests never share state."""
    data = tmp_path / "data"
    shutil.copytree(indexed_data / "chroma", data / "chroma")
    return make_settings(tmp_path, small_corpus, CMEBOT_DATA_DIR=data)


@pytest.fixture
def runtime(settings: Settings):  # type: ignore[no-untyped-def]
    from bot.runtime import Runtime

    runtime = Runtime(settings)
    yield runtime
    runtime.close()


@pytest.fixture(scope="session")
def full_runtime(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The bot over the whole shipped knowledge base and its answer cards, indexed once per test session: what
    members actually talk to. Read-only: tests that change knowledge use their own copies."""
    from bot.runtime import Runtime

    root = tmp_path_factory.mktemp("full")
    runtime = Runtime(make_settings(root, PROJECT_ROOT / "knowledge"))
    runtime.index()
    yield runtime
    runtime.close()
