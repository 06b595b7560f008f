"""Personal data typed by a client is masked before anything stores it; the question itself is kept."""

from __future__ import annotations

import pytest

from bot.privacy import MASKED_MENTION, mask_personal_data


@pytest.mark.parametrize(
    "typed, masked",
    [
        ("my SIN is 130 692 544 and I need a passport in Calgary", "my SIN is [SIN] and I need a passport in Calgary"),
        ("130-692-544 passport", "[SIN] passport"),
        ("call me at 613-555-0199 or (416) 555 0123", "call me at [phone] or [phone]"),
        ("write to jo.doe+x@example.ca please", "write to [e-mail] please"),
        ("my health card 1234-567-890-AB expired", "my health card [health-card-number] expired"),
        ("carte RAMQ ABCD 1234 5678 perdue", "carte RAMQ [health-card-number] perdue"),
        ("passport number GA123456 expires soon", "passport number [passport-number] expires soon"),
        ("Priya, dob 14/07/1990, my first EI payment", "Priya, dob [date-of-birth], my first EI payment"),
        ("je suis née le 3 mars 1985 à Laval", "je suis née le [date-of-birth] à Laval"),
        ("born on July 4, 1990", "born on [date-of-birth]"),
        ("I live at 123 Main Street in Ottawa", "I live at [address] in Ottawa"),
        ("j'habite au 1234 rue Sainte-Catherine à Montréal", "j'habite au [address] à Montréal"),
    ],
)
def test_personal_data_is_masked(typed: str, masked: str) -> None:
    assert mask_personal_data(typed) == masked


@pytest.mark.parametrize(
    "question",
    [
        "passport in Kelowna",
        "passport T2P 2M5",
        "ServiceOntario on Bay Street",
        "what happened in 2016?",
        "offices within 100 km",
        "I need 2 passports for 3 kids",
        "is it open on 2026-12-26?",
        "my baby was born in Ottawa",
    ],
)
def test_questions_are_kept(question: str) -> None:
    assert mask_personal_data(question) == question


def test_a_nine_digit_number_called_a_sin_is_masked_even_with_a_wrong_check_digit() -> None:
    assert mask_personal_data("my sin is 123 456 789") == "my sin is [SIN]"


@pytest.mark.parametrize(
    "text", ["my SIN is [SIN]", "Mon NAS c'est [SIN]", "mon numéro d'assurance sociale c’est [SIN]", "NAS c'est [SIN]"]
)
def test_the_words_that_introduce_masked_data_are_part_of_its_mention(text: str) -> None:
    """So that "NAS" in "Mon NAS c'est [SIN] pis j'ai pas mon relevé d'emploi" names no service asked for."""
    assert (
        MASKED_MENTION.sub(" ", f"{text} pis j'ai pas mon relevé d'emploi").split()
        == "pis j'ai pas mon relevé d'emploi".split()
    )
