"""EDIFACT answers to partners: the interchange writer, ORDRSP, CONTRL and output file names."""

from outbound.edifact.contrl import build_contrl, contrl_message
from outbound.edifact.naming import outbound_filename
from outbound.edifact.ordrsp import OrderResponse, build_ordrsp, ordrsp_message
from outbound.edifact.syntax import Envelope, Message, Segment, segment, write_interchange

__all__ = [
    "Envelope",
    "Message",
    "OrderResponse",
    "Segment",
    "build_contrl",
    "build_ordrsp",
    "contrl_message",
    "ordrsp_message",
    "outbound_filename",
    "segment",
    "write_interchange",
]
