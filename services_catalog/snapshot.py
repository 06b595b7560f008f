"""One build of the catalogue, loaded into memory with its search indexes.

A snapshot is immutable: a reload builds a new one beside it and swaps the
reference, so a request in flight always sees one consistent catalogue.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

from sqlalchemy import select
from sqlalchemy.engine import Connection

from services_catalog.model import (
    Bilingual,
    Bundle,
    Closure,
    Cost,
    Criterion,
    CrossPromotion,
    Fact,
    LifeEvent,
    Location,
    OpeningHours,
    Organization,
    Outreach,
    Phone,
    Service,
    ServiceFacts,
)
from services_catalog.schema import SA_TABLES, catalogue_meta
from services_catalog.tables import CHANNELS
from services_catalog.text import fold
from services_catalog.text_index import Synonyms, TextIndex

Record = Mapping[str, Any]
NAME, ALIAS, CONTEXT = 1.0, 0.95, 0.3


def _pair(row: Record, stem: str) -> Bilingual:
    return Bilingual(row.get(f"{stem}_en") or "", row.get(f"{stem}_fr") or "")


def _date(value: Optional[str]) -> Optional[date]:
    return date.fromisoformat(value) if value else None


def _aliases(pair: Bilingual) -> List[Tuple[str, float]]:
    return [(alias, ALIAS) for text in (pair.en, pair.fr) for alias in text.split(";") if alias.strip()]


def _named(name: Bilingual, alias: Bilingual, *context: str) -> List[Tuple[str, float]]:
    return [(name.en, NAME), (name.fr, NAME), *_aliases(alias), *[(text, CONTEXT) for text in context if text]]


@dataclass
class Snapshot:
    build_id: str
    built_at: str
    organizations: Dict[str, Organization]
    services: Dict[str, Service]
    locations: Dict[str, Location]
    bundles: Dict[str, Bundle]
    life_events: Dict[str, LifeEvent]
    outreach: List[Outreach]
    cross_promotions: List[CrossPromotion]
    locations_by_service: Dict[str, List[Tuple[Location, Tuple[OpeningHours, ...]]]]
    services_by_location: Dict[str, List[Service]]
    bundles_by_service: Dict[str, List[Bundle]]
    service_index: TextIndex
    location_index: TextIndex
    bundle_index: TextIndex
    life_event_index: TextIndex
    # What is particular about a service at one location (which passport service levels an office
    # offers, which counter), by (service id, location id).
    notes: Dict[Tuple[str, str], Bilingual] = field(default_factory=dict)
    facts: Dict[str, ServiceFacts] = field(default_factory=dict)
    # The provincial services that stand in for a federal one, by (federal service id, province), by id.
    stand_ins: Dict[Tuple[str, str], List[Service]] = field(default_factory=dict)
    # Each office's organization and names, folded, where a client's words for an organization are looked for;
    # and every word of them, to tell those words from the client's others ("Service Canada stuff").
    office_names: Dict[str, str] = field(default_factory=dict)
    office_words: FrozenSet[str] = frozenset()
    # Organizations' names of two words or more, folded, longest first: "Retraite Québec" names no retirement.
    organization_names: Tuple[str, ...] = ()


def _channels(listed: Optional[str], added: Sequence[Record]) -> Tuple[str, ...]:
    """The service row's channels and those service_channels.csv adds, in the usual order."""
    present = set((listed or "").split(";")) | {r["channel"] for r in added}
    return tuple(c for c in CHANNELS if c in present)


def _stand_ins(services: Dict[str, Service]) -> Dict[Tuple[str, str], List[Service]]:
    found: Dict[Tuple[str, str], List[Service]] = defaultdict(list)
    for service in sorted(services.values(), key=lambda s: s.id):
        if service.replaces and service.organization.state_province:
            found[(service.replaces, service.organization.state_province)].append(service)
    return dict(found)


