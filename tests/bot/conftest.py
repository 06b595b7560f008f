"""Fixtures of the bot tests: real Rasa SQL tracker stores on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Tuple

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain


@pytest.fixture(params=["sqlite", "postgresql"])
def stores(request: pytest.FixtureRequest, tmp_path: Path, postgres_database) -> Iterator[Tuple[SQLTrackerStore, str]]:
    """A real Rasa SQL tracker store and its URL: a SQLite file, or a private PostgreSQL database."""
    if request.param == "sqlite":
        yield (
            SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "tracker.db")),
            f"sqlite:///{tmp_path / 'tracker.db'}",
        )
        return
    url = postgres_database("trackers")
    store = SQLTrackerStore(
        Domain.empty(), dialect="postgresql", host="127.0.0.1", port=5432, username="postgres", db=url.rsplit("/", 1)[1]
    )
    try:
        yield store, url
    finally:
        store.engine.dispose()
