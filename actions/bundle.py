"""Can I apply for it at the same time? — bundles: one application, several services."""

from __future__ import annotations

from typing import List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_status import status
from actions.base import CatalogueAction, Events, latest_text
from actions.messages import say
from services_catalog.model import Bundle


class ActionBundle(CatalogueAction):
    def name(self) -> Text:
        return "action_bundle"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        named = self.named_service(tracker, limit=1)
        service = (named.matches[0].service if named.matches else None) if named else self.last_service(tracker)
        bundles = self.catalogue().bundles_for_service(service.id) if service else []
        if service is None:  # "is there a bundle for newborns?": name the bundle itself
            bundles = self.catalogue().search_bundles(named.text if named else latest_text(tracker), limit=1)
        if bundles:
            dispatcher.utter_message(text="\n\n".join(self._describe(b, lang) for b in bundles))
        elif service is not None:
            dispatcher.utter_message(text=say("no_bundle", lang, service=service.name.get(lang)))
        else:
            dispatcher.utter_message(text=say("ask_bundle_service", lang))
            return [status("asked")]
        return []

    @staticmethod
    def _describe(bundle: Bundle, lang: str) -> str:
        lines: List[str] = [say("bundle_header", lang, bundle=bundle.name.get(lang))]
        lines += [f"• {s.name.get(lang)} ({s.organization.name.get(lang)})" for s in bundle.services]
        lines.append(bundle.description.get(lang))
        if bundle.url:
            lines.append(say("online", lang, url=bundle.url.get(lang)))
        return "\n".join(lines)
