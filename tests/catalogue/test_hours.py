"""Open on a day, or now, on the office's own clock and holiday calendar; days named in EN and FR messages."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Optional
from zoneinfo import ZoneInfo

import pytest

from services_catalog.catalogue import Catalogue
from services_catalog.hours import (
    CLOSURE,
    HOLIDAY,
    NO_HOURS,
    UNKNOWN,
    client_clock,
    day_hours,
    holiday_on,
    in_zone,
    local_now,
    local_today,
    mentions_now,
    next_opening,
    open_now,
    parse_day,
    usual_weekdays,
    week,
)
from services_catalog.model import Bilingual, Closure, Location, OpeningHours, Organization

SERVICE_CANADA = Organization(
    "gc-service-canada", Bilingual("Service Canada", "Service Canada"), Bilingual(), "federal", None, "verified"
)
QUEBEC_MINISTRY = Organization("qc-saaq", Bilingual("SAAQ", "SAAQ"), Bilingual(), "provincial", "QC", "verified")
ONTARIO_MINISTRY = Organization(
    "on-serviceontario", Bilingual("ServiceOntario", "ServiceOntario"), Bilingual(), "provincial", "ON", "verified"
)
WEEKDAYS = "MO;TU;WE;TH;FR"


def hours(days: str = WEEKDAYS, valid_from: Optional[date] = None, valid_to: Optional[date] = None) -> OpeningHours:
    return OpeningHours(tuple(days.split(";")), time(8, 30), time(16, 0), valid_from, valid_to, Bilingual())


def office(
    province: str,
    *rules: OpeningHours,
    zone: Optional[str] = None,
    organization: Organization = SERVICE_CANADA,
    closures: tuple = (),
) -> Location:
    return Location(
        f"test-{province.lower()}",
        organization,
        Bilingual("Test office", "Bureau test"),
        Bilingual(),
        "physical",
        "1 Main Street",
        None,
        "Somewhere",
        province,
        None,
        50.0,
        -100.0,
        Bilingual(),
        "verified",
        hours=rules,
        time_zone=zone,
        closures=closures,
    )


# -- time zones -------------------------------------------------------------------------------------------

LATE_FRIDAY_UTC = datetime(2026, 12, 5, 2, 30, tzinfo=timezone.utc)  # Saturday on the server's clock


def wall(moment: datetime) -> datetime:
    """The local wall-clock reading: aware datetimes compare as instants, which would hide the zone."""
    return moment.replace(tzinfo=None)


def test_near_midnight_utc_each_office_gets_its_own_local_day() -> None:
    st_johns = office("NL", hours(), zone="America/St_Johns")
    whitehorse = office("YT", hours(), zone="America/Whitehorse")
    assert wall(local_now(st_johns, LATE_FRIDAY_UTC)) == datetime(2026, 12, 4, 23, 0)
    assert wall(local_now(whitehorse, LATE_FRIDAY_UTC)) == datetime(2026, 12, 4, 19, 30)
    assert local_now(st_johns, LATE_FRIDAY_UTC).utcoffset() == timedelta(hours=-3, minutes=-30)
    assert local_now(whitehorse, LATE_FRIDAY_UTC).utcoffset() == timedelta(hours=-7)  # Yukon: UTC-7 all year
    assert local_today(st_johns, LATE_FRIDAY_UTC) == local_today(whitehorse, LATE_FRIDAY_UTC) == date(2026, 12, 4)
    # An hour later St. John's has turned to Saturday; Whitehorse is still on Friday evening.
    later = LATE_FRIDAY_UTC + timedelta(hours=1)
    assert local_today(st_johns, later) == date(2026, 12, 5)
    assert local_today(whitehorse, later) == date(2026, 12, 4)


def test_without_a_time_zone_the_province_capital_s_zone_is_used() -> None:
    assert wall(local_now(office("NL"), LATE_FRIDAY_UTC)) == datetime(2026, 12, 4, 23, 0)  # America/St_Johns
    assert wall(local_now(office("YT"), LATE_FRIDAY_UTC)) == datetime(2026, 12, 4, 19, 30)  # America/Whitehorse
    canada_day_18_utc = datetime(2026, 7, 1, 18, 0, tzinfo=timezone.utc)
    assert local_now(office("SK"), canada_day_18_utc).hour == 12  # America/Regina: CST all year
    assert local_now(office("QC"), canada_day_18_utc).hour == 14  # America/Toronto, EDT
    assert local_now(office("NS"), canada_day_18_utc).hour == 15  # America/Halifax, ADT
    assert local_now(office("AB", zone="Not/AZone"), LATE_FRIDAY_UTC).hour == 19  # unknown zone: the province's


def test_a_naive_now_is_utc_not_the_server_s_local_time() -> None:
    assert local_now(office("YT"), datetime(2026, 12, 5, 2, 30)) == local_now(office("YT"), LATE_FRIDAY_UTC)
    assert local_now(office("YT")).tzinfo is not None  # the system clock, made aware


def test_open_now_reads_the_office_s_own_clock() -> None:
    whitehorse = office("YT", hours(), zone="America/Whitehorse")
    st_johns = office("NL", hours(), zone="America/St_Johns")
    assert not open_now(whitehorse, LATE_FRIDAY_UTC)  # Friday 19:30 there, Saturday on the server
    assert open_now(whitehorse, datetime(2026, 12, 4, 15, 30, tzinfo=timezone.utc))  # Friday 08:30: opening
    assert not open_now(whitehorse, datetime(2026, 12, 4, 23, 0, tzinfo=timezone.utc))  # Friday 16:00: closing
    assert open_now(st_johns, datetime(2026, 12, 4, 12, 0, tzinfo=timezone.utc))  # 08:30 NST
    assert open_now(st_johns, datetime(2026, 12, 4, 19, 29, tzinfo=timezone.utc))  # 15:59 NST
    assert not open_now(st_johns, datetime(2026, 12, 4, 19, 30, tzinfo=timezone.utc))  # 16:00 NST
    assert not open_now(st_johns, datetime(2026, 12, 5, 15, 0, tzinfo=timezone.utc))  # Saturday


def test_next_opening_is_local_and_skips_weekends_and_holidays() -> None:
    whitehorse = office("YT", hours(), zone="America/Whitehorse")
    monday = next_opening(whitehorse, LATE_FRIDAY_UTC)
    assert monday is not None and wall(monday) == datetime(2026, 12, 7, 8, 30)
    assert monday.utcoffset() == timedelta(hours=-7)
    calgary = office("AB", hours(), zone="America/Edmonton")
    christmas_eve_evening = datetime(2026, 12, 25, 1, 0, tzinfo=timezone.utc)  # 24 Dec 18:00 in Calgary
    # 25 Dec holiday, 26-27 weekend, 28 Dec Boxing Day observed: Tuesday the 29th.
    after_christmas = next_opening(calgary, christmas_eve_evening)
    assert after_christmas is not None and wall(after_christmas) == datetime(2026, 12, 29, 8, 30)
    assert next_opening(office("AB"), LATE_FRIDAY_UTC) is None  # no hours known


# -- holidays ---------------------------------------------------------------------------------------------


def test_christmas_closes_a_federal_office_and_says_so_in_both_languages() -> None:
    christmas = day_hours(office("AB", hours()), date(2026, 12, 25))  # a Friday
    assert not christmas.is_open and christmas.intervals == ()
    assert christmas.reason == HOLIDAY
    assert christmas.holiday == Bilingual("Christmas Day", "Jour de Noël")
    assert christmas.why_closed.get("fr") == "Jour de Noël"


def test_boxing_day_on_a_saturday_closes_federal_offices_the_monday_after() -> None:
    observed = day_hours(office("ON", hours()), date(2026, 12, 28))
    assert observed.reason == HOLIDAY
    assert observed.holiday == Bilingual("Boxing Day (observed)", "Lendemain de Noël (observé)")
    assert day_hours(office("ON", hours()), date(2026, 12, 29)).is_open


def test_saturday_is_closed_when_the_schedule_is_monday_to_friday() -> None:
    saturday = day_hours(office("ON", hours()), date(2026, 11, 21))
    assert not saturday.is_open and saturday.reason == NO_HOURS and saturday.holiday is None
    friday = day_hours(office("ON", hours()), date(2026, 11, 20))
    assert friday.is_open and friday.intervals == ((time(8, 30), time(16, 0)),) and friday.reason is None


def test_a_closure_wins_over_the_schedule_and_over_a_holiday() -> None:
    move = Closure(date(2026, 12, 21), date(2027, 1, 4), Bilingual("Office relocation", "Déménagement du bureau"))
    location = office("ON", hours(), closures=(move,))
    tuesday = day_hours(location, date(2026, 12, 22))
    assert not tuesday.is_open and tuesday.reason == CLOSURE and tuesday.closure == move
    assert tuesday.why_closed == Bilingual("Office relocation", "Déménagement du bureau")
    assert day_hours(location, date(2026, 12, 25)).reason == CLOSURE  # the office's own notice says more
    assert day_hours(location, date(2027, 1, 5)).is_open
    assert not open_now(location, datetime(2026, 12, 22, 15, 0, tzinfo=timezone.utc))  # 10:00 EST, closed


def test_an_ordinal_schedule_opens_on_those_weeks_only() -> None:
    clinic = office("ON", hours("2WE"))
    assert day_hours(clinic, date(2026, 10, 14)).intervals == ((time(8, 30), time(16, 0)),)  # 2nd Wednesday
    assert day_hours(clinic, date(2026, 10, 21)).reason == NO_HOURS  # 3rd Wednesday
    assert [d.day.day for d in week(clinic, date(2026, 10, 12)) if d.is_open] == [14]


def test_service_hours_replace_the_location_s() -> None:
    location = office("ON", hours())
    saturday_passports = (hours("SA"),)
    assert day_hours(location, date(2026, 11, 21), saturday_passports).is_open
    assert day_hours(location, date(2026, 11, 20), saturday_passports).reason == NO_HOURS


def test_no_hours_in_the_catalogue_is_unknown_not_closed() -> None:
    unknown = day_hours(office("ON"), date(2026, 11, 20))
    assert not unknown.is_open and unknown.reason == UNKNOWN
    assert day_hours(office("ON"), date(2026, 12, 25)).reason == HOLIDAY  # but a holiday is still a holiday


def test_a_row_dated_for_the_holiday_itself_opens_the_office_that_day() -> None:
    special = hours("MO", date(2026, 12, 28), date(2026, 12, 28))
    assert day_hours(office("ON", hours(), special), date(2026, 12, 28)).is_open
    assert day_hours(office("ON", hours()), date(2026, 12, 28)).reason == HOLIDAY


def test_saint_jean_baptiste_closes_quebec_offices_federal_and_provincial_but_not_ontario_ones() -> None:
    june_24 = date(2026, 6, 24)  # a Wednesday
    provincial = day_hours(office("QC", hours(), organization=QUEBEC_MINISTRY), june_24)
    assert provincial.reason == HOLIDAY
    assert provincial.holiday is not None and provincial.holiday.fr == "Fête nationale du Québec"
    assert "Jean Baptiste" in provincial.holiday.en
    # Documented rule: the federal public service's extra day in Quebec is Saint-Jean-Baptiste,
    # instead of the first Monday of August it has everywhere else.
    federal_quebec = day_hours(office("QC", hours()), june_24)
    assert federal_quebec.reason == HOLIDAY and federal_quebec.holiday is not None
    assert federal_quebec.holiday.fr == "Fête nationale du Québec"
    assert day_hours(office("ON", hours()), june_24).is_open
    assert day_hours(office("QC", hours()), date(2026, 8, 3)).is_open
    civic = day_hours(office("ON", hours()), date(2026, 8, 3))
    assert civic.holiday == Bilingual("Civic Holiday", "Premier lundi d'août")


def test_federal_offices_keep_federal_holidays_not_provincial_ones() -> None:
    family_day = date(2026, 2, 16)
    assert day_hours(office("ON", hours()), family_day).is_open  # not a federal holiday
    assert day_hours(office("ON", hours(), organization=ONTARIO_MINISTRY), family_day).reason == HOLIDAY
    easter_monday = date(2026, 4, 6)
    assert holiday_on(office("AB", hours()), easter_monday) == Bilingual("Easter Monday", "Lundi de Pâques")
    assert holiday_on(office("ON", hours(), organization=ONTARIO_MINISTRY), easter_monday) is None
    assert holiday_on(office("QC", hours(), organization=QUEBEC_MINISTRY), easter_monday) is not None
    truth_and_reconciliation = date(2026, 9, 30)
    assert day_hours(office("QC", hours()), truth_and_reconciliation).reason == HOLIDAY
    assert day_hours(office("QC", hours(), organization=QUEBEC_MINISTRY), truth_and_reconciliation).is_open
    # Yukon's federal extra day is Discovery Day, not the first Monday of August.
    assert day_hours(office("YT", hours()), date(2026, 8, 17)).reason == HOLIDAY
    assert day_hours(office("YT", hours()), date(2026, 8, 3)).is_open


def test_the_real_calgary_centre_service_canada_office(real_catalogue: Catalogue) -> None:
    offices = [
        loc
        for loc in real_catalogue.snapshot().locations.values()
        if loc.organization.id == "gc-service-canada" and loc.name.en.startswith("Calgary Centre ")
    ]
    assert len(offices) == 1
    calgary = offices[0]
    assert calgary.time_zone == "America/Edmonton" and calgary.state_province == "AB"
    assert day_hours(calgary, date(2026, 11, 20)).is_open  # a Friday: the test is not vacuous
    saturday = day_hours(calgary, date(2026, 11, 21))
    assert not saturday.is_open and saturday.reason == NO_HOURS
    christmas = day_hours(calgary, date(2026, 12, 25))
    assert not christmas.is_open and christmas.reason == HOLIDAY
    assert christmas.holiday == Bilingual("Christmas Day", "Jour de Noël")
    # Thursday 24 December, 18:00 UTC is 11:00 in Calgary: open.
    assert open_now(calgary, datetime(2026, 12, 24, 18, 0, tzinfo=timezone.utc))


# -- days named in a message ------------------------------------------------------------------------------

WEDNESDAY = date(2026, 11, 18)
MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("Is it open today?", "en", WEDNESDAY),
        ("C'est ouvert AUJOURD'HUI ?", "fr", WEDNESDAY),
        ("c'est ouvert aujourd’hui", "fr", WEDNESDAY),
        ("what about tomorrow", "en", date(2026, 11, 19)),
        ("et demain?", "fr", date(2026, 11, 19)),
        ("the day after tomorrow", "en", date(2026, 11, 20)),
        ("après-demain", "fr", date(2026, 11, 20)),
    ],
)
def test_relative_days(text: str, lang: str, expected: date) -> None:
    assert parse_day(text, WEDNESDAY, lang) == expected


@pytest.mark.parametrize(
    "text,lang,today,expected",
    [
        ("hours on Saturday?", "en", WEDNESDAY, date(2026, 11, 21)),
        ("samedi", "fr", WEDNESDAY, date(2026, 11, 21)),
        ("is it open on sunday", "en", WEDNESDAY, date(2026, 11, 22)),
        ("ouvert dimanche?", "fr", WEDNESDAY, date(2026, 11, 22)),
        ("wednesday", "en", WEDNESDAY, WEDNESDAY),  # today counts when it is that day
        ("mercredi", "fr", WEDNESDAY, WEDNESDAY),
        ("this saturday", "en", WEDNESDAY, date(2026, 11, 21)),
        ("ce samedi", "fr", WEDNESDAY, date(2026, 11, 21)),
        ("Hours next Monday?", "en", WEDNESDAY, MONDAY),  # the coming Monday
        ("lundi prochain", "fr", WEDNESDAY, MONDAY),
        ("prochain lundi", "fr", WEDNESDAY, MONDAY),
        ("next monday", "en", MONDAY, date(2026, 11, 30)),  # said on a Monday: not today
        ("lundi prochain", "fr", MONDAY, date(2026, 11, 30)),
        ("monday", "en", MONDAY, MONDAY),
        ("next wednesday", "en", WEDNESDAY, date(2026, 11, 25)),
        ("friday next week", "en", WEDNESDAY, date(2026, 11, 27)),
        ("vendredi de la semaine prochaine", "fr", WEDNESDAY, date(2026, 11, 27)),
        ("la semaine prochaine, mardi", "fr", WEDNESDAY, date(2026, 11, 24)),
    ],
)
def test_weekdays(text: str, lang: str, today: date, expected: date) -> None:
    assert parse_day(text, today, lang) == expected


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("open on december 25?", "en", date(2026, 12, 25)),
        ("Dec 25th", "en", date(2026, 12, 25)),
        ("the 25th of December", "en", date(2026, 12, 25)),
        ("le 25 décembre", "fr", date(2026, 12, 25)),
        ("le 1er janvier", "fr", date(2027, 1, 1)),
        ("2026-12-25", "en", date(2026, 12, 25)),
        ("what about 2027-01-04 at 9", "en", date(2027, 1, 4)),
        ("november 2", "en", date(2027, 11, 2)),  # passed this year: next year's
        ("25/12", "fr", date(2026, 12, 25)),
        ("03/04", "fr", date(2027, 4, 3)),  # day first in French
        ("03/04", "en", date(2027, 3, 4)),  # month first in English
        ("february 30", "en", None),
        ("open 24/7?", "en", None),
    ],
)
def test_dates(text: str, lang: str, expected: Optional[date]) -> None:
    assert parse_day(text, WEDNESDAY, lang) == expected


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("open on christmas?", "en", date(2026, 12, 25)),
        ("Christmas Day", "en", date(2026, 12, 25)),
        ("ouvert à Noël ?", "fr", date(2026, 12, 25)),
        ("le jour de noel", "fr", date(2026, 12, 25)),
        ("boxing day", "en", date(2026, 12, 26)),
        ("lendemain de Noël", "fr", date(2026, 12, 26)),
        ("canada day", "en", date(2027, 7, 1)),
        ("fête du Canada", "fr", date(2027, 7, 1)),
        ("New Year's Day", "en", date(2027, 1, 1)),
        ("jour de l'an", "fr", date(2027, 1, 1)),
        ("thanksgiving", "en", date(2027, 10, 11)),
        ("l'Action de grâce", "fr", date(2027, 10, 11)),
        ("good friday", "en", date(2027, 3, 26)),
        ("le vendredi saint", "fr", date(2027, 3, 26)),  # not the coming Friday
        ("lundi de Pâques", "fr", date(2027, 3, 29)),
        ("victoria day", "en", date(2027, 5, 24)),
        ("labour day", "en", date(2027, 9, 6)),
        ("fête du travail", "fr", date(2027, 9, 6)),
        ("remembrance day", "en", date(2027, 11, 11)),
        ("jour du Souvenir", "fr", date(2027, 11, 11)),
        ("Saint-Jean-Baptiste", "fr", date(2027, 6, 24)),
        ("st-jean-baptiste", "en", date(2027, 6, 24)),
        ("la fête nationale", "fr", date(2027, 6, 24)),
        ("christmas eve", "en", date(2026, 12, 24)),  # a date, not Christmas
        ("the office in Saint-Jean-sur-Richelieu", "fr", None),  # a city, not the holiday
    ],
)
def test_holiday_names(text: str, lang: str, expected: Optional[date]) -> None:
    assert parse_day(text, WEDNESDAY, lang) == expected


def test_holiday_names_look_a_year_ahead_from_today() -> None:
    assert parse_day("christmas", date(2026, 12, 26), "en") == date(2027, 12, 25)
    assert parse_day("remembrance day", date(2026, 11, 11), "en") == date(2026, 11, 11)
    assert parse_day("family day", WEDNESDAY, "en", province="ON") == date(2027, 2, 15)


def test_the_first_day_in_the_message_wins_and_explicit_dates_win_over_all() -> None:
    assert parse_day("open tuesday or friday?", WEDNESDAY, "en") == date(2026, 11, 24)
    assert parse_day("tomorrow, i.e. 2026-11-20?", WEDNESDAY, "en") == date(2026, 11, 20)
    assert parse_day("monday, december 7", WEDNESDAY, "en") == date(2026, 12, 7)
    assert parse_day("I need a passport", WEDNESDAY, "en") is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("is it open now?", True),
        ("open right now", True),
        ("C'est ouvert maintenant ?", True),
        ("ouvert en ce moment", True),
        ("présentement ouvert?", True),
        ("do you know the hours", False),
        ("open today?", False),
    ],
)
def test_mentions_now(text: str, expected: bool) -> None:
    assert mentions_now(text) is expected
    if expected:
        assert parse_day(text, WEDNESDAY, "en") == WEDNESDAY  # "now" is on today's date


def test_the_clock_a_client_reads_is_read_from_their_words() -> None:
    place, rest = client_clock("I'm in Toronto. what time does the Vancouver office close")
    assert place is not None and place.name == "Toronto" and "vancouver office" in rest and "toronto" not in rest
    place, _ = client_clock("ça ferme à quelle heure, en heure de Montréal?")
    assert place is not None and place.province == "QC"
    assert client_clock("when does it close?")[0] is None


def test_opening_spans_read_on_another_zone() -> None:
    spans = in_zone(
        date(2026, 12, 7), [(time(8, 30), time(16))], ZoneInfo("America/Halifax"), ZoneInfo("America/Toronto")
    )
    assert spans == [(time(7, 30), time(15))]


def test_the_usual_weekdays_ignore_holidays_and_give_up_on_monthly_schedules() -> None:
    christmas_week = date(2026, 12, 21)
    assert usual_weekdays(office("ON", hours("TU;WE;TH")), christmas_week) == [1, 2, 3]
    assert usual_weekdays(office("ON", hours(), hours("2TU")), christmas_week) == []
    assert usual_weekdays(office("ON"), christmas_week) == []
