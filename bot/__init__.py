"""CME community assistant."""
