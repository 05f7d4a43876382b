"""The order table of a sheet: its header row found by its labels, the lines under it down to a blank
row or a total row, and the totals that close it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from core.capture.domain.order import CapturedLine, Evidence, Problem, ProblemCode, Provenance
from parsers.layout.items import unit_code
from parsers.sheet import labels, values
from parsers.sheet.grid import Cell, Grid, Row

CODES = ("code", "gtin", "description")
NUMERIC = ("qty", "price", "amount")
BLANKS = 2  # empty rows tolerated under the header and between the lines and their totals
MAX_HEADER_ROW = 200  # the table's header is looked for in the rows above this
WORDY_CODE = 3  # words in a "code" cell that make it a description ("Artículo: Tornillo hex M8")


@dataclass(frozen=True)
class Table:
    """Where the table's header is (index into the grid's rows) and which column holds what."""

    header: int
    columns: dict[str, int]

    def cell(self, row: Row, kind: str) -> Cell:
        index = self.columns.get(kind)
        return row[index] if index is not None and index < len(row) else None


@dataclass
class Body:
    """The rows under a header: order lines, and totals by kind ("net", "total", "gross")."""

    lines: list[CapturedLine] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    totals: dict[str, tuple[Decimal, float, str]] = field(default_factory=dict)
    currencies: set[str] = field(default_factory=set)


def find_table(grid: Grid) -> Table | None:
    """The first row whose cells name a quantity column and a code, GTIN or description column."""
    for index, row in enumerate(grid.rows[:MAX_HEADER_ROW]):
        columns: dict[str, int] = {}
        for col, cell in enumerate(row):
            kind = labels.column(cell) if isinstance(cell, str) else None
            if kind is not None and kind not in columns:
                columns[kind] = col
        if "qty" not in columns and "unit" in columns and _counted(grid, index, columns["unit"]):
            columns["qty"] = columns.pop("unit")  # "Units" over numbers: how many, not which unit
        if "qty" in columns and any(k in columns for k in CODES):
            return Table(index, columns)
    return None


def _counted(grid: Grid, header: int, col: int) -> bool:
    """Whether the first value under a heading is a number."""
    below = next((r for r in grid.rows[header + 1 :] if r), ())
    cell = below[col] if col < len(below) else None
    return values.number(cell, ".") is not None


def number_texts(grid: Grid, table: Table) -> list[str]:
    """The text numbers of the numeric columns, for deciding the sheet's decimal mark."""
    return [
        cell
        for row in grid.rows[table.header + 1 :]
        for kind in NUMERIC
        if isinstance(cell := table.cell(row, kind), str)
    ]


