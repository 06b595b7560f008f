"""Rasa's side of bot.question_words: the cued intent replaces the model's before the fallback decides."""

from __future__ import annotations

import logging
from typing import Any, Dict, FrozenSet, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.question_words import cued_intent
from services_catalog.catalogue import CatalogueUnavailable, shared_catalogue
from services_catalog.text import fold
from services_catalog.text_index import FUNCTION_WORDS

logger = logging.getLogger(__name__)


def life_event_phrased(text: str) -> bool:
    """Whether the live catalogue knows a life event the text names whole (no retrain for a new alias)."""
    try:
        return shared_catalogue().life_event_phrased(text) is not None
    except CatalogueUnavailable:  # no catalogue built yet: the model's own reading stands
        logger.warning("catalogue unavailable: life events not read from the message")
        return False


def service_phrased(text: str) -> bool:
    """Whether the live catalogue knows a service the text names whole, by its name or an alias."""
    try:
        return bool(shared_catalogue().services_phrased(text))
    except CatalogueUnavailable:
        return False


def tagged_types(entities: List[Dict[str, Any]]) -> FrozenSet[str]:
    """The entity types the model found, less a life event of function words only: DIET sometimes tags "my"
    in "and for me and my husband?", which names no event."""
    return frozenset(
        str(entity.get(ENTITY_ATTRIBUTE_TYPE))
        for entity in entities
        if entity.get(ENTITY_ATTRIBUTE_TYPE) != "life_event"
        or any(word not in FUNCTION_WORDS for word in fold(str(entity.get("value") or "")).split())
    )


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class QuestionCues(GraphComponent):
    """Puts the cued intent first, with full confidence, so the FallbackClassifier keeps it."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> QuestionCues:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            ranking = message.get(INTENT_RANKING_KEY) or []
            text = message.get(TEXT) or ""
            if not intent or text.startswith("/"):
                continue
            tagged = tagged_types(message.get(ENTITIES) or [])
            cued = cued_intent(
                text,
                intent.get(INTENT_NAME_KEY) or "",
                ranking,
                tagged,
                life_event_phrased(text),
                service_phrased(text),
            )
            if cued:
                top = {INTENT_NAME_KEY: cued, PREDICTED_CONFIDENCE_KEY: 1.0}
                # The others keep their order at half their confidence: none can come within the
                # FallbackClassifier's ambiguity threshold of the cued intent.
                others = [
                    {**entry, PREDICTED_CONFIDENCE_KEY: (entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0) / 2}
                    for entry in ranking
                    if entry.get(INTENT_NAME_KEY) != cued
                ]
                message.set(INTENT, top, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [top] + others, add_to_output=True)
        return messages
