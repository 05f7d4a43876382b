"""Catalog's tables and repositories."""
