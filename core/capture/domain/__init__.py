"""Capture's domain: documents, captured orders, interchanges, decisions; the standard library only."""
