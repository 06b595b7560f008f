"""The demo page and its chat widget in a real browser (Debian's Chromium, headless) against the real assistant.

The servers are started as `make run` starts them (bot/launch.py: action server + `rasa run` with
credentials.yml, so the page is served by bot/web_channel.py at /web/ and the widget talks to
bot/socket_channel.py). Each test gets a fresh browser context, so a fresh conversation; the page
fixture fails a test if the page fetched anything from the internet, threw a JavaScript error or
opened a dialog. Screenshots and axe-core reports go to tests/artifacts/browser/.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, List

import pytest

from tests.browser.conftest import SOCKET_IO, PageWatch, run_axe, serious

BOT = ".gchat-log .gchat-bot"
USER = ".gchat-log .gchat-user"
USER_TEXT = f"{USER} .gchat-text"
POSTAL_CODE = r"[A-Z]\d[A-Z] ?\d[A-Z]\d"


# ---- helpers -------------------------------------------------------------------------------------------


def open_page(page, assistant: str, path: str = "/web/") -> None:
    page.goto(f"{assistant}{path}")
    page.wait_for_selector("#guichet-launcher")


def open_chat(page) -> None:
    if page.get_attribute("#guichet-launcher", "aria-expanded") != "true":
        page.click("#guichet-launcher")
    page.wait_for_selector("#guichet-panel", state="visible")


def bot_texts(page) -> List[str]:
    return page.locator(f"{BOT} .gchat-text").all_inner_texts()


def wait_for_bot(page, before: int, settle: float = 1.0) -> str:
    """Waits for bot messages after the first `before` ones, until none has come for `settle` seconds."""
    page.wait_for_function(
        "([selector, n]) => document.querySelectorAll(selector).length > n", arg=[BOT, before], timeout=45_000
    )
    count, quiet_since = -1, time.monotonic()
    while time.monotonic() - quiet_since < settle:
        now = page.locator(BOT).count()
        if now != count:
            count, quiet_since = now, time.monotonic()
        time.sleep(0.1)
    return "\n".join(bot_texts(page)[before:])


def ask(page, text: str) -> str:
    """Types a message in the widget, sends it with Enter, returns the bot's answer (its new messages)."""
    before = page.locator(BOT).count()
    page.fill("#guichet-input", text)
    page.press("#guichet-input", "Enter")
    return wait_for_bot(page, before)


# ---- the page ----------------------------------------------------------------------------------------


def test_page_is_a_bilingual_government_page(page, assistant: str, shot: Callable) -> None:
    open_page(page, assistant)
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").inner_text() == "Find where to get a government service"
    signature = page.locator(".gc-signature").inner_text()
    assert "Government" in signature and "of Canada" in signature and "Gouvernement" in signature
    assert page.locator("footer .gc-wordmark").get_attribute("aria-label") == "Symbol of the Government of Canada"
    shot(page, "page-en", full_page=True)

    page.click("#gc-lang-toggle")
    page.wait_for_url(f"{assistant}/web/fr/")
    assert page.get_attribute("html", "lang") == "fr"
    assert page.locator("h1").inner_text() == "Trouver où obtenir un service gouvernemental"
    assert page.locator("#guichet-launcher").inner_text().strip() == "Clavarder avec Guichet"
    shot(page, "page-fr", full_page=True)

    page.click("#gc-lang-toggle")
    page.wait_for_url(f"{assistant}/web/")
    assert page.locator("#guichet-launcher").inner_text().strip() == "Chat with Guichet"


def test_page_and_scripts_are_served_locally_with_a_strict_policy(assistant: str) -> None:
    with urllib.request.urlopen(f"{assistant}/web/") as response:
        policy = response.headers["Content-Security-Policy"]
        html = response.read().decode()
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy and "default-src 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert not re.search(r"""(src|href)=["']https?://(?!www\.canada\.ca/)""", html), "the page loads something remote"
    with urllib.request.urlopen(f"{assistant}/web/vendor/socket.io.min.js") as response:
        assert response.read() == SOCKET_IO.read_bytes()
    for path in (
        "/web/../credentials.yml",
        "/web/%2e%2e/credentials.yml",
        "/web/README.md",
        "/web/vendor/x.js",
        "/web/%2e%2e/%2e%2e/bot/models.py",
    ):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{assistant}{path}")
        assert refused.value.code == 404, path


