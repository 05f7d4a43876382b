"""Billing: payments, credit, invoices, tax, returns' money, the books and receivables."""
