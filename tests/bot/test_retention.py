"""Old conversations leave the tracker store and the handoff queue; recent ones stay (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator, Tuple

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine

from bot import handoff
from bot.handoff import HandoffQueue
from bot.retention import main, purge

DAY = 86400.0


@pytest.fixture(params=["sqlite", "postgresql"])
def stores(request: pytest.FixtureRequest, tmp_path: Path, postgres_database) -> Iterator[Tuple[SQLTrackerStore, str]]:
    """A real Rasa SQL tracker store and its URL: a SQLite file, or a private PostgreSQL database."""
    if request.param == "sqlite":
        yield (
            SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "tracker.db")),
            f"sqlite:///{tmp_path / 'tracker.db'}",
        )
        return
    url = postgres_database("retention")
    store = SQLTrackerStore(
        Domain.empty(), dialect="postgresql", host="127.0.0.1", port=5432, username="postgres", db=url.rsplit("/", 1)[1]
    )
    try:
        yield store, url
    finally:
        store.engine.dispose()


def conversation(sender: str, last_seen: float) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        sender,
        [
            UserUttered("passport in Calgary", timestamp=last_seen - 60),
            BotUttered("Nearest offices", timestamp=last_seen),
        ],
    )


def test_conversations_idle_longer_than_the_retention_period_are_purged(stores, tmp_path: Path) -> None:
    store, url = stores
    now = time.time()
    for sender, age_days in (("old", 45), ("older", 400), ("recent", 2)):
        asyncio.run(store.save(conversation(sender, now - age_days * DAY)))
    queue_url = f"sqlite:///{tmp_path / 'handoff.db'}"
    queue = HandoffQueue(queue_url)
    queue.file("recent", "en", [])
    with create_engine(queue_url).begin() as conn:
        old = (datetime.now(timezone.utc) - timedelta(days=40)).isoformat(timespec="seconds")
        conn.execute(
            handoff.requests.insert(),
            [
                {
                    "reference": "G-OLD",
                    "sender_id": "old",
                    "language": "en",
                    "created_at": old,
                    "status": "closed",
                    "transcript": "[]",
                }
            ],
        )
    assert purge(30, url, queue_url) == (2, 1)
    assert set(asyncio.run(store.keys())) == {"recent"}
    assert [q["sender_id"] for q in queue.open_requests()] == ["recent"]
    assert main(["--days", "30", "--tracker-url", url, "--handoff-url", queue_url]) == 0  # idempotent
    assert purge(30, url, queue_url) == (0, 0)
