"""What a service owner edits to close a gap the assistant met, and which rows are due for review.

The insights report (bot/insights) tells owners what clients asked for and did not get; each gap it
lists points here for the file to edit and the recipe in services_catalog/README.md, so the advice
lives with the catalogue it is about rather than in the bot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import List, Optional

from services_catalog.csv_source import DEFAULT_DATA_DIR, read_source
from services_catalog.geography import PROVINCE_NAMES

# Owners re-check a sourced row at least every quarter; the client-facing warning ("check the office
# page") waits for a year (model.STALE_AFTER_DAYS), because an unreviewed row is usually still right.
REVIEW_AFTER_DAYS = 90
RECIPES = "services_catalog/README.md#recipes"


@dataclass(frozen=True)
class Fix:
    files: str
    recipe: str

    def __str__(self) -> str:
        return f"edit {self.files} (recipe: {self.recipe} in {RECIPES})"


def layer(province: Optional[str]) -> str:
    """The catalogue folder of a province's own services: `ON` -> services_catalog/data/ontario."""
    if not province or province not in PROVINCE_NAMES:
        return "services_catalog/data/<your layer>"
    return "services_catalog/data/" + PROVINCE_NAMES[province][0].lower().replace(" ", "_")


def fix_for(gap: str, province: Optional[str] = None) -> Fix:
    """The edit that closes a gap of kind `gap` (an answer status of bot/insights)."""
    if gap == "no_service":
        return Fix(
            "services_catalog/data/national/synonyms.csv, or services.csv in " + layer(province),
            "Teach search a word; Add a service",
        )
    if gap == "no_office":
        return Fix(
            f"{layer(province)}/locations.csv and service_at_location.csv, or outreach.csv",
            "Add a new office; Add a service to an office; Record outreach",
        )
    if gap == "unknown_place":
        return Fix(
            "nothing in the catalogue when the place is misspelt; for a real community missing from the "
            f"gazetteer, an office or outreach site with coordinates in {layer(province)}/locations.csv",
            "Add a new office; Record outreach",
        )
    if gap == "not_helpful":
        return Fix(
            f"the service's row and its facts (required_documents.csv, cost_options.csv, ...) in {layer(province)}",
            "Documents, fees, processing times and eligibility",
        )
    raise ValueError(f"no fix known for gap {gap!r}")


@dataclass(frozen=True)
class StaleRow:
    path: str
    line: int
    table: str
    row_id: str
    last_verified: date

    def age_days(self, today: date) -> int:
        return (today - self.last_verified).days


def stale_rows(today: date, days: int = REVIEW_AFTER_DAYS, data_dir: Path = DEFAULT_DATA_DIR) -> List[StaleRow]:
    """Rows checked against their source more than `days` ago, oldest first (rows never checked are not
    listed: they are flagged unverified to clients already)."""
    found: List[StaleRow] = []
    for table, rows in read_source(data_dir).rows.items():
        for row in rows:
            checked = row.values.get("last_verified") or ""
            try:
                day = date.fromisoformat(checked)
            except ValueError:
                continue
            if (today - day).days > days:
                key = row.values.get("id") or row.values.get("service_id") or f"line {row.line}"
                found.append(StaleRow(row.path, row.line, table, key, day))
    return sorted(found, key=lambda r: (r.last_verified, r.path, r.line))
