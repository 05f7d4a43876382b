"""Purchasing's tables, their mapping and its repository."""
