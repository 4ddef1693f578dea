"""Block Kit rendering. Pure functions from our models to Slack message payloads; no Slack calls here."""
