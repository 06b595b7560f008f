"""What the public channels do to a message before Rasa: limits, hidden characters, signed buttons."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import guard, identity, rate_limit


@pytest.fixture(autouse=True)
def private_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUICHET_SECRET_FILE", str(tmp_path / "secret.key"))
    identity._key.cache_clear()


def test_conversation_ids_are_issued_by_the_server() -> None:
    issued = identity.new_conversation_id()
    assert identity.conversation_id(issued) == issued
    for claimed in (None, "", "default", "a" * 49, issued[:-1] + ("0" if issued[-1] != "0" else "1"), 42):
        fresh = identity.conversation_id(claimed)
        assert fresh != claimed and identity.valid_conversation_id(fresh)


def test_a_button_is_accepted_only_in_the_conversation_it_was_offered_in() -> None:
    mine, theirs = identity.new_conversation_id(), identity.new_conversation_id()
    button = identity.sign_payload('/choose_service{"service": "gc-1242"}', mine)
    assert guard.screen(button, mine, {}).text == '/choose_service{"service": "gc-1242"}'
    assert guard.screen(button, theirs, {}).refusal
    assert guard.screen("/human_handoff", mine, {}).refusal
    assert "commande" in guard.screen("/human_handoff", mine, {"language": "fr"}).refusal


def test_a_long_message_is_refused_politely_in_its_language_without_echoing_it() -> None:
    english = guard.screen("where can I get a passport " * 4000, "c", {})
    assert english.refusal and "too long" in english.refusal and "passport in Calgary" in english.refusal
    assert len(english.refusal) < 300
    french = guard.screen("où est le bureau de passeport " * 4000, "c", {})
    assert french.refusal and "trop long" in french.refusal


def test_hidden_characters_are_removed_and_personal_data_masked() -> None:
    screened = guard.screen("\u202epassport\x1b[31m in Calgary, SIN 130 692 544\u200b", "c", {})
    assert screened.text == "passport [31m in Calgary, SIN [SIN]"


def test_metadata_keeps_only_small_plain_values() -> None:
    assert guard.clean_metadata({"language": "fr", "blob": "x" * 5000, "nested": {"a": 1}}) == {"language": "fr"}
    assert guard.clean_metadata(["not", "an", "object"]) == {}


def test_metadata_text_is_masked_before_rasa_stores_it() -> None:
    cleaned = guard.clean_metadata({"language": "en", "feedback_comment": "I wanted the fee, call me 613-555-0199"})
    assert cleaned == {"language": "en", "feedback_comment": "I wanted the fee, call me [phone]"}


def test_rate_limits_per_conversation_and_per_client() -> None:
    for n in range(rate_limit.PER_CONVERSATION_PER_MINUTE):
        assert rate_limit.check("10.0.0.1", "conversation-a", now=1000.0 + n) is None
    assert "conversation" in (rate_limit.check("10.0.0.1", "conversation-a", now=1040.0) or "")
    assert rate_limit.check("10.0.0.1", "conversation-a", now=1100.0) is None  # the window moved on
    assert rate_limit.check("10.0.0.1", "conversation-b", now=1040.0) is None
