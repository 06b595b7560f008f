"""Service Canada's offices in British Columbia and Alberta, regenerated from its office locator.

Two published lists feed this layer: one with street addresses (B.C. and
Alberta) and a national index that says what kind of office each one is and in
which official languages it serves. Neither says which services an office
offers, so that comes from what each kind of office is for (public knowledge,
checked against the Service Inventory's own description of service 1252,
"In-Person Service": a network of Service Canada Centres, scheduled outreach
sites and passport-only offices):

- Service Canada Centre: the in-person point for ESDC's benefits and the
  passport intake: SIN (gc-1292), Employment Insurance (gc-1003), Canada
  Pension Plan (gc-7), CPP disability (gc-991), Old Age Security (gc-1001, which
  in the inventory also covers the Guaranteed Income Supplement), passport
  applications (gc-1242) and the in-person service itself (gc-1252).
- Passport office: passport applications and issuance, including urgent
  pick-up: gc-1242, the regular passport (gc-1491) and gc-1252.
  The temporary passport (gc-2108) is left out: the inventory describes it as
  issued to applicants at a mission abroad, not at offices in Canada.
- Service Canada Centre and Passport Office (consolidated): both of the above.
- Scheduled outreach site: staff visit a community on set days to take
  applications and answer questions on the most asked-for benefits: SIN, EI,
  CPP, OAS and gc-1252. No passports (no secure document handling on site).
There is no My Service Canada Account service in the inventory.

A mapped service is linked only if the federal layer offers it in person;
anything else is reported, so a renumbered inventory shows up in the summary
instead of as a broken reference. Hours are the typical Service Canada hours
and marked illustrative; outreach sites get none because their days vary.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Set, Tuple

from services_catalog.geography import gazetteer, normalize_postal_code, province_code
from services_catalog.importers.csv_writer import DATA_DIR, SHARED_DATA, ImportSummary, clean_cell
from services_catalog.text import fold

DEFAULT_SOURCE = SHARED_DATA / "service-canada-offices" / "offices_bc_ab_with_addresses.csv"
INDEX_NAME = "offices_canada_index.csv"
DEFAULT_OUT = DATA_DIR / "service_canada_offices"
DEFAULT_SERVICES = DATA_DIR / "federal" / "services.csv"

ORGANIZATION_ID = "gc-service-canada"
SOURCE = "Service Canada, Find a Service Canada Office"
ORGANIZATION = {
    "id": ORGANIZATION_ID, "name_en": "Service Canada", "name_fr": "Service Canada",
    "description_en": "Part of Employment and Social Development Canada: delivers federal services and "
                      "benefits in person, online and by phone.",
    "description_fr": "Fait partie d'Emploi et Développement social Canada : offre des services et des "
                      "prestations du gouvernement fédéral en personne, en ligne et par téléphone.",
    "url_en": "https://www.canada.ca/en/employment-social-development/corporate/portfolio/service-canada.html",
    "url_fr": "https://www.canada.ca/fr/emploi-developpement-social/ministere/portefeuille/service-canada.html",
    "jurisdiction_level": "federal", "source": SOURCE, "verification": "verified",
}

CENTRE_SERVICES = ("gc-1292", "gc-1003", "gc-7", "gc-991", "gc-1001", "gc-1242", "gc-1252")
PASSPORT_SERVICES = ("gc-1242", "gc-1491", "gc-1252")
OUTREACH_SERVICES = ("gc-1292", "gc-1003", "gc-7", "gc-1001", "gc-1252")

TYPICAL_HOURS = {
    "byday": "MO;TU;WE;TH;FR", "opens_at": "08:30", "closes_at": "16:00",
    "description_en": "Typical Service Canada hours; check the office page for this office's hours and closures.",
    "description_fr": "Heures habituelles de Service Canada; consultez la page du bureau pour ses heures "
                      "et ses fermetures.",
    "source": SOURCE, "verification": "illustrative",
}
OUTREACH_DESCRIPTION = (
    "Service Canada staff visit this site on set days; check the office page for dates and times.",
    "Le personnel de Service Canada se rend à ce site à des dates fixes; consultez la page du bureau "
    "pour les dates et les heures.",
)
LANGUAGES = {"Services offered in English": ("en",), "Services offered in French": ("fr",),
             "Services offered in English and French": ("en", "fr")}
# Parts of office names that Service Canada writes otherwise in French; the rest are proper names.
FRENCH_NAME_PARTS = {"(Downtown)": "(centre-ville)", "Sinclair Centre": "Centre Sinclair",
                     "Canada Place": "Place du Canada"}

_UNIT = re.compile(r",\s*(?=(?:Suite|Floor|Unit|Office|Room|\d+(?:st|nd|rd|th) Floor)\b)")
_RC = re.compile(r"[?&]rc=([^&]+)")


@dataclass(frozen=True)
class OfficeKind:
    """What a `center-type` of the index means for the catalogue."""

    english_suffix: str  # how its page-header ends, after the place
    french_name: str  # template: {de} is "de Place"/"d'Place", {a} is "à Place"
    location_type: str
    services: Tuple[str, ...]
    typical_hours: bool


KINDS: Dict[str, OfficeKind] = {
    "Service Canada Centre": OfficeKind(
        " Service Canada Centre", "Centre Service Canada {de}", "physical", CENTRE_SERVICES, True),
    "Passport Office": OfficeKind(
        " Service Canada Centre - Passport Services", "Bureau des passeports {de}", "physical",
        PASSPORT_SERVICES, True),
    "Service Canada Centre and Passport Office (consolidated)": OfficeKind(
        " Service Canada Centre and Passport Services", "Centre Service Canada et Bureau des passeports {de}",
        "physical", tuple(dict.fromkeys(CENTRE_SERVICES + PASSPORT_SERVICES)), True),
    "Scheduled Outreach Site": OfficeKind(
        " Scheduled Outreach Site", "Site de services mobiles de Service Canada {a}", "outreach_site",
        OUTREACH_SERVICES, False),
}


@dataclass(frozen=True)
class Address:
    address_1: str
    address_2: str
    city: str
    province: str
    postal_code: str


class Unparsable(ValueError):
    """An office the importer could not turn into a location; the message is the reason."""


def french_name(kind: OfficeKind, place: str) -> str:
    for english, french in FRENCH_NAME_PARTS.items():
        place = place.replace(english, french)
    de = f"d'{place}" if fold(place)[:1] in tuple("aeiou") else f"de {place}"
    return kind.french_name.format(de=de, a=f"à {place}")


def split_street(line: str) -> Tuple[str, str]:
    """'620 Royal Avenue, Floor 2, Suite 201' → ('620 Royal Avenue', 'Floor 2, Suite 201')."""
    parts = _UNIT.split(line, 1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def parse_address(text: str) -> Address:
    """Street lines, then 'City, Province', then the postal code: the locator's layout.

    With two street lines the last holds the civic address and the other names
    the building ('Sinclair Centre, Office 125'), which is what address_2 is for.
    """
    lines = [clean_cell(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) < 3:
        raise Unparsable(f"address has {len(lines)} line(s), expected street, 'City, Province' and postal code")
    city, _, province_text = lines[-2].rpartition(",")
    province = province_code(province_text)
    if not city.strip() or province is None:
        raise Unparsable(f"'{lines[-2]}' is not 'City, Province'")
    postal_code = normalize_postal_code(lines[-1])
    if postal_code is None:
        raise Unparsable(f"'{lines[-1]}' is not a postal code")
    street, unit = split_street(lines[-3])
    building = ", ".join(lines[:-3] + ([unit] if unit else []))
    return Address(street, building, city.strip(), province, postal_code)


def coordinates(postal_code: str, summary: ImportSummary) -> Tuple[str, str]:
    place = gazetteer().postal_code(postal_code)
    if place is None:
        raise Unparsable(f"postal code {postal_code} is not in the gazetteer, even by its first three characters")
    fsa = gazetteer().fsa(postal_code[:3])
    if fsa and (fsa.latitude, fsa.longitude) == (place.latitude, place.longitude):
        summary.fallbacks["postal code not in the gazetteer, placed at its FSA's centre"] += 1
    return f"{place.latitude:.4f}", f"{place.longitude:.4f}"


def location(office: Mapping[str, str], kind: OfficeKind, summary: ImportSummary) -> Dict[str, str]:
    name = clean_cell(office["page-header"])
    if not name.endswith(kind.english_suffix):
        raise Unparsable(f"name '{name}' does not end with '{kind.english_suffix}'")
    rc = _RC.search(office["link"])
    if rc is None:
        raise Unparsable(f"link '{office['link']}' has no rc= office code")
    address = parse_address(office["address"])
    latitude, longitude = coordinates(address.postal_code, summary)
    description_en, description_fr = OUTREACH_DESCRIPTION if kind.location_type == "outreach_site" else ("", "")
    return {
        "id": f"sc-{fold(rc.group(1)).replace(' ', '-')}", "organization_id": ORGANIZATION_ID,
        "name_en": name, "name_fr": french_name(kind, name[: -len(kind.english_suffix)]),
        "description_en": description_en, "description_fr": description_fr,
        "location_type": kind.location_type, "address_1": address.address_1, "address_2": address.address_2,
        "city": address.city, "state_province": address.province, "postal_code": address.postal_code,
        "latitude": latitude, "longitude": longitude,
        "url_en": office["link"], "url_fr": office["link"].replace("lang=eng", "lang=fra"),
        "source": SOURCE, "verification": "verified",
    }


def read_csv(path: Path) -> List[Dict[str, str]]:
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def in_person_services(services_path: Path) -> Set[str]:
    return {row["id"] for row in read_csv(services_path) if "in_person" in row["channels"].split(";")}


class OfficeIndex:
    """The national index, looked up by link and, failing that, by name."""

    def __init__(self, rows: Iterable[Mapping[str, str]]) -> None:
        rows = list(rows)
        self._by_link = {row["link"]: row for row in rows}
        self._by_name = {fold(row["name"]): row for row in rows}

    def entry(self, office: Mapping[str, str]) -> Mapping[str, str]:
        found = self._by_link.get(office["link"]) or self._by_name.get(fold(office["page-header"]))
        if found is None:
            raise Unparsable("not in the office index, so its type and languages are unknown")
        return found


def kind_of(entry: Mapping[str, str]) -> OfficeKind:
    kind = KINDS.get(entry["center-type"])
    if kind is None:
        raise Unparsable(f"office type '{entry['center-type']}' has no service mapping")
    return kind


def services_at(location_id: str, kind: OfficeKind, offered: Set[str],
                summary: ImportSummary) -> List[Dict[str, str]]:
    for service_id in kind.services:
        if service_id not in offered:
            summary.fallbacks[f"{service_id} not linked: not offered in person in the federal layer"] += 1
    return [{"id": f"{location_id}--{service_id}", "service_id": service_id, "location_id": location_id}
            for service_id in kind.services if service_id in offered]


def languages(location_id: str, entry: Mapping[str, str], summary: ImportSummary) -> List[Dict[str, str]]:
    codes = LANGUAGES.get(entry["center-lang"], ())
    if not codes:
        summary.fallbacks[f"languages unknown ('{entry['center-lang']}')"] += 1
    return [{"id": f"{location_id}-{code}", "location_id": location_id, "code": code} for code in codes]


def run(source_path: Path = DEFAULT_SOURCE, out_dir: Path = DEFAULT_OUT, index_path: Optional[Path] = None,
        services_path: Path = DEFAULT_SERVICES) -> ImportSummary:
    """Import the offices of `source_path`, typed by the index beside it (or `index_path`)."""
    summary = ImportSummary(str(source_path))
    index = OfficeIndex(read_csv(index_path or Path(source_path).parent / INDEX_NAME))
    offered = in_person_services(services_path)
    tables: Dict[str, List[Dict[str, str]]] = {
        "locations": [], "service_at_location": [], "languages": [], "schedules": []}
    for office in read_csv(source_path):
        try:
            entry = index.entry(office)
            kind = kind_of(entry)
            row = location(office, kind, summary)
            if any(row["id"] == seen["id"] for seen in tables["locations"]):
                raise Unparsable(f"office code of {row['id']} listed twice (first kept)")
        except Unparsable as reason:
            summary.skip(clean_cell(office.get("page-header")) or office.get("link", "?"), str(reason))
            continue
        tables["locations"].append(row)
        tables["service_at_location"] += services_at(row["id"], kind, offered, summary)
        tables["languages"] += languages(row["id"], entry, summary)
        if kind.typical_hours:
            tables["schedules"].append({"id": f"{row['id']}-hours", "location_id": row["id"], **TYPICAL_HOURS})
    out_dir = Path(out_dir)
    summary.write(out_dir, "organizations", [ORGANIZATION])
    for table, rows in tables.items():
        summary.write(out_dir, table, rows)
    return summary
