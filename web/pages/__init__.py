"""Server-rendered pages: login, the review queue and document view, learned codes, dashboard."""
