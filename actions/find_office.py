"""Is there an office near me? — offices of any government, or of one organization, by distance."""

from __future__ import annotations

import re
from typing import Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_status import status
from actions.base import CatalogueAction, Events, latest_entity, latest_text
from actions.messages import say
from actions.render import office_lines, public_address
from services_catalog.catalogue import FAR_KM, out_of_reach
from services_catalog.text import fold_place

ITS_ADDRESS = re.compile(r"\b(address|adresse|where is it|c'est o[uù]|located|situ[ée])\b", re.IGNORECASE)


class ActionFindOffice(CatalogueAction):
    def name(self) -> Text:
        return "action_find_office"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        organization = latest_entity(tracker, "organization") or tracker.get_slot("organization") or ""
        last = self.last_location(tracker)
        if (
            last is not None
            and ITS_ADDRESS.search(latest_text(tracker))
            and not latest_entity(tracker, "organization")
            and not self.place_from(tracker)
        ):
            # "c'est à quelle adresse?" after an office's hours: that office, not "which town?"
            dispatcher.utter_message(text="\n".join([last.name.get(lang)] + public_address(last, lang)))
            return [status("answered", office=last.id), SlotSet("awaiting", None)]
        named = self.named_service(tracker) if latest_entity(tracker, "service") and not organization else None
        if named is not None and (named.matches or named.choices):
            # "J'ai perdu ma carte d'assurance-maladie du Nouveau-Brunswick, comment la remplacer?": the service
            # named, and where it is offered (or how, without a trip), not "which town?" for any office
            from actions.find_service import ActionFindService  # imports this module: imported when needed

            return ActionFindService().answer(dispatcher, tracker, lang)
        place_text, place = self.place_or_ask(dispatcher, tracker, lang)
        if place is None:
            return [SlotSet("awaiting", "find_office")] + self.place_status(place_text)
        remembered = self.last_service(tracker)
        if not organization and remembered is not None and "in_person" in remembered.channels:
            # "y a-tu un bureau à Shippagan si j'ai besoin d'aide?" after EI: an office for EI, not any office
            from actions.find_service import ActionFindService  # imports this module: imported when needed

            return ActionFindService().follow_up(dispatcher, tracker, place, place_text, lang)
        # The town asked for names its own offices first ("le bureau à Lévis" is Lévis's, though Québec City's
        # passport office is nearer the town's centre point), and so does a neighbourhood ("un point de service à
        # Saint-Boniface" in Winnipeg); a postal code asks for the nearest.
        typed = latest_entity(tracker, "place") or ""
        town = "" if latest_entity(tracker, "postal_code") else typed if fold_place(typed) else place.name
        hits = self.catalogue().offices_near(place, organization=organization, named=town)
        if not hits:
            dispatcher.utter_message(text=say("nothing_near", lang, km=int(FAR_KM), place=place.name))
            return [SlotSet("awaiting", None), status("no_office", province=place.province, place=place.name)]
        lines = [say("nearest", lang, place=place.name)]
        for n, hit in enumerate(hits, start=1):
            lines += office_lines(n, hit, lang)
        dispatcher.utter_message(text="\n".join(lines))
        outcome = "no_office" if out_of_reach(hits) else "answered"
        return [
            status(outcome, office=hits[0].location.id, province=place.province, place=place.name),
            SlotSet("awaiting", None),
            SlotSet("last_place", place_text),
            SlotSet("last_location_id", hits[0].location.id),
        ]
