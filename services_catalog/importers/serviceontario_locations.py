"""The ServiceOntario layer, regenerated from the ServiceOntario location finder's data (late 2019).

The source (`../shared/data/serviceontario-locations-2019/data.json`, saved on
2019-10-26 by the public repository mirmehdi5/ServiceOntarioLocationFiinder)
lists 882 places. Only the ServiceOntario centres are imported: the 80
government-run `SO_CNTR` and the 199 `SO_SP` run by private service providers.
The other types are left out because they are not places where a client gets
a ServiceOntario product over the counter: Land Registry Offices (`LRO`, property
records, a specialist service with its own offices), public libraries (`LIBRARY`,
municipal, no ServiceOntario counter), Community Futures Development Corporations
(`CFDC`) and Small Business Enterprise Centres (`SBEC`, business advice), City of
London offices (`MNCPL`), the Business and Personal Property Security office
(`CPPSB`) and a Ministry of Finance office (`MOF`). Each is counted in the
summary by type.

What a row holds, and how sure it is:
- the street address is the source's `name`, split at the first comma: the civic
  address goes to `address_1`, the rest (unit, floor, mall, neighbourhood, a
  parenthesised note) to `address_2`; a trailing part that only repeats the town
  ("…, Unit 101, Sault Ste Marie") is dropped; double spaces are cleaned;
- the source has no postal codes and no coordinates: `postal_code` stays empty and
  the coordinates are the town's centroid from the offline gazetteer, with
  `coordinates_precision=city` (distances are approximate; never more precise than
  that). Three towns are spelled differently in the gazetteer, see TOWN_ALIASES;
  a centre whose town the gazetteer still does not know is skipped with a reason;
- `time_zone` follows Ontario's legal boundary: west of 90° W is Central time
  (America/Winnipeg), except Atikokan, which keeps Eastern Standard Time all year
  (America/Atikokan); everything else is America/Toronto;
- `last_verified` is 2019-10-26, the day the source was saved: the assistant asks
  clients to check the office page when that is over a year old, which it is;
- `verification=verified` because the address is read from the source file; it
  says nothing about whether the centre is still open today.

Which services each centre offers. The source has no per-centre list: both types
share the description "ServiceOntario Centres provide a wide range of government
information and services. Please click on each location for a listing of available
services as they vary at each centre", with the same two information lines (health
card; driver and vehicle). So every centre gets the driver, vehicle and health card
counter services (CORE_SERVICES) that the Ontario layer (data/ontario/services.csv)
lists as offered in person by ServiceOntario or the Ministry of Health, marked
`verified` there, and that are not limited to a few named centres. Left out on
purpose: birth, marriage and death certificates and document authentication (only
at a few centres, already attached to them in data/ontario), the enhanced driver's
licence (not at every centre), and services the Ontario layer marks illustrative
(newborn health card, driver's record, organ donor registration, outdoors card,
fishing and hunting licences). Every location's description says services vary by
centre. The one difference the source shows between the types is the self-service
public computer (`patText`), only for `SO_CNTR`: "register your business or update
your business information, change your home address, apply for a birth, marriage
or death certificate, or register your newborn" online, for free, at the centre.
Government-run centres therefore also get business name registration
(PUBLIC_COMPUTER_SERVICES), described as done on that computer; the certificates
are not attached, as the client would only fill in the online application there
and a "where can I get a birth certificate in person" answer must not send them to
every centre.

Left out of the layer, and why:
- phones: the type's `healthCardInfoNumber` (1-888-376-5197) and
  `driverVehicalInfoNumber` (1-800-387-3445) are the same two province-wide lines
  for all 279 centres, not the office's number; a location phone is shown next to
  the office as if it could be called, and the health card number differs from the
  current one the Ontario layer carries (1-866-532-3161 on the health card
  services), so the services' own numbers are the better answer;
- holiday schedules (`SO_CNTR` only): they cover July 2019 to May 2020 and are
  closures, not opening hours; all in the past, they would only mislead;
- two centres the catalogue already has elsewhere (SKIPPED_CENTRES): the Ottawa
  City Hall centre is the `ottawa-city-hall` co-location in data/ontario (one
  building, three governments; importing it again would list the office twice), and
  the Sarnia centre at 150 Christina Street North closed in 2021 when it moved to
  the courthouse (data/ontario `on-so-sarnia`).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from services_catalog.geography import Place, gazetteer
from services_catalog.importers.csv_writer import DATA_DIR, SHARED_DATA, ImportSummary, clean_cell
from services_catalog.tables import TABLES_BY_NAME
from services_catalog.text import fold_place

DEFAULT_SOURCE = SHARED_DATA / "serviceontario-locations-2019" / "data.json"
DEFAULT_OUT = DATA_DIR / "serviceontario"

ORGANIZATION = "on-serviceontario"
SOURCE_SAVED = "2019-10-26"
CITATION = (
    "ServiceOntario location finder data, late 2019, saved by mirmehdi5/ServiceOntarioLocationFiinder "
    "(server/data.json, commit 80cd8ec)"
)
LOCATOR_URL = (
    "https://www.ontario.ca/locations/serviceontario",
    "https://www.ontario.ca/fr/emplacements/serviceontario",
)
CENTRE_TYPES = ("SO_CNTR", "SO_SP")
GOVERNMENT_RUN = "SO_CNTR"

CORE_SERVICES = (
    "on-drivers-licence-renewal",
    "on-drivers-licence-replace",
    "on-address-change",
    "on-photo-card",
    "on-vehicle-registration",
    "on-licence-plate-renewal",
    "on-licence-plate-replace",
    "on-used-vehicle-information-package",
    "on-accessible-parking-permit",
    "on-health-card-new",
    "on-health-card-renewal",
)
PUBLIC_COMPUTER_SERVICES = ("on-business-name-registration",)
PUBLIC_COMPUTER = (
    "On the centre's free self-service public computer",
    "Sur l'ordinateur public libre-service gratuit du centre",
)

# The source's town → the gazetteer's (Canada Post's) name for it, used for the coordinates only:
# the `city` column keeps the source's spelling.
TOWN_ALIASES = {
    "Burk's Falls": "Burks Falls",  # the apostrophe Canada Post leaves out
    "Sutton": "Sutton West",  # Sutton (Georgina), whose post office is Sutton West; "Sutton" alone is in Quebec
    "West Elgin": "Rodney",  # a municipality, not a town; its office at 22413 Hoskins Line is in Rodney
}
# Centres the catalogue has elsewhere, by source id → the reason the summary gives.
SKIPPED_CENTRES = {
    "12089": "already in the catalogue as the Ottawa City Hall co-location (data/ontario ottawa-city-hall)",
    "12099": "closed in 2021, moved to the courthouse at 700 Christina Street North (data/ontario on-so-sarnia; "
    "The Observer, 2021-01-29)",
}
CENTRAL_TIME_WEST_OF = -90.0
TIME_ZONE_EXCEPTIONS = {"Atikokan": "America/Atikokan"}

DESCRIPTION = (
    "Services vary by centre: check the office page for this centre's services and hours before you go.",
    "Les services varient d'un centre à l'autre : consultez la page du bureau pour connaître ses "
    "services et ses heures avant de vous déplacer.",
)
PROVIDER_NOTE = (
    " Run for ServiceOntario by a private service provider.",
    " Exploité pour ServiceOntario par un fournisseur de services privé.",
)

_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
_UNIT_WORDS = frozenset({"unit", "suite", "room"})


def split_address(name: str, city: str) -> Tuple[str, str]:
    """('777 Bay Street', 'Lower Level, College Park') from '777 Bay  Street, Lower Level, College Park'.

    A parenthesised note ('(Enter at Talbot St ONLY)') moves to the second line;
    parts that only repeat the town are dropped.
    """
    text = clean_cell(name)
    notes = [clean_cell(n) for n in _PARENTHESES.findall(text)]
    text = clean_cell(_PARENTHESES.sub("", text))
    first, *rest = [part.strip() for part in text.split(",")]
    town = _town_key(city)
    rest = [part for part in rest if part and _town_key(part) != town]
    for i in range(len(rest) - 1, 0, -1):  # '325A West Street, unit, 103': a lone 'unit' belongs to the next part
        if rest[i - 1].lower() in _UNIT_WORDS:
            rest[i - 1 : i + 1] = [f"{rest[i - 1].capitalize()} {rest[i]}"]
    return first, ", ".join([n for n in notes if n] + rest)


def _town_key(text: str) -> str:
    return fold_place(text.replace("Ste.", "Ste").replace("St.", "St"))


def town_place(city: str) -> Optional[Place]:
    """The town's centroid (kind 'city'), through TOWN_ALIASES when the gazetteer spells it differently."""
    return gazetteer().town(TOWN_ALIASES.get(city, city), "ON")


