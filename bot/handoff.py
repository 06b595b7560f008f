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

Live handoff (bot/staff_socket.py) moves a request through `open` (waiting) -> `taken` (a staff member
talks to the client, the bot is silent) -> `returned` (back to the bot) or `closed`. Every step goes
into `handoff_steps` with its time, who did it (the name staff type, never an account) and, for
messages, the masked text: the contact centre can then show what was said and measure how long a
conversation takes, which is what the client's estimated wait is computed from. Steps live in a table
of their own so that queues filed before live handoff existed keep working without a migration.
"""

from __future__ import annotations

import argparse
import json
import math
import secrets
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional

from sqlalchemy import Column, Integer, MetaData, Table, Text, and_, create_engine, func, or_, select, update

from bot.privacy import mask_personal_data
from bot.settings import handoff_url

MAX_NEW_PER_WINDOW = 60
WINDOW_MINUTES = 10
WAITING, TAKEN, RETURNED, CLOSED = "open", "taken", "returned", "closed"
LIVE = (WAITING, TAKEN)
# The estimated wait is the client's position times the average length of the last RECENT_TAKEOVERS
# conversations staff ended in the last RECENT_DAYS; with none yet, DEFAULT_HANDLING_MINUTES (a typical
# contact-centre chat).
DEFAULT_HANDLING_MINUTES = 6.0
RECENT_TAKEOVERS = 20
RECENT_DAYS = 7
MAX_STAFF_NAME = 40

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
steps = Table(
    "handoff_steps",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reference", Text, nullable=False, index=True),
    Column("at", Text, nullable=False),  # ISO 8601, UTC
    Column("step", Text, nullable=False),  # filed | taken | staff | client | returned | closed
    Column("actor", Text, nullable=False),  # "client", a staff name, "command line"
    Column("text", Text, nullable=False),  # a message, masked; for `filed` the client's province if known
)


def printable(text: str) -> str:
    """Client text as staff may safely see it in a terminal: control and format characters escaped."""
    return "".join(f"\\x{ord(c):02x}" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text)


def now() -> datetime:
    return datetime.now(timezone.utc)


def staff_name(raw: Any) -> str:
    """The name a staff member typed, as shown to the client: one short line of plain text."""
    words = " ".join(raw.split()) if isinstance(raw, str) else ""
    return "".join(c for c in words if unicodedata.category(c) not in ("Cc", "Cf"))[:MAX_STAFF_NAME]


class HandoffQueue:
    def __init__(self, url: Optional[str] = None) -> None:
        url = url or handoff_url()
        if url.startswith("sqlite:///"):
            Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
        self._engine = create_engine(url, future=True)
        metadata.create_all(self._engine)

    def file(
        self, sender_id: str, language: str, transcript: List[Dict[str, str]], province: Optional[str] = None
    ) -> Optional[str]:
        """Queue a conversation and return the reference the client quotes; None when intake is full."""
        with self._engine.begin() as conn:
            open_already = conn.execute(
                select(requests.c.reference).where(requests.c.sender_id == sender_id, requests.c.status.in_(LIVE))
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
                        # microseconds: the queue's order (and so each client's place) is the order of arrival
                        "created_at": now().isoformat(timespec="microseconds"),
                        "transcript": json.dumps(masked, ensure_ascii=False),
                    }
                ],
            )
            self._record(conn, reference, "filed", "client", province or "")
        return reference

    def open_requests(self) -> List[Dict[str, str]]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(requests).where(requests.c.status == "open").order_by(requests.c.created_at))
            return [dict(r) for r in rows.mappings()]

    def close(self, reference: str, actor: str = "command line") -> bool:
        """Ends a request (waiting, or taken by staff); the client's conversation goes back to the bot."""
        return self._move(reference, (WAITING, TAKEN, RETURNED), CLOSED, "closed", actor)

    # ---- live handoff -------------------------------------------------------------------------------

    def take(self, reference: str, staff: str) -> bool:
        """A staff member takes a waiting conversation; False when it is not waiting (someone was faster)."""
        return self._move(reference, (WAITING,), TAKEN, "taken", staff)

    def hand_back(self, reference: str, staff: str) -> bool:
        return self._move(reference, (TAKEN,), RETURNED, "returned", staff)

    def record(self, reference: str, step: str, actor: str, text: str = "") -> None:
        with self._engine.begin() as conn:
            self._record(conn, reference, step, actor, text)

    def request(self, reference: str) -> Optional[Dict[str, Any]]:
        with self._engine.connect() as conn:
            row = conn.execute(select(requests).where(requests.c.reference == reference)).mappings().first()
            return dict(row) if row else None

    def live_request(self, sender_id: str) -> Optional[Dict[str, Any]]:
        """The conversation's request still waiting or taken, if any."""
        with self._engine.connect() as conn:
            query = select(requests).where(requests.c.sender_id == sender_id, requests.c.status.in_(LIVE))
            row = conn.execute(query).mappings().first()
            return dict(row) if row else None

    def steps(self, reference: str) -> List[Dict[str, str]]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(steps).where(steps.c.reference == reference).order_by(steps.c.id))
            return [dict(r) for r in rows.mappings()]

    def taken_by(self, reference: str) -> Optional[str]:
        taken = [s["actor"] for s in self.steps(reference) if s["step"] == "taken"]
        return taken[-1] if taken else None

    def position(self, reference: str) -> Optional[int]:
        """1 for the next conversation staff will take; None when the request is not waiting."""
        with self._engine.connect() as conn:
            mine = conn.execute(select(requests).where(requests.c.reference == reference)).mappings().first()
            if mine is None or mine["status"] != WAITING:
                return None
            ahead = conn.execute(
                select(func.count())
                .select_from(requests)
                .where(
                    requests.c.status == WAITING,
                    or_(
                        requests.c.created_at < mine["created_at"],
                        and_(requests.c.created_at == mine["created_at"], requests.c.reference < reference),
                    ),
                )
            ).scalar_one()
            return int(ahead) + 1

    def handling_minutes(self, at: Optional[datetime] = None) -> float:
        """How long staff took over the last conversations they ended (taken -> returned or closed)."""
        since = ((at or now()) - timedelta(days=RECENT_DAYS)).isoformat(timespec="seconds")
        query = select(steps.c.reference, steps.c.step, steps.c.at).where(
            steps.c.step.in_(("taken", "returned", "closed")), steps.c.at >= since
        )
        with self._engine.connect() as conn:
            rows = conn.execute(query.order_by(steps.c.id)).all()
        started: Dict[str, datetime] = {}
        lengths: List[float] = []
        for reference, step, at_text in rows:
            moment = datetime.fromisoformat(at_text)
            if step == "taken":
                started[reference] = moment
            elif reference in started:
                lengths.append((moment - started.pop(reference)).total_seconds() / 60)
        recent = lengths[-RECENT_TAKEOVERS:]
        return sum(recent) / len(recent) if recent else DEFAULT_HANDLING_MINUTES

    def wait_minutes(self, position: int, handling: Optional[float] = None) -> int:
        """Estimated wait of the client at `position`, in whole minutes (at least 1): one staff member's pace."""
        per_conversation = self.handling_minutes() if handling is None else handling
        return max(1, math.ceil(position * per_conversation - 1e-9))

    def board(self) -> List[Dict[str, Any]]:
        """Waiting and taken requests, oldest first, for the staff page (which must not get the sender_id:
        a conversation id is a bearer credential)."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(requests)
                .where(requests.c.status.in_(LIVE))
                .order_by(requests.c.created_at, requests.c.reference)
            ).mappings()
            live = [dict(r) for r in rows]
            references = [r["reference"] for r in live]
            history = conn.execute(
                select(steps).where(steps.c.reference.in_(references)).order_by(steps.c.id)
            ).mappings()
            by_reference: Dict[str, List[Dict[str, Any]]] = {}
            for step in history:
                by_reference.setdefault(step["reference"], []).append(dict(step))
        return [
            {
                "reference": r["reference"],
                "sender_id": r["sender_id"],
                "status": r["status"],
                "since": r["created_at"],
                "language": r["language"],
                "province": next((s["text"] for s in by_reference.get(r["reference"], []) if s["step"] == "filed"), ""),
                "taken_by": next(
                    (s["actor"] for s in reversed(by_reference.get(r["reference"], [])) if s["step"] == "taken"), ""
                ),
                "transcript": json.loads(r["transcript"]),
            }
            for r in live
        ]

    def _move(self, reference: str, from_status: tuple, to_status: str, step: str, actor: str) -> bool:
        with self._engine.begin() as conn:
            done = conn.execute(
                update(requests)
                .where(requests.c.reference == reference, requests.c.status.in_(from_status))
                .values(status=to_status)
            )
            if done.rowcount != 1:
                return False
            self._record(conn, reference, step, actor, "")
            return True

    @staticmethod
    def _record(conn: Any, reference: str, step: str, actor: str, text: str) -> None:
        conn.execute(
            steps.insert(),
            [
                {
                    "reference": reference,
                    "at": now().isoformat(timespec="seconds"),
                    "step": step,
                    "actor": actor,
                    "text": mask_personal_data(text) if step in ("staff", "client") else text,
                }
            ],
        )


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
