"""Billing's tables and repositories."""
