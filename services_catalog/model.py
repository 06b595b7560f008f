"""The catalogue as read-only Python objects, for search results and answers.

Every client-readable text is a `Bilingual` pair so a caller renders it in the
client's language with `.get(lang)` and never has to know the column names.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, time
from typing import List, Optional, Tuple

LEVEL_ORDER = ("federal", "provincial", "territorial", "municipal", "indigenous")
STALE_AFTER_DAYS = 365
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_BYDAY = re.compile(r"^(-?\d)?([A-Z]{2})$")


@dataclass(frozen=True)
class Bilingual:
    en: str = ""
    fr: str = ""

    def get(self, lang: str) -> str:
        """The text in lang, or in the other official language when lang's is missing."""
        first, second = (self.fr, self.en) if lang == "fr" else (self.en, self.fr)
        return first or second

    def __bool__(self) -> bool:
        return bool(self.en or self.fr)


@dataclass(frozen=True)
class Organization:
    id: str
    name: Bilingual
    url: Bilingual
    jurisdiction_level: str
    state_province: Optional[str]
    verification: str
    phone: Optional[str] = None
    locator_url: Bilingual = Bilingual()


@dataclass(frozen=True)
class Phone:
    """A number a client can call, and how: TTY and text numbers are the only way some clients can call."""

    number: str
    kind: str  # voice, tty, fax, text (tables.PHONE_TYPES)
    description: Bilingual = Bilingual()


@dataclass(frozen=True)
class Service:
    id: str
    organization: Organization
    name: Bilingual
    alternate_name: Bilingual
    description: Bilingual
    channels: Tuple[str, ...]
    url: Bilingual
    phone: Optional[str]
    fees: Bilingual
    eligibility: Bilingual
    documents: Bilingual
    status: str
    verification: str
    phones: Tuple[Phone, ...] = ()  # from phones.csv: the service's own lines, TTY included
    replaces: Optional[str] = None  # the federal service it stands in for, for its province's residents


@dataclass(frozen=True)
class OpeningHours:
    days: Tuple[str, ...]
    opens_at: time
    closes_at: time
    valid_from: Optional[date]
    valid_to: Optional[date]
    description: Bilingual

    def applies(self, day: date) -> bool:
        in_range = (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )
        return in_range and any(_on_day(code, day) for code in self.days)


def _on_day(code: str, day: date) -> bool:
    """Whether a byday item covers a day: 'WE' every Wednesday, '2WE' the 2nd, '-1WE' the last of the month."""
    found = _BYDAY.match(code)
    if found is None or found.group(2) != WEEKDAYS[day.weekday()]:
        return False
    if found.group(1) is None:
        return True
    ordinal = int(found.group(1))
    if ordinal > 0:
        return (day.day - 1) // 7 + 1 == ordinal
    return day.day + 7 * -ordinal > calendar.monthrange(day.year, day.month)[1] >= day.day + 7 * (-ordinal - 1)


