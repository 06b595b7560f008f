"""The catalogue's query API: what the assistant's actions and the CLI call.

`Catalogue` watches its database for a new build and swaps in a fresh
snapshot, so service owners' edits reach a running assistant without a
restart or a retrain. A failed reload keeps the last good snapshot.
"""

from __future__ import annotations

import heapq
import logging
import math
import os
import re
import threading
import time as clock
from collections import Counter
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, select
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from services_catalog.facts import QUESTION_WORDS, for_request
from services_catalog.geography import Place, gazetteer, haversine_km
from services_catalog.hours import DEFAULT_ZONE, PROVINCE_ZONES, day_hours, local_today, location_zone
from services_catalog.jurisdiction import Whereabouts, whereabouts
from services_catalog.model import (
    LEVEL_ORDER,
    Bilingual,
    Bundle,
    CrossPromotion,
    LifeEvent,
    Location,
    NearbyAnswer,
    OfficeHit,
    OpeningHours,
    Organization,
    Outreach,
    Service,
    ServiceFacts,
    ServiceMatch,
)
from services_catalog.office_geometry import Geometry
from services_catalog.schema import catalogue_meta, current_build, database_url, sqlite_path, uses_build_schemas
from services_catalog.snapshot import Snapshot, load_snapshot
from services_catalog.text import fold, fold_place, words
from services_catalog.text_index import FUNCTION_WORDS, VARIANT_CUES, VARIANT_WORDS, Hit, query_terms, terms

log = logging.getLogger(__name__)
NEAR_KM = 150.0
FAR_KM = 1000.0  # when nothing is within reach, the nearest office up to this far is still worth naming
SAME_MEANING = 0.1  # search scores this close are the same request; distance decides between them
CITY_KM = 50.0  # a city's services are for clients this close to one of the city's offices
SAME_CITY_KM = 5.0  # two cities' offices this close to each other's distance from a client: both may be home
TOWN_KM = 30.0  # an office "in" a town named by a client is at most this far from the town's centre
AMBIGUOUS_GAP = 0.04  # matches this close to the best are offered as a choice rather than guessed
NAME_MATCH = 0.6  # an office's name matched this well is the office the words name
WEAK_NAME_MATCH = 0.15  # below this no office is named, however far ahead of the others
STANDS_OUT = 1.4  # how far ahead of the next office a weaker match must be
FACT_GAP = 0.15  # a match this close to the best, with the facts asked for, is the one a fact question means
LIFE_EVENT_MIN = 0.4  # a life event named by a search rather than by one of its phrases
# A life event's phrase is held in its order with at most this many other words inside: "starting a little
# dog-walking business" starts a business, "notre fille a eu 18 ans" had no baby ("eu une fille").
LIFE_EVENT_SLACK = 3
AMONG_MIN = 0.15  # a service of a few (a life event's) the words fit, weakly: see Catalogue.closest_among
NAME_TIE = 0.05  # offices whose names fit the words this close to the best are told apart by word order


@dataclass(frozen=True)
class Resolution:
    """The catalogue's reading of a request: see Catalogue.resolve_request."""

    where: Whereabouts
    matches: List[ServiceMatch]  # best first; empty when nothing matched
    choices: List[ServiceMatch]  # two or more when the client must choose
    needs_province: bool = False  # the service is provincial and the client's province is unknown


def _general_first(close: List[ServiceMatch], message: str) -> List[ServiceMatch]:
    """Equally good matches without the ones that only specialise another of the same organization:
    "CPP" is the Canada Pension Plan, not its disability benefit, whose name says all the other's
    does and more the client did not say. Different things ("canada pension": CPP or CPP
    disability?) stay, and so does another government's service, however vaguely it is named."""
    said = set(query_terms(message, FUNCTION_WORDS))

    def extra(match: ServiceMatch, lang: str) -> Set[str]:
        return set(query_terms(match.service.name.get(lang), FUNCTION_WORDS)) - said

    def specialises(match: ServiceMatch, other: ServiceMatch) -> bool:
        return other.service.organization is match.service.organization and any(
            extra(other, lang) < extra(match, lang) for lang in ("en", "fr")
        )

    general = [m for m in close if not any(specialises(m, o) for o in close if o is not m)]
    return general or close


def _named_whole_first(close: List[ServiceMatch], held: Set[str]) -> List[ServiceMatch]:
    """Equally good matches without another government's service that the words only share words with, when
    one is named whole (held: ids whose name or alias of two words or more the message holds in order):
    "l'assurance-maladie du Manitoba" is Manitoba's health card, not EI's sickness benefits ("prestations de
    maladie de l'assurance-emploi"). The same government's stay: "swap my Alberta driver's licence" names
    Ontario's licence whole, and its exchange is what is asked."""
    governments = {_government(m.service) for m in close if m.service.id in held}
    return [m for m in close if _government(m.service) in governments] if governments else close


def _government(service: Service) -> Tuple[str, Optional[str]]:
    return service.organization.jurisdiction_level, service.organization.state_province


def _stands_out(hits: List[Hit]) -> bool:
    """A weak best match well ahead of the next: the words name that one, not a kind of office."""
    runner_up = hits[1].score if len(hits) > 1 else 0.0
    return hits[0].score >= WEAK_NAME_MATCH and hits[0].score >= STANDS_OUT * runner_up


URGENCY_WORDS = frozenset({"urgent", "express"})


