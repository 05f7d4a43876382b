"""Domain types every area shares; the standard library only."""
