"""Bilingual, typo-tolerant text search over a few weighted fields.

Why not SQL LIKE or a full-text engine: the same ranking must run on SQLite and
PostgreSQL, answer in well under 10 ms at 100,000 services, and understand what
clients type — no accents, plurals, abbreviations, one-letter typos. So the
index lives in memory, built from the database at load time:

- words are folded (accents, case, punctuation) and lightly stemmed (plurals);
- synonyms from the catalogue's `synonyms.csv` rewrite the query
  ("SIN" → "social insurance number", "chômage" → "assurance emploi");
- a word not in the vocabulary is matched to vocabulary words one edit away
  (deletion neighbourhoods, as in SymSpell), at a penalty;
- a document's score is the idf-weighted share of query words it contains,
  each counted at its best field weight, so 1.0 means every word matched in
  the name. Words that match nothing lower the score: "passport for my cat"
  still finds passports, "weather tomorrow" finds nothing.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from services_catalog.text import fold

# Words that carry no meaning at all in a request, English and French.
FUNCTION_WORDS = frozenset(
    """
a an and any are at be by can could do does for from have how i i'm im in is it its me my of on or our please
the their there this to where which who will with would you your we us when what about also else
au aux avec ce ces comment d de des du elle en est et il j je l la le les leur ma mes mon ne nous on ou pour
puis puisse quel quelle qui sa se ses son sur svp ta te tes ton tu un une vous
one ones ok okay so then pis ben alors donc ca c y he she him his her hers they them theirs ours mine yours
nos vos notre votre eux elles stuff thing things truc trucs
""".split()
)
# Words that say what the client wants done, not which service: they must not make a
# service match ("help" is not a service), but between two services that both match, the
# one named "Renew ..." is the better answer to "renew my health card".
REQUEST_WORDS = frozenset(
    """
