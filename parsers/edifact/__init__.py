"""parsers/edifact."""
