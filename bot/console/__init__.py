"""The terminal surface: `cmebot chat`, over the same services as Slack."""
