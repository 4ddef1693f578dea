"""app_home_opened -> views.publish: the member's checklist, drafts and recent questions (admins see more)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk import WebClient

from bot.slack.onboarding_ui import OnboardingSlack

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.runtime import Runtime


def register(app: App, runtime: Runtime) -> None:
    onboarding = OnboardingSlack(runtime)

    @app.event("app_home_opened")
    def on_app_home_opened(event: dict[str, Any], client: WebClient) -> None:
        # The same event fires for the Messages tab; only the Home tab has a view to publish.
        if event.get("tab", "home") == "home" and event.get("user"):
            onboarding.publish_home(client, str(event["user"]))
