"""core/adapters."""
