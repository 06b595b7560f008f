"""Rasa's check of the action server's answers, its schema checked once (bot.action_results)."""

from __future__ import annotations

from typing import Any, Dict

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from bot import action_results
from bot.rest_channel import GuichetRestInput

VALID: Dict[str, Any] = {
    "events": [{"event": "slot", "name": "service", "value": "passport"}],
    "responses": [{"text": "The passport office is at 220 4 Ave SE."}],
}
INVALID: Dict[str, Any] = {"events": [{"event": "slot", "value": "passport"}], "responses": []}  # no slot name


@pytest.fixture
def action() -> RemoteAction:
    action_results.install()
    return RemoteAction("action_find_service", EndpointConfig("http://127.0.0.1:5055/webhook"))


def test_the_rest_channel_installs_the_check_when_its_routes_are_built() -> None:
    GuichetRestInput().blueprint(lambda message: None)  # type: ignore[arg-type, return-value]
    assert RemoteAction._validate_action_result is action_results.checked_once


def test_a_valid_answer_passes_both_checks(action: RemoteAction) -> None:
    assert action_results._rasa_check is not None
    assert action_results.checked_once(action, VALID) is True
    assert action_results._rasa_check(action, VALID) is True


def test_an_invalid_answer_fails_with_rasas_own_error(action: RemoteAction) -> None:
    assert action_results._rasa_check is not None
    with pytest.raises(ValidationError) as rasas:
        action_results._rasa_check(action, INVALID)
    with pytest.raises(ValidationError) as ours:
        action._validate_action_result(INVALID)
    assert ours.value.message == rasas.value.message
    assert "Failed to validate Action server response" in ours.value.message
