"""Fulfilment's tables and repositories."""
