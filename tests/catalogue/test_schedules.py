"""Hours on a given day: ordinal days of the month, closures, and the French address of an office."""

from __future__ import annotations

from datetime import date, time

import pytest

from services_catalog.model import Bilingual, Closure, Location, OpeningHours, Organization
from services_catalog.tables import TABLES_BY_NAME
from services_catalog.validation import _bad_value

SERVICE_CANADA = Organization(
    "gc-service-canada", Bilingual("Service Canada", "Service Canada"), Bilingual(), "federal", None, "verified"
)


def hours(days: str, valid_from: date | None = None, valid_to: date | None = None) -> OpeningHours:
    return OpeningHours(tuple(days.split(";")), time(9, 30), time(15, 0), valid_from, valid_to, Bilingual())


def office(*rules: OpeningHours, closures: tuple = ()) -> Location:
    return Location(
        "sc-test",
        SERVICE_CANADA,
        Bilingual("Test", "Test"),
        Bilingual(),
        "outreach_site",
        "46 Wellington Street West",
        "FOCUS",
        "Alliston",
        "ON",
        "L9R 2B8",
        44.14,
        -79.85,
        Bilingual(),
        "verified",
        hours=rules,
        address_fr=("46, rue Wellington Ouest", "FOCUS (fr)"),
        closures=closures,
    )


@pytest.mark.parametrize(
    "day,expected",
    [
        (date(2026, 10, 14), True),  # 2nd Wednesday of October 2026
        (date(2026, 10, 28), True),  # 4th Wednesday
        (date(2026, 10, 7), False),  # 1st Wednesday
        (date(2026, 10, 21), False),  # 3rd Wednesday
        (date(2026, 10, 13), False),  # a Tuesday of the 2nd week
    ],
)
def test_ordinal_days_apply_to_those_weeks_of_the_month_only(day: date, expected: bool) -> None:
    assert hours("2WE;4WE").applies(day) is expected


def test_last_weekday_of_the_month() -> None:
    last_friday = hours("-1FR")
    assert last_friday.applies(date(2026, 10, 30))
    assert not last_friday.applies(date(2026, 10, 23))
    assert last_friday.applies(date(2027, 2, 26)) and not last_friday.applies(date(2027, 2, 19))


def test_plain_days_and_dated_rows_still_apply() -> None:
    assert hours("MO;TU;WE;TH;FR").applies(date(2026, 10, 13))
    one_day = hours("TU", date(2026, 10, 13), date(2026, 10, 13))
    assert one_day.applies(date(2026, 10, 13)) and not one_day.applies(date(2026, 10, 20))


def test_a_closed_day_has_no_hours_whatever_the_schedule() -> None:
    moving = Closure(date(2026, 9, 29), date(2026, 10, 1), Bilingual("Relocation of office", "Déménagement du bureau"))
    until_further_notice = Closure(date(2026, 11, 2), None)
    location = office(hours("MO;TU;WE;TH;FR"), closures=(moving, until_further_notice))
    assert location.hours_on(date(2026, 9, 30)) == []
    assert location.closed_on(date(2026, 9, 30)) == moving
    assert location.hours_on(date(2026, 10, 2)) == [(time(9, 30), time(15, 0))]
    assert location.hours_on(date(2027, 5, 3)) == []  # no end date
    assert location.hours_on(date(2026, 9, 30), (hours("WE"),)) == []  # a service's own hours too


def test_address_lines_in_french_where_the_source_gives_them() -> None:
    location = office()
    assert location.address_lines() == ["46 Wellington Street West, FOCUS", "Alliston ON  L9R 2B8"]
    assert location.address_lines("fr") == ["46, rue Wellington Ouest, FOCUS (fr)", "Alliston ON  L9R 2B8"]
    english_only = Location(
        "x",
        SERVICE_CANADA,
        Bilingual("X", "X"),
        Bilingual(),
        "physical",
        "1 Main Street",
        None,
        "Ottawa",
        "ON",
        None,
        45.4,
        -75.7,
        Bilingual(),
        "verified",
    )
    assert english_only.address_lines("fr") == ["1 Main Street", "Ottawa ON"]


@pytest.mark.parametrize(
    "value,problem",
    [
        ("2WE;4WE", None),
        ("-1FR", None),
        ("MO;TU", None),
        ("1MO;3MO", None),
        ("6WE", "'6WE' is not allowed"),
        ("0MO", "'0MO' is not allowed"),
        ("2 WE", "'2 WE' is not allowed"),
        ("2WE;2WE", "lists a value twice"),
    ],
)
def test_byday_accepts_an_ordinal_before_a_day_code(value: str, problem: str | None) -> None:
    column = TABLES_BY_NAME["schedules"].column("byday")
    message = _bad_value("days", value, column)
    assert (message is None) if problem is None else (problem in (message or ""))


def test_the_built_catalogue_loads_closures_accessibility_and_french_addresses(real_catalogue) -> None:
    locations = real_catalogue.snapshot().locations
    sainte_anne = locations["sc-2157"]  # moved 2026-09-29 to 2026-10-01
    assert sainte_anne.closed_on(date(2026, 9, 30)).reason.fr == "Déménagement du bureau"
    assert sainte_anne.hours_on(date(2026, 9, 30)) == [] and sainte_anne.hours_on(date(2026, 10, 2))
    toronto = locations["sc-3002"]
    assert {"wheelchair", "asl", "paid_parking"} <= set(toronto.accessibility)
    assert toronto.address_lines("fr")[0] == "74, rue Victoria, bureau 300"
    alliston = locations["sc-on-sab"]  # 2nd and 4th Wednesday, closed for lunch
    assert alliston.hours_on(date(2026, 10, 14)) == [(time(9, 30), time(12, 0)), (time(12, 30), time(15, 0))]
    assert alliston.hours_on(date(2026, 10, 7)) == []
