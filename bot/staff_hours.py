"""When a person can answer the live chat (GUICHET_STAFF_HOURS).

A client who asks for a person at 23:00 should not be told "you are number 1 in line" and then wait
all night: outside these hours the handoff gives the phone line and the ticket reference instead.
The setting is one line a contact-centre manager can read: `Mon-Fri 08:30-16:30 America/Toronto`
(days as a range or a comma list, 24-hour times, an IANA time zone so daylight saving time is right),
`always` or `never`. A spelling mistake fails loudly at the first handoff instead of silently closing
the chat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timezone
from typing import FrozenSet, Optional
from zoneinfo import ZoneInfo

from bot import settings

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SPEC = re.compile(r"^\s*(?P<days>[A-Za-z,\-]+)\s+(?P<start>\d{1,2}:\d{2})-(?P<end>\d{1,2}:\d{2})\s+(?P<zone>\S+)\s*$")


@dataclass(frozen=True)
class StaffHours:
    days: FrozenSet[int]  # 0 = Monday
    start: time
    end: time
    zone: Optional[ZoneInfo]  # None with `always` / `never`

    def open_at(self, moment: datetime) -> bool:
        if self.zone is None:
            return bool(self.days)
        local = moment.astimezone(self.zone)
        return local.weekday() in self.days and self.start <= local.time() < self.end


def _days(text: str) -> FrozenSet[int]:
    chosen = set()
    for part in text.lower().split(","):
        first, _, last = part.partition("-")
        if first[:3] not in DAYS or (last and last[:3] not in DAYS):
            raise ValueError(f"unknown day in GUICHET_STAFF_HOURS: {part!r} (use Mon, Tue, ... Sun)")
        a, b = DAYS.index(first[:3]), DAYS.index((last or first)[:3])
        chosen |= set(range(a, b + 1)) if a <= b else set(range(a, 7)) | set(range(0, b + 1))
    return frozenset(chosen)


def parse(spec: str) -> StaffHours:
    word = spec.strip().lower()
    if word in ("always", "never"):
        return StaffHours(frozenset(range(7)) if word == "always" else frozenset(), time(0), time(0), None)
    match = SPEC.match(spec)
    if not match:
        raise ValueError(f"GUICHET_STAFF_HOURS {spec!r} is not like 'Mon-Fri 08:30-16:30 America/Toronto'")
    start, end = (time.fromisoformat(match[key].zfill(5)) for key in ("start", "end"))
    if end <= start:
        raise ValueError(f"GUICHET_STAFF_HOURS {spec!r}: the end must come after the start")
    return StaffHours(_days(match["days"]), start, end, ZoneInfo(match["zone"]))


def open_now(moment: Optional[datetime] = None, spec: Optional[str] = None) -> bool:
    """Whether staff answer the live chat at `moment` (default: now), by GUICHET_STAFF_HOURS."""
    return parse(spec if spec is not None else settings.staff_hours()).open_at(moment or datetime.now(timezone.utc))


def live_handoff_on(moment: Optional[datetime] = None) -> bool:
    """A live queue only makes sense when staff have a page to answer from and are at work."""
    return bool(settings.staff_token()) and open_now(moment)
