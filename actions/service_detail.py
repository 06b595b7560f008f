"""How to apply for the service asked or the last one: online, by phone, by mail or in person."""

from __future__ import annotations

import re
from typing import Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_status import status
from actions.base import CatalogueAction, Events, latest_text
from actions.messages import say
from actions.render import channel_list, remote_lines
from services_catalog.model import Service

ONLINE = re.compile(r"\b(?:online|on line|internet|web|en ligne)\b", re.IGNORECASE)


class ActionServiceDetail(CatalogueAction):
    def name(self) -> Text:
        return "action_service_detail"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        service = self._service(tracker)
        if service is None:
            dispatcher.utter_message(text=say("ask_which_service_detail", lang))
            return [status("asked")]
        name, url = service.name.get(lang), service.url.get(lang) or service.organization.url.get(lang)
        # "Can I renew it online?" about a service that is not online gets a plain no before the ways it is.
        online_no = (
            [say("not_online", lang, service=name, url=url)]
            if ONLINE.search(latest_text(tracker)) and ("online" not in service.channels)
            else []
        )
        offered = (
            say("channels", lang, service=name, channels=channel_list(service, lang))
            if service.channels
            else say("channels_unknown", lang, service=name, url=url)
        )
        text = "\n".join([*online_no, offered, *remote_lines(service, service.channels, lang)])
        dispatcher.utter_message(text=text)
        return []

    def _service(self, tracker: Tracker) -> Optional[Service]:
        named = self.named_service(tracker, limit=1)
        if named and named.matches:
            return named.matches[0].service
        return self.last_service(tracker)
