"""Which documents, fees and processing times answer a request, when a service has several variants.

"How much is a child passport?" should get the child's fee, not the table of every fee; "how much is a
passport?" gets them all. The rule: the variants that share the most words with the request win, and rows
that apply to every variant always stay. A word counts when the two share most of a start ("renew" /
"renewal", "child" / "children", "renouveler" / "renouvellement"), which is how clients vary the
catalogue's nouns.

The eligibility quick check lives here too, so the rule "which answers still may qualify" is the
catalogue's, not the conversation's.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Callable, List, Mapping, Optional, Sequence, Set, Tuple, TypeVar

from services_catalog.model import Bilingual, Criterion, Fact, ServiceFacts
from services_catalog.text import fold
from services_catalog.text_index import FUNCTION_WORDS, query_terms

T = TypeVar("T")
SHORTEST_PREFIX = 4
AGE_WEIGHT = 2  # a stated age that a variant's bound holds outweighs a shared word or two
# "10 ans" alone is a 10-year passport: an age is said of a person ("mon gars de 10 ans", "she's 7").
# Whom a request is for, not what: "for a child", "pour mon gars" pick a variant of the service under discussion.
PERSON_TERMS = frozenset(
    query_terms(
        "child children kid kids adult adults senior seniors baby babies teen teenager son daughter wife husband "
        "mom dad mother father enfant enfants adulte adultes aine aines bebe ado fils fille gars mari femme mere pere"
    )
)
_AGE = re.compile(
    r"\b(\d{1,2})[ -]?(?:years?[ -]old|yrs?[ -]old|yo)\b|"
    r"\b(?:i'm|im|i am|he's|hes|he is|she's|shes|she is|they're|is|aged?|j'ai|j ai|il a|elle a) (\d{1,2})\b|"
    r"\b(?:gars|fille|fils|garçon|garcon|enfant|bébé|bebe|kid|son|daughter|child) (?:de |of |is )?(\d{1,2})\b"
)
_UNDER = re.compile(r"\b(?:under|moins de) (\d{1,2})\b")
_OVER = re.compile(r"\b(\d{1,2}) (?:or older|and older|ans ou plus|ans et plus)\b")
QUESTION_WORDS = frozenset(
    query_terms("fee fees cost costs price charge frais coût coûts prix tarif documents document délai délais")
)


def _same_word(word: str, other: str) -> bool:
    """ "renew" / "renewal", "child" / "children", "renouveler" / "renouvellement": a shared start of at
    least SHORTEST_PREFIX letters that covers most of the shorter word."""
    if word == other:
        return True
    shorter = min(len(word), len(other))
    common = len(os.path.commonprefix([word, other]))
    return shorter >= SHORTEST_PREFIX and common >= SHORTEST_PREFIX and common >= 0.75 * shorter


def _shared(request: Set[str], variant: Bilingual) -> int:
    said = set(query_terms(f"{variant.en} {variant.fr}", FUNCTION_WORDS))
    return sum(1 for word in request if any(_same_word(word, other) for other in said))


def age_in(request: str) -> Optional[int]:
    """The age a request states: "my son, he's 12", "mon gars de 10 ans", "I'm 64", "she is 7"."""
    found = _AGE.search(request.lower())
    return int(next(group for group in found.groups() if group)) if found else None


def _age_fit(variant: Bilingual, age: Optional[int]) -> int:
    """+AGE_WEIGHT when the variant's age bound ("under 16", "18 ans ou plus") holds the age, -AGE_WEIGHT
    when it excludes it, 0 when either is unknown."""
    if age is None:
        return 0
    text = f"{variant.en} {variant.fr}".lower()
    under = _UNDER.search(text)
    over = _OVER.search(text)
    if under and age < int(next(g for g in under.groups() if g)):
        return AGE_WEIGHT
    if over and age >= int(next(g for g in over.groups() if g)):
        return AGE_WEIGHT
    return -AGE_WEIGHT if under or over else 0


def closest(
    rows: Sequence[T], variant_of: Callable[[T], Bilingual], words: Set[str], age: Optional[int] = None
) -> Tuple[T, ...]:
    """The rows whose variant best matches the request's words and age, with the rows that have no variant."""
    scores = [
        (_shared(words, variant_of(row)) + _age_fit(variant_of(row), age) if variant_of(row) else None) for row in rows
    ]
    best = max((s for s in scores if s is not None), default=0)
    if best <= 0:  # nothing asked for: every row but those of an age the client is not
        return tuple(row for row, score in zip(rows, scores) if score is None or score >= 0) or tuple(rows)
    return tuple(row for row, score in zip(rows, scores) if score is None or score == best)


