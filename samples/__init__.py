"""Demo master data, demo documents and generators of realistic test documents."""
