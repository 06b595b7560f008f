"""Rasa's check of the action server's answers, with its JSON schema checked once instead of every turn.

Rasa validates each answer of the action server with `jsonschema.validate`, which first checks the schema
itself, a large one (every event type), on every call: a fifth of a turn's time on the Rasa server
(profiled with py-spy, docs/benchmarks.md "Session 16"). Here the schema is checked once and its
validator kept. A valid answer is accepted as before; an invalid one goes through Rasa's own check, so it
fails with exactly Rasa's error and message.

The channels (bot.rest_channel, bot.socket_channel) call `install()` when Rasa builds their routes.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Optional, Text

from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction

_rasa_check: Optional[Callable[[RemoteAction, Dict[Text, Any]], bool]] = None


def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    checker = validator_for(schema)
    checker.check_schema(schema)
    return checker(schema)


_VALIDATOR = _validator()


def checked_once(action: RemoteAction, result: Dict[Text, Any]) -> bool:
    """Rasa's `_validate_action_result`, with the schema's validator built at import."""
    if _VALIDATOR.is_valid(result):
        return True
    assert _rasa_check is not None, "install() keeps Rasa's check for the invalid answers"
    return _rasa_check(action, result)


def install() -> None:
    """Makes Rasa's action calls use `checked_once` (idempotent)."""
    global _rasa_check
    if _rasa_check is None:
        _rasa_check = RemoteAction._validate_action_result
        RemoteAction._validate_action_result = checked_once
