"""Errors that need a person: what counts as one, when it is due, once per kind per hour, and what the message says."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import REGISTRY
from pydantic import SecretStr
from sqlalchemy.exc import OperationalError

from bot.config import Settings
from bot.runtime import Runtime
from bot.services import health
from bot.services.health import (
    DATABASE_UNREACHABLE,
    JOBS_FAILING,
    LLM_KEY_REJECTED,
    AdminAlerts,
    Problems,
    recent_job_failures,
    record_job_failure,
)
from bot.storage.db import Database
from tests.conftest import make_settings

T0 = datetime(2030, 3, 4, 10, 5, tzinfo=UTC)
API_KEY = "sk-live-abcdefghijklmnop0123456789"


@pytest.fixture(autouse=True)
def _no_problems_left_over() -> Iterator[None]:
    health.PROBLEMS.reset()
    yield
    health.PROBLEMS.reset()


def alerts_for(settings: Settings, db: Database, problems: Problems) -> tuple[AdminAlerts, list[str]]:
    posted: list[str] = []
    return AdminAlerts(settings, db, posted.append, problems), posted


class _RejectingModelServer:
    """An OpenAI-compatible endpoint that refuses every key, as a provider does a revoked one (HTTP 401)."""

    def __init__(self) -> None:
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                body = json.dumps(
                    {"error": {"message": f"Incorrect API key provided: {API_KEY[:8]}***", "code": "invalid_api_key"}}
                ).encode()
                self.send_response(401)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_rejected_llm_key_is_a_problem_and_answers_still_come(settings: Settings) -> None:
    server = _RejectingModelServer()
    configured = settings.model_copy(
        update={
            "llm": "openai:gpt-4o-mini",
            "llm_base_url": server.base_url,
            "llm_api_key": SecretStr(API_KEY),
            "llm_timeout": 5.0,
        }
    )
    runtime = Runtime(configured)
    try:
        before = REGISTRY.get_sample_value("cmebot_llm_errors_total", {"error": "auth"}) or 0
        answer, _ = runtime.ask("How far back must faculty disclose financial relationships?")
        assert not answer.abstained and answer.mode == "extractive"  # the fallback, not an error
        assert REGISTRY.get_sample_value("cmebot_llm_errors_total", {"error": "auth"}) == before + 1
        problem = health.PROBLEMS.active()[LLM_KEY_REJECTED]
        assert "401" in problem.detail and "AuthenticationError" in problem.detail

        alerts, posted = alerts_for(configured, runtime.db, health.PROBLEMS)
        assert alerts.check(T0) == [LLM_KEY_REJECTED]
        [text] = posted
        assert "refused the API key" in text and "CMEBOT_LLM_API_KEY" in text and "openai:gpt-4o-mini" in text
        assert API_KEY not in text and API_KEY[:8] not in text  # neither the key nor the part providers quote
    finally:
        runtime.close()
        server.close()


def test_a_successful_model_call_clears_the_problem() -> None:
    health.llm_failed(type("AuthenticationError", (Exception,), {"status_code": 401})())
    assert LLM_KEY_REJECTED in health.PROBLEMS.active()
    health.llm_ok()
    assert LLM_KEY_REJECTED not in health.PROBLEMS.active()


def test_other_model_errors_are_counted_but_need_no_person() -> None:
    before = REGISTRY.get_sample_value("cmebot_llm_errors_total", {"error": "other"}) or 0
    health.llm_failed(type("InternalServerError", (Exception,), {"status_code": 500})())
    assert REGISTRY.get_sample_value("cmebot_llm_errors_total", {"error": "other"}) == before + 1
    assert health.PROBLEMS.active() == {}


def test_each_kind_is_posted_once_per_hour_across_replicas(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    db = Database(settings.sqlalchemy_url)
    db.migrate()
    problems = Problems()
    problems.report(LLM_KEY_REJECTED, "AuthenticationError, HTTP 401", T0)
    first, first_posted = alerts_for(settings, db, problems)
    second, second_posted = alerts_for(settings, db, problems)  # another replica, the same database

    assert first.check(T0) == [LLM_KEY_REJECTED]
    assert second.check(T0 + timedelta(minutes=1)) == []  # the hour is taken
    assert first.check(T0 + timedelta(minutes=30)) == []
    assert second.check(T0 + timedelta(hours=1)) == [LLM_KEY_REJECTED]  # the next hour: one of them again
    assert first.check(T0 + timedelta(hours=1, minutes=5)) == []
    assert len(first_posted) + len(second_posted) == 2
    db.dispose()


def test_the_database_is_alerted_on_only_after_the_set_minutes(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, CMEBOT_ALERT_DATABASE_MINUTES=5)
    db = Database(settings.sqlalchemy_url)
    db.migrate()
    problems = Problems()
    problems.report(DATABASE_UNREACHABLE, "OperationalError", T0)
    alerts, posted = alerts_for(settings, db, problems)
    assert alerts.check(T0 + timedelta(minutes=4)) == []
    assert alerts.check(T0 + timedelta(minutes=7)) == [DATABASE_UNREACHABLE]
    [text] = posted
    assert "unreachable for 7 minutes" in text and "since 2030-03-04 10:05 UTC" in text
    assert "SQLite file" in text
    problems.clear(DATABASE_UNREACHABLE)
    assert alerts.check(T0 + timedelta(hours=2)) == []
    db.dispose()


def test_with_the_database_down_each_replica_alerts_for_itself_once_an_hour(tmp_path: Path) -> None:
    settings = make_settings(tmp_path).model_copy(
        update={"database_url": "postgresql://cmebot:db-password-123@127.0.0.1:1/cmebot"}
    )
    unreachable = Database(settings.sqlalchemy_url)  # nothing listens on port 1: every claim fails
    problems = Problems()
    problems.report(DATABASE_UNREACHABLE, "OperationalError", T0)
    alerts, posted = alerts_for(settings, unreachable, problems)
    assert alerts.check(T0 + timedelta(minutes=10)) == [DATABASE_UNREACHABLE]
    assert alerts.check(T0 + timedelta(minutes=20)) == []
    [text] = posted
    assert "postgresql at 127.0.0.1:1" in text
    assert "db-password-123" not in text and "cmebot:" not in text
    unreachable.dispose()


def _failed_jobs(runtime: Runtime, count: int) -> None:
    for n in range(count):
        job = runtime.jobs.create(f"health-test:{n}", "mention", {"channel": "C1"})
        assert job is not None
        assert runtime.jobs.take(job.id, "answer", "owner", 30) is not None
        assert runtime.jobs.store_messages(job.id, "owner", [{"text": "ok"}], None)
        assert runtime.jobs.take(job.id, "post", "owner", 30) is not None
        assert runtime.jobs.finish(job.id, "owner", "failed", error="channel_not_found")


def test_jobs_failing_repeatedly_are_alerted_from_the_threshold(runtime: Runtime) -> None:
    settings = runtime.settings.model_copy(update={"alert_failed_jobs": 3})
    alerts, posted = alerts_for(settings, runtime.db, Problems())
    _failed_jobs(runtime, 2)
    now = datetime.now(UTC)
    assert alerts.check(now) == []
    last = runtime.jobs.create("health-test:last", "mention", {"channel": "C1"})
    assert last is not None
    assert runtime.jobs.take(last.id, "answer", "owner", 30) is not None
    # The answer stage finally failing counts too (the member got the apology, not an answer).
    assert runtime.jobs.store_messages(last.id, "owner", [{"text": "sorry"}], None, error="boom")
    assert alerts.check(now) == [JOBS_FAILING]
    [text] = posted
    assert "3 questions finally failed in the last hour" in text
    assert "cmebot_slack_api_errors_total" in text  # what to check: the metric that says which Slack errors


def test_recent_failures_leave_out_older_ones(db: Database) -> None:
    record_job_failure(db, 1, "post")
    record_job_failure(db, 1, "post")  # the same job twice is one failure
    record_job_failure(db, 2, "answer")
    count, first = recent_job_failures(db, datetime.now(UTC) - timedelta(hours=1))
    assert count == 2 and first is not None
    later, _ = recent_job_failures(db, datetime.now(UTC) + timedelta(minutes=1))
    assert later == 0


def test_database_errors_are_told_apart_from_bugs() -> None:
    assert health.is_database_error(OperationalError("SELECT 1", {}, Exception("could not connect")))
    assert not health.is_database_error(ValueError("a bug"))
