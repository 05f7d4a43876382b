"""Forecasting: holiday rule, back-tests, staffing."""
