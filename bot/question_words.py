"""The kind of question a message asks, from the words that ask it, when the model only half knows.

DIET reads the whole message, so a long message that states a situation first ("my daughter is 4,
what do we need to get her a passport", "le bureau des passeports au complexe Guy-Favreau, y va-tu
être ouvert le jour de l'An") is pulled towards the intent of its other words: a life event, or "where
is the passport office". The words that ask the question ("what do we need", "ouvert") are few and
unambiguous in both languages, so they decide, but only where the model's own answer is a generic one
(find a service, an office, a place) or unsure: a confident specific intent is left alone, so a question
with cues of two kinds ("how much extra for the fast service?") keeps what the model learned.

A message the model is unsure about that names a life event (the model's `life_event` entity: "ma mère
est morte", "on se marie") is a life event; and a life event without any life event named, asked with
one kind of question, is that question ("my daughter is 4, what documents for her passport").
"""

from __future__ import annotations

import re
from typing import Any, Dict, FrozenSet, List, Optional

from services_catalog.text import fold

CONFIDENT = 0.6  # the FallbackClassifier's threshold (config.yml): below it the model's guess is no answer
AMBIGUOUS = 0.1  # and its ambiguity threshold between the top two intents

# Cue phrases as regular expressions over folded text (lowercase, no accents, punctuation as spaces),
# matched as whole words.
# fmt: off
STRONG_CUES: Dict[str, List[str]] = {
    "ask_hours": [
        # "how many hours (of work) do I need", "cutting my hours" ask no opening hours
        # "opening a dog grooming business", "open my own shop": starting something, not opening hours
        r"(?:open|opens|opening)(?! (?:a|an|my|our|his|her|their|up|new) )",
        r"(?<!\bmany )(?<!\bmy )(?<!\bour )(?<!\bhis )(?<!\bher )(?<![0-9] )hours",  # "worked 450 hours": work
        # "ses heures", "les heures du bureau"; "assez d'heures", "mes heures", "600 heures" are hours of work
        r"(?<!\bmes )(?<!\bnos )(?<!\bd )(?<![0-9] )heures(?! (?:travaillees|assurables|de travail))",
        "lunch", "over lunch", "pour diner", "heure du diner", "l heure du midi",
        "closed", "what time", "ouvert", "ouverte", "ouverts", "ouvre",
        "ouvrent", "heures d ouverture", "horaire", "horaires", "a quelle heure", "quelle heure",
    ],
    "ask_fees": [
        "how much", "cost", "costs", "fee", "fees", "price", "combien ca coute", "coute", "coutent", "cout", "couts",
        "frais", "prix", "tarif", "tarifs", "payant", "c est combien", "combien pour",
        "(?:have|need) to pay", "pay for", "is it free", "(?:a|an|any) (?:extra )?(?:charge|fee)", "surcharge",
        "plus cher", "couter", "payer pour",
        # what is owed for the months before one applied: what the benefit pays
        "back pay", "back payments?", "retroactive", "retroactif", "retroactivement", "argent en arriere",
        "get paid for the months",
        "l argent des mois", "mois (?:passes|manques)", "faut (?:tu |t il )?payer",
        "gratuit", "gratuite",
        "(?:monte|augmente|baisse) de combien", "how much (?:more|higher|bigger|less|smaller)",
        "how much (?:will|would|do|does|did) (?:i|we|he|she|they) (?:get|receive)",
        "combien (?:je vais|on va|vais je|il va|elle va) (?:avoir|recevoir|toucher)",
        # what a benefit pays a week, and what taking it early costs: "de combien sera-t-elle réduite?"
        "combien par (?:semaine|mois)", "how much (?:a|per|each) (?:week|month)",
        "(?:va|vont) (?:me|nous) donner combien", "(?:reduite?s?|diminuee?s?|coupee?s?) de combien",
        "de combien (?:[a-z]+ ){0,3}(?:reduite?s?|diminuee?s?|coupee?s?)", "(?:reduced|cut|lowered) by how much",
        "how much (?:is it|would it be|will it be|does it get) (?:reduced|cut|lowered)",
    ],
    "ask_processing_time": [
        "how long", "how fast", "how quickly", "how soon", "processing time", "processing times", "the wait",
        "wait time", "waiting time", "combien de temps", "delai", "delais", "temps de traitement",
        "ca prend combien(?! d heures)",
        # when health coverage starts after a move
        "(?:be|get) covered", "covers? (?:me|us)", "coverage (?:start|starts|begin|begins|kick|kicks)",
        "(?:etre|sera|serai|serons|seront) couverte?s?", "couverture (?:[a-z]+ )?(?:commence|debute)",
        "(?:me|nous) couvr(?:e|ira)", "a partir de quand",
        # when the first payment comes is the service standard
        "first (?:payment|cheque|check|deposit)", "premiers? (?:paiement|versement|cheque|depot)s?",
        # when it arrives: "je le reçois quand?", "when will I get it?"
        "(?:le|la|les|l) (?:recois|recoit|recevrai|recevrais|aurai|aurais) quand",
        "quand (?:est ce que )?(?:je|j|on) (?:vais|va) (?:le |la |les |l )?(?:recevoir|avoir)",
        "when (?:will|would|should|do) (?:i|we) (?:get|receive) (?:it|them)",
        "when (?:does|will|do) (?:the )?(?:money|payments?|benefits?|cheques?|deposits?) (?:start|come|begin|arrive)",
        # when the decision comes: "quand est-ce qu'on va me répondre?", "how long till they decide?"
        "(?:on|ils) (?:va|vont) (?:me|nous) repondre", "avoir (?:une|ma|la|leur) reponse",
        "(?:hear|get an answer|get a decision) back", "hear from them", "(?:till|until|before) they decide",
        "(?:j ai|j aurai|on a|on aura) (?:mon|ma|mes|son|sa|ses|notre|nos|le|la|les) (?:[a-z]+ ){1,3}quand",
        # when something is sent: "le premier chèque, y arrive quand?", "when should the card show up?"
        "(?:arrive|arrivera|arrivent|rentre|rentrera|va arriver|vont arriver|va rentrer) (?:tu |t il |t elle )?quand",
        "quand (?:est ce qu )?(?:il|elle|y|ca) (?:va )?(?:arrive|arrivera|arriver|rentre|rentrer)",
        "(?:arrive|arriver|arrivera|arrivent) par la (?:malle|poste)",
        "(?:show|shows) up in the mail", "(?:come|comes|arrive|arrives) in the mail",
        "when (?:will|should|would|does) (?:it|they|the [a-z]+|my [a-z]+|the new one) (?:arrive|come|show up|get here)",
    ],
    "ask_documents": [
        "documents", "document", "docs", "papers", "paperwork", "bring",
        "what (?:do|does) (?:i|we|she|he|they) need(?! to (?:do|qualify|be eligible))",
        "what (?:info|information|id|identification) (?:do|does|should) (?:i|we|he|she) (?:need|have|bring)",
        "what do (?:i|we) (?:show|send|submit|provide)",
        "papiers", "pieces", "pieces justificatives", "apporter", "amener", "fournir",
        "(?:quoi|faut que j|faut qu on|je dois|j dois|dois je|on doit) envo(?:yer|ie)",
        "what will (?:i|we) need(?! to do)", "qu est ce que ca (?:me|nous|lui|leur) prend",
        "what (?:do|does|should) (?:i|we|he|she) have to (?:send|bring|show|submit|provide|include)",
        "what (?:has|have) to go in", "what (?:should|do) (?:i|we) include",
        "qu est ce qu il faut (?:fournir|apporter|amener)", "quoi (?:fournir|apporter|amener)",
        # what to have ready: "quels renseignements je dois avoir sous la main?"
        "quel(?:le)?s (?:renseignements|infos|informations)", "sous la main",
        "have (?:handy|ready|on hand)", "guarantor", "garant", "repondant",
        # what an application holds: "what goes in the application package?" asks for no bundle of services
        "what goes (?:in|into) (?:the |my |an |a )?(?:application|form|envelope)", "application (?:package|kit)",
        "trousse de demande",
        "(?:faut|faut il|faut tu|ca prend) (?:presenter |montrer |fournir )?quoi",
        "(?:presenter|montrer) quoi", "quoi (?:presenter|montrer)",
    ],
    "ask_eligibility": [
        "eligible", "eligibility", "qualify", "qualifies", "entitled", "admissible", "admissibilite", "ai je droit",
        "a tu droit", "droit a(?! combien)", "droit au", "droit aux",
        "(?:have|need) to prove", "old enough", "too young", "too old",
        "assez (?:vieux|vieille|age|agee)", "trop jeune",
        "apply for (?:his|her|their) own", "(?:sa|leur) propre demande",
        "prouver (?:mon|ma|mes|son|sa|ses|notre) (?:anglais|francais|langue)",
        "what age", "at what age", "a quel age", "quel age", "when can (?:i|we) (?:start|get|apply|collect|receive)",
        "quand (?:est ce que )?(?:je peux|j peux|on peut)", "(?:je|j|on) peu[xt] (?:faire (?:la|ma) )?demande quand",
        "how many hours (?:do|does|must|of|should)", "combien d heures",
        "how many (?:days|years|months) (?:do|does|must|should) (?:i|we|you|he|she) (?:need|have)",
        "combien de (?:jours|annees|mois) (?:faut il|faut t il|faut tu|dois je|je dois|on doit)",
        "(?:have|has|need|needs) to (?:do|take|write|pass) (?:the|a) (?:citizenship |language )?test",
        "(?:faire|passer) (?:l examen|le test|l test)",
        # whether a benefit covers the client's case: "l'assurance-emploi couvre-tu ça?"
        "couvre (?:tu |t il |t elle )?(?:ca|cela)", "(?:does|will|would) (?:it|that|this|ei) cover (?:it|that|this|me)",
        # whether a benefit stops with a change: "si je me remarie, je la perds-tu?", "would I lose it?"
        "(?:je|j|on) (?:la|le|les|l) (?:perds|perd|perdrais|perdrai)(?: tu)?",
        "(?:vais|va|vas) (?:je |tu )?(?:la|le|les|l) perdre",
        "(?:would|will|do|does) (?:i|we|she|he|they) (?:still )?(?:lose|keep) "
        "(?:it|them|the (?:pension|benefits?|allowance))",
        # how long one must wait to qualify: "faut attendre combien d'années après ma sentence?"
        "attendre combien d (?:annees|ans|mois)", "wait how many years",
        "worked [0-9]+ hours", "[0-9]+ (?:insurable )?hours (?:of work|this year|last year)", "[0-9]+ insurable hours",
        "travaille [0-9]+ heures", "[0-9]+ heures (?:assurables|travaillees|de travail)",
        # a low income asks what else one may qualify for ("my income is really low, is there anything else?")
        "(?:low|much|little|small|no) income", "income is (?:really |very |quite )?(?:low|small)",
        "faible revenu", "petit revenu", "(?:pas|peu) (?:beaucoup )?de revenus?",
    ],
    # Only words that can mean nothing but a way to apply: "in person" and "by mail" also say how the client
    # means to go ("where can I apply in person in Calgary?") and stay with the model.
    "ask_channels": [
        "online", "on line", "internet", "website", "web site", "on the web", "from (?:my|the|a) computer",
        "on (?:my|the|a) computer", "from home", "without going", "remotely", "en ligne", "sur le web", "site web",
        "without (?:filling out )?paper", "without filling", "paperless", "sans papier",
        "par le web", "sans (?:me |se |nous )?(?:deplacer|aller|passer|rendre)", "de la maison",
        r"(?<!\bproche )(?<!\bproches )(?<!\bpres )de chez nous",  # "le bureau le plus proche de chez nous": where
        "a distance",
    ],
}
# Words that only say "when": a day or a holiday asks about hours when nothing else is understood
# ("pis le samedi?"), never against a model that understood something.
WHEN_CUES = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "tonight",
    "right now", "christmas", "boxing day", "canada day", "new year", "new years", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche", "aujourd hui", "demain", "noel", "fete du canada", "jour de l an",
    "tout de suite", "maintenant", "1er juillet", "25 decembre", "july 1", "july 1st", "december 25",
]
# Asking whether one may, which only tells eligibility from a life event the model saw but no one named.
SOFT_ELIGIBILITY = [
    "can i", "can we", "could i", "am i", "do i get", "do we get",
    "je peux", "j peux", "je peux tu", "on peut", "puis je", "est ce que je peux",
]
# Haste, and a trip close at hand: "j'ai un vol après-demain", "leaving in 6 days", "can they do it in time?"
URGENT_CUES = [
    "urgent", "urgently", "urgence", "rush", "express", "asap", "by tomorrow", "pour demain", "d ici demain", "vite",
    "a temps(?! partiel| plein)", "in time", "apres demain", "day after tomorrow",
    "(?:leaving|flying|fly out|flight) in [0-9]+ days", "(?:je pars|on part|mon vol|notre vol) dans [0-9]+ jours",
]
# Asking where to go, without naming an office.
WHERE_CUES = [
    "where do i go", "where can i go", "where should i go", "where do we go", "where can we go",
    "where can (?:i|we) (?:get|apply|renew|find)", "where (?:do|should) (?:i|we) (?:get|apply|renew)",
    "ou aller", "ou je vais", "ou est ce que je vais",
    "is there (?:somewhere|anywhere|a place|an office)", "(?:somewhere|anywhere) (?:i|we|she|he) (?:can|could) go",
    "un endroit ou (?:je|j|on|elle|il) (?:peux|peut|pourrais|pourrait)",
    "ou (?:je|j|on|elle|il) (?:peux|peut|pourrais|pourrait) aller",
]
# fmt: on
PLACE_INTENTS = frozenset({"find_service", "find_office", "inform"})
# The model's answers that take the message for small talk: a question naming a service is none.
SMALL_TALK = frozenset({"greet", "goodbye", "thank", "affirm", "deny"})
# The model's answers that no government service is asked for: words that name one overrule them.
NOT_SERVICES = frozenset({"out_of_scope", "chitchat", "feedback", "bot_challenge"})
# The model's answers that name no kind of question: a cue may replace them.
GENERIC = frozenset(
    {
        "find_service",
        "find_office",
        "inform",
        "ask_colocated",
        "ask_bundle",
        "ask_outreach",
        "out_of_scope",
        "chitchat",
        "feedback",
        "bot_challenge",
        "nlu_fallback",
    }
)


