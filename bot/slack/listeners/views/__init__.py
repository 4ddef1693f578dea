"""Bolt listeners for Slack views; every module here has `register(app, runtime)`."""
