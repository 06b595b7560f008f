"""The conversations' SQLite store writes ahead, so a turn's save is an append (bot.tracker_store)."""

from __future__ import annotations

from pathlib import Path

from bot.tracker_store import GuardedSQLTrackerStore


def test_a_sqlite_tracker_store_writes_ahead_and_syncs_at_checkpoints(tmp_path: Path) -> None:
    store = GuardedSQLTrackerStore(dialect="sqlite", db=str(tmp_path / "tracker.db"))
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
