"""Service Canada's 574 points of service in every province and territory, from its office finder.

The source is the crawl of the official "Find a Service Canada Office" pages
(../shared/data/service-canada-offices-2026/offices.json, crawled 2026-09-30):
bilingual names and street lines, coordinates and their precision, time zone,
weekly, monthly or dated hours with the lunch closure, closures, languages,
passport service levels, sign language, wheelchair access and parking.

Which benefits an office serves is not in the file, so that still comes from
what each kind of office is for (public knowledge, checked against the Service
Inventory's own description of service 1252, "In-Person Service": a network of
Service Canada Centres, scheduled outreach sites and passport-only offices):

- Service Canada Centre (`scc`): the in-person point for ESDC's benefits: SIN
  (gc-1292), Employment Insurance (gc-1003), Canada Pension Plan (gc-7), CPP
  disability (gc-991), Old Age Security (gc-1001, which in the inventory also
  covers the Guaranteed Income Supplement) and the in-person service itself
  (gc-1252).
- Passport office (`passport`): passports only, plus gc-1252.
- Service Canada Centre and Passport Services (`scc-passport`): both.
- Scheduled outreach site (`outreach`): staff visit a community on set days to
  take applications and answer questions on the most asked-for benefits: SIN,
  EI, CPP, OAS and gc-1252.
There is no My Service Canada Account service in the inventory.

Passports follow the office's own service levels (`pp`) instead of its kind:
any level links the passport application (gc-1242); a level where the passport
is issued and picked up at the office (urgent, express, 10-day pick-up) also
links the regular passport (gc-1491). Each level is also a service of its own
(urgent pick-up, express, pick-up in 10 business days, in person and mailed in
20 business days), owned by IRCC and declared in this layer's services.csv,
so "urgent passport near Iqaluit" finds the offices that really offer it.
Biometrics (`bio`) are not linked: the federal layer has no biometrics service.

A mapped federal service is linked only if the federal layer offers it in
person; anything else is reported, so a renumbered inventory shows up in the
summary instead of as a broken reference.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Mapping, Sequence, Set, Tuple

from services_catalog.geography import gazetteer, haversine_km, normalize_postal_code
from services_catalog.importers.csv_writer import DATA_DIR, SHARED_DATA, ImportSummary, clean_cell
from services_catalog.tables import DAYS, PROVINCES

DEFAULT_SOURCE = SHARED_DATA / "service-canada-offices-2026" / "offices.json"
DEFAULT_OUT = DATA_DIR / "service_canada_offices"
DEFAULT_SERVICES = DATA_DIR / "federal" / "services.csv"

CRAWLED = "2026-09-30"
SOURCE = f"Service Canada, Find a Service Canada Office (offices.service.canada.ca), crawled {CRAWLED}"
PASSPORT_BACKGROUNDER = (
    "https://www.canada.ca/en/employment-social-development/news/2023/05/backgrounder-on-passport-services.html"
)
OFFICE_URL = ("https://offices.service.canada.ca/en/Office/{id}", "https://bureaux.service.canada.ca/fr/Bureau/{id}")

ORGANIZATION_ID = "gc-service-canada"
ORGANIZATION = {
    "id": ORGANIZATION_ID,
    "name_en": "Service Canada",
    "name_fr": "Service Canada",
    "description_en": "Part of Employment and Social Development Canada: delivers federal services and "
    "benefits in person, online and by phone.",
    "description_fr": "Fait partie d'Emploi et Développement social Canada : offre des services et des "
    "prestations du gouvernement fédéral en personne, en ligne et par téléphone.",
    "url_en": "https://www.canada.ca/en/employment-social-development/corporate/portfolio/service-canada.html",
    "url_fr": "https://www.canada.ca/fr/emploi-developpement-social/ministere/portefeuille/service-canada.html",
    "jurisdiction_level": "federal",
    "source": SOURCE,
    "verification": "verified",
}
PASSPORT_ORGANIZATION_ID = "gc-immigration-refugees-and-citizenship-canada"

CENTRE_SERVICES = ("gc-1292", "gc-1003", "gc-7", "gc-991", "gc-1001", "gc-1252")
PASSPORT_OFFICE_SERVICES = ("gc-1252",)
OUTREACH_SERVICES = ("gc-1292", "gc-1003", "gc-7", "gc-1001", "gc-1252")
# kind → (location_type, federal services besides passports)
KINDS: Dict[str, Tuple[str, Tuple[str, ...]]] = {
    "scc": ("physical", CENTRE_SERVICES),
    "passport": ("physical", PASSPORT_OFFICE_SERVICES),
    "scc-passport": ("physical", CENTRE_SERVICES),
    "outreach": ("outreach_site", OUTREACH_SERVICES),
}
PASSPORT_APPLICATION = "gc-1242"
PASSPORT_ISSUED = "gc-1491"
ISSUED_HERE = ("urgent", "express", "pickup10")  # levels where the passport is printed and picked up here

PASSPORT_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/canadian-passports.html",
    "https://www.canada.ca/fr/immigration-refugies-citoyennete/services/passeports-canadiens.html",
)
EXTRA_FEE = ("Passport fee plus an extra service fee", "Frais de passeport et frais de service supplémentaires")


def _level(
    service_id: str,
    label: Tuple[str, str],
    name: Tuple[str, str],
    alternate: Tuple[str, str],
    description: Tuple[str, str],
    fees: Tuple[str, str] = ("", ""),
) -> Dict[str, str]:
    return {
        "id": service_id,
        "organization_id": PASSPORT_ORGANIZATION_ID,
        "name_en": name[0],
        "name_fr": name[1],
        "alternate_name_en": alternate[0],
        "alternate_name_fr": alternate[1],
        "description_en": description[0],
        "description_fr": description[1],
        "channels": "in_person",
        "url_en": PASSPORT_URL[0],
        "url_fr": PASSPORT_URL[1],
        "fees_en": fees[0],
        "fees_fr": fees[1],
        "status": "active",
        "source": f"{SOURCE}; {PASSPORT_BACKGROUNDER}",
        "verification": "verified",
        "_label_en": label[0],
        "_label_fr": label[1],
    }


# The passport service levels of the office finder (`pp`), as services of their own.
PASSPORT_LEVELS: Dict[str, Dict[str, str]] = {
    "urgent": _level(
        "gc-passport-urgent",
        ("urgent", "urgent"),
        ("Urgent passport pick-up", "Service urgent de passeport (retrait au bureau)"),
        ("urgent passport", "passeport urgent"),
        (
            "Apply in person at a passport office that offers it and pick up your passport by the end of the next "
            "business day; you must show that you need it.",
            "Présentez votre demande en personne à un bureau des passeports qui offre ce service et récupérez votre "
            "passeport avant la fin du jour ouvrable suivant; vous devez démontrer que vous en avez besoin.",
        ),
        EXTRA_FEE,
    ),
    "express": _level(
        "gc-passport-express",
        ("express", "express"),
        ("Express passport service", "Service express de passeport"),
        ("express passport", "passeport express"),
        (
            "Apply in person and pick up your passport at the office in 2 to 9 business days; you must show that "
            "you need it.",
            "Présentez votre demande en personne et récupérez votre passeport au bureau dans un délai de 2 à 9 jours "
            "ouvrables; vous devez démontrer que vous en avez besoin.",
        ),
        EXTRA_FEE,
    ),
    "pickup10": _level(
        "gc-passport-pickup-10-days",
        ("10-day pick-up", "retrait en 10 jours"),
        ("Passport pick-up in 10 business days", "Retrait du passeport en 10 jours ouvrables"),
        ("10-day passport", "passeport en 10 jours"),
        (
            "Apply in person and get your passport after 10 business days, picked up at the office or by mail.",
            "Présentez votre demande en personne et obtenez votre passeport après 10 jours ouvrables, au bureau ou "
            "par la poste.",
        ),
    ),
    "mail20": _level(
        "gc-passport-by-mail",
        (
            "application in person, passport by mail in 20 days",
            "demande en personne, passeport par la poste en 20 jours",
        ),
        (
            "Passport application in person, mailed in 20 business days",
            "Demande de passeport en personne, envoi par la poste en 20 jours ouvrables",
        ),
        ("", ""),
        (
            "Hand in your passport application in person here; your passport is mailed to you in 20 business days.",
            "Remettez votre demande de passeport en personne ici; votre passeport vous est envoyé par la poste en "
            "20 jours ouvrables.",
        ),
    ),
}
USUAL_EXPRESS_DAYS = (2, 9)
# The crawl's coordinates are not all where the office is (Fort McMurray's are 86 km north-west of the town).
# An urban postal code (second character not 0) covers a few blocks, so coordinates farther than this
# from it are wrong and the postal code's own point replaces them. A rural code (A0A) covers a whole
# area whose centre may be far from the office, so rural offices keep the source's coordinates.
MAX_KM_FROM_URBAN_POSTAL_CODE = 10.0

COORDINATE_PRECISION = {"address": "address", "postal": "postal_code", "city": "city"}
PARKING = {"free": "free_parking", "paid": "paid_parking"}
FEATURES = {
    "wheelchair": ("Wheelchair accessible", "Accessible en fauteuil roulant"),
    "asl": ("American Sign Language (ASL) interpretation", "Interprétation en American Sign Language (ASL)"),
    "lsq": ("Quebec Sign Language (LSQ) interpretation", "Interprétation en langue des signes québécoise (LSQ)"),
    "free_parking": ("Free parking", "Stationnement gratuit"),
    "paid_parking": ("Paid parking", "Stationnement payant"),
}
ORDINALS = {
    1: ("1st", "1er"),
    2: ("2nd", "2e"),
    3: ("3rd", "3e"),
    4: ("4th", "4e"),
    5: ("5th", "5e"),
    -1: ("last", "dernier"),
}
DAY_NAMES = (
    ("Monday", "lundi"),
    ("Tuesday", "mardi"),
    ("Wednesday", "mercredi"),
    ("Thursday", "jeudi"),
    ("Friday", "vendredi"),
    ("Saturday", "samedi"),
    ("Sunday", "dimanche"),
)
OUTREACH_DESCRIPTION = (
    "Service Canada staff visit this site on set days; check the office page for dates and times.",
    "Le personnel de Service Canada se rend à ce site à des dates fixes; consultez la page du bureau "
    "pour les dates et les heures.",
)
APPOINTMENT_ONLY = ("By appointment only: call {phone}.", "Sur rendez-vous seulement : composez le {phone}.")
BAD_APOSTROPHE = "¿"  # the source's one encoding slip ('l¿Ontario'), an apostrophe

Office = Mapping[str, Any]
Tables = Dict[str, List[Dict[str, str]]]


class Unusable(ValueError):
    """An office the importer could not turn into a location; the message is the reason."""


def read_offices(path: Path) -> List[Office]:
    offices = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(offices, list):
        raise ValueError(f"{path}: expected a JSON array of offices")
    return offices


def in_person_services(services_path: Path) -> Set[str]:
    with Path(services_path).open(encoding="utf-8-sig", newline="") as handle:
        return {row["id"] for row in csv.DictReader(handle) if "in_person" in row["channels"].split(";")}


def location_id(office: Office) -> str:
    return f"sc-{str(office['id']).lower()}"


def street(lines: Sequence[str], summary: ImportSummary) -> Tuple[str, str]:
    """(address_1, address_2): the civic line, then the building it is in when the source names one.

    The finder writes a building name above the civic line ('Federal Building',
    '120 Wellington Street West'); HSDS puts the street in address_1.
    """
    cleaned = []
    for line in lines:
        if BAD_APOSTROPHE in line:
            summary.fallbacks[f"'{BAD_APOSTROPHE}' in an address line read as an apostrophe"] += 1
            line = line.replace(BAD_APOSTROPHE, "’")
        cleaned.append(clean_cell(line))
    cleaned = [line for line in cleaned if line]
    if not cleaned:
        return "", ""
    return cleaned[-1], ", ".join(cleaned[:-1])


def coordinates(office: Office, postal_code: str, precision: str, summary: ImportSummary) -> Tuple[str, str, str]:
    """(latitude, longitude, precision): the source's, unless they are far from an urban postal code."""
    latitude, longitude = float(office["lat"]), float(office["lng"])
    if postal_code and postal_code[1] != "0":
        place, fsa = gazetteer().postal_code(postal_code), gazetteer().fsa(postal_code[:3])
        known = place is not None and not (fsa and (fsa.latitude, fsa.longitude) == (place.latitude, place.longitude))
        if (
            known
            and place is not None
            and haversine_km(latitude, longitude, place.latitude, place.longitude) > MAX_KM_FROM_URBAN_POSTAL_CODE
        ):
            summary.fallbacks[
                f"coordinates over {MAX_KM_FROM_URBAN_POSTAL_CODE:g} km from the office's urban postal "
                "code: placed at the postal code instead"
            ] += 1
            return f"{place.latitude:.4f}", f"{place.longitude:.4f}", "postal_code"
    return str(latitude), str(longitude), precision


