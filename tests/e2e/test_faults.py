"""Faults in the laptop profile, each with what the client sees: never silence, never a wrong answer
given without the conversation's context, and nothing the client said before the fault is lost."""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, Tuple

import pytest

from bot.launch import Conversation, Running, started_assistant, stop, text_of
from services_catalog.catalogue import Catalogue

UNAVAILABLE_EN = "temporarily unavailable"
UNAVAILABLE_FR = "temporairement indisponible"


@pytest.fixture(scope="module")
def laptop(real_catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tuple[Running, Path]]:
    workdir = tmp_path_factory.mktemp("faults")
    with started_assistant(workdir, catalogue_url=real_catalogue.url) as running:
        yield running, workdir


def test_a_locked_tracker_store_gets_a_visible_error_then_the_conversation_goes_on(laptop) -> None:
    running, workdir = laptop
    client = Conversation(running.url)
    assert "tell me your city or postal code" in text_of(client.say("I need a new SIN"))
    lock = sqlite3.connect(workdir / "tracker.db", isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    try:
        answer = text_of(client.say("Calgary"))
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert UNAVAILABLE_EN in answer and "1-800-622-6232" in answer and "Calgary" not in answer
    assert (
        "ERROR" in (workdir / "server-1.log").read_text()
        and "tracker store retrieve failed" in (workdir / "server-1.log").read_text()
    )
    answer = text_of(client.say("Calgary"))  # the question asked before the fault is remembered
    assert "Calgary" in answer and "Service Canada" in answer


def test_a_rasa_restart_keeps_the_conversation(real_catalogue: Catalogue, tmp_path: Path) -> None:
    with started_assistant(tmp_path, catalogue_url=real_catalogue.url) as running:
        client = Conversation(running.url)
        assert "donnez-moi votre ville" in text_of(client.say("J'ai besoin d'un numéro d'assurance sociale"))
    with started_assistant(tmp_path, catalogue_url=real_catalogue.url) as running:
        client.base_url = running.url
        answer = text_of(client.say("Calgary"))
    assert "Calgary" in answer and "Service Canada" in answer


def health(base: str) -> Tuple[int, Dict[str, Any]]:
    try:
        with urllib.request.urlopen(f"{base}/webhooks/rest/health", timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as unhealthy:
        return unhealthy.code, json.loads(unhealthy.read())


def test_the_health_route_reports_every_dependency(laptop) -> None:
    running, _ = laptop
    status, body = health(running.url)
    assert status == 200 and body["status"] == "ok"
    assert set(body["checks"]) == {"model", "action_server", "tracker_store", "lock_store", "catalogue"}
    checks = body["checks"]
    assert checks["tracker_store"]["detail"] == "sqlite" and "hours ago" in checks["catalogue"]["detail"]


def test_the_action_server_down_gets_a_polite_bilingual_reply(laptop) -> None:
    running, _ = laptop
    stop(running.actions)
    status, body = health(running.url)
    assert status == 503 and not body["checks"]["action_server"]["ok"] and body["checks"]["model"]["ok"]
    english = text_of(Conversation(running.url).say("where can I get a passport in Calgary?"))
    assert UNAVAILABLE_EN in english and "1-800-622-6232" in english
    french = text_of(Conversation(running.url).say("où puis-je obtenir un passeport à Québec?"))
    assert UNAVAILABLE_FR in french and "1-800-622-6232" in french
