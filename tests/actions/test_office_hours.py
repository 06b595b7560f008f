"""Opening hours on a day, now, and on holidays, on the office's own clock (action_office_hours)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from actions import office_hours
from actions.office_hours import ActionOfficeHours
from services_catalog import hours

from .conftest import make_tracker, run_action

CALGARY_CENTRE = "sc-4802"


@pytest.fixture
def on_friday_4_december(monkeypatch) -> None:
    """The clock every office reads: Friday 2026-12-04, 18:00 UTC (11:00 in Calgary)."""
    moment = datetime(2026, 12, 4, 18, 0, tzinfo=timezone.utc)
    monkeypatch.setattr(office_hours, "local_now", lambda location, now=None: hours.local_now(location, moment))
    monkeypatch.setattr(hours, "local_today", lambda location, now=None: hours.local_now(location, moment).date())


def ask(text: str, slots: dict | None = None, lang: str = "en", entities=()) -> str:
    tracker = make_tracker(text, "ask_hours", entities, slots={"language": lang, **(slots or {})})
    return run_action(ActionOfficeHours(), tracker).text


def test_a_named_office_is_closed_on_saturday(on_friday_4_december) -> None:
    answer = ask("is the Calgary Centre Service Canada office open on Saturday?")
    assert "Calgary Centre Service Canada Centre" in answer
    assert "Saturday, December 5: closed" in answer


def test_christmas_day_is_closed_and_named_as_a_statutory_holiday(on_friday_4_december) -> None:
    answer = ask("open on Christmas day?", slots={"last_location_id": CALGARY_CENTRE})
    assert "Friday, December 25: closed (Christmas Day, a statutory holiday)" in answer


def test_and_on_sunday_follows_up_on_the_office_under_discussion(on_friday_4_december) -> None:
    answer = ask("and on sunday?", slots={"last_location_id": CALGARY_CENTRE, "last_service_id": "gc-1242"})
    assert "Calgary Centre" in answer and "Sunday, December 6: closed" in answer


def test_a_weekday_gives_the_hours_in_french(on_friday_4_december) -> None:
    answer = ask("c'est ouvert lundi?", slots={"last_location_id": CALGARY_CENTRE}, lang="fr")
    assert "lundi 7 décembre : 8 h 30–16 h" in answer
    assert "heure locale" in answer


def test_open_now_is_read_on_the_office_clock(on_friday_4_december) -> None:
    calgary = ask("is it open now?", slots={"last_location_id": CALGARY_CENTRE})
    assert "is open now (it is 11:00 am there)" in calgary
    # 18:00 UTC is 14:30 in St. John's (open) but the same instant is already past closing nowhere in Canada;
    # Whitehorse is UTC-7: 11:00 there too.
    whitehorse = ask("is the Whitehorse office open now?")
    assert "Whitehorse Service Canada Centre is open now (it is 11:00 am there)" in whitehorse


def test_the_week_starts_on_the_offices_local_day() -> None:
    """02:30 UTC on 5 December is still Friday 4 December in Whitehorse: its week starts on Friday."""
    location = ActionOfficeHours().catalogue().location("sc-5965")
    assert location is not None
    moment = datetime(2026, 12, 5, 2, 30, tzinfo=timezone.utc)
    assert hours.local_today(location, moment) == date(2026, 12, 4)
    days = hours.week(location, hours.local_today(location, moment))
    assert days[0].day == date(2026, 12, 4) and days[0].is_open and not days[1].is_open


def test_no_office_in_the_conversation_asks_which(on_friday_4_december) -> None:
    assert "Which office do you mean?" in ask("what are the hours?")


def test_the_hours_are_also_given_on_the_clock_of_the_town_the_client_is_in(on_friday_4_december) -> None:
    answer = ask("I'm in Toronto. what time does the Vancouver passport office close on Monday, in my time?")
    assert answer.startswith("Vancouver Service Canada Centre and Passport Services, Monday, December 7")
    assert "In Toronto time, Monday, December 7: 11:30 am–7:00 pm." in answer
    french = ask("le bureau de Moncton ferme à quelle heure lundi, en heure de Montréal?", lang="fr")
    assert "lundi 7 décembre : 7 h 30–15 h." in french


def test_no_second_clock_when_the_client_reads_the_offices_own(on_friday_4_december) -> None:
    assert "time," not in ask("I'm in Calgary, is the Calgary Centre Service Canada office open on Monday?")


def test_a_closed_day_says_the_next_day_the_office_opens(on_friday_4_december) -> None:
    answer = ask("is the Calgary Centre Service Canada office open on Saturday?")
    assert "Next opening day: Monday, December 7, 8:30 am–4:00 pm." in answer
    dalhousie = ask("pis y est-tu ouvert le lundi?", slots={"last_location_id": "sc-1682"}, lang="fr")
    assert "lundi 7 décembre : fermé" in dalhousie and "Prochaine journée d'ouverture : mardi 8 décembre" in dalhousie
    assert "Next opening day" not in ask("open on Monday?", slots={"last_location_id": CALGARY_CENTRE})


def test_a_week_that_is_not_monday_to_friday_is_said_in_words(on_friday_4_december) -> None:
    assert "Open Tuesday to Thursday each week." in ask("what days is the service canada centre in trail bc open?")
    dawson = ask("c'est ouvert quels jours?", slots={"last_location_id": "sc-5996"}, lang="fr")
    assert "Ouvert le lundi, le mercredi et le vendredi chaque semaine." in dawson
    assert "each week" not in ask("what are the hours?", slots={"last_location_id": CALGARY_CENTRE})
