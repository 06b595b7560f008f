"""Search behaviour on the small sample catalogue: languages, typos, synonyms, ordering, silence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from services_catalog.build import build
from services_catalog.catalogue import Catalogue
from services_catalog.geography import Place


@pytest.fixture
def catalogue(tmp_path: Path, sample_dir: Path) -> Catalogue:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    build(sample_dir, url)
    return Catalogue(url)


@pytest.mark.parametrize(
    "query,expected",
    [
        ("passport", "gc-passport"),
        ("passports", "gc-passport"),
        ("pasport", "gc-passport"),
        ("passeport canadien", "gc-passport"),
        ("SIN", "gc-sin"),
        ("social insurance number", "gc-sin"),
        ("numero d'assurance sociale", "gc-sin"),
        ("numéro d’assurance sociale", "gc-sin"),
        ("NAS", "gc-sin"),
        ("employment insurance", "gc-ei"),
        ("prestations d'assurance-emploi", "gc-ei"),
    ],
)
def test_finds_services_in_both_languages_with_typos(catalogue: Catalogue, query: str, expected: str) -> None:
    matches = catalogue.search_services(query)
    assert matches and matches[0].service.id == expected
    assert 0 < matches[0].score <= 1


@pytest.mark.parametrize("query", ["weather tomorrow", "the", "", "quantum chromodynamics"])
def test_irrelevant_queries_return_nothing(catalogue: Catalogue, query: str) -> None:
    assert catalogue.search_services(query) == []


def test_typo_scores_lower_than_exact(catalogue: Catalogue) -> None:
    assert catalogue.search_services("pasport")[0].score < catalogue.search_services("passport")[0].score


def test_nearest_offices_are_sorted_by_distance(catalogue: Catalogue) -> None:
    calgary = Place("Calgary", "AB", 51.04, -114.07, "city")
    answer = catalogue.nearest_offices("gc-passport", calgary, max_km=5000)
    assert [hit.location.id for hit in answer.offices] == ["sc-calgary", "sc-fort-mcmurray"]
    assert answer.offices[0].distance_km < answer.offices[1].distance_km


def test_nothing_near_gives_remote_alternatives(catalogue: Catalogue) -> None:
    far = Place("Iqaluit", "NU", 63.75, -68.52, "city")
    answer = catalogue.nearest_offices("gc-passport", far)
    assert answer.nothing_near and answer.alternatives == ["mail"]


def test_hours_today_follow_the_weekday(catalogue: Catalogue) -> None:
    place = Place("Fort McMurray", "AB", 56.72, -111.38, "city")
    monday, sunday = date(2026, 11, 23), date(2026, 11, 29)
    assert [str(t) for t in catalogue.nearest_offices("gc-passport", place, day=monday).offices[0].hours_today[0]] == [
        "08:30:00",
        "16:00:00",
    ]
    assert catalogue.nearest_offices("gc-passport", place, day=sunday).offices[0].hours_today == []


def test_colocation_groups_services_by_level(catalogue: Catalogue) -> None:
    groups = catalogue.colocated("sc-fort-mcmurray")
    assert [level for level, _ in groups] == ["federal", "municipal"]
    assert [s.id for s in groups[1][1][0][1]] == ["wb-dog-licence"]


def test_bundles_both_ways(catalogue: Catalogue) -> None:
    assert [b.id for b in catalogue.bundles_for_service("gc-sin")] == ["newcomer-kit"]
    bundle = catalogue.search_bundles("trousse nouvel arrivant")[0]
    assert [s.id for s in bundle.services] == ["gc-sin", "wb-dog-licence"]


def test_location_by_name(catalogue: Catalogue) -> None:
    assert catalogue.find_location("Centre Service Canada de Calgary").id == "sc-calgary"
    assert catalogue.find_location("Eiffel Tower") is None
