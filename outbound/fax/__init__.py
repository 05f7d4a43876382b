"""The fax channel: confirmations, notices and billing documents as PDFs for the fax server."""

from outbound.fax.gateway import (
    FaxGateway,
    FaxJob,
    FaxSender,
    SpoolFaxGateway,
    confirmation_by_fax,
    page_count,
)

__all__ = ["FaxGateway", "FaxJob", "FaxSender", "SpoolFaxGateway", "confirmation_by_fax", "page_count"]