def _pattern(phrases: List[str], unless_after: str = "") -> "re.Pattern[str]":
    """Whole-word alternatives; unless_after: words that must not come right before ("sans urgence")."""
    alternatives = "|".join(sorted(phrases, key=len, reverse=True))
    negated = "".join(f"(?<!\\b{word} )" for word in unless_after.split())
    return re.compile(rf"(?<![0-9a-z]){negated}(?:{alternatives})(?![0-9a-z])")


_STRONG = {intent: _pattern(phrases) for intent, phrases in STRONG_CUES.items()}
_WHEN = _pattern(WHEN_CUES)
_CHANNEL = _pattern(["online", "on line", "internet", "phone", "telephone", "mail", "en ligne", "poste", "courrier"])
_SOFT_ELIGIBILITY = _pattern(SOFT_ELIGIBILITY)
_URGENT = _pattern(URGENT_CUES, unless_after="sans pas not no")  # "sans urgence", "no rush", "not urgent"
_WHERE = _pattern(WHERE_CUES)
# Services named as the ones a person who died or left was getting: the life event, not a request for them.
_THEIRS = _pattern(
    ["(?:he|she) (?:was getting|was receiving|got|received|was on|had)", "(?:il|elle) (?:recevait|avait|touchait)"]
)
_MAY_APPLY = re.compile(
    r"(?<![0-9a-z])(?:est ce que )?"
    r"(?:can i|can we|could i|could we|je peux|j peux|je peux tu|on peut|on peut tu|puis je)"
    r" (?:still |encore |quand meme )?(?:(?:la|le|les|l|it|them) )?"
    r"(?:apply|get|collect|receive|start|obtain|demander|recevoir|avoir|obtenir|toucher|commencer"
    r"|faire (?:la|ma|notre|une|sa) demande)"
    # "Is there EI for that?", "y a-tu de l'aide pour ça?"
    r"|(?:is there|are there|y a t il|y a tu) (?:[a-z]+ ){1,4}(?:for|pour) (?:that|this|me|it|ca|cela|moi)\b"
)
# How much one must have earned, or how long one must wait, to qualify; and for how many weeks a benefit pays:
# questions about who qualifies and what is paid, in the words of a fee or a delay.
_QUALIFYING = _pattern(
    [
        "(?:have|need) to wait (?:before|to apply|until)",
        "wait before (?:i|we|you) can",
        "how long (?:before|until) (?:i|we|you) can apply",
        "attendre (?:pour|avant de) (?:demander|faire)",
        "combien de temps avant de pouvoir",
        "(?:avoir |j ai |on a )?gagne combien",
        "avoir gagne",
        "gagner (?:assez|combien)",
        "earn enough",
        "how much (?:do|does|did|must|should) (?:i|we|you|he|she) (?:need to |have to )?(?:earn|make|have earned)",
        "how much (?:do|does) (?:i|we|you|he|she) need to have (?:earned|made)",
    ]
)
_BENEFIT_WEEKS = _pattern(
    [
        "how many weeks(?! (?:does|will|would|did) it take| to)",
        "(?<!prend )(?<!faut )combien de semaines",
        "(?:ca )?dure combien de temps",
        "how long (?:does|do|will|would|can) "
        "(?:it|they|the benefits?|the payments?|i|we|she|he) (?:last|get it|be paid|collect|receive it)",
        "weeks (?:max|maximum)",
        "semaines (?:max|maximum)",
        # the weeks two parents or caregivers share: "on peut-tu se séparer les semaines?", "can we split the weeks?"
        "(?:separer|partager|diviser|split|share|sharing|splitting) (?:les |the )?(?:semaines|weeks)",
        "(?:prendre|take) (?:des |some )?(?:semaines|weeks)",
    ]
)
# Still waiting for what was sent: "j'ai envoyé mes papiers y a trois semaines pis j'ai encore rien reçu" asks how
# long it takes, whatever papers it names.
_STILL_WAITING = _pattern(
    [
        "(?:encore|toujours) (?:rien|pas) (?:eu |recu|recue|recus)",
        "(?:rien|pas) encore recue?s?",
        "still (?:haven t|have not|hasn t|has not|didn t|did not|not) (?:got|gotten|received|heard|come|arrived)",
        "still waiting",
        "(?:haven t|have not|hasn t|has not) (?:got|gotten|received|heard|come|arrived)(?: anything| it| them)? yet",
    ]
)
_WHAT_IF = re.compile(r"^\s*(?:(?:and|but|so|what|et|mais|pis) )?(?:if|si)\b")
# The other ways that need no trip. Not a cue of their own: "et par la poste?" after a delay asks that delay by mail.
_OTHER_WAYS = _pattern(
    ["by mail", "by post", "par la poste", "par courrier", "by phone", "over the phone", "par telephone"]
)
# A government named by its level (folded words): "pis pour le fédéral?" after a life event asks for its part.
LEVEL_WORDS = {
    **dict.fromkeys(["federal", "federale", "federaux"], "federal"),
    **dict.fromkeys(["provincial", "provinciale", "provinciaux"], "provincial"),
    **dict.fromkeys(["municipal", "municipale", "municipaux"], "municipal"),
}
_LEVEL = _pattern(list(LEVEL_WORDS))
# Where, in a question asked in English; in French ("à" folds to "a", the English article: "can I get a SIN").
_IN_PLACE = {
    "en": _pattern(["in", "at(?! (?:her|his|my|our|their|your|work|home|school))", "near"]),  # "help at her bakery"
    "fr": _pattern(["a", "au", "aux", "pres de", "proche de"]),
}
_OFFICE = _pattern(["office", "offices", "bureau", "bureaux", "centre", "center", "point de service"])
_ASKS = _pattern(
    ["est ce que", "will", "would", "can", "could", "do i", "quoi", "comment", "quand", "what", "how", "when"]
)
_NEED = re.compile(
    r"(?:hi |hello |bonjour |allo )?(?:i need|need|i want|i would like|i d like|j ai besoin|je veux|je voudrais)\b"
)
# "How do I apply for EI?", "passport", "tell me about old age security" ask what the service is and how
# to get it, not for an office: an overview comes first (who may qualify, the ways to apply without a
# trip), and the offices once the client says where they are. Only a request that asks where, or names a
# place, goes straight to offices.
HOW_TO = re.compile(
    r"\bhow (?:do|does|did|can|would|should|to)\b(?:\s+\w+){0,2}?\s+(?:apply|get|sign up|renew|request|obtain)\b|"
    # telling a government of a change is done through its service: "how do I tell the CRA", "comment je change"
    r"\bhow (?:do|can|should) (?:i|we) (?:tell|notify|inform|update|change)\b|"
    r"\bcomment (?:je|j'|on) ?(?:change|modifie|avise|informe|mets? à jour)\b|"
    r"\b(?:do|does|will) (?:i|we|he|she) (?:have|need) to apply\b|\b(?:is it|c'est|est-ce) automati(?:c|que)\b|"
    r"\bcomment (?:faire|demander|obtenir|renouveler|pr[ée]senter|s'inscrire|je (?:fais|peux|dois))\b|"
    r"\bcomment (?:il|elle|on|je) (?:s'inscri[ts]?|m'inscris|fai[ts]|fait|demande)\b|"
    r"\b(?:faut(?:[- ](?:tu|il|t-il))?|dois-je|doit-(?:elle|il)|je dois|on doit) (?:faire|pr[ée]senter) "
    r"(?:une|la|ma|sa|notre) demande\b",
    re.IGNORECASE,
)
# Asking what to do now, in both languages.
_WHAT_TO_DO = _pattern(
    [
        "what (?:do|should|can|must) (?:i|we) do",
        "what now",
        "what are my options",
        "qu est ce que (?:je|j|on) (?:fais|dois faire|peux faire|fait)",
        "qu est ce qu (?:on|il faut) (?:fait|doit faire|peut faire|faire)",
        "(?:je|on) fais? quoi",
        "quoi faire",
    ]
)
# A thing lost or stolen, not a job or a person ("j'ai perdu ma carte de RP" asks for a replacement).
_LOST_THING = re.compile(
    r"(?<![0-9a-z])(?:lost|perdu|perdue|stolen|vole|volee|egare|egaree) "
    r"(?!(?:(?:my|our|his|her|ma|mon|mes|sa|son|notre) )?"
    r"(?:job|jobs|emploi|travail|work|husband|wife|mother|father|mom|dad|son|daughter|child|mere|pere|mari|femme"
    r"|conjoint|conjointe|fils|fille|enfant|partner)\b)"
)
FOLLOW_UP = re.compile(
    r"^\s*(and|also|what about|how about|same for|(?:but )?what if|but if|et|pis|puis|aussi|mais si|quant [aà])\b",
    re.IGNORECASE,
)


