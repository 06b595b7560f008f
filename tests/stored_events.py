"""Reading a test assistant's tracker store directly: what was really stored, not what an API returns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

from sqlalchemy import create_engine, text


def stored_events(workdir: Path, sender: str) -> List[Dict[str, Any]]:
    """The conversation's events as the tracker store holds them (column `data`: the event's JSON)."""
    engine = create_engine(f"sqlite:///{workdir / 'tracker.db'}")
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT data FROM events WHERE sender_id = :sender ORDER BY id"), {"sender": sender}
            ).all()
    finally:
        engine.dispose()
    return [json.loads(row[0]) for row in rows]