def ref(col: int, row: int) -> str:
    """A cell's A1 reference (0-based column and row index)."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row + 1}"


class BodyReader:
    """Reads the rows under the header of one sheet."""

    def __init__(self, grid: Grid, table: Table, mark: str, certainty: float) -> None:
        self.grid, self.table, self.mark, self.certainty = grid, table, mark, certainty
        self.body = Body()

    def read(self) -> Body:
        blanks = 0
        closed = False  # a blank row or a note ended the lines; only totals may follow
        for index in range(self.table.header + 1, len(self.grid.rows)):
            row = self.grid.rows[index]
            if not row:
                blanks += 1
                closed = bool(self.body.lines)
                if blanks > BLANKS:
                    break
                continue
            blanks = 0
            kind = self._total_label(row)
            if kind is not None:
                self._total(row, index, kind)
            elif self.body.totals or closed:
                break  # the table ended; what follows is something else
            elif all(self.table.cell(row, k) is None for k in (*CODES, *NUMERIC)):
                closed = bool(self.body.lines)  # a note under the table, outside its columns
            else:
                self._line(row, index)
        return self.body

    def _total_label(self, row: Row) -> str | None:
        if values.gtin(values.identifier(self.table.cell(row, "gtin"))):
            return None
        code = self.table.cell(row, "code")
        for cell in row:
            kind = labels.total(cell) if isinstance(cell, str) else None
            if kind is not None and (code is None or code is cell):
                return kind
        return None

    def _total(self, row: Row, index: int, kind: str) -> None:
        col = self.table.columns.get("amount")
        candidates = [col] if col is not None and col < len(row) and row[col] is not None else []
        candidates += [c for c in reversed(range(len(row))) if c != col]
        for c in candidates:
            read = values.number(row[c], self.mark, self.certainty)
            cell = row[c]
            if read is not None and not (isinstance(cell, str) and cell.rstrip().endswith("%")):
                self.body.totals.setdefault(kind, (*read, ref(c, index)))
                self._currency(cell)
                return

    def _where(self, kind: str, index: int) -> tuple[str, Provenance]:
        col = self.table.columns[kind]
        shown = values.text(self.table.cell(self.grid.rows[index], kind)) or ""
        return ref(col, index), Provenance(page=self.grid.number, raw=f"{ref(col, index)}: {shown}")

    def _line(self, row: Row, index: int) -> None:
        i = len(self.body.lines)
        path = f"lines[{i}]"
        code = values.identifier(self.table.cell(row, "code"))
        description = values.identifier(self.table.cell(row, "description"))
        if code and not description and len(code.split()) >= WORDY_CODE:
            code, description = None, code
        gtin = values.gtin(values.identifier(self.table.cell(row, "gtin"))) or values.gtin(code)
        if code is None and gtin is None:
            code = values.identifier(self.table.cell(row, "gtin"))  # not a valid GTIN: a code still
        unit_text = values.identifier(self.table.cell(row, "unit"))
        numbers: dict[str, tuple[Decimal, float] | None] = {}
        for kind in NUMERIC:
            cell = self.table.cell(row, kind)
            if cell is None:
                numbers[kind] = None
                continue
            if kind == "qty":
                read = values.quantity(cell, self.mark, self.certainty)
                numbers[kind] = read[:2] if read else None
                unit_text = unit_text or (read[2] if read else None)
            else:
                numbers[kind] = values.number(cell, self.mark, self.certainty)
                self._currency(cell)
            if numbers[kind] is None:
                where, _ = self._where(kind, index)
                self.body.problems.append(
                    Problem(
                        ProblemCode.UNREADABLE,
                        f"cell {where} ({values.text(cell)!r}) is not a number",
                        field=f"{path}.{_FIELDS[kind]}",
                    )
                )
        quantity, price, amount = (numbers[k] for k in NUMERIC)
        pos = values.identifier(self.table.cell(row, "pos"))
        self.body.lines.append(
            CapturedLine(
                line_no=pos or str(i + 1),
                item_code=code,
                gtin=gtin,
                description=description,
                quantity=quantity[0] if quantity else None,
                unit=unit_code(unit_text) if unit_text else None,
                unit_price=price[0] if price else None,
                amount=amount[0] if amount else None,
            )
        )
        self._evidence(index, path, numbers, code_kind="code" if code else "gtin")

    def _evidence(
        self, index: int, path: str, numbers: dict[str, tuple[Decimal, float] | None], code_kind: str
    ) -> None:
        found: list[tuple[str, str, float]] = []
        if code_kind in self.table.columns:
            found.append((code_kind, "item_code" if code_kind == "code" else "gtin", 1.0))
        for kind in ("description", "unit"):
            if kind in self.table.columns:
                found.append((kind, kind, 1.0))
        for kind, read in numbers.items():
            if read is not None:
                found.append((kind, _FIELDS[kind], read[1]))
        for kind, name, confidence in found:
            _, where = self._where(kind, index)
            self.body.evidence.append(Evidence(f"{path}.{name}", confidence, where))

    def _currency(self, cell: Cell) -> None:
        found = values.currency(cell)
        if found:
            self.body.currencies.add(found)


_FIELDS = {"qty": "quantity", "price": "unit_price", "amount": "amount"}
