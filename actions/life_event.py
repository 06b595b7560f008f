"""I just had a baby / lost my job / ... — the services a life event calls for, across governments."""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import CatalogueAction, Events, latest_entity, latest_text
from actions.messages import say
from services_catalog.model import LifeEvent, Service

MAX_SERVICES = 8


class ActionLifeEvent(CatalogueAction):
    def name(self) -> Text:
        return "action_life_event"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        texts = [t for t in (latest_entity(tracker, "life_event"), latest_text(tracker)) if t]
        event = next((found[0] for found in map(self.catalogue().search_life_events, texts) if found), None)
        if event is None:
            dispatcher.utter_message(text=say("no_life_event", lang))
            return []
        place = self.resolve_place(self.place_from(tracker))
        services = self._relevant(event, place.province if place else None)
        lines = [say("life_event_header", lang, event=event.name.get(lang))]
        lines += [self._line(s, lang, show_province=place is None) for s in services[:MAX_SERVICES]]
        bundles = {b.id: b for s in services for b in self.catalogue().bundles_for_service(s.id)}
        lines += [say("in_bundle", lang, bundles=b.name.get(lang)) for b in bundles.values()]
        dispatcher.utter_message(text="\n".join(lines))
        return []

    @staticmethod
    def _relevant(event: LifeEvent, province: str | None) -> List[Service]:
        """Federal services everywhere; a province's own only where the client is, when we know where."""
        return [s for s in event.services
                if province is None or s.organization.state_province in (None, province)]

    @staticmethod
    def _line(service: Service, lang: str, show_province: bool) -> str:
        where = f", {service.organization.state_province}" if show_province and service.organization.state_province else ""
        return f"• {service.name.get(lang)} ({service.organization.name.get(lang)}{where})"
