"""Capture's services: intake, processing, duplicates, interchanges, the review queue."""
