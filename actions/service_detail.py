"""Follow-ups about the last service or office: its hours, and how to apply (online, phone, mail, in person)."""

from __future__ import annotations

from typing import Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import CatalogueAction, Events
from actions.messages import say
from actions.render import channel_list, remote_lines, week_lines
from services_catalog.model import Service


class ActionServiceDetail(CatalogueAction):
    def name(self) -> Text:
        return "action_service_detail"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        service = self._service(tracker)
        if intent == "ask_hours":
            return self._hours(dispatcher, tracker, service, lang)
        if service is None:
            dispatcher.utter_message(text=say("ask_which_service_detail", lang))
            return []
        text = "\n".join(
            [
                say("channels", lang, service=service.name.get(lang), channels=channel_list(service, lang)),
                *remote_lines(service, service.channels, lang),
            ]
        )
        dispatcher.utter_message(text=text)
        return []

    def _service(self, tracker: Tracker) -> Optional[Service]:
        named = self.named_service(tracker, limit=1)
        if named and named.matches:
            return named.matches[0].service
        return self.last_service(tracker)

    def _hours(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, service: Optional[Service], lang: str
    ) -> Events:
        location = self.last_location(tracker)
        if location is None:
            dispatcher.utter_message(text=say("no_location", lang))
            return []
        own_hours = self.catalogue().service_hours_at(service.id, location.id) if service else ()
        if not (location.hours or own_hours):
            dispatcher.utter_message(
                text=say(
                    "no_hours",
                    lang,
                    office=location.name.get(lang),
                    url=location.url.get(lang) or location.organization.url.get(lang),
                )
            )
            return []
        lines = [say("hours_at", lang, office=location.name.get(lang)), *week_lines(location, lang, own_hours)]
        dispatcher.utter_message(text="\n".join(lines))
        return []
