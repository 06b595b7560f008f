"""The answer language of the latest message, as bot.language_policy set it in the `language` slot."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.answer_language import DEFAULT, LANGUAGES


def language_of(tracker: Tracker) -> str:
    """The language to answer in; the default when the slot is unset (a tracker built by hand, say)."""
    value = tracker.get_slot("language")
    return value if value in LANGUAGES else DEFAULT
