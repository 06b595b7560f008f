"""The language policy: decides once per user message, in the Rasa server, before the turn's first action."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.language_policy import AnswerLanguagePolicy

DOMAIN = Domain.load(Path(__file__).parents[2] / "domain.yml")


def tracker(*events: Event) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("client", [ActionExecuted("action_listen"), *events], slots=DOMAIN.slots)


def said(
    text: str, intent: str = "find_service", metadata: Optional[Dict[str, Any]] = None, **entities: str
) -> UserUttered:
    found = [{"entity": name, "value": value} for name, value in entities.items()]
    return UserUttered(text, {"name": intent, "confidence": 0.99}, found, metadata=metadata or {})


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory) -> AnswerLanguagePolicy:
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    context = ExecutionContext(GraphSchema({}), "test")
    return AnswerLanguagePolicy.create({}, storage, Resource("language"), context)


def decided(policy: AnswerLanguagePolicy, conversation: DialogueStateTracker) -> Dict[str, Any]:
    prediction = policy.predict_action_probabilities(conversation, DOMAIN)
    assert max(prediction.probabilities) == 0.0, "the policy must never win the action prediction"
    return {event.key: event.value for event in prediction.events if isinstance(event, SlotSet)}


def test_a_french_sentence_is_answered_in_french(policy: AnswerLanguagePolicy) -> None:
    assert decided(policy, tracker(said("Où puis-je renouveler mon passeport?")))["language"] == "fr"


def test_the_widget_page_language_decides_for_a_message_without_clues(policy: AnswerLanguagePolicy) -> None:
    slots = decided(policy, tracker(said("T9H 5G2", "inform", {"language": "fr"})))
    assert slots == {"language": "fr", "page_language": "fr"}


def test_a_change_language_request_read_by_the_model_sticks(policy: AnswerLanguagePolicy) -> None:
    slots = decided(policy, tracker(said("Kan u spreek Frans?", "change_language", language="fr")))
    assert slots == {"language": "fr", "language_choice": "fr"}


def test_later_predictions_of_the_same_turn_keep_the_decision(policy: AnswerLanguagePolicy) -> None:
    events: List[Event] = [said("je viens d'avoir un bébé"), SlotSet("language", "fr")]
    assert decided(policy, tracker(*events, ActionExecuted("action_life_event"))) == {}


def test_nothing_changes_when_the_language_is_already_right(policy: AnswerLanguagePolicy) -> None:
    assert decided(policy, tracker(said("where can I renew my passport?"))) == {}


def test_a_first_message_of_one_french_word_is_answered_in_french(policy: AnswerLanguagePolicy) -> None:
    assert decided(policy, tracker(said("passeport")))["language"] == "fr"
    later = tracker(said("where can I get a passport?"), ActionExecuted("action_find_service"), said("passeport"))
    assert decided(policy, later) == {}
