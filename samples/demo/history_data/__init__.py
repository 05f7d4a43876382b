"""Master data only `oms demo history` adds: two more customers and their EDI partner rows."""
