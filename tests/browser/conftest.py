"""Fixtures for the browser tests: the real assistant (as `make run` serves it) and Debian's Chromium, headless.

Chromium is Debian's (`apt-get install -y chromium`), driven by Playwright for Python; Playwright's own
browser downloads are never used. The front-end packages come from `npm ci` (node_modules/).
Screenshots and axe-core reports are written to tests/artifacts/browser/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Tuple
from urllib.parse import urlsplit

import pytest

from bot.launch import running_assistant
from bot.models import REPO_ROOT
from services_catalog.catalogue import Catalogue

CHROMIUM = Path(os.environ.get("GUICHET_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = REPO_ROOT / "tests" / "artifacts" / "browser"
NODE_MODULES = REPO_ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
SOCKET_IO = NODE_MODULES / "socket.io-client" / "dist" / "socket.io.min.js"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Debian's Chromium is missing ({CHROMIUM}): install it with `apt-get install -y chromium` "
            "(the Makefile's install step does); the browser tests never download a browser.",
            pytrace=False,
        )
    for needed in (AXE, SOCKET_IO):
        if not needed.is_file():
            pytest.fail(
                f"{needed.relative_to(REPO_ROOT)} is missing: run `npm ci` at the repository root.", pytrace=False
            )
    return CHROMIUM


@pytest.fixture(scope="session")
def artifacts() -> Path:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def served(
    chromium_path: Path, real_catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Tuple[str, Path]]:
    """Guichet's Rasa server (with the web page channel) and action server: (base URL, working directory
    with its tracker store tracker.db, handoff queue and logs).
    (Checks for Chromium and node_modules first: a missing browser fails fast, before the servers start.)"""
    workdir: Path = tmp_path_factory.mktemp("browser-assistant")
    with running_assistant(workdir, catalogue_url=real_catalogue.url) as base_url:
        yield base_url, workdir


@pytest.fixture(scope="session")
def assistant(served: Tuple[str, Path]) -> str:
    """The assistant's base URL."""
    return served[0]


@pytest.fixture(scope="session")
def browser(chromium_path: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageWatch:
    """What a page did that it must not: requests off this machine, script errors, alert() dialogs."""

    def __init__(self) -> None:
        self.external: List[str] = []
        self.errors: List[str] = []
        self.dialogs: List[str] = []
        self.sent: List[str] = []  # what the page sent to the socket.io server (WebSocket frames, polling POSTs)

    def user_messages(self) -> List[dict]:
        """The `user_uttered` events the widget emitted, decoded."""
        events = []
        for chunk in self.sent:
            for packet in chunk.split("\x1e"):  # engine.io v4 joins polling packets with a record separator
                if packet.startswith("42"):
                    name, *args = json.loads(packet[2:])
                    if name == "user_uttered" and args:
                        events.append(args[0])
        return events


@pytest.fixture
def watch() -> PageWatch:
    return PageWatch()


def guarded_page(browser, watch: PageWatch):
    """A fresh browser context (so fresh sessionStorage) and its page, where requests off this machine
    are blocked and recorded, and JavaScript errors are recorded, in `watch`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-CA")

    def guard(route) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            watch.external.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(45_000)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    return context, page


@pytest.fixture
def page(browser, watch: PageWatch, artifacts: Path, request: pytest.FixtureRequest):
    """A fresh browser context (so fresh sessionStorage) and page; fails the test on external requests
    (which are also blocked) or JavaScript errors; saves a last screenshot of every test."""
    context, page = guarded_page(browser, watch)

    def on_dialog(dialog) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framesent", lambda payload: watch.sent.append(payload if isinstance(payload, str) else payload.decode())
        ),
    )
    page.on(
        "request",
        lambda r: watch.sent.append(r.post_data or "") if "/socket.io/" in r.url and r.method == "POST" else None,
    )
    yield page
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    try:
        page.screenshot(path=str(artifacts / f"{name}--last.png"), full_page=False)
    finally:
        context.close()
    assert not watch.external, f"the page tried to fetch from the internet: {watch.external}"
    assert not watch.errors, f"JavaScript errors on the page: {watch.errors}"
    assert not watch.dialogs, f"the page opened dialogs (script injection?): {watch.dialogs}"


@pytest.fixture
def shot(artifacts: Path) -> Callable:
    def save(page, name: str, full_page: bool = False) -> Path:
        path = artifacts / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save


def run_axe(page, artifacts: Path, name: str) -> List[Dict]:
    """Runs axe-core (from node_modules) in the page; saves the report; returns the violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(
            AXE.read_text()
        )  # evaluated by the browser's devtools protocol: the page's CSP allows no inline script
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    (artifacts / f"axe-{name}.json").write_text(json.dumps(result["violations"], indent=2))
    return result["violations"]


def serious(violations: List[Dict]) -> List[str]:
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
