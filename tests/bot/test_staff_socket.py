"""The `/staff` namespace (bot/staff_socket.py) against a recording socket.io server: who may connect,
what the client's widget receives, and that the bot is bypassed only while staff hold the conversation.
The same flow runs end to end in a real browser in tests/browser/test_handoff.py."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import pytest
from socketio.exceptions import ConnectionRefusedError

from bot.handoff import HandoffQueue
from bot.staff_socket import STAFF_NAMESPACE, STATUS_EVENT, LiveHandoff

TOKEN = "correct horse battery staple"


class RecordingServer:
    """Just enough of python-socketio's AsyncServer: handlers by namespace, and every emit recorded."""

    def __init__(self) -> None:
        self.handlers: Dict[Tuple[str, str], Callable] = {}
        self.emitted: List[Tuple[str, Any, str, str]] = []  # (event, data, room, namespace)
        self.rooms: List[Tuple[str, str]] = []

    def on(self, event: str, namespace: str = "/") -> Callable:
        def register(handler: Callable) -> Callable:
            self.handlers[(namespace, event)] = handler
            return handler

        return register

    async def emit(
        self, event: str, data: Any, room: str, namespace: str = "/", skip_sid: Optional[str] = None
    ) -> None:
        self.emitted.append((event, data, room, namespace))

    async def enter_room(self, sid: str, room: str, namespace: str = "/") -> None:
        self.rooms.append((sid, room))

    async def close_room(self, room: str, namespace: str = "/") -> None:
        pass

    def start_background_task(self, target: Callable) -> None:
        pass  # the poll is not needed: every staff action refreshes at once

    def to_client(self, room: str) -> List[Tuple[str, Any]]:
        return [(event, data) for event, data, to, namespace in self.emitted if to == room and namespace == "/"]


@pytest.fixture
def live(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Tuple[LiveHandoff, RecordingServer, HandoffQueue]:
    monkeypatch.setenv("GUICHET_STAFF_TOKEN", TOKEN)
    monkeypatch.setenv("GUICHET_STAFF_HOURS", "always")
    server, queue = RecordingServer(), HandoffQueue(f"sqlite:///{tmp_path / 'handoff.db'}")
    handoff = LiveHandoff(server, "/", "bot_uttered", lambda origin: origin == "http://localhost:5005", queue)
    handoff.attach()
    return handoff, server, queue


def call(server: RecordingServer, event: str, *args: Any) -> Any:
    return asyncio.run(server.handlers[(STAFF_NAMESPACE, event)](*args))


def connect(server: RecordingServer, sid: str, auth: Any, origin: str = "http://localhost:5005") -> Any:
    return call(server, "connect", sid, {"HTTP_ORIGIN": origin, "REMOTE_ADDR": "127.0.0.1"}, auth)


def test_staff_connect_only_with_the_credential_and_a_name(live, monkeypatch: pytest.MonkeyPatch) -> None:
    _, server, _ = live
    for auth in (None, {}, {"token": "wrong", "name": "A"}, {"token": TOKEN.upper(), "name": "A"}):
        with pytest.raises(ConnectionRefusedError):
            connect(server, "s1", auth)
    with pytest.raises(ConnectionRefusedError):
        connect(server, "s1", {"token": TOKEN, "name": " \n "})
    assert connect(server, "s1", {"token": TOKEN, "name": "Alex"}, origin="http://evil.example") is False
    assert connect(server, "s1", {"token": TOKEN, "name": "Alex"}) is True
    monkeypatch.delenv("GUICHET_STAFF_TOKEN")
    with pytest.raises(ConnectionRefusedError, match="off"):
        connect(server, "s2", {"token": "", "name": "Alex"})


def test_take_reply_and_hand_back_reach_the_client(live) -> None:
    handoff, server, queue = live
    reference = queue.file("client-room", "fr", [{"who": "user", "text": "Je veux parler à une personne"}], "QC")
    assert not asyncio.run(handoff.client_message("client-room", "encore là?")), "waiting: the bot still answers"
    connect(server, "staff-1", {"token": TOKEN, "name": "Alex"})
    board = call(server, "refresh", "staff-1")["board"]
    assert [(r["reference"], r["province"]) for r in board] == [(reference, "QC")]
    assert "sender_id" not in board[0], "a conversation id is a credential: staff never see it"

    taken = call(server, "take", "staff-1", {"reference": reference})
    assert taken["ok"] and taken["conversation"]["transcript"][0]["text"] == "Je veux parler à une personne"
    said = server.to_client("client-room")
    assert ("bot_uttered", {"text": "Alex, un agent, s'est joint à la conversation et vous répondra ici."}) in said
    assert (STATUS_EVENT, {"state": "taken", "reference": reference, "staff": "Alex"}) in said

    connect(server, "staff-2", {"token": TOKEN, "name": "Sam"})
    assert call(server, "take", "staff-2", {"reference": reference}) == {
        "ok": False,
        "error": "not_waiting",
        "taken_by": "Alex",
    }
    assert call(server, "send", "staff-2", {"reference": reference, "text": "hi"})["ok"] is False, "not Sam's"

    assert call(server, "send", "staff-1", {"reference": reference, "text": "Bonjour\u202e, je suis Alex."})["ok"]
    assert ("bot_uttered", {"text": "Bonjour , je suis Alex.", "staff": "Alex"}) in server.to_client("client-room")

    assert asyncio.run(handoff.client_message("client-room", "mon NAS est [SIN]"))
    forwarded = [d for e, d, room, ns in server.emitted if e == "said" and ns == STAFF_NAMESPACE]
    assert forwarded[-1]["text"] == "mon NAS est [SIN]" and forwarded[-1]["who"] == "client"

    assert call(server, "hand_back", "staff-1", {"reference": reference})["ok"]
    assert server.to_client("client-room")[-1] == (STATUS_EVENT, {"state": "ended", "reference": reference})
    assert not asyncio.run(handoff.client_message("client-room", "passeport")), "back with the bot"
    assert [s["step"] for s in queue.steps(reference)] == ["filed", "taken", "staff", "client", "returned"]


def test_waiting_clients_are_told_their_place_when_it_changes(live) -> None:
    handoff, server, queue = live
    first, second = queue.file("room-1", "en", []), queue.file("room-2", "en", [])
    asyncio.run(handoff.refresh())
    assert server.to_client("room-2")[-1][1] == {
        "state": "waiting",
        "reference": second,
        "position": 2,
        "wait_minutes": 12,
    }
    pushed = len(server.emitted)
    asyncio.run(handoff.refresh())
    assert len(server.emitted) == pushed, "nothing changed: nothing sent"
    queue.close(first)
    asyncio.run(handoff.refresh())
    assert server.to_client("room-2")[-1][1]["position"] == 1
