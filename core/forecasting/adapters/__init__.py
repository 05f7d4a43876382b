"""Forecasting adapters: the history read from the database, the forecasting library, the schedule table."""