@dataclass(frozen=True)
class Closure:
    """Days a location is closed whatever its hours say; no end date means until further notice."""

    start_date: date
    end_date: Optional[date]
    reason: Bilingual = Bilingual()

    def covers(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


@dataclass(frozen=True)
class Location:
    id: str
    organization: Organization
    name: Bilingual
    description: Bilingual
    location_type: str
    address_1: str
    address_2: Optional[str]
    city: str
    state_province: str
    postal_code: Optional[str]
    latitude: float
    longitude: float
    url: Bilingual
    verification: str
    phones: Tuple[Phone, ...] = ()
    languages: Tuple[str, ...] = ()
    hours: Tuple[OpeningHours, ...] = ()
    coordinates_precision: str = "address"
    time_zone: Optional[str] = None
    last_verified: Optional[date] = None
    address_fr: Tuple[str, str] = ("", "")  # address_1_fr, address_2_fr: the street as written in French
    closures: Tuple[Closure, ...] = ()
    accessibility: Tuple[str, ...] = ()  # feature codes: wheelchair, asl, lsq, free_parking, paid_parking

    def address_lines(self, lang: str = "en") -> List[str]:
        """Street line and 'City PROV  postal code'; in French with lang='fr' where the French street is known."""
        parts = self.address_fr if lang == "fr" and self.address_fr[0] else (self.address_1, self.address_2 or "")
        street = ", ".join(part for part in parts if part)
        return [street, f"{self.city} {self.state_province}  {self.postal_code or ''}".rstrip()]

    def closed_on(self, day: date) -> Optional[Closure]:
        return next((closure for closure in self.closures if closure.covers(day)), None)

    @property
    def address_confirmed(self) -> bool:
        """Only an address read in a source is shown to clients; an unchecked one could send them to the
        wrong door, so the answer then gives the town and the office page instead."""
        return self.verification == "verified"

    def needs_checking(self, today: date) -> bool:
        """Whether the source is over a year old, so the client should check the office page first."""
        return self.last_verified is not None and (today - self.last_verified).days > STALE_AFTER_DAYS

    def hours_on(self, day: date, service_hours: Tuple[OpeningHours, ...] = ()) -> List[Tuple[time, time]]:
        """Opening periods on a day; a service's own hours replace the location's where they exist.

        Nothing on a day the location is closed (a holiday, a move), whatever the hours say.
        """
        if self.closed_on(day):
            return []
        rules = service_hours or self.hours
        return sorted((h.opens_at, h.closes_at) for h in rules if h.applies(day))


@dataclass(frozen=True)
class Bundle:
    id: str
    organization: Organization
    name: Bilingual
    description: Bilingual
    url: Bilingual
    services: Tuple[Service, ...]
    verification: str


@dataclass(frozen=True)
class LifeEvent:
    id: str
    name: Bilingual
    description: Bilingual
    services: Tuple[Service, ...]


@dataclass(frozen=True)
class Outreach:
    id: str
    kind: str
    name: Bilingual
    description: Bilingual
    community: str
    state_province: str
    latitude: float
    longitude: float
    location: Optional[Location]
    start_date: Optional[date]
    end_date: Optional[date]
    schedule: Bilingual
    participants: Tuple[Tuple[Organization, Bilingual], ...]
    services: Tuple[Service, ...]
    verification: str


@dataclass(frozen=True)
class CrossPromotion:
    id: str
    service: Service
    promoter: Organization
    channel: str
    location: Optional[Location]
    community: Optional[str]
    description: Bilingual
    start_date: Optional[date]
    end_date: Optional[date]
    verification: str


@dataclass(frozen=True)
class ServiceMatch:
    service: Service
    score: float
    nearest_km: Optional[float] = None  # to the nearest office offering it, when searched near a place


@dataclass(frozen=True)
class OfficeHit:
    location: Location
    distance_km: float
    hours_today: List[Tuple[time, time]]
    service_hours: Tuple[OpeningHours, ...] = ()
    note: Bilingual = Bilingual()  # what is particular about the service at this office
    closed_because: Bilingual = Bilingual()  # the holiday or closure notice when closed that day


@dataclass
class NearbyAnswer:
    """Offices for a service near a place, and how to get it without travelling."""

    service: Service
    offices: List[OfficeHit]
    max_km: float
    alternatives: List[str] = field(default_factory=list)
    finder: Bilingual = Bilingual()  # the organization's office finder, when the catalogue lists no office

    @property
    def nothing_near(self) -> bool:
        return not self.offices

    @property
    def beyond_reach(self) -> bool:
        """The offices listed are the nearest ones, but farther than a client would call near."""
        return bool(self.offices) and self.offices[0].distance_km > self.max_km


@dataclass(frozen=True)
class Fact:
    """A document to bring, a processing time or an amount paid: one sourced sentence, for one variant of a service.

    The source and its verification travel with the fact so that every answer can link to the official
    page and say when a figure was not re-checked."""

    id: str
    variant: Bilingual
    text: Bilingual
    source: str
    last_verified: Optional[date]
    verification: str
    channel: Optional[str] = None


@dataclass(frozen=True)
class Cost:
    id: str
    option: Bilingual
    amount: float
    currency: str
    source: str
    last_verified: Optional[date]
    verification: str


@dataclass(frozen=True)
class Criterion:
    """One eligibility question with its allowed answers, after USAGov's benefit finder criteria."""

    id: str
    position: int
    question: Bilingual
    answers: Tuple[str, ...]
    labels: Tuple[Tuple[str, str], ...]  # (English, French) button label of each answer
    may_qualify: Tuple[str, ...]
    rule: Bilingual
    decided_by: Bilingual
    source: str
    last_verified: Optional[date]
    verification: str


@dataclass(frozen=True)
class ServiceFacts:
    """What a client needs to know before the trip: documents, fees, processing times, who qualifies."""

    documents: Tuple[Fact, ...] = ()
    costs: Tuple[Cost, ...] = ()
    processing_times: Tuple[Fact, ...] = ()
    criteria: Tuple[Criterion, ...] = ()
    amounts: Tuple[Fact, ...] = ()  # what a benefit pays
