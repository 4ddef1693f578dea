"""Bolt listeners grouped by Slack surface. Each surface package registers every module it holds, so a
feature adds its listeners by adding a module with `register(app, runtime)`; nothing else changes."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.runtime import Runtime

# "assistant" (Slack's agent surface) comes first: its Messages-tab listener must match before the App Home one.
SURFACES = ("assistant", "events", "commands", "actions", "views", "shortcuts")


def register_package(package: ModuleType, app: App, runtime: Runtime) -> list[str]:
    registered = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        module.register(app, runtime)
        registered.append(module.__name__)
    return registered


def register_all(app: App, runtime: Runtime) -> list[str]:
    registered: list[str] = []
    for surface in SURFACES:
        registered += register_package(importlib.import_module(f"{__name__}.{surface}"), app, runtime)
    return registered