def _variant_asked(close: List[ServiceMatch], message: str) -> List[ServiceMatch]:
    """Equally good matches, narrowed to the variants when the client asked for one: "it expires next
    month, where do I renew it?" means the renewal, not the first registration beside it."""
    said = set(fold(message).split()) | set(terms(message))
    asked, cued = VARIANT_WORDS & said, VARIANT_CUES & said
    if not (asked or cued):
        return close

    def name_words(match: ServiceMatch) -> Set[str]:
        names = [match.service.name.get(lang) for lang in ("en", "fr")]
        return {word for name in names for word in (*fold(name).split(), *terms(name))}

    if asked:  # the variant named: "renew" is not the urgent pick-up beside the passport
        keys = asked | set(terms(" ".join(asked)))  # "replace" and "replacement" share a stem
        return [m for m in close if keys & name_words(m)] or close
    # "lost", "expired": a renewal or a replacement, whichever is there
    return [m for m in close if (VARIANT_WORDS - URGENCY_WORDS) & name_words(m)] or close


def _within_reach(match: ServiceMatch) -> bool:
    return match.nearest_km is not None and match.nearest_km <= NEAR_KM


def _nearest_among_equals(close: List[ServiceMatch]) -> List[ServiceMatch]:
    """About equally good matches (best first), reordered by distance where distance means something.

    Matches with an office within reach trade places among themselves, nearest first (two cities'
    services: the nearer city's); the others (online, by phone, a provincial agency whose one listed
    office is far away) keep their rank: a better match is not beaten by a weaker one that merely
    has a counter nearby, and Quebec's driver's licence is still Quebec's 300 km from its office.
    """
    near = iter(sorted((m for m in close if _within_reach(m)), key=lambda m: (m.nearest_km, -m.score)))
    return [next(near) if _within_reach(m) else m for m in close]


def _closest_name(text: str, locations: Sequence[Location]) -> Optional[Location]:
    """Among offices the words fit about equally, the one whose name holds the longest run of the client's words.

    Words alone cannot tell "Calgary Centre Service Canada Centre" from "Calgary Royal Vista Service
    Canada Centre" when a client asks for "the Calgary Centre Service Canada office"; the words in a row can.
    """
    asked = words(text)

    def run(location: Location) -> int:
        named = [words(location.name.en), words(location.name.fr)]
        return max(
            (
                k
                for name in named
                for i in range(len(asked))
                for k in range(1, len(asked) - i + 1)
                if _contains(name, asked[i : i + k])
            ),
            default=0,
        )

    return max(locations, key=run, default=None)  # max keeps the first (best scored) among equal runs


def _contains(sequence: List[str], part: List[str]) -> bool:
    return any(sequence[i : i + len(part)] == part for i in range(len(sequence) - len(part) + 1))


def _hit(
    location: Location,
    km: float,
    day: Optional[date],
    hours: Tuple[OpeningHours, ...] = (),
    note: Bilingual = Bilingual(),
) -> OfficeHit:
    """An office with its hours on the day asked, or on its own local today: a client in Halifax asking
    about Whitehorse at 1 a.m. their time wants Whitehorse's day, holidays and closures included."""
    today = day_hours(location, day or local_today(location), hours)
    return OfficeHit(location, round(km, 1), list(today.intervals), hours, note, today.why_closed)


def current_build_tables(conn: Connection) -> Connection:
    """The connection, reading the current build's tables (on PostgreSQL, those of its schema)."""
    if uses_build_schemas(conn.dialect.name):
        schema = conn.execute(select(current_build.c.schema_name)).scalar()
        return conn.execution_options(schema_translate_map={None: schema})
    return conn


def build_stamp(url: Optional[str] = None) -> Dict[str, str]:
    """The current build's id and time (UTC, ISO 8601), read without loading the catalogue: for health checks."""
    url = url or database_url()
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise CatalogueUnavailable(f"no catalogue at {url}")
    engine = create_engine(url, poolclass=NullPool, future=True)
    try:
        with engine.connect() as connection:
            row = current_build_tables(connection).execute(select(catalogue_meta)).mappings().first()
    finally:
        engine.dispose()
    if row is None:
        raise CatalogueUnavailable(f"the catalogue at {url} has no build stamp")
    return {"build_id": row["build_id"], "built_at": row["built_at"]}


class CatalogueUnavailable(Exception):
    """No catalogue database has been built yet, or it cannot be read."""


