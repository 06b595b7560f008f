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

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from bot.privacy import MASKED_MENTION
from services_catalog.catalogue import Catalogue
from services_catalog.facts import PERSON_TERMS
from services_catalog.geography import Place, gazetteer, provinces_in_text
from services_catalog.jurisdiction import Whereabouts, whereabouts
from services_catalog.model import Service, ServiceMatch
from services_catalog.text_index import FUNCTION_WORDS, query_terms

PLACE_ENTITIES = ("place", "postal_code")
# What is left of "my health card number is [health-card-number]" to name a service: "health card".
DATA_WORDS = re.compile(r"\[[\w-]+\]|\b(?:my|mon|ma|mes|is|est|number|num[ée]ro|no)\b|[:=#]", re.IGNORECASE)


@dataclass(frozen=True)
class NamedService:
    text: str  # the words the client used for the service, to quote back when nothing matched
    matches: List[ServiceMatch]
    choices: List[ServiceMatch] = field(default_factory=list)  # two or more: the client must choose
    needs_province: bool = False  # a provincial service, and the client's province is unknown
    where: Whereabouts = Whereabouts(None, None)


def _within(entity: Dict[str, Any], text: str, pattern: "re.Pattern[str]") -> bool:
    """Whether the model tagged words inside what the pattern finds: "my SIN is [SIN]" names the client's data,
    "a 2 year old" an age, not the request."""
    return _has_span(entity) and any(
        m.start() <= entity["start"] and entity["end"] <= m.end() for m in pattern.finditer(text)
    )


# Words that name no service on their own: the country ("I only moved to Canada 12 years ago"), and what every
# service is ("what benefits can we get?", "quels programmes?").
NAMES_NOTHING = frozenset(
    query_terms(
        "canada canadian canadians canadien canadienne canadiens canadiennes benefit benefits prestation prestations "
        "program programs programme programmes service services government gouvernement stuff thing things"
    )
)
# "a 2 year old", "un passeport de 10 ans": an age or a length of time, whose number names no service (the
# 10-day passport pick-up) and whose "old" no Old Age Security. Days are left alone: they name service levels.
# "a 2 year old", "my 8 year old's first passport" (the possessive too)
AGE_PHRASE = re.compile(r"\b\d{1,2}[ -]?(?:years?|yrs?|ans?|months?|mois)\b(?:[ -]?old(?:['’]s)?\b)?", re.IGNORECASE)


def service_readings(message: Dict[str, Any]) -> List[str]:
    """The ways the model's service entities may name a service, without repeats."""
    text = message.get("text") or ""
    # A piece of only function words ("de" in "carte d'assurance maladie tout de suite") names nothing, and
    # would join its neighbour's name to the words between them; one cut after "de" ("rente de" retraite) is
    # read with the word it was cut from.
    pieces = sorted(
        (
            _completed(e, text)
            for e in message.get("entities") or []
            if e.get("entity") == "service"
            and not _within(e, text, MASKED_MENTION)
            and not _within(e, text, AGE_PHRASE)
            and query_terms(str(e.get("value")))
        ),
        key=lambda e: e.get("start") or 0,
    )
    readings: List[str] = []
    # Pieces a word apart are one name cut by the model ("carte de" + "résident permanent"); pieces far apart
    # are not ("permit ... canada ... child benefit" would read as the Canada Pension Plan's benefits).
    if (
        len(pieces) > 1
        and all(_has_span(e) for e in pieces)
        and all(len(text[a["end"] : b["start"]].split()) <= 1 for a, b in zip(pieces, pieces[1:]))
    ):
        readings.append(text[pieces[0]["start"] : pieces[-1]["end"]])
    readings += [str(e["value"]) for e in pieces if e.get("value")]
    # A piece that is only a place ("PEI" tagged as a service) names where, not what (see NAMES_NOTHING).
    readings = [" ".join(AGE_PHRASE.sub(" ", r).split()) for r in readings]
    return _distinct([r for r in readings if set(query_terms(gazetteer().without_places(r))) - NAMES_NOTHING])


_NEXT_WORD = re.compile(r"\s*[^\W\d_][\w'’-]*")


def _completed(entity: Dict[str, Any], text: str) -> Dict[str, Any]:
    """The entity with the word after it when it ends on a function word ("rente de" → "rente de retraite")."""
    value = str(entity.get("value") or "")
    words = value.lower().split()
    if not _has_span(entity) or not words or words[-1] not in FUNCTION_WORDS:
        return entity
    following = _NEXT_WORD.match(text, entity["end"])
    if following is None:
        return entity
    return {**entity, "end": following.end(), "value": text[entity["start"] : following.end()]}


