"""Throughput and latency under load: Guichet in one process, Guichet scaled out, and a minimal assistant.

N clients at once (default 100) each hold conversations over the REST channel: realistic mixed EN/FR
scripts with follow-ups, every reply checked for the content it must have, so "fast but wrong" counts
as a wrong reply, not a success. Three set-ups are loaded one after the other in the same run, so the
figures compare:
- Guichet, laptop profile: one Rasa process, SQLite tracker store, in-memory lock store, one action server;
- Guichet, production profile: tracker store and catalogue on PostgreSQL, Redis lock store, `--workers`
  Rasa processes and as many action server processes (a private database and key prefix, removed after);
- the minimal `rasa init` assistant (greet / mood), the floor any Rasa assistant stands on.
Then, for each Guichet set-up, a 100 KB message: how long its polite refusal takes, and how much it
delays a normal turn sent at the same moment (median of 10, against the same turn alone).

    .venv/bin/python -m bench.load [--clients 100] [--rounds 2] [--workers 2]

The load generator runs on the same 2-core machine as the servers; its own CPU use is part of the
figures, alike for every set-up.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import statistics
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import aiohttp
import redis
from sqlalchemy import create_engine, text

from bench.turn_latency import minimal_assistant
from bot.deployment import Deployment
from bot.launch import free_port, rasa_server_command, running_assistant, serving
from services_catalog.build import build
from services_catalog.csv_source import DEFAULT_DATA_DIR

POSTGRES = "postgresql://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/0"
Turn = Tuple[str, str, Dict[str, str]]  # message, text the reply must contain, metadata

GUICHET_SCRIPTS: List[List[Turn]] = [
    [
        ("where can I renew my passport in Kelowna?", "Kelowna Service Canada Centre", {}),
        ("and in Edmonton?", "Nearest offices to Edmonton", {}),
        ("what are its hours?", "this week", {}),
    ],
    [("Où puis-je obtenir un numéro d'assurance sociale à Edmonton?", "Bureaux les plus proches de Edmonton", {})],
    [("I need a new SIN", "Where are you?", {}), ("Calgary", "Calgary", {})],
    [("I just had a baby", "Newborn Registration Service", {})],
    [("passeport T2P 2M5", "Bureaux les plus proches", {"language": "fr"}), ("et à Winnipeg?", "Winnipeg", {})],
]
MINIMAL_SCRIPTS: List[List[Turn]] = [[("hello", "Hey", {}), ("I am great", "Great", {})]]
HUGE = ("where can I get a passport " * 3800)[:100_000]
PROBE: Turn = ("where can I renew my passport in Kelowna?", "Kelowna Service Canada Centre", {})


@dataclass
class Tally:
    latencies: List[float] = field(default_factory=list)
    errors: int = 0
    wrong: int = 0
    examples: List[str] = field(default_factory=list)

    def note(self, problem: str) -> None:
        if len(self.examples) < 3:
            self.examples.append(problem[:200])


async def turn(
    session: aiohttp.ClientSession, base: str, sender: Optional[str], message: Turn, tally: Tally
) -> Optional[str]:
    """One turn; returns the conversation id to use next (None after an error)."""
    text_in, expected, metadata = message
    started = time.perf_counter()
    try:
        async with session.post(
            f"{base}/webhooks/rest/webhook", json={"sender": sender, "message": text_in, "metadata": metadata}
        ) as response:
            body = await response.json(content_type=None)
            status = response.status
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
        tally.errors += 1
        tally.note(f"{text_in!r}: {error!r}")
        return None
    tally.latencies.append(time.perf_counter() - started)
    if status != 200 or not isinstance(body, list) or not body:
        tally.errors += 1
        tally.note(f"{text_in!r}: HTTP {status} {str(body)[:120]}")
        return None
    answer = "\n".join(m.get("text") or "" for m in body)
    if expected not in answer:
        tally.wrong += 1
        tally.note(f"{text_in!r} -> {answer[:150]!r}")
    return body[0].get("recipient_id") or sender


async def client(
    session: aiohttp.ClientSession,
    base: str,
    scripts: List[List[Turn]],
    index: int,
    rounds: int,
    tally: Tally,
    issued_ids: bool,
) -> None:
    for round_ in range(rounds):
        script = scripts[(index + round_) % len(scripts)]
        sender: Optional[str] = None if issued_ids else uuid.uuid4().hex
        for message in script:
            sender = await turn(session, base, sender, message, tally)
            if sender is None:
                break


async def load(
    base: str, scripts: List[List[Turn]], clients: int, rounds: int, issued_ids: bool
) -> Tuple[Tally, float]:
    tally = Tally()
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0), timeout=timeout) as session:
        await client(session, base, scripts, 0, 1, Tally(), issued_ids)  # warm-up
        started = time.perf_counter()
        await asyncio.gather(*(client(session, base, scripts, i, rounds, tally, issued_ids) for i in range(clients)))
        elapsed = time.perf_counter() - started
    return tally, elapsed


async def huge_message_delay(base: str) -> Tuple[float, float]:
    """(refusal time of a 100 KB message, median extra latency of a normal turn sent at the same moment)."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        alone, together, refusals = [], [], []
        for _ in range(10):
            probe = Tally()
            await turn(session, base, None, PROBE, probe)
            alone.extend(probe.latencies)
            probe, huge = Tally(), Tally()
            await asyncio.gather(
                turn(session, base, None, PROBE, probe), turn(session, base, None, (HUGE, "too long", {}), huge)
            )
            together.extend(probe.latencies)
            refusals.extend(huge.latencies)
            assert not huge.wrong and not huge.errors, huge.examples
    return statistics.median(refusals), statistics.median(together) - statistics.median(alone)


