"""Services that know nothing of Slack: the console and every Slack surface call these."""
