"""Running an action as the action server would: a rasa_sdk Tracker in, a CollectingDispatcher out."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher


def make_tracker(
    text: str,
    intent: str,
    entities: Sequence[Tuple[str, str]] = (),
    slots: Optional[Dict] = None,
    metadata: Optional[Dict] = None,
    events: Optional[List[Dict]] = None,
) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.99},
        "metadata": metadata or {},
        "entities": [_entity(text, name, value) for name, value in entities],
    }
    return Tracker(
        sender_id="test-user",
        slots={"language": "en", **(slots or {})},
        latest_message=latest,
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def _entity(text: str, name: str, value: str) -> Dict[str, Any]:
    """An entity where the NLU model would put it: over its words in the text (a payload's has no span)."""
    start = text.find(value)
    return {"entity": name, "value": value, **({"start": start, "end": start + len(value)} if start >= 0 else {})}


@dataclass
class Outcome:
    messages: List[Dict[str, Any]]
    events: List[Dict[str, Any]]

    @property
    def text(self) -> str:
        return "\n".join(m.get("text") or "" for m in self.messages)

    def slot(self, name: str) -> Any:
        values = [e["value"] for e in self.events if e.get("event") == "slot" and e.get("name") == name]
        assert values, f"slot {name} was not set; events: {self.events}"
        return values[-1]


def run_action(action: Action, tracker: Tracker) -> Outcome:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return Outcome(dispatcher.messages, events)


@pytest.fixture(autouse=True)
def _catalogue(shared_real_catalogue):
    """Every action test answers from the real committed catalogue."""
    return shared_real_catalogue
