"""Purging conversations older than the retention period: `python -m bot.retention [--days N]`.

Guichet keeps a conversation only as long as it helps the client come back to it. A conversation
whose last event is older than N days (GUICHET_RETENTION_DAYS, default 30) is deleted whole from
Rasa's SQL tracker store, and handoff requests filed more than N days ago leave the queue with the
record of their live handoff (bot.handoff's steps: what staff and client said). Run it
daily (cron, a systemd timer or the platform's scheduler); it is idempotent and works on SQLite and
PostgreSQL alike, through the same SQLAlchemy URLs the servers use.
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime, timedelta, timezone
from typing import List, Optional, Tuple

from sqlalchemy import MetaData, Table, create_engine, func, inspect, select

from bot import settings
from bot.handoff import requests as handoff_requests
from bot.handoff import steps as handoff_steps


def purge_trackers(url: str, days: int, now: Optional[float] = None) -> int:
    """Deletes the events of every conversation idle for more than `days`; returns how many conversations."""
    engine = create_engine(url, future=True)
    if not inspect(engine).has_table("events"):
        return 0
    events = Table("events", MetaData(), autoload_with=engine)
    cutoff = (now if now is not None else time.time()) - days * 86400
    with engine.begin() as conn:
        stale = [
            row[0]
            for row in conn.execute(
                select(events.c.sender_id).group_by(events.c.sender_id).having(func.max(events.c.timestamp) < cutoff)
            )
        ]
        for start in range(0, len(stale), 500):
            conn.execute(events.delete().where(events.c.sender_id.in_(stale[start : start + 500])))
    return len(stale)


def purge_handoffs(url: str, days: int, now: Optional[datetime] = None) -> int:
    engine = create_engine(url, future=True)
    if not inspect(engine).has_table(handoff_requests.name):
        return 0
    cutoff = ((now or datetime.now(timezone.utc)) - timedelta(days=days)).isoformat(timespec="seconds")
    with engine.begin() as conn:
        if inspect(conn).has_table(handoff_steps.name):  # live handoff's record goes with its request
            old = select(handoff_requests.c.reference).where(handoff_requests.c.created_at < cutoff)
            conn.execute(handoff_steps.delete().where(handoff_steps.c.reference.in_(old)))
        return conn.execute(handoff_requests.delete().where(handoff_requests.c.created_at < cutoff)).rowcount


def purge(days: int, tracker_url: str, handoff_url: str) -> Tuple[int, int]:
    return purge_trackers(tracker_url, days), purge_handoffs(handoff_url, days)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.retention", description=__doc__.split("\n")[0])
    parser.add_argument("--days", type=int, default=settings.retention_days())
    parser.add_argument("--tracker-url", default=settings.tracker_url())
    parser.add_argument("--handoff-url", default=settings.handoff_url())
    args = parser.parse_args(argv)
    conversations, handoffs = purge(args.days, args.tracker_url, args.handoff_url)
    print(f"purged {conversations} conversations and {handoffs} handoff requests older than {args.days} days")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