def time_zone(city: str, longitude: float) -> str:
    if city in TIME_ZONE_EXCEPTIONS:
        return TIME_ZONE_EXCEPTIONS[city]
    return "America/Winnipeg" if longitude < CENTRAL_TIME_WEST_OF else "America/Toronto"


def location(raw: Mapping, place: Place) -> Dict[str, str]:
    code = raw["locationType"]["code"]
    city = clean_cell(raw["city"])
    address_1, address_2 = split_address(raw["name"], city)
    name = f"ServiceOntario {city} – {address_1}"
    private = code != GOVERNMENT_RUN
    return {
        "id": f"so-{raw['id']}",
        "organization_id": ORGANIZATION,
        "name_en": name,
        "name_fr": name,
        "description_en": DESCRIPTION[0] + (PROVIDER_NOTE[0] if private else ""),
        "description_fr": DESCRIPTION[1] + (PROVIDER_NOTE[1] if private else ""),
        "location_type": "physical",
        "address_1": address_1,
        "address_2": address_2,
        "city": city,
        "state_province": "ON",
        "postal_code": "",
        "latitude": f"{place.latitude:.4f}",
        "longitude": f"{place.longitude:.4f}",
        "coordinates_precision": "city",
        "time_zone": time_zone(city, place.longitude),
        "last_verified": SOURCE_SAVED,
        "url_en": LOCATOR_URL[0],
        "url_fr": LOCATOR_URL[1],
        "source": f"{CITATION}, location {raw['id']}",
        "verification": "verified",
    }


