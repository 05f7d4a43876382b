"""Fulfilment: the order's lifecycle, stock, warehouses, shipping and customer notifications."""
