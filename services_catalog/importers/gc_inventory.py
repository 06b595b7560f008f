"""The federal layer, regenerated from the Government of Canada Service Inventory.

The inventory (Treasury Board Secretariat, Open Government Licence – Canada)
lists every federal service with bilingual names, descriptions and URLs, but it
was written for reporting, not for clients: internal services sit beside
external ones, channels include email and fax that the catalogue cannot offer,
cells say `ND`/`NA` for "no data", and Excel left `_x000D_` in the text. This
importer keeps what a client can use and says, in its summary, what it dropped.

Every external service is imported, with the channels the catalogue can name:
- `onl` → online, only when the service has a URL in both languages (validation
  rejects an `online` channel a client could not follow); the drop is counted;
- `person` → in_person, `post` → mail;
- `tel` → phone, although the inventory has no phone numbers: the phone column
  stays empty and the assistant points to the service page (add the number
  here by hand, or in another layer's phones.csv, when it is known);
- `eml`, `fax`, `oth` have no catalogue channel.
A service left with no catalogue channel (email, fax or other only, no channel
listed, or online without a URL) is still imported, with `channels` empty, and
counted in the summary: the client still learns that the service exists and
which department to contact, which a skipped row would hide.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from services_catalog.importers.csv_writer import DATA_DIR, SHARED_DATA, ImportSummary, clean_cell
from services_catalog.tables import CHANNELS
from services_catalog.text import fold

DEFAULT_SOURCE = SHARED_DATA / "gc-service-inventory" / "services_2019-2020.csv"
DEFAULT_OUT = DATA_DIR / "federal"

REQUIRED_COLUMNS = (
    "service_id",
    "service_name_en",
    "service_name_fr",
    "department_name_en",
    "department_name_fr",
    "external_internal",
    "service_description_en",
    "service_description_fr",
    "service_url_en",
    "service_url_fr",
    "service_fee",
    "service_channels",
)
CHANNEL_BY_CODE = {"onl": "online", "person": "in_person", "post": "mail", "tel": "phone"}
FEES = {"Y": ("Fees apply", "Des frais s'appliquent"), "N": ("Free", "Gratuit")}
DESCRIPTION_LIMIT = 400
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_SEVERAL_URLS = re.compile(r",\s*(?=https?://)")


def citation(fiscal_year: str) -> str:
    year = f" {fiscal_year}" if fiscal_year else ""
    return (
        f"Treasury Board of Canada Secretariat, Government of Canada Service Inventory{year}, "
        "Open Government Portal (Open Government Licence – Canada)"
    )


def slug(text: str) -> str:
    return fold(text).replace(" ", "-")


def shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """At most `limit` characters, ending on a whole sentence when one is long enough to stand alone.

    The bot reads descriptions out in a chat bubble; the inventory's longest run
    to 1,500 characters of program detail a client does not need.
    """
    if len(text) <= limit:
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text[: limit + 1]) if m.end() >= limit // 2]
    if ends:
        return text[: ends[-1]]
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def abbreviations(name: str) -> List[str]:
    """Abbreviations written in parentheses: '(OAS)', '(GST/HST)', '(IDEaS)', but not '(for individuals)'."""
    found = []
    for inner in _PARENTHESES.findall(name):
        letters = [c for c in inner if c.isalpha()]
        capitals = sum(c.isupper() for c in letters)
        if (
            2 <= len(inner) <= 12
            and " " not in inner
            and inner[0].isalpha()
            and capitals >= 2
            and capitals * 2 >= len(letters)
            and inner not in found
        ):
            found.append(inner)
    return found


def bilingual(english: str, french: str, what: str, summary: ImportSummary) -> Tuple[str, str]:
    """Both languages or neither, as validation requires: a lone text stands in for the missing one."""
    if bool(english) != bool(french):
        summary.fallbacks[f"{what} in one language only, used for both"] += 1
        return english or french, english or french
    return english, french


def channels(codes: str, has_url: bool) -> List[str]:
    """Catalogue channels for the inventory's codes, in the catalogue's order; online only with a URL."""
    wanted = {CHANNEL_BY_CODE[c.strip()] for c in codes.split(",") if c.strip() in CHANNEL_BY_CODE}
    if not has_url:
        wanted.discard("online")
    return [c for c in CHANNELS if c in wanted]


def _count_channel_gaps(codes: str, has_url: bool, offered: List[str], summary: ImportSummary) -> None:
    """Say in the summary which channels were dropped and why a service has none."""
    listed = {c.strip() for c in codes.split(",") if c.strip()}
    if "onl" in listed and not has_url:
        summary.fallbacks["online channel dropped: no URL in either language"] += 1
    if offered:
        return
    if not listed:
        reason = "no channel listed in the inventory: channels left empty"
    elif "onl" in listed:
        reason = "online without a URL and no other channel the catalogue names: channels left empty"
    else:
        reason = "no channel the catalogue names (email, fax or other only): channels left empty"
    summary.fallbacks[reason] += 1


def first_url(value: str) -> str:
    """The first address of a cell that may list several ('https://a,https://b'); '' if it is not a web address."""
    first = _SEVERAL_URLS.split(value, 1)[0]
    return first if _URL.match(first) else ""


def _cells(raw: Mapping[str, str]) -> Dict[str, str]:
    return {column: clean_cell(raw.get(column)) for column in raw if column}


def translated_abbreviation(known: List[str], description_known: str, description_other: str) -> List[str]:
    """The other language's abbreviation, read from its description when both descriptions are parallel.

    'Old Age Security (OAS) Benefits' has no French abbreviation in its French
    name, but the descriptions open with '... (OAS) pension' and '... (SV)': when
    the first abbreviation of one description is the name's, the first of the
    other description is its translation.
    """
    first_known = abbreviations(description_known)[:1]
    first_other = abbreviations(description_other)[:1]
    return first_other if first_other and first_known == known[:1] else []


def _names(cells: Mapping[str, str], summary: ImportSummary) -> Tuple[str, str, str, str]:
    """Name and alternate name in both languages."""
    name_en, name_fr = bilingual(cells["service_name_en"], cells["service_name_fr"], "service name", summary)
    short_en, short_fr = abbreviations(name_en), abbreviations(name_fr)
    description_en, description_fr = cells["service_description_en"], cells["service_description_fr"]
    if short_en and not short_fr:
        short_fr = translated_abbreviation(short_en, description_en, description_fr)
    elif short_fr and not short_en:
        short_en = translated_abbreviation(short_fr, description_fr, description_en)
    alt_en, alt_fr = bilingual("; ".join(short_en), "; ".join(short_fr), "abbreviation", summary)
    return name_en, name_fr, alt_en, alt_fr


def organization(cells: Mapping[str, str], summary: ImportSummary) -> Dict[str, str]:
    name_en, name_fr = bilingual(cells["department_name_en"], cells["department_name_fr"], "department name", summary)
    return {
        "id": f"gc-{slug(name_en)}",
        "name_en": name_en,
        "name_fr": name_fr,
        "jurisdiction_level": "federal",
        "source": citation(cells.get("fiscal_yr", "")),
        "verification": "verified",
    }


def service(cells: Mapping[str, str], organization_id: str, summary: ImportSummary) -> Dict[str, str]:
    """The catalogue row for one external service, with whatever channels the catalogue can name (maybe none)."""
    service_id = f"gc-{cells['service_id'].lower()}"
    url_en, url_fr = bilingual(first_url(cells["service_url_en"]), first_url(cells["service_url_fr"]), "URL", summary)
    offered = channels(cells["service_channels"], bool(url_en))
    _count_channel_gaps(cells["service_channels"], bool(url_en), offered, summary)
    name_en, name_fr, alt_en, alt_fr = _names(cells, summary)
    description_en, description_fr = bilingual(
        shorten(cells["service_description_en"]), shorten(cells["service_description_fr"]), "description", summary
    )
    fees_en, fees_fr = FEES.get(cells["service_fee"], ("", ""))
    return {
        "id": service_id,
        "organization_id": organization_id,
        "name_en": name_en,
        "name_fr": name_fr,
        "alternate_name_en": alt_en,
        "alternate_name_fr": alt_fr,
        "description_en": description_en,
        "description_fr": description_fr,
        "channels": ";".join(offered),
        "url_en": url_en,
        "url_fr": url_fr,
        "fees_en": fees_en,
        "fees_fr": fees_fr,
        "status": "active",
        "source": f"{citation(cells.get('fiscal_yr', ''))}, service {cells['service_id']}",
        "verification": "verified",
    }


def _rejection(cells: Mapping[str, str], seen: set) -> Optional[str]:
    """Why a raw row cannot become a catalogue service, if it cannot."""
    if "extern" not in cells["external_internal"]:
        return "internal or enterprise-only service"
    if not _ID.match(f"gc-{cells['service_id'].lower()}"):
        return "no usable service_id"
    if cells["service_id"] in seen:
        return "duplicate service_id (first row kept)"
    if not (cells["service_name_en"] or cells["service_name_fr"]):
        return "no name"
    if not (cells["department_name_en"] or cells["department_name_fr"]):
        return "no department"
    return None


def read_inventory(source_path: Path) -> Iterable[Dict[str, str]]:
    # utf-8-sig drops the byte-order mark that would otherwise glue itself to the first column name.
    with Path(source_path).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{source_path} lacks column(s) {', '.join(missing)}; is it the service inventory?")
        for raw in reader:
            yield _cells(raw)


def run(source_path: Path = DEFAULT_SOURCE, out_dir: Path = DEFAULT_OUT) -> ImportSummary:
    summary = ImportSummary(str(source_path))
    organizations: Dict[str, Dict[str, str]] = {}
    services: List[Dict[str, str]] = []
    seen: set = set()
    for cells in read_inventory(source_path):
        reason = _rejection(cells, seen)
        if reason:
            summary.skip(cells["service_id"] or "(no id)", reason)
            continue
        seen.add(cells["service_id"])
        org = organization(cells, summary)
        organizations.setdefault(org["id"], org)
        services.append(service(cells, org["id"], summary))
    summary.write(Path(out_dir), "organizations", organizations.values())
    summary.write(Path(out_dir), "services", services)
    return summary
