"""GET /webhooks/rest/health: whether each thing a reply depends on works, for operators and load balancers.

200 with `"status": "ok"` when every check passes, 503 with `"status": "unavailable"` otherwise, so a
load balancer takes a broken process out of rotation. Each check says only ok or not and a short
reason: no URL, credential or conversation is shown, since the route is as public as the chat.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any, Dict, Optional, Tuple

import aiohttp
from rasa.core.lock_store import RedisLockStore
from sqlalchemy import text

from services_catalog.catalogue import build_stamp

Check = Tuple[bool, str]


def innermost_store(store: Any) -> Any:
    """The tracker store Rasa wraps (fail-safe, awaitable wrappers) around the configured one."""
    while hasattr(store, "_tracker_store"):
        store = store._tracker_store
    return store


async def model(agent: Any) -> Check:
    return (True, "loaded") if agent is not None and agent.is_ready() else (False, "no model loaded")


async def action_server(agent: Any) -> Check:
    endpoint = getattr(agent, "action_endpoint", None)
    if endpoint is None:
        return False, "no action server configured"
    url = endpoint.url.rsplit("/webhook", 1)[0] + "/health"
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
            async with session.get(url) as response:
                return (response.status == 200), f"HTTP {response.status}"
    except (aiohttp.ClientError, asyncio.TimeoutError) as error:
        return False, f"unreachable ({type(error).__name__})"


def _query_store(engine: Any) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))


async def tracker_store(agent: Any) -> Check:
    store = innermost_store(agent.tracker_store)
    engine = getattr(store, "engine", None)
    if engine is None:
        return True, f"{type(store).__name__} (kept in memory)"
    try:
        await asyncio.get_running_loop().run_in_executor(None, _query_store, engine)
    except Exception as error:
        return False, f"{engine.dialect.name}: {type(error).__name__}"
    return True, engine.dialect.name


async def lock_store(agent: Any) -> Check:
    store = agent.lock_store
    if not isinstance(store, RedisLockStore):
        return True, "in memory (one process)"
    try:
        await asyncio.get_running_loop().run_in_executor(None, store.red.ping)
    except Exception as error:
        return False, f"redis: {type(error).__name__}"
    return True, "redis"


async def catalogue() -> Check:
    try:
        stamp = await asyncio.get_running_loop().run_in_executor(None, build_stamp)
    except Exception as error:
        return False, f"unreadable ({type(error).__name__})"
    age = datetime.now(timezone.utc) - datetime.fromisoformat(stamp["built_at"])
    return True, f"built {stamp['built_at'][:19]}Z, {age.total_seconds() / 3600:.1f} hours ago"


async def report(agent: Optional[Any]) -> Tuple[int, Dict[str, Any]]:
    """(HTTP status, body) of the health route."""
    if agent is None:
        checks: Dict[str, Check] = {"model": (False, "the server is starting")}
    else:
        names = ("model", "action_server", "tracker_store", "lock_store", "catalogue")
        results = await asyncio.gather(
            model(agent), action_server(agent), tracker_store(agent), lock_store(agent), catalogue()
        )
        checks = dict(zip(names, results))
    healthy = all(ok for ok, _ in checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        "checks": {name: {"ok": ok, "detail": detail} for name, (ok, detail) in checks.items()},
    }
    return (200 if healthy else 503), body
