"""Per-client and per-conversation message limits, so one client cannot crowd out the others.

Sliding one-minute windows kept in this process's memory: each Rasa process limits what reaches it,
which is what protects it. A deployment behind a reverse proxy sees the proxy's address as the
client; there the proxy's own limit per address does that part (documented in the README).
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from typing import Deque, Dict, Optional

from bot import settings

PER_CONVERSATION_PER_MINUTE = 30
WINDOW_SECONDS = 60.0
MAX_TRACKED = 100_000

_seen: Dict[str, Deque[float]] = defaultdict(deque)


def _over(key: str, limit: int, now: float) -> bool:
    window = _seen[key]
    while window and now - window[0] > WINDOW_SECONDS:
        window.popleft()
    if len(window) >= limit:
        return True
    window.append(now)
    return False


def check(client: Optional[str], conversation: str, now: Optional[float] = None) -> Optional[str]:
    """None when the message may go on, else the reason it may not (for a 429 reply)."""
    now = time.monotonic() if now is None else now
    if len(_seen) > MAX_TRACKED:  # forget idle keys rather than grow without bound
        for key in [k for k, v in _seen.items() if not v or now - v[-1] > WINDOW_SECONDS]:
            del _seen[key]
    per_client = settings.client_messages_per_minute()
    if _over(f"client:{client}", per_client, now):
        return f"too many messages from this address: at most {per_client} a minute"
    if _over(f"conversation:{conversation}", PER_CONVERSATION_PER_MINUTE, now):
        return f"too many messages in this conversation: at most {PER_CONVERSATION_PER_MINUTE} a minute"
    return None
