"""Catalog's services: importing master data."""