# ---- the conversation ----------------------------------------------------------------------------------


def test_passport_in_calgary_then_french(page, assistant: str, watch: PageWatch, shot: Callable) -> None:
    open_page(page, assistant)
    open_chat(page)
    answer = ask(page, "Where can I get a passport in Calgary?")
    shot(page, "chat-passport-calgary-en")
    assert "Canadian Passport" in answer
    # The address is on its own lines: innerText keeps the line breaks only if the page really renders them.
    assert re.search(rf"\nCalgary AB {POSTAL_CODE}\n", answer), answer
    assert page.locator(f"{BOT} .gchat-text").last.evaluate("p => getComputedStyle(p).whiteSpace") == "pre-line"
    assert watch.user_messages()[-1]["metadata"] == {"language": "en"}

    page.click("#gc-lang-toggle")  # Français: the page, the widget and the answers switch to French
    page.wait_for_url(f"{assistant}/web/fr/")
    page.wait_for_selector("#guichet-panel", state="visible")  # still open, same conversation
    assert page.locator(USER_TEXT).first.inner_text() == "Where can I get a passport in Calgary?"
    assert page.locator(".gchat-send").inner_text() == "Envoyer"
    answer = ask(page, "passeport Calgary")  # no clue to its language in the text: the page's language decides
    shot(page, "chat-passport-calgary-fr")
    assert "Bureaux les plus proches" in answer and "Passeport canadien" in answer, answer
    assert re.search(rf"\nCalgary AB {POSTAL_CODE}\n", answer), answer
    assert watch.user_messages()[-1]["metadata"] == {"language": "fr"}


def test_french_page_first_message_gets_a_french_answer(page, assistant: str, watch: PageWatch) -> None:
    open_page(page, assistant, "/web/fr/")
    open_chat(page)
    assert page.get_by_label("Votre question").is_visible()
    answer = ask(page, "passeport T2P 2M5")  # says nothing about its language: the page's language decides
    assert "Bureaux les plus proches" in answer, answer
    assert watch.user_messages()[-1]["metadata"] == {"language": "fr"}


def test_pressing_a_button_the_bot_offers(page, assistant: str, shot: Callable) -> None:
    open_page(page, assistant)
    open_chat(page)
    ask(page, "firearms licence")  # two federal services match equally: the client chooses
    choices = page.get_by_role("group", name="Choose one").last.get_by_role("button")
    titles = choices.all_inner_texts()
    assert len(titles) >= 2 and any("individuals" in t for t in titles), titles
    shot(page, "chat-buttons")

    individuals = next(t for t in titles if "individuals" in t)
    before = page.locator(BOT).count()
    page.get_by_role("button", name=individuals).click()
    answer = wait_for_bot(page, before)
    assert page.locator(USER_TEXT).last.inner_text() == individuals  # the title is shown, not the payload
    assert "/find_service" not in page.locator(".gchat-log").inner_text()
    assert "Firearms Licensing for individuals" in answer and "Online: https://" in answer, answer
    answer = ask(page, "passport in Edmonton")
    shot(page, "chat-button-answer")
    assert "Edmonton" in answer and re.search(POSTAL_CODE, answer), answer


def test_bot_links_are_clickable_and_open_safely(page, assistant: str) -> None:
    open_page(page, assistant)
    open_chat(page)
    answer = ask(page, "what documents do I need for a passport?")
    links = page.locator(f"{BOT} .gchat-text a")
    assert links.count() >= 1, answer
    link = links.last
    href = link.get_attribute("href")
    assert href.startswith("https://") and href in answer
    assert set(link.get_attribute("rel").split()) >= {"noopener", "noreferrer"}
    assert link.get_attribute("target") == "_blank"


