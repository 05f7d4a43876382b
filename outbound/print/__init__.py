"""Printed warehouse documents: pick lists and shipping labels (PDF, reportlab)."""
