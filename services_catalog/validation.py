"""Checks a catalogue before it may replace the running one.

Every problem is collected (not just the first) and phrased for the service
owner who edits the CSV: where it is, what is wrong, and what a right value
looks like.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Dict, Iterable, List, Optional, Set, Tuple

from services_catalog.csv_source import Problem, Row, Source
from services_catalog.geography import CANADA_LAT, CANADA_LON, inside_canada
from services_catalog.tables import DAY_ORDINALS, DAYS, PROVINCES, TABLES, TERRITORIES, Column, Table

ID_RE = re.compile(r"^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$")
POSTAL_RE = re.compile(r"^[ABCEGHJKLMNPRSTVXY]\d[ABCEGHJKLMNPRSTVWXYZ] \d[ABCEGHJKLMNPRSTVWXYZ]\d$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()-]{1,18}[0-9]$")
URL_RE = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
LANGUAGE_RE = re.compile(r"^[a-z]{2}$")
# A byday item: a day code, optionally after an ordinal (RRULE BYDAY style: 2WE = 2nd Wednesday of the month).
DAY_RE = re.compile(rf"^(?:{'|'.join(re.escape(o) for o in DAY_ORDINALS)})?(?:{'|'.join(DAYS)})$")
# First letter of a postal code → the provinces it may belong to.
POSTAL_DISTRICTS = {
    "A": "NL",
    "B": "NS",
    "C": "PE",
    "E": "NB",
    "G": "QC",
    "H": "QC",
    "J": "QC",
    "K": "ON",
    "L": "ON",
    "M": "ON",
    "N": "ON",
    "P": "ON",
    "R": "MB",
    "S": "SK",
    "T": "AB",
    "V": "BC",
    "X": "NT NU",
    "Y": "YT",
}


def _bad_value(kind: str, value: str, column: Column) -> Optional[str]:
    """What is wrong with a non-empty value of a column of this kind, or None."""
    if kind == "id" and not ID_RE.match(value):
        return f"'{value}' is not a valid id: use lowercase letters, digits and single hyphens, e.g. 'on-health-card'"
    if kind == "int" and not re.fullmatch(r"-?\d+", value):
        return f"'{value}' is not a whole number"
    if kind == "float":
        try:
            float(value)
        except ValueError:
            return f"'{value}' is not a number; use a decimal point, e.g. 45.4213"
    if kind == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2026-05-01"
    if kind == "time" and not TIME_RE.match(value):
        return f"'{value}' is not a time; write 24-hour HH:MM, e.g. 08:30 or 16:00"
    if kind == "url" or column.name.startswith("url_"):
        if not URL_RE.match(value):
            return f"'{value}' is not a web address; it must start with https:// or http://"
    if kind == "email" and not EMAIL_RE.match(value):
        return f"'{value}' is not an email address"
    if kind == "phone" and not (PHONE_RE.match(value) and len(re.sub(r"\D", "", value)) in (3, 7, 10, 11)):
        return f"'{value}' is not a phone number; write it like 613-580-2400, 1-800-622-6232 or 311"
    if kind == "postal_code" and not POSTAL_RE.match(value):
        return f"'{value}' is not a Canadian postal code; write it like K1P 1J1 (capitals, one space)"
    if kind == "enum" and value not in column.choices:
        return f"'{value}' is not allowed; use one of: {', '.join(column.choices)}"
    if kind in ("enum_list", "days"):
        allowed = column.choices or DAYS
        items = [item.strip() for item in value.split(";")]
        wrong = [item for item in items if not (DAY_RE.match(item) if kind == "days" else item in allowed)]
        if wrong:
            return f"'{wrong[0]}' is not allowed; use some of: {', '.join(allowed)} separated by semicolons"
        if len(set(items)) != len(items):
            return f"'{value}' lists a value twice"
    if kind == "language_code" and not LANGUAGE_RE.match(value):
        return f"'{value}' is not a two-letter ISO 639-1 language code such as en or fr"
    return None


def _problem(row: Row, column: str, message: str) -> Problem:
    return Problem(row.path, row.line, row.column_number(column), f"{column}: {message}")


def _check_cells(table: Table, row: Row) -> Iterable[Problem]:
    for column in table.columns:
        value = row.values.get(column.name, "")
        if not value:
            if column.required:
                yield _problem(row, column.name, "required; this column must not be empty")
            continue
        message = _bad_value(column.kind, value, column)
        if message:
            yield _problem(row, column.name, message)


def _check_languages(table: Table, row: Row) -> Iterable[Problem]:
    """A text a client can read must exist in both official languages or in neither."""
    for column in table.columns:
        if column.name.endswith("_en") and not column.required:  # required columns are checked on their own
            other = column.name[:-3] + "_fr"
            english, french = row.values.get(column.name, ""), row.values.get(other, "")
            if english and not french:
                yield _problem(
                    row,
                    other,
                    f"the French text is missing while {column.name} is filled; "
                    "every client text needs both official languages",
                )
            elif french and not english:
                yield _problem(
                    row,
                    column.name,
                    f"the English text is missing while {other} is filled; "
                    "every client text needs both official languages",
                )


def _key(table: Table, row: Row) -> Tuple[str, ...]:
    return tuple(row.values.get(k, "") for k in table.key)


def _check_duplicates(table: Table, rows: List[Row]) -> Iterable[Problem]:
    seen: Dict[Tuple[str, ...], Row] = {}
    for row in rows:
        key = _key(table, row)
        if not all(key):
            continue
        if key in seen:
            first = seen[key]
            yield _problem(
                row,
                table.key[0],
                f"duplicate {'/'.join(table.key)} '{'/'.join(key)}', already used at {first.path}:{first.line}",
            )
        else:
            seen[key] = row


def _check_references(table: Table, row: Row, ids: Dict[str, Set[str]]) -> Iterable[Problem]:
    for column in table.columns:
        value = row.values.get(column.name, "")
        if column.kind == "ref" and column.ref and value and value not in ids[column.ref]:
            yield _problem(
                row,
                column.name,
                f"unknown {column.ref} id '{value}'; add it to {column.ref}.csv or correct the spelling",
            )


def _exactly_one(row: Row, first: str, second: str) -> Iterable[Problem]:
    if bool(row.values.get(first)) == bool(row.values.get(second)):
        yield _problem(row, first, f"set exactly one of {first} and {second}")


def _check_coordinates(row: Row) -> Iterable[Problem]:
    lat, lon = row.values.get("latitude", ""), row.values.get("longitude", "")
    try:
        latitude, longitude = float(lat), float(lon)
    except ValueError:
        return
    if not inside_canada(latitude, longitude):
        yield _problem(
            row,
            "latitude",
            f"({lat}, {lon}) is outside Canada (latitude {CANADA_LAT[0]} to "
            f"{CANADA_LAT[1]}, longitude {CANADA_LON[0]} to {CANADA_LON[1]}); "
            "are latitude and longitude swapped or is the minus sign missing?",
        )


def _check_postal_province(row: Row) -> Iterable[Problem]:
    code, province = row.values.get("postal_code", ""), row.values.get("state_province", "")
    if POSTAL_RE.match(code) and province in PROVINCES and province not in POSTAL_DISTRICTS[code[0]].split():
        yield _problem(
            row, "postal_code", f"'{code}' is a postal code of {POSTAL_DISTRICTS[code[0]]}, not of {province}"
        )


def _check_dates(row: Row, start: str, end: str) -> Iterable[Problem]:
    first, last = row.values.get(start, ""), row.values.get(end, "")
    try:
        if first and last and date.fromisoformat(first) > date.fromisoformat(last):
            yield _problem(row, end, f"{end} {last} is before {start} {first}")
    except ValueError:
        return


def _row_rules(table: str, row: Row) -> Iterable[Problem]:
    """Rules that look at several columns of one row."""
    v = row.values
    if table == "organizations":
        level, province = v.get("jurisdiction_level"), v.get("state_province")
        if level != "federal" and not province:
            yield _problem(row, "state_province", f"required for a {level} organization")
        if level == "territorial" and province and province not in TERRITORIES:
            yield _problem(row, "state_province", f"a territorial organization must be in {', '.join(TERRITORIES)}")
    if table == "services":
        channels = v.get("channels", "").split(";")
        if "online" in channels and not (v.get("url_en") and v.get("url_fr")):
            yield _problem(row, "channels", "'online' needs url_en and url_fr; add the addresses or remove 'online'")
    if table in ("locations", "outreach"):
        yield from _check_coordinates(row)
        yield from _check_postal_province(row)
    if table == "outreach":
        if not v.get("location_id") and not (v.get("latitude") and v.get("longitude")):
            yield _problem(row, "location_id", "give a location_id or latitude and longitude")
        yield from _check_dates(row, "start_date", "end_date")
    if table == "schedules":
        yield from _exactly_one(row, "location_id", "service_at_location_id")
        opens, closes = v.get("opens_at", ""), v.get("closes_at", "")
        if TIME_RE.match(opens) and TIME_RE.match(closes) and closes <= opens:
            yield _problem(row, "closes_at", f"closes at {closes}, not after it opens at {opens}")
        yield from _check_dates(row, "valid_from", "valid_to")
    if table == "phones":
        yield from _exactly_one(row, "location_id", "service_id")
    if table in ("cross_promotions", "closures"):
        yield from _check_dates(row, "start_date", "end_date")
    if table in FACT_TABLES and v.get("verification") == "verified" and not v.get("last_verified"):
        yield _problem(row, "last_verified", "a verified fact needs the day it was checked (YYYY-MM-DD)")
    if table == "eligibility_criteria":
        yield from _check_criterion(row)


def _codes(value: str) -> List[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _check_criterion(row: Row) -> Iterable[Problem]:
    """Buttons need one label per answer in each language, and 'may qualify' must name real answers."""
    answers = _codes(row.values.get("answers", ""))
    for column in ("answer_labels_en", "answer_labels_fr"):
        labels = _codes(row.values.get(column, ""))
        if labels and len(labels) != len(answers):
            yield _problem(row, column, f"{len(labels)} labels for {len(answers)} answers; give one label per answer")
    unknown = [code for code in _codes(row.values.get("may_qualify", "")) if code not in answers]
    if unknown:
        yield _problem(row, "may_qualify", f"{', '.join(unknown)} not among the answers ({';'.join(answers)})")


FACT_TABLES = (
    "required_documents",
    "cost_options",
    "processing_times",
    "benefit_amounts",
    "eligibility_criteria",
    "service_channels",
)


def validate(source: Source) -> List[Problem]:
    """All problems of a catalogue, in file and line order."""
    problems = list(source.problems)
    ids = {t.name: {r.values.get("id", "") for r in source.rows[t.name]} for t in TABLES if "id" in t.column_names}
    for table in TABLES:
        rows = source.rows[table.name]
        problems.extend(_check_duplicates(table, rows))
        for row in rows:
            problems.extend(_check_cells(table, row))
            problems.extend(_check_languages(table, row))
            problems.extend(_check_references(table, row, ids))
            problems.extend(_row_rules(table.name, row))
    problems.extend(_check_stand_ins(source))
    problems.extend(_check_added_online(source))
    problems.sort(key=lambda p: (p.path, p.line, p.column))
    return problems


def _check_stand_ins(source: Source) -> Iterable[Problem]:
    """A service `replaces` a federal one for its province's residents: it must belong to a province or
    territory, and what it replaces must be federal, or the answers would swap one province's service for
    another's."""
    organizations = {r.values.get("id", ""): r.values for r in source.rows["organizations"]}
    owner = {
        r.values.get("id", ""): organizations.get(r.values.get("organization_id", ""), {})
        for r in source.rows["services"]
    }
    for row in source.rows["services"]:
        replaced = row.values.get("replaces", "")
        if not replaced or replaced not in owner:
            continue  # none, or an unknown id, which _check_references reports
        if owner[replaced].get("jurisdiction_level") != "federal":
            yield _problem(
                row, "replaces", f"'{replaced}' is not a federal service; a service can only stand in for a federal one"
            )
        elif not owner.get(row.values.get("id", ""), {}).get("state_province"):
            yield _problem(
                row,
                "replaces",
                "only a provincial, territorial or city service can stand in for a federal one; leave it empty",
            )


def _check_added_online(source: Source) -> Iterable[Problem]:
    """An online channel added in service_channels.csv links to the service's page, as one in services.csv does."""
    with_pages = {
        r.values.get("id", "") for r in source.rows["services"] if r.values.get("url_en") and r.values.get("url_fr")
    }
    for row in source.rows["service_channels"]:
        if row.values.get("channel") == "online" and row.values.get("service_id") not in with_pages:
            yield _problem(row, "channel", "'online' needs the service's url_en and url_fr in services.csv")


def summary(source: Source) -> str:
    counts = {name: len(rows) for name, rows in source.rows.items()}
    return (
        f"catalogue OK: {len(source.files)} files, {counts['organizations']} organizations, "
        f"{counts['services']} services, {counts['locations']} locations, "
        f"{counts['service_at_location']} services at locations, {counts['bundles']} bundles, "
        f"{counts['life_events']} life events, {counts['outreach']} outreach, "
        f"{counts['cross_promotions']} cross promotions, {counts['required_documents']} documents, "
        f"{counts['cost_options']} fees, {counts['processing_times']} processing times, "
        f"{counts['benefit_amounts']} benefit amounts, "
        f"{counts['eligibility_criteria']} eligibility criteria"
    )
