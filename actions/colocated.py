"""What else can I do there? — every government's services at one location (co-location)."""

from __future__ import annotations

from typing import Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_status import status
from actions.base import CatalogueAction, Events, latest_entity, latest_text
from actions.messages import LEVELS, say
from actions.render import public_address, week_lines
from services_catalog.model import Location

SERVICES_PER_ORGANIZATION = 6


class ActionColocated(CatalogueAction):
    def name(self) -> Text:
        return "action_colocated"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        location = self._named_location(tracker) or self.last_location(tracker)
        if location is None:
            dispatcher.utter_message(text=say("no_location", lang))
            return [status("asked")]
        lines = [
            say(
                "colocated_header",
                lang,
                office=location.name.get(lang),
                address=", ".join(public_address(location, lang)),
            )
        ]
        for level, groups in self.catalogue().colocated(location.id):
            for organization, services in groups:
                names = [s.name.get(lang) for s in services[:SERVICES_PER_ORGANIZATION]]
                more = (
                    f" (+{len(services) - SERVICES_PER_ORGANIZATION})"
                    if len(services) > SERVICES_PER_ORGANIZATION
                    else ""
                )
                lines.append(f"• {organization.name.get(lang)} ({LEVELS[level][lang]}): {', '.join(names)}{more}")
        if location.hours:
            lines += [say("hours_at", lang, office=location.name.get(lang)), *week_lines(location, lang)]
        dispatcher.utter_message(text="\n".join(lines))
        return [SlotSet("last_location_id", location.id)]

    def _named_location(self, tracker: Tracker) -> Optional[Location]:
        """A location named in this message: the whole sentence first ("the Service Canada office in Fort
        McMurray" needs both the name and the town), then the model's place entity alone ("Ottawa City Hall")."""
        for text in (latest_text(tracker), latest_entity(tracker, "place")):
            location = self.catalogue().find_location(text) if text else None
            if location is not None:
                return location
        return None
