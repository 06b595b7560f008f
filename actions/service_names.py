"""Which service a message names, read the way the catalogue understands it best.

The NLU model sometimes tags one service name as several pieces ("Sécurité de" +
"vieillesse"), tags a neighbouring word with it ("submit" + "EI"), tags only part
of it ("carte de" for "carte de résident permanent") or tags nothing at all for a
service it never saw in training. So every plausible reading is tried: the span
covering all pieces, each piece, and the message without its place. The
catalogue, which knows every service name, finds candidates for each reading and
ranks them by how much of the whole message they explain.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from services_catalog.catalogue import Catalogue
from services_catalog.geography import Place
from services_catalog.model import ServiceMatch
from services_catalog.text_index import query_terms

PLACE_ENTITIES = ("place", "postal_code")


@dataclass(frozen=True)
class NamedService:
    text: str  # the words the client used for the service, to quote back when nothing matched
    matches: List[ServiceMatch]


def service_readings(message: Dict[str, Any]) -> List[str]:
    """The ways the model's service entities may name a service, without repeats."""
    pieces = sorted((e for e in message.get("entities") or [] if e.get("entity") == "service"),
                    key=lambda e: e.get("start") or 0)
    readings: List[str] = []
    if len(pieces) > 1 and all(_has_span(e) for e in pieces):
        readings.append((message.get("text") or "")[pieces[0]["start"]:pieces[-1]["end"]])
    readings += [str(e["value"]) for e in pieces if e.get("value")]
    return _distinct(readings)


def request_readings(message: Dict[str, Any], place_text: Optional[str] = None) -> List[str]:
    """service_readings, then the message without its place: for a request, every word may name the service.

    Only a request ("where can I get ...") is read whole; a follow-up such as "what are
    its hours?" is about the service already under discussion, not a search for "hours".
    """
    text = message.get("text") or ""
    if text.startswith("/"):  # a button's payload is not words
        return service_readings(message)
    places = [e for e in message.get("entities") or [] if e.get("entity") in PLACE_ENTITIES and _has_span(e)]
    rest = _without(text, places)
    if place_text:
        rest = rest.replace(place_text, " ")
    return _distinct(service_readings(message) + ([rest] if query_terms(rest) else []))


def resolve_service(catalogue: Catalogue, readings: List[str], message: str, limit: int = 5,
                    near: Optional[Place] = None) -> Optional[NamedService]:
    """The services the readings find, best first; None when there is nothing to read.

    A reading that is a service id (a button's payload) is that service, for sure.
    """
    if not readings:
        return None
    for reading in readings:
        chosen = catalogue.service(reading)
        if chosen is not None:
            return NamedService(reading, [ServiceMatch(chosen, 1.0)])
    return NamedService(readings[0], catalogue.search_request(readings, message, limit=limit, near=near))


def _distinct(readings: List[str]) -> List[str]:
    return list(dict.fromkeys(r.strip() for r in readings if r.strip()))


def _has_span(entity: Dict[str, Any]) -> bool:
    start, end = entity.get("start"), entity.get("end")
    return isinstance(start, int) and isinstance(end, int) and end > start


def _without(text: str, entities: List[Dict[str, Any]]) -> str:
    for entity in sorted(entities, key=lambda e: -e["start"]):
        text = text[:entity["start"]] + " " + text[entity["end"]:]
    return text
