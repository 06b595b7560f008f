"""Where can I get X? — the service, its government, the nearest offices and the alternatives.

Names are resolved against the live catalogue here, not learned by the NLU
model, so a service or office added to the CSVs is found without retraining.
"""

from __future__ import annotations

import re
from typing import List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_status import status
from actions.base import CatalogueAction, Events, latest_entity, latest_text, offer_choices
from actions.find_office import ActionFindOffice
from actions.life_event import ActionLifeEvent, level_asked
from actions.messages import TOPICS, say
from actions.outreach import ActionOutreach
from actions.render import listed, office_lines, remote_lines, service_header
from actions.service_facts import ActionServiceFacts
from actions.service_names import (
    CLAUSE_END,
    NamedService,
    misread_place,
    named_by_data,
    other_readings,
    place_named,
    request_readings,
    resolve_service,
    sentence_readings,
    service_readings,
)
from bot.question_words import FOLLOW_UP, HOW_TO
from services_catalog.catalogue import remote_channels
from services_catalog.geography import Place, gazetteer
from services_catalog.jurisdiction import whereabouts
from services_catalog.model import NearbyAnswer, Service
from services_catalog.text_index import query_terms

ASKS_WHERE = re.compile(
    r"\b(where|near|nearest|closest|office|offices|centre|center|location|address|o[uù]|pr[eè]s|proche|"
    r"bureau|bureaux|adresse|endroit)\b",
    re.IGNORECASE,
)
PLACE_QUESTIONS = {
    "find_office": ActionFindOffice,
    "outreach": ActionOutreach,
    "facts": ActionServiceFacts,
    "life_event": ActionLifeEvent,
}


