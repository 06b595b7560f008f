"""I want to talk to a person — file the conversation for a human agent and give the client a reference."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.language import language_of
from actions.messages import say
from bot.handoff import HandoffQueue

TRANSCRIPT_TURNS = 20


def real_turn(event: Dict[str, Any]) -> bool:
    """A client message that came in through a channel, or a bot reply; never an event injected otherwise."""
    if not event.get("text"):
        return False
    return event.get("event") == "bot" or (event.get("event") == "user" and bool(event.get("input_channel")))


def transcript(tracker: Tracker) -> List[Dict[str, str]]:
    turns = [
        {"who": "user" if e["event"] == "user" else "bot", "text": e["text"]} for e in tracker.events if real_turn(e)
    ]
    return turns[-TRANSCRIPT_TURNS:]


class ActionHumanHandoff(Action):
    def name(self) -> Text:
        return "action_human_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[str, Any]]:
        lang = language_of(tracker)
        reference = HandoffQueue().file(tracker.sender_id, lang, transcript(tracker))
        if reference is None:
            dispatcher.utter_message(text=say("handoff_busy", lang))
        else:
            dispatcher.utter_message(text=say("handoff", lang, reference=reference))
        return []
