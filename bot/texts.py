"""Editable texts under prompts/: message templates, scope lists, LLM prompts and flow definitions."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.config import get_settings


def prompts_dir() -> Path:
    return get_settings().prompts_dir


@lru_cache(maxsize=64)
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_text(name: str) -> str:
    return _read(prompts_dir() / name)


def load_yaml(name: str) -> Any:
    return yaml.safe_load(load_text(name))


@lru_cache(maxsize=8)
def _messages(path: Path) -> dict[str, Any]:
    # Parsed once per file: messages are formatted on every answer, decline and modal.
    return dict(yaml.safe_load(_read(path)))


def message(key: str, **values: Any) -> str:
    """A message from prompts/messages.yml with its {placeholders} filled."""
    template = _messages(prompts_dir() / "messages.yml")[key]
    return str(template).format(**values).strip()
