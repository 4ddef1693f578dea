"""`/welcome` in the console chat previews the welcome and the checklist, opens steps and ticks them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

from bot.config import PROJECT_ROOT
from bot.console.chat import ConsoleChat
from bot.onboarding import OnboardingService
from bot.runtime import Runtime
from tests.onboarding.conftest import onboarding_settings


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[ConsoleChat]:
    settings = onboarding_settings(
        tmp_path, CMEBOT_KNOWLEDGE_DIR=PROJECT_ROOT / "knowledge", CMEBOT_COMMUNITY_CHANNELS="cme-general"
    )
    runtime = Runtime(settings)
    yield ConsoleChat(runtime, console=Console(record=True, width=200, color_system=None), user_id="U_CONSOLE")
    runtime.close()


def output(chat: ConsoleChat) -> str:
    return chat.console.export_text(clear=True)


def test_welcome_previews_text_checklist_and_mistakes(chat: ConsoleChat) -> None:
    assert "welcome" in chat.commands
    chat.handle("/welcome")
    text = output(chat)
    assert "Welcome to the CME community!" in text
    for title in ("Understand CME fundamentals", "Join CME professional communities", "Draft a mock CME activity"):
        assert title in text
    assert "Skipping the needs assessment" in text
    assert "✔" not in text


def test_welcome_done_ticks_a_step_for_the_console_user(chat: ConsoleChat) -> None:
    chat.handle("/welcome done 2")
    assert "✔ 2. Join CME professional communities" in output(chat)
    service = OnboardingService(chat.runtime.db, chat.runtime.settings)
    assert service.completed("U_CONSOLE") == {"communities"}
    chat.handle("/welcome tick samples")
    assert service.completed("U_CONSOLE") == {"communities", "samples"}


def test_welcome_opens_a_step(chat: ConsoleChat) -> None:
    chat.handle("/welcome 2")
    text = output(chat)
    assert "cme-general" in text and "acehp.org" in text
    chat.handle("/welcome samples")
    text = output(chat)
    assert "Accredited CME activity" in text and "Non-accredited webinar" in text


def test_unknown_step_says_how_to_use_it(chat: ConsoleChat) -> None:
    chat.handle("/welcome 9")
    assert "No such step" in output(chat)


def test_step_five_starts_the_mock_activity_flow(chat: ConsoleChat) -> None:
    from bot.flows import FlowService

    def leave(_prompt: str) -> str:
        raise EOFError  # the member stops at the first question; the flow keeps the draft

    chat.read = leave
    chat.handle("/welcome 5")
    assert "Step 1 of" in output(chat)
    [draft] = FlowService(chat.runtime.db, chat.runtime.settings).drafts_for("U_CONSOLE")
    assert draft.flow == "mock_activity"
