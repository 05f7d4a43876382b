"""Fulfilment's services: approval, allocation, warehouse steps, shipping, notifications."""
