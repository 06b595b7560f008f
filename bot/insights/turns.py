"""Conversations read back from Rasa's SQL tracker store, one record per client turn.

Works on any SQLAlchemy URL (SQLite, PostgreSQL): the `events` table is reflected, not imported
from Rasa, so the report runs without loading Rasa. Client text is masked again on the way out
(bot.privacy), whatever the channel did, so nothing read here can leak personal data into a report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, Iterator, List, Optional

from sqlalchemy import MetaData, Table, create_engine, inspect, select

from bot.privacy import mask_personal_data

STATUS_SLOT = "answer_status"
# Rasa's own responses, by the action that ran; everything a custom action says records its own status.
RESPONSE_STATUSES = {
    "utter_out_of_scope": "out_of_scope",
    "utter_ask_rephrase": "fallback",
    "utter_default": "fallback",
    "action_default_fallback": "fallback",
}
NOT_A_REPLY = {"action_listen", "action_session_start"}


@dataclass
class Turn:
    """One client message and what the bot's reply achieved."""

    at: datetime
    text: str  # masked
    intent: str
    status: str = "small_talk"  # a reply that is neither an answer nor a gap (greetings, thanks, ...)
    details: Dict[str, Any] = field(default_factory=dict)  # the answer_status value: service, office, province...


@dataclass
class Conversation:
    sender_id: str
    language: str = "en"
    turns: List[Turn] = field(default_factory=list)

    @property
    def province(self) -> Optional[str]:
        return next((t.details["province"] for t in self.turns if t.details.get("province")), None)

    def statuses(self) -> List[str]:
        return [t.status for t in self.turns]


def _events(url: str) -> Iterator[Dict[str, Any]]:
    engine = create_engine(url, future=True)
    try:
        if not inspect(engine).has_table("events"):
            return
        events = Table("events", MetaData(), autoload_with=engine)
        query = select(events.c.sender_id, events.c.data).order_by(events.c.sender_id, events.c.id)
        with engine.connect() as conn:
            for sender_id, data in conn.execute(query):
                event = json.loads(data or "{}")
                event["sender_id"] = sender_id
                yield event
    finally:
        engine.dispose()


def _apply(conversation: Conversation, event: Dict[str, Any]) -> None:
    kind = event.get("event")
    turn = conversation.turns[-1] if conversation.turns else None
    if kind == "user":
        at = datetime.fromtimestamp(float(event.get("timestamp") or 0), timezone.utc)
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name") or ""
        conversation.turns.append(Turn(at, mask_personal_data(event.get("text") or ""), intent))
    elif kind == "slot" and event.get("name") == "language" and event.get("value") in ("en", "fr"):
        conversation.language = event["value"]
    elif turn is None:
        return
    elif kind == "slot" and event.get("name") == STATUS_SLOT and isinstance(event.get("value"), dict):
        turn.details = {k: mask_personal_data(v) if isinstance(v, str) else v for k, v in event["value"].items()}
        turn.status = str(turn.details.get("status") or turn.status)
        conversation.language = turn.details.get("lang") or conversation.language
    elif kind == "action" and event.get("name") in RESPONSE_STATUSES and not turn.details:
        turn.status = RESPONSE_STATUSES[event["name"]]


def conversations(url: str, since: Optional[datetime] = None, until: Optional[datetime] = None) -> List[Conversation]:
    """Conversations with at least one client turn in [since, until), holding only those turns."""
    found: Dict[str, Conversation] = {}
    for event in _events(url):
        _apply(found.setdefault(event["sender_id"], Conversation(event["sender_id"])), event)
    result = []
    for conversation in found.values():
        conversation.turns = [
            t for t in conversation.turns if (since is None or t.at >= since) and (until is None or t.at < until)
        ]
        if conversation.turns:
            result.append(conversation)
    return result
