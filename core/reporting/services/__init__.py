"""Reporting's use cases: keeping the summary up to date, running reports, searching orders."""
