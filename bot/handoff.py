"""Human handoff: a queue of conversations waiting for a person, not just a phone number.

When a client asks for a person, the action files the transcript here under a
short reference the client can quote on the phone; staff list and close
requests with `python -m bot.handoff`. A contact centre's own system can read
the same table (any SQLAlchemy URL through GUICHET_HANDOFF_URL).
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Optional

from sqlalchemy import Column, MetaData, Table, Text, create_engine, select, update

REPO_ROOT = Path(__file__).resolve().parents[1]
URL_VARIABLE = "GUICHET_HANDOFF_URL"

metadata = MetaData()
requests = Table(
    "handoff_requests", metadata,
    Column("reference", Text, primary_key=True),
    Column("sender_id", Text, nullable=False),
    Column("language", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("status", Text, nullable=False),  # open | closed
    Column("transcript", Text, nullable=False),  # JSON list of {"who": "user"|"bot", "text": ...}
)


def handoff_url() -> str:
    return os.environ.get(URL_VARIABLE) or f"sqlite:///{REPO_ROOT / 'build' / 'handoff.db'}"


class HandoffQueue:
    def __init__(self, url: Optional[str] = None) -> None:
        url = url or handoff_url()
        if url.startswith("sqlite:///"):
            Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        self._engine = create_engine(url, future=True)
        metadata.create_all(self._engine)

    def file(self, sender_id: str, language: str, transcript: List[Dict[str, str]]) -> str:
        """Queue a conversation and return the reference the client quotes."""
        reference = "G-" + secrets.token_hex(3).upper()
        with self._engine.begin() as conn:
            conn.execute(requests.insert(), [{
                "reference": reference, "sender_id": sender_id, "language": language, "status": "open",
                "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "transcript": json.dumps(transcript, ensure_ascii=False)}])
        return reference

    def open_requests(self) -> List[Dict[str, str]]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(requests).where(requests.c.status == "open").order_by(requests.c.created_at))
            return [dict(r) for r in rows.mappings()]

    def close(self, reference: str) -> bool:
        with self._engine.begin() as conn:
            done = conn.execute(update(requests).where(requests.c.reference == reference).values(status="closed"))
            return done.rowcount == 1


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.handoff", description="Conversations waiting for a person")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="open requests with their transcripts")
    close = sub.add_parser("close", help="mark a request handled")
    close.add_argument("reference")
    args = parser.parse_args(argv)
    queue = HandoffQueue()
    if args.command == "close":
        return 0 if queue.close(args.reference) else 1
    for item in queue.open_requests():
        print(f"{item['reference']}  {item['created_at']}  {item['language']}  conversation {item['sender_id']}")
        for turn in json.loads(item["transcript"]):
            print(f"    {turn['who']:>4}: {turn['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
