"""Reading the catalogue's CSV layers, keeping each row's file and line.

The catalogue is a folder of layers (`data/federal`, `data/ontario`, ...), each
owned by one team of service owners and holding any subset of the tables. A
row remembers where it came from so that every error can point at the exact
file, line and column a person has to fix.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

from services_catalog.tables import TABLES, TABLES_BY_NAME

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass
class Row:
    table: str
    path: str
    line: int
    values: Dict[str, str]
    header: List[str] = field(repr=False, default_factory=list)

    def column_number(self, column: str) -> int:
        """1-based position of a column in this row's file, for error messages."""
        return self.header.index(column) + 1 if column in self.header else 1


@dataclass
class Problem:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


@dataclass
class Source:
    """Everything read from a catalogue folder, and what could not be read."""

    rows: Dict[str, List[Row]]
    problems: List[Problem]
    files: List[Path]


def display_path(path: Path) -> str:
    """Paths in messages are relative to the working directory when possible, so editors can open them."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_source(root: Path = DEFAULT_DATA_DIR) -> Source:
    root = Path(root)
    rows: Dict[str, List[Row]] = {t.name: [] for t in TABLES}
    problems: List[Problem] = []
    files: List[Path] = []
    if not root.is_dir():
        return Source(rows, [Problem(str(root), 1, 1, "catalogue folder not found")], files)
    for path in sorted(root.glob("*/*.csv")) + sorted(root.glob("*.csv")):
        name = path.stem
        shown = display_path(path)
        if name not in TABLES_BY_NAME:
            known = ", ".join(sorted(TABLES_BY_NAME))
            problems.append(Problem(shown, 1, 1, f"unknown table file '{path.name}'; table files are: {known}"))
            continue
        files.append(path)
        rows[name].extend(_read_file(path, shown, name, problems))
    return Source(rows, problems, files)


def _read_file(path: Path, shown: str, table: str, problems: List[Problem]) -> List[Row]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        problems.append(Problem(shown, line, 1, "not valid UTF-8: save the file as UTF-8"))
        return []
    reader = csv.reader(text.splitlines(keepends=True))
    header = next(reader, None)
    if not header:
        problems.append(Problem(shown, 1, 1, "empty file: the first line must name the columns"))
        return []
    header = [h.strip() for h in header]
    result: List[Row] = []
    line = reader.line_num + 1
    for record in reader:
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.append(
                Problem(
                    shown,
                    start,
                    min(len(record), len(header)) + 1,
                    f"{len(record)} values but the header has {len(header)} columns "
                    "(a missing or extra comma, or an unquoted comma inside a value)",
                )
            )
            continue
        values = {column: cell.strip() for column, cell in zip(header, record)}
        result.append(Row(table, shown, start, values, header))
    _check_header(shown, table, header, problems)
    return result


def _check_header(shown: str, table: str, header: List[str], problems: List[Problem]) -> None:
    """Unknown columns are errors (a typo would silently drop data); optional ones may be left out.

    A layer with nothing to say about, say, an office's time zone need not carry an
    empty column, and a column added to the format does not break every existing file.
    """
    declared = TABLES_BY_NAME[table]
    expected = declared.column_names
    for position, column in enumerate(header, start=1):
        if column not in expected:
            problems.append(
                Problem(shown, 1, position, f"unknown column '{column}'; {table} columns are: {', '.join(expected)}")
            )
    for column in (c.name for c in declared.columns if c.required):
        if column not in header:
            problems.append(Problem(shown, 1, len(header) + 1, f"missing column '{column}'"))
