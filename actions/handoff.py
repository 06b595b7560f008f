"""I want to talk to a person — file the conversation for a human agent and give the client a reference.

When live handoff is on (a staff page and staff at work, bot.staff_hours) the client also learns their
place in the queue and an estimated wait, so they can decide to wait or call; otherwise the reference
and the phone number are all that would be honest to offer. The province goes with the request so
staff know which provincial services apply before they say hello.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answer_status import status
from actions.language import language_of
from actions.messages import say
from bot import settings, staff_hours
from bot.handoff import HandoffQueue
from services_catalog.catalogue import Catalogue

logger = logging.getLogger(__name__)

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


def province_of(tracker: Tracker) -> Optional[str]:
    """The client's province: from the last answer that named one, else from the place they gave."""
    for event in reversed(tracker.events):
        value = event.get("value")
        if event.get("event") == "slot" and isinstance(value, dict) and isinstance(value.get("province"), str):
            return value["province"]
    place = tracker.get_slot("place")
    try:
        resolved = Catalogue.resolve_place(place) if isinstance(place, str) and place else None
    except Exception:  # the gazetteer is a nicety here: the request is filed without it
        logger.exception("could not resolve the client's place")
        return None
    return resolved.province if resolved else None


class ActionHumanHandoff(Action):
    def name(self) -> Text:
        return "action_human_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[str, Any]]:
        lang = language_of(tracker)
        queue = HandoffQueue()
        reference = queue.file(tracker.sender_id, lang, transcript(tracker), province_of(tracker))
        position = queue.position(reference) if reference and staff_hours.live_handoff_on() else None
        if reference is None:
            dispatcher.utter_message(text=say("handoff_busy", lang))
        elif not settings.staff_token():  # no live handoff here: the contact centre follows up
            dispatcher.utter_message(text=say("handoff", lang, reference=reference))
        elif position is None:  # outside staff hours: the phone line and the reference
            dispatcher.utter_message(text=say("handoff_after_hours", lang, reference=reference))
        else:
            wait = queue.wait_minutes(position)
            dispatcher.utter_message(
                text=say("handoff_waiting", lang, reference=reference, position=position, wait=wait)
            )
        return [status("handoff", lang=lang, queued=reference is not None)]
