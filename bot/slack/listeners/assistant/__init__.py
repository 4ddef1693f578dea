"""Bolt listeners for Slack's agent experience (the AI app surface); every module here has `register(app, runtime)`.

Questions typed in an agent or assistant thread are not handled here: they are DM messages, taken in by the
durable intake (bot/slack/intake.py) before any listener or Bolt's Assistant middleware sees them."""
