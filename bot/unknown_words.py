"""An NLU guess about a message made only of words the model never saw is no guess.

DIET always names some intent, and character n-grams make "xqzt vlorp" look enough like "hey
there" to pass the FallbackClassifier's threshold, in one training run and not the next. This
component, placed before the FallbackClassifier, remembers every word of the training data and sets
the intent confidence to zero for a message with none of them and no entity found (a town or a
postal code the model tagged, or any town the gazetteer knows, is an answer, not gibberish): the
FallbackClassifier then asks the client to rephrase, whatever the training run.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Set, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from services_catalog.geography import gazetteer
from services_catalog.text import fold

VOCABULARY_FILE = "vocabulary.json"


def words_of(text: str) -> Set[str]:
    """The words of a text; "T9H", "5G2" and "12:15" are codes and numbers, not words."""
    return {word for word in fold(text).split() if word.isalpha()}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class UnknownWords(GraphComponent):
    """Zero intent confidence for messages whose words the training data never had."""

    def __init__(self, model_storage: ModelStorage, resource: Resource, vocabulary: Set[str]) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self._vocabulary = vocabulary

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> UnknownWords:
        return cls(model_storage, resource, set())

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> UnknownWords:
        with model_storage.read_from(resource) as directory:
            vocabulary = set(json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8")))
        return cls(model_storage, resource, vocabulary)

    def train(self, training_data: TrainingData) -> Resource:
        self._vocabulary = {
            word for example in training_data.training_examples for word in words_of(example.get(TEXT) or "")
        }
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(json.dumps(sorted(self._vocabulary)), encoding="utf-8")
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if self.unknown(message):
                intent: Optional[Dict[Text, Any]] = message.get(INTENT)
                if intent:
                    message.set(INTENT, {**intent, PREDICTED_CONFIDENCE_KEY: 0.0}, add_to_output=True)
        return messages

    def unknown(self, message: Message) -> bool:
        """Words, none of them known, and no entity: a button's payload or a bare number is not this case."""
        text = message.get(TEXT) or ""
        found = words_of(text)
        if not found or text.startswith("/") or message.get(ENTITIES) or found & self._vocabulary:
            return False
        return bool(words_of(gazetteer().without_places(text)))  # "Kapuskasing", untagged, still answers "where?"
