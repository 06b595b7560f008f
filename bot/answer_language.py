"""Which official language to answer in, decided afresh for every message.

Signals, strongest first:
1. an explicit request in the message ("en français svp", "English please"),
   which sticks until the next request or a change of the page's language;
2. the page's language sent by the web widget in the message metadata, when it
   has just changed;
3. the sticky explicit choice;
4. the language the message is written in, when the text says so clearly
   (accents, function words); otherwise the widget's page language, otherwise
   whatever was used last. "T9H 5G2" or "ok" say nothing and change nothing.

Plain Python, no Rasa import: the Rasa server decides in-process (bot.language_policy),
so no turn pays a round trip to the action server just to pick a language, and the
input guard and the benchmarks reuse `detect`.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Optional, Tuple

from services_catalog.text import fold

LANGUAGES = ("en", "fr")
DEFAULT = "en"

_REQUEST = {
    "fr": re.compile(
        r"\b(in french|en francais|french please|francais (svp|s il vous plait|please)|"
        r"parlez[- ]vous francais|(je veux|je voudrais) (parler )?(en )?francais|switch to french)\b"
    ),
    "en": re.compile(
        r"\b(in english|en anglais|english please|anglais (svp|s il vous plait)|"
        r"do you speak english|parlez[- ]vous anglais|switch to english)\b"
    ),
}
# Words typed in both languages count for neither: "a" is also French "à" typed without its accent, and
# "job" is everyday Quebec French ("j'ai perdu ma job").
_FRENCH = set(
    """je j tu il elle nous vous ils on le la les un une des du de d l au aux ou où est suis sont
mon ma mes ton ta votre vos notre nos ce cette ces qui que quoi quand comment pourquoi puis peux peut
avoir obtenir renouveler demander bonjour salut merci oui non pas avec pour dans sur chez bebe besoin
aide emploi assurance numero permis carte naissance deces perdu veux voudrais faire aller bureau ville
quel quelle quels quelles heures ouvert ferme frais documents allo bonsoir svp mere pere mort
passeport citoyennete sante conduire prestations rente vieillesse enfants casier combien delai et en si y
ca c qu ai as pis faut heure ouvre samedi dimanche lundi mardi mercredi jeudi vendredi adresse mari conjoint
conjointe femme fils fille gars droit chomage semaine mois ans ete depuis aussi leur lui moi sa ses""".split()
)
_ENGLISH = set(
    """i i'm im you he she we they the an my your our their is are was were be been have has
had do does did can could would should will where what when how why which who get renew apply need want
find office near hello hi hey thanks thank yes no not with for in on at from baby lost died moving
passport licence license card number insurance birth certificate health hours open please help and of
to it this that there about whats much long take cost sunday monday tuesday wednesday thursday friday
saturday address close closed today tomorrow mom dad wife husband son daughter kids got just still if or""".split()
)
_ACCENTS = re.compile(r"[àâçéèêëîïôûùüÿœ]", re.I)


_MASK = re.compile(r"\[[\w-]+\]")
_URL = re.compile(r"https?://\S+|www\.\S+")  # ".../en/..." and ".ca" are no words of either language


def requested_language(text: str) -> Optional[str]:
    folded = fold(text)
    for lang, pattern in _REQUEST.items():
        if pattern.search(folded):
            return lang
    return None


def detect(text: str) -> Tuple[Optional[str], float]:
    """(language, confidence in 0..1) of a message; (None, 0) when the text gives no clue.

    The masks put in place of personal data ("[health-card-number]") are Guichet's words, not the client's;
    web addresses are nobody's words.
    """
    text = _URL.sub(" ", _MASK.sub(" ", text or ""))
    words = fold(text).split()
    french = sum(w in _FRENCH for w in words) + 2 * len(_ACCENTS.findall(text))
    english = sum(w in _ENGLISH for w in words)
    total = french + english
    if total == 0:
        return None, 0.0
    lang = "fr" if french > english else "en"
    return lang, max(french, english) / total


def choose(
    text: str,
    metadata: Dict[str, Any],
    current: Optional[str],
    choice: Optional[str],
    last_page: Optional[str],
    asked: Optional[str] = None,
) -> Dict[str, Optional[str]]:
    """New values of the slots language, language_choice and page_language.

    current: the language of the conversation so far; None before the client's first message.
    asked: the language the NLU model read from a change_language request, if any.
    """
    page = metadata.get("language") if metadata.get("language") in LANGUAGES else None
    explicit = asked if asked in LANGUAGES else requested_language(text)
    if explicit:
        return {"language": explicit, "language_choice": explicit, "page_language": page or last_page}
    if page and page != last_page and last_page is not None:
        return {"language": page, "language_choice": None, "page_language": page}
    if choice:
        return {"language": choice, "language_choice": choice, "page_language": page or last_page}
    detected, confidence = detect(text)
    clues = sum(w in _FRENCH or w in _ENGLISH for w in fold(text).split()) + len(_ACCENTS.findall(text or ""))
    # One word ("passport") is no sentence to switch languages on; but as the first message, with no page
    # language and nothing said before, "passeport" is all the evidence there is.
    clear = detected is not None and confidence >= 0.75 and (clues >= 2 or (current is None and page is None))
    language = detected if clear else (page or current or DEFAULT)
    return {"language": language, "language_choice": None, "page_language": page or last_page}