def same_question_again(text: str) -> bool:
    """A follow-up that asks no kind of question of its own ("pis pour 5 ans?", "et pour mon gars de 10 ans?",
    "and by mail?"): the last question again, for that case, whatever intent the model gave the fragment."""
    folded = fold(text)
    return bool(FOLLOW_UP.match(text)) and not _kinds(folded) and not _SOFT_ELIGIBILITY.search(folded)


def asked_kinds(text: str) -> FrozenSet[str]:
    """The question intents whose cue words the text holds."""
    return _kinds(fold(text))


def _kinds(folded: str) -> FrozenSet[str]:
    kinds = {intent for intent, pattern in _STRONG.items() if pattern.search(folded)}
    if len(kinds) > 1:
        # "what info do I need to apply online?", "si je le fais en ligne, je le reçois quand?": that question,
        # for that way
        kinds.discard("ask_channels")
    if _QUALIFYING.search(folded):  # "faut avoir gagné combien pour y avoir droit?": who qualifies, not a fee
        kinds = (kinds - {"ask_fees", "ask_processing_time"}) | {"ask_eligibility"}
    if _STILL_WAITING.search(folded):  # "sent my papers, still nothing": the delay, not the papers
        kinds = (kinds - {"ask_documents"}) | {"ask_processing_time"}
    if _BENEFIT_WEEKS.search(folded):  # "ça dure combien de temps au max?": what the benefit pays, not a delay
        kinds = (kinds - {"ask_processing_time"}) | {"ask_fees"}
    return frozenset(kinds)


