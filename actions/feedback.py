"""Was this helpful? — the client's vote on an answer, recorded against the answer it is about.

The buttons under an answer carry its reference (actions.answer_status); a vote typed in the
client's own words ("that didn't help") is about the latest answer that could be rated. The
optional comment on "no" comes as message metadata (`feedback_comment`), so that the signed button
payload stays as the bot offered it; it is masked again here before it is stored.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answer_status import RATED, SLOT, status
from actions.base import latest_entity
from actions.language import language_of
from actions.messages import say
from bot.privacy import mask_personal_data

COMMENT_KEY = "feedback_comment"
MAX_COMMENT_CHARS = 200


def rated_answer(tracker: Tracker, ref: Optional[str]) -> Dict[str, Any]:
    """The status of the answer the vote is about: the one with `ref`, else the latest rated one."""
    for event in reversed(tracker.events):
        value = event.get("value") if event.get("event") == "slot" and event.get("name") == SLOT else None
        if isinstance(value, dict) and value.get("status") in RATED and (ref is None or value.get("ref") == ref):
            return value
    return {}


class ActionFeedback(Action):
    def name(self) -> Text:
        return "action_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[str, Any]]:
        lang = language_of(tracker)
        helpful = (latest_entity(tracker, "helpful") or "").lower()
        helpful = helpful if helpful in ("yes", "no") else "unclear"
        about = rated_answer(tracker, latest_entity(tracker, "answer_ref"))
        comment = str(((tracker.latest_message or {}).get("metadata") or {}).get(COMMENT_KEY) or "")
        dispatcher.utter_message(text=say("feedback_sorry" if helpful == "no" else "feedback_thanks", lang))
        return [
            status(
                "feedback",
                service=about.get("service"),
                office=about.get("office"),
                province=about.get("province"),
                helpful=helpful,
                rated=about.get("status"),
                answer_ref=about.get("ref"),
                comment=mask_personal_data(comment[:MAX_COMMENT_CHARS].strip()) or None,
                lang=lang,
            )
        ]