def other_readings(readings: List[str], catalogue: Catalogue, current: Service) -> List[str]:
    """The readings that may name another service than the one under discussion.

    Its own words (Catalogue.names_only: "can I get his pension?" after the Canada Pension Plan) or the person
    it is for ("what do I bring for a child?" after the passport) name no other service.
    """
    return [r for r in readings if not (set(query_terms(r)) <= PERSON_TERMS or catalogue.names_only(current, r))]


def request_readings(message: Dict[str, Any], place_text: Optional[str] = None) -> List[str]:
    """service_readings, then the message without its place: for a request, every word may name the service.

    Only a request ("where can I get ...") is read whole; a follow-up such as "what are
    its hours?" is about the service already under discussion, not a search for "hours".
    """
    text = message.get("text") or ""
    if text.startswith("/"):  # a button's payload is not words
        return service_readings(message)
    # Only what really is a place is taken out: the model sometimes tags "saskatchewan income" as one.
    places = [
        e
        for e in message.get("entities") or []
        if e.get("entity") in PLACE_ENTITIES
        and _has_span(e)
        and not gazetteer().without_places(str(e.get("value"))).strip()
        or e.get("entity") == "postal_code"
    ]
    # Towns and provinces the gazetteer finds go first, whole ("northwest territories"), then the model's.
    rest = gazetteer().without_places(AGE_PHRASE.sub(" ", MASKED_MENTION.sub(" ", text)))
    for entity in places:
        rest = rest.replace(str(entity["value"]), " ")
    if place_text:
        rest = rest.replace(place_text, " ")
    return _distinct(service_readings(message) + ([rest] if query_terms(rest) else []))


def data_readings(message: Dict[str, Any]) -> List[str]:
    """What the personal data a client gave names: "my health card number is [health-card-number]" → "health card".

    For a request whose other words name no service ("..., how do I renew it?"): the data then says
    what the request is about.
    """
    mentioned = DATA_WORDS.sub(" ", " ".join(m.group(0) for m in MASKED_MENTION.finditer(message.get("text") or "")))
    return [" ".join(mentioned.split())] if query_terms(mentioned) else []  # quoted back to the client as is


SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
CLAUSE_END = re.compile(r"(?<=[.?!,;])\s+")
# How clients ask about documents, fees, delays and eligibility: the question, not the service.
FACT_QUESTION = re.compile(
    r"\b(how much|how long|documents?|docs|papers|paperwork|bring|send|"
    r"cost|costs|fees?|price|pay|charge|processing|process|time|takes?|wait|delay|eligible|eligibility|qualify|"
    r"entitled|combien|co[uû]te?|frais|prix|payer|payant|papiers|apporter|amener|fournir|envoyer|"
    r"d[ée]lai|d[ée]lais|traitement|temps|prend|admissible|admissibilit[ée]|[ée]ligible|droit|"
    r"online|internet|web|website|ligne|paper|papier|forms?|formulaires?|"
    r"when|quand|will|be|va|vais|vont|[êe]tre|before|avant|sign up|filling out|fill out|filling|without|sans)\b",
    re.IGNORECASE,
)


def fact_readings(message: Dict[str, Any], place_text: Optional[str] = None) -> List[str]:
    """request_readings of a question about a service, without the words of the question itself:
    "how much does it cost to apply for citizenship" names citizenship, and "how much is it?" names nothing."""
    text = message.get("text") or ""
    # Blanked to the same length: the model's entities are spans of the text as typed.
    asked = FACT_QUESTION.sub(lambda found: " " * len(found.group()), text)
    return request_readings({**message, "text": asked}, place_text) if text else []


def sentence_readings(
    message: Dict[str, Any], place_text: Optional[str] = None, boundary: "re.Pattern[str]" = SENTENCE_END
) -> List[str]:
    """fact_readings of each sentence of a message of several, for when the whole names nothing: "Can I get my
    SIN over the internet? I'm a new permanent resident in Kamloops." is too many words for any one name.
    The model's entities are spans of the whole text, so a sentence is read by its words alone. boundary:
    CLAUSE_END reads each clause ("where can i get a passport in a hurry in calgary, my flight got moved up")."""
    sentences = [s for s in boundary.split(message.get("text") or "") if s.strip()]
    if len(sentences) < 2:
        return []
    return _distinct([r for s in sentences for r in fact_readings({"text": s, "entities": []}, place_text)])


