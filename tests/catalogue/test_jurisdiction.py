"""Whose service a request is about: places and provinces read from the sentence, moves, named offices."""

from __future__ import annotations

import pytest

from services_catalog.catalogue import Catalogue
from services_catalog.geography import gazetteer, provinces_in_text
from services_catalog.jurisdiction import whereabouts


@pytest.mark.parametrize(
    "text, town, province",
    [
        ("SIN in Charlottetown", "Charlottetown", "PE"),
        ("where can I get a passport in st johns", "St. John's", "NL"),
        ("passeport à Québec", "Quebec", "QC"),
        ("health card in Winnipeg please", "Winnipeg", "MB"),
        ("j'habite à Trois-Rivières", "Trois-Rivieres", "QC"),
    ],
)
def test_a_town_after_a_preposition_is_the_place(text: str, town: str, province: str) -> None:
    where = whereabouts(text)
    assert where.place is not None and where.place.name == town
    assert where.province == province


def test_a_word_that_is_also_a_town_is_not_a_place_without_a_preposition_or_capital() -> None:
    assert gazetteer().places_in_text("i need hope and a passport") == []


@pytest.mark.parametrize(
    "text, province",
    [
        ("new brunswick medicare card", "NB"),
        ("Nouveau-Brunswick carte d'assurance maladie", "NB"),
        ("carte soleil au Québec", "QC"),
        ("PEI health card", "PE"),
    ],
)
def test_a_named_province_decides_without_a_town(text: str, province: str) -> None:
    assert whereabouts(text).province == province


@pytest.mark.parametrize(
    "text, province, town",
    [
        ("I'm moving from Ontario to Alberta", "AB", None),
        ("I'm moving from Toronto to Halifax", "NS", "Halifax"),
        ("i just moved to halifax from ontario, need to switch my licence", "NS", "Halifax"),
        ("je déménage de Montréal en Ontario", "ON", None),
        ("Just moved to Miramichi and swapped my Nova Scotia licence", "NB", "Miramichi"),
        ("on déménage à Moncton, comment je change ma carte de l'Ontario?", "NB", "Moncton"),
    ],
)
def test_a_move_is_about_its_destination(text: str, province: str, town: str | None) -> None:
    where = whereabouts(text)
    assert where.province == province
    assert (where.place.name if where.place else None) == town


def test_a_province_the_client_holds_a_card_from_stays_without_a_move() -> None:
    assert whereabouts("I need to renew my Ontario licence in Gatineau").province == "ON"


def test_two_letter_words_are_not_provinces() -> None:
    assert provinces_in_text("can I get it on Monday or is it closed") == []


def test_the_client_named_place_wins_over_the_sentence_unless_it_is_a_move() -> None:
    calgary = gazetteer().town("Calgary")
    assert whereabouts("passport please", calgary).place == calgary
    assert whereabouts("moving from Calgary to Regina", calgary).province == "SK"


def test_the_service_canada_office_in_a_town_is_that_towns(real_catalogue: Catalogue) -> None:
    office = real_catalogue.find_location("What can I do at the Service Canada office in Fort McMurray?")
    assert office is not None and office.city == "Fort McMurray"
    assert office.organization.id == "gc-service-canada"


def test_an_office_named_without_a_town_is_found_by_its_name(real_catalogue: Catalogue) -> None:
    office = real_catalogue.find_location("Ottawa City Hall")
    assert office is not None and office.id == "ottawa-city-hall"


def test_an_office_of_a_town_is_no_origin_and_a_lowercase_town_beside_office_is_a_town() -> None:
    lourdes = whereabouts("le centre Service Canada de Notre-Dame-de-Lourdes au Manitoba?")
    assert lourdes.place is not None and lourdes.province == "MB"
    downtown = whereabouts("will the service canada downtown calgary be open on christmas day")
    assert downtown.place is not None and downtown.place.name == "Calgary"
    assert whereabouts("je déménage de Gatineau à Ottawa").province == "ON"  # "de" after a verb: the origin


def test_a_street_named_after_a_town_is_not_the_place() -> None:
    assert whereabouts("le bureau des passeports sur la rue Champlain à Gatineau").place.name == "Gatineau"
    assert whereabouts("mon passeport au bureau sur Laurier à Québec").place.name == "Quebec"
    assert whereabouts("the office on Main Street in Moncton").place.name == "Moncton"


def test_an_office_is_found_by_its_building_even_in_a_long_message(real_catalogue: Catalogue) -> None:
    text = "le bureau des passeports au complexe Guy-Favreau, y va-tu être de l'An"
    office = real_catalogue.office_meant(text, None)
    assert office is not None and office.id == "sc-2003"


def test_a_kind_of_office_named_in_no_town_is_no_office(real_catalogue: Catalogue) -> None:
    assert real_catalogue.office_meant("the passport office", None) is None
    assert real_catalogue.office_meant("bureau des passeports", None) is None


def test_words_no_office_has_do_not_hide_the_organization_asked_for(real_catalogue: Catalogue) -> None:
    place = real_catalogue.resolve_place("Summerside")
    assert place is not None
    offices = real_catalogue.offices_near(place, organization="Service Canada stuff")
    assert offices and offices[0].location.organization.id == "gc-service-canada"
    assert "Summerside Service Canada Centre" in offices[0].location.name.en
    assert real_catalogue.offices_near(place, organization="Quuxcorp") == []


@pytest.mark.parametrize(
    "text, town",
    [
        ("On déménage d'Ottawa à Winnipeg en janvier.", "Winnipeg"),
        ("Je déménage d'Ottawa vers Winnipeg", "Winnipeg"),
        ("le bureau d'Ottawa", "Ottawa"),
    ],
)
def test_an_elided_de_names_where_a_move_comes_from(text: str, town: str) -> None:
    place = whereabouts(text).place
    assert place is not None and place.name == town


def test_the_office_of_a_town_that_shares_its_name_with_another_is_found(real_catalogue: Catalogue) -> None:
    # the gazetteer's Notre-Dame-de-Lourdes is New Brunswick's; Service Canada's office is Manitoba's
    office = real_catalogue.office_meant(
        "À quelle heure ouvre le bureau de Service Canada à Notre-Dame-de-Lourdes?", None
    )
    assert office is not None and office.id == "sc-4152"
    office = real_catalogue.office_meant("is the Kelowna office open on Saturday?", None)
    assert office is not None and office.city == "Kelowna"


def test_of_two_towns_the_one_the_client_is_in_wins_over_a_name() -> None:
    born = whereabouts("J'ai eu des jumelles la semaine passée à l'hôpital Saint-Boniface à Winnipeg!")
    assert born.place is not None and born.place.name == "Winnipeg" and born.province == "MB"


def test_saint_boniface_is_winnipegs_quarter_unless_quebec_is_named() -> None:
    assert whereabouts("on habite à Saint-Boniface").province == "MB"
    assert gazetteer().resolve("Saint-Boniface, QC").province == "QC"


def test_a_town_inside_the_organization_asked_for_is_where_not_who(real_catalogue: Catalogue) -> None:
    place = real_catalogue.resolve_place("Saint-Quentin")
    assert place is not None
    offices = real_catalogue.offices_near(place, organization="service canada st-quentin")
    assert offices and offices[0].location.name.en == "Saint-Quentin Service Canada Centre"
