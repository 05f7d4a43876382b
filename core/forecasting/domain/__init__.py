"""Forecasting's pure rules: the Spanish holiday calendar, series, back-tests and staffing."""
