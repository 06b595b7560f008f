"""Whose service a client means: the province (and place) a request is about.

Health cards, driver's licences and birth certificates are provincial: the same
words mean RAMQ in Montréal and Manitoba Health in Winnipeg. The province comes
from the place the client named, else from a province named in the sentence
("new brunswick medicare card"), and for a move from the destination ("moving
from Ontario to Alberta" is about Alberta's services; Ontario is left behind).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

from services_catalog.geography import Place, gazetteer, provinces_in_text, sentence_words

# Words that introduce where a client is going, in both languages ("to Alberta", "en Alberta", "au Québec").
_TOWARDS = frozenset("to into towards vers en au aux a dans pour".split())


@dataclass(frozen=True)
class Whereabouts:
    """Where to look for offices (place) and whose provincial services apply (province)."""

    place: Optional[Place]
    province: Optional[str]


def whereabouts(text: str, named_place: Optional[Place] = None) -> Whereabouts:
    """The place and province a request is about; named_place is what the NLU model or the client gave.

    With two places or provinces in one sentence, the one introduced by "to"/"en"/"au"
    after the first is the destination and wins; otherwise the named place, else the
    town or province the sentence names.
    """
    words = [folded for _, folded in sentence_words(text)]
    by_position = {pos: (code, None) for pos, code in provinces_in_text(text)}
    # "Québec" is a province and a city: the city gives offices to search near, the province stays the same.
    by_position.update({pos: (place.province or "", place) for pos, place in gazetteer().places_in_text(text)})
    mentions: List[Tuple[int, str, Optional[Place]]] = sorted((pos, code, place)
                                                             for pos, (code, place) in by_position.items())
    destination = next((m for m in reversed(mentions[1:]) if m[0] > 0 and words[m[0] - 1] in _TOWARDS), None)
    if destination is not None:
        return Whereabouts(destination[2], destination[1] or None)
    place = named_place or next((m[2] for m in mentions if m[2] is not None), None)
    if place is not None and place.province:
        return Whereabouts(place, place.province)
    province = mentions[-1][1] if mentions else None
    return Whereabouts(place, province or None)
