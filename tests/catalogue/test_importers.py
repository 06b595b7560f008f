"""The importers against the real published files and against hand-made fixtures.

The real files were not made to fit our code, so they catch what fixtures
forget; the fixtures pin down the awkward cases (BOM, multi-line cells, `ND`,
channels the catalogue cannot name, unusable offices, hours with a typo) whatever the next published file holds.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Dict, List

import pytest

from services_catalog.csv_source import read_source
from services_catalog.importers import gc_inventory, service_canada_offices
from services_catalog.importers.csv_writer import DATA_DIR, clean_cell
from services_catalog.tables import CHANNELS, PROVINCES, TABLES_BY_NAME
from services_catalog.validation import validate
from tests.catalogue.raw_data import SHARED_DATA, by_id, requires_shared_data, rows

INVENTORY = SHARED_DATA / "gc-service-inventory" / "services_2019-2020.csv"
OFFICES = SHARED_DATA / "service-canada-offices-2026" / "offices.json"
FIXTURES = Path(__file__).parent / "fixtures"


def header(path: Path) -> List[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


@pytest.fixture(scope="module")
def federal(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("federal")
    summary = gc_inventory.run(INVENTORY, out)
    out.joinpath("summary.txt").write_text(str(summary), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def offices(tmp_path_factory, federal: Path) -> Path:
    out = tmp_path_factory.mktemp("offices")
    summary = service_canada_offices.run(OFFICES, out, services_path=federal / "services.csv")
    out.joinpath("summary.txt").write_text(str(summary), encoding="utf-8")
    return out


# --- the Service Inventory ---------------------------------------------------------------------------

EMPTY_OTHER_ONLY = "no channel the catalogue names (email, fax or other only): channels left empty"
EMPTY_NONE_LISTED = "no channel listed in the inventory: channels left empty"
EMPTY_ONLINE_NO_URL = "online without a URL and no other channel the catalogue names: channels left empty"
ONLINE_DROPPED = "online channel dropped: no URL in either language"


@requires_shared_data
def test_every_external_service_is_imported(federal: Path) -> None:
    with INVENTORY.open(encoding="utf-8-sig", newline="") as handle:
        raw = list(csv.DictReader(handle))
    external = {r["service_id"] for r in raw if "extern" in r["external_internal"]}
    imported = [row["id"] for row in rows(federal / "services.csv")]
    summary = federal.joinpath("summary.txt").read_text(encoding="utf-8")
    assert len(external) == 1117
    assert sorted(imported) == sorted(f"gc-{i}" for i in external)
    assert "wrote 1117 row(s) to services.csv" in summary
    assert "skipped 114: internal or enterprise-only service" in summary
    assert [line for line in summary.splitlines() if "skipped" in line] == [
        "  skipped 114: internal or enterprise-only service"
    ]


@requires_shared_data
def test_services_without_a_catalogue_channel_are_kept_with_channels_empty_and_counted(federal: Path) -> None:
    services = by_id(federal / "services.csv")
    summary = federal.joinpath("summary.txt").read_text(encoding="utf-8")
    assert f"189 row(s): {EMPTY_OTHER_ONLY}" in summary
    assert f"37 row(s): {EMPTY_NONE_LISTED}" in summary
    assert f"25 row(s): {EMPTY_ONLINE_NO_URL}" in summary
    assert f"85 row(s): {ONLINE_DROPPED}" in summary
    empty = {i for i, service in services.items() if service["channels"] == ""}
    assert len(empty) == 189 + 37 + 25
    assert services["gc-1013"]["url_en"].startswith("https://www.dfo-mpo.gc.ca/")  # oth only: still has its page
    assert services["gc-1013"]["organization_id"] == "gc-fisheries-and-oceans-canada"
    assert {"gc-1013", "gc-1015", "gc-1016", "gc-1119", "gc-1031"} <= empty  # oth; eml,oth; eml; none; onl,oth
    for service_id in empty:
        assert services[service_id]["name_en"] and services[service_id]["organization_id"]


@requires_shared_data
def test_social_insurance_number_is_imported_with_its_french_name_and_channels(federal: Path) -> None:
    sin = by_id(federal / "services.csv")["gc-1292"]
    assert sin["name_en"] == "Provision of a Social Insurance Number"
    assert "numéro d’assurance sociale" in sin["name_fr"]
    assert sin["organization_id"] == "gc-employment-and-social-development-canada"
    assert sin["channels"] == "in_person;online;phone;mail"  # onl,person,post,tel
    assert sin["url_fr"].startswith("https://www.canada.ca/fr/")
    assert sin["fees_en"] == "Free" and sin["fees_fr"] == "Gratuit"
    assert sin["phone"] == ""  # the inventory has no numbers
    assert sin["status"] == "active" and sin["verification"] == "verified"


@requires_shared_data
def test_channels_follow_the_inventory_with_online_only_where_there_is_a_url(federal: Path) -> None:
    with INVENTORY.open(encoding="utf-8-sig", newline="") as handle:
        codes = {f"gc-{r['service_id']}": r["service_channels"].split(",") for r in csv.DictReader(handle)}
    services = by_id(federal / "services.csv")
    assert services["gc-1242"]["channels"] == "in_person;phone;mail"  # person,post,tel
    assert services["gc-2108"]["channels"] == "in_person"  # person, and no URL
    assert services["gc-1107"]["channels"] == "online;mail"  # onl,oth,post
    with_phone = set()
    for service_id, service in services.items():
        channels = service["channels"].split(";") if service["channels"] else []
        assert channels == [c for c in CHANNELS if c in channels]
        assert ("phone" in channels) == ("tel" in codes[service_id])
        assert ("in_person" in channels) == ("person" in codes[service_id])
        assert ("mail" in channels) == ("post" in codes[service_id])
        assert ("online" in channels) == ("onl" in codes[service_id] and bool(service["url_en"]))
        assert "online" not in channels or (service["url_en"] and service["url_fr"])
        assert service["phone"] == ""
        if "phone" in channels:
            with_phone.add(service_id)
    assert len(with_phone) == 382


@requires_shared_data
def test_excel_artefacts_and_stray_whitespace_are_cleaned(federal: Path) -> None:
    text = (federal / "services.csv").read_text(encoding="utf-8")
    assert "_x000D_" not in text
    services = by_id(federal / "services.csv")
    assert services["gc-1498"]["name_en"] == "Addition of a special stamp in a passport or other travel document"
    assert services["gc-1337"]["name_en"] == "Occupational Health and Safety Compliance and Enforcement (OHSCE)"
    for service in services.values():
        for column in ("name_en", "name_fr", "description_en", "description_fr"):
            assert service[column] == clean_cell(service[column])
        assert len(service["description_en"]) <= gc_inventory.DESCRIPTION_LIMIT + 1


@requires_shared_data
def test_abbreviations_in_names_become_alternate_names(federal: Path) -> None:
    services = by_id(federal / "services.csv")
    assert (services["gc-1001"]["alternate_name_en"], services["gc-1001"]["alternate_name_fr"]) == ("OAS", "SV")
    assert (services["gc-1107"]["alternate_name_en"], services["gc-1107"]["alternate_name_fr"]) == ("CCB", "ACE")
    assert services["gc-1292"]["alternate_name_en"] == ""


@requires_shared_data
def test_one_organization_per_department_with_services(federal: Path) -> None:
    organizations = by_id(federal / "organizations.csv")
    esdc = organizations["gc-employment-and-social-development-canada"]
    assert esdc["name_fr"] == "Emploi et Développement social Canada"
    assert esdc["jurisdiction_level"] == "federal" and esdc["state_province"] == ""
    assert "Service Inventory" in esdc["source"]
    used = {service["organization_id"] for service in rows(federal / "services.csv")}
    assert used == set(organizations)


@requires_shared_data
def test_files_follow_the_declared_columns_sorted_by_id(federal: Path, offices: Path) -> None:
    for path in [*federal.glob("*.csv"), *offices.glob("*.csv")]:
        assert header(path) == list(TABLES_BY_NAME[path.stem].column_names), path.name
        ids = [row["id"] for row in rows(path)]
        assert ids == sorted(ids) and len(ids) == len(set(ids)), path.name


# --- Service Canada offices --------------------------------------------------------------------------


def linked_services(layer: Path) -> Dict[str, set]:
    linked: Dict[str, set] = {}
    for row in rows(layer / "service_at_location.csv"):
        assert row["id"] == f"{row['location_id']}--{row['service_id']}"
        linked.setdefault(row["location_id"], set()).add(row["service_id"])
    return linked


@requires_shared_data
def test_all_574_offices_are_imported_in_every_province(offices: Path) -> None:
    locations = rows(offices / "locations.csv")
    assert len(locations) == 574
    assert {row["state_province"] for row in locations} == set(PROVINCES)
    summary = offices.joinpath("summary.txt").read_text(encoding="utf-8")
    assert [line for line in summary.splitlines() if "skipped" in line] == [
        "  skipped 2: hours that do not close after they open (a source typo?) "
        "(sc-ab-saw 2027-01-07 08:30-04:00; sc-sk-sbw 2027-07-21 10:30-01:00)"
    ]
    assert [row["id"] for row in rows(offices / "organizations.csv")] == ["gc-service-canada"]
    assert all(row["last_verified"] == "2026-09-30" and row["verification"] == "verified" for row in locations)


@requires_shared_data
def test_offices_other_layers_refer_to_still_exist(offices: Path) -> None:
    ids = set(by_id(offices / "locations.csv"))
    for path in DATA_DIR.glob("*/*.csv"):
        if path.parent.name != "service_canada_offices" and "location_id" in header(path):
            for row in rows(path):
                if row["location_id"].startswith("sc-"):
                    assert row["location_id"] in ids, f"{path}: {row['location_id']}"


@requires_shared_data
def test_fort_mcmurray_centre_has_its_address(offices: Path) -> None:
    office = by_id(offices / "locations.csv")["sc-4825"]
    assert office["name_en"] == "Fort McMurray Service Canada Centre"
    assert office["name_fr"] == "Fort McMurray - Centre Service Canada"
    assert (office["address_1"], office["address_1_fr"]) == (
        "8530 Manning Avenue, Unit 107",
        "8530, avenue Manning, unité 107",
    )
    assert (office["city"], office["state_province"], office["postal_code"]) == ("Fort McMurray", "AB", "T9H 5G2")
    # the crawl put it 86 km north-west of town; its urban postal code places it
    assert abs(float(office["latitude"]) - 56.71) < 0.05 and abs(float(office["longitude"]) + 111.35) < 0.05
    assert office["coordinates_precision"] == "postal_code" and office["time_zone"] == "America/Edmonton"
    assert office["location_type"] == "physical"
    assert office["url_en"] == "https://offices.service.canada.ca/en/Office/4825"
    assert office["url_fr"] == "https://bureaux.service.canada.ca/fr/Bureau/4825"


@requires_shared_data
def test_toronto_3002_offers_urgent_passports(offices: Path) -> None:
    linked = linked_services(offices)
    assert {"gc-1242", "gc-1491", "gc-passport-urgent", "gc-passport-express", "gc-passport-pickup-10-days"} <= linked[
        "sc-3002"
    ]
    passport = by_id(offices / "service_at_location.csv")["sc-3002--gc-1242"]
    assert passport["description_en"] == "Passport services here: urgent, express, 10-day pick-up"


@requires_shared_data
def test_iqaluit_offers_10_day_pick_up_and_not_urgent(offices: Path) -> None:
    linked = linked_services(offices)
    iqaluit = [
        row["id"]
        for row in rows(offices / "locations.csv")
        if row["city"] == "Iqaluit" and row["location_type"] == "physical"
    ]
    assert iqaluit and all(
        "gc-passport-pickup-10-days" in linked[i] and "gc-passport-urgent" not in linked[i] for i in iqaluit
    )


@requires_shared_data
def test_services_at_offices_follow_the_office_kind_and_passport_levels(offices: Path, federal: Path) -> None:
    linked = linked_services(offices)
    centre = set(service_canada_offices.CENTRE_SERVICES)
    assert linked["sc-4825"] == centre | {"gc-1242", "gc-1491", "gc-passport-pickup-10-days"}
    assert linked["sc-ab-sal"] == set(service_canada_offices.OUTREACH_SERVICES) | {"gc-1242", "gc-passport-by-mail"}
    own = by_id(offices / "services.csv")
    assert set(own) == {
        "gc-passport-urgent",
        "gc-passport-express",
        "gc-passport-pickup-10-days",
        "gc-passport-by-mail",
    }
    services = by_id(federal / "services.csv")
    for service_id in set().union(*linked.values()) - set(own):
        assert "in_person" in services[service_id]["channels"].split(";")


@requires_shared_data
def test_languages_follow_the_source(offices: Path) -> None:
    codes: Dict[str, List[str]] = {}
    for row in rows(offices / "languages.csv"):
        codes.setdefault(row["location_id"], []).append(row["code"])
    assert codes["sc-ab-sal"] == ["en", "fr"]  # Jasper: English and French
    assert codes["sc-2157"] == ["fr"]  # Sainte-Anne-des-Monts: French
    assert len(codes) == 574


@requires_shared_data
def test_generated_layers_pass_catalogue_validation(federal: Path, offices: Path, tmp_path: Path) -> None:
    shutil.copytree(federal, tmp_path / "federal", ignore=shutil.ignore_patterns("*.txt"))
    shutil.copytree(offices, tmp_path / "service_canada_offices", ignore=shutil.ignore_patterns("*.txt"))
    assert validate(read_source(tmp_path)) == []


@requires_shared_data
def test_importers_are_repeatable_and_the_committed_layers_are_current(
    federal: Path, offices: Path, tmp_path: Path
) -> None:
    gc_inventory.run(INVENTORY, tmp_path / "federal")
    service_canada_offices.run(OFFICES, tmp_path / "offices", services_path=federal / "services.csv")
    for first, committed, again in (
        (federal, DATA_DIR / "federal", tmp_path / "federal"),
        (offices, DATA_DIR / "service_canada_offices", tmp_path / "offices"),
    ):
        for path in first.glob("*.csv"):
            assert path.read_bytes() == (again / path.name).read_bytes(), path.name
            assert path.read_bytes() == (committed / path.name).read_bytes(), (
                f"{committed / path.name} is stale: re-run the importer"
            )


# --- hand-made fixtures --------------------------------------------------------------------------------


@pytest.fixture
def sample_federal(tmp_path: Path):
    summary = gc_inventory.run(FIXTURES / "gc_inventory_sample.csv", tmp_path)
    return summary, by_id(tmp_path / "services.csv"), by_id(tmp_path / "organizations.csv")


def test_fixture_bom_and_multiline_cells_are_read(sample_federal) -> None:
    _, services, _ = sample_federal
    widget = services["gc-100"]  # 'service_id' would be '\ufeffservice_id' if the BOM were kept
    assert widget["name_en"] == "Widget Licence (WL)"
    assert "\n" not in widget["description_en"] and "_x000D_" not in widget["description_en"]
    assert widget["description_en"].endswith("online or at an office.")  # cut at a sentence, under 400
    assert (widget["alternate_name_en"], widget["alternate_name_fr"]) == ("WL", "LG")
    assert widget["channels"] == "in_person;online;phone" and widget["fees_fr"] == "Des frais s'appliquent"


def test_fixture_missing_values_fall_back_and_are_counted(sample_federal) -> None:
    summary, services, organizations = sample_federal
    registry = services["gc-101"]
    assert registry["name_fr"] == registry["name_en"] == "Widget Registry Search"  # name_fr was ND
    assert registry["description_en"] == registry["description_fr"] == ""  # NA
    assert registry["fees_en"] == ""  # ND
    assert organizations["gc-gizmo-agency"]["name_fr"] == "Gizmo Agency"  # department_name_fr was NA
    assert services["gc-105"]["url_en"] == "https://example.gc.ca/en/gizmo"  # first of two URLs
    assert summary.fallbacks["service name in one language only, used for both"] == 1
    assert summary.fallbacks["department name in one language only, used for both"] == 1


def test_fixture_rows_without_a_catalogue_channel_are_kept_with_channels_empty(sample_federal) -> None:
    summary, services, _ = sample_federal
    assert services["gc-102"]["channels"] == ""  # eml,fax,oth
    assert services["gc-102"]["organization_id"] == "gc-department-of-widgets"
    assert services["gc-103"]["channels"] == "phone"  # onl,tel with no URL: phone without a number
    assert services["gc-103"]["phone"] == "" and services["gc-103"]["url_en"] == ""
    assert services["gc-107"]["channels"] == ""  # onl with no URL
    assert services["gc-108"]["channels"] == ""  # no channel listed
    assert services["gc-108"]["url_fr"] == "https://example.gc.ca/fr/conseils"
    assert services["gc-101"]["channels"] == "mail" and services["gc-105"]["channels"] == "online"
    assert summary.fallbacks[EMPTY_OTHER_ONLY] == 1
    assert summary.fallbacks[EMPTY_ONLINE_NO_URL] == 1
    assert summary.fallbacks[EMPTY_NONE_LISTED] == 1
    assert summary.fallbacks[ONLINE_DROPPED] == 2  # 103 and 107
    assert "channels left empty" in str(summary) and "no channel" not in " ".join(
        reason for _, reason in summary.skipped
    )


def test_fixture_rows_without_department_or_external_use_are_skipped_with_reasons(sample_federal) -> None:
    summary, services, _ = sample_federal
    assert set(services) == {"gc-100", "gc-101", "gc-102", "gc-103", "gc-105", "gc-107", "gc-108"}
    assert summary.skipped_by_reason() == {
        "internal or enterprise-only service": ["104"],
        "duplicate service_id (first row kept)": ["100"],
        "no department": ["106"],
    }
    assert services["gc-100"]["name_en"] != "Widget Licence (duplicate row)"


def test_fixture_layer_passes_catalogue_validation(sample_federal, tmp_path: Path) -> None:
    layer = tmp_path.parent / f"{tmp_path.name}-catalogue" / "federal"
    shutil.copytree(tmp_path, layer, ignore=shutil.ignore_patterns("*.txt"))
    assert validate(read_source(layer.parent)) == []


def test_fixture_source_without_inventory_columns_is_refused(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="service_id"):
        gc_inventory.run(wrong, tmp_path / "out")


@pytest.fixture
def sample_offices(tmp_path: Path):
    out = tmp_path / "service_canada_offices"
    summary = service_canada_offices.run(
        FIXTURES / "service_canada_offices_sample.json", out, services_path=FIXTURES / "federal_services_sample.csv"
    )
    return summary, out


def test_fixture_offices_report_what_they_skip_and_every_fallback(sample_offices) -> None:
    summary, out = sample_offices
    assert set(by_id(out / "locations.csv")) == {"sc-4825", "sc-on-sab", "sc-1638", "sc-2157", "sc-3101", "sc-3002"}
    assert summary.skipped_by_reason() == {
        "office kind 'partner' has no service mapping": ["Partner Agency"],
        "office id 4825 listed twice (first kept)": ["Fort McMurray Twice"],
        "hours that do not close after they open (a source typo?)": ["sc-1638 2026-10-27 09:30-03:30"],
    }
    assert summary.fallbacks["gc-1003 not linked: not offered in person in the federal layer"] == 5
    assert summary.fallbacks["closure with no end date: closed until further notice"] == 1
    assert summary.fallbacks["no passport service level listed: no passport service linked"] == 1
    assert summary.fallbacks["coordinates only to the centre of the town (geo=city)"] == 1
    assert summary.fallbacks["gives biometrics (bio): not linked, the federal layer has no biometrics service"] == 1
    assert "Partner Agency" in str(summary)


def test_fixture_offices_addresses_are_bilingual_and_far_coordinates_fall_back(sample_offices) -> None:
    summary, out = sample_offices
    centre = by_id(out / "locations.csv")["sc-4825"]
    assert (centre["address_1"], centre["address_2"]) == ("8530 Manning Avenue, Unit 107", "Peter Pond Mall")
    assert (centre["address_1_fr"], centre["address_2_fr"]) == (
        "8530, avenue Manning, unité 107",
        "Centre commercial Peter Pond",
    )
    assert centre["coordinates_precision"] == "postal_code" and centre["latitude"].startswith("56.7")
    assert (
        summary.fallbacks[
            "coordinates over 10 km from the office's urban postal code: placed at the postal code instead"
        ]
        == 1
    )
    toronto = by_id(out / "locations.csv")["sc-3002"]
    assert toronto["description_en"] == (
        "By appointment only: call 613-856-9022. You can also enter from Richmond Street."
    )
    assert toronto["description_fr"].startswith("Sur rendez-vous seulement : composez le 613-856-9022.")
    assert [row["number"] for row in rows(out / "phones.csv")] == ["613-856-9022"]
    assert (toronto["latitude"], toronto["coordinates_precision"]) == ("43.6518", "postal_code")  # geo: postal


def test_fixture_weekly_hours_are_grouped_and_split_by_lunch(sample_offices) -> None:
    _, out = sample_offices
    hours = sorted(
        (row["byday"], row["opens_at"], row["closes_at"])
        for row in rows(out / "schedules.csv")
        if row["location_id"] == "sc-4825"
    )
    assert hours == [
        ("MO;TU;WE;TH;FR", "08:30", "12:00"),
        ("MO;TU;WE;TH;FR", "13:00", "16:00"),
        ("SA", "09:00", "12:00"),
    ]  # Saturday closes at lunch: kept whole


def test_fixture_monthly_hours_use_ordinal_days(sample_offices) -> None:
    _, out = sample_offices
    hours = [row for row in rows(out / "schedules.csv") if row["location_id"] == "sc-on-sab"]
    assert [(row["byday"], row["opens_at"], row["closes_at"]) for row in hours] == [
        ("2WE;4WE", "09:30", "12:00"),
        ("2WE;4WE", "12:30", "15:00"),
    ]
    assert hours[0]["description_en"] == "2nd and 4th Wednesday of the month"
    assert hours[0]["description_fr"] == "2e et 4e mercredi du mois"


def test_fixture_dated_hours_are_one_day_rows(sample_offices) -> None:
    _, out = sample_offices
    hours = [row for row in rows(out / "schedules.csv") if row["location_id"] == "sc-1638"]
    assert [(r["byday"], r["valid_from"], r["valid_to"], r["opens_at"], r["closes_at"]) for r in hours] == [
        ("TU", "2026-10-13", "2026-10-13", "09:30", "11:30")
    ]


def test_fixture_closures_come_from_closed_on_and_closure(sample_offices) -> None:
    _, out = sample_offices
    closures = {row["id"]: row for row in rows(out / "closures.csv")}
    assert set(closures) == {"sc-4825-closed-2026-10-09", "sc-2157-closed-2026-09-29", "sc-3101-closed-2026-06-17"}
    moving = closures["sc-2157-closed-2026-09-29"]
    assert (moving["start_date"], moving["end_date"], moving["reason_en"], moving["reason_fr"]) == (
        "2026-09-29",
        "2026-10-01",
        "Relocation of office",
        "Déménagement du bureau",
    )
    assert closures["sc-3101-closed-2026-06-17"]["end_date"] == ""
    assert closures["sc-4825-closed-2026-10-09"]["end_date"] == "2026-10-09"


def test_fixture_outreach_sites_and_accessibility(sample_offices) -> None:
    _, out = sample_offices
    site = by_id(out / "locations.csv")["sc-on-sab"]
    assert site["location_type"] == "outreach_site" and site["description_en"].startswith("Service Canada staff")
    features: Dict[str, List[str]] = {}
    for row in rows(out / "accessibility.csv"):
        features.setdefault(row["location_id"], []).append(row["feature"])
    assert sorted(features["sc-4825"]) == ["asl", "free_parking", "lsq", "wheelchair"]
    assert features["sc-on-sab"] == ["paid_parking"]


def test_fixture_passport_levels_decide_passport_services(sample_offices) -> None:
    _, out = sample_offices
    linked = linked_services(out)
    assert linked["sc-3002"] == {
        "gc-1242",
        "gc-1491",
        "gc-passport-urgent",
        "gc-passport-express",
        "gc-passport-pickup-10-days",
    }  # a passport office: no benefits
    assert linked["sc-4825"] == {"gc-1292", "gc-1001", "gc-1242", "gc-1491", "gc-passport-pickup-10-days"}
    assert linked["sc-on-sab"] == {"gc-1292", "gc-1001", "gc-1242", "gc-passport-by-mail"}  # no issuing here
    assert linked["sc-3101"] == {"gc-1292", "gc-1001"}  # no passport level listed
    described = by_id(out / "service_at_location.csv")
    assert described["sc-3002--gc-1242"]["description_en"] == "Passport services here: urgent, express, 10-day pick-up"
    assert (
        described["sc-3002--gc-1242"]["description_fr"]
        == "Services de passeport ici : urgent, express, retrait en 10 jours"
    )
    assert (
        described["sc-3002--gc-passport-express"]["description_en"]
        == "Express service here takes 3 to 9 business days."
    )
    levels = by_id(out / "services.csv")
    assert levels["gc-passport-urgent"]["organization_id"] == "gc-immigration-refugees-and-citizenship-canada"
    assert all(row["channels"] == "in_person" and row["verification"] == "verified" for row in levels.values())


def test_fixture_offices_layer_passes_catalogue_validation(sample_offices, tmp_path: Path) -> None:
    _, out = sample_offices
    catalogue = tmp_path / "catalogue"
    shutil.copytree(DATA_DIR / "federal", catalogue / "federal")
    shutil.copytree(out, catalogue / "service_canada_offices")
    assert validate(read_source(catalogue)) == []


def test_fixture_offices_import_is_repeatable(sample_offices, tmp_path: Path) -> None:
    _, out = sample_offices
    again = tmp_path / "again"
    service_canada_offices.run(
        FIXTURES / "service_canada_offices_sample.json", again, services_path=FIXTURES / "federal_services_sample.csv"
    )
    for path in out.glob("*.csv"):
        assert path.read_bytes() == (again / path.name).read_bytes(), path.name
