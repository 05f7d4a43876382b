"""OCR: fax TIFFs, scanned images and image-only PDFs read by Tesseract into words with boxes.

`ImageOcrParser` ("tiff-ocr") and `PdfOcrParser` ("pdf-ocr") are the parsers; `PdfPageReader` reads
chosen PDF pages for the text-layer reader; `PageOcr` is the injectable page engine (`SerialTesseract`
here; the composition root builds a process pool over the same `ocr_page`).
"""

from parsers.ocr.engine import OcrOptions, PageOcr, SerialTesseract, ocr_page
from parsers.ocr.images import Limits, PageImage
from parsers.ocr.parser import ImageOcrParser, PdfOcrParser, PdfPageReader

__all__ = [
    "ImageOcrParser",
    "Limits",
    "OcrOptions",
    "PageImage",
    "PageOcr",
    "PdfOcrParser",
    "PdfPageReader",
    "SerialTesseract",
    "ocr_page",
]