def cued_intent(
    text: str,
    intent: str,
    ranking: List[Dict[str, Any]],
    tagged: FrozenSet[str],
    life_event_phrase: bool = False,
    service_phrase: bool = False,
) -> Optional[str]:
    """The intent the message's cue words give, where they should replace the model's; else None.

    tagged: the entity types the model found ("life_event", "service", ...). life_event_phrase: the
    catalogue knows a life event the text names whole ("je pense arrêter de travailler"); service_phrase: a
    service ("do I get the GST cheque?", which the model may never have seen).
    """
    folded = fold(text)
    unsure = _unsure(ranking) or intent == "nlu_fallback"
    names_life_event = "life_event" in tagged
    may_i = _SOFT_ELIGIBILITY.search(folded) is not None
    # "need it by tomorrow" is haste; "laid off on Friday, how do I apply for EI?" asks how, not when it opens
    asks_when = _WHEN.search(folded) is not None and not _URGENT.search(folded) and not HOW_TO.search(text)
    kinds = _kinds(folded)
    one_kind = next(iter(kinds)) if len(kinds) == 1 else None
    if intent == "ask_channels" and not kinds and asks_when and not _CHANNEL.search(folded):
        return "ask_hours"  # "can I go to the passport office on Christmas day?" asks no way to apply
    if (
        intent == "find_office"
        and names_life_event
        and not tagged & {"organization", "service"}
        and not _OFFICE.search(folded)
    ):
        return "life_event"  # "moving to Québec on July 1st, how do I change my address?" names no office
    reframable = unsure or intent in GENERIC or intent in ("life_event", "ask_channels")
    if (
        (intent == "life_event" or (unsure and names_life_event))
        and not life_event_phrase
        and same_question_again(text)
    ):
        # "pis pour ma fille de 8 ans?" after a fee: an age the model took for a life event's ("65 ans"), the
        # last question again for her; a follow-up that tells an event the catalogue knows stays one
        return "inform"
    if FOLLOW_UP.match(text) and _LEVEL.search(folded) and not kinds and "service" not in tagged:
        return "inform"  # "pis pour le fédéral, on a-tu quelque chose à demander?": the last answer, that government's
    if _WHAT_IF.match(folded) and reframable and not kinds and "service" in tagged and _URGENT.search(folded):
        return "ask_processing_time"  # "si j'ai besoin de mon passeport pour demain, c'est possible?": how fast
    if _WHAT_IF.match(folded) and reframable and not kinds:
        # "and if I do it at a Service Canada Centre instead?", "what if they had fired me?", "and if I mail the
        # paper form?": the last question, that way
        return "inform"
    if not kinds and _WHERE.search(folded) and "place" in tagged and (unsure or intent not in PLACE_INTENTS):
        # "where can I get a passport in Calgary, my flight got moved up", "passeport d'urgence à Montréal, où je
        # vais?": where, whatever the move or the hurry
        return "find_service"
    if (
        (intent in STRONG_CUES or (intent == "find_office" and not _OFFICE.search(folded)))
        and not kinds
        and HOW_TO.search(text)
        and not _MAY_APPLY.search(folded)
        and not (unsure and "service" not in tagged)
    ):
        # "I got laid off on Friday, how do I apply for EI?": how to get it, not the hours; "comment je change
        # mon adresse avec l'Agence du revenu?" asks how, not who qualifies; "new address in Winnipeg, how do I
        # tell the CRA?" names no office
        return "find_service"
    if intent == "ask_hours" and not kinds and _MAY_APPLY.search(folded):
        return "ask_eligibility"  # "j'ai 62 ans, je peux la demander maintenant?": now is the age, not the hours
    if intent == "ask_hours" and "ask_hours" not in kinds and _URGENT.search(folded):
        # "and if I need it by tomorrow?" asks the last question again for the urgent service, not the hours
        return "inform" if FOLLOW_UP.match(text) else (one_kind or "ask_processing_time")
    if intent == "ask_hours" and not kinds and life_event_phrase:
        # "notre troisième est arrivée dimanche, c'est quoi les affaires à faire?": a day in a story, no hours asked
        return "life_event"
    if names_life_event and life_event_phrase and _THEIRS.search(folded) and not kinds:
        return "life_event"  # "my dad died, he was getting OAS and CPP, who do I tell?": his services, the event
    if "service" in tagged and not kinds and _LOST_THING.search(folded) and _WHAT_TO_DO.search(folded):
        # "my passport got stolen last night, what do I do?": what replacing it takes (a declaration, a report)
        return "ask_documents"
    if intent == "life_event" and "service" in tagged and (HOW_TO.search(text) or _LOST_THING.search(folded)):
        return "find_service"  # "my mom is 64, how does she apply for the CPP?": the service, not the event
    if (unsure or intent in GENERIC) and not kinds and _OTHER_WAYS.search(folded) and not FOLLOW_UP.match(text):
        return "ask_channels"  # "mon passeport expire en mai, je peux le renouveler par la poste?"
    if intent == "change_language" and "service" in tagged:
        # "Et mon permis de conduire français, il est valable ici?" asks about a licence, in French
        return one_kind or ("inform" if FOLLOW_UP.match(text) else "find_service")
    if intent in SMALL_TALK and "service" in tagged and "?" in text:
        return one_kind or "find_service"  # "Et où faut-il aller pour le NAS?" is no goodbye
    if intent in ("ask_eligibility", "life_event") and not (kinds or life_event_phrase) and _OTHER_WAYS.search(folded):
        return "ask_channels"  # "je l'ai eu à 30 ans, je peux le renouveler par la poste?": that way
    requested = intent if intent in ("find_office", "find_service") else "find_service"
    # "… no work permit. Could I get a SIN so I can help at her bakery?" is no outreach either
    reframed = intent == requested or unsure or intent in ("ask_outreach", "ask_colocated", "ask_bundle")
    if reframed and "service" in tagged and _asks_may_last(text, requested):
        # "I lost my job at a call centre in Fredericton. Can I get EI?", "Je suis étudiante étrangère à
        # Sherbrooke. Est-ce que je peux avoir un NAS?": who qualifies, not where; and so when the model is unsure
        # ("I've been a permanent resident for two years. Can I apply for citizenship yet?")
        return "ask_eligibility"
    if intent in ("ask_outreach", "ask_colocated", "ask_bundle") and not tagged and ends_asking_may_i(text):
        return "ask_eligibility"  # "On peut-tu faire la demande avant d'arriver là-bas?": the service discussed
    if intent == "life_event" and "service" in tagged and may_i and not life_event_phrase:
        return "ask_eligibility"  # "turning 62, can I start collecting OAS?": no event the catalogue knows
    if intent in STRONG_CUES and not unsure:
        if not kinds and names_life_event and "service" not in tagged and not may_i:
            return "life_event"  # "we just had our first baby, what do we need to do now?"
        if not kinds and life_event_phrase and _WHAT_TO_DO.search(folded):
            # "On déménage à Grand-Sault. Qu'est-ce qu'on doit faire pour nos cartes pis nos permis?": the move's steps
            return "life_event"
        if not kinds and _NEED.match(folded) and "?" not in text and not _ASKS.search(folded):
            return "find_service"  # "I need a new SIN" asks for the service, not its documents
        # "need it tomorrow, how much more to have it fast?": a question asked in another kind's words only.
        # "Hours" has another sense: only when the model thought of opening hours too ("cutting my hours,
        # can I still get EI?" asks no opening hours).
        if not kinds and _WHERE.search(folded) and intent == "ask_channels":
            return "find_service"  # "where can we go in person?" asks where, not which ways there are
        if not kinds and _URGENT.search(folded) and intent in ("ask_documents", "ask_eligibility"):
            return "ask_processing_time"  # "si j'ai besoin de mon passeport pour demain, c'est possible?": how fast
        runners_up = {entry.get("name") for entry in ranking[1:3]}
        if one_kind == "ask_hours" and one_kind not in runners_up:
            return None
        return one_kind if intent not in kinds else None
    if intent == "life_event" and one_kind and not (names_life_event and life_event_phrase):
        return one_kind  # "my daughter is 4, what do we need for her passport": the model's event is no event
    if intent == "life_event" and not names_life_event and not life_event_phrase:
        # "pis pour mon gars de 10 ans?" is no life event; "we arrived ... as permanent residents" is one
        if may_i:
            return "ask_eligibility"  # "turning 62 in january, can I start collecting old age security?"
        return "inform" if FOLLOW_UP.match(text) else None
    if not (unsure or intent in GENERIC):
        return None
    if one_kind:
        return one_kind
    if (
        (unsure and names_life_event)
        or (intent in NOT_SERVICES and life_event_phrase)
        or (unsure and life_event_phrase and "service" not in tagged)
    ):
        # "Je prends ma retraite à 64 ans. Quelles pensions je dois demander?" is no question out of scope
        return "life_event"
    if not kinds and asks_when and not (names_life_event or life_event_phrase) and (unsure or intent in PLACE_INTENTS):
        return "ask_hours"  # "can I go to the Gatineau passport office on July 1st?"; "moving on July 1st" is no visit
    if FOLLOW_UP.match(text) and (unsure or intent in NOT_SERVICES):
        return "inform"  # "and for my kid?": the last question, again
    if intent in NOT_SERVICES and ("service" in tagged or service_phrase) and not life_event_phrase:
        # "im 18, live on my own. do I get the GST cheque?" asks for a service the catalogue names
        return "ask_eligibility" if may_i else "find_service"
    if unsure and not kinds and _URGENT.search(folded):
        return "ask_processing_time"  # "do they do the urgent service?": how fast, for the service under discussion
    if unsure and not kinds and _OFFICE.search(folded) and intent in PLACE_INTENTS | {"nlu_fallback"}:
        return "find_office"  # "is there an office in town I can go to?"
    if unsure and not kinds and "service" in tagged:
        return "find_service"  # "my PR card expires soon, how do I renew it?": how to get the service it names
    return None


