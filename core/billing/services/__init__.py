"""Billing's services: credit policy, card payments, invoicing, returns, settlement, the books."""
