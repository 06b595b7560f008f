"""What else can I do there? — every government's services at one location (co-location)."""
from __future__ import annotations

from typing import Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import CatalogueAction, Events, latest_entity, latest_text
from actions.messages import LEVELS, say
from services_catalog.model import Location

SERVICES_PER_ORGANIZATION = 6


class ActionColocated(CatalogueAction):
    def name(self) -> Text:
        return "action_colocated"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        location = self._named_location(tracker) or self.last_location(tracker)
        if location is None:
            dispatcher.utter_message(text=say("no_location", lang))
            return []
        lines = [say("colocated_header", lang, office=location.name.get(lang),
                     address=", ".join(location.address_lines()))]
        for level, groups in self.catalogue().colocated(location.id):
            for organization, services in groups:
                names = [s.name.get(lang) for s in services[:SERVICES_PER_ORGANIZATION]]
                more = f" (+{len(services) - SERVICES_PER_ORGANIZATION})" if len(services) > SERVICES_PER_ORGANIZATION else ""
                lines.append(f"• {organization.name.get(lang)} ({LEVELS[level][lang]}): {', '.join(names)}{more}")
        dispatcher.utter_message(text="\n".join(lines))
        return [SlotSet("last_location_id", location.id)]

    def _named_location(self, tracker: Tracker) -> Optional[Location]:
        """A location named in this message: by its entities first, then by the whole sentence."""
        entities = [latest_entity(tracker, "organization"), latest_entity(tracker, "place")]
        for text in [value for value in entities if value] + [latest_text(tracker)]:
            location = self.catalogue().find_location(text)
            if location is not None:
                return location
        return None