def location(office: Office, location_type: str, summary: ImportSummary) -> Dict[str, str]:
    loc_id = location_id(office)
    province = office.get("prov")
    if province not in PROVINCES:
        raise Unusable(f"province '{province}' is not a province or territory code")
    address_1, address_2 = street(office["lines"]["en"], summary)
    address_1_fr, address_2_fr = street(office["lines"].get("fr", []), summary)
    if not address_1:
        raise Unusable("no street address")
    if not address_1_fr:
        summary.fallbacks["no French address lines: English only"] += 1
    postal_code = normalize_postal_code(office.get("postal") or "")
    if postal_code is None:
        summary.fallbacks["postal code missing or malformed: left empty"] += 1
    precision = COORDINATE_PRECISION.get(office.get("geo", ""), "")
    if not precision:
        summary.fallbacks[f"coordinate precision '{office.get('geo')}' unknown: left empty"] += 1
    latitude, longitude, precision = coordinates(office, postal_code or "", precision, summary)
    if precision == "city":
        summary.fallbacks["coordinates only to the centre of the town (geo=city)"] += 1
    description_en, description_fr = [], []
    if office.get("apptOnly"):
        phone = office["apptOnly"]["phone"]
        description_en.append(APPOINTMENT_ONLY[0].format(phone=phone))
        description_fr.append(APPOINTMENT_ONLY[1].format(phone=phone))
    if office.get("note"):
        description_en.append(clean_cell(office["note"]["en"]))
        description_fr.append(clean_cell(office["note"]["fr"]))
    if location_type == "outreach_site":
        description_en.append(OUTREACH_DESCRIPTION[0])
        description_fr.append(OUTREACH_DESCRIPTION[1])
    return {
        "id": loc_id,
        "organization_id": ORGANIZATION_ID,
        "name_en": clean_cell(office["name"]["en"]),
        "name_fr": clean_cell(office["name"]["fr"]),
        "description_en": " ".join(description_en),
        "description_fr": " ".join(description_fr),
        "location_type": location_type,
        "address_1": address_1,
        "address_2": address_2,
        "address_1_fr": address_1_fr,
        "address_2_fr": address_2_fr,
        "city": clean_cell(office["city"]["en"]),
        "state_province": province,
        "postal_code": postal_code or "",
        "latitude": latitude,
        "longitude": longitude,
        "coordinates_precision": precision,
        "time_zone": office.get("tz", ""),
        "last_verified": CRAWLED,
        "url_en": OFFICE_URL[0].format(id=office["id"]),
        "url_fr": OFFICE_URL[1].format(id=office["id"]),
        "source": SOURCE,
        "verification": "verified",
    }


