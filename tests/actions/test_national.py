"""The national issue's acceptance questions, asked the way the NLU model hands them to the actions."""

from __future__ import annotations

from typing import List, Tuple

import pytest

from actions.find_service import ActionFindService
from actions.life_event import ActionLifeEvent
from actions.render import public_address
from tests.actions.conftest import make_tracker, run_action


def ask(text: str, entities: List[Tuple[str, str]], lang: str = "en") -> str:
    return run_action(ActionFindService(), make_tracker(text, "find_service", entities, slots={"language": lang})).text


@pytest.mark.parametrize(
    "text, entities, lang, office",
    [
        ("where can I get a passport in Toronto?", [("service", "passport"), ("place", "Toronto")], "en", "Toronto"),
        ("où obtenir un passeport à Montréal?", [("service", "passeport"), ("place", "Montréal")], "fr", "Montréal"),
        ("passport in Regina", [("service", "passport"), ("place", "Regina")], "en", "Regina Service Canada Centre"),
        ("passport in Halifax", [("service", "passport"), ("place", "Halifax")], "en", "Halifax Service Canada Centre"),
        (
            "passport in St. John's",
            [("service", "passport"), ("place", "St. John's")],
            "en",
            "St. John’s Service Canada",
        ),
        ("SIN in Winnipeg", [("service", "SIN"), ("place", "Winnipeg")], "en", "Winnipeg"),
        (
            "SIN in Charlottetown",
            [("service", "SIN"), ("place", "Charlottetown")],
            "en",
            "Charlottetown Service Canada",
        ),
        (
            "CPP in Yellowknife",
            [("service", "CPP"), ("place", "Yellowknife")],
            "en",
            "Yellowknife Service Canada Centre",
        ),
        (
            "Service Canada in Iqaluit",
            [("organization", "Service Canada"), ("place", "Iqaluit")],
            "en",
            "Iqaluit Service Canada Centre",
        ),
        (
            "Service Canada in Whitehorse",
            [("organization", "Service Canada"), ("place", "Whitehorse")],
            "en",
            "Whitehorse Service Canada Centre",
        ),
    ],
)
def test_federal_services_name_a_real_office_in_the_city(text: str, entities, lang: str, office: str) -> None:
    answer = ask(text, entities, lang)
    first = next(line for line in answer.splitlines() if line.startswith("1. "))
    assert office in first, answer


@pytest.mark.parametrize(
    "text, entities, lang, agency",
    [
        ("health card in Winnipeg", [("service", "health card"), ("place", "Winnipeg")], "en", "Manitoba Health"),
        ("health card in Halifax", [("service", "health card"), ("place", "Halifax")], "en", "MSI"),
        ("carte santé à Montréal", [("service", "carte santé"), ("place", "Montréal")], "fr", "RAMQ"),
        ("driver's licence in Saskatoon", [("service", "driver's licence"), ("place", "Saskatoon")], "en", "SGI"),
        ("permis de conduire à Montréal", [("service", "permis de conduire"), ("place", "Montréal")], "fr", "SAAQ"),
    ],
)
def test_provincial_services_follow_the_clients_province(text: str, entities, lang: str, agency: str) -> None:
    assert agency in ask(text, entities, lang).splitlines()[0]


def test_new_brunswick_medicare_card_offers_no_other_province() -> None:
    answer = ask("new brunswick medicare card", [("service", "medicare card")])
    assert "New Brunswick" in answer
    assert "Ontario" not in answer and "Alberta" not in answer


def test_moving_from_ontario_to_alberta_is_about_alberta() -> None:
    outcome = run_action(
        ActionLifeEvent(),
        make_tracker("I'm moving from Ontario to Alberta", "life_event", [("place", "Ontario"), ("place", "Alberta")]),
    )
    assert "Alberta Health Care Insurance Plan" in outcome.text and "Canada Revenue Agency" in outcome.text
    assert "Ontario" not in outcome.text


def test_no_answer_shows_a_street_address_that_was_not_read_in_a_source(shared_real_catalogue) -> None:
    """Every office an answer can show: an unchecked (illustrative) one gives its town and page instead."""
    hidden = 0
    for location in shared_real_catalogue.snapshot().locations.values():
        for lang in ("en", "fr"):
            shown = "\n".join(public_address(location, lang))
            if not location.address_confirmed:
                hidden += 1
                assert location.address_1 not in shown
                assert ("see https://" if lang == "en" else "voyez https://") in shown
            else:
                assert location.address_1 in shown or (location.address_fr[0] or "") in shown
    assert hidden > 0  # the curated layers do hold unchecked offices: the rule is exercised
