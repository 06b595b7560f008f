"""Old conversations leave the tracker store and the handoff queue; recent ones stay (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine

from bot import handoff
from bot.handoff import HandoffQueue
from bot.retention import main, purge

DAY = 86400.0


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
