"""How to apply for the service asked or the last one: online, by phone, by mail or in person."""

from __future__ import annotations

import re
from typing import List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_status import status
from actions.base import CatalogueAction, Events, latest_text
from actions.find_service import ActionFindService
from actions.messages import CHANNELS, say
from actions.render import channel_list, remote_lines
from actions.service_facts import ActionServiceFacts
from bot.question_words import same_question_again
from services_catalog.model import Service

# The way a client asks about, by its words: without a trip or paper is the online way.
ASKED_CHANNEL = {
    "online": re.compile(
        r"\b(?:online|on line|internet|web|en ligne|from (?:home|my phone)|without (?:going|paper|filling)"
        r"|paperless|sans papier|de (?:la )?maison|sans me d[ée]placer|sans (?:aller|passer))",
        re.IGNORECASE,
    ),
    "mail": re.compile(r"\b(?:by (?:mail|post)|mail (?:it|in|them)|par (?:la )?poste|par courrier)\b", re.IGNORECASE),
    "phone": re.compile(
        r"\b(?:by (?:phone|telephone)|over the phone|par t[ée]l[ée]phone|au t[ée]l[ée]phone)\b", re.IGNORECASE
    ),
    "in_person": re.compile(r"\b(?:in person|en personne)\b", re.IGNORECASE),
}


class ActionServiceDetail(CatalogueAction):
    def name(self) -> Text:
        return "action_service_detail"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        if tracker.get_slot("last_question") and same_question_again(latest_text(tracker)):
            # "et par la poste?" after how long the CCB takes: that delay by mail, not the ways to apply
            return ActionServiceFacts().answer(dispatcher, tracker, lang)
        service = self._service(tracker)
        if service is None:
            dispatcher.utter_message(text=say("ask_which_service_detail", lang))
            return [status("asked")]
        name, url = service.name.get(lang), service.url.get(lang) or service.organization.url.get(lang)
        # "Can I renew it online?", "je peux le renouveler par la poste?" get a plain yes, or no (with the page,
        # which may know better), first; a question about two ways gets the list.
        asked = [channel for channel, words in ASKED_CHANNEL.items() if words.search(latest_text(tracker))]
        online_answer = [self._yes_or_no(asked[0], service, lang, url)] if len(asked) == 1 else []
        offered = (
            say("channels", lang, service=name, channels=channel_list(service, lang))
            if service.channels
            else say("channels_unknown", lang, service=name, url=url)
        )
        way = asked[0] if len(asked) == 1 and asked[0] in service.channels else None
        named_place = self.place_from(tracker, allow_remembered=False)
        place = self.resolve_place(named_place)
        if way == "in_person" and place is not None:
            # "can I pick it up in person in Ottawa?": yes, and where, rather than the list of ways
            dispatcher.utter_message(text=online_answer[0])
            return ActionFindService().respond(dispatcher, service, place, named_place, lang)
        text = "\n".join(
            [
                *online_answer,
                *self._delay_that_way(way, service, lang),
                offered,
                *remote_lines(service, service.channels, lang),
            ]
        )
        dispatcher.utter_message(text=text)
        # The service stays under discussion ("how much is it?" next is about it); the last question was this one.
        return [SlotSet("last_service_id", service.id), SlotSet("last_question", None)]

    @staticmethod
    def _yes_or_no(channel: str, service: Service, lang: str, url: str) -> str:
        name, way = service.name.get(lang), CHANNELS[channel][lang]
        if channel in service.channels:
            return say("channel_yes", lang, channel=way, service=name)
        return say(
            "not_online" if channel == "online" else "channel_not_listed", lang, channel=way, service=name, url=url
        )

    def _delay_that_way(self, way: Optional[str], service: Service, lang: str) -> List[str]:
        """What happens after applying that way, where the catalogue says ("a letter with your SIN is mailed within
        20 business days"): the client asking whether they can do it online is deciding how to do it."""
        rows = [f for f in self.catalogue().facts(service.id).processing_times if way and f.channel == way]
        if not rows:
            return []
        return [*(ActionServiceFacts.case_line(f, lang) for f in rows), *ActionServiceFacts.sources(rows, lang)]

    def _service(self, tracker: Tracker) -> Optional[Service]:
        named = self.asked_service(tracker, self.resolve_place(self.place_from(tracker)))
        if named and named.matches:
            return named.matches[0].service
        return self.last_service(tracker)
