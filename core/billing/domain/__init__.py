"""Billing's domain: payments, invoices, VAT, the ledger, returns; the standard library only."""