def _hours(rows: Sequence[Record]) -> Tuple[OpeningHours, ...]:
    return tuple(
        OpeningHours(
            tuple(r["byday"].split(";")),
            time.fromisoformat(r["opens_at"]),
            time.fromisoformat(r["closes_at"]),
            _date(r["valid_from"]),
            _date(r["valid_to"]),
            _pair(r, "description"),
        )
        for r in rows
    )


def _phone(r: Record) -> Phone:
    return Phone(r["number"], r["type"], _pair(r, "description"))


def _closures(rows: Sequence[Record]) -> Tuple[Closure, ...]:
    return tuple(
        Closure(date.fromisoformat(r["start_date"]), _date(r["end_date"]), _pair(r, "reason"))
        for r in sorted(rows, key=lambda r: r["start_date"])
    )


def load_snapshot(conn: Connection) -> Snapshot:
    data = {name: [dict(r) for r in conn.execute(select(table)).mappings()] for name, table in SA_TABLES.items()}
    meta = conn.execute(select(catalogue_meta)).mappings().first()

    organizations = {
        r["id"]: Organization(
            r["id"],
            _pair(r, "name"),
            _pair(r, "url"),
            r["jurisdiction_level"],
            r["state_province"],
            r["verification"],
            r["phone"],
            _pair(r, "locator_url"),
        )
        for r in data["organizations"]
    }
    phones = {
        name: {owner: tuple(_phone(p) for p in rows) for owner, rows in _group(data["phones"], name).items()}
        for name in ("service_id", "location_id")
    }
    added = _group(data["service_channels"], "service_id")
    services = {
        r["id"]: Service(
            r["id"],
            organizations[r["organization_id"]],
            _pair(r, "name"),
            _pair(r, "alternate_name"),
            _pair(r, "description"),
            _channels(r["channels"], added.get(r["id"], [])),
            _pair(r, "url"),
            r["phone"],
            _pair(r, "fees"),
            _pair(r, "eligibility"),
            _pair(r, "documents"),
            r["status"],
            r["verification"],
            phones["service_id"].get(r["id"], ()),
            r.get("replaces") or None,
        )
        for r in data["services"]
    }
    by_location: Dict[str, Dict[str, List[Record]]] = {
        name: _group(data[name], "location_id") for name in ("languages", "schedules", "closures", "accessibility")
    }
    locations = {
        r["id"]: Location(
            r["id"],
            organizations[r["organization_id"]],
            _pair(r, "name"),
            _pair(r, "description"),
            r["location_type"],
            r["address_1"],
            r["address_2"],
            r["city"],
            r["state_province"],
            r["postal_code"],
            r["latitude"],
            r["longitude"],
            _pair(r, "url"),
            r["verification"],
            phones["location_id"].get(r["id"], ()),
            tuple(sorted(lang["code"] for lang in by_location["languages"].get(r["id"], []))),
            _hours(by_location["schedules"].get(r["id"], [])),
            r["coordinates_precision"] or "address",
            r["time_zone"],
            _date(r["last_verified"]),
            (r["address_1_fr"] or "", r["address_2_fr"] or ""),
            _closures(by_location["closures"].get(r["id"], [])),
            tuple(sorted(a["feature"] for a in by_location["accessibility"].get(r["id"], []))),
        )
        for r in data["locations"]
    }
    sal_hours = _group(data["schedules"], "service_at_location_id")
    locations_by_service: Dict[str, List[Tuple[Location, Tuple[OpeningHours, ...]]]] = defaultdict(list)
    services_by_location: Dict[str, List[Service]] = defaultdict(list)
    for r in data["service_at_location"]:
        location, service = locations[r["location_id"]], services[r["service_id"]]
        locations_by_service[service.id].append((location, _hours(sal_hours.get(r["id"], []))))
        services_by_location[location.id].append(service)

    bundles = {
        r["id"]: Bundle(
            r["id"],
            organizations[r["organization_id"]],
            _pair(r, "name"),
            _pair(r, "description"),
            _pair(r, "url"),
            _members(data["bundle_services"], "bundle_id", r["id"], services),
            r["verification"],
        )
        for r in data["bundles"]
    }
    bundles_by_service: Dict[str, List[Bundle]] = defaultdict(list)
    for bundle in bundles.values():
        for service in bundle.services:
            bundles_by_service[service.id].append(bundle)
    life_events = {
        r["id"]: LifeEvent(
            r["id"],
            _pair(r, "name"),
            _pair(r, "description"),
            _members(data["life_event_services"], "life_event_id", r["id"], services),
        )
        for r in data["life_events"]
    }
    synonyms = Synonyms((r["term"], r["expansion"]) for r in data["synonyms"])
    aliases = {r["id"]: _pair(r, "alternate_name") for r in data["bundles"] + data["life_events"]}
    office_names = {
        loc.id: fold(f"{loc.organization.name.en} {loc.organization.name.fr} {loc.name.en} {loc.name.fr}")
        for loc in locations.values()
    }
    return Snapshot(
        build_id=meta["build_id"] if meta else "",
        built_at=meta["built_at"] if meta else "",
        organizations=organizations,
        services=services,
        locations=locations,
        bundles=bundles,
        life_events=life_events,
        office_names=office_names,
        office_words=frozenset(word for name in office_names.values() for word in name.split()),
        organization_names=tuple(
            sorted(
                {f for o in organizations.values() for n in (o.name.en, o.name.fr) if len((f := fold(n)).split()) > 1},
                key=len,
                reverse=True,
            )
        ),
        outreach=_outreach(data, organizations, services, locations),
        cross_promotions=[
            CrossPromotion(
                r["id"],
                services[r["service_id"]],
                organizations[r["promoter_organization_id"]],
                r["channel"],
                locations.get(r["location_id"] or ""),
                r["community"],
                _pair(r, "description"),
                _date(r["start_date"]),
                _date(r["end_date"]),
                r["verification"],
            )
            for r in data["cross_promotions"]
        ],
        locations_by_service=dict(locations_by_service),
        services_by_location=dict(services_by_location),
        stand_ins=_stand_ins(services),
        notes={
            (r["service_id"], r["location_id"]): _pair(r, "description")
            for r in data["service_at_location"]
            if r.get("description_en") or r.get("description_fr")
        },
        bundles_by_service=dict(bundles_by_service),
        facts=_facts(data),
        service_index=TextIndex(
            {
                s.id: _named(s.name, s.alternate_name, s.description.en, s.description.fr)
                for s in services.values()
                if s.status == "active"
            },
            synonyms,
            _reach(locations_by_service),
        ),
        location_index=TextIndex(
            {
                # The building is often what people name: "the passport office at Complexe Guy-Favreau".
                loc.id: _named(loc.name, Bilingual(), loc.address_1, loc.address_2 or "", loc.address_fr[1], loc.city)
                for loc in locations.values()
            }
        ),
        bundle_index=TextIndex(
            {b.id: _named(b.name, aliases[b.id], b.description.en, b.description.fr) for b in bundles.values()},
            synonyms,
        ),
        life_event_index=TextIndex({e.id: _named(e.name, aliases[e.id]) for e in life_events.values()}, synonyms),
    )


