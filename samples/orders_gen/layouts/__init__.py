"""One module per purchase-order layout; each renders an `OrderSpec` to PDF bytes."""
