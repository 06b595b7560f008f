"""What every importer shares: cleaning raw cells, writing a layer, reporting.

Importers regenerate committed CSV layers from published raw files, so their
output must be byte-identical from one run to the next (a re-import that
changes nothing must show no diff) and must say what it left out: a silently
dropped service or office is a gap a client will find before we do.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from services_catalog.tables import TABLES_BY_NAME

# Values that published government spreadsheets use for "no data".
MISSING = frozenset({"", "ND", "NA", "N/A"})
_EXCEL_CARRIAGE_RETURN = "_x000D_"  # an Excel export's escaped \r, left in the text
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_COMMA = re.compile(r"\s+,")  # 'Glen Drive , Suite 100'; French spacing before : ; stays

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
DATA_DIR = REPO_ROOT / "services_catalog" / "data"
SHOWN_SKIPPED = 10  # skipped items listed by name in the summary, per reason


def clean_cell(value: Optional[str]) -> str:
    """One line of readable text, or '' when the cell holds a no-data marker."""
    text = (value or "").replace(_EXCEL_CARRIAGE_RETURN, " ")
    text = _SPACE_BEFORE_COMMA.sub(",", _SPACES.sub(" ", text)).strip()
    return "" if text in MISSING else text


@dataclass
class ImportSummary:
    """What an import wrote, what it left out and why, and where it had to guess."""

    source: str
    written: Dict[str, int] = field(default_factory=dict)
    skipped: List[Tuple[str, str]] = field(default_factory=list)  # (raw item, reason)
    fallbacks: Counter = field(default_factory=Counter)  # reason → how many rows

    def skip(self, item: str, reason: str) -> None:
        self.skipped.append((item, reason))

    def write(self, out_dir: Path, table_name: str, rows: Iterable[Mapping[str, str]]) -> None:
        self.written[table_name] = write_table(out_dir, table_name, rows)

    def skipped_by_reason(self) -> Dict[str, List[str]]:
        grouped: Dict[str, List[str]] = {}
        for item, reason in self.skipped:
            grouped.setdefault(reason, []).append(item)
        return grouped

    def __str__(self) -> str:
        """Counts, plus the skipped items themselves when there are few enough for a person to check."""
        lines = [f"imported {self.source}"]
        lines += [f"  wrote {count} row(s) to {table}.csv" for table, count in self.written.items()]
        for reason, items in sorted(self.skipped_by_reason().items()):
            shown = f" ({'; '.join(items)})" if len(items) <= SHOWN_SKIPPED else ""
            lines.append(f"  skipped {len(items)}: {reason}{shown}")
        lines += [f"  {count} row(s): {reason}" for reason, count in sorted(self.fallbacks.items())]
        return "\n".join(lines)


def write_table(out_dir: Path, table_name: str, rows: Iterable[Mapping[str, str]]) -> int:
    """Write a table's CSV in tables.py column order, rows sorted by key, and return the row count.

    Sorting here rather than in each importer is what makes every layer
    deterministic whatever order the raw file lists things in.
    """
    table = TABLES_BY_NAME[table_name]
    columns = table.column_names
    ordered = sorted(rows, key=lambda row: tuple(row.get(k, "") for k in table.key))
    for row in ordered:
        unknown = set(row) - set(columns)
        if unknown:
            raise ValueError(f"{table_name} has no column(s) {', '.join(sorted(unknown))}")
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / f"{table_name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: row.get(c, "") for c in columns} for row in ordered)
    return len(ordered)