# --- hours -----------------------------------------------------------------------------------------------


def periods(opens: str, closes: str, lunch: Sequence[str], summary: ImportSummary, item: str) -> List[Tuple[str, str]]:
    """One opening, or two when the lunch closure falls inside it."""
    if not opens < closes:
        summary.skip(f"{item} {opens}-{closes}", "hours that do not close after they open (a source typo?)")
        return []
    if not lunch:
        return [(opens, closes)]
    lunch_from, lunch_to = lunch
    if opens < lunch_from < lunch_to < closes:
        return [(opens, lunch_from), (lunch_to, closes)]
    if lunch_to <= opens or closes <= lunch_from:
        return [(opens, closes)]  # open only before or only after lunch
    summary.fallbacks["lunch closure overlapping an opening or closing time: hours kept whole"] += 1
    return [(opens, closes)]


def _schedule(row_id: str, loc_id: str, byday: str, span: Tuple[str, str], **extra: str) -> Dict[str, str]:
    return {
        "id": row_id,
        "location_id": loc_id,
        "byday": byday,
        "opens_at": span[0],
        "closes_at": span[1],
        **extra,
        "source": SOURCE,
        "verification": "verified",
    }


def schedules(office: Office, loc_id: str, summary: ImportSummary) -> List[Dict[str, str]]:
    lunch = office.get("lunch") or ()
    rows: List[Dict[str, str]] = []
    groups: Dict[Tuple[str, str], List[int]] = {}
    for iso_day, opens, closes in office.get("weekly", []):
        groups.setdefault((opens, closes), []).append(iso_day)
    ordered = sorted(groups.items(), key=lambda item: min(item[1]))
    for number, ((opens, closes), days) in enumerate(ordered, start=1):
        byday = ";".join(DAYS[day - 1] for day in sorted(days))
        for part, span in enumerate(periods(opens, closes, lunch, summary, f"{loc_id} {byday}"), start=1):
            rows.append(_schedule(f"{loc_id}-weekly-{number}-{part}", loc_id, byday, span))
    for number, (weeks, iso_day, opens, closes) in enumerate(office.get("monthly", []), start=1):
        if not weeks or any(week not in ORDINALS for week in weeks):
            summary.fallbacks["monthly hours with a week of the month other than 1-5 or last: left out"] += 1
            continue
        byday = ";".join(f"{week}{DAYS[iso_day - 1]}" for week in weeks)
        words_en = " and ".join(ORDINALS[week][0] for week in weeks)
        words_fr = " et ".join(ORDINALS[week][1] for week in weeks)
        day_en, day_fr = DAY_NAMES[iso_day - 1]
        for part, span in enumerate(periods(opens, closes, lunch, summary, f"{loc_id} {byday}"), start=1):
            rows.append(
                _schedule(
                    f"{loc_id}-monthly-{number}-{part}",
                    loc_id,
                    byday,
                    span,
                    description_en=f"{words_en} {day_en} of the month",
                    description_fr=f"{words_fr} {day_fr} du mois",
                )
            )
    for day, opens, closes in office.get("dated", []):
        weekday = DAYS[date.fromisoformat(day).weekday()]
        for part, span in enumerate(periods(opens, closes, lunch, summary, f"{loc_id} {day}"), start=1):
            rows.append(_schedule(f"{loc_id}-{day}-{part}", loc_id, weekday, span, valid_from=day, valid_to=day))
    return rows


