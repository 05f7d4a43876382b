"""Forecasting use cases: series read from the order history, fitted, back-tested, summarised."""
