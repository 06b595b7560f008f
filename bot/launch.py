"""Starting the real action server and Rasa server, and talking to them over REST.

`python -m bot.launch` is what `make run` starts (ports and host from bot.settings, state under
build/). The end-to-end tests and the benchmarks start the very same servers through
`running_assistant`, on free ports with a private tracker store, handoff queue and signing key, so
they never disturb a running assistant.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import yaml

from bot import settings
from bot.deployment import Deployment
from bot.guard import MAX_BODY_BYTES
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
def serving(
    commands: List[List[str]], health_urls: List[str], workdir: Path, env: Dict[str, str], cwd: Path = REPO_ROOT
) -> Iterator[List[subprocess.Popen]]:
    """Runs servers (started in order, each up before the next) for the duration of the block.

    Each server leads a process group of its own, so stopping it stops its worker processes too.
    """
    processes: List[subprocess.Popen] = []
    try:
        for index, (command, health) in enumerate(zip(commands, health_urls)):
            log = workdir / f"server-{index}.log"
            processes.append(
                subprocess.Popen(
                    command,
                    cwd=cwd,
                    env={**os.environ, **env},
                    stdout=log.open("a"),
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
            wait_until_up(health, processes[-1], log)
        yield processes
    finally:
        for process in processes:
            stop(process)


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Stops a server started by `serving` and its workers; SIGKILL when it does not stop within 20 s."""
    try:
        os.killpg(process.pid, sig)
        process.wait(timeout=20)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def rasa_server_command(
    port: int,
    model: Path,
    endpoints: Optional[Path] = None,
    credentials: Optional[Path] = None,
    host: str = "127.0.0.1",
) -> List[str]:
    command = [str(VENV_BIN / "rasa"), "run", "--interface", host, "--port", str(port), "--model", str(model)]
    command += ["--endpoints", str(endpoints)] if endpoints else []
    return command + (["--credentials", str(credentials)] if credentials else [])


def rasa_environment(workdir: Path, catalogue_url: Optional[str], deployment: Deployment) -> Dict[str, str]:
    """What both servers need in their environment; the signing key and handoff queue live in workdir.

    The signing key is created here, before any server starts, so that several processes never race
    to create different ones.
    """
    secret = Path(settings.get("GUICHET_SECRET_FILE", str(workdir / "secret.key")))
    settings.secret_key(secret)
    env = {
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "RASA_TELEMETRY_ENABLED": "false",
        "SANIC_HOST": "127.0.0.1",  # the action server: loopback only, whatever GUICHET_HOST says
        "SANIC_REQUEST_MAX_SIZE": str(MAX_BODY_BYTES),  # Sanic answers 413 to larger bodies before reading them
        "GUICHET_HANDOFF_URL": settings.get("GUICHET_HANDOFF_URL", f"sqlite:///{workdir / 'handoff.db'}"),
        "GUICHET_SECRET_FILE": str(secret),
        **deployment.environment(),
        # Live handoff: both servers need them (the action server gives the queue place, Rasa serves staff).
        **{
            name: settings.get(name, "")
            for name in ("GUICHET_STAFF_TOKEN", "GUICHET_STAFF_HOURS")
            if settings.get(name, "")
        },
    }
    return {**env, "GUICHET_CATALOGUE_URL": catalogue_url} if catalogue_url else env


@dataclass
class Running:
    """A started assistant: its base URL and its two servers (action server, Rasa), for fault tests."""

    url: str
    actions: subprocess.Popen
    rasa: subprocess.Popen


@contextmanager
def running_assistant(workdir: Path, **options: Any) -> Iterator[str]:
    """Yields Guichet's Rasa server base URL while it and its action server run (see started_assistant)."""
    with started_assistant(workdir, **options) as running:
        yield running.url


