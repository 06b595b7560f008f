"""The issue's walk-through, against the real servers: what to bring, fees, eligibility, hours on a day,
follow-ups that keep their context, a death in the family, personal data mixed with a request."""

from __future__ import annotations

from bot.launch import Conversation, text_of

SIN = "046 454 286"


def chat(assistant: str):
    conversation = Conversation(assistant)
    return lambda text: text_of(conversation.say(text))


def test_passport_then_calgary_then_hours_then_sunday_is_closed(assistant: str) -> None:
    turn = chat(assistant)
    assert "Canadian Passport" in turn("passport")
    assert "Calgary" in turn("Calgary")
    assert "this week" in turn("what are the hours?")
    sunday = turn("and on sunday?")
    assert "Sunday" in sunday and "closed" in sunday


def test_the_calgary_centre_office_on_saturday_and_on_christmas_day(assistant: str) -> None:
    turn = chat(assistant)
    saturday = turn("is the Calgary Centre Service Canada office open on Saturday?")
    assert "Calgary Centre Service Canada Centre" in saturday and "Saturday" in saturday and "closed" in saturday
    christmas = turn("open on Christmas day?")
    assert "December 25: closed (Christmas Day, a statutory holiday)" in christmas


def test_what_to_bring_for_a_passport_in_both_languages_with_the_source(assistant: str) -> None:
    english = chat(assistant)("what documents do I need to renew my passport?")
    assert "What to bring or send for Canadian Passport" in english and "Source: https://www.canada.ca" in english
    french = chat(assistant)("quels documents pour renouveler mon passeport?")
    assert "Documents à fournir pour Passeport canadien" in french and "Source : https://www.canada.ca" in french


def test_adult_passport_fee_and_sin_documents(assistant: str) -> None:
    assert "$160" in chat(assistant)("how much does an adult passport cost?")
    assert "primary document" in chat(assistant)("what do I need to bring for a SIN?")


def test_oas_at_60_says_65_and_ei_after_quitting_names_just_cause_and_who_decides(assistant: str) -> None:
    oas = chat(assistant)("can I get old age security at 60?")
    assert "65" in oas and "How old are you?" in oas
    ei = chat(assistant)("am I eligible for EI if I quit my job?")
    assert "just cause" in ei and "Service Canada decides" in ei


def test_my_mom_died(assistant: str) -> None:
    answer = chat(assistant)("my mom died, what do I do")
    assert "Death of a family member" in answer


def test_a_request_mixed_with_a_sin_is_answered_and_the_sin_never_repeated(assistant: str) -> None:
    answer = chat(assistant)(f"my SIN is {SIN} and I need a passport in Calgary")
    assert "Canadian Passport" in answer and "Calgary" in answer
    assert SIN not in answer and "046" not in answer
