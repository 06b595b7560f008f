"""A small, valid catalogue written as CSV files, for tests to break one value at a time."""

from __future__ import annotations

import copy
import csv
from pathlib import Path
from typing import Dict, List

import pytest

from services_catalog.tables import TABLES_BY_NAME

V = {"verification": "verified", "source": "https://example.gc.ca"}

SAMPLE: Dict[str, Dict[str, List[Dict[str, str]]]] = {
    "federal": {
        "organizations": [
            {
                "id": "gc-service-canada",
                "name_en": "Service Canada",
                "name_fr": "Service Canada",
                "jurisdiction_level": "federal",
                **V,
            },
        ],
        "services": [
            {
                "id": "gc-sin",
                "organization_id": "gc-service-canada",
                "name_en": "Social Insurance Number",
                "name_fr": "Numéro d'assurance sociale",
                "alternate_name_en": "SIN",
                "alternate_name_fr": "NAS",
                "channels": "in_person;online",
                "url_en": "https://www.canada.ca/sin",
                "url_fr": "https://www.canada.ca/nas",
                "status": "active",
                **V,
            },
            {
                "id": "gc-passport",
                "organization_id": "gc-service-canada",
                "name_en": "Canadian Passport",
                "name_fr": "Passeport canadien",
                "channels": "in_person;mail",
                "status": "active",
                **V,
            },
            {
                "id": "gc-ei",
                "organization_id": "gc-service-canada",
                "name_en": "Employment Insurance Benefits",
                "name_fr": "Prestations d'assurance-emploi",
                "channels": "online;phone",
                "phone": "1-800-206-7218",
                "url_en": "https://www.canada.ca/ei",
                "url_fr": "https://www.canada.ca/ae",
                "status": "active",
                **V,
            },
        ],
        "locations": [
            {
                "id": "sc-fort-mcmurray",
                "organization_id": "gc-service-canada",
                "name_en": "Fort McMurray Service Canada Centre",
                "name_fr": "Centre Service Canada de Fort McMurray",
                "location_type": "physical",
                "address_1": "9915 Franklin Avenue",
                "city": "Fort McMurray",
                "state_province": "AB",
                "postal_code": "T9H 2K4",
                "latitude": "56.7267",
                "longitude": "-111.3790",
                **V,
            },
            {
                "id": "sc-calgary",
                "organization_id": "gc-service-canada",
                "name_en": "Calgary Service Canada Centre",
                "name_fr": "Centre Service Canada de Calgary",
                "location_type": "physical",
                "address_1": "220 4th Avenue SE",
                "city": "Calgary",
                "state_province": "AB",
                "postal_code": "T2G 4X3",
                "latitude": "51.0460",
                "longitude": "-114.0580",
                **V,
            },
        ],
        "service_at_location": [
            {"id": "sc-fort-mcmurray--gc-passport", "service_id": "gc-passport", "location_id": "sc-fort-mcmurray"},
            {"id": "sc-calgary--gc-passport", "service_id": "gc-passport", "location_id": "sc-calgary"},
            {"id": "sc-calgary--gc-sin", "service_id": "gc-sin", "location_id": "sc-calgary"},
        ],
        "schedules": [
            {
                "id": "h-fmm",
                "location_id": "sc-fort-mcmurray",
                "byday": "MO;TU;WE;TH;FR",
                "opens_at": "08:30",
                "closes_at": "16:00",
                **V,
            },
        ],
        "languages": [
            {"id": "l-fmm-en", "location_id": "sc-fort-mcmurray", "code": "en"},
            {"id": "l-fmm-fr", "location_id": "sc-fort-mcmurray", "code": "fr"},
        ],
    },
    "municipal": {
        "organizations": [
            {
                "id": "wood-buffalo-rm",
                "name_en": "Regional Municipality of Wood Buffalo",
                "name_fr": "Municipalité régionale de Wood Buffalo",
                "jurisdiction_level": "municipal",
                "state_province": "AB",
                **V,
            },
        ],
        "services": [
            {
                "id": "wb-dog-licence",
                "organization_id": "wood-buffalo-rm",
                "name_en": "Dog licence",
                "name_fr": "Permis de chien",
                "channels": "in_person",
                "status": "active",
                **V,
            },
        ],
        "service_at_location": [
            {
                "id": "sc-fort-mcmurray--wb-dog-licence",
                "service_id": "wb-dog-licence",
                "location_id": "sc-fort-mcmurray",
            },
        ],
        "bundles": [
            {
                "id": "newcomer-kit",
                "organization_id": "gc-service-canada",
                "name_en": "Newcomer kit",
                "name_fr": "Trousse du nouvel arrivant",
                "description_en": "SIN and dog licence at once.",
                "description_fr": "NAS et permis de chien en une fois.",
                **V,
            },
        ],
        "bundle_services": [
            {"bundle_id": "newcomer-kit", "service_id": "gc-sin", "position": "1"},
            {"bundle_id": "newcomer-kit", "service_id": "wb-dog-licence", "position": "2"},
        ],
        "synonyms": [
            {"id": "en-sin", "language": "en", "term": "SIN", "expansion": "social insurance number"},
        ],
    },
}


def write_catalogue(root: Path, layers: Dict[str, Dict[str, List[Dict[str, str]]]]) -> Path:
    for layer, tables in layers.items():
        for table, rows in tables.items():
            path = root / layer / f"{table}.csv"
            path.parent.mkdir(parents=True, exist_ok=True)
            columns = TABLES_BY_NAME[table].column_names
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns)
                writer.writeheader()
                for row in rows:
                    writer.writerow({c: row.get(c, "") for c in columns})
    return root


@pytest.fixture
def sample() -> Dict[str, Dict[str, List[Dict[str, str]]]]:
    """A fresh deep copy of the sample catalogue, free to mutate."""
    return copy.deepcopy(SAMPLE)


@pytest.fixture
def sample_dir(tmp_path: Path, sample) -> Path:
    return write_catalogue(tmp_path / "catalogue", sample)
