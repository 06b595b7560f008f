"""Does Service Canada come to my community? — outreach visits and joint events, upcoming first."""

from __future__ import annotations

from datetime import date
from typing import List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import CatalogueAction, Events
from actions.messages import say
from actions.render import office_lines
from services_catalog.model import Outreach


class ActionOutreach(CatalogueAction):
    def name(self) -> Text:
        return "action_outreach"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        place_text, place = self.place_or_ask(dispatcher, tracker, lang)
        if place is None:
            return [SlotSet("awaiting", "outreach")] + self.place_status(place_text)
        found = self.catalogue().outreach_near(place)
        if found:
            lines = [say("outreach_upcoming", lang, place=place.name)] + self._lines(found[:4], lang)
        else:
            lines = [say("no_outreach", lang, place=place.name)]
            for n, hit in enumerate(self.catalogue().offices_near(place), start=1):
                lines += office_lines(n, hit, lang)
        dispatcher.utter_message(text="\n".join(lines))
        return [SlotSet("awaiting", None), SlotSet("last_place", place_text)]

    @staticmethod
    def _lines(items: List[Outreach], lang: str) -> List[str]:
        today, lines = date.today(), []
        for item in items:
            dates = " – ".join(str(d) for d in (item.start_date, item.end_date) if d)
            if item.end_date and item.end_date < today:
                lines.append("• " + say("outreach_past", lang, name=item.name.get(lang), dates=dates))
                continue
            when = item.schedule.get(lang) or dates
            lines.append(f"• {item.name.get(lang)}" + (f" — {when}" if when else ""))
            if item.location:
                lines.append("   " + ", ".join(item.location.address_lines()))
            governments = ", ".join(org.name.get(lang) for org, _ in item.participants)
            if governments:
                lines.append("   " + say("with", lang, governments=governments))
        return lines
