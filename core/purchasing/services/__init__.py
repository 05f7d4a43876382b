"""Purchasing's use cases, each one transaction on purchasing's unit of work."""