class ActionFindService(CatalogueAction):
    def name(self) -> Text:
        return "action_find_service"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        awaiting = tracker.get_slot("awaiting")
        if awaiting in PLACE_QUESTIONS and latest_entity(tracker, "service") is None:
            # The client is answering another action's "which place?": that action finishes the job.
            return PLACE_QUESTIONS[awaiting]().answer(dispatcher, tracker, lang)
        if (
            tracker.get_slot("last_question")
            and FOLLOW_UP.match(latest_text(tracker))
            and not HOW_TO.search(latest_text(tracker))
            and not self._federal_elsewhere(tracker)
        ):
            # "and a health card?", "and for my kid?", "pis en Ontario?" right after a question about
            # documents, fees, delays or eligibility ask that question again, not where to go ("pis comment elle
            # s'inscrit?" asks how to get it).
            return ActionServiceFacts().answer(dispatcher, tracker, lang)
        if (
            tracker.get_slot("life_event")
            and FOLLOW_UP.match(latest_text(tracker))
            and level_asked(tracker)
            and not service_readings(tracker.latest_message or {})
        ):
            return ActionLifeEvent().answer(dispatcher, tracker, lang)  # "pis pour le fédéral?" after a move
        if self._names_only_an_organization(tracker):  # "Service Canada in Iqaluit": an office, not a service
            return ActionFindOffice().answer(dispatcher, tracker, lang)
        place_text = self.place_from(tracker)
        place = self.resolve_place(place_text)
        misread = None
        if place is None and awaiting != "place" and misread_place(tracker.latest_message or {}, place_text):
            misread, place_text = place_text, None
        named = self._named_service(tracker, place_text, place, misread)
        if named is None:
            return self.follow_up(dispatcher, tracker, place, place_text, lang)
        service_text, matches = named.text, named.matches
        vague = not matches or named.choices or self._words_of_an_event(tracker)
        if vague and self.catalogue().life_event_phrased(latest_text(tracker)):
            # "mon fils a une déficience intellectuelle, y a-tu de l'aide?": no service named, a life event is;
            # "just landed in Toronto on a study permit": a vague word ("permit") names no one service, the event
            # does; "avec ma sclérose en plaques, je peux plus travailler": the "plaques" are the illness's.
            return ActionLifeEvent().answer(dispatcher, tracker, lang)
        discussed = self.last_service(tracker) or tracker.get_slot("last_location_id")
        if not matches and not service_readings(tracker.latest_message or {}) and discussed:
            # "where can we go in person to do all this?" names nothing: the service under discussion, there; "is
            # there one in Shediac too?", "Pis à Chicoutimi? J'y serai la semaine prochaine." after an office: that
            # kind of office there (the town found in the words when the model tagged none).
            if place is None and (found := whereabouts(latest_text(tracker)).place) is not None:
                place, place_text = found, gazetteer().name_that_finds(found)
            return self.follow_up(dispatcher, tracker, place, place_text, lang)
        if not matches:
            dispatcher.utter_message(text=say("no_service", lang, text=service_text))
            return [SlotSet("service", None), SlotSet("awaiting", None), status("no_service")]
        request = [
            SlotSet("last_request", service_text if tracker.get_slot("awaiting") == "service" else latest_text(tracker))
        ]
        if named.needs_province:
            dispatcher.utter_message(text=say("ask_province", lang, service=matches[0].service.name.get(lang)))
            return request + [
                SlotSet("service", None),
                SlotSet("awaiting", "place"),
                SlotSet("last_place", None),
                SlotSet("last_service_id", matches[0].service.id),
            ]
        if named.choices:
            return (
                request
                + offer_choices(dispatcher, service_text, named.choices, lang, "find_service")
                + [
                    SlotSet("service", None),
                    SlotSet("awaiting", None),
                    SlotSet("last_place", place_text if place else None),
                ]
            )
        return request + self.respond(
            dispatcher,
            matches[0].service,
            place or named.where.place,
            place_text,
            lang,
            named.where.province,
            self._wants_overview(tracker),
        )

    def follow_up(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        place: Optional[Place],
        place_text: Optional[str],
        lang: str,
    ) -> Events:
        """A place alone ("and in Edmonton?", or the answer to "where do you live?"): the last request, there."""
        remembered = self.last_service(tracker)
        if remembered is None and place is not None and tracker.get_slot("last_location_id"):
            # "and Regina?" after an office's address or hours, with no service asked: that kind of office there.
            return ActionFindOffice().answer(dispatcher, tracker, lang)
        if remembered is None:
            dispatcher.utter_message(text=say("ask_service", lang))
            return [SlotSet("awaiting", "service")]
        where = whereabouts(latest_text(tracker))
        said = where.province if where.place is None else None  # a town's province is the place's (see place_from)
        if said and (place is None or place.province != said):
            # "et en Ontario?" names a province, not a town: the remembered town is in another one.
            moved = self.catalogue().for_province(remembered, tracker.get_slot("last_request") or "", said, None)
            if moved is None:
                dispatcher.utter_message(
                    text=say("not_in_province", lang, service=remembered.name.get(lang), place=said)
                )
                return [SlotSet("awaiting", None), status("no_office", remembered.id, None, said, said)]
            return self.respond(dispatcher, moved, None, None, lang, said)
        if place is None:  # "how do I apply?" after a lost job: the overview of EI, not "where are you?"
            return self.respond(dispatcher, remembered, place, place_text, lang, overview=self._wants_overview(tracker))
        service = self.catalogue().for_province(
            remembered, tracker.get_slot("last_request") or "", place.province or "", place
        )
        if service is None:
            dispatcher.utter_message(
                text=say("not_in_province", lang, service=remembered.name.get(lang), place=place.name)
            )
            return [SlotSet("awaiting", None), status("no_office", remembered.id, None, place.province, place.name)]
        return self.respond(dispatcher, service, place, place_text, lang)

    @staticmethod
    def _wants_overview(tracker: Tracker) -> bool:
        """How to get the service, rather than where (see HOW_TO): asked so, or not asked where."""
        text = latest_text(tracker)
        return bool(HOW_TO.search(text)) or not (ASKS_WHERE.search(text) or text.startswith("/"))

    def respond(
        self,
        dispatcher: CollectingDispatcher,
        service: Service,
        place: Optional[Place],
        place_text: Optional[str],
        lang: str,
        province: Optional[str] = None,
        overview: bool = False,
    ) -> Events:
        """Answer for a known service, asking for the place first when it is needed and missing.

        overview: the client named the service without asking where; with no place either, they get
        the overview (see HOW_TO) rather than a bare "where are you?".
        """
        events: Events = [
            SlotSet("last_service_id", service.id),
            SlotSet("service", None),
            SlotSet("last_question", None),
        ]
        if place is not None:  # "health card in Halifax", then "and a driver's licence?": still Halifax
            events.append(SlotSet("last_place", place_text or place.name))
        if "in_person" not in service.channels:
            lines = [
                service_header(service, lang),
                say("no_in_person", lang),
                *remote_lines(service, service.channels, lang),
                *self._bundle_lines(service, lang, province),
            ]
            dispatcher.utter_message(text="\n".join(lines))
            return events + [SlotSet("awaiting", None)]
        if place is None and not self.catalogue().has_offices(service.id):
            # No office to look for near the client: where to go is the organization's to say.
            finder = service.organization.locator_url or service.organization.url or service.url
            lines = [
                service_header(service, lang),
                say("finder_anywhere", lang, organization=service.organization.name.get(lang), url=finder.get(lang)),
                *remote_lines(service, remote_channels(service), lang),
                *self._bundle_lines(service, lang, province),
            ]
            dispatcher.utter_message(text="\n".join(lines))
            return events + [SlotSet("awaiting", None)]
        if place is None and (overview or province) and not place_text:  # "health card in Ontario": no town
            lines = [
                service_header(service, lang),
                *self._overview_lines(service, lang),
                *self._bundle_lines(service, lang, province),
            ]
            dispatcher.utter_message(text="\n".join(lines))
            return events + [SlotSet("awaiting", "place"), SlotSet("last_place", None), status("answered", service.id)]
        if place is None:
            if place_text:
                dispatcher.utter_message(text=say("unknown_place", lang, text=place_text))
            else:
                dispatcher.utter_message(text=say("ask_place", lang, service=service.name.get(lang)))
            return events + [SlotSet("awaiting", "place"), SlotSet("last_place", None)] + self.place_status(place_text)
        nearby = self.catalogue().nearest_offices(service.id, place)
        dispatcher.utter_message(text="\n".join(self._answer_lines(nearby, place, lang)))
        first = nearby.offices[0].location.id if nearby.offices else None
        reached = nearby.offices and not nearby.beyond_reach
        outcome = "answered" if reached or nearby.finder else "no_office"
        return events + [
            status(outcome, service.id, first, place.province, place.name),
            SlotSet("awaiting", None),
            SlotSet("last_place", place_text or place.name),
            SlotSet("last_location_id", first),
        ]

    def _overview_lines(self, service: Service, lang: str) -> List[str]:
        """How to apply first (online, no trip; then the offer to find an office; then the "also" channels),
        who may qualify (the first rule, sourced), and what else to ask."""
        facts = self.catalogue().facts(service.id)
        channels = remote_channels(service)
        online = [say("online", lang, url=service.url.get(lang))] if "online" in channels and service.url else []
        others = remote_lines(service, [channel for channel in channels if channel != "online"], lang)
        networks = self.catalogue().office_networks(service.id)
        in_person = (
            say("in_person_at", lang, network=networks[0].name.get(lang))
            if networks and networks[0].id != service.organization.id
            else say("in_person_ask", lang)
        )
        lines: List[str] = [*online, in_person, *others]
        if facts.criteria:
            first = facts.criteria[0]
            lines += [say("eligibility_for", lang, service=service.name.get(lang)), f"• {first.rule.get(lang)}"]
            lines += ActionServiceFacts.sources([first], lang)
        known = [
            topic
            for topic, rows in (
                ("documents", facts.documents),
                ("fees", facts.costs),
                ("processing_time", facts.processing_times),
                ("eligibility", facts.criteria[1:]),  # the first rule is shown above
            )
            if rows
        ]
        if known:
            lines.append(say("ask_me_about", lang, topics=listed([TOPICS[topic][lang] for topic in known], lang)))
        return lines

    def _federal_elsewhere(self, tracker: Tracker) -> bool:
        """ "Et à Québec?" after the passport's documents: a federal service's facts are the same there,
        so the client means its offices there."""
        message = tracker.latest_message or {}
        last = self.last_service(tracker)
        named_place = place_named(message) is not None
        return (
            named_place
            and not service_readings(message)
            and last is not None
            and (last.organization.state_province is None)
        )

    def _words_of_an_event(self, tracker: Tracker) -> bool:
        """Whether the words the model took for a service are part of a life event's ("plaques" in "ma sclérose en
        plaques"): the event is what the client describes. Not the whole of one: "assurance-emploi" names EI."""
        readings = service_readings(tracker.latest_message or {})
        said = {word for reading in readings for word in query_terms(reading)}
        return bool(said) and any(said < phrase for phrase in self.catalogue().life_event_phrases(latest_text(tracker)))

    @staticmethod
    def _names_only_an_organization(tracker: Tracker) -> bool:
        message = tracker.latest_message or {}
        organization = latest_entity(tracker, "organization")
        if not organization or service_readings(message):
            return False
        rest = re.sub(re.escape(organization), " ", latest_text(tracker), flags=re.IGNORECASE)  # "service canada"
        place = place_named(message)
        # "I'm in Summerside, PEI. Where do I go for Service Canada stuff?": towns and provinces are no service
        return not query_terms(gazetteer().without_places(rest.replace(place, " ") if place else rest))

    def _named_service(
        self, tracker: Tracker, place_text: Optional[str], place: Optional[Place], misread: Optional[str] = None
    ) -> Optional[NamedService]:
        message = tracker.latest_message or {}
        if tracker.get_slot("awaiting") == "place" and not service_readings(message):
            return None  # "I live in Winnipeg" answers "where?": it names no service
        last = self.last_service(tracker)
        if tracker.get_slot("awaiting") == "service" and not service_readings(message):
            readings = [
                latest_text(tracker)
            ]  # the reply to "which service?" is the service, whatever the model made of it
        else:
            readings = ([misread] if misread else []) + request_readings(message, place_text)
            readings = other_readings(readings, self.catalogue(), last) if last is not None else readings
        settled = self.settled_province(last, place)
        named = resolve_service(self.catalogue(), readings, latest_text(tracker), 4, place, settled)
        if named is None or (not named.matches and not service_readings(message)):
            # Nothing named a service ("mon numéro de passeport est [passport-number], comment le renouveler?"),
            # not "a unicorn licence": that request was for something, just not something we know. Unless it tells
            # a life event, its clauses are read one by one first: "a passport in a hurry in calgary, my flight got
            # moved up to next week" is too many words for one name.
            event = self.catalogue().life_event_phrased(latest_text(tracker))  # then the event is the answer
            clauses = [] if event else sentence_readings(message, place_text, CLAUSE_END)
            by_clause = resolve_service(self.catalogue(), clauses, latest_text(tracker), 4, place) if clauses else None
            named = by_clause if by_clause and (by_clause.matches or by_clause.choices) else named
            named = named_by_data(self.catalogue(), message, latest_text(tracker), 4, place) or named
        return named

    def _answer_lines(self, nearby: NearbyAnswer, place: Place, lang: str) -> List[str]:
        service = nearby.service
        where = place.name if place.kind != "city" else f"{place.name} {place.province or ''}".strip()
        lines = [service_header(service, lang)]
        if nearby.offices:
            key = "nearest_far" if nearby.beyond_reach else "nearest"
            lines.append(say(key, lang, place=where, km=int(nearby.max_km)))
            for n, hit in enumerate(nearby.offices, start=1):
                lines += office_lines(n, hit, lang)
            lines += self._also_there(nearby, lang)
        elif nearby.finder:
            lines.append(
                say(
                    "finder",
                    lang,
                    organization=service.organization.name.get(lang),
                    url=nearby.finder.get(lang),
                    place=where,
                )
            )
        else:
            lines.append(say("nothing_near", lang, km=int(nearby.max_km), place=where))
        lines += remote_lines(service, nearby.alternatives, lang)
        return lines + self._bundle_lines(service, lang, place.province)

    def _also_there(self, nearby: NearbyAnswer, lang: str) -> List[str]:
        """Other governments' services at the nearest office: the point of co-location."""
        office = nearby.offices[0].location
        others = [
            s
            for level, groups in self.catalogue().colocated(office.id)
            for org, services in groups
            for s in services
            if org.jurisdiction_level != nearby.service.organization.jurisdiction_level
        ]
        if not others:
            return []
        names = ", ".join(s.name.get(lang) for s in others[:3]) + (" …" if len(others) > 3 else "")
        return [say("also_there", lang, office=office.name.get(lang), services=names)]

    def _bundle_lines(self, service: Service, lang: str, province: Optional[str] = None) -> List[str]:
        bundles = self.catalogue().bundles_for_service(service.id, province)
        return [say("in_bundle", lang, bundles=", ".join(b.name.get(lang) for b in bundles))] if bundles else []