get getting got need needs want apply applying application obtain renew renewing renewed renewal replace
replacement help office submit go must should like try trying
obtenir renouveler renouvellement renouvelle demander demande remplacer faire veux voudrais besoin avoir ai
aide bureau faut dois doit devons devez peux peut pouvez veut aimerais fais fait font
info infos renseignements remplir fill online ligne
""".split()
)
STOPWORDS = FUNCTION_WORDS | REQUEST_WORDS

# A name with one of these is a variant of a service ("Renew a driver's licence"): what a client who
# does not say "renew" or "replace" means is the service itself, so variants then rank a little lower.
VARIANT_WORDS = frozenset(
    "renew renewal replace replacement renouvellement renouveler remplacement remplacer urgent express".split()
)
# Words with which a client asks for a variant without naming it ("lost my licence" is a replacement).
VARIANT_CUES = VARIANT_WORDS | frozenset("lost stolen damaged expired perdu perdue vole volee endommage expire".split())
VARIANT_PENALTY = 0.08
MIN_SCORE = 0.5
PHRASE_WEIGHT = 0.9  # fields weighing this much are names and aliases, which phrases_in looks for whole
READING_WEIGHT = 0.3  # in a request's rank, how much the best reading's own score counts against the context's
REQUEST_WEIGHT = 0.25
PHRASE_SCORE = 0.75  # a reading's score for a document whose whole name or alias it holds (search_readings)
PHRASE_SHARED_BY = 2  # ... unless more documents than this hold the phrase
PRIOR_WEIGHT = 0.05


# One spelling per word, the Canadian one: clients type "license" and "enrollment".
SPELLINGS = {
    "license": "licence",
    "licens": "licence",
    "enrollment": "enrolment",
    "enroll": "enrol",
    "center": "centre",
    "labor": "labour",
    "defense": "defence",
    "offense": "offence",
}


def stem(word: str) -> str:
    """Plurals to singular and "renewed"/"renewing" to "renew": the inflections clients vary.

    The same rules run on the catalogue and on the request, so a stem only has to be
    consistent, not a real word ("licensing" becomes "licens", then "licence").
    """
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith("aux"):
        word = word[:-3] + "al"
    elif len(word) > 3 and word[-1] in "sx" and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 6 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 5 and word.endswith("ed") and not word.endswith("eed"):
        word = word[:-2]
    return SPELLINGS.get(word, word)


def terms(text: str) -> List[str]:
    return [stem(w) for w in fold(text).split()]


def query_terms(text: str, ignore: frozenset = STOPWORDS) -> List[str]:
    return [t for t in terms(text) if t not in ignore and len(t) > 1]


def _deletions(word: str) -> Set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@dataclass(frozen=True)
class Hit:
    key: str
    score: float


class Synonyms:
    """Query rewriting: a phrase people type → the words the catalogue uses."""

    def __init__(self, pairs: Iterable[Tuple[str, str]]) -> None:
        self._rules: Dict[Tuple[str, ...], List[str]] = {}
        for term, expansion in pairs:
            # Keyed as a search reads the query, without function words: "proof of citizenship" is
            # searched as "proof citizenship", and a key keeping "of" would never match it.
            key = tuple(query_terms(term) or terms(term))
            if key:
                self._rules.setdefault(key, []).extend(terms(expansion))
        self._longest = max((len(k) for k in self._rules), default=0)

    def rewrite(self, words: Sequence[str]) -> List[str]:
        out: List[str] = []
        i = 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                expansion = self._rules.get(tuple(words[i : i + size]))
                if expansion is not None:
                    out.extend(expansion)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return out


class TextIndex:
    """An inverted index of documents made of weighted fields."""

    def __init__(
        self,
        documents: Mapping[str, Sequence[Tuple[str, float]]],
        synonyms: Optional[Synonyms] = None,
        prior: Optional[Mapping[str, float]] = None,
    ):
        """documents: key → [(text, weight), ...]; a name field typically weighs 1.0, a description 0.3.

        prior: key → a small bonus (at most PRIOR_WEIGHT) that breaks ties between equally good matches.
        """
        self._synonyms = synonyms or Synonyms(())
        self._prior = prior or {}
        postings: Dict[str, Dict[str, float]] = defaultdict(dict)
        for key, fields in documents.items():
            for text, weight in fields:
                words = terms(text)
                # Short names are more specific: "Canadian Passport" beats "Certifying copies of a passport".
                focus = weight / math.sqrt(max(1, len([w for w in words if w not in STOPWORDS])) ** 0.5)
                for word in words:
                    if postings[word].get(key, 0.0) < focus:
                        postings[word][key] = focus
        self._postings = dict(postings)
        # Each name or alias, filed under its first word: a text can only hold the phrases of the words it has.
        self._phrases: Dict[str, List[Tuple[str, FrozenSet[str], Tuple[str, ...]]]] = defaultdict(list)
        for key, fields in documents.items():
            for text, weight in fields:
                run = tuple(query_terms(text))
                if weight >= PHRASE_WEIGHT and run:
                    self._phrases[run[0]].append((key, frozenset(run), run))
        self._variants = {
            key
            for key, fields in documents.items()
            if any(weight >= 1.0 and VARIANT_WORDS & set(terms(text)) for text, weight in fields)
        }
        n = max(1, len(documents))
        self._idf = {word: math.log(1 + n / len(docs)) for word, docs in self._postings.items()}
        self._unknown_idf = math.log(1 + n)
        self._neighbours: Dict[str, Set[str]] = defaultdict(set)
        for word in self._postings:
            if len(word) >= 4:
                for variant in _deletions(word):
                    self._neighbours[variant].add(word)

    def __len__(self) -> int:
        return len(self._postings)

    def phrases_in(self, text: str, in_order: bool = False, slack: int = 0) -> List[Hit]:
        """Documents one of whose names or aliases the text holds whole, every word of it, in any order (in_order:
        as one run of the text's words, so "carte de résident permanent perdue" holds no "carte perdue"; slack:
        with up to that many other words inside the run, so "starting a little dog-walking business" holds "start
        business" while "notre fille a eu 18 ans" holds no "eu une fille").

        Scored by the number of words of the longest such phrase, so "my wife died" (2) beats a
        document that only "died" (1) names. Unlike `search`, a long message is not a diluted query:
        "mon mari est mort le mois passé, quelles démarches ..." holds the alias "mort" whole.
        """
        best: Dict[str, float] = {}
        for key, phrase in self.held_phrases(text, in_order, slack):
            best[key] = max(best.get(key, 0.0), float(len(phrase)))
        return sorted((Hit(key, score) for key, score in best.items()), key=lambda hit: (-hit.score, hit.key))

    def held_phrases(self, text: str, in_order: bool = False, slack: int = 0) -> List[Tuple[str, FrozenSet[str]]]:
        """Each document and the words of a name or alias of it the text holds (see phrases_in)."""
        words = query_terms(text)
        held = set(words)
        return [
            (key, phrase)
            for key, phrase, run in (entry for word in held for entry in self._phrases.get(word, ()))
            if phrase <= held and (not in_order or _holds_run(words, run, slack))
        ]

    def _candidates(self, word: str) -> List[Tuple[str, float]]:
        """Vocabulary words for a query word, with a penalty for typos."""
        if word in self._postings:
            return [(word, 1.0)]
        if len(word) < 4:
            return []
        near: Set[str] = set(self._neighbours.get(word, ()))  # a letter missing from the query
        for variant in _deletions(word):
            if variant in self._postings:  # an extra letter in the query
                near.add(variant)
            near.update(self._neighbours.get(variant, ()))  # a letter changed or swapped
        return [(w, 0.75) for w in near]

    def search(self, text: str, limit: int = 5, min_score: float = MIN_SCORE) -> List[Hit]:
        total, words = self._weigh(query_terms(text))
        weighted = [(idf, candidates) for _, idf, candidates in words]
        # Rarest words first. Once the words left cannot lift a document that matched none so
        # far to min_score, only documents already found are scored: a common word then costs
        # a few look-ups instead of a walk through thousands of postings.
        weighted.sort(key=lambda item: -item[0])
        remaining = sum(idf for idf, _ in weighted)
        scores: Dict[str, float] = defaultdict(float)
        for idf, candidates in weighted:
            open_to_new = remaining / total >= min_score
            remaining -= idf
            for key, value in self._best_weights(candidates, None if open_to_new else list(scores)).items():
                scores[key] += idf * value
        hits = [
            Hit(key, self._with_prior(key, score / total))
            for key, score in scores.items()
            if score / total >= min_score
        ]
        hits.sort(key=lambda h: (-h.score, h.key))
        return hits[:limit]

    def search_readings(
        self, readings: Sequence[str], context: str, limit: int = 5, min_score: float = MIN_SCORE
    ) -> List[Hit]:
        """Documents found by any reading of a request, ranked by how much of the whole request they explain.

        A reading is a guess at the words that name the document (an NLU entity, the message
        without its place). Each must match on its own, so "help" alone finds nothing; the
        context (the whole message, request words included) then arbitrates: "carte de" finds
        every card but only one explains "carte de résident permanent à renouveler".
        """
        found: Dict[str, float] = {}
        # "passport" and "renew my passport please" are one query once request words are gone.
        distinct = {tuple(query_terms(reading)): reading for reading in reversed(readings)}
        answered: List[Set[str]] = []
        # Longest first: a piece of a reading that found something ("canada" of "canada child benefit") would
        # only add what its other words rule out (the Canada Pension Plan).
        for reading_terms, reading in sorted(distinct.items(), key=lambda item: -len(item[0])):
            if any(set(reading_terms) < longer for longer in answered) or self._qualified_by_unknown(reading, context):
                continue
            hits = self.search(reading, limit * 4, min_score)
            for hit in hits:
                found[hit.key] = max(found.get(hit.key, 0.0), hit.score)
            if hits:
                answered.append(set(reading_terms))
        # A name or alias of two words or more held whole names its document, however many other words dilute the
        # search ("la déclaration de naissance de notre bébé sur le web" finds other provinces' newborn
        # registrations, with "bébé"); not a phrase many documents share ("driver's licence", one per province).
        for reading in distinct.values():
            held = self.phrases_in(reading, in_order=True)
            longest = [hit for hit in held if hit.score == held[0].score >= 2]
            for hit in longest if len(longest) <= PHRASE_SHARED_BY else []:
                found[hit.key] = max(found.get(hit.key, 0.0), PHRASE_SCORE)
        if not found:
            return []
        # Words the catalogue has never seen (a village's name, "urgently") explain nothing
        # about any candidate, so they are left out rather than counted against all of them.
        # Request words ("renew", "replace") only break ties, so they weigh a quarter of their idf.
        _, context_terms = self._weigh(query_terms(context, FUNCTION_WORDS))
        weighted = [
            (idf * (REQUEST_WEIGHT if word in REQUEST_WORDS else 1.0), candidates)
            for word, idf, candidates in context_terms
        ]
        known = sum(idf for idf, _ in weighted)
        explained: Dict[str, float] = defaultdict(float)
        for idf, candidates in weighted:
            for key, value in self._best_weights(candidates, list(found)).items():
                explained[key] += idf * value
        penalty = (
            0.0 if VARIANT_CUES & set(fold(context).split()) | VARIANT_WORDS & set(terms(context)) else VARIANT_PENALTY
        )
        hits = [
            Hit(
                key,
                round(
                    self._with_prior(key, READING_WEIGHT * score + (1 - READING_WEIGHT) * explained[key] / known)
                    - (penalty if key in self._variants else 0.0),
                    4,
                )
                if known
                else score,
            )
            for key, score in found.items()
        ]
        hits.sort(key=lambda h: (-h.score, -found[h.key], h.key))
        return hits[:limit]

    def _qualified_by_unknown(self, reading: str, context: str) -> bool:
        """Whether the request qualifies the reading with a word no service has: "unicorn licence",
        "permis de licorne". The model sometimes tags only the familiar head word ("licence"), which
        alone would find every licence; the client asked for a kind of licence the catalogue lacks.
        """
        # "dès" (from) folds to "des" (of): "ma pension du RPC dès maintenant" is no "RPC des maintenant"
        words, head = fold(re.sub(r"(?i)\bdès\b", "depuis", context)).split(), fold(reading).split()
        for i in range(len(words) - len(head) + 1):
            if not head or words[i : i + len(head)] != head:
                continue
            before = words[i - 1 : i]
            after = words[i + len(head) : i + len(head) + 2]
            qualifiers = before + (after[1:] if after[:1] in (["de"], ["d"], ["du"], ["des"]) else [])
            if any(self._unknown(word) for word in qualifiers):
                return True
        return False

    def expand(self, words: Sequence[str]) -> List[str]:
        """Query words with the catalogue's synonyms applied, as a search reads them."""
        return self._synonyms.rewrite(words)

    def _unknown(self, word: str) -> bool:
        term = stem(word)
        return word.isalpha() and len(term) > 2 and term not in STOPWORDS and not self._candidates(term)

    def _weigh(self, words: Sequence[str]) -> Tuple[float, List[Tuple[str, float, List[Tuple[str, float]]]]]:
        """Each distinct known query word with its idf and vocabulary candidates; the sum of all idfs."""
        total = 0.0
        weighted: List[Tuple[str, float, List[Tuple[str, float]]]] = []
        for word in dict.fromkeys(self._synonyms.rewrite(words)):
            candidates = self._candidates(word)
            idf = max(self._idf[w] for w, _ in candidates) if candidates else self._unknown_idf
            total += idf
            if candidates:
                weighted.append((word, idf, candidates))
        return total, weighted

    def _with_prior(self, key: str, share: float) -> float:
        return round(share + PRIOR_WEIGHT * self._prior.get(key, 0.0), 4)

    def _best_weights(self, candidates: List[Tuple[str, float]], among: Optional[List[str]]) -> Dict[str, float]:
        """Each document's best weight for one query word, over the word's vocabulary candidates."""
        best: Dict[str, float] = {}
        for candidate, penalty in candidates:
            postings = self._postings[candidate]
            items = postings.items() if among is None else ((k, postings[k]) for k in among if k in postings)
            for key, weight in items:
                value = weight * penalty
                if value > best.get(key, 0.0):
                    best[key] = value
        return best


def _holds_run(words: Sequence[str], run: Tuple[str, ...], slack: int = 0) -> bool:
    """Whether the words hold the run in order, spanning at most len(run) + slack words."""
    for start in (i for i, word in enumerate(words) if word == run[0]):
        window = iter(words[start + 1 : start + len(run) + slack])
        if all(any(word == wanted for word in window) for wanted in run[1:]):
            return True
    return False
