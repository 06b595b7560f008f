"""What the importer tests share: where the raw public data is, and reading the CSVs they write."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Dict, List

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"

# The raw files sit beside the repository (../shared/data) in CI; a clone without them still runs the rest.
requires_shared_data = pytest.mark.skipif(
    not SHARED_DATA.is_dir(), reason=f"raw public data not found at {SHARED_DATA} (CI keeps it beside the repo)"
)


def rows(path: Path) -> List[Dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def by_id(path: Path) -> Dict[str, Dict[str, str]]:
    return {row["id"]: row for row in rows(path)}
