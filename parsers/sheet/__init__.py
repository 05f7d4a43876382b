"""Order sheets: CSV and XLSX files (mostly e-mail attachments) read into canonical orders."""

from parsers.sheet.grid import Limits
from parsers.sheet.parser import CsvParser, XlsxParser

__all__ = ["CsvParser", "Limits", "XlsxParser"]
