"""Parsers: bytes of one inbound document -> canonical captured orders; one module per format."""
