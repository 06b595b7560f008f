"""How to apply for the service asked or the last one: online, by phone, by mail or in person."""

from __future__ import annotations

from typing import Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_status import status
from actions.base import CatalogueAction, Events
from actions.messages import say
from actions.render import channel_list, remote_lines
from services_catalog.model import Service


class ActionServiceDetail(CatalogueAction):
    def name(self) -> Text:
        return "action_service_detail"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        service = self._service(tracker)
        if service is None:
            dispatcher.utter_message(text=say("ask_which_service_detail", lang))
            return [status("asked")]
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
