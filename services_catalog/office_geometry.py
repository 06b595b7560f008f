"""Where a build's offices are, kept as coordinate arrays for the distance questions of every turn.

A search near a place ranks each candidate service by its nearest office and then lists the nearest
offices of the one chosen: hundreds of distances a turn. They are computed per service and per
organization at most once per build (lazily: most services are never asked about near a place).
"""

from __future__ import annotations

from typing import Dict, List, Tuple

from services_catalog.geography import Place, Points
from services_catalog.model import Location
from services_catalog.snapshot import Snapshot


class Geometry:
    """The offices of one build: by service, by organization, and all of them."""

    def __init__(self, snap: Snapshot) -> None:
        self.build_id = snap.build_id
        self._snap = snap
        self.sites: Dict[str, List[Location]] = {}  # organization id -> its locations
        for location in snap.locations.values():
            self.sites.setdefault(location.organization.id, []).append(location)
        self._all = list(snap.locations.values())
        self._all_points = _points(self._all)
        self._by_service: Dict[str, Points] = {}
        self._by_organization: Dict[str, Points] = {}

    def offices_of(self, service_id: str) -> Points:
        """The offices offering the service, in the order of snapshot.locations_by_service."""
        if service_id not in self._by_service:
            offered = self._snap.locations_by_service.get(service_id, [])
            self._by_service[service_id] = _points([location for location, _ in offered])
        return self._by_service[service_id]

    def sites_of(self, organization_id: str) -> Points:
        """The organization's locations, in the order of `sites`."""
        if organization_id not in self._by_organization:
            self._by_organization[organization_id] = _points(self.sites.get(organization_id, []))
        return self._by_organization[organization_id]

    def distances_to_all(self, place: Place) -> List[Tuple[float, Location]]:
        """(km, location) for every location of the build."""
        return list(zip(self._all_points.km_from(place.latitude, place.longitude), self._all))


def _points(locations: List[Location]) -> Points:
    return Points([(location.latitude, location.longitude) for location in locations])
