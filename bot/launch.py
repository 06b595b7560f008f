"""Starting the real action server and Rasa server on free local ports, and talking to them over REST.

Used by the end-to-end tests and the latency benchmark, which both need the
servers exactly as `make run` starts them, but on private ports, databases and
tracker stores so they never disturb a running assistant.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import yaml

from bot.models import REPO_ROOT, latest_model

VENV_BIN = REPO_ROOT / ".venv" / "bin"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.5)
    raise RuntimeError(f"{url} not up after {seconds} s:\n{log.read_text()[-3000:]}")


@contextmanager
def serving(commands: List[List[str]], health_urls: List[str], workdir: Path, env: Dict[str, str],
            cwd: Path = REPO_ROOT) -> Iterator[None]:
    """Runs servers (started in order, each up before the next) for the duration of the block."""
    processes: List[subprocess.Popen] = []
    try:
        for index, (command, health) in enumerate(zip(commands, health_urls)):
            log = workdir / f"server-{index}.log"
            processes.append(subprocess.Popen(command, cwd=cwd, env={**os.environ, **env}, stdout=log.open("w"),
                                              stderr=subprocess.STDOUT))
            wait_until_up(health, processes[-1], log)
        yield
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def rasa_server_command(port: int, model: Path, endpoints: Optional[Path] = None,
                        credentials: Optional[Path] = None) -> List[str]:
    command = [str(VENV_BIN / "rasa"), "run", "--enable-api", "--port", str(port), "--model", str(model)]
    command += ["--endpoints", str(endpoints)] if endpoints else []
    return command + (["--credentials", str(credentials)] if credentials else [])


@contextmanager
def running_assistant(workdir: Path, catalogue_url: str, model: Optional[Path] = None) -> Iterator[str]:
    """Yields Guichet's Rasa server base URL while it and its action server run."""
    actions_port, rasa_port = free_port(), free_port()
    # The project's own endpoints, with this run's action server port and a private tracker database.
    config = yaml.safe_load((REPO_ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    config["action_endpoint"]["url"] = f"http://127.0.0.1:{actions_port}/webhook"
    config["tracker_store"]["db"] = str(workdir / "tracker.db")
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(yaml.safe_dump(config), encoding="utf-8")
    env = {"GUICHET_CATALOGUE_URL": catalogue_url, "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
           "RASA_TELEMETRY_ENABLED": "false",
           "GUICHET_HANDOFF_URL": f"sqlite:///{workdir / 'handoff.db'}"}
    commands = [[str(VENV_BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(actions_port)],
                rasa_server_command(rasa_port, model or latest_model(), endpoints, REPO_ROOT / "credentials.yml")]
    health = [f"http://127.0.0.1:{actions_port}/health", f"http://127.0.0.1:{rasa_port}/status"]
    with serving(commands, health, workdir, env):
        yield f"http://127.0.0.1:{rasa_port}"


def say(base_url: str, sender: str, text: str, metadata: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """One user message over the REST channel; returns the bot's messages."""
    body = json.dumps({"sender": sender, "message": text, "metadata": metadata or {}}).encode()
    request = urllib.request.Request(f"{base_url}/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def text_of(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)
