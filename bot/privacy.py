"""Masking the personal data a client types, before anything stores or logs it.

Clients paste their SIN, phone number or e-mail into a chat box even when nobody asks. Guichet never
needs them to find a service, so the public channels replace them with a placeholder before the
message reaches Rasa: the tracker store, the handoff queue and every log then only ever see the
placeholder. Postal codes and towns are kept: they are the question.

Well-kept libraries decide what is a number where they exist: python-stdnum checks a SIN's check digit
(so "123 456 789 in Calgary" stays a number unless it is a real SIN, or is called one), phonenumbers
finds phone numbers as Canadians write them. Health card numbers and street addresses have no such
library; their patterns are written for Canada's formats and err towards masking.
"""

from __future__ import annotations

import re
from typing import List, Tuple

import phonenumbers
from stdnum.ca import sin as sin_number

SIN_MASK = "[SIN]"
PHONE_MASK = "[phone]"
EMAIL_MASK = "[e-mail]"
HEALTH_CARD_MASK = (
    "[health-card-number]"  # one token: "[health card]" taught the model the service words are no service
)
PASSPORT_MASK = "[passport-number]"
BIRTH_DATE_MASK = "[date-of-birth]"
ADDRESS_MASK = "[address]"
NUMBER_MASK = "[number]"
MASKS = (SIN_MASK, PHONE_MASK, EMAIL_MASK, HEALTH_CARD_MASK, PASSPORT_MASK, BIRTH_DATE_MASK, ADDRESS_MASK, NUMBER_MASK)
# "my SIN is [SIN]", "mon courriel est [e-mail]": the words that introduce a masked value name the data,
# not the service the client wants, so readers of the request leave the whole mention out.
# So do the labels people put right before one: "SIN 507 933 208", "NAS: 638 980 953", "PHN 9876 543 210".
DATA_LABEL = (
    r"\b(?:sin|nas|phn|ohip|ramq|social(?: insurance)?(?: number)?|health card(?: number)?|passport number|"
    r"num[ée]ro de passeport|email|e-mail|courriel|phone|t[ée]l[ée]phone|tel|cell)\b"
    r"\s*(?:is|c['’]est|est|#|no\.?|:|=)?\s*"
)
MASKED_MENTION = re.compile(
    r"(?:\b(?:my|mon|ma|mes)\s+(?:[\w'-]+\s+){0,3}?(?:is|c['’]est|est|=|:)\s*(?:le\s+|la\s+|l')?|"
    + DATA_LABEL
    + r")?(?:"
    + "|".join(re.escape(mask) for mask in MASKS)
    + ")",
    re.IGNORECASE,
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
NINE_DIGITS = re.compile(r"(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{3}(?![\w-])")
SIN_WORDS = re.compile(r"\b(?:sin|nas|social insurance|assurance sociale)\b", re.IGNORECASE)
# Quebec (RAMQ: 4 letters, 8 digits), Ontario (10 digits, optional 2-letter version code) and the
# other provinces' 9-10 digit numbers; any run of 8 or more digits is masked in the end anyway.
RAMQ = re.compile(r"\b[A-Za-z]{4}[ -]?\d{4}[ -]?\d{4}\b")
ONTARIO_HEALTH = re.compile(r"\b\d{4}[ -]?\d{3}[ -]?\d{3}[ -]?[A-Za-z]{2}\b")
# A date said to be a birth date ("dob 14/07/1990", "né le 3 mars 1985"); other dates are questions
# ("open on 2026-12-26?") and stay.
BIRTH_DATE = re.compile(
    r"\b((?:dob|d\.o\.b\.|birthday|date of birth|born on|born|date de naissance|n[ée]e? le|n[ée]e?)\s*:?\s*)"
    r"(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:er)?\s+[^\W\d]+\.?\s+\d{4}"
    r"|[^\W\d]+\.?\s+\d{1,2},?\s+\d{4})",
    re.IGNORECASE,
)
# A Canadian passport number: two letters, six digits ("GA123456").
PASSPORT_NUMBER = re.compile(r"\b[A-Za-z]{2}\d{6}\b")
LONG_NUMBER = re.compile(r"(?<!\w)(?!\d{4}-\d{2}-\d{2}(?!\w))\d(?:[ -]?\d){7,}(?!\w)")  # an ISO date is a question
STREET_TYPES = (
    "street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|crescent|cres|court|ct|lane|ln|way|place|pl|"
    "terrace|trail|parkway|pkwy|highway|hwy|circle|square|sq|row"
)
FRENCH_STREET_TYPES = "rue|avenue|av|boulevard|boul|bd|chemin|ch|route|rang|place|montée|côte|allée|impasse|promenade"
STREET_ADDRESS = re.compile(
    r"\b\d{1,6}[A-Za-z]?(?:[- ]\d{1,5})?,?\s+(?:"
    rf"(?:[\w'’.-]+\s+){{1,4}}(?:{STREET_TYPES})\b\.?(?:\s+(?:n|s|e|w|north|south|east|west|nord|sud|est|ouest)\b\.?)?"
    rf"|(?:{FRENCH_STREET_TYPES})\s+(?:(?!(?:à|au|in|en|near|près)\b)[\w'’.-]+[ \t]*){{1,4}}"
    r")",
    re.IGNORECASE | re.UNICODE,
)


def _replace(text: str, spans: List[Tuple[int, int, str]]) -> str:
    """Replaces non-overlapping spans, first come first kept."""
    kept: List[Tuple[int, int, str]] = []
    for start, end, mask in sorted(spans):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, mask))
    for start, end, mask in reversed(kept):
        text = text[:start] + mask + text[end:]
    return text


def _sins(text: str) -> List[Tuple[int, int, str]]:
    called_sin = bool(SIN_WORDS.search(text))
    return [
        (m.start(), m.end(), SIN_MASK)
        for m in NINE_DIGITS.finditer(text)
        if called_sin or sin_number.is_valid(m.group())
    ]


def _phones(text: str) -> List[Tuple[int, int, str]]:
    return [
        (m.start, m.end, PHONE_MASK)
        for m in phonenumbers.PhoneNumberMatcher(text, "CA", leniency=phonenumbers.Leniency.POSSIBLE)
    ]


def mask_personal_data(text: str) -> str:
    """`text` with SINs, phone numbers, e-mail addresses, health card and passport numbers, birth dates and
    street addresses masked."""
    text = EMAIL.sub(EMAIL_MASK, text)
    text = BIRTH_DATE.sub(lambda m: m.group(1) + BIRTH_DATE_MASK, text)
    spans = _sins(text)
    spans += [
        (m.start(), m.end(), HEALTH_CARD_MASK) for pattern in (RAMQ, ONTARIO_HEALTH) for m in pattern.finditer(text)
    ]
    spans += [(m.start(), m.end(), PASSPORT_MASK) for m in PASSPORT_NUMBER.finditer(text)]
    text = _replace(text, spans)
    text = _replace(text, _phones(text))
    text = LONG_NUMBER.sub(NUMBER_MASK, text)
    return STREET_ADDRESS.sub(lambda m: ADDRESS_MASK + (" " if m.group()[-1].isspace() else ""), text)