def closures(office: Office, loc_id: str, summary: ImportSummary) -> List[Dict[str, str]]:
    rows = [
        {"id": f"{loc_id}-closed-{day}", "location_id": loc_id, "start_date": day, "end_date": day, "source": SOURCE}
        for day in office.get("closedOn", [])
    ]
    closure = office.get("closure")
    if closure:
        if not closure.get("to"):
            summary.fallbacks["closure with no end date: closed until further notice"] += 1
        cause = closure.get("cause") or {}
        rows.append(
            {
                "id": f"{loc_id}-closed-{closure['from']}",
                "location_id": loc_id,
                "start_date": closure["from"],
                "end_date": closure.get("to", ""),
                "reason_en": clean_cell(cause.get("en")),
                "reason_fr": clean_cell(cause.get("fr")),
                "source": SOURCE,
            }
        )
    return rows


# --- services, access, languages ----------------------------------------------------------------------


def passport_services(office: Office, loc_id: str, offered: Set[str], summary: ImportSummary) -> List[Dict[str, str]]:
    levels = list(office.get("pp", []))
    unknown = [level for level in levels if level not in PASSPORT_LEVELS]
    for level in unknown:
        summary.fallbacks[f"passport level '{level}' unknown: ignored"] += 1
    levels = [level for level in levels if level in PASSPORT_LEVELS]
    if not levels:
        summary.fallbacks["no passport service level listed: no passport service linked"] += 1
        return []
    labels_en = ", ".join(PASSPORT_LEVELS[level]["_label_en"] for level in levels)
    labels_fr = ", ".join(PASSPORT_LEVELS[level]["_label_fr"] for level in levels)
    rows = []
    federal = [PASSPORT_APPLICATION] + ([PASSPORT_ISSUED] if set(levels) & set(ISSUED_HERE) else [])
    for service_id in federal:
        if service_id not in offered:
            summary.fallbacks[f"{service_id} not linked: not offered in person in the federal layer"] += 1
            continue
        row = {"id": f"{loc_id}--{service_id}", "service_id": service_id, "location_id": loc_id}
        if service_id == PASSPORT_APPLICATION:
            row.update(
                description_en=f"Passport services here: {labels_en}",
                description_fr=f"Services de passeport ici : {labels_fr}",
            )
        rows.append(row)
    for level in levels:
        service_id = PASSPORT_LEVELS[level]["id"]
        row = {"id": f"{loc_id}--{service_id}", "service_id": service_id, "location_id": loc_id}
        express_days = tuple(office.get("expressDays") or USUAL_EXPRESS_DAYS)
        if level == "express" and express_days != USUAL_EXPRESS_DAYS:
            summary.fallbacks["express passport window other than 2 to 9 business days: said at the office"] += 1
            row.update(
                description_en=f"Express service here takes {express_days[0]} to {express_days[1]} business days.",
                description_fr=f"Le service express prend ici de {express_days[0]} à {express_days[1]} "
                "jours ouvrables.",
            )
        rows.append(row)
    return rows


