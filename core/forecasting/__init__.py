"""Forecasts of order volume, shipping volume, demand per SKU and review workload, each back-tested
against a seasonal-naive baseline on the same history and offered only where it beats it."""
