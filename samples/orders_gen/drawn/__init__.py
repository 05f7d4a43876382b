"""Rendering drawn orders: one document's facts in one drawn `Look`, to PDF bytes."""
