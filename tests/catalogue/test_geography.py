"""Offline place resolution: postal codes, FSAs, towns in either language, coordinates."""

from __future__ import annotations

import pytest

from services_catalog.geography import Points, gazetteer, haversine_km, normalize_postal_code, province_code


@pytest.mark.parametrize(
    "text,kind,province",
    [
        ("T9H 5G2", "postal_code", "AB"),
        ("t9h5g2", "postal_code", "AB"),
        ("K1P", "fsa", "ON"),
        ("Kelowna", "city", "BC"),
        ("Montréal", "city", "QC"),
        ("montreal", "city", "QC"),
        ("Québec", "city", "QC"),
        ("Ville de Québec", "city", "QC"),
        ("St. John's", "city", "NL"),
        ("Saint John's", "city", "NL"),
        ("Richmond, ON", "city", "ON"),
        ("Richmond, Colombie-Britannique", "city", "BC"),
        ("Bella Coola", "city", "BC"),
        ("45.42, -75.69", "coordinates", None),
    ],
)
def test_resolves_what_clients_type(text, kind, province) -> None:
    place = gazetteer().resolve(text)
    assert place is not None and place.kind == kind and place.province == province


def test_ambiguous_name_prefers_the_larger_place() -> None:
    assert gazetteer().resolve("Richmond").province == "BC"


def test_a_postal_code_is_named_by_its_area_never_in_full() -> None:
    place = gazetteer().resolve("R3C 2B7")
    assert place is not None and place.name == "Winnipeg (R3C)" and "2B7" not in place.name


def test_a_town_is_named_with_its_province_only_when_its_name_alone_finds_another() -> None:
    windsor_ns = gazetteer().town("Windsor", "NS")
    assert windsor_ns is not None
    assert gazetteer().name_that_finds(windsor_ns) == "Windsor, NS"
    assert gazetteer().resolve("Windsor, NS") == windsor_ns
    kamloops = gazetteer().town("Kamloops")
    assert kamloops is not None and gazetteer().name_that_finds(kamloops) == "Kamloops"


@pytest.mark.parametrize("text", ["Atlantis", "", "12.0, 40.0", "H0H 0H0", "North Pole"])
def test_unknown_or_foreign_places_resolve_to_nothing(text) -> None:
    assert gazetteer().resolve(text) is None


def test_distances_are_great_circle_kilometres() -> None:
    ottawa, calgary = gazetteer().resolve("Ottawa"), gazetteer().resolve("Calgary")
    assert 2800 < haversine_km(ottawa.latitude, ottawa.longitude, calgary.latitude, calgary.longitude) < 2900


def test_postal_code_and_province_helpers() -> None:
    assert normalize_postal_code("my code is k1p1j1 thanks") == "K1P 1J1"
    assert normalize_postal_code("K1P") is None
    assert province_code("Colombie-Britannique") == "BC"
    assert province_code("Nouvelle-Écosse") == "NS"
    assert province_code("nowhere") is None


def test_distances_to_many_points_are_the_pairwise_distances_in_order() -> None:
    towns = [gazetteer().resolve(name) for name in ("Iqaluit", "St. John's", "Whitehorse", "Kelowna")]
    ottawa = gazetteer().resolve("Ottawa")
    assert ottawa and all(towns)
    many = Points([(t.latitude, t.longitude) for t in towns if t]).km_from(ottawa.latitude, ottawa.longitude)
    one_by_one = [haversine_km(ottawa.latitude, ottawa.longitude, t.latitude, t.longitude) for t in towns if t]
    assert many == pytest.approx(one_by_one, abs=1e-6) and len(many) == 4
    assert Points([]).km_from(ottawa.latitude, ottawa.longitude) == []


@pytest.mark.parametrize(
    "text, name, province",
    [
        ("Hull", "Gatineau", "QC"),
        ("Tracadie", "Tracadie-Sheila", "NB"),
        ("Kap", "Kapuskasing", "ON"),
        ("Îles-de-la-Madeleine", "Cap-Aux-Meules", "QC"),
    ],
)
def test_names_people_still_use_find_the_gazetteers_town(text: str, name: str, province: str) -> None:
    """Merged or renamed towns, and a nickname, as clients type them ("j'habite à Hull")."""
    place = gazetteer().resolve(text)
    assert place is not None and (place.name, place.province) == (name, province)
    assert [p.name for _, p in gazetteer().places_in_text(f"j'habite à {text} depuis 2010")] == [name]
