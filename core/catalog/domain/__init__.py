"""The catalog's domain: price rows and their resolution, and products' packs."""
