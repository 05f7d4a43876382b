"""Purchasing: suppliers and what they sell us, replenishment planning, purchase orders and their
state history, the suppliers' answers, receiving goods in and matching supplier invoices."""
