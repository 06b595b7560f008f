"""The assistant as an attacker and a careless client meet it: closed admin routes, loopback only,
server-issued conversation ids, bad input refused with a clear status, personal data never stored."""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Tuple

import pytest
import yaml

from bot.handoff import HandoffQueue
from bot.launch import Conversation, say, text_of

SIN = "130 692 544"


def request(
    base: str, path: str, body: Optional[bytes] = None, method: str = "POST", content_type: str = "application/json"
) -> Tuple[int, str]:
    req = urllib.request.Request(base + path, data=body, method=method, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


def listening_addresses(port: int) -> Set[str]:
    """Local addresses (hex, as the kernel lists them) with a socket listening on `port`."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/conversations/anyone/tracker"),
        ("POST", "/conversations/anyone/tracker/events"),
        ("DELETE", "/model"),
        ("PUT", "/model"),
        ("POST", "/model/train"),
        ("GET", "/status"),
        ("POST", "/conversations/anyone/execute"),
    ],
)
def test_no_admin_route_answers_without_a_credential(assistant: str, method: str, path: str) -> None:
    status, _ = request(assistant, path, b"{}" if method in ("POST", "PUT") else None, method)
    assert status in (401, 403, 404, 405)


def test_both_servers_listen_on_loopback_only(served: Tuple[str, Path]) -> None:
    base, workdir = served
    config = yaml.safe_load((workdir / "endpoints.yml").read_text())
    actions_port = int(config["action_endpoint"]["url"].split(":")[2].split("/")[0])
    for port in (int(base.rsplit(":", 1)[1]), actions_port):
        addresses = listening_addresses(port)
        assert addresses and addresses <= {"0100007F", "00000000000000000000000001000000"}, (port, addresses)


def test_the_server_issues_conversation_ids(assistant: str) -> None:
    mine = Conversation(assistant)
    mine.say("where can I renew my passport in Kelowna?")
    assert mine.sender and "." in mine.sender
    forged = mine.sender[:-1] + ("y" if mine.sender.endswith("x") else "x")  # the issued id may end in "x"
    for claimed in ("default", "", None, mine.sender.split(".")[0], forged):
        replies = say(assistant, claimed, "what are its hours?")
        assert replies[0]["recipient_id"] not in (claimed, mine.sender)
        assert "Kelowna" not in text_of(replies)  # a stranger never gets the client's context
    assert "Kelowna" in text_of(mine.say("what are its hours?"))


@pytest.mark.parametrize(
    "body, content_type, status",
    [
        (b"", "application/json", 400),
        (b"not json", "application/json", 400),
        (b"[1, 2]", "application/json", 400),
        (b'{"sender": "x"}', "application/json", 400),
        (b'{"message": ["a"]}', "application/json", 400),
        (b'{"message": "hello"}', "text/plain", 415),
        (b"message=hello", "application/x-www-form-urlencoded", 415),
    ],
)
def test_bad_bodies_get_a_clear_status_never_500(assistant: str, body: bytes, content_type: str, status: int) -> None:
    got, text = request(assistant, "/webhooks/rest/webhook", body, content_type=content_type)
    assert got == status and "error" in json.loads(text)


def test_a_body_over_the_size_limit_is_refused_before_it_is_read(assistant: str) -> None:
    body = json.dumps({"message": "x" * 1_000_000}).encode()  # four times the limit
    try:
        status, _ = request(assistant, "/webhooks/rest/webhook", body)
    except (ConnectionError, urllib.error.URLError):
        return  # Sanic may close the connection while the body is still being sent: refused either way
    assert status == 413


def test_a_100_kb_message_gets_a_polite_refusal_without_an_echo(assistant: str) -> None:
    long = "where can I get a passport " * 3800
    answer = text_of(say(assistant, None, long[:100_000]))
    assert "too long" in answer and "limit is 1000" in answer and len(answer) < 300
    french = text_of(say(assistant, None, ("où puis-je obtenir un passeport " * 3200)[:100_000]))
    assert "trop long" in french and len(french) < 300


def test_typed_commands_are_refused_and_offered_buttons_work(served: Tuple[str, Path]) -> None:
    assistant, workdir = served
    stranger = Conversation(assistant)
    assert "can't use that command" in text_of(stranger.say("/human_handoff"))
    assert "can't use that command" in text_of(stranger.say('/inform{"place": "' + "x" * 500 + '"}'))
    queued = HandoffQueue(f"sqlite:///{workdir / 'handoff.db'}").open_requests()
    assert not any(q["sender_id"] == stranger.sender for q in queued)
    client = Conversation(assistant)
    replies = client.say("firearms licence")
    buttons: List[Dict[str, Any]] = [b for m in replies for b in m.get("buttons") or []]
    assert buttons and all("#g" in b["payload"] for b in buttons if b["payload"].startswith("/"))
    answer = text_of(client.say(buttons[0]["payload"]))
    assert answer and "can't use that command" not in answer


def test_personal_data_never_reaches_the_tracker_store_or_the_logs(served: Tuple[str, Path]) -> None:
    assistant, workdir = served
    client = Conversation(assistant)
    answer = text_of(client.say(f"my SIN is {SIN}, my email is jo@example.ca, I need a passport in Calgary"))
    assert SIN not in answer and "jo@example.ca" not in answer
    client.say("I want to talk to a person, call me at 613-555-0199")
    with sqlite3.connect(workdir / "tracker.db") as db:
        stored = "\n".join(row[0] for row in db.execute("SELECT data FROM events"))
    assert "[SIN]" in stored
    for secret in (SIN, SIN.replace(" ", ""), "jo@example.ca", "613-555-0199"):
        assert secret not in stored
        for log in workdir.glob("*.log"):
            assert secret not in log.read_text(errors="replace"), log.name
    queued = HandoffQueue(f"sqlite:///{workdir / 'handoff.db'}").open_requests()
    assert queued and not any(SIN in q["transcript"] or "613-555-0199" in q["transcript"] for q in queued)