def ends_asking_may_i(text: str) -> bool:
    """Whether the message's last clause asks whether one may get something: "I quit my job because the night
    shifts were wrecking my health, can I still get EI?" asks who qualifies, whatever story comes first."""
    return _may_nowhere(fold(re.split(r"(?<=[.?!,;])\s+", text.strip())[-1]))


def _asks_may_last(text: str, intent: str) -> bool:
    """Whether the message ends on a sentence that asks whether one may get something, and nowhere in particular.

    For a request (find_service), only after a sentence about the client: "Can I get a passport?" alone asks
    how to get one."""
    sentences = re.split(r"(?<=[.?!])\s+", text.strip())
    last = fold(sentences[-1])
    if intent == "find_service" and len(sentences) < 2:
        return False
    return _may_nowhere(last)


def _may_nowhere(clause: str) -> bool:
    """Whether a (folded) clause asks whether one may get something, and at no office or place."""
    asked = _MAY_APPLY.match(clause)
    if asked is None or _OFFICE.search(clause):
        return False
    english = asked.group(0).startswith(("can ", "could ", "is ", "are "))
    return not _IN_PLACE["en" if english else "fr"].search(clause)


def _unsure(ranking: List[Dict[str, Any]]) -> bool:
    """What the FallbackClassifier will call a fallback: a low top intent, or two close ones."""
    scores = [entry.get("confidence") or 0.0 for entry in ranking[:2]] + [0.0, 0.0]
    return scores[0] < CONFIDENT or scores[0] - scores[1] < AMBIGUOUS
