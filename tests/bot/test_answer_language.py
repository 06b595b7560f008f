"""Choosing the answer language for each message."""

from __future__ import annotations

import pytest

from bot.answer_language import choose, detect, requested_language


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Où puis-je obtenir un numéro d'assurance sociale à Edmonton?", "fr"),
        ("ou est ce que je peux renouveler mon passeport", "fr"),
        ("j'ai perdu ma job", "fr"),
        ("where can I renew my passport in Kelowna?", "en"),
        ("I just had a baby", "en"),
        ("what's the weather?", "en"),
    ],
)
def test_detects_the_language_of_a_sentence(text: str, lang: str) -> None:
    assert detect(text)[0] == lang


@pytest.mark.parametrize(
    "text",
    [
        "c'est ou le bureau a sherbrooke",
        "y a tu un centre a laval",
        "ca ferme a quelle heure le vendredi",
        "si je lache ma job a montreal, j'ai droit a quoi",
    ],
)
def test_unaccented_casual_french_is_clear_french_from_the_first_message(text: str) -> None:
    """Typed without accents, French "à" is "a": it must not count as English."""
    assert choose(text, {}, None, None, None)["language"] == "fr"


@pytest.mark.parametrize("text", ["T9H 5G2", "ok", "Calgary", ""])
def test_says_nothing_for_texts_without_clues(text: str) -> None:
    assert choose(text, {}, "fr", None, None)["language"] == "fr"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("in French please", "fr"),
        ("en français svp", "fr"),
        ("Parlez-vous français?", "fr"),
        ("English please", "en"),
        ("en anglais s'il vous plaît", "en"),
    ],
)
def test_recognises_explicit_requests(text: str, lang: str) -> None:
    assert requested_language(text) == lang


def test_explicit_request_sticks_over_detection() -> None:
    asked = choose("in French please", {}, "en", None, None)
    assert asked == {"language": "fr", "language_choice": "fr", "page_language": None}
    later = choose("what are its hours?", {}, asked["language"], asked["language_choice"], None)
    assert later["language"] == "fr"


def test_page_language_is_the_default_for_unclear_messages() -> None:
    assert choose("T9H 5G2", {"language": "fr"}, "en", None, None)["language"] == "fr"


def test_page_switch_overrides_an_earlier_explicit_choice() -> None:
    decided = choose("passport", {"language": "fr"}, "en", "en", "en")
    assert decided == {"language": "fr", "language_choice": None, "page_language": "fr"}


def test_clear_french_wins_on_an_english_page() -> None:
    assert choose("je viens d'avoir un bébé", {"language": "en"}, "en", None, "en")["language"] == "fr"


def test_one_word_decides_only_as_the_first_message() -> None:
    assert choose("passeport", {}, None, None, None)["language"] == "fr"
    assert choose("passeport", {}, "en", None, None)["language"] == "en"
    assert choose("passport", {"language": "fr"}, None, None, None)["language"] == "fr"  # the page says more


def test_the_masks_of_personal_data_are_not_the_clients_words() -> None:
    assert detect("ma carte soleil [health-card-number] expire le mois prochain, comment je la renouvelle")[0] == "fr"
    assert detect("ma carte soleil [health-card-number] expire le mois prochain, comment je la renouvelle")[1] >= 0.75


def test_web_addresses_say_nothing_about_the_language() -> None:
    assert (
        detect("Canada Pension Plan (CPP) Benefits: Free\nDetails: https://www.canada.ca/en/services/cpp.html")[0]
        != "fr"
    )
