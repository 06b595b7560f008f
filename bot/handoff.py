"""Human handoff: a queue of conversations waiting for a person, not just a phone number.

When a client asks for a person, the action files the transcript here under a
short reference the client can quote on the phone; staff list and close
requests with `python -m bot.handoff`. A contact centre's own system can read
the same table (any SQLAlchemy URL through GUICHET_HANDOFF_URL).

The queue is public-facing (any client can ask for a person), so it defends itself: a conversation
has at most one open request (asking again gives the same reference), and intake stops at
MAX_NEW_PER_WINDOW new requests in WINDOW_MINUTES (the client is then given the phone number only),
so a flood cannot bury real clients. Transcripts are masked again before filing (bot.privacy) and the
staff listing escapes control characters, so client text can never drive the staff terminal.
"""

from __future__ import annotations

import argparse
import json
import secrets
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Dict, List, Optional

from sqlalchemy import Column, MetaData, Table, Text, create_engine, func, select, update

from bot.privacy import mask_personal_data
from bot.settings import handoff_url

MAX_NEW_PER_WINDOW = 60
WINDOW_MINUTES = 10

metadata = MetaData()
requests = Table(
    "handoff_requests",
    metadata,
    Column("reference", Text, primary_key=True),
    Column("sender_id", Text, nullable=False),
    Column("language", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("status", Text, nullable=False),  # open | closed
    Column("transcript", Text, nullable=False),  # JSON list of {"who": "user"|"bot", "text": ...}
)


def printable(text: str) -> str:
    """Client text as staff may safely see it in a terminal: control and format characters escaped."""
    return "".join(f"\\x{ord(c):02x}" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text)


def now() -> datetime:
    return datetime.now(timezone.utc)


class HandoffQueue:
    def __init__(self, url: Optional[str] = None) -> None:
        url = url or handoff_url()
        if url.startswith("sqlite:///"):
            Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
        self._engine = create_engine(url, future=True)
        metadata.create_all(self._engine)

    def file(self, sender_id: str, language: str, transcript: List[Dict[str, str]]) -> Optional[str]:
        """Queue a conversation and return the reference the client quotes; None when intake is full."""
        with self._engine.begin() as conn:
            open_already = conn.execute(
                select(requests.c.reference).where(requests.c.sender_id == sender_id, requests.c.status == "open")
            ).scalar()
            if open_already:
                return str(open_already)
            since = (now() - timedelta(minutes=WINDOW_MINUTES)).isoformat(timespec="seconds")
            recent = conn.execute(select(func.count()).select_from(requests).where(requests.c.created_at >= since))
            if recent.scalar_one() >= MAX_NEW_PER_WINDOW:
                return None
            reference = "G-" + secrets.token_hex(3).upper()
            masked = [{**turn, "text": mask_personal_data(turn["text"])} for turn in transcript]
            conn.execute(
                requests.insert(),
                [
                    {
                        "reference": reference,
                        "sender_id": sender_id,
                        "language": language,
                        "status": "open",
                        "created_at": now().isoformat(timespec="seconds"),
                        "transcript": json.dumps(masked, ensure_ascii=False),
                    }
                ],
            )
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
        print(
            printable(
                f"{item['reference']}  {item['created_at']}  {item['language']}  conversation {item['sender_id']}"
            )
        )
        for turn in json.loads(item["transcript"]):
            print(f"    {turn['who']:>4}: {printable(turn['text'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
