"""The order-management core: domain model, services and adapters."""
