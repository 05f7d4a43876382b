"""Catalog: products, customers, customer item codes and their import."""
