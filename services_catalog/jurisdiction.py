"""Whose service a client means: the province (and place) a request is about.

Health cards, driver's licences and birth certificates are provincial: the same
words mean RAMQ in Montréal and Manitoba Health in Winnipeg. The province comes
from the place the client named, else from a province named in the sentence
("new brunswick medicare card"), and for a move from the destination ("moving
from Ontario to Alberta" is about Alberta's services; Ontario is left behind).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from services_catalog.geography import Place, gazetteer, provinces_in_text, sentence_words

# Words that introduce where a client is going, and where from, in both languages ("to Alberta", "en
# Alberta", "au Québec"; "from Ontario", "du Québec", "de l'Ontario"). A bare "a" is the English article:
# only a typed "à" counts.
_TOWARDS = frozenset("to into towards vers en au aux à dans pour".split())
_FROM = frozenset("from de d du des".split())  # "d" as in "d'Ottawa"
# "le bureau de Gatineau", "Service Canada de Notre-Dame-de-Lourdes": after these, "de" names whose
# office it is, not where someone comes from.
_OFFICE_OF = frozenset("bureau bureaux centre canada ontario passeports passeport service point ville hotel".split())
_ARTICLES = frozenset("l la le les the".split())
# "my Nova Scotia licence", "ma carte de l'Ontario": a province the client holds something from.
_HELD = frozenset("my our mon ma mes notre nos".split())
# Words that say where something is ("in Winnipeg", "à Winnipeg"), as typed: a bare "a" is the English article.
_AT = frozenset("in at near à au aux".split())


@dataclass(frozen=True)
class Whereabouts:
    """Where to look for offices (place) and whose provincial services apply (province)."""

    place: Optional[Place]
    province: Optional[str]


@dataclass(frozen=True)
class _Mention:
    position: int
    province: str
    place: Optional[Place]
    towards: bool  # introduced by "to", "en", "à"...
    origin: bool  # introduced by "from", "de", "du"...
    located: bool = False  # introduced by "in", "à"...: where the client is, not a name ("l'hôpital Saint-Boniface")
    held: bool = False  # "my Nova Scotia licence": where a card or licence the client has is from


def whereabouts(text: str, named_place: Optional[Place] = None) -> Whereabouts:
    """The place and province a request is about; named_place is what the NLU model or the client gave.

    With two places or provinces in one sentence and one of them the origin ("from Ontario",
    "du Québec"), the other is the destination and wins ("moving to PEI from New Brunswick"); so does a place
    moved to over the province of a card the client holds ("my Nova Scotia licence").
    Otherwise the named place, else the town or province the sentence names; a province named
    in words beats a town guessed in another province ("Baie Sainte-Marie, Nouvelle-Écosse").
    """
    mentions = _mentions(text)
    if len(mentions) > 1 and any(m.held for m in mentions):
        # Left behind for a destination: a province come from, or one a card is from ("moved to Miramichi and
        # swapped my Nova Scotia licence"); only one come from makes any other place the destination.
        come_from = any(m.origin for m in mentions)
        destination = next((m for m in reversed(mentions) if m.towards), None) or (
            next((m for m in reversed(mentions) if not m.origin), None) if come_from else None
        )
        if destination is not None:
            return Whereabouts(destination.place, destination.province or None)
    named = [m.province for m in mentions if m.place is None]
    towns = [m for m in mentions if m.place is not None]
    # "l'hôpital Saint-Boniface à Winnipeg": of two towns, the one the sentence puts the client in.
    towns = [m for m in towns if m.located] or towns
    place = named_place or next((m.place for m in towns), None)
    if place is not None and named and place.province not in named:
        place = gazetteer().town(place.name, named[-1])  # the same name in the province the client named
    if place is not None and place.province:
        return Whereabouts(place, place.province)
    return Whereabouts(None, named[-1] if named else None)


def _mentions(text: str) -> List[_Mention]:
    words = sentence_words(text)
    found: Dict[int, Tuple[str, Optional[Place]]] = {pos: (code, None) for pos, code in provinces_in_text(text)}
    # "Québec" is a province and a city: the city gives offices to search near, the province stays the same.
    found.update({pos: (place.province or "", place) for pos, place in gazetteer().places_in_text(text)})
    mentions = []
    for position, (code, place) in sorted(found.items(), key=lambda item: item[0]):
        before = position - 1
        while before >= 0 and words[before][1] in _ARTICLES:
            before -= 1
        typed = words[before][0].lower() if before >= 0 else ""
        folded = words[before][1] if before >= 0 else ""
        owner = words[before - 1][1] if before >= 1 else ""
        origin = folded in _FROM and owner not in _OFFICE_OF
        mentions.append(
            _Mention(
                position,
                code,
                place,
                typed in _TOWARDS or (folded in _TOWARDS and folded != "a"),
                origin,
                located=typed in _AT,
                held=folded in _HELD or origin,
            )
        )
    return mentions