def test_conversation_survives_a_reload(page, assistant: str, shot: Callable) -> None:
    open_page(page, assistant)
    open_chat(page)
    ask(page, "Where can I get a passport in Calgary?")
    transcript = page.locator(".gchat-log").inner_text()
    session = page.evaluate("JSON.parse(sessionStorage.getItem('guichet-chat-v1')).sessionId")

    page.reload()
    page.wait_for_selector("#guichet-panel", state="visible")
    assert page.locator(".gchat-log").inner_text() == transcript
    assert page.evaluate("JSON.parse(sessionStorage.getItem('guichet-chat-v1')).sessionId") == session
    # The assistant remembers too: a follow-up about "its hours" needs the office of the first answer.
    answer = ask(page, "what are its hours?")
    shot(page, "chat-after-reload")
    assert "Calgary" in answer, answer
    assert page.locator(USER).count() == 2


def test_start_over_begins_a_new_conversation(page, assistant: str) -> None:
    open_page(page, assistant)
    open_chat(page)
    ask(page, "Where can I get a passport in Calgary?")
    session = page.evaluate("JSON.parse(sessionStorage.getItem('guichet-chat-v1')).sessionId")
    page.get_by_role("button", name="Start over").click()
    assert page.locator(".gchat-log > *").count() == 0
    answer = ask(page, "what are its hours?")  # a new conversation: no office to talk about
    assert page.evaluate("JSON.parse(sessionStorage.getItem('guichet-chat-v1')).sessionId") != session
    assert "Calgary" not in answer, answer
    page.reload()
    assert page.locator(USER).count() == 1


def test_typed_html_is_shown_as_text(page, assistant: str, watch: PageWatch) -> None:
    open_page(page, assistant)
    open_chat(page)
    attack = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    ask(page, attack)
    assert page.locator(USER_TEXT).last.inner_text() == attack
    assert page.locator(".gchat-log img, .gchat-log script").count() == 0
    assert watch.dialogs == []


def test_bot_html_is_shown_as_text(page, assistant: str, watch: PageWatch) -> None:
    """Whatever the server sends (a catalogue entry with markup, say) is text too: a bot message is
    injected into the widget's WebSocket, which otherwise goes through to the real server."""
    sockets = []

    def through(ws) -> None:
        ws.connect_to_server()
        sockets.append(ws)

    page.route_web_socket(re.compile(r".*/socket\.io/.*"), through)
    open_page(page, assistant)
    open_chat(page)
    ask(page, "hello")
    assert sockets, "the widget did not upgrade to a WebSocket"
    message = {
        "text": "<img src=x onerror=alert(1)> <b>bold</b>\nsee https://example.org/a?b=1). javascript:alert(3)",
        "quick_replies": [{"title": "<i>choice</i>", "payload": "/greet"}],
    }
    before = page.locator(BOT).count()
    sockets[-1].send("42" + json.dumps(["bot_uttered", message]))
    wait_for_bot(page, before, settle=0.3)
    bubble = page.locator(BOT).last
    shown = bubble.locator(".gchat-text").evaluate(
        "p => { const copy = p.cloneNode(true); copy.querySelectorAll('.gchat-sr').forEach(s => s.remove());"
        " return copy.textContent; }"
    )
    assert shown == message["text"]
    assert bubble.locator("img, b, i, script").count() == 0
    assert bubble.locator("a").count() == 1
    assert bubble.locator("a").get_attribute("href") == "https://example.org/a?b=1"
    assert bubble.get_by_role("button").inner_text() == "<i>choice</i>"
    assert watch.dialogs == []


# ---- keyboard and screen readers ----------------------------------------------------------------------


def focused(page) -> str:
    return page.evaluate(
        "document.activeElement ? (document.activeElement.id || "
        "document.activeElement.className || document.activeElement.tagName) : ''"
    )


