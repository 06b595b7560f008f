"""What each bot turn achieved, written into the conversation as the `answer_status` slot.

Service owners learn what clients could not find from these events (bot/insights.py reads them back
from the tracker store), so a status carries only catalogue facts — a service id, an office id, a
province, a place name from the gazetteer — never the client's words: those stay in the user event,
already masked by the channel.

A substantive answer gets a reference and "Was this helpful?" buttons carrying it, so a vote lands
on the answer it is about even when the client scrolls back to an older one.
"""

from __future__ import annotations

import secrets
from typing import Any, Dict, List, Optional

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.messages import say

SLOT = "answer_status"
# Statuses a custom action can record; bot/insights.py adds the ones of Rasa's own responses
# (out_of_scope, fallback) and documents every one.
STATUSES = (
    "answered",  # the client got what was asked
    "asked",  # the bot asked for a missing detail (which service, where)
    "ambiguous",  # choices offered
    "no_service",  # no service matched the request
    "unknown_place",  # a place the gazetteer does not know
    "no_office",  # no office within reach of the place (province recorded)
    "unavailable",  # the catalogue could not be read
    "handoff",  # passed to a person
    "feedback",  # the client rated an answer
)
# Answers worth a vote: the ones that end a request, found or not.
RATED = ("answered", "no_service", "unknown_place", "no_office")


def status(
    kind: str,
    service: Optional[str] = None,
    office: Optional[str] = None,
    province: Optional[str] = None,
    place: Optional[str] = None,
    **extra: Any,
) -> Dict[str, Any]:
    """The SlotSet event recording one turn's outcome (None values left out)."""
    assert kind in STATUSES, f"unknown answer status {kind}"
    value = {"status": kind, "service": service, "office": office, "province": province, "place": place, **extra}
    return SlotSet(SLOT, {k: v for k, v in value.items() if v is not None})


def recorded(events: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The status an action's events already record, if any."""
    return next((e["value"] for e in reversed(events) if e.get("event") == "slot" and e.get("name") == SLOT), None)


def slot_value(events: List[Dict[str, Any]], name: str) -> Optional[Any]:
    return next((e["value"] for e in reversed(events) if e.get("event") == "slot" and e.get("name") == name), None)


def completed(events: List[Dict[str, Any]], lang: str, dispatcher: CollectingDispatcher) -> List[Dict[str, Any]]:
    """The events with a status for this turn, and the feedback buttons under a substantive answer.

    An action that records nothing either asked for a detail (it set `awaiting`) or answered about
    the service and office its events name.
    """
    value = recorded(events)
    if value is None:
        kind = "asked" if slot_value(events, "awaiting") else "answered"
        value = status(
            kind, service=slot_value(events, "last_service_id"), office=slot_value(events, "last_location_id")
        )["value"]
    value = {**value, "lang": lang}
    if value["status"] in RATED and dispatcher.messages and not dispatcher.messages[-1].get("buttons"):
        value["ref"] = secrets.token_hex(4)
        dispatcher.messages[-1]["buttons"] = feedback_buttons(value["ref"], lang)
    return [e for e in events if not (e.get("event") == "slot" and e.get("name") == SLOT)] + [SlotSet(SLOT, value)]


def feedback_buttons(ref: str, lang: str) -> List[Dict[str, str]]:
    return [
        {"title": say("feedback_yes", lang), "payload": f'/feedback{{"helpful":"yes","answer_ref":"{ref}"}}'},
        {"title": say("feedback_no", lang), "payload": f'/feedback{{"helpful":"no","answer_ref":"{ref}"}}'},
    ]
