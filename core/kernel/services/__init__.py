"""Services every area shares: users and sign-in, the outbox's delivery, set-up CSV reading."""
