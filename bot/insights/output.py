"""The report as people read it: text on the terminal, a CSV to sort and filter, plots and a page.

Plots are for the two things people compare at a glance (volume by language and province, and what
the turns achieved); the gaps are lists, because each row is something to fix.
"""

from __future__ import annotations

import csv
import html
from datetime import date
from pathlib import Path
from typing import List

from bot.insights.report import Gap, Report

GAP_TITLES = {
    "no_service": "Requests with no matching service",
    "no_office": "Places with no office within reach",
    "unknown_place": "Places not recognised",
    "not_helpful": 'Answers rated "not helpful"',
}
STALE_SHOWN = 20


def _period(report: Report) -> str:
    return f"{report.since or 'the beginning'} to {report.until or 'today'}"


def _gap_line(gap: Gap) -> str:
    where = f" [{gap.province}]" if gap.province else ""
    votes = f" (helpful: {gap.helpful})" if gap.kind == "not_helpful" else ""
    examples = "; ".join(f'"{e}"' for e in gap.examples)
    return f"  {gap.count:>4}  {gap.key}{where}{votes}  e.g. {examples}\n        -> {gap.fix}"


def text(report: Report, today: date) -> str:
    lines = [
        f"Guichet insights, {_period(report)}",
        f"{report.conversations} conversations, {report.turns} client turns; "
        f"answered without a handoff: {report.answered_without_handoff:.0%}",
        "By language: " + ", ".join(f"{k} {v}" for k, v in report.by_language.items()),
        "By province: " + ", ".join(f"{k} {v}" for k, v in report.by_province.items()),
        "Turns by status: " + ", ".join(f"{k} {v}" for k, v in report.by_status.items()),
    ]
    for kind, title in GAP_TITLES.items():
        lines += ["", f"{title}:"] + ([_gap_line(g) for g in report.gaps[kind]] or ["  none"])
    lines += ["", f"Catalogue rows last verified more than 90 days ago: {len(report.stale)}"]
    lines += [
        f"  {row.path}:{row.line}  {row.table} {row.row_id}  verified {row.last_verified} ({row.age_days(today)} days)"
        for row in report.stale[:STALE_SHOWN]
    ]
    if len(report.stale) > STALE_SHOWN:
        lines.append(f"  ... and {len(report.stale) - STALE_SHOWN} more in the CSV export")
    return "\n".join(lines)


def write_csv(report: Report, path: Path) -> None:
    """One row per gap and per stale catalogue row: what, how often, examples, what to edit."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["kind", "key", "province", "count", "helpful_votes", "examples", "edit", "recipe"])
        for gap in report.gap_rows():
            out.writerow(
                [gap.kind, gap.key, gap.province or "", gap.count, gap.helpful, " | ".join(gap.examples)]
                + [gap.fix.files, gap.fix.recipe]
            )
        for row in report.stale:
            out.writerow(
                ["stale_row", f"{row.table} {row.row_id}", "", 1, 0, f"last verified {row.last_verified}"]
                + [f"{row.path}:{row.line}", "Checking and publishing your change"]
            )


def write_plots(report: Report, folder: Path) -> List[Path]:
    import matplotlib

    matplotlib.use("Agg")  # files only: no display on a server
    from matplotlib import pyplot

    figure, (volume, statuses) = pyplot.subplots(1, 2, figsize=(12, 4.5))
    provinces = list(report.by_province.items())
    volume.barh([k for k, _ in provinces], [v for _, v in provinces], color="#26374a")
    volume.set_title(
        "Conversations by province (" + ", ".join(f"{k}: {v}" for k, v in report.by_language.items()) + ")"
    )
    volume.invert_yaxis()
    kinds = list(report.by_status.items())
    statuses.barh([k for k, _ in kinds], [v for _, v in kinds], color="#af3c43")
    statuses.set_title("Client turns by answer status")
    statuses.invert_yaxis()
    figure.suptitle(f"Guichet, {_period(report)}")
    figure.tight_layout()
    path = folder / "insights.png"
    figure.savefig(path, dpi=100)
    pyplot.close(figure)
    return [path]


def write_page(report: Report, today: date, folder: Path) -> Path:
    """A static page (no script) with the plot and the text report, for owners who prefer a browser."""
    page = folder / "insights.html"
    page.write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Guichet insights</title></head><body>"
        f"<h1>Guichet insights, {html.escape(_period(report))}</h1>"
        "<img src='insights.png' alt='Conversations by province and client turns by answer status'>"
        f"<pre>{html.escape(text(report, today))}</pre><p><a href='insights.csv'>CSV export</a></p></body></html>",
        encoding="utf-8",
    )
    return page
