"""I just had a baby / lost my job / ... — the services a life event calls for, across governments."""

from __future__ import annotations

from typing import Optional, Sequence, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_status import status
from actions.base import QUESTIONS, CatalogueAction, Events, latest_entity, latest_text
from actions.messages import say
from actions.service_names import service_readings
from bot.question_words import FOLLOW_UP, HOW_TO, LEVEL_WORDS, asked_kinds, ends_asking_may_i
from services_catalog.geography import gazetteer
from services_catalog.jurisdiction import Whereabouts, whereabouts
from services_catalog.model import Service
from services_catalog.text import fold

MAX_SERVICES = 8
# The questions about one of the event's services that are answered for it: its facts, or how to apply.
ASKED = {**QUESTIONS, "ask_channels": "channels"}


def level_asked(tracker: Tracker) -> Optional[str]:
    """The government a message asks about ("pis pour le fédéral?"), by the model's entity or the word itself."""
    tagged = latest_entity(tracker, "jurisdiction_level")
    if tagged in LEVEL_WORDS.values():
        return tagged
    return next((LEVEL_WORDS[w] for w in fold(latest_text(tracker)).split() if w in LEVEL_WORDS), None)


class ActionLifeEvent(CatalogueAction):
    def name(self) -> Text:
        return "action_life_event"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        # "we live in Montreal" answers this action's "where do you live?": the event asked about before.
        level = level_asked(tracker)
        # "pis pour le fédéral?" after a life event asks for that government's part of the same event.
        follow_up = level is not None and FOLLOW_UP.match(latest_text(tracker)) is not None
        again = tracker.get_slot("awaiting") == "life_event" or follow_up
        asked = tracker.get_slot("life_event") if again else None
        texts = [t for t in (latest_entity(tracker, "life_event"), asked, latest_text(tracker)) if t]
        event = self.catalogue().life_event_named(texts)
        if event is None and tracker.get_slot("last_question") and FOLLOW_UP.match(latest_text(tracker)):
            # "pis pour mon gars de 10 ans?" after a fee: the model heard a family, the client asks again.
            from actions.service_facts import ActionServiceFacts  # imports this module: imported when needed

            return ActionServiceFacts().answer(dispatcher, tracker, lang)
        if event is None and service_readings(tracker.latest_message or {}):
            # "I'm having knee surgery next month. Is there EI for that?": no event the catalogue knows, but a
            # service named, which the menu of events would not answer
            return self._for_the_service(dispatcher, tracker, lang)
        if event is None:
            dispatcher.utter_message(text=say("no_life_event", lang))
            return [status("no_service")]
        where = whereabouts(latest_text(tracker), self.resolve_place(self.place_from(tracker)))
        province = where.province
        services = self.catalogue().life_event_services(event, where)
        if follow_up:  # a government named in the first message ("je suis fonctionnaire provincial") filters nothing
            services = [s for s in services if s.organization.jurisdiction_level == level] or services
        asked = self._question_about(tracker, services, province)
        question, service = asked if asked else (None, None)
        if question == "channels":
            # "turning 60 in Moncton, can I sign up for my CPP without paper forms?": how to apply for it
            from actions.service_detail import ActionServiceDetail

            return ActionServiceDetail().answer(dispatcher, tracker, lang) + [*self._place_events(where)]
        if question == "how_to" and service is not None:
            # "my mom turns 65, does she need to apply for OAS or does it just start?": that service's overview
            from actions.find_service import ActionFindService

            return ActionFindService().respond(dispatcher, service, None, None, lang, overview=True) + [
                *self._place_events(where),
                SlotSet("life_event", event.name.en),
            ]
        if question:
            # "just moved to Ottawa from Calgary, what do I need to swap my Alberta licence?": the event is the
            # context, the question is about one of its services, there.
            from actions.service_facts import ActionServiceFacts

            return ActionServiceFacts().answer_question(dispatcher, tracker, lang, question, in_event=True) + [
                *self._place_events(where),
                SlotSet("life_event", event.name.en),
            ]
        lines = [say("life_event_header", lang, event=event.name.get(lang))]
        if event.description.get(lang):  # the steps in a sentence, before the services that take them
            lines.append(event.description.get(lang))
        lines += [self._line(s, lang) for s in services[:MAX_SERVICES]]
        if province is None:
            lines.append(say("life_event_where", lang))
        # Only bundles of the services listed, made of the event's own services: the birth bundles hold a SIN
        # and the child benefit, but they are no step of a wedding or of arriving in Canada.
        own = {s.id for s in event.services}
        bundles = {
            b.id: b
            for s in services[:MAX_SERVICES]
            for b in self.catalogue().bundles_for_service(s.id, province)
            if {covered.id for covered in b.services} <= own
        }
        lines += [
            say(
                "bundle_covers",
                lang,
                bundle=self._where(b.name.get(lang), b.organization.state_province),
                services=", ".join(s.name.get(lang) for s in b.services),
            )
            for b in bundles.values()
        ]
        dispatcher.utter_message(text="\n".join(lines))
        # "How long until I get paid?" after a lost job asks about the event's first service (EI), not the menu;
        # "and my health card?" after a move to Halifax asks about Halifax.
        events = self._place_events(where) + [
            SlotSet("awaiting", "life_event" if province is None else None),
            SlotSet("life_event", event.name.en),
        ]
        if services:
            events += [SlotSet("last_service_id", services[0].id), SlotSet("last_question", None)]
        return events

    @staticmethod
    def _for_the_service(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        """The one kind of question the message asks about the service it names, else where and how to get it."""
        from actions.find_service import ActionFindService
        from actions.service_facts import ActionServiceFacts

        text = latest_text(tracker)
        kinds = [QUESTIONS[k] for k in asked_kinds(text) if k in QUESTIONS] or (
            ["eligibility"] if ends_asking_may_i(text) else []
        )
        if len(kinds) == 1:
            return ActionServiceFacts().answer_question(dispatcher, tracker, lang, kinds[0], in_event=True)
        return ActionFindService().answer(dispatcher, tracker, lang)

    @staticmethod
    def _place_events(where: Whereabouts) -> Events:
        """Where the client is (or is moving to) stays for the follow-ups: "and my health card?" after a move to
        Halifax asks about Halifax."""
        return [SlotSet("last_place", gazetteer().name_that_finds(where.place))] if where.place else []

    def _question_about(
        self, tracker: Tracker, services: Sequence[Service], province: Optional[str]
    ) -> Optional[Tuple[str, Service]]:
        """The one kind of question the message asks about a service, and that service, if it asks one: a facts
        question (QUESTIONS), "channels", or "how_to" (HOW_TO: how to get it at all). The service is one of the
        event's, or any other the client can get (federal, or of their province): the event is then the context."""
        text = latest_text(tracker)
        kinds = [ASKED[k] for k in asked_kinds(text) if k in ASKED] or (
            ["how_to"] if HOW_TO.search(text) else ["eligibility"] if ends_asking_may_i(text) else []
        )
        if len(kinds) != 1 or tracker.get_slot("awaiting") == "life_event":
            return None
        named = self.asked_service(tracker, self.resolve_place(self.place_from(tracker)))
        if kinds[0] in ("channels", "how_to"):
            chosen = named.matches[0].service if named and named.matches else None
        else:
            chosen = self.catalogue().with_facts(named.matches, kinds[0], text) if named else None
        # Any federal service, or one of the client's province, is answered: "what docs for my daughter's passport?
        # her dad and I are divorced" asks about the passport, the divorce is the context.
        # Another service only when the model tagged one: a search of the whole story finds one in any words
        # ("what do I need to take care of?" is no caregiving benefit).
        other = bool(service_readings(tracker.latest_message or {})) and (
            chosen is not None and chosen.organization.state_province in (None, province)
        )
        if chosen is None or not (chosen in services or other):
            return None
        return kinds[0], chosen

    @staticmethod
    def _where(name: str, province: str | None) -> str:
        return f"{name} ({province})" if province else name

    @staticmethod
    def _line(service: Service, lang: str) -> str:
        return f"• {service.name.get(lang)} ({service.organization.name.get(lang)})"
