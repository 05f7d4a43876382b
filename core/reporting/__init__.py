"""Reporting: the read side of the OMS. Summary tables kept up to date from the events the other areas
publish, the reports read from them, their exports, and the search over orders."""
