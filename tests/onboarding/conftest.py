"""An onboarding service over its own SQLite file; no index or embedding model needed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.onboarding import OnboardingService
from bot.storage.db import Database


def onboarding_settings(tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {"CMEBOT_DATA_DIR": tmp_path / "data", "CMEBOT_OUTPUT_DIR": tmp_path / "out"}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'onboarding.sqlite3'}")
    database.create_all()
    yield database
    database.dispose()


@pytest.fixture
def service(db: Database, tmp_path: Path) -> OnboardingService:
    return OnboardingService(db, onboarding_settings(tmp_path))
