"""outbound/edifact."""