def _facts(data: Mapping[str, Sequence[Record]]) -> Dict[str, ServiceFacts]:
    """Documents, fees, processing times, criteria and amounts paid by service id, each in file order
    (criteria by position)."""

    def provenance(r: Record) -> Tuple[str, Optional[date], str]:
        return r["source"], _date(r["last_verified"]), r["verification"]

    def fact(r: Record, stem: str) -> Fact:
        return Fact(r["id"], _pair(r, "variant"), _pair(r, stem), *provenance(r), channel=r.get("channel"))

    def split(text: Optional[str]) -> Tuple[str, ...]:
        return tuple(part.strip() for part in (text or "").split(";") if part.strip())

    documents = _group(data["required_documents"], "service_id")
    costs = _group(data["cost_options"], "service_id")
    times = _group(data["processing_times"], "service_id")
    criteria = _group(data["eligibility_criteria"], "service_id")
    amounts = _group(data["benefit_amounts"], "service_id")
    return {
        service_id: ServiceFacts(
            documents=tuple(fact(r, "document") for r in documents.get(service_id, [])),
            costs=tuple(
                Cost(r["id"], _pair(r, "option"), float(r["amount"]), r["currency"], *provenance(r))
                for r in costs.get(service_id, [])
            ),
            processing_times=tuple(fact(r, "standard") for r in times.get(service_id, [])),
            criteria=tuple(
                Criterion(
                    r["id"],
                    int(r["position"]),
                    _pair(r, "question"),
                    split(r["answers"]),
                    tuple(zip(split(r["answer_labels_en"]), split(r["answer_labels_fr"]))),
                    split(r["may_qualify"]),
                    _pair(r, "rule"),
                    _pair(r, "decided_by"),
                    *provenance(r),
                )
                for r in sorted(criteria.get(service_id, []), key=lambda r: int(r["position"]))
            ),
            amounts=tuple(fact(r, "amount") for r in amounts.get(service_id, [])),
        )
        for service_id in set(documents) | set(costs) | set(times) | set(criteria) | set(amounts)
    }


