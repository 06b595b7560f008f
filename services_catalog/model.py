"""The catalogue as read-only Python objects, for search results and answers.

Every client-readable text is a `Bilingual` pair so a caller renders it in the
client's language with `.get(lang)` and never has to know the column names.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import List, Optional, Tuple

LEVEL_ORDER = ("federal", "provincial", "territorial", "municipal", "indigenous")


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


@dataclass(frozen=True)
class OpeningHours:
    days: Tuple[str, ...]
    opens_at: time
    closes_at: time
    valid_from: Optional[date]
    valid_to: Optional[date]
    description: Bilingual

    def applies(self, day: date) -> bool:
        weekday = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[day.weekday()]
        in_range = (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)
        return weekday in self.days and in_range


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
    phones: Tuple[str, ...] = ()
    languages: Tuple[str, ...] = ()
    hours: Tuple[OpeningHours, ...] = ()
    coordinates_precision: str = "address"
    time_zone: Optional[str] = None
    last_verified: Optional[date] = None

    def address_lines(self) -> List[str]:
        street = ", ".join(part for part in (self.address_1, self.address_2) if part)
        return [street, f"{self.city} {self.state_province}  {self.postal_code or ''}".rstrip()]

    def hours_on(self, day: date, service_hours: Tuple[OpeningHours, ...] = ()) -> List[Tuple[time, time]]:
        """Opening periods on a day; a service's own hours replace the location's where they exist."""
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


@dataclass
class NearbyAnswer:
    """Offices for a service near a place, and how to get it without travelling."""

    service: Service
    offices: List[OfficeHit]
    max_km: float
    alternatives: List[str] = field(default_factory=list)

    @property
    def nothing_near(self) -> bool:
        return not self.offices
