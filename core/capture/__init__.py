"""Capture: inbound documents, the captured order, validation's view of master data, review."""
