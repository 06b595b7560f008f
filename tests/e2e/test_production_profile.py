"""The production profile, started as `make run` starts it with the production settings: conversations in
PostgreSQL, locks in Redis, catalogue on PostgreSQL, two Rasa processes and two action server processes;
and what a client sees when PostgreSQL or Redis drops its connections (a restart, seen from the client)."""

from __future__ import annotations

import json
import secrets
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest
import redis
from sqlalchemy import create_engine, text

from bot.deployment import Deployment
from bot.launch import Conversation, Running, started_assistant, text_of
from services_catalog.build import build
from services_catalog.csv_source import DEFAULT_DATA_DIR

REDIS = "redis://127.0.0.1:6379/0"


@pytest.fixture(scope="module")
def production(postgres_database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tuple[Running, str]]:
    """(the running assistant, its PostgreSQL database URL)."""
    database = postgres_database("production")
    build(DEFAULT_DATA_DIR, database)
    prefix = f"guichettest{secrets.token_hex(4)}"
    deployment = Deployment(tracker_url=database, lock_url=REDIS, lock_prefix=prefix, workers=2, action_workers=2)
    try:
        with started_assistant(
            tmp_path_factory.mktemp("production"), catalogue_url=database, deployment=deployment
        ) as running:
            yield running, database
    finally:
        keys = redis.Redis.from_url(REDIS)
        for key in keys.scan_iter(f"{prefix}:*"):
            keys.delete(key)


def children(pid: int) -> List[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def sin_then_place(base: str) -> Tuple[str, str, str]:
    """A conversation whose second turn only makes sense with the first: (id, first answer, second answer)."""
    client = Conversation(base)
    first = text_of(client.say("I need a new SIN"))
    return str(client.sender), first, text_of(client.say("Calgary"))


def terminate_connections(database: str) -> int:
    name = database.rsplit("/", 1)[1]
    with create_engine(database.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT").connect() as conn:
        return len(
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            ).all()
        )


def test_two_rasa_processes_answer_concurrent_conversations_kept_in_postgresql(production) -> None:
    running, database = production
    # Rasa starts more than one worker only with a lock store shared between processes (Redis here).
    assert len(children(running.rasa.pid)) >= 2 and len(children(running.actions.pid)) >= 2
    with ThreadPoolExecutor(max_workers=20) as pool:
        conversations = list(pool.map(lambda _: sin_then_place(running.url), range(40)))
    for _, first, second in conversations:
        assert "tell me your city or postal code" in first
        assert "Calgary" in second and "Service Canada" in second
    with create_engine(database).connect() as conn:
        stored = {row[0] for row in conn.execute(text("SELECT DISTINCT sender_id FROM events"))}
    assert {sender for sender, _, _ in conversations} <= stored
    with urllib.request.urlopen(f"{running.url}/webhooks/rest/health", timeout=30) as response:
        checks = json.loads(response.read())["checks"]
    assert checks["tracker_store"]["detail"] == "postgresql" and checks["lock_store"]["detail"] == "redis"


def test_a_postgresql_restart_loses_no_context(production) -> None:
    running, database = production
    client = Conversation(running.url)
    assert "tell me your city or postal code" in text_of(client.say("I need a new SIN"))
    assert terminate_connections(database) >= 1  # every pooled connection of both workers is now dead
    answer = text_of(client.say("Calgary"))
    assert "Calgary" in answer and "Service Canada" in answer


def test_a_redis_restart_is_invisible_to_clients(production) -> None:
    running, _ = production
    client = Conversation(running.url)
    assert "tell me your city or postal code" in text_of(client.say("I need a new SIN"))
    assert redis.Redis.from_url(REDIS).client_kill_filter(_type="normal", skipme=True) >= 1
    answer = text_of(client.say("Calgary"))
    assert "Calgary" in answer and "Service Canada" in answer
