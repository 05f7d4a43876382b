"""Capture's tables and repositories."""
