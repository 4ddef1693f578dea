"""Measuring retrieval and answers against a JSONL question set."""
