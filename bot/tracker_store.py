"""Rasa's SQL tracker store, made to fail loudly and to cost less per turn.

Rasa wraps every tracker store in a fail-safe one: when the database cannot be read, the turn goes on
with an empty conversation (a wrong answer, context lost), and when it cannot be written, the
conversation goes to memory and is lost at the next restart, with nothing but a log line. For a public
service a visible "temporarily unavailable" is better than a confident wrong answer, so this store
records each failure for the turn in progress, and the channels (bot.rest_channel, bot.socket_channel)
replace that turn's replies with the polite bilingual one. The failure is also logged at ERROR level.

Every turn reads and writes the conversation, so the store is on every turn's path: SQLite connections
stay open (`kept_open`) and the count of stored events is plain SQL (`_additional_events`).

Endpoints: `tracker_store: {type: bot.tracker_store.GuardedSQLTrackerStore, dialect: ..., db: ...}`, the
same keys as Rasa's `type: SQL`.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import islice
from typing import Any, Awaitable, Dict, Iterable, Iterator, List, Optional, Text, TypeVar

from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

logger = logging.getLogger(__name__)
T = TypeVar("T")
# How many events of a conversation's latest session are stored: Rasa's own query (`_event_query(...)
# .count()`: events from the latest session start on, or all when there is none), written once as SQL.
STORED_IN_LATEST_SESSION = text(
    "SELECT count(*) FROM events WHERE sender_id = :sender AND ("
    " timestamp >= (SELECT max(timestamp) FROM events WHERE sender_id = :sender AND type_name = :started)"
    " OR (SELECT max(timestamp) FROM events WHERE sender_id = :sender AND type_name = :started) IS NULL)"
)
# The failures of the turn being handled: a list shared by reference, so a failure recorded in a task
# Rasa spawns still reaches the channel that watches the turn.
_failures: ContextVar[Optional[List[str]]] = ContextVar("tracker_store_failures", default=None)


@contextmanager
def watching_turn() -> Iterator[List[str]]:
    """The list of tracker store failures during the block (empty when the store worked)."""
    failures: List[str] = []
    token = _failures.set(failures)
    try:
        yield failures
    finally:
        _failures.reset(token)


class GuardedSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore whose failures are logged and reported to the turn in progress.

    Its connections are checked before use (`pool_pre_ping`): after a PostgreSQL restart, Rasa's own
    engine would fail the first turn on each stale pooled connection; this one reconnects instead.
    SQLite connections are pooled too (`kept_open`).
    """

    engine: Engine

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url), **kept_open(url))
        self.sessionmaker = sessionmaker(bind=self.engine)

    def _additional_events(self, session: Session, tracker: DialogueStateTracker) -> Iterator:
        """The tracker's events not stored yet, as Rasa finds them, with the count in plain SQL.

        Rasa builds its count as an ORM query with a subquery at every save, and SQLAlchemy's compiling
        and caching of it took more time than the database's answer (py-spy, docs/benchmarks.md).
        """
        stored = session.execute(
            STORED_IN_LATEST_SESSION, {"sender": tracker.sender_id, "started": SessionStarted.type_name}
        ).scalar()
        return islice(tracker.events, stored, len(tracker.events))

    async def _guarded(self, operation: str, call: Awaitable[T]) -> T:
        try:
            return await call
        except Exception as error:
            logger.error("tracker store %s failed: %s", operation, error)
            failures = _failures.get()
            if failures is not None:
                failures.append(operation)
            raise

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        return await self._guarded("retrieve", super().retrieve(sender_id))

    async def retrieve_full_tracker(self, conversation_id: Text) -> Optional[DialogueStateTracker]:
        return await self._guarded("retrieve", super().retrieve_full_tracker(conversation_id))

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self._guarded("save", super().save(tracker))

    async def keys(self) -> Iterable[Text]:
        return await self._guarded("keys", super().keys())


def kept_open(url: Any) -> Dict[str, Any]:
    """Engine options that keep SQLite connections open between operations.

    SQLAlchemy 1.4 opens and closes a new connection for every operation on a SQLite file (NullPool), so
    each turn's reads and writes paid for opening the file and reading its schema again, about a
    twentieth of the Rasa server's time per turn (py-spy, docs/benchmarks.md "Session 16"). A queue of
    open connections, usable from any thread, as on PostgreSQL; a locked or failing file still fails the
    operation, which `_guarded` reports.
    """
    if make_url(url).get_backend_name() != "sqlite":
        return {}
    return {"poolclass": QueuePool, "connect_args": {"check_same_thread": False}}


def endpoint_config(url: str) -> Dict[str, Any]:
    """The endpoints.yml `tracker_store` section for a SQLAlchemy URL (sqlite:///file or postgresql://...)."""
    parsed = make_url(url)
    config: Dict[str, Any] = {
        "type": f"{__name__}.{GuardedSQLTrackerStore.__name__}",
        "dialect": parsed.get_backend_name(),
        "db": parsed.database,
    }
    optional = {"url": parsed.host, "port": parsed.port, "username": parsed.username, "password": parsed.password}
    return {**config, **{key: value for key, value in optional.items() if value is not None}}
