"""'Was this helpful?' through the REST channel: the buttons under a real answer, posted back as messages.

The channel signs every button payload for its conversation (bot.identity), so a client posts the
payload exactly as it received it; the optional comment on "no" travels as message metadata.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from bot.launch import Conversation, text_of
from tests.stored_events import stored_events

QUESTIONS = {"en": "where can I get a passport in Calgary?", "fr": "Où puis-je obtenir un passeport à Calgary?"}
TITLES = {
    "en": {"yes": "Yes, this helped", "no": "No, this did not help"},
    "fr": {"yes": "Oui, cela m'a aidé", "no": "Non, cela ne m'a pas aidé"},
}
THANKS = {
    "en": {"yes": "Thank you! Your answer helps", "no": "Thank you for telling me."},
    "fr": {"yes": "Merci! Votre avis aide", "no": "Merci de me le dire."},
}
REFUSED = "I can't use that command"
PHONE = "613-555-0199"


def answered(assistant: str, lang: str) -> Tuple[Conversation, Dict[str, str]]:
    """A conversation with one real answer; its feedback buttons' payloads by vote ("yes", "no")."""
    conversation = Conversation(assistant)
    messages = conversation.say(QUESTIONS[lang], {"language": lang})
    buttons = [b for m in messages for b in m.get("buttons") or []]
    assert [b["title"] for b in buttons] == [TITLES[lang]["yes"], TITLES[lang]["no"]], messages
    payloads = {vote: b["payload"] for vote, b in zip(("yes", "no"), buttons)}
    for vote, payload in payloads.items():
        assert payload.startswith(f'/feedback{{"helpful":"{vote}","answer_ref":"'), payload
        assert "#g" in payload  # signed for this conversation
    return conversation, payloads


def feedback_statuses(workdir: Path, sender: str) -> List[Dict[str, Any]]:
    statuses = [
        e["value"] or {}
        for e in stored_events(workdir, sender)
        if e.get("event") == "slot" and e.get("name") == "answer_status"
    ]
    return [s for s in statuses if s.get("status") == "feedback"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_helpful_payload_gets_thanks(served: Tuple[str, Path], lang: str) -> None:
    assistant, workdir = served
    conversation, payloads = answered(assistant, lang)
    reply = text_of(conversation.say(payloads["yes"], {"language": lang}))
    assert THANKS[lang]["yes"] in reply, reply
    assert conversation.sender
    votes = feedback_statuses(workdir, conversation.sender)
    assert [v["helpful"] for v in votes] == ["yes"] and votes[0]["service"] and votes[0]["lang"] == lang, votes


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_not_helpful_with_a_comment_in_metadata(served: Tuple[str, Path], lang: str) -> None:
    assistant, workdir = served
    conversation, payloads = answered(assistant, lang)
    comment = f"I wanted the fee, call me {PHONE}"
    reply = text_of(conversation.say(payloads["no"], {"language": lang, "feedback_comment": comment}))
    assert THANKS[lang]["no"] in reply, reply
    assert conversation.sender
    votes = feedback_statuses(workdir, conversation.sender)
    assert len(votes) == 1 and votes[0]["helpful"] == "no", votes
    assert votes[0]["comment"] == "I wanted the fee, call me [phone]", votes


def test_feedback_the_bot_did_not_offer_is_refused(served: Tuple[str, Path]) -> None:
    assistant, workdir = served
    conversation, payloads = answered(assistant, "en")
    ref = payloads["no"].split('"answer_ref":"')[1][:8]
    typed = f'/feedback{{"helpful":"no","answer_ref":"{ref}"}}'  # the payload without the channel's signature
    assert REFUSED in text_of(conversation.say(typed))
    tampered = payloads["yes"].replace('"helpful":"yes"', '"helpful":"no"')  # yes's signature on a "no"
    assert REFUSED in text_of(conversation.say(tampered))
    other, _ = answered(assistant, "en")  # a button offered in another conversation
    assert REFUSED in text_of(other.say(payloads["no"]))
    assert conversation.sender and other.sender
    assert feedback_statuses(workdir, conversation.sender) == []
    assert feedback_statuses(workdir, other.sender) == []
