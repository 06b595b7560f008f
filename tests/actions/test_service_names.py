"""How the model's service entities are read as names of services."""

from __future__ import annotations

from typing import Any, Dict, List

from actions.service_names import fact_readings, other_readings, request_readings, service_readings
from services_catalog.catalogue import shared_catalogue


def message(text: str, *pieces: str) -> Dict[str, Any]:
    entities: List[Dict[str, Any]] = []
    for piece in pieces:
        start = text.index(piece)
        entities.append({"entity": "service", "value": piece, "start": start, "end": start + len(piece)})
    return {"text": text, "entities": entities}


def test_pieces_a_word_apart_are_read_together_and_alone() -> None:
    text = "ma carte de résident permanent est expirée"
    assert service_readings(message(text, "carte", "résident permanent")) == [
        "carte de résident permanent",
        "carte",
        "résident permanent",
    ]


def test_pieces_far_apart_are_not_one_name() -> None:
    text = "on a un permis de travail, au canada depuis 10 mois, on a droit à l'allocation pour enfants?"
    readings = service_readings(message(text, "permis", "canada", "allocation pour enfants"))
    assert readings == ["permis", "allocation pour enfants"]  # "canada" alone, the country, names no service


def test_the_country_alone_names_no_service_but_a_name_that_holds_it_does() -> None:
    text = "I only moved to Canada 12 years ago, is the Canada child benefit for me?"
    assert service_readings(message(text, "Canada", "Canada child benefit")) == ["Canada child benefit"]


def test_a_piece_of_function_words_or_a_place_names_nothing() -> None:
    assert service_readings(message("de l'aide du fédéral à Moncton", "du", "Moncton")) == []


def test_only_readings_naming_another_service_than_the_one_under_discussion_stay() -> None:
    cpp = shared_catalogue().service("gc-7")
    assert cpp is not None
    assert other_readings(["pension", "his pension", "a child"], shared_catalogue(), cpp) == []
    assert other_readings(["canada child benefit"], shared_catalogue(), cpp) == ["canada child benefit"]


def test_a_case_or_the_organization_of_the_service_under_discussion_names_no_other_service() -> None:
    catalogue = shared_catalogue()
    pardon, licence = catalogue.service("gc-1892"), catalogue.service("on-drivers-licence-renewal")
    assert pardon is not None and licence is not None
    # "et pour un acte criminel?", "how long does the Parole Board take?" after the record suspension
    assert other_readings(["acte criminel", "the Parole Board"], catalogue, pardon) == []
    # a case of the licence renewal mentions the health card, which is another service
    assert other_readings(["health card"], catalogue, licence) == ["health card"]


def test_a_piece_of_only_function_words_joins_no_name() -> None:
    text = "on a droit à la carte d'assurance maladie tout de suite?"
    assert service_readings(message(text, "carte d'assurance maladie", "de")) == ["carte d'assurance maladie"]


def test_a_piece_cut_after_de_is_read_with_the_word_it_was_cut_from() -> None:
    text = "je veux ma rente de retraite du Québec à 62 ans"
    assert service_readings(message(text, "rente de", "du")) == ["rente de retraite"]


def test_an_age_or_a_word_every_service_shares_names_no_service() -> None:
    text = "we're adopting a 2 year old from Haiti, finally!! what benefits can we get"
    assert service_readings(message(text, "old", "benefits")) == []


def test_a_length_of_time_names_no_service_level() -> None:
    text = "combien coûte un passeport de 10 ans"
    assert service_readings(message(text, "passeport de 10 ans")) == ["passeport de"]
    assert request_readings(message(text)) == ["combien coûte un passeport de"]
    assert service_readings(message("passeport en 10 jours", "passeport en 10 jours")) == ["passeport en 10 jours"]


def test_an_age_with_a_possessive_names_no_service() -> None:
    text = "what documents do i need for my 8 year old's first passport"
    start = text.index("old's")
    message = {"text": text, "entities": [{"entity": "service", "value": "old's", "start": start, "end": start + 5}]}
    assert service_readings(message) == []


def test_a_fact_question_keeps_the_models_spans_where_they_were_typed() -> None:
    """The question's words are blanked, not cut: "what documents" gone, "old's" still marks the age, not a
    service (Old Age Security), and "passport" is still "passport"."""
    text = "what documents do i need for my 8 year old's first passport"
    old, passport = text.index("old's"), text.index("passport")
    entities = [
        {"entity": "service", "value": "old's", "start": old, "end": old + 5},
        {"entity": "service", "value": "passport", "start": passport, "end": passport + 8},
    ]
    assert fact_readings({"text": text, "entities": entities})[0] == "passport"
