"""Answers grounded in retrieved passages: extractive offline, LLM-written when one is configured."""