def _reach(locations_by_service: Mapping[str, Sequence[object]]) -> Dict[str, float]:
    """0..1 for how many offices offer a service: among equal matches, the everyday service wins.

    "passport" matches "Canadian Passport" and "Temporary Passport" equally by
    text; the one offered at sixty counters is the one people mean.
    """
    most = max((len(offices) for offices in locations_by_service.values()), default=0)
    return (
        {key: math.log1p(len(offices)) / math.log1p(most) for key, offices in locations_by_service.items()}
        if most
        else {}
    )


def _group(rows: Sequence[Record], column: str) -> Dict[str, List[Record]]:
    groups: Dict[str, List[Record]] = defaultdict(list)
    for row in rows:
        if row.get(column):
            groups[row[column]].append(row)
    return groups


def _members(rows: Sequence[Record], owner: str, owner_id: str, services: Dict[str, Service]) -> Tuple[Service, ...]:
    chosen = sorted((r for r in rows if r[owner] == owner_id), key=lambda r: (r["position"], r["service_id"]))
    return tuple(services[r["service_id"]] for r in chosen)


def _outreach(
    data: Mapping[str, Sequence[Record]],
    organizations: Dict[str, Organization],
    services: Dict[str, Service],
    locations: Dict[str, Location],
) -> List[Outreach]:
    """Outreach rows, plus every imported outreach site that has no row of its own.

    A scheduled outreach site is outreach whether or not a service owner has
    described its schedule yet; leaving it out would hide real visits.
    """
    participants = _group(data["outreach_participants"], "outreach_id")
    offered = _group(data["outreach_services"], "outreach_id")
    result: List[Outreach] = []
    for r in data["outreach"]:
        location = locations.get(r["location_id"] or "")
        # validation guarantees coordinates or a location to take them from
        at = (
            (r["latitude"], r["longitude"])
            if r["latitude"] is not None or location is None
            else (location.latitude, location.longitude)
        )
        result.append(
            Outreach(
                r["id"],
                r["kind"],
                _pair(r, "name"),
                _pair(r, "description"),
                r["community"],
                r["state_province"],
                at[0],
                at[1],
                location,
                _date(r["start_date"]),
                _date(r["end_date"]),
                _pair(r, "schedule"),
                tuple((organizations[p["organization_id"]], _pair(p, "role")) for p in participants.get(r["id"], [])),
                tuple(services[s["service_id"]] for s in offered.get(r["id"], [])),
                r["verification"],
            )
        )
    described = {o.location.id for o in result if o.location}
    offered_at = _group(data["service_at_location"], "location_id")
    for location in locations.values():
        if location.location_type == "outreach_site" and location.id not in described:
            result.append(
                Outreach(
                    location.id,
                    "scheduled_site",
                    location.name,
                    location.description,
                    location.city,
                    location.state_province,
                    location.latitude,
                    location.longitude,
                    location,
                    None,
                    None,
                    Bilingual(),
                    ((location.organization, Bilingual()),),
                    tuple(services[s["service_id"]] for s in offered_at.get(location.id, [])),
                    location.verification,
                )
            )
    return result