class Catalogue:
    def __init__(self, url: Optional[str] = None, check_interval: float = 1.0) -> None:
        self.url = url or database_url()
        self._file = sqlite_path(self.url)
        # NullPool: every check opens the database anew, so a SQLite file replaced by a build is seen at once.
        self._engine = create_engine(self.url, poolclass=NullPool if self._file else None, future=True)
        self._check_interval = check_interval
        self._lock = threading.Lock()
        self._snapshot: Optional[Snapshot] = None
        self._file_stamp: Optional[Tuple[int, int]] = None
        self._checked_at = 0.0
        self._geometry: Optional[Geometry] = None

    # -- freshness -------------------------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """The newest good build, reloading it first when the database has changed."""
        if self._snapshot is None or self._maybe_changed():
            with self._lock:
                self._reload()
        if self._snapshot is None:
            raise CatalogueUnavailable(f"no catalogue at {self.url}; run `python -m services_catalog build`")
        return self._snapshot

    def _maybe_changed(self) -> bool:
        if self._file is not None:
            try:
                stat = os.stat(self._file)
            except OSError:
                return False
            return (stat.st_ino, stat.st_mtime_ns) != self._file_stamp
        now = clock.monotonic()
        if now - self._checked_at < self._check_interval:
            return False
        self._checked_at = now
        return True

    def _reload(self) -> None:
        if self._snapshot is None and self._file is not None and not self._file.exists():
            return  # snapshot() explains how to build one; connecting would create an empty file
        try:
            stamp = None
            if self._file is not None:
                stat = os.stat(self._file)
                stamp = (stat.st_ino, stat.st_mtime_ns)
            with self._engine.connect() as connection:
                conn = current_build_tables(connection)
                build_id = conn.execute(select(catalogue_meta.c.build_id)).scalar()
                if self._snapshot is None or build_id != self._snapshot.build_id:
                    self._snapshot = load_snapshot(conn)
                    log.info("catalogue build %s loaded", build_id)
            self._file_stamp = stamp
        except Exception as error:  # keep serving the last good catalogue
            if self._snapshot is None:
                raise CatalogueUnavailable(f"cannot read the catalogue at {self.url}: {error}") from error
            log.warning("catalogue reload failed, keeping build %s: %s", self._snapshot.build_id, error)

    # -- services --------------------------------------------------------------------------------------------
    def search_services(
        self, text: str, limit: int = 5, province: Optional[str] = None, near: Optional[Place] = None
    ) -> List[ServiceMatch]:
        """Services for what a client typed, best first; empty when nothing is relevant.

        With a province (or a place, which implies its province), other provinces' and
        their cities' services are left out: a "birth certificate" asked from Calgary is
        Alberta's, never Ontario's. Near a place, matches that are about as good as the
        best are ordered by their nearest office, so a "marriage licence" asked in
        Ottawa is the City of Ottawa's, not Toronto's.
        """
        province = province or (near.province if near else None)
        hits = self.snapshot().service_index.search(text, limit if province is None else limit * 10)
        return self._matches(hits, limit, province, near)

    def search_request(
        self,
        readings: Sequence[str],
        message: str,
        limit: int = 5,
        near: Optional[Place] = None,
        province: Optional[str] = None,
    ) -> List[ServiceMatch]:
        """Services for a chat message, given the guesses at which of its words name the service.

        The assistant's NLU model often tags only part of a name ("carte de" for "carte de
        résident permanent") or nothing at all; each reading finds candidates and the whole
        message ranks them (see TextIndex.search_readings). Filters as search_services; a
        province without a place ("new brunswick medicare card") filters the same way.
        """
        province = province or (near.province if near else None)
        pool = limit if province is None else limit * 10
        hits = self.snapshot().service_index.search_readings(readings, message, pool)
        return self._matches(hits, limit, province, near)

    def resolve_request(
        self,
        readings: Sequence[str],
        message: str,
        named_place: Optional[Place] = None,
        limit: int = 4,
        province: Optional[str] = None,
    ) -> Resolution:
        """What to answer a request: one service, a choice between services, or "where do you live?".

        The rules, in one place: the client's province (named, implied by the place, or the
        destination of a move) decides whose provincial and municipal services count; matches
        about as good as the best and within reach are a genuine choice; and when they are
        several provinces' versions of one service and the client's province is unknown, the
        right answer is to ask where they live, not to list every province's variant (nor to offer one
        province's services as choices to a client who may live in another). `province` is one the
        conversation already settled, for a message that names none.
        """
        where = whereabouts(message, named_place)
        if where.province is None and province is not None:
            where = Whereabouts(where.place, province)
        # Where the client is decided the jurisdiction; as words it would only favour services named
        # after the town ("Dog licence (Halifax)" for "moved to Halifax, switch my licence").
        matches = self.search_request(readings, gazetteer().without_places(message), limit, where.place, where.province)
        if not matches:
            return Resolution(where, [], [])
        matches = self._stood_in(matches, where.province, message)
        best = max(m.score for m in matches)
        close = [
            m for m in matches if m.score >= best - AMBIGUOUS_GAP and (m.nearest_km is None or m.nearest_km <= NEAR_KM)
        ] or matches[:1]
        close = _variant_asked(_general_first(_named_whole_first(close, self._named_whole(message)), message), message)
        if close[0] is not matches[0]:
            matches = [close[0]] + [m for m in matches if m is not close[0]]
        if where.province is None:
            provinces = {m.service.organization.state_province for m in close} - {None}
            provincial_first = matches[0].service.organization.state_province is not None
            if provincial_first and (len(provinces) > 1 or (provinces and len(close) > 1)):
                return Resolution(where, matches, [], needs_province=True)
            if not provincial_first:  # a federal answer is everyone's; one province's may not be the client's
                close = [m for m in close if m.service.organization.state_province is None]
        distinct = {m.service.name.en for m in close}
        return Resolution(where, matches, close if len(distinct) > 1 else [])

    def _named_whole(self, message: str) -> Set[str]:
        """The services a name or alias of two words or more names, held in order, unless those words tell a life
        event the message names ("just landed on a study permit": an arrival, not a request for the permit)."""
        event = self.life_event_phrased(message)
        held = {h.key for h in self.snapshot().service_index.phrases_in(message, in_order=True) if h.score >= 2}
        if event is None:
            return held
        services = self.snapshot().services

        def tells_event(service: Service) -> bool:
            texts = (service.name.en, service.name.fr, service.alternate_name.en, service.alternate_name.fr)
            names = [name for text in texts for name in text.split(";")]
            return any(self.life_event_phrased(name) == event for name in names)

        return {key for key in held if not tells_event(services[key])}

    def _stood_in(self, matches: List[ServiceMatch], province: Optional[str], message: str) -> List[ServiceMatch]:
        """The matches for a resident of the province: "la prestation de décès" in Trois-Rivières is the QPP's,
        not a choice between it and the CPP's. Whose resident the client is unknown, a stand-in the message
        does not name ("QPP", "RRQ") is the federal service it stands in for: "my CPP retirement application"
        matches the QPP's retirement pension by its words, but asks for the CPP."""
        if province is None:
            if not any(m.service.replaces for m in matches):
                return matches  # the usual case, without reading the message for names again
            named = self.services_phrased(message)
            federal = self.snapshot().services
            matches = [
                ServiceMatch(federal[m.service.replaces], m.score, m.nearest_km)
                if m.service.replaces and m.service.id not in named
                else m
                for m in matches
            ]
            first: Dict[str, ServiceMatch] = {}
            for m in matches:
                first.setdefault(m.service.id, m)
            return list(first.values())
        found = [m.service for m in matches]
        kept: Dict[str, ServiceMatch] = {}
        for m in matches:
            service = self.stand_in(m.service, province, found)
            if service.id not in kept:
                kept[service.id] = m if service is m.service else ServiceMatch(service, m.score, m.nearest_km)
        return list(kept.values())

    def _matches(
        self, hits: List[Hit], limit: int, province: Optional[str], near: Optional[Place]
    ) -> List[ServiceMatch]:
        services = self.snapshot().services
        matches = [ServiceMatch(services[h.key], h.score) for h in hits]
        if province is not None:
            matches = [m for m in matches if m.service.organization.state_province in (None, province)]
        if near is not None and matches:
            matches = [ServiceMatch(m.service, m.score, self._nearest_km(m.service, near)) for m in matches]
            home = self._home_municipalities(near)
            matches = [
                m
                for m in matches
                if m.service.organization.jurisdiction_level != "municipal"
                or m.service.organization.id in home
                or not self._geometry_of(self.snapshot()).sites.get(m.service.organization.id)
            ]
        if near is not None and matches:
            top = matches[0].score
            close = [m for m in matches if m.score >= top - SAME_MEANING]
            matches = _nearest_among_equals(close) + [m for m in matches if m.score < top - SAME_MEANING]
        return matches[:limit]

    def _nearest_km(self, service: Service, place: Place) -> Optional[float]:
        """Distance to the nearest office offering the service; for a city's service offered at no
        listed counter, to the city's own offices (a city serves the people around its city hall)."""
        geometry = self._geometry_of(self.snapshot())
        offices = geometry.offices_of(service.id)
        if not len(offices) and service.organization.jurisdiction_level == "municipal":
            offices = geometry.sites_of(service.organization.id)
        return round(min(offices.km_from(place.latitude, place.longitude)), 1) if len(offices) else None

    def _home_municipalities(self, place: Place) -> Set[str]:
        """The cities whose services a client at a place gets: the one whose offices are nearest (a
        Toronto client's parking ticket is Toronto's, not Mississauga's 25 km away), within CITY_KM.

        Without city boundaries in the catalogue, the nearest city hall stands for "the city you are in".
        """
        geometry = self._geometry_of(self.snapshot())
        distances = {
            org_id: min(geometry.sites_of(org_id).km_from(place.latitude, place.longitude))
            for org_id, sites in geometry.sites.items()
            if sites[0].organization.jurisdiction_level == "municipal"
        }
        nearest = min(distances.values(), default=math.inf)
        return {org_id for org_id, km in distances.items() if km <= min(nearest + SAME_CITY_KM, CITY_KM)}

    def _geometry_of(self, snap: Snapshot) -> Geometry:
        if self._geometry is None or self._geometry.build_id != snap.build_id:
            self._geometry = Geometry(snap)
        return self._geometry

    def for_province(
        self, service: Service, request: str, province: str, near: Optional[Place] = None
    ) -> Optional[Service]:
        """The service a client asked about, for a new place ("and in Halifax?", "and in Ontario?").

        Federal services, and those of the new province, stay what they are; a provincial or
        city service becomes that province's own version, found by asking the client's words again
        there (near the town, when one was named); None when that province has nothing like it.
        """
        if service.organization.state_province is None:
            return self.stand_in(service, province)  # "what if I live in Quebec?" after the CPP: the QPP
        if service.organization.state_province == province:
            return service
        # The old place's names ("in Winnipeg", "Manitoba Health Card") would pull the search back there.
        words = gazetteer().without_places(request or f"{service.name.en} {service.alternate_name.en}")
        found = self.resolve_request([words], words, near, province=province)
        return found.matches[0].service if found.matches and not found.needs_province else None

    def service(self, service_id: str) -> Optional[Service]:
        return self.snapshot().services.get(service_id)

    def stand_in(self, service: Service, province: Optional[str], among: Sequence[Service] = ()) -> Service:
        """The service a resident of the province gets instead of a federal one (services.csv `replaces`):
        the Québec Pension Plan for the Canada Pension Plan, QPIP for EI parental benefits. One of `among`
        first when several stand in (a death asks for the QPP's survivors' benefits, not its retirement)."""
        if province is None:
            return service
        standing = sorted(
            self.snapshot().stand_ins.get((service.id, province), ()), key=lambda s: (s not in among, s.id)
        )
        return standing[0] if standing else service

    # -- places and offices ----------------------------------------------------------------------------------
    @staticmethod
    def resolve_place(text: str) -> Optional[Place]:
        return gazetteer().resolve(text)

    def nearest_offices(
        self, service_id: str, place: Place, limit: int = 3, max_km: float = NEAR_KM, day: Optional[date] = None
    ) -> NearbyAnswer:
        """Where the service is offered in person, nearest first, with the remote alternatives.

        Within reach (max_km) when possible. Otherwise, when the organization has its own office
        finder, that finder (the catalogue lists only the few offices a source gave, and the
        agency knows its counters better than a far one we know of); else the nearest office up
        to FAR_KM, which is the answer for a client in Iqaluit or Bella Coola. A service with no
        office in the catalogue at all comes with its organization's finder or site.
        """
        snap = self.snapshot()
        service = snap.services[service_id]
        offered = snap.locations_by_service.get(service_id, [])
        distances = self._geometry_of(snap).offices_of(service_id).km_from(place.latitude, place.longitude)
        ranked = heapq.nsmallest(limit, ((km, loc.id, loc, hours) for km, (loc, hours) in zip(distances, offered)))
        finder = service.organization.locator_url
        within = [r for r in ranked if r[0] <= max_km]
        if not within and not finder:  # the catalogue lists all its offices: the nearest one, however far
            within = [r for r in ranked[:1] if r[0] <= FAR_KM]
        offices = [
            _hit(loc, km, day, hours, snap.notes.get((service_id, loc.id), Bilingual())) for km, _, loc, hours in within
        ]
        if not offered:
            finder = finder or service.organization.url
        return NearbyAnswer(service, offices, max_km, remote_channels(service), finder)

    def has_offices(self, service_id: str) -> bool:
        return bool(self.snapshot().locations_by_service.get(service_id))

    def office_networks(self, service_id: str) -> List[Organization]:
        """Who runs the offices that offer a service, most offices first: the Ontario health card is the
        Ministry of Health's, but clients go to ServiceOntario for it."""
        organizations = [loc.organization for loc, _ in self.snapshot().locations_by_service.get(service_id, [])]
        by_id = {organization.id: organization for organization in organizations}
        return [by_id[org_id] for org_id, _ in Counter(o.id for o in organizations).most_common()]

    def service_hours_at(self, service_id: str, location_id: str) -> Tuple[OpeningHours, ...]:
        """A service's own hours at a location, empty when it keeps the location's hours."""
        return next(
            (hours for loc, hours in self.snapshot().locations_by_service.get(service_id, []) if loc.id == location_id),
            (),
        )

    def offices_near(
        self,
        place: Place,
        limit: int = 3,
        organization: str = "",
        max_km: float = NEAR_KM,
        day: Optional[date] = None,
        named: str = "",
    ) -> List[OfficeHit]:
        """Any offices near a place, optionally only those whose organization's name contains `organization`.

        Within reach when there are any; otherwise the nearest one up to FAR_KM. Offices whose own name holds
        `named` (a neighbourhood the client typed for the town: "Saint-Boniface" in Winnipeg) come first.
        """
        snap = self.snapshot()
        geometry = self._geometry_of(snap)
        names = snap.office_names
        wanted = _office_words(organization, snap.office_words)
        if wanted and not any(wanted in name for name in names.values()):
            # a town the model ran into the organization ("service canada st-quentin") is where, which `place`
            # says; only then, since a place can be the organization's own name ("Services Québec")
            wanted = _office_words(gazetteer().without_places(organization), snap.office_words)
        ranked = heapq.nsmallest(
            limit * 10 if named else limit,
            (
                (km, loc.id, loc)
                for km, loc in geometry.distances_to_all(place)
                if not wanted or wanted in names[loc.id]
            ),
        )
        if named:
            words = fold_place(named)
            ranked = sorted(ranked, key=lambda r: words not in fold_place(names[r[1]]))[:limit]
        within = [r for r in ranked if r[0] <= max_km] or [r for r in ranked[:1] if r[0] <= FAR_KM]
        return [_hit(loc, km, day) for km, _, loc in within]

    def find_location(self, text: str, place: Optional[Place] = None) -> Optional[Location]:
        """A particular office a client names: "Ottawa City Hall", "the Service Canada office in
        Fort McMurray", "ServiceOntario on Bay Street", "le bureau des passeports de Gatineau".

        By its name first, narrowed to the place the sentence names: the words "Service
        Canada office" alone fit 574 offices, and only the town says which one is meant.
        """
        return _closest_name(text, self._offices_named(text, place))

    def _offices_named(self, text: str, place: Optional[Place]) -> List[Location]:
        """Offices the words fit about as well as the best one, in the town named when there is one.

        In a town, every office there is a candidate and the one whose name shares the most words with
        the message wins: "can I just walk in at the Kingston Service Canada Centre tomorrow morning?"
        has too many other words for a text search to reach any name, but "Kingston Service Canada
        Centre" is all there.
        """
        snap = self.snapshot()
        place = place or whereabouts(text).place
        if place is None:
            hits = snap.location_index.search(text, limit=10, min_score=0.0)
            # A long message dilutes the building's name ("the passport office at Complexe Guy-Favreau,
            # will it be open on New Year's Day"): a weaker match still counts when it stands out.
            if not hits or not (hits[0].score >= NAME_MATCH or _stands_out(hits)):
                return []
            tied = [snap.locations[h.key] for h in hits if h.score >= hits[0].score - NAME_TIE]
            # Equally good in several towns ("the passport office"): a kind of office, not one office.
            return tied if len({loc.city for loc in tied}) == 1 else []
        asked = set(query_terms(text))
        km = {loc.id: distance for distance, loc in self._geometry_of(snap).distances_to_all(place)}
        # Several towns share a name (Notre-Dame-de-Lourdes in New Brunswick and in Manitoba): the offices of the
        # others compete too, and win only by naming more of the words; a tie goes to the nearest.
        town = fold_place(place.name)
        in_town = [loc for loc in snap.locations.values() if km[loc.id] <= TOWN_KM or fold_place(loc.city) == town]
        shared = {
            loc.id: len(
                asked
                & set(
                    query_terms(
                        " ".join([loc.name.en, loc.name.fr, loc.address_1, loc.address_2 or "", *loc.address_fr])
                    )
                )
            )
            for loc in in_town
        }
        best = max(shared.values(), default=0)
        # Among equals, one whose hours are known (a question about it can be answered), then the counter
        # offering the most services is "the office" people mean, then the nearest.
        return sorted(
            (loc for loc in in_town if best and shared[loc.id] == best),
            key=lambda loc: (not loc.hours, -len(snap.services_by_location.get(loc.id, [])), km[loc.id]),
        )

    def zone_at(self, place: Place) -> tzinfo:
        """The time zone of a town: its nearest office's, which the catalogue knows (provinces have several)."""
        nearest = self.offices_near(place, limit=1)
        if nearest:
            return location_zone(nearest[0].location)
        return ZoneInfo(PROVINCE_ZONES.get(place.province or "", DEFAULT_ZONE))

    def office_meant(self, text: str, place: Optional[Place], service_id: Optional[str] = None) -> Optional[Location]:
        """The office a follow-up such as "is the Kelowna office open on Saturday?" is about.

        The words decide first, among the offices offering the service under discussion: in Kelowna
        the passport client means the Service Canada office, not ICBC's. When the words name only the
        town, the nearest office there offering the service; with no service, whatever office the words fit.
        """
        place = place or whereabouts(text).place
        named = self._offices_named(text, place)
        if service_id:
            offering = {location.id for location, _ in self.snapshot().locations_by_service.get(service_id, [])}
            preferred = [location for location in named if location.id in offering]
            if preferred:
                return _closest_name(text, preferred)
            if place is not None:
                service = self.service(service_id)
                nearest = self.nearest_offices(service_id, place).offices if service else []
                if nearest and nearest[0].distance_km <= TOWN_KM:
                    return nearest[0].location
        return _closest_name(text, named)

    def location(self, location_id: str) -> Optional[Location]:
        return self.snapshot().locations.get(location_id)

    def colocated(self, location_id: str) -> List[Tuple[str, List[Tuple[Organization, List[Service]]]]]:
        """What is offered at a location, grouped by level of government then organization."""
        by_org: Dict[str, List[Service]] = {}
        for service in self.snapshot().services_by_location.get(location_id, []):
            by_org.setdefault(service.organization.id, []).append(service)
        groups: Dict[str, List[Tuple[Organization, List[Service]]]] = {}
        for services in by_org.values():
            org = services[0].organization
            groups.setdefault(org.jurisdiction_level, []).append((org, services))
        return [(level, sorted(groups[level], key=lambda g: g[0].name.en)) for level in LEVEL_ORDER if level in groups]

    # -- integration: bundles, life events, outreach, cross promotion ----------------------------------------
    def bundles_for_service(self, service_id: str, province: Optional[str] = None) -> List[Bundle]:
        """Bundles covering a service; with a province, only the federal ones and that province's."""
        return [
            b
            for b in self.snapshot().bundles_by_service.get(service_id, [])
            if province is None or b.organization.state_province in (None, province)
        ]

    def life_event_services(self, event: LifeEvent, where: Whereabouts) -> List[Service]:
        """The services a life event calls for, for a client: federal, then their province's, then their
        city's (a city's services only for someone near that city). Without a province only the federal
        ones: the rest depends on where one lives. A federal service that a provincial one stands in for
        there (the CPP in Québec) is that one, in its place."""
        federal = [
            self.stand_in(s, where.province, event.services)
            for s in event.services
            if s.organization.jurisdiction_level == "federal"
        ]
        local = [
            s
            for s in event.services
            if where.province
            and s.organization.state_province == where.province
            and s not in federal
            and (
                s.organization.jurisdiction_level != "municipal"
                or (where.place is not None and (self._nearest_km(s, where.place) or math.inf) <= CITY_KM)
            )
        ]
        return list(dict.fromkeys(federal)) + local

    def search_bundles(self, text: str, limit: int = 3) -> List[Bundle]:
        snap = self.snapshot()
        return [snap.bundles[h.key] for h in snap.bundle_index.search(text, limit)]

    def bundle(self, bundle_id: str) -> Optional[Bundle]:
        return self.snapshot().bundles.get(bundle_id)

    def life_event_named(self, texts: Sequence[str]) -> Optional[LifeEvent]:
        """The life event the words name: one whose name or alias a text holds whole, else the best match.

        Whole phrases first, because the model's entity may be the wrong word ("mari", husband,
        half-matches "se marier") and a long message dilutes its telling word ("mon mari est mort
        le mois passé, quelles démarches ...": death at 0.26 as a search, but it holds "mort").
        """
        index = self.snapshot().life_event_index
        texts = [self._without_organizations(text) for text in texts]
        held = [hit for text in texts for hit in index.phrases_in(text, in_order=True, slack=LIFE_EVENT_SLACK)]
        if held:
            longest = max(hit.score for hit in held)
            tied = {hit.key for hit in held if hit.score == longest}
            # "my mom died, she had a pension" holds "died" and "pension": the whole message decides.
            ranked = {hit.key: hit.score for text in texts for hit in index.search(text, len(tied) + 5, min_score=0.0)}
            return self.snapshot().life_events[min(tied, key=lambda key: (-ranked.get(key, 0.0), key))]
        for text in texts:
            for hit in index.search(text, 1, min_score=LIFE_EVENT_MIN):
                return self.snapshot().life_events[hit.key]
        return None

    def closest_among(self, service_ids: Set[str], text: str, min_score: float = AMONG_MIN) -> Optional[str]:
        """Of a few services (a life event's), the one the words fit best, if any fits at all: a weaker bar than
        a search of the whole catalogue, since the choice is only among these ("la déclarer" after a birth)."""
        hits = self.snapshot().service_index.search(text, len(self.snapshot().services), min_score)
        return next((hit.key for hit in hits if hit.key in service_ids), None)

    def case_of(self, service: Service, kind: str) -> Optional[Service]:
        """The service whose facts of that kind hold this one as a case, when this one has none of its own: the
        express passport service is the passport's "Express service" case. The same government's, with a case
        of at least two words, all in this service's name in each language, and the two names sharing another
        word (passport / passeport)."""
        if _fact_words(self.snapshot().facts.get(service.id, ServiceFacts()), kind):
            return None
        names = [set(query_terms(service.name.get(lang), FUNCTION_WORDS)) for lang in ("en", "fr")]
        for other_id, facts in sorted(self.snapshot().facts.items()):
            other = self.snapshot().services.get(other_id)
            if other is None or other_id == service.id:
                continue
            if other.organization.state_province != service.organization.state_province:
                continue
            for case in _case_names(facts, kind):
                words = [set(query_terms(case.get(lang), FUNCTION_WORDS)) for lang in ("en", "fr")]
                if all(len(w) >= 2 and w <= n for w, n in zip(words, names)):
                    kin = set(query_terms(f"{other.name.en} {other.name.fr}", FUNCTION_WORDS)) & (names[0] | names[1])
                    if kin - words[0] - words[1]:
                        return other
        return None

    def closest_by_facts(self, service_ids: Sequence[str], kind: str, text: str) -> Optional[str]:
        """Of a few services (a life event's, in its order), the one whose facts of that kind share the most words
        with the question: "il a droit à combien de semaines?" after a birth is about the parental benefit, whose
        amounts are counted in weeks, not the SIN listed first. None when no fact shares a word."""
        words = set(query_terms(text)) - QUESTION_WORDS
        best, most = None, 0
        for service_id in service_ids:
            facts = self.snapshot().facts.get(service_id, ServiceFacts())
            said = set(query_terms(" ".join(f"{piece.en} {piece.fr}" for piece in _fact_words(facts, kind))))
            if len(words & said) > most:
                best, most = service_id, len(words & said)
        return best

    def services_phrased(self, text: str) -> Set[str]:
        """The ids of the services whose name or an alias the text holds whole ("and a health card?")."""
        return {hit.key for hit in self.snapshot().service_index.phrases_in(text)}

    def names_only(self, service: Service, reading: str) -> bool:
        """Whether the words name nothing but the service, its organization or one of its cases (the variants of
        its facts): said about the service under discussion ("and how long does the Parole Board take?", "et
        pour un acte criminel?" after the record suspension), they ask about it, not about another service.

        A case's words that name another service whole are that service: "health card" after the Ontario
        licence renewal, whose case "renewing online with your health card" mentions it.
        """
        words = set(query_terms(reading))
        if words <= set(query_terms(f"{service.name.en} {service.name.fr}")):
            return True
        facts = self.snapshot().facts.get(service.id, ServiceFacts())
        cases = [f.variant for f in (*facts.documents, *facts.processing_times, *facts.amounts)]
        names = [service.organization.name, *cases, *(c.option for c in facts.costs)]
        own = set(query_terms(" ".join(f"{name.en} {name.fr}" for name in names)))
        return words <= own and not self.services_phrased(reading) - {service.id}

    def life_event_phrased(self, text: str) -> Optional[LifeEvent]:
        """The life event whose name or alias the text holds whole ("je pense arrêter de travailler"), else
        None: no guess from a few shared words, for callers that must not see one where there is none."""
        text = self._without_organizations(text)
        held = self.snapshot().life_event_index.phrases_in(text, in_order=True, slack=LIFE_EVENT_SLACK)
        return self.snapshot().life_events[held[0].key] if held else None

    def life_event_phrases(self, text: str) -> List[FrozenSet[str]]:
        """The words of each life event name or alias the text holds: "plaques" in "sclérose en plaques" is part of
        an illness, not the licence plates it would name alone."""
        text = self._without_organizations(text)
        held = self.snapshot().life_event_index.held_phrases(text, in_order=True, slack=LIFE_EVENT_SLACK)
        return [phrase for _, phrase in held]

    def _without_organizations(self, text: str) -> str:
        """The text, folded, without the organizations it names: "envoyer à Retraite Québec" is no retirement, nor
        "Emploi Québec" a job; a life event's words inside a name are that organization's."""
        folded = fold(text)
        for name in self.snapshot().organization_names:
            if name in folded:
                folded = re.sub(rf"(?<![0-9a-z]){re.escape(name)}(?![0-9a-z])", " ", folded)
        return folded

    def outreach_near(self, place: Place, radius_km: float = 75.0, today: Optional[date] = None) -> List[Outreach]:
        """Outreach serving a community: current and upcoming first (soonest first), then past (latest first)."""
        today = today or date.today()
        near = [
            o
            for o in self.snapshot().outreach
            if haversine_km(place.latitude, place.longitude, o.latitude, o.longitude) <= radius_km
        ]
        current = [o for o in near if o.end_date is None or o.end_date >= today]
        past = [o for o in near if o.end_date is not None and o.end_date < today]
        current.sort(key=lambda o: (o.start_date or date.min, o.id))
        past.sort(key=lambda o: (o.end_date, o.id), reverse=True)
        return current + past

    def facts(self, service_id: str, request: str = "") -> ServiceFacts:
        """Documents, fees, processing times and eligibility criteria of a service, narrowed to the
        variant the request names (services_catalog.facts)."""
        snap = self.snapshot()
        service = snap.services.get(service_id)
        name = service.name if service else None
        return for_request(snap.facts.get(service_id, ServiceFacts()), request, name, snap.service_index.expand)

    def with_facts(self, matches: Sequence[ServiceMatch], kind: str, message: str = "") -> Optional[Service]:
        """The service a question about its documents, fees, delays or eligibility (kind) is most likely about.

        Among the matches about as good as the best (FACT_GAP), the best one the catalogue has that kind
        of fact for: "how much is a 10 year passport?" matches the passport and its office-level variants
        (10-day pick-up, express) nearly equally, and only the passport has fees to tell. Never another
        province's (a federal one is everyone's: Canada Student Loans beside OSAP), nor another service when the
        message names the best one whole: "le régime fédéral de soins dentaires" is the dental plan even without
        criteria on file, not Alberta's health plan or the Canada Pension Plan, which share its "régime".
        """
        if not matches:
            return None
        top = max(matches, key=lambda m: m.score)
        only_top = top.service.id in self._named_whole(message) if message else False
        facts = self.snapshot().facts
        for match in sorted(matches, key=lambda m: -m.score):  # stable: equal scores keep the search's order
            known = facts.get(match.service.id)
            if (
                match.score >= top.score - FACT_GAP
                and match.service.organization.state_province in (None, top.service.organization.state_province)
                and (match is top or not only_top)
                and known is not None
                and _facts_of_kind(known, kind)
            ):
                return match.service
        return None

    def cross_promotions(self, service_id: str = "", promoter_id: str = "") -> List[CrossPromotion]:
        return [
            c
            for c in self.snapshot().cross_promotions
            if (not service_id or c.service.id == service_id) and (not promoter_id or c.promoter.id == promoter_id)
        ]


