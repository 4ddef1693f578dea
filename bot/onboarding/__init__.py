"""Welcoming new members: the newcomer pathway, each member's progress, the nudge and the App Home model.

Nothing here knows about Slack; the Slack listeners and the console both render what these modules return."""

from bot.onboarding.pathway import Pathway, PathwayItem, load_pathway
from bot.onboarding.service import ChecklistEntry, OnboardingService

__all__ = ["ChecklistEntry", "OnboardingService", "Pathway", "PathwayItem", "load_pathway"]