def percentile(samples: List[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def row(name: str, tally: Tally, elapsed: float, huge: Optional[Tuple[float, float]]) -> str:
    turns = len(tally.latencies)
    figures = [f"{turns / elapsed:.1f}"] + [f"{percentile(tally.latencies, q) * 1000:.0f}" for q in (0.5, 0.95, 0.99)]
    extra = [f"{huge[0] * 1000:.0f}", f"{huge[1] * 1000:+.0f}"] if huge else ["–", "–"]
    return f"| {name} | {turns} | " + " | ".join(figures + [str(tally.errors), str(tally.wrong)] + extra) + " |"


@contextmanager
def private_services() -> Iterator[Tuple[str, str]]:
    """A private PostgreSQL database and Redis key prefix, removed afterwards: (database URL, prefix)."""
    name, prefix = f"guichet_load_{secrets.token_hex(4)}", f"guichetload{secrets.token_hex(4)}"
    admin = create_engine(f"{POSTGRES}/postgres", isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield f"{POSTGRES}/{name}", prefix
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
        keys = redis.Redis.from_url(REDIS)
        for key in keys.scan_iter(f"{prefix}:*"):
            keys.delete(key)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp, private_services() as (database, prefix):
        root = Path(tmp)
        catalogue = f"sqlite:///{root / 'catalogue.db'}"
        build(DEFAULT_DATA_DIR, catalogue)
        build(DEFAULT_DATA_DIR, database)
        profiles = [
            ("Guichet, 1 process (SQLite, in-memory locks)", root / "laptop", catalogue, None),
            (
                f"Guichet, {args.workers} Rasa + {args.workers} action processes (PostgreSQL, Redis)",
                root / "scaled",
                database,
                Deployment(
                    tracker_url=database,
                    lock_url=REDIS,
                    lock_prefix=prefix,
                    workers=args.workers,
                    action_workers=args.workers,
                ),
            ),
        ]
        for name, workdir, catalogue_url, deployment in profiles:
            workdir.mkdir()
            print(f"starting {name}...", flush=True)
            with running_assistant(workdir, catalogue_url=catalogue_url, deployment=deployment) as base:
                tally, elapsed = asyncio.run(load(base, GUICHET_SCRIPTS, args.clients, args.rounds, True))
                huge = asyncio.run(huge_message_delay(base))
            rows.append(row(name, tally, elapsed, huge))
            print(rows[-1], *tally.examples, sep="\n", flush=True)
        print("training the minimal assistant (rasa init)...", flush=True)
        (root / "minimal").mkdir()
        model = minimal_assistant(root / "minimal")
        port = free_port()
        with serving(
            [rasa_server_command(port, model)],
            [f"http://127.0.0.1:{port}/"],
            root / "minimal",
            {},
            cwd=root / "minimal",
        ):
            tally, elapsed = asyncio.run(
                load(f"http://127.0.0.1:{port}", MINIMAL_SCRIPTS, args.clients, args.rounds, False)
            )
        rows.append(row("minimal `rasa init` assistant, 1 process", tally, elapsed, None))
        print(rows[-1], *tally.examples, sep="\n", flush=True)
    print(f"\n{args.clients} concurrent clients, {args.rounds} conversations each\n")
    print(
        "| set-up | turns | turns/s | p50 ms | p95 ms | p99 ms | errors | wrong replies "
        "| 100 KB refusal ms | delay to another client ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(*rows, sep="\n")


if __name__ == "__main__":
    main()
