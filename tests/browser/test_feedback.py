"""'Was this helpful?' under an answer, in a real browser (Debian's Chromium) against the real assistant.

The client votes with the keyboard only, leaves a comment with a phone number in it, and the test then
reads the conversation back from the assistant's tracker store: the vote is recorded against the
answer's service, the comment is masked, and the phone number is nowhere in the stored events.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import pytest

from services_catalog.catalogue import Catalogue
from tests.browser.conftest import PageWatch, run_axe, serious
from tests.browser.test_widget import ask, focused, open_chat, open_page, wait_for_bot
from tests.stored_events import stored_events

PHONE = "613-555-0199"
PHONE_PARTS = ("613", "555", "0199", "6135550199")
COMMENT = f"I wanted the fee, call me {PHONE}"
STORE = "JSON.parse(sessionStorage.getItem('guichet-chat-v1'))"

LANGUAGES = {
    "en": {
        "path": "/web/",
        "question": "Where can I get a passport in Calgary?",
        "answer": "Canadian Passport",
        "group": "Was this helpful?",
        "yes": ("Yes", "Yes, this helped"),
        "no": ("No", "No, this did not help"),
        "comment": "What were you looking for? (optional)",
        "send": "Send feedback",
        "thanks": "Thanks for your feedback",
        "bot_thanks": "Thank you for telling me",
        "comment_text": COMMENT,
    },
    "fr": {
        "path": "/web/fr/",
        "question": "Où puis-je obtenir un passeport à Calgary?",
        "answer": "Passeport canadien",
        "group": "Cette réponse vous a-t-elle aidé?",
        "yes": ("Oui", "Oui, cela m'a aidé"),
        "no": ("Non", "Non, cela ne m'a pas aidé"),
        "comment": "Que cherchiez-vous? (facultatif)",
        "send": "Envoyer l'avis",
        "thanks": "Merci de votre avis",
        "bot_thanks": "Merci de me le dire",
        "comment_text": f"Je voulais le prix, appelez-moi au {PHONE}",
    },
}


def accessible_name(page) -> str:
    return page.evaluate("(e => e.getAttribute('aria-label') || e.textContent)(document.activeElement)")


def has_visible_focus(page) -> bool:
    style = page.evaluate(
        "(s => [s.outlineStyle, parseFloat(s.outlineWidth)])(getComputedStyle(document.activeElement))"
    )
    return style[0] != "none" and style[1] >= 2


def answer_statuses(events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == "answer_status" and e["value"]]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_not_helpful_with_a_comment_by_keyboard(
    page,
    lang: str,
    served: Tuple[str, Path],
    watch: PageWatch,
    artifacts: Path,
    shot: Callable,
    real_catalogue: Catalogue,
) -> None:
    base_url, workdir = served
    words = LANGUAGES[lang]
    open_page(page, base_url, words["path"])
    open_chat(page)
    answer = ask(page, words["question"])
    assert words["answer"] in answer, answer

    # The bot's two feedback buttons are a labelled block, not ordinary choices.
    block = page.get_by_role("group", name=words["group"])
    assert block.count() == 1 and block.is_visible()
    assert page.locator(".gchat-choices").count() == 0
    yes, no = block.get_by_role("button", name=words["yes"][1]), block.get_by_role("button", name=words["no"][1])
    assert yes.inner_text() == words["yes"][0] and no.inner_text() == words["no"][0]
    offered = page.evaluate(f"{STORE}.entries.filter(e => e.who === 'bot').pop().buttons")
    no_payload = next(b["payload"] for b in offered if '"helpful":"no"' in b["payload"])
    ref = re.search(r'"answer_ref":"([0-9a-f]{8})"', no_payload).group(1)
    shot(page, f"feedback-{lang}-offered")

    # Keyboard only: from the message box back to "No"; Enter/Space opens the comment field.
    assert focused(page) == "guichet-input"
    page.keyboard.press("Shift+Tab")
    assert accessible_name(page) == words["no"][1]
    assert has_visible_focus(page), "no visible focus on the No button"
    page.keyboard.press("Enter" if lang == "en" else "Space")
    field = page.get_by_label(words["comment"])
    assert field.is_visible() and field.get_attribute("maxlength") == "200"
    assert page.evaluate("document.activeElement.id") == field.get_attribute("id")
    assert has_visible_focus(page)
    assert not yes.is_visible()  # "no" is chosen: Send or Skip now
    page.keyboard.type(words["comment_text"])
    shot(page, f"feedback-{lang}-comment")
    problems = serious(run_axe(page, artifacts, f"feedback-{lang}-comment"))
    assert not problems, "\n".join(problems)

    before = page.locator(".gchat-log .gchat-bot").count()
    if lang == "en":
        page.keyboard.press("Tab")
        assert accessible_name(page) == words["send"]
        assert has_visible_focus(page)
        page.keyboard.press("Space")
    else:
        page.keyboard.press("Enter")  # Enter in the field sends too
    reply = wait_for_bot(page, before)
    assert words["bot_thanks"] in reply, reply
    shot(page, f"feedback-{lang}-thanked")

    # The block is replaced by a status inside the live region; focus is back in the message box.
    assert page.get_by_role("group", name=words["group"]).count() == 0
    done = page.locator("[role=log][aria-live=polite] .gchat-feedback-done")
    assert done.count() == 1 and done.inner_text() == words["thanks"]
    assert focused(page) == "guichet-input"
    assert page.locator(".gchat-log .gchat-user .gchat-text").last.inner_text() == words["no"][1]
    assert "/feedback" not in page.locator(".gchat-log").inner_text()

    # What went over the socket: the signed payload exactly as offered, the comment beside the page's metadata.
    votes = [m for m in watch.user_messages() if m["message"].startswith("/feedback")]
    assert len(votes) == 1
    assert votes[0]["message"] == no_payload and "#g" in no_payload
    assert votes[0]["metadata"] == {"language": lang, "feedback_comment": words["comment_text"]}

    # The vote survives a reload and cannot be cast again.
    page.reload()
    page.wait_for_selector("#guichet-panel", state="visible")
    assert page.get_by_role("group", name=words["group"]).count() == 0
    assert page.locator(".gchat-feedback-done").inner_text() == words["thanks"]
    assert page.evaluate(f"{STORE}.entries.filter(e => e.feedback).map(e => e.feedback)") == ["no"]

    # The tracker store: the vote on the answer's service, the comment masked, no phone number anywhere.
    sender = page.evaluate(f"{STORE}.sessionId")
    deadline = time.monotonic() + 10
    while True:
        events = stored_events(workdir, sender)
        statuses = answer_statuses(events)
        feedback = [s for s in statuses if s["status"] == "feedback"]
        if feedback or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert len(feedback) == 1, statuses
    rated = next(s for s in statuses if s.get("ref") == ref)
    assert rated["status"] == "answered" and rated.get("service"), rated
    service = real_catalogue.service(rated["service"])
    assert service is not None and service.name.get(lang) == words["answer"]
    vote = feedback[0]
    assert vote["helpful"] == "no" and vote["service"] == rated["service"] and vote["answer_ref"] == ref, vote
    assert "[phone]" in vote["comment"], vote
    assert not any(part in vote["comment"] for part in PHONE_PARTS), vote
    stored = json.dumps(events, ensure_ascii=False)
    assert not any(part in stored for part in (PHONE, "6135550199", "555-0199", "5550199")), "phone number stored"


def test_helpful_is_sent_at_once_and_only_once(page, assistant: str, watch: PageWatch) -> None:
    open_page(page, assistant)
    open_chat(page)
    ask(page, "Where can I get a passport in Calgary?")
    block = page.get_by_role("group", name="Was this helpful?")
    before = page.locator(".gchat-log .gchat-bot").count()
    block.get_by_role("button", name="Yes, this helped").focus()
    page.keyboard.press("Space")
    reply = wait_for_bot(page, before)
    assert "Thank you!" in reply, reply
    assert page.get_by_label("What were you looking for? (optional)").count() == 0
    assert page.locator(".gchat-log .gchat-user .gchat-text").last.inner_text() == "Yes, this helped"
    votes = [m for m in watch.user_messages() if m["message"].startswith("/feedback")]
    assert len(votes) == 1 and '"helpful":"yes"' in votes[0]["message"]
    assert votes[0]["metadata"] == {"language": "en"}  # no comment on "yes": only the page's metadata
    assert page.get_by_role("group", name="Was this helpful?").count() == 0
