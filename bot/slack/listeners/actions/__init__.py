"""Bolt listeners for Slack actions; every module here has `register(app, runtime)`."""