# How clients name a way to apply: a processing time per channel is the one "by mail" asks for.
CHANNEL_WORDS = {
    "online": Bilingual("online", "en ligne internet"),
    "mail": Bilingual("by mail", "par la poste courrier"),
    "in_person": Bilingual("in person", "en personne"),
    "phone": Bilingual("by phone", "par téléphone"),
}


def _with_channel(fact: Fact) -> Bilingual:
    """A fact's variant with the words of its channel, if it has one."""
    words = CHANNEL_WORDS.get(fact.channel or "")
    if words is None:
        return fact.variant
    return Bilingual(f"{fact.variant.en} {words.en}".strip(), f"{fact.variant.fr} {words.fr}".strip())


def for_request(
    facts: ServiceFacts,
    request: str,
    service_name: Optional[Bilingual] = None,
    expand: Callable[[List[str]], List[str]] = list,
) -> ServiceFacts:
    """The facts of the variant the request names. `expand` applies the catalogue's synonyms, so "my kid"
    picks the child's row as "my child" does."""
    # "renew" is a request word to search, but a variant here; "fee" is the question, never a variant:
    # in "passport fees" it would pick the extra-service rows, the only ones saying "(in addition to the fee)".
    # Nor is the service's own name: "citizenship" in "how much is citizenship?" names the service, not
    # the one fee row that says "right of citizenship fee".
    naming = set(query_terms(f"{service_name.en} {service_name.fr}", FUNCTION_WORDS)) if service_name else set()
    words = set(expand(query_terms(request, FUNCTION_WORDS))) - QUESTION_WORDS - naming
    age = age_in(request)
    return ServiceFacts(
        documents=closest(facts.documents, lambda f: f.variant, words, age),
        costs=closest(facts.costs, lambda c: c.option, words, age),
        processing_times=closest(facts.processing_times, _with_channel, words, age),
        criteria=facts.criteria,
        amounts=closest(facts.amounts, lambda f: f.variant, words, age),
    )


@dataclass(frozen=True)
class EligibilityCheck:
    """Where a client's quick check stands: the next question to ask, or the answers that do not fit."""

    next_question: Optional[Criterion]
    not_fitting: Tuple[Criterion, ...]

    @property
    def done(self) -> bool:
        return self.next_question is None

    @property
    def may_qualify(self) -> bool:
        return self.done and not self.not_fitting


def eligibility_check(criteria: Sequence[Criterion], answers: Mapping[str, str]) -> EligibilityCheck:
    """Ask the criteria in order, and stop at the first answer that does not fit: the questions after it
    no longer matter. Errs towards inclusion: an answer the criterion does not list counts as fitting."""
    for criterion in criteria:
        answer = answers.get(criterion.id)
        if answer is None:
            return EligibilityCheck(criterion, ())
        if answer in criterion.answers and answer not in criterion.may_qualify:
            return EligibilityCheck(None, (criterion,))
    return EligibilityCheck(None, ())


# "How much will I get?", "combien je vais recevoir?", "c'est combien la prestation?": the money a benefit pays.
_PAID = re.compile(
    r"(?<![0-9a-z])(?:(?:will|would|do|does|did|can|could) (?:i|we|you|he|she|they) (?:get|receive|collect)|"
    r"does it pay|how much (?:money|is the (?:benefit|pension|payment|allowance))|amount|amounts|montant|montants|"
    r"(?:je vais|on va|vais je|va t on|il va|elle va) (?:avoir|recevoir|toucher|etre paye)|ca paye|ca paie|"
    r"combien (?:est|c est) la (?:prestation|pension|rente|allocation)|"
    r"la (?:prestation|pension|rente|allocation) c est combien|"
    r"how many weeks|combien de semaines|dure combien de temps|weeks max|semaines max|"
    r"back pay|back payments?|retroacti\w*|get paid|l argent des mois)"
    r"(?![0-9a-z])"
)


def asks_amount_paid(facts: ServiceFacts, request: str) -> bool:
    """Whether "how much" asks what a benefit pays rather than what it costs.

    Only for a service whose amounts the catalogue knows: when the client says they would receive the money,
    or when applying costs nothing, so that the fee cannot be what they mean ("EI: free" answers no one).
    """
    if not facts.amounts:
        return False
    return bool(_PAID.search(fold(request))) or not any(cost.amount > 0 for cost in facts.costs)