def test_keyboard_only(page, assistant: str, shot: Callable) -> None:
    open_page(page, assistant)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the chat with Guichet"
    page.keyboard.press("Enter")
    assert focused(page) == "guichet-launcher"
    outline = page.evaluate(
        "(s => [s.outlineStyle, parseFloat(s.outlineWidth)])(getComputedStyle(document.activeElement))"
    )
    assert outline[0] != "none" and outline[1] >= 2, f"no visible focus: {outline}"
    page.keyboard.press("Enter")
    assert page.is_visible("#guichet-panel") and focused(page) == "guichet-input"

    page.keyboard.type("firearms licence")
    before = page.locator(BOT).count()
    page.keyboard.press("Enter")
    wait_for_bot(page, before)
    assert page.locator(".gchat-choice").count() >= 2
    assert focused(page) == "guichet-input"
    page.keyboard.press("Tab")
    assert focused(page) == "gchat-send"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")  # back past the input, to the last choice the bot offered
    assert focused(page) == "gchat-choice"
    title = page.evaluate("document.activeElement.textContent")
    shot(page, "keyboard-choice-focused")
    before = page.locator(BOT).count()
    page.keyboard.press("Enter")
    wait_for_bot(page, before)
    assert page.locator(USER_TEXT).last.inner_text() == title
    assert focused(page) == "guichet-input"

    page.keyboard.press("Escape")
    assert not page.is_visible("#guichet-panel") and focused(page) == "guichet-launcher"
    assert page.get_attribute("#guichet-launcher", "aria-expanded") == "false"


def test_screen_reader_labels_and_live_region(page, assistant: str) -> None:
    open_page(page, assistant)
    launcher = page.get_by_role("button", name="Chat with Guichet")
    assert launcher.get_attribute("aria-controls") == "guichet-panel"
    launcher.click()
    assert page.get_by_role("region", name=re.compile("^Guichet")).is_visible()
    assert page.get_by_label("Your question").is_visible()
    assert page.get_by_role("button", name="Send").is_visible()
    assert page.get_by_role("button", name="Close the chat").is_visible()
    log = page.get_by_role("log")
    assert log.get_attribute("aria-live") == "polite"
    ask(page, "Where can I get a passport in Calgary?")
    assert log.locator(".gchat-bot .gchat-sr").first.inner_text().strip() == "Guichet said:"
    assert log.locator(".gchat-user .gchat-sr").first.inner_text().strip() == "You said:"


def test_axe_finds_no_serious_violations(page, assistant: str, artifacts: Path, shot: Callable) -> None:
    open_page(page, assistant)
    problems = serious(run_axe(page, artifacts, "en-closed"))
    open_chat(page)
    ask(page, "what documents do I need for a passport?")  # a link
    ask(page, "firearms licence")  # buttons
    shot(page, "axe-en-open")
    problems += serious(run_axe(page, artifacts, "en-open"))

    page.click("#gc-lang-toggle")
    page.wait_for_url(f"{assistant}/web/fr/")
    page.wait_for_selector("#guichet-panel", state="visible")
    ask(page, "passeport Calgary")
    shot(page, "axe-fr-open")
    problems += serious(run_axe(page, artifacts, "fr-open"))
    assert not problems, "\n".join(problems)


# ---- origins -------------------------------------------------------------------------------------------

CONNECT = """([url, transport]) => new Promise(resolve => {
  const socket = io(url, {path: "/socket.io/", transports: [transport], reconnection: false, timeout: 15000});
  socket.on("connect", () => { socket.close(); resolve("connected"); });
  socket.on("connect_error", error => { socket.close(); resolve("refused: " + error.message); });
})"""


def test_socket_refuses_pages_from_other_origins(page, assistant: str) -> None:
    page.route(
        "http://evil.example/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<html><body>elsewhere</body></html>"),
    )
    page.goto("http://evil.example/")
    page.evaluate(SOCKET_IO.read_text())
    assert page.evaluate(CONNECT, [assistant, "websocket"]).startswith("refused")
    assert page.evaluate(CONNECT, [assistant, "polling"]).startswith("refused")

    port = assistant.rsplit(":", 1)[1]
    page.goto(f"http://localhost:{port}/web/")  # another allowed origin (http://localhost:*), for contrast
    assert page.evaluate(CONNECT, [f"http://localhost:{port}", "websocket"]) == "connected"
