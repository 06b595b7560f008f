"""Messages made only of words the model never saw get no intent confidence (then the fallback)."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.unknown_words import UnknownWords


@pytest.fixture(scope="module")
def component(tmp_path_factory: pytest.TempPathFactory) -> UnknownWords:
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    context = ExecutionContext(GraphSchema({}), "test")
    resource = Resource("unknown_words")
    trained = UnknownWords.create({}, storage, resource, context)
    examples = [Message(data={"text": "hello there"}), Message(data={"text": "where can I renew my passport"})]
    trained.train(TrainingData(examples))
    return UnknownWords.load({}, storage, resource, context)  # as the server loads it: from the model


def confidence(component: UnknownWords, text: str, entities: List[Dict[str, Any]] = []) -> float:
    message = Message(data={"text": text, "intent": {"name": "greet", "confidence": 0.7}, "entities": entities})
    return component.process([message])[0].get("intent")["confidence"]


def test_gibberish_loses_its_intent_confidence(component: UnknownWords) -> None:
    assert confidence(component, "xqzt vlorp") == 0.0


@pytest.mark.parametrize("text", ["Hello!", "passport please", "Kapuskasing", "T9H 5G2", '/feedback{"helpful":"yes"}'])
def test_known_words_towns_numbers_and_payloads_keep_it(component: UnknownWords, text: str) -> None:
    assert confidence(component, text) == 0.7


def test_an_entity_the_model_found_keeps_it(component: UnknownWords) -> None:
    assert confidence(component, "Quuxburg", [{"entity": "place", "value": "Quuxburg"}]) == 0.7
