"""The conversations' store: SQLite connections kept open between turns, and the events left to store
counted in plain SQL (bot.tracker_store)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.pool import QueuePool

from bot.tracker_store import GuardedSQLTrackerStore, endpoint_config, kept_open


def test_a_sqlite_store_reuses_one_open_connection_for_its_reads_and_writes(tmp_path: Path) -> None:
    store = GuardedSQLTrackerStore(dialect="sqlite", db=str(tmp_path / "tracker.db"))
    assert isinstance(store.engine.pool, QueuePool)
    tracker = DialogueStateTracker.from_events("someone", [UserUttered("I need a passport")])

    async def turns() -> None:
        for _ in range(3):
            await store.save(tracker)
            assert await store.retrieve("someone") is not None

    asyncio.run(turns())
    pool = store.engine.pool
    assert isinstance(pool, QueuePool) and pool.checkedin() == 1 and pool.checkedout() == 0


def test_only_sqlite_gets_the_kept_open_pool() -> None:
    assert kept_open("sqlite:///build/tracker.db")["poolclass"] is QueuePool
    assert kept_open("postgresql://postgres@127.0.0.1:5432/guichet") == {}


def guarded(url: str) -> GuardedSQLTrackerStore:
    config = {key: value for key, value in endpoint_config(url).items() if key != "type"}
    return GuardedSQLTrackerStore(Domain.empty(), **config)


@pytest.mark.parametrize("restarted", [False, True], ids=["one session", "a session restarted"])
def test_the_events_left_to_store_are_rasas_own_on_both_databases(stores, restarted: bool) -> None:
    rasa_store, url = stores
    store = guarded(url)
    old_session = [UserUttered("hello"), SessionStarted()] if restarted else []  # only the new session counts
    first = [*old_session, ActionExecuted("action_listen"), UserUttered("passport"), BotUttered("Where?")]
    later = [ActionExecuted("action_listen"), UserUttered("Calgary")]
    asyncio.run(store.save(DialogueStateTracker.from_events("someone", first)))
    grown = DialogueStateTracker.from_events("someone", first + later)
    try:
        with store.session_scope() as session:
            ours = list(store._additional_events(session, grown))
            rasas = list(SQLTrackerStore._additional_events(rasa_store, session, grown))
            nobody = list(store._additional_events(session, DialogueStateTracker.from_events("nobody", later)))
        assert ours == rasas and len(ours) == (3 if restarted else 2) and nobody == later
    finally:
        store.engine.dispose()
