"""The EDIFACT reader: interchanges in any syntax version and repertoire, ORDERS messages of any
directory, envelope checks reported the way CONTRL needs them."""

from parsers.edifact.parser import EdifactParser, read_interchanges

__all__ = ["EdifactParser", "read_interchanges"]
