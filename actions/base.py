"""What every catalogue-backed action shares: language, catalogue access, failure handling.

Each action implements `answer`; `run` adds the answer language and turns an
unavailable catalogue into a polite message instead of a broken conversation.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answer_status import completed, status
from actions.language import language_of
from actions.messages import say
from actions.service_names import (
    NamedService,
    fact_readings,
    named_by_data,
    other_readings,
    place_named,
    resolve_service,
    sentence_readings,
    service_readings,
)
from services_catalog.catalogue import Catalogue, CatalogueUnavailable, shared_catalogue
from services_catalog.geography import Place
from services_catalog.jurisdiction import Whereabouts, whereabouts
from services_catalog.model import Location, Service, ServiceMatch
from services_catalog.text import fold

log = logging.getLogger(__name__)
Events = List[Dict[Text, Any]]


def latest_entity(tracker: Tracker, name: str) -> Optional[str]:
    """The entity from the latest message only: slots remember old turns, entities don't."""
    return next(tracker.get_latest_entity_values(name), None)


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def changes_only(events: Events, tracker: Tracker) -> Events:
    """The events without the slot settings that leave a slot as it already is.

    Actions clear their context slots unconditionally, which keeps them simple; but Rasa validates
    every returned event against its JSON schema, about 0.4 ms each, on every turn.
    """
    last = {event["name"]: index for index, event in enumerate(events) if event.get("event") == "slot"}
    return [
        event
        for index, event in enumerate(events)
        if event.get("event") != "slot"
        or (last[event["name"]] == index and tracker.get_slot(event["name"]) != event.get("value"))
    ]


def offer_choices(
    dispatcher: CollectingDispatcher, text: str, matches: List[ServiceMatch], lang: str, intent: str
) -> Events:
    """Services that fit the words equally well, as buttons that ask the same question again about one."""
    buttons = [
        {
            "title": f"{m.service.name.get(lang)} ({m.service.organization.name.get(lang)})",
            "payload": f'/{intent}{{"service":"{m.service.id}"}}',
        }
        for m in matches
    ]
    dispatcher.utter_message(text=say("choose_service", lang, text=text), buttons=buttons)
    return [status("ambiguous", choices=len(matches))]


# The question each intent asks; kept in the last_question slot so that "and a health card?" asks it again.
QUESTIONS = {
    "ask_documents": "documents",
    "ask_fees": "fees",
    "ask_processing_time": "processing_time",
    "ask_eligibility": "eligibility",
}


def _shortened(typed: str, last: str) -> bool:
    """Whether a place typed is the start of the one named before: what people call a town for short."""
    short, full = fold(typed), fold(last)
    return len(short) >= 4 and full != short and full.startswith(short)


