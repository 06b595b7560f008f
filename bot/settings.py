"""Every `GUICHET_*` setting of the Rasa side, read in one place with its default.

Settings are read when asked for (not at import), so a test or a launcher can set the environment and
start a server without reloading modules. The README's settings table lists the same names; a test
keeps the two in sync. The catalogue's own URL (`GUICHET_CATALOGUE_URL`) belongs to services_catalog,
which knows nothing of the bot, and is listed here only so the table is complete.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Dict, Optional

from bot.models import REPO_ROOT

# name -> (default, what it does); the README's settings table is generated from nothing but must match this.
SETTINGS: Dict[str, str] = {
    "GUICHET_HOST": "Address the Rasa server (chat page, socket.io, REST) listens on. Default 127.0.0.1; "
    "set 0.0.0.0 only behind a reverse proxy.",
    "GUICHET_PORT": "Port of the Rasa server. Default 5005.",
    "GUICHET_API_TOKEN": "When set, Rasa's HTTP API (trackers, model) is enabled and needs this token; "
    "unset, the API is off.",
    "GUICHET_CORS": "Browser origins allowed on the chat channels (space-separated). "
    "Default: the local page's origins.",
    "GUICHET_SECRET_FILE": "File holding the key that signs conversation ids and buttons. "
    "Default build/secret.key, created on first use.",
    "GUICHET_MAX_MESSAGE_CHARS": "Longest message a client may send. Default 1000.",
    "GUICHET_CLIENT_MESSAGES_PER_MINUTE": "Messages one client address may send a minute, all conversations "
    "together. Default 600 (a conversation alone: 30).",
    "GUICHET_HANDOFF_URL": "SQLAlchemy URL of the handoff queue. Default: SQLite under build/.",
    "GUICHET_TRACKER_URL": "SQLAlchemy URL of Rasa's tracker store (conversations), also purged by "
    "`python -m bot.retention`. Default: build/tracker.db; postgresql://... in production.",
    "GUICHET_LOCK_URL": "Redis URL of Rasa's lock store (redis://host:6379/0), needed by more than one Rasa "
    "process. Default: in memory (one process).",
    "GUICHET_LOCK_PREFIX": "Alphanumeric prefix of the lock store's Redis keys. Default guichet.",
    "GUICHET_WORKERS": "Rasa server processes (Sanic workers); more than 1 needs GUICHET_LOCK_URL and a shared "
    "tracker store. Default 1.",
    "GUICHET_ACTION_WORKERS": "Action server processes. Default 1.",
    "GUICHET_RETENTION_DAYS": "Conversations older than this many days are purged by "
    "`python -m bot.retention`. Default 30.",
    "GUICHET_CATALOGUE_URL": "SQLAlchemy URL of the catalogue (read by services_catalog). Default: build/catalogue.db.",
    "GUICHET_STAFF_TOKEN": "Credential staff type on the live handoff page (/web/staff/). Unset, the staff page and "
    "its socket answer 404 / refuse: live handoff is off and requests only get a phone reference.",
    "GUICHET_STAFF_HOURS": "When staff answer the live chat, e.g. `Mon-Fri 08:30-16:30 America/Toronto` (the "
    "default), `always` or `never`; outside them a client asking for a person gets 1 800 O-Canada and a reference.",
}


def get(name: str, default: str) -> str:
    assert name in SETTINGS, f"{name} is not a documented setting"
    return os.environ.get(name) or default


def max_message_chars() -> int:
    return int(get("GUICHET_MAX_MESSAGE_CHARS", "1000"))


def client_messages_per_minute() -> int:
    return int(get("GUICHET_CLIENT_MESSAGES_PER_MINUTE", "600"))


def retention_days() -> int:
    return int(get("GUICHET_RETENTION_DAYS", "30"))


def tracker_url() -> str:
    return get("GUICHET_TRACKER_URL", f"sqlite:///{REPO_ROOT / 'build' / 'tracker.db'}")


def handoff_url() -> str:
    return get("GUICHET_HANDOFF_URL", f"sqlite:///{REPO_ROOT / 'build' / 'handoff.db'}")


def staff_token() -> str:
    return get("GUICHET_STAFF_TOKEN", "")


def staff_hours() -> str:
    return get("GUICHET_STAFF_HOURS", "Mon-Fri 08:30-16:30 America/Toronto")


def secret_key(path: Optional[Path] = None) -> bytes:
    """The signing key, shared by every Rasa process through one file that only its owner can read.

    A file rather than a per-process random key so that conversation ids stay valid across restarts
    and across the processes of the scaled profile.
    """
    path = path or Path(get("GUICHET_SECRET_FILE", str(REPO_ROOT / "build" / "secret.key")))
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it first
            pass
        else:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_hex(32))
    return bytes.fromhex(path.read_text().strip())
