"""Bolt listeners for Slack commands; every module here has `register(app, runtime)`."""
