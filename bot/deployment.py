"""Where conversations and locks live and how many processes serve them: the laptop and production profiles.

The laptop profile (the default, `make run`) needs nothing but SQLite: one Rasa process, an in-memory
lock store, the tracker store in build/tracker.db. The production profile is the same code with four
settings (see README, "Production profile"): the tracker store on PostgreSQL (GUICHET_TRACKER_URL), a
Redis lock store (GUICHET_LOCK_URL), and several Rasa and action server processes (GUICHET_WORKERS,
GUICHET_ACTION_WORKERS). Rasa refuses more than one worker with an in-memory lock store (two processes
would answer the same conversation at once); so does this module, loudly rather than silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Optional
from urllib.parse import urlsplit

import yaml

from bot import settings
from bot.models import REPO_ROOT
from bot.tracker_store import endpoint_config


@dataclass(frozen=True)
class Deployment:
    tracker_url: str
    lock_url: Optional[str] = None
    lock_prefix: str = "guichet"
    workers: int = 1
    action_workers: int = 1

    def __post_init__(self) -> None:
        if self.workers > 1 and not self.lock_url:
            raise ValueError("more than one Rasa worker needs a shared lock store: set GUICHET_LOCK_URL=redis://...")
        if self.workers > 1 and self.tracker_url.startswith("sqlite"):
            raise ValueError(
                "more than one Rasa worker needs a shared tracker store: set GUICHET_TRACKER_URL=postgresql://..."
            )
        if not self.lock_prefix.isalnum():
            raise ValueError("GUICHET_LOCK_PREFIX must be letters and digits only")

    @classmethod
    def from_settings(cls, workdir: Path) -> "Deployment":
        return cls(
            tracker_url=settings.get("GUICHET_TRACKER_URL", f"sqlite:///{workdir / 'tracker.db'}"),
            lock_url=settings.get("GUICHET_LOCK_URL", "") or None,
            lock_prefix=settings.get("GUICHET_LOCK_PREFIX", "guichet"),
            workers=int(settings.get("GUICHET_WORKERS", "1")),
            action_workers=int(settings.get("GUICHET_ACTION_WORKERS", "1")),
        )

    def endpoints(self, action_url: str) -> Dict[str, Any]:
        """The project's endpoints.yml with this deployment's action server, tracker store and lock store."""
        config = yaml.safe_load((REPO_ROOT / "endpoints.yml").read_text(encoding="utf-8"))
        config["action_endpoint"]["url"] = action_url
        config["tracker_store"] = endpoint_config(self.tracker_url)
        if self.lock_url:
            config["lock_store"] = redis_lock_store(self.lock_url, self.lock_prefix)
        return config

    def environment(self) -> Dict[str, str]:
        return {"SANIC_WORKERS": str(self.workers), "ACTION_SERVER_SANIC_WORKERS": str(self.action_workers)}


def redis_lock_store(url: str, prefix: str) -> Dict[str, Any]:
    """The endpoints.yml `lock_store` section for redis://[:password@]host[:port][/db]."""
    parts = urlsplit(url)
    if parts.scheme != "redis" or not parts.hostname:
        raise ValueError(f"GUICHET_LOCK_URL must look like redis://127.0.0.1:6379/0, not {url!r}")
    config: Dict[str, Any] = {
        "type": "redis",
        "url": parts.hostname,
        "port": parts.port or 6379,
        "db": int(parts.path.strip("/") or 0),
        "key_prefix": prefix,
    }
    return {**config, "password": parts.password} if parts.password else config
