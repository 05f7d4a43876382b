"""The database every area shares: engine, column types, the one metadata, shared tables."""
