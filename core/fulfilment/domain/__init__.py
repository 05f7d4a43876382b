"""Fulfilment's domain: lifecycle, stock, warehouse work, shipping; the standard library only."""
