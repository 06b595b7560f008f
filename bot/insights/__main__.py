"""`python -m bot.insights [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--out DIR]`

Prints the report for the date range (default: the last 30 days, the retention period) from the
tracker store the servers use (GUICHET_TRACKER_URL); with --out, also writes insights.csv,
insights.png and insights.html there. The report holds no personal data (bot/insights/turns.py), so
it can be shared with service owners who have no access to the conversations.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import List, Optional

from bot import settings
from bot.insights.output import text, write_csv, write_page, write_plots
from bot.insights.report import Report, build
from bot.insights.turns import conversations
from services_catalog.catalogue import CatalogueUnavailable, shared_catalogue
from services_catalog.csv_source import DEFAULT_DATA_DIR
from services_catalog.gaps import stale_rows


def service_name(service_or_office: str) -> str:
    """A readable name for a service or office id (the id itself when the catalogue cannot say)."""
    try:
        catalogue = shared_catalogue()
        found = catalogue.service(service_or_office) or catalogue.location(service_or_office)
    except CatalogueUnavailable:
        return service_or_office
    return f"{found.name.get('en')} ({service_or_office})" if found else service_or_office


def midnight(day: Optional[date]) -> Optional[datetime]:
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc) if day else None


def report_for(
    tracker_url: str, since: Optional[date], until: Optional[date], today: date, data_dir: Path = DEFAULT_DATA_DIR
) -> Report:
    """The report of [since, until) (dates in UTC, until exclusive)."""
    found = conversations(tracker_url, midnight(since), midnight(until))
    return build(found, since, until, stale_rows(today, data_dir=data_dir), service_name)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.insights", description="What clients could not find")
    parser.add_argument("--since", type=date.fromisoformat, help="first day (default: 30 days ago)")
    parser.add_argument("--until", type=date.fromisoformat, help="day after the last one (default: tomorrow)")
    parser.add_argument("--tracker-url", default=settings.tracker_url())
    parser.add_argument("--out", type=Path, help="folder for insights.csv, insights.png and insights.html")
    args = parser.parse_args(argv)
    today = datetime.now(timezone.utc).date()
    since = args.since or today - timedelta(days=settings.retention_days())
    report = report_for(args.tracker_url, since, args.until or today + timedelta(days=1), today)
    print(text(report, today))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        write_csv(report, args.out / "insights.csv")
        write_plots(report, args.out)
        print(f"\nwritten: {write_page(report, today, args.out)}, insights.csv, insights.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
