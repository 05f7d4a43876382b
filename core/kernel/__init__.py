"""The shared kernel: what every area uses (errors, money, the order record, users, the database)."""
