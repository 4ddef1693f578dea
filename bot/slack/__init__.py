"""The Slack surface: a thin Bolt adapter over the services in bot/."""
