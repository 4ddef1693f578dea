import logging

from pydantic import SecretStr

from bot.logging_setup import RedactSecrets, configure_logging
from tests.conftest import make_settings


def test_tokens_and_configured_secrets_are_masked(tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    settings = make_settings(tmp_path).model_copy(
        update={"slack_signing_secret": SecretStr("s3cr3t-signing-value"), "llm_api_key": SecretStr("sk-abcdefgh12345")}
    )
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    redactor = configure_logging(settings)
    caplog.handler.addFilter(redactor)
    log = logging.getLogger("cmebot.test")
    log.warning("token %s and secret %s", "xoxb-1234-5678-abcdef", "s3cr3t-signing-value")
    try:
        raise RuntimeError("auth failed for xapp-1-A0B1C2-secret and sk-abcdefgh12345")
    except RuntimeError:
        log.exception("boom")
    text = caplog.text
    assert "xoxb-1234-5678-abcdef" not in text and "s3cr3t-signing-value" not in text
    assert "xapp-1-A0B1C2-secret" not in text and "sk-abcdefgh12345" not in text
    assert "[redacted]" in text
    for handler in root.handlers:  # leave the process's logging as other tests expect it
        handler.removeFilter(redactor)
    root.handlers[:] = handlers
    root.setLevel(level)


def test_redactor_leaves_ordinary_text_alone() -> None:
    assert RedactSecrets([]).redact("How far back do disclosures go?") == "How far back do disclosures go?"
