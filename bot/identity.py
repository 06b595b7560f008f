"""Conversation ids the server issues, and buttons only the bot can have offered.

A conversation id is a bearer credential: whoever holds it reads the conversation's replies and
continues it. So the server makes them (random, then signed with the key in bot.settings) and a
channel accepts from a client only an id it signed; anything else (a guessed id, an empty one,
`default`) starts a new conversation. The signature binds nothing else, so an id survives restarts and
works on every process that shares the key.

Buttons: a payload such as `/choose_service{"service": "gc-1242"}` skips NLU and sets slots, so a
client must not be able to type one. The channels sign each payload the bot offers with the
conversation it was offered in; a "/" message is accepted only with a valid signature for that
conversation, and its signature is removed before Rasa sees it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import lru_cache
from typing import Optional

from bot import settings

SIGNATURE_CHARS = 16
PAYLOAD_MARK = "#g"


@lru_cache(maxsize=1)
def _key() -> bytes:
    return settings.secret_key()


def _signature(*parts: str) -> str:
    digest = hmac.new(_key(), "\x1f".join(parts).encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:SIGNATURE_CHARS]


def new_conversation_id() -> str:
    token = secrets.token_hex(16)
    return f"{token}.{_signature('conversation', token)}"


def valid_conversation_id(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 32 + 1 + SIGNATURE_CHARS:
        return False
    token, _, signature = value.partition(".")
    return hmac.compare_digest(signature, _signature("conversation", token))


def conversation_id(claimed: object) -> str:
    """The client's id when the server issued it, else a new one (never someone else's)."""
    return claimed if valid_conversation_id(claimed) and isinstance(claimed, str) else new_conversation_id()


def sign_payload(payload: str, conversation: str) -> str:
    if not payload.startswith("/"):
        return payload
    return f"{payload}{PAYLOAD_MARK}{_signature('button', conversation, payload)}"


def verified_payload(text: str, conversation: str) -> Optional[str]:
    """The payload without its signature when the bot offered it in this conversation, else None."""
    payload, mark, signature = text.rpartition(PAYLOAD_MARK)
    if not mark or not hmac.compare_digest(signature, _signature("button", conversation, payload)):
        return None
    return payload
