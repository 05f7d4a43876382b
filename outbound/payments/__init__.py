"""Card processors: the sandbox wired by default (a real processor's adapter implements the same
`core.services.payments.PaymentGateway`)."""
