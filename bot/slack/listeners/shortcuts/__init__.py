"""Bolt listeners for Slack shortcuts; every module here has `register(app, runtime)`."""
