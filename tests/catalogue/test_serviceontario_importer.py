"""The ServiceOntario centres importer, against a hand-made fixture and against the real 2019 file.

The fixture pins down the awkward cases (double spaces, a parenthesised note, a
lone 'unit', a trailing town name, a town spelled differently in the gazetteer,
an unknown town, a centre the catalogue has elsewhere, a duplicate id, other
location types); the real file checks the counts and that the committed layer
is what the importer writes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict

import pytest

from services_catalog.geography import gazetteer
from services_catalog.importers import serviceontario_locations as so
from services_catalog.importers.csv_writer import DATA_DIR
from tests.catalogue.raw_data import SHARED_DATA, by_id, requires_shared_data, rows

SOURCE = SHARED_DATA / "serviceontario-locations-2019" / "data.json"
FIXTURE = Path(__file__).parent / "fixtures" / "serviceontario_sample.json"
LAYER = DATA_DIR / "serviceontario"
ONTARIO = DATA_DIR / "ontario"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serviceontario_sample")
    out.joinpath("summary.txt").write_text(str(so.run(FIXTURE, out)), encoding="utf-8")
    return out


# --- addresses ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, city, expected",
    [
        ("777 Bay  Street, Lower Level, College Park", "Toronto", ("777 Bay Street", "Lower Level, College Park")),
        ("420 Queen Street East, Unit 101, Sault Ste Marie", "Sault Ste. Marie", ("420 Queen Street East", "Unit 101")),
        ("50 Hillside  Drive North, Elliot Lake", "Elliot Lake", ("50 Hillside Drive North", "")),
        ("325A West Street, unit, 103", "Brantford", ("325A West Street", "Unit 103")),
        (
            "100 Dundas  Street (Enter at Talbot St ONLY), Main Floor",
            "London",
            ("100 Dundas Street", "Enter at Talbot St ONLY, Main Floor"),
        ),
        (
            "52 Peninsula Road, Centre Block , Unit 105, Marathon",
            "Marathon",
            ("52 Peninsula Road", "Centre Block, Unit 105"),
        ),
        ("Highway 17 and Highway 599", "Ignace", ("Highway 17 and Highway 599", "")),
    ],
)
def test_the_street_address_is_split_into_civic_address_and_the_rest(name, city, expected) -> None:
    assert so.split_address(name, city) == expected


def test_rows_carry_the_cleaned_address_and_no_postal_code(sample: Path) -> None:
    locations = by_id(sample / "locations.csv")
    bay = locations["so-12043"]
    assert (bay["address_1"], bay["address_2"], bay["city"]) == (
        "777 Bay Street",
        "Lower Level, College Park",
        "Toronto",
    )
    assert bay["name_en"] == bay["name_fr"] == "ServiceOntario Toronto – 777 Bay Street"
    assert locations["so-14200"]["address_2"] == "Located on the lower level of Canadian Tire, Toronto-Davenport"
    assert locations["so-13420"]["address_1"] == "220 Main Street South"
    for row in locations.values():
        assert row["postal_code"] == "" and row["state_province"] == "ON"
        assert "  " not in "".join(row.values())
        assert row["organization_id"] == "on-serviceontario" and row["location_type"] == "physical"


# --- coordinates ---------------------------------------------------------------------------------------


def test_coordinates_are_the_town_centroid_and_say_so(sample: Path) -> None:
    locations = by_id(sample / "locations.csv")
    toronto = gazetteer().town("Toronto", "ON")
    for location_id in ("so-12043", "so-14200"):
        row = locations[location_id]
        assert (row["latitude"], row["longitude"]) == (f"{toronto.latitude:.4f}", f"{toronto.longitude:.4f}")
    burks_falls = gazetteer().town("Burks Falls", "ON")
    assert locations["so-113"]["city"] == "Burk's Falls"  # the source's spelling stays
    assert float(locations["so-113"]["latitude"]) == pytest.approx(burks_falls.latitude, abs=1e-4)
    for row in locations.values():
        assert row["coordinates_precision"] == "city"
        assert row["last_verified"] == so.SOURCE_SAVED == "2019-10-26"
        assert row["verification"] == "verified" and "mirmehdi5/ServiceOntarioLocationFiinder" in row["source"]
        assert row["url_en"] == "https://www.ontario.ca/locations/serviceontario"
        assert row["url_fr"] == "https://www.ontario.ca/fr/emplacements/serviceontario"


def test_time_zones_follow_ontarios_boundary(sample: Path) -> None:
    locations = by_id(sample / "locations.csv")
    assert locations["so-12043"]["time_zone"] == "America/Toronto"
    assert locations["so-13420"]["time_zone"] == "America/Winnipeg"  # Kenora: Central time
    assert locations["so-11080"]["time_zone"] == "America/Atikokan"  # Eastern Standard Time all year


# --- what is imported, what is skipped and why ----------------------------------------------------------


def test_only_serviceontario_centres_are_imported_and_every_skip_has_its_reason(sample: Path) -> None:
    locations = by_id(sample / "locations.csv")
    assert sorted(locations) == ["so-110", "so-11080", "so-113", "so-12043", "so-12174", "so-13420", "so-14200"]
    summary = sample.joinpath("summary.txt").read_text(encoding="utf-8")
    assert "wrote 7 row(s) to locations.csv" in summary
    assert "skipped 1: not a ServiceOntario centre: LIBRARY (Public Library)" in summary
    assert "skipped 1: not a ServiceOntario centre: LRO (Land Registry Offices)" in summary
    assert "skipped 1: town not in the gazetteer" in summary and "99001 Nowhereville" in summary
    assert "skipped 1: already in the catalogue as the Ottawa City Hall co-location" in summary
    assert "skipped 1: duplicate id (first kept)" in summary
    assert "1 row(s): town found under another name (TOWN_ALIASES): Burk's Falls" in summary
    assert "phones" not in summary and "schedules" not in summary
    assert sorted(p.name for p in sample.glob("*.csv")) == ["locations.csv", "service_at_location.csv"]


def test_private_providers_get_the_core_services_and_government_centres_also_the_public_computer(sample: Path) -> None:
    offered: Dict[str, Dict[str, Dict[str, str]]] = {}
    for row in rows(sample / "service_at_location.csv"):
        assert row["id"] == f"{row['location_id']}--{row['service_id']}"
        offered.setdefault(row["location_id"], {})[row["service_id"]] = row
    assert set(offered["so-110"]) == set(so.CORE_SERVICES)  # SO_SP
    assert set(offered["so-12043"]) == set(so.CORE_SERVICES) | {"on-business-name-registration"}  # SO_CNTR
    assert offered["so-12043"]["on-business-name-registration"]["description_en"] == so.PUBLIC_COMPUTER[0]
    assert "private service provider" in by_id(sample / "locations.csv")["so-110"]["description_en"]
    assert "private service provider" not in by_id(sample / "locations.csv")["so-12043"]["description_en"]


def test_a_second_run_writes_the_same_bytes(sample: Path, tmp_path: Path) -> None:
    so.run(FIXTURE, tmp_path)
    for name in ("locations.csv", "service_at_location.csv"):
        assert (tmp_path / name).read_bytes() == (sample / name).read_bytes()


def test_a_file_that_is_not_the_location_finder_is_refused(tmp_path: Path) -> None:
    wrong = tmp_path / "data.json"
    wrong.write_text(json.dumps([{"id": 1, "name": "x"}]), encoding="utf-8")
    with pytest.raises(ValueError, match="not the ServiceOntario location finder"):
        so.run(wrong, tmp_path / "out")


# --- the mapping agrees with the Ontario layer ---------------------------------------------------------


def test_mapped_services_are_verified_in_person_serviceontario_or_health_services() -> None:
    services = by_id(ONTARIO / "services.csv")
    for service_id in so.CORE_SERVICES + so.PUBLIC_COMPUTER_SERVICES:
        service = services[service_id]
        assert service["organization_id"] in ("on-serviceontario", "on-health")
        assert "in_person" in service["channels"].split(";")
    for service_id in so.CORE_SERVICES:
        assert services[service_id]["verification"] == "verified"


def test_centres_skipped_as_present_elsewhere_are_in_the_ontario_layer() -> None:
    ontario = by_id(ONTARIO / "locations.csv")
    assert ontario["ottawa-city-hall"]["address_1"] == "110 Laurier Avenue West"
    assert ontario["on-so-sarnia"]["address_1"] == "700 Christina Street North"
    at_city_hall = {
        r["service_id"] for r in rows(ONTARIO / "service_at_location.csv") if r["location_id"] == "ottawa-city-hall"
    }
    assert set(so.CORE_SERVICES) <= at_city_hall


# --- the real file -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serviceontario")
    out.joinpath("summary.txt").write_text(str(so.run(SOURCE, out)), encoding="utf-8")
    return out


@requires_shared_data
def test_all_279_centres_are_imported_but_the_two_the_catalogue_has_elsewhere(real: Path) -> None:
    raw = json.loads(SOURCE.read_text(encoding="utf-8"))
    centres = {f"so-{r['id']}" for r in raw if r["locationType"]["code"] in so.CENTRE_TYPES}
    assert len(centres) == 279
    locations = by_id(real / "locations.csv")
    assert set(locations) == centres - {"so-12089", "so-12099"}
    summary = real.joinpath("summary.txt").read_text(encoding="utf-8")
    assert "wrote 277 row(s) to locations.csv" in summary
    skipped_centres = [
        line for line in summary.splitlines() if "skipped" in line and "not a ServiceOntario centre" not in line
    ]
    assert len(skipped_centres) == 2
    assert "skipped 421: not a ServiceOntario centre: LIBRARY (Public Library)" in summary
    assert "town not in the gazetteer" not in summary


@requires_shared_data
def test_real_rows_have_town_precision_a_date_and_toronto_has_twenty(real: Path) -> None:
    locations = rows(real / "locations.csv")
    assert sum(row["city"] == "Toronto" for row in locations) == 20
    assert all(row["coordinates_precision"] == "city" and row["last_verified"] == "2019-10-26" for row in locations)
    assert all(row["address_1"][:1].isdigit() or row["address_1"].startswith("Highway") for row in locations)
    centres = {row["id"] for row in locations}
    offered = {row["location_id"] for row in rows(real / "service_at_location.csv")}
    assert offered == centres


@requires_shared_data
def test_the_committed_layer_is_what_the_importer_writes(real: Path) -> None:
    for name in ("locations.csv", "service_at_location.csv"):
        assert (LAYER / name).read_bytes() == (real / name).read_bytes(), f"re-run import-serviceontario ({name})"


def test_no_hand_typed_serviceontario_office_duplicates_an_imported_centre() -> None:
    imported = {(r["address_1"].lower(), r["city"]) for r in rows(LAYER / "locations.csv")}
    ontario = rows(ONTARIO / "locations.csv")
    for row in ontario:  # other offices may share a mall with a centre (2339 Ogilvie Road, Ottawa)
        if row["organization_id"] == "on-serviceontario" or "ServiceOntario" in row["name_en"]:
            assert (row["address_1"].lower(), row["city"]) not in imported, row["id"]
    imported_ids = {r["id"] for r in rows(LAYER / "locations.csv")}
    for name in ("service_at_location.csv", "schedules.csv", "phones.csv", "languages.csv", "cross_promotions.csv"):
        for row in rows(ONTARIO / name):
            location_id = row.get("location_id", "")
            assert not location_id.startswith("so-") or location_id in imported_ids, (name, row["id"])
