"""Live handoff in two browser windows: a client waiting for a person, and the staff member who answers.

The servers are the real ones (bot.launch, as `make run` starts them) with a staff credential and
staff hours of "always", so the test does not depend on the time of day. The client's page and the
staff page each run in their own browser context (two people, two sessions); both fail the test on
script errors, dialogs or requests off this machine, and both are checked with axe-core.
"""

from __future__ import annotations

import re
import secrets
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from pathlib import Path
from typing import Callable, Iterator, Tuple

import pytest

from bot.handoff import HandoffQueue
from bot.launch import running_assistant
from services_catalog.catalogue import Catalogue
from tests.browser.conftest import PageWatch, guarded_page, run_axe, serious
from tests.browser.test_widget import ask, open_chat, open_page

TOKEN = secrets.token_urlsafe(24)
STAFF = "Alex"
BOT_ONLY = ".gchat-log .gchat-bot:not(.gchat-staff)"
REFERENCE = re.compile(r"G-[0-9A-F]{6}")


@pytest.fixture(scope="module")
def staffed(
    chromium_path: Path, real_catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Tuple[str, Path]]:
    """Guichet with live handoff on: (base URL, working directory with handoff.db).
    The credential is in the environment only while the servers start, so other fixtures never see it."""
    workdir: Path = tmp_path_factory.mktemp("handoff-assistant")
    with ExitStack() as stack:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("GUICHET_STAFF_TOKEN", TOKEN)
            env.setenv("GUICHET_STAFF_HOURS", "always")
            url = stack.enter_context(running_assistant(workdir, catalogue_url=real_catalogue.url))
        yield url, workdir


@pytest.fixture
def staff_page(browser, artifacts: Path, request: pytest.FixtureRequest):
    """The staff member's own browser context, guarded like the client's `page`."""
    watch = PageWatch()
    context, page = guarded_page(browser, watch)
    page.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    try:
        page.screenshot(path=str(artifacts / f"{request.node.name}--staff-last.png"))
    finally:
        context.close()
    assert not watch.external and not watch.errors and not watch.dialogs, vars(watch)


def sign_in(page, base_url: str, token: str = TOKEN) -> None:
    page.goto(f"{base_url}/web/staff/")
    page.get_by_label("Your name").fill(STAFF)
    page.get_by_label("Staff credential").fill(token)
    page.get_by_role("button", name="Sign in").click()


def queue_note(page) -> str:
    return page.locator(".gchat-queue").inner_text()


def test_staff_take_over_a_conversation_and_answer_live(
    page, staff_page, staffed: Tuple[str, Path], artifacts: Path, shot: Callable
) -> None:
    url, workdir = staffed
    open_page(page, url)
    open_chat(page)
    answer = ask(page, "I want to talk to a person")
    reference = REFERENCE.search(answer)
    assert reference and "number 1 in line" in answer and "1-800-622-6232" in answer, answer
    reference = reference[0]
    page.wait_for_function(  # the widget's own status line, pushed by the server
        "ref => (document.querySelector('.gchat-queue') || {}).textContent.includes('number 1 in line') && "
        "document.querySelector('.gchat-queue').textContent.includes(ref)",
        arg=reference,
        timeout=5000,
    )
    shot(page, "handoff-client-waiting")

    sign_in(staff_page, url)
    card = staff_page.locator(f"#waiting li[data-reference='{reference}']")
    card.wait_for()
    assert "English" in card.inner_text()
    assert "I want to talk to a person" in card.locator(".staff-turns").text_content()
    problems = serious(run_axe(staff_page, artifacts, "staff-board"))
    shot(staff_page, "handoff-staff-board")

    staff_page.get_by_role("button", name=f"Take {reference}").click()
    staff_page.wait_for_selector("#conversation:not([hidden])")
    assert "I want to talk to a person" in staff_page.locator("#conversation-log").inner_text()
    page.get_by_text(f"{STAFF}, an agent, has joined the conversation").wait_for(timeout=5000)
    page.wait_for_function("() => document.querySelector('.gchat-queue').textContent.includes('chatting with')")

    reply = "Hello, I'm Alex. <img src=x onerror=alert(1)> How can I help?"
    staff_page.get_by_label("Your reply to the client").fill(reply)
    started = time.monotonic()
    staff_page.get_by_role("button", name="Send", exact=True).click()
    page.wait_for_function(
        "text => [...document.querySelectorAll('.gchat-staff .gchat-text')].some(p => p.textContent === text)",
        arg=reply,
        timeout=1000,
    )
    latency = time.monotonic() - started
    print(f"staff reply reached the client's widget in {latency * 1000:.0f} ms")
    assert latency < 1.0
    staff_message = page.locator(".gchat-log .gchat-staff").last
    assert staff_message.locator("img").count() == 0
    assert staff_message.locator(".gchat-sr").inner_text().strip() == f"{STAFF} (agent) said:"
    shot(page, "handoff-client-staff-reply")

    bot_answers = page.locator(BOT_ONLY).count()
    question = "Where can I get a passport in Calgary? <b>urgent</b>"
    page.fill("#guichet-input", question)
    page.press("#guichet-input", "Enter")
    staff_page.wait_for_function(
        "text => document.querySelector('#conversation-log').textContent.includes(text)", arg=question, timeout=5000
    )
    assert staff_page.locator("#conversation-log b").count() == 0
    time.sleep(3)  # ample time for the bot to answer, were it going to
    assert page.locator(BOT_ONLY).count() == bot_answers, "the bot answered while staff held the conversation"
    assert page.locator(".gchat-typing").is_hidden()
    problems += serious(run_axe(page, artifacts, "client-with-staff"))
    problems += serious(run_axe(staff_page, artifacts, "staff-conversation"))
    shot(staff_page, "handoff-staff-conversation")

    staff_page.get_by_role("button", name="Hand back to Guichet").click()
    page.get_by_text("handed the conversation back").wait_for(timeout=5000)
    # the message and the status are two socket events: the note hides on the second
    page.locator(".gchat-queue").wait_for(state="hidden", timeout=5000)
    answer = ask(page, "Where can I get a passport in Calgary?")
    assert "Canadian Passport" in answer, answer
    staff_page.wait_for_selector(f"#waiting li[data-reference='{reference}']", state="detached")

    steps = HandoffQueue(f"sqlite:///{workdir / 'handoff.db'}").steps(reference)
    assert [(s["step"], s["actor"]) for s in steps] == [
        ("filed", "client"),
        ("taken", STAFF),
        ("staff", STAFF),
        ("client", "client"),
        ("returned", STAFF),
    ]
    assert steps[2]["text"] == reply and steps[3]["text"] == question
    assert not problems, "\n".join(problems)


