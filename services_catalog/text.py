"""Text folding shared by search and geography.

Clients type without accents, in either language, with apostrophes of every
kind; the catalogue is written with them. Both sides are folded the same way so
"numero d'assurance sociale" meets "numéro d’assurance sociale".
"""

from __future__ import annotations

import re
import unicodedata
from typing import List

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SAINTS = {"st": "saint", "ste": "sainte", "mt": "mount"}


def fold(text: str) -> str:
    """Lowercase, strip accents, turn punctuation into spaces, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", stripped.lower()).strip()


def fold_place(text: str) -> str:
    """fold() plus the abbreviations of place names (St. → Saint) people mix freely."""
    return " ".join(_SAINTS.get(word, word) for word in fold(text).split())


def words(text: str) -> List[str]:
    return fold(text).split()