def services_at(
    office: Office, loc_id: str, kind_services: Tuple[str, ...], offered: Set[str], summary: ImportSummary
) -> List[Dict[str, str]]:
    rows = []
    for service_id in kind_services:
        if service_id not in offered:
            summary.fallbacks[f"{service_id} not linked: not offered in person in the federal layer"] += 1
            continue
        rows.append({"id": f"{loc_id}--{service_id}", "service_id": service_id, "location_id": loc_id})
    if office.get("bio"):
        summary.fallbacks["gives biometrics (bio): not linked, the federal layer has no biometrics service"] += 1
    return rows + passport_services(office, loc_id, offered, summary)


def accessibility(office: Office, loc_id: str, summary: ImportSummary) -> List[Dict[str, str]]:
    features = ["wheelchair"] if office.get("wheelchair") else []
    for code in office.get("sign", []):
        if code in FEATURES:
            features.append(code)
        else:
            summary.fallbacks[f"sign language '{code}' unknown: ignored"] += 1
    parking = office.get("parking")
    if parking in PARKING:
        features.append(PARKING[parking])
    elif parking:
        summary.fallbacks[f"parking '{parking}' unknown: ignored"] += 1
    return [
        {
            "id": f"{loc_id}-{feature.replace('_', '-')}",
            "location_id": loc_id,
            "feature": feature,
            "description_en": FEATURES[feature][0],
            "description_fr": FEATURES[feature][1],
        }
        for feature in features
    ]