def _facts_of_kind(facts: ServiceFacts, kind: str) -> List[Tuple[Optional[Bilingual], Tuple[Bilingual, ...]]]:
    """A service's facts of one kind, each as the case it is filed for ("Express service") and what it says;
    who qualifies has no cases, a fee's case says nothing more, and what a benefit pays is a fee's."""
    if kind == "eligibility":
        return [(None, (c.question, c.rule)) for c in facts.criteria]
    if kind == "fees":
        return [(c.option, ()) for c in facts.costs] + [(f.variant, (f.text,)) for f in facts.amounts]
    rows = {"documents": facts.documents, "processing_time": facts.processing_times, "amount": facts.amounts}[kind]
    return [(f.variant, (f.text,)) for f in rows]


def _case_names(facts: ServiceFacts, kind: str) -> List[Bilingual]:
    return [case for case, _ in _facts_of_kind(facts, kind) if case is not None]


def _fact_words(facts: ServiceFacts, kind: str) -> List[Bilingual]:
    return [piece for case, said in _facts_of_kind(facts, kind) for piece in ((case,) if case else ()) + said]


def _office_words(organization: str, office_words: FrozenSet[str]) -> str:
    """The organization's words that office names have: "Service Canada stuff" is Service Canada's."""
    return " ".join(word for word in fold(organization).split() if word in office_words) or fold(organization)


def out_of_reach(hits: List[OfficeHit], max_km: float = NEAR_KM) -> bool:
    """No office found, or only ones farther than a client would call near (offices_near's far fallback)."""
    return not hits or hits[0].distance_km > max_km


def remote_channels(service: Service) -> List[str]:
    """The channels that spare a trip, in the order a client would try them."""
    return [channel for channel in ("online", "phone", "mail") if channel in service.channels]


_shared: Optional[Catalogue] = None


def shared_catalogue() -> Catalogue:
    """One Catalogue per process, so every caller shares one snapshot and one reload."""
    global _shared
    if _shared is None:
        _shared = Catalogue()
    return _shared
