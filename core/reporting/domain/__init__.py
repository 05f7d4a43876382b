"""Reporting's domain: an order's facts, what they add to the summary, and the reports' shapes."""
