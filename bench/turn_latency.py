"""Latency of a full find-service-near-a-place turn, beside a minimal `rasa init` assistant.

Both assistants run at once on this machine and are asked in alternation, so
machine noise hits both alike; the figure that matters is the ratio of Guichet's
p95 to the minimal assistant's. The minimal one is made on the fly with
`rasa init --no-prompt` (which trains its model) in a temporary folder.

    .venv/bin/python -m bench.turn_latency [--turns 200]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from typing import List

from bot.launch import VENV_BIN, free_port, rasa_server_command, running_assistant, say, serving
from services_catalog.build import build
from services_catalog.csv_source import DEFAULT_DATA_DIR

GUICHET_TURN = "where can I renew my passport in Kelowna?"
MINIMAL_TURN = "hello"


def minimal_assistant(folder: Path) -> Path:
    subprocess.run(
        [str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(folder)],
        check=True,
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return next((folder / "models").glob("*.tar.gz"))


def timed(base_url: str, text: str) -> float:
    started = time.perf_counter()
    answer = say(base_url, uuid.uuid4().hex, text)
    elapsed = time.perf_counter() - started
    assert answer, f"no answer from {base_url} to {text!r}"
    return elapsed


def summary(samples: List[float]) -> str:
    ordered = sorted(samples)
    return (
        f"p50 {statistics.median(ordered) * 1000:7.1f} ms  p95 {ordered[int(0.95 * (len(ordered) - 1))] * 1000:7.1f} ms"
    )


def p95(samples: List[float]) -> float:
    return sorted(samples)[int(0.95 * (len(samples) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--turns", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "minimal").mkdir()
        print("training the minimal assistant (rasa init)...", flush=True)
        minimal_model = minimal_assistant(root / "minimal")
        url = f"sqlite:///{root / 'catalogue.db'}"
        build(DEFAULT_DATA_DIR, url)
        minimal_port = free_port()
        with (
            running_assistant(root, catalogue_url=url) as guichet,
            serving(
                [rasa_server_command(minimal_port, minimal_model)],
                [f"http://127.0.0.1:{minimal_port}/"],
                root / "minimal",
                {},
                cwd=root / "minimal",
            ),
        ):
            minimal = f"http://127.0.0.1:{minimal_port}"
            for _ in range(5):  # warm-up: first turns load lazily built indexes
                timed(guichet, GUICHET_TURN), timed(minimal, MINIMAL_TURN)
            ours: List[float] = []
            theirs: List[float] = []
            for _ in range(args.turns):
                ours.append(timed(guichet, GUICHET_TURN))
                theirs.append(timed(minimal, MINIMAL_TURN))
    print(f"Guichet  ({GUICHET_TURN!r}): {summary(ours)}")
    print(f"minimal  ({MINIMAL_TURN!r}): {summary(theirs)}")
    print(f"p95 ratio Guichet / minimal: {p95(ours) / p95(theirs):.2f} over {args.turns} turns each")


if __name__ == "__main__":
    main()