def languages(office: Office, loc_id: str, summary: ImportSummary) -> List[Dict[str, str]]:
    codes = list(dict.fromkeys(office.get("lang", [])))
    if not codes:
        summary.fallbacks["service languages not given: none listed"] += 1
    return [{"id": f"{loc_id}-{code}", "location_id": loc_id, "code": code} for code in codes]


def phones(office: Office, loc_id: str) -> List[Dict[str, str]]:
    if not office.get("apptOnly"):
        return []
    return [
        {
            "id": f"{loc_id}-appointments",
            "location_id": loc_id,
            "number": office["apptOnly"]["phone"],
            "type": "voice",
            "description_en": "Appointments",
            "description_fr": "Rendez-vous",
        }
    ]


def level_services() -> List[Dict[str, str]]:
    return [{k: v for k, v in row.items() if not k.startswith("_")} for row in PASSPORT_LEVELS.values()]


def run(
    source_path: Path = DEFAULT_SOURCE, out_dir: Path = DEFAULT_OUT, services_path: Path = DEFAULT_SERVICES
) -> ImportSummary:
    """Import the offices of `source_path` into the layer at `out_dir`."""
    summary = ImportSummary(str(source_path))
    offered = in_person_services(services_path) | {row["id"] for row in PASSPORT_LEVELS.values()}
    tables: Tables = {
        name: []
        for name in (
            "locations",
            "service_at_location",
            "phones",
            "schedules",
            "languages",
            "closures",
            "accessibility",
        )
    }
    seen: Set[str] = set()
    for office in read_offices(source_path):
        name = str((office.get("name") or {}).get("en") or office.get("id", "?"))
        try:
            kind = KINDS.get(office.get("kind", ""))
            if kind is None:
                raise Unusable(f"office kind '{office.get('kind')}' has no service mapping")
            row = location(office, kind[0], summary)
            if row["id"] in seen:
                raise Unusable(f"office id {office['id']} listed twice (first kept)")
        except (Unusable, KeyError, TypeError, ValueError) as reason:
            summary.skip(name, str(reason) if isinstance(reason, Unusable) else f"malformed office: {reason!r}")
            continue
        seen.add(row["id"])
        loc_id = row["id"]
        tables["locations"].append(row)
        tables["service_at_location"] += services_at(office, loc_id, kind[1], offered, summary)
        tables["phones"] += phones(office, loc_id)
        hours = schedules(office, loc_id, summary)
        if not hours:
            summary.fallbacks["no hours in the source: no schedule"] += 1
        tables["schedules"] += hours
        tables["languages"] += languages(office, loc_id, summary)
        tables["closures"] += closures(office, loc_id, summary)
        tables["accessibility"] += accessibility(office, loc_id, summary)
    out_dir = Path(out_dir)
    summary.write(out_dir, "organizations", [ORGANIZATION])
    summary.write(out_dir, "services", level_services())
    for table, rows in tables.items():
        summary.write(out_dir, table, rows)
    return summary
