"""Flow tests need only a database, not the knowledge index: a fresh SQLite file per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.flows.service import FlowService
from bot.storage.db import Database
from tests.conftest import make_settings


@pytest.fixture
def flow_settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def flow_db(flow_settings: Settings) -> Iterator[Database]:
    db = Database(flow_settings.sqlalchemy_url)
    db.create_all()
    yield db
    db.dispose()


@pytest.fixture
def flows(flow_db: Database, flow_settings: Settings) -> FlowService:
    return FlowService(flow_db, flow_settings)