def test_a_second_client_waits_behind_the_first_and_staff_can_close(
    page, staff_page, staffed: Tuple[str, Path], browser
) -> None:
    url, workdir = staffed
    other = browser.new_context(locale="fr-CA")
    try:
        first = other.new_page()
        open_page(first, url, "/web/fr/")
        open_chat(first)
        ahead = REFERENCE.search(ask(first, "Je veux parler à une personne"))
        assert ahead, "the first client was not queued"
        open_page(page, url)
        open_chat(page)
        answer = ask(page, "I want to talk to a person")
        expected_wait = HandoffQueue(f"sqlite:///{workdir / 'handoff.db'}").wait_minutes(2)
        assert "number 2 in line" in answer and f"about {expected_wait} min" in answer, answer
        first.wait_for_function(
            "() => (document.querySelector('.gchat-queue') || {}).textContent.includes('numéro 1 dans la file')",
            timeout=5000,
        )

        sign_in(staff_page, url)
        staff_page.get_by_role("button", name=f"Take {ahead[0]}").click()
        page.wait_for_function(  # the queue moved: pushed to the waiting client without them asking
            "() => document.querySelector('.gchat-queue').textContent.includes('number 1 in line')", timeout=5000
        )
        staff_page.get_by_role("button", name="Close the conversation").click()
        first.get_by_text("L'agent a mis fin à la conversation").wait_for(timeout=5000)
        steps = HandoffQueue(f"sqlite:///{workdir / 'handoff.db'}").steps(ahead[0])
        assert [s["step"] for s in steps] == ["filed", "taken", "closed"]
    finally:
        other.close()


STAFF_CONNECT = """([url, token]) => new Promise(resolve => {
  const socket = io(url + "/staff", {path: "/socket.io/", transports: ["websocket"], reconnection: false,
                                     auth: {token: token, name: "Mallory"}});
  socket.on("connect", () => { socket.close(); resolve("connected"); });
  socket.on("connect_error", error => { socket.close(); resolve("refused: " + error.message); });
})"""


def test_the_staff_door_needs_the_credential(page, staffed: Tuple[str, Path]) -> None:
    url, _ = staffed
    with urllib.request.urlopen(f"{url}/web/staff/") as response:
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        assert TOKEN not in response.read().decode()
    page.goto(f"{url}/web/")  # the page loads the socket.io client
    wrong = TOKEN[:-1] + ("y" if TOKEN.endswith("x") else "x")  # a random token may end in "x" itself
    assert page.evaluate(STAFF_CONNECT, [url, wrong]) == "refused: wrong staff credential"
    assert page.evaluate(STAFF_CONNECT, [url, ""]) == "refused: wrong staff credential"
    assert page.evaluate(STAFF_CONNECT, [url, TOKEN]) == "connected"


def test_without_a_staff_credential_there_is_no_staff_page(page, assistant: str) -> None:
    for path in ("/web/staff/", "/web/staff", "/web/staff/staff.js", "/web/staff/index.html"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{assistant}{path}")
        assert refused.value.code == 404, path
    page.goto(f"{assistant}/web/")
    assert page.evaluate(STAFF_CONNECT, [assistant, ""]) == "refused: staff access is off"
