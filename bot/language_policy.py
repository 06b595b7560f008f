"""Decides the answer language inside the Rasa server, once per user message.

The decision needs the message text, the widget's metadata and three slots
(bot.answer_language.choose). An NLU component sees only the message, and
Rasa's action_validate_slot_mappings costs an HTTP round trip to the action
server on every turn; a policy sees the whole tracker, and the events of its
prediction are applied before the predicted action runs, whichever policy wins
(rasa.core.policies.policy.PolicyPrediction.events). So this policy never
predicts an action: it only returns the slot changes.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.constants import POLICY_PRIORITY
from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.answer_language import choose

SLOTS = ("language", "language_choice", "page_language")


def awaits_language(tracker: DialogueStateTracker) -> bool:
    """True for the first prediction after a user message, the only one that decides.

    Later predictions of the same turn must keep the decision: re-deciding with
    the slots it just set would, for instance, forget a page-language switch.
    """
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted):
            return False
        if isinstance(event, UserUttered):
            return True
    return False


def said_before(tracker: DialogueStateTracker) -> bool:
    """Whether the client said anything before the latest message (the slot's initial value is no evidence)."""
    return sum(isinstance(event, UserUttered) for event in tracker.events) > 1


def language_events(tracker: DialogueStateTracker) -> List[SlotSet]:
    """The slot changes deciding the answer language of the latest message."""
    message = tracker.latest_message
    if message is None:
        return []
    asked = None
    if message.intent_name == "change_language":
        asked = next(tracker.get_latest_entity_values("language"), None)
    decided = choose(
        message.text or "",
        message.metadata or {},
        tracker.get_slot("language") if said_before(tracker) else None,
        tracker.get_slot("language_choice"),
        tracker.get_slot("page_language"),
        asked,
    )
    return [SlotSet(slot, value) for slot, value in decided.items() if tracker.get_slot(slot) != value]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class AnswerLanguagePolicy(Policy):
    """Sets the language slots for the turn; predicts nothing (all-zero probabilities)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Rasa requires a priority; the lowest, since this policy never competes for the action.
        return {POLICY_PRIORITY: 0}

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        events = language_events(tracker) if awaits_language(tracker) else []
        return self._prediction(self._default_predictions(domain), events=events)