def place_named(message: Dict[str, Any]) -> Optional[str]:
    """The place a message names: a postal code first (the most precise), then a town found in the
    sentence by the gazetteer (a move's destination first; the NLU model has not seen most of Canada's
    towns), then the model's place entity."""
    entities = {e.get("entity"): e.get("value") for e in reversed(message.get("entities") or [])}
    town = whereabouts(message.get("text") or "").place
    tagged = entities.get("place")
    if tagged and provinces_in_text(str(tagged)):
        tagged = None  # "saskatchewan income": the province is read from the sentence, the rest is no place
    town_text = gazetteer().name_that_finds(town) if town else None
    return entities.get("postal_code") or town_text or tagged or _untagged_place(message)


# "... in Quuxburg?": a capitalised name after "in", ending the message. The model misses towns it never
# saw; without this the client is asked "where are you?" after saying it, and the owners' report never
# learns of the place. Languages and words the model tagged as something else are not places.
UNTAGGED_PLACE = re.compile(
    r"\b(?:in|near|at|à|au|près de|pres de)\s+([A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý][\w'’.-]*){0,2})\s*[?.!]*\s*$"
)
NOT_PLACES = {"english", "french", "anglais", "français", "francais", "person", "personne"}


def _untagged_place(message: Dict[str, Any]) -> Optional[str]:
    text = message.get("text") or ""
    found = UNTAGGED_PLACE.search(text)
    if not found or found.group(1).lower() in NOT_PLACES or provinces_in_text(found.group(1)):
        return None  # a province says where, but is no place to measure distances from
    tagged = [e for e in message.get("entities") or [] if _has_span(e)]
    if any(e["start"] < found.end(1) and found.start(1) < e["end"] for e in tagged):
        return None
    return found.group(1)


# The words that introduce a place: "in Calgary", "près de Laval", "à Gatineau".
# "a" only before a capital: French typed without accents ("a Gatineau"), not the article ("a unicorn licence").
PLACE_INTRODUCED = re.compile(
    r"\b(?i:in|at|near|around|from|to|à|au|aux|en|dans|près de|pres de|proche de)\s+(?i:the\s+)?|\b[aA]\s+(?=[A-ZÀ-Ý])"
)


def misread_place(message: Dict[str, Any], place_text: Optional[str]) -> bool:
    """Whether the model tagged what the client asks for as a place: "where can I get a unicorn licence?".

    A place the gazetteer does not know, in the message but not introduced as places are,
    is the thing asked for; reading it as a place would ask "which service?" about a request
    that named one, and hide it from the owners' report of services nobody found.
    """
    text = message.get("text") or ""
    if not place_text or place_text not in text or not gazetteer().without_places(place_text).strip():
        return False
    return not any(text.startswith(place_text, m.end()) for m in PLACE_INTRODUCED.finditer(text))


def resolve_service(
    catalogue: Catalogue,
    readings: List[str],
    message: str,
    limit: int = 5,
    near: Optional[Place] = None,
    province: Optional[str] = None,
) -> Optional[NamedService]:
    """The services the readings find, best first, and what to do with them; None when there is nothing to read.

    A reading that is a service id (a button's payload) is that service, for sure. `province`: one the
    conversation settled, for a message that names none (see Catalogue.resolve_request).
    """
    if not readings:
        return None
    for reading in readings:
        chosen = catalogue.service(reading)
        if chosen is not None:
            return NamedService(
                reading, [ServiceMatch(chosen, 1.0)], where=Whereabouts(near, near.province if near else None)
            )
    # Masked personal data ("PHN [health-card-number]") is no word of the request: it would dilute the rest.
    found = catalogue.resolve_request(readings, MASKED_MENTION.sub(" ", message), near, limit, province)
    return NamedService(readings[0], found.matches, found.choices, found.needs_province, found.where)


def named_by_data(
    catalogue: Catalogue, message: Dict[str, Any], text: str, limit: int, near: Optional[Place]
) -> Optional[NamedService]:
    """The service the personal data a client gave names (data_readings), when it names one: for a request whose
    other words name none ("my passport number is [passport-number] and it got stolen, what do I do?")."""
    found = resolve_service(catalogue, data_readings(message), text, limit, near)
    return found if found is not None and found.matches else None


def _distinct(readings: List[str]) -> List[str]:
    return list(dict.fromkeys(r.strip() for r in readings if r.strip()))


def _has_span(entity: Dict[str, Any]) -> bool:
    start, end = entity.get("start"), entity.get("end")
    return isinstance(start, int) and isinstance(end, int) and end > start
