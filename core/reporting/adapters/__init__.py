"""Reporting's tables, the queries that gather an order's facts, search, and the export writers."""
