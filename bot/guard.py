"""What every public channel does to a client's message before Rasa sees it, and the replies it gives itself.

One function, `screen`, so the REST and socket.io channels cannot drift apart:
- control and bidirectional-override characters are removed (they hide text from staff and logs);
- a message longer than the limit is refused politely, in the client's language, without reaching NLU
  (its cost grows with the square of its length and it would hold up every other client);
- a "/" payload passes only when the bot offered that button in this conversation (bot.identity);
- personal data is masked (bot.privacy), so the tracker store, the handoff queue and the logs never
  hold it.
The replies written here are the ones the Rasa side must give without the action server: the refusal
of a long message and the "temporarily unavailable" answer when the action server gives nothing back.
Their language comes from the page's metadata or the message itself (bot.answer_language.detect is pure
and needs no action server).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Dict, Optional

from bot import settings
from bot.answer_language import detect
from bot.identity import verified_payload
from bot.privacy import mask_personal_data

# Cc (controls) but newline and tab, plus the bidi embeddings, overrides and isolates and the
# zero-width characters that can hide or reorder text.
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
MAX_METADATA_CHARS = 2000
# Bodies and socket.io frames up to this size are read, so that a pasted page (100 KB) still gets the
# polite "too long" reply in the client's language; larger ones are refused by the server itself.
MAX_BODY_BYTES = 262_144

REPLIES = {
    "too_long": {
        "en": "Your message is too long for me ({length} characters; the limit is {limit}). "
        "Please ask one short question, for example “passport in Calgary”.",
        "fr": "Votre message est trop long pour moi ({length} caractères; la limite est de {limit}). "
        "Posez une question courte, par exemple « passeport à Québec ».",
    },
    "bad_button": {
        "en": "I can't use that command. Type your question, or use the buttons I offer.",
        "fr": "Je ne peux pas utiliser cette commande. Écrivez votre question ou utilisez les boutons proposés.",
    },
    "slow_down": {
        "en": "You are sending messages faster than I can answer. Please wait a minute and try again.",
        "fr": "Vous envoyez des messages plus vite que je ne peux répondre. Attendez une minute et réessayez.",
    },
    "unavailable": {
        "en": "Sorry, I'm temporarily unavailable. Please try again in a few minutes, or call "
        "1 800 O-Canada (1-800-622-6232, TTY 1-800-926-9105).",
        "fr": "Désolé, je suis temporairement indisponible. Réessayez dans quelques minutes ou appelez "
        "1 800 O-Canada (1-800-622-6232, ATS 1-800-926-9105).",
    },
}


@dataclass(frozen=True)
class Screened:
    """A message ready for Rasa (`text`), or the reply that stops it (`refusal`)."""

    text: str = ""
    refusal: Optional[str] = None


def language_of(text: str, metadata: Optional[Dict[str, Any]]) -> str:
    page = (metadata or {}).get("language")
    detected, confidence = detect(text[:500])
    if detected and confidence >= 0.7:
        return detected
    return page if page in ("en", "fr") else "en"


def reply(kind: str, text: str, metadata: Optional[Dict[str, Any]], **values: Any) -> str:
    return REPLIES[kind][language_of(text, metadata)].format(**values)


def clean_metadata(metadata: Any) -> Dict[str, Any]:
    """Only a small JSON object of plain values reaches the tracker; anything else is dropped.

    Rasa stores the metadata with the user's message, so text values (a feedback comment, say) are
    masked like the message itself.
    """
    if not isinstance(metadata, dict):
        return {}
    kept = {
        str(k)[:40]: mask_personal_data(v) if isinstance(v, str) else v
        for k, v in metadata.items()
        if isinstance(v, (str, int, float, bool)) and len(str(v)) <= 200
    }
    return kept if len(str(kept)) <= MAX_METADATA_CHARS else {}


def screen(raw: Any, conversation: str, metadata: Optional[Dict[str, Any]]) -> Screened:
    text = unicodedata.normalize("NFC", HIDDEN.sub(" ", raw if isinstance(raw, str) else "")).strip()
    limit = settings.max_message_chars()
    if len(text) > limit:
        return Screened(refusal=reply("too_long", text, metadata, length=len(text), limit=limit))
    if text.startswith("/"):
        payload = verified_payload(text, conversation)
        if payload is None:
            return Screened(refusal=reply("bad_button", "", metadata))
        return Screened(text=payload)
    return Screened(text=mask_personal_data(text))