@contextmanager
def started_assistant(
    workdir: Path,
    catalogue_url: Optional[str] = None,
    model: Optional[Path] = None,
    host: str = "127.0.0.1",
    port: Optional[int] = None,
    actions_port: Optional[int] = None,
    cors: Optional[List[str]] = None,
    deployment: Optional[Deployment] = None,
) -> Iterator[Running]:
    """Runs Guichet's action server and Rasa server for the duration of the block.

    This is how `make run` starts Guichet too (`python -m bot.launch`), so the end-to-end tests check
    the servers exactly as they are deployed: bound to `host` (loopback unless GUICHET_HOST says
    otherwise), the action server always on loopback, Rasa's HTTP API only with GUICHET_API_TOKEN.
    `deployment` says where conversations and locks live and how many processes run (default: SQLite
    in workdir, in-memory locks, one process each).
    """
    deployment = deployment or Deployment(tracker_url=f"sqlite:///{workdir / 'tracker.db'}")
    actions_port, rasa_port = actions_port or free_port(), port or free_port()
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(
        yaml.safe_dump(deployment.endpoints(f"http://127.0.0.1:{actions_port}/webhook")), encoding="utf-8"
    )
    rasa = rasa_server_command(rasa_port, model or latest_model(), endpoints, REPO_ROOT / "credentials.yml", host)
    rasa += ["--cors", *cors] if cors else []
    token = settings.get("GUICHET_API_TOKEN", "")
    rasa += ["--enable-api", "--auth-token", token] if token else []
    commands = [[str(VENV_BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(actions_port)], rasa]
    health = [f"http://127.0.0.1:{actions_port}/health", f"http://127.0.0.1:{rasa_port}/webhooks/rest/"]
    with serving(commands, health, workdir, rasa_environment(workdir, catalogue_url, deployment)) as (actions, server):
        yield Running(f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{rasa_port}", actions, server)


def say(
    base_url: str, sender: Optional[str], text: str, metadata: Optional[Dict[str, Any]] = None
) -> List[Dict[str, Any]]:
    """One user message over the REST channel; returns the bot's messages.

    Guichet issues conversation ids: a sender it did not issue starts a new conversation, whose id is
    each reply's recipient_id (see Conversation).
    """
    body = json.dumps({"sender": sender, "message": text, "metadata": metadata or {}}).encode()
    request = urllib.request.Request(
        f"{base_url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


class Conversation:
    """One client's conversation over REST: keeps the id the server issued on the first turn."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.sender: Optional[str] = None

    def say(self, text: str, metadata: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        messages = say(self.base_url, self.sender, text, metadata)
        self.sender = messages[0]["recipient_id"] if messages else self.sender
        return messages


def text_of(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def main() -> None:
    """`make run`: Guichet on GUICHET_HOST:GUICHET_PORT until interrupted."""
    port = int(settings.get("GUICHET_PORT", "5005"))
    host = settings.get("GUICHET_HOST", "127.0.0.1")
    cors = settings.get("GUICHET_CORS", f"http://localhost:{port} http://127.0.0.1:{port}").split()
    workdir = REPO_ROOT / "build"
    workdir.mkdir(exist_ok=True)
    api = "on (token from GUICHET_API_TOKEN)" if settings.get("GUICHET_API_TOKEN", "") else "off"
    staff = "(credential: GUICHET_STAFF_TOKEN)" if settings.staff_token() else "off (set GUICHET_STAFF_TOKEN)"
    print("Guichet is starting (model loading takes a few seconds)...", flush=True)
    deployment = Deployment.from_settings(workdir)
    with running_assistant(workdir, host=host, port=port, actions_port=5055, cors=cors, deployment=deployment) as url:
        print(
            f"""Guichet is up:
  web page      {url}/web/   (français : {url}/web/fr/)
  REST webhook  POST {url}/webhooks/rest/webhook  {{"message": "hello"}}  (then "sender": the reply's recipient_id)
  socket.io     {url}/socket.io
  staff page    {url}/web/staff/  {staff}
  Rasa HTTP API {api}
  processes     {deployment.workers} Rasa, {deployment.action_workers} action server; conversations in {deployment.tracker_url.split("://")[0]}
  logs          {workdir}/server-0.log (actions), {workdir}/server-1.log (Rasa)
Ctrl-C stops it.""",
            flush=True,
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
