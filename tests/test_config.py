from pathlib import Path

import pytest

from bot.config import Settings


def test_lists_come_from_comma_separated_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMEBOT_WELCOME_CHANNELS", "C123, #newcomers ,")
    monkeypatch.setenv("CMEBOT_ADMINS", "U1")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.welcome_channels == ["C123", "#newcomers"]
    assert settings.admins == ["U1"]


def test_empty_values_mean_defaults(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("SLACK_BOT_TOKEN=\nDATABASE_URL=\nCMEBOT_TOP_K=\n")
    settings = Settings(_env_file=env)  # type: ignore[call-arg]
    assert not settings.slack_configured
    assert settings.sqlalchemy_url.startswith("sqlite:///")
    assert settings.top_k == 5


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ],
)
def test_postgres_urls_use_psycopg3(monkeypatch: pytest.MonkeyPatch, url: str, expected: str) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    assert Settings(_env_file=None).sqlalchemy_url == expected  # type: ignore[call-arg]


def test_env_example_documents_every_setting() -> None:
    example = (Path(__file__).resolve().parents[1] / ".env.example").read_text()
    documented = {line.split("=", 1)[0] for line in example.splitlines() if "=" in line and not line.startswith("#")}
    aliases = {field.alias for field in Settings.model_fields.values()}
    assert aliases == documented
