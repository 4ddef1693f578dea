"""Bolt listeners for Slack events; every module here has `register(app, runtime)`."""