class CatalogueAction(Action, ABC):
    """A custom action answering from the catalogue in the client's language."""

    def catalogue(self) -> Catalogue:
        return shared_catalogue()

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        lang = language_of(tracker)
        try:
            events = self.answer(dispatcher, tracker, lang)
        except CatalogueUnavailable as error:
            log.error("catalogue unavailable: %s", error)
            dispatcher.utter_message(text=say("catalogue_down", lang))
            events = [status("unavailable")]
        return changes_only(completed(events, lang, dispatcher), tracker)

    @abstractmethod
    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        """The action's reply in lang, and the events that keep its context."""

    # -- context shared by the follow-ups ------------------------------------------------------------------
    def place_from(self, tracker: Tracker, allow_remembered: bool = True) -> Optional[str]:
        """The place the client just named, else (for follow-ups) the one named before."""
        named = place_named(tracker.latest_message or {})
        if named is None and tracker.get_slot("awaiting") in ("place", "find_office", "outreach"):
            named = latest_text(tracker)
        last = tracker.get_slot("last_place")
        if named is not None and last and _shortened(named, last):
            named = last  # "c'est où le bureau à Drummond?" after Drummondville is Drummondville, not Drummond NB
        if named is None and allow_remembered:
            named = last
        return named

    def resolve_place(self, text: Optional[str]) -> Optional[Place]:
        return self.catalogue().resolve_place(text) if text else None

    def place_or_ask(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str
    ) -> Tuple[Optional[str], Optional[Place]]:
        """The place this turn is about; when missing or unknown, asks the client for it."""
        text = self.place_from(tracker)
        place = self.resolve_place(text)
        if place is None:
            dispatcher.utter_message(text=say("unknown_place" if text else "ask_outreach_place", lang, text=text or ""))
        return text, place

    @staticmethod
    def place_status(text: Optional[str]) -> Events:
        """The status of a turn that stopped for want of a place: not recognised, or not given yet."""
        return [status("unknown_place")] if text else []

    def named_service(self, tracker: Tracker, limit: int = 5, near: Optional[Place] = None) -> Optional[NamedService]:
        """The service the latest message names, resolved against the live catalogue."""
        message = tracker.latest_message or {}
        return resolve_service(self.catalogue(), service_readings(message), message.get("text") or "", limit, near)

    def asked_service(
        self, tracker: Tracker, place: Optional[Place], limit: int = 10, event_named: bool = False
    ) -> Optional[NamedService]:
        """The service a question about a service names, if it names one.

        With a service under discussion only the model's service entities count: "and for a child?" is
        about the passport just discussed, not a search for "child". Without one, the whole question is read,
        then each of its sentences when the whole names nothing. When the message names a life event
        (event_named), it is not read sentence by sentence: "I'm retiring at 62. What federal pensions can I
        get?" is the event, not whichever service "pensions" names alone.
        """
        message, text = tracker.latest_message or {}, latest_text(tracker)
        last = self.last_service(tracker)
        if last is not None:
            readings = other_readings(service_readings(message), self.catalogue(), last)
            named = resolve_service(self.catalogue(), readings, text, limit, place, self.settled_province(last, place))
            return self._settled_by_organization(tracker, named, place, limit)
        place_text = self.place_from(tracker, allow_remembered=False)
        named = resolve_service(self.catalogue(), fact_readings(message, place_text), text, limit, place)
        named = self._settled_by_organization(tracker, named, place, limit)
        if named is not None and (named.matches or named.choices):
            return named
        sentences = [] if event_named else sentence_readings(message, place_text)
        named = resolve_service(self.catalogue(), sentences, text, limit, place) if sentences else named
        if named is None or not (named.matches or named.choices):
            named = named_by_data(self.catalogue(), message, text, limit, place) or named
        return named

    def _settled_by_organization(
        self, tracker: Tracker, named: Optional[NamedService], place: Optional[Place], limit: int
    ) -> Optional[NamedService]:
        """A choice the organization the client named settles: "quels documents faut-il présenter à la RAMQ", with
        the model's service the "permanente" of their residence, is the RAMQ's registration, not a PR card."""
        organization = latest_entity(tracker, "organization")
        if named is None or not named.choices or not organization:
            return named
        settled = resolve_service(self.catalogue(), [organization, named.text], latest_text(tracker), limit, place)
        return settled if settled is not None and settled.matches and not settled.choices else named

    def event_service(
        self, tracker: Tracker, place: Optional[Place], last: Service, question: str
    ) -> Optional[NamedService]:
        """After a life event, the one of its services the message's words fit best, when it is not the one under
        discussion: "how long do we have to register her?" after a birth is about registering the birth; by its
        name first, else by its facts of the kind asked ("et mon chum, il a droit à combien de semaines?")."""
        catalogue = self.catalogue()
        event = catalogue.life_event_named([tracker.get_slot("life_event")])
        if event is None:
            return None
        message, text = tracker.latest_message or {}, latest_text(tracker)
        # Where the client lives now: "my Ontario licence" after a move to Kelowna names the old province.
        where = Whereabouts(place, place.province) if place else whereabouts(text)
        services = [s.id for s in catalogue.life_event_services(event, where)]
        readings = fact_readings(message, self.place_from(tracker, allow_remembered=False))
        # By facts, the service under discussion first: it keeps a question its facts fit as well as another's.
        chosen = catalogue.closest_among(set(services), " ".join(readings)) or catalogue.closest_by_facts(
            [last.id, *services], question, text
        )
        service = catalogue.service(chosen) if chosen and chosen != last.id else None
        return NamedService(text, [ServiceMatch(service, 1.0)], where=where) if service else None

    def last_service(self, tracker: Tracker) -> Optional[Service]:
        service_id = tracker.get_slot("last_service_id")
        return self.catalogue().service(service_id) if service_id else None

    @staticmethod
    def settled_province(last: Optional[Service], place: Optional[Place]) -> Optional[str]:
        """The province the service under discussion settled, for a message that names no place: "and my health
        card?" after the Ontario driver's licence is Ontario's."""
        return last.organization.state_province if last is not None and place is None else None

    def last_location(self, tracker: Tracker) -> Optional[Location]:
        location_id = tracker.get_slot("last_location_id")
        return self.catalogue().location(location_id) if location_id else None
