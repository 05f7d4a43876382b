"""Card processors: the sandbox wired by default (a real processor's adapter implements the same
`core.billing.services.payments.PaymentGateway`)."""
