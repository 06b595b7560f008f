"""Multi-turn conversations with the real Rasa server and action server, over the REST webhook.

One pair of servers serves every end-to-end test (tests/e2e/conftest.py; starting Rasa takes tens of
seconds); each test is its own conversation, under the id the server issues, so conversations do not mix.
"""

from __future__ import annotations

from typing import Callable

from bot.launch import Conversation, text_of


def chat(assistant: str) -> Callable[..., str]:
    conversation = Conversation(assistant)
    return lambda text, **metadata: text_of(conversation.say(text, metadata or None))


def test_english_passport_in_kelowna_then_follow_ups(assistant: str) -> None:
    turn = chat(assistant)
    answer = turn("where can I renew my passport in Kelowna?")
    assert "Canadian Passport" in answer and "Kelowna Service Canada Centre" in answer
    assert "V1Y 6S5" in answer
    assert "Nearest offices to Edmonton" in turn("and in Edmonton?")
    assert "this week" in turn("what are its hours?")
    there = turn("what else can I do there?")
    assert there.startswith("At Edmonton") and "(federal)" in there


def test_french_sin_in_edmonton(assistant: str) -> None:
    turn = chat(assistant)
    answer = turn("Où puis-je obtenir un numéro d'assurance sociale à Edmonton?")
    assert "numéro d’assurance sociale" in answer.lower() or "numéro d'assurance sociale" in answer.lower()
    assert "Bureaux les plus proches de Edmonton" in answer and "Aujourd'hui" in answer


def test_life_event_and_bundle(assistant: str) -> None:
    turn = chat(assistant)
    answer = turn("I just had a baby")
    assert "Having a baby" in answer and "Newborn Registration Service" in answer


def test_colocation_at_ottawa_city_hall(assistant: str) -> None:
    answer = chat(assistant)("what else is at Ottawa City Hall?")
    assert "(provincial)" in answer and "(municipal)" in answer


def test_out_of_scope_gets_no_service(assistant: str) -> None:
    answer = chat(assistant)("what's the weather?")
    assert answer and "Nearest offices" not in answer and "—" not in answer.splitlines()[0]


def test_asks_for_the_place_then_answers(assistant: str) -> None:
    turn = chat(assistant)
    overview = turn("I need a new SIN")  # no "where": what it is and how to apply, then the offer of offices
    assert "Online:" in overview and "tell me your city or postal code" in overview
    assert "Calgary" in turn("Calgary")
    turn = chat(assistant)
    assert "Where are you?" in turn("where can I get a new SIN?")
    assert "Calgary" in turn("Calgary")


def test_french_requested_by_the_user_sticks(assistant: str) -> None:
    turn = chat(assistant)
    turn("hello")
    turn("in French please")
    assert "Bureaux les plus proches" in turn("passport in Calgary")


def test_widget_metadata_sets_the_language(assistant: str) -> None:
    answer = chat(assistant)("passport T2P 2M5", language="fr")
    assert "Bureaux les plus proches" in answer


def test_handoff_gives_a_reference(assistant: str) -> None:
    answer = chat(assistant)("I want to talk to a real person")
    assert "reference G-" in answer and "1-800-622-6232" in answer