def services_at(location_id: str, code: str) -> List[Dict[str, str]]:
    rows = [
        {
            "id": f"{location_id}--{s}",
            "service_id": s,
            "location_id": location_id,
            "description_en": "",
            "description_fr": "",
        }
        for s in CORE_SERVICES
    ]
    if code == GOVERNMENT_RUN:
        rows += [
            {
                "id": f"{location_id}--{s}",
                "service_id": s,
                "location_id": location_id,
                "description_en": PUBLIC_COMPUTER[0],
                "description_fr": PUBLIC_COMPUTER[1],
            }
            for s in PUBLIC_COMPUTER_SERVICES
        ]
    return rows


def _describe(raw: Mapping) -> str:
    return f"{raw.get('id')} {clean_cell(raw.get('city'))}: {clean_cell(raw.get('name'))}"


def _rejection(raw: Mapping, seen: set) -> Optional[str]:
    """Why a source place does not become a catalogue location, if it does not."""
    kind = raw.get("locationType") or {}
    code = kind.get("code", "")
    if code not in CENTRE_TYPES:
        return f"not a ServiceOntario centre: {code or 'no type'} ({clean_cell(kind.get('name')) or '?'})"
    if str(raw.get("id")) in SKIPPED_CENTRES:
        return SKIPPED_CENTRES[str(raw["id"])]
    if not re.fullmatch(r"\d+", str(raw.get("id", ""))):
        return "no usable id"
    if raw["id"] in seen:
        return "duplicate id (first kept)"
    if not clean_cell(raw.get("name")) or not clean_cell(raw.get("city")):
        return "no street address or no town"
    if town_place(clean_cell(raw["city"])) is None:
        return "town not in the gazetteer: no coordinates (add an alias to TOWN_ALIASES)"
    return None


def read_locations(source_path: Path) -> Iterable[Mapping]:
    data = json.loads(Path(source_path).read_text(encoding="utf-8"))
    if not isinstance(data, list) or (data and "locationType" not in data[0]):
        raise ValueError(f"{source_path} is not the ServiceOntario location finder's data.json")
    return data


def write_columns(summary: ImportSummary, out_dir: Path, table_name: str, rows: List[Dict[str, str]]) -> None:
    """Like ImportSummary.write, but only with the columns this importer fills, in tables.py order.

    Optional columns may be left out of a file; leaving out the ones this source
    cannot fill keeps the layer byte-identical when a column is added to tables.py.
    """
    table = TABLES_BY_NAME[table_name]
    produced = {column for row in rows for column in row}
    unknown = produced - set(table.column_names)
    if unknown:
        raise ValueError(f"{table_name} has no column(s) {', '.join(sorted(unknown))}")
    columns = [c for c in table.column_names if c in produced]
    ordered = sorted(rows, key=lambda row: tuple(row.get(k, "") for k in table.key))
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / f"{table_name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: row.get(c, "") for c in columns} for row in ordered)
    summary.written[table_name] = len(ordered)


def run(source_path: Path = DEFAULT_SOURCE, out_dir: Path = DEFAULT_OUT) -> ImportSummary:
    summary = ImportSummary(str(source_path))
    locations: List[Dict[str, str]] = []
    at_locations: List[Dict[str, str]] = []
    seen: set = set()
    for raw in read_locations(source_path):
        reason = _rejection(raw, seen)
        if reason:
            summary.skip(_describe(raw), reason)
            continue
        seen.add(raw["id"])
        city = clean_cell(raw["city"])
        if city in TOWN_ALIASES:
            summary.fallbacks[f"town found under another name (TOWN_ALIASES): {city}"] += 1
        place = town_place(city)
        if place is None:
            raise ValueError(f"ServiceOntario town {city!r} is not in the gazetteer: add its spelling to TOWN_ALIASES")
        row = location(raw, place)
        locations.append(row)
        at_locations += services_at(row["id"], raw["locationType"]["code"])
    write_columns(summary, Path(out_dir), "locations", locations)
    write_columns(summary, Path(out_dir), "service_at_location", at_locations)
    return summary
