"""Purchasing's domain: standard library only."""
