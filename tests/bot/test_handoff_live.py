"""The live handoff queue (bot/handoff.py) and staff hours (bot/staff_hours.py), on SQLite and PostgreSQL.

The queue is what the client is told ("number 2 in line, about 12 min") and what the contact centre
audits later, so positions, the wait estimate and the recorded steps are checked against figures
worked out by hand.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterator, List

import pytest

from bot import handoff, staff_hours
from bot.handoff import DEFAULT_HANDLING_MINUTES, HandoffQueue, main, staff_name
from bot.retention import purge_handoffs
from bot.staff_socket import token_matches

START = datetime(2026, 11, 23, 14, 0, tzinfo=timezone.utc)  # a Monday, 09:00 in Toronto


class Clock:
    """bot.handoff's `now`, moved by hand so waits and handling times are known exactly."""

    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        return self.at

    def advance(self, minutes: float) -> None:
        self.at += timedelta(minutes=minutes)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(handoff, "now", fake)
    return fake


@pytest.fixture(params=["sqlite", "postgresql"])
def queue_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'handoff.db'}"
    else:
        make: Callable[[str], str] = request.getfixturevalue("postgres_database")
        yield make("handoff")


def steps_of(queue: HandoffQueue, reference: str) -> List[tuple]:
    return [(s["step"], s["actor"], s["text"]) for s in queue.steps(reference)]


def test_positions_follow_the_order_of_arrival_and_move_up(queue_url: str, clock: Clock) -> None:
    queue = HandoffQueue(queue_url)
    references = []
    for n in range(3):
        references.append(queue.file(f"conversation-{n}", "en", [{"who": "user", "text": "a person please"}]))
        clock.advance(0.5)
    first, second, third = references
    assert [queue.position(r) for r in references] == [1, 2, 3]
    assert queue.take(first, "Alex")
    assert [queue.position(r) for r in references] == [None, 1, 2]
    assert queue.close(second, "Alex")
    assert queue.position(third) == 1 and queue.position(second) is None


def test_asking_again_while_waiting_or_taken_gives_the_same_reference(queue_url: str, clock: Clock) -> None:
    queue = HandoffQueue(queue_url)
    reference = queue.file("conversation", "fr", [])
    assert queue.file("conversation", "fr", []) == reference
    assert queue.take(reference, "Alex")
    assert queue.file("conversation", "fr", []) == reference
    assert queue.hand_back(reference, "Alex")
    again = queue.file("conversation", "fr", [])  # back with the bot: a new request if they ask again
    assert again and again != reference


def test_wait_is_position_times_the_recent_average_handling_time(queue_url: str, clock: Clock) -> None:
    queue = HandoffQueue(queue_url)
    assert queue.handling_minutes() == DEFAULT_HANDLING_MINUTES
    assert queue.wait_minutes(2) == 12  # 2 x the default 6 minutes, before any conversation was handled
    short, long = queue.file("a", "en", []), queue.file("b", "en", [])
    queue.take(short, "Alex")
    clock.advance(4)
    queue.close(short, "Alex")  # 4 minutes
    queue.take(long, "Sam")
    clock.advance(10)
    queue.hand_back(long, "Sam")  # 10 minutes
    assert queue.handling_minutes() == pytest.approx(7.0)
    assert queue.wait_minutes(1) == 7 and queue.wait_minutes(3) == 21
    clock.advance(60 * 24 * 8)  # a week later those takeovers no longer say how busy staff are
    assert queue.handling_minutes() == DEFAULT_HANDLING_MINUTES
    assert queue.wait_minutes(1, handling=0.2) == 1  # never "0 minutes"


def test_take_hand_back_and_close_are_recorded_with_masked_messages(queue_url: str, clock: Clock) -> None:
    queue = HandoffQueue(queue_url)
    transcript = [{"who": "user", "text": "my SIN is 046 454 286, I need a person"}]
    reference = queue.file("client-1", "en", transcript, province="AB")
    assert "046 454 286" not in queue.request(reference)["transcript"]
    assert queue.take(reference, "Alex")
    assert not queue.take(reference, "Sam"), "a conversation is taken once"
    assert queue.taken_by(reference) == "Alex"
    assert queue.live_request("client-1")["status"] == "taken"
    queue.record(reference, "client", "client", "call me at 613-555-0199")
    queue.record(reference, "staff", "Alex", "Write to me at alex@example.org")
    assert queue.hand_back(reference, "Alex")
    assert not queue.hand_back(reference, "Alex")
    assert queue.live_request("client-1") is None
    assert steps_of(queue, reference) == [
        ("filed", "client", "AB"),
        ("taken", "Alex", ""),
        ("client", "client", "call me at [phone]"),
        ("staff", "Alex", "Write to me at [e-mail]"),
        ("returned", "Alex", ""),
    ]
    times = [s["at"] for s in queue.steps(reference)]
    assert times == sorted(times) and all(t.endswith("+00:00") for t in times)

    waiting = queue.file("client-2", "fr", [])
    assert queue.close(waiting, "Sam") and queue.request(waiting)["status"] == "closed"
    assert [s[0] for s in steps_of(queue, waiting)] == ["filed", "closed"]


def test_the_board_shows_waiting_and_taken_conversations_oldest_first(queue_url: str, clock: Clock) -> None:
    queue = HandoffQueue(queue_url)
    first = queue.file("client-1", "en", [{"who": "user", "text": "<b>agent</b>"}], province="ON")
    clock.advance(1)
    second = queue.file("client-2", "fr", [])
    clock.advance(1)
    done = queue.file("client-3", "en", [])
    queue.take(second, "Alex")
    queue.close(done)
    board = queue.board()
    assert [(r["reference"], r["status"], r["taken_by"], r["province"]) for r in board] == [
        (first, "open", "", "ON"),
        (second, "taken", "Alex", ""),
    ]
    assert board[0]["transcript"] == [{"who": "user", "text": "<b>agent</b>"}]  # the page escapes it, not the store


def test_the_command_line_still_lists_and_closes(queue_url: str, clock: Clock, monkeypatch, capsys) -> None:
    monkeypatch.setenv("GUICHET_HANDOFF_URL", queue_url)
    queue = HandoffQueue(queue_url)
    reference = queue.file("client", "en", [{"who": "user", "text": "hello\x1b[2J"}])
    assert main(["list"]) == 0
    listed = capsys.readouterr().out
    assert reference in listed and "\\x1b" in listed and "\x1b" not in listed
    assert main(["close", reference]) == 0
    assert main(["close", "G-NOSUCH"]) == 1
    assert [s[:2] for s in steps_of(queue, reference)] == [("filed", "client"), ("closed", "command line")]


def test_retention_purges_the_steps_with_their_request(tmp_path: Path, clock: Clock) -> None:
    url = f"sqlite:///{tmp_path / 'handoff.db'}"
    queue = HandoffQueue(url)
    old = queue.file("old", "en", [])
    queue.take(old, "Alex")
    clock.advance(60 * 24 * 40)
    recent = queue.file("recent", "en", [])
    assert purge_handoffs(url, 30, now=clock.at) == 1
    assert queue.steps(old) == [] and len(queue.steps(recent)) == 1


# ---- staff hours -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "moment, is_open",
    [
        (datetime(2026, 11, 23, 13, 30, tzinfo=timezone.utc), True),  # Monday 08:30 EST: opening
        (datetime(2026, 11, 23, 13, 29, tzinfo=timezone.utc), False),  # 08:29
        (datetime(2026, 11, 23, 21, 29, tzinfo=timezone.utc), True),  # 16:29
        (datetime(2026, 11, 23, 21, 30, tzinfo=timezone.utc), False),  # 16:30: closed
        (datetime(2026, 11, 28, 15, 0, tzinfo=timezone.utc), False),  # Saturday
        (datetime(2026, 7, 13, 12, 30, tzinfo=timezone.utc), True),  # Monday 08:30 EDT (daylight saving time)
        (datetime(2026, 7, 13, 20, 45, tzinfo=timezone.utc), False),  # 16:45 EDT
    ],
)
def test_default_staff_hours_are_weekdays_in_toronto(moment: datetime, is_open: bool) -> None:
    assert staff_hours.open_now(moment, "Mon-Fri 08:30-16:30 America/Toronto") is is_open


def test_staff_hours_spellings() -> None:
    saturday_noon = datetime(2026, 11, 28, 17, 0, tzinfo=timezone.utc)
    assert staff_hours.open_now(saturday_noon, "always") and not staff_hours.open_now(saturday_noon, "never")
    assert staff_hours.open_now(saturday_noon, "Sat,Sun 9:00-17:00 America/Vancouver")
    assert staff_hours.open_now(saturday_noon, "Fri-Mon 08:00-20:00 America/Halifax")  # a range across Sunday
    assert not staff_hours.open_now(saturday_noon, "Mon,Wed 08:00-20:00 America/Halifax")
    for wrong in ("weekdays 9-5", "Mon-Fri 17:00-09:00 America/Toronto", "Mon-Fry 08:30-16:30 America/Toronto"):
        with pytest.raises(ValueError):
            staff_hours.parse(wrong)


def test_live_handoff_needs_a_staff_credential(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUICHET_STAFF_HOURS", "always")
    monkeypatch.delenv("GUICHET_STAFF_TOKEN", raising=False)
    assert not staff_hours.live_handoff_on() and not token_matches("")
    monkeypatch.setenv("GUICHET_STAFF_TOKEN", "s3cret-token")
    assert staff_hours.live_handoff_on()
    assert token_matches("s3cret-token")
    assert not token_matches("s3cret-toke") and not token_matches(None) and not token_matches("é")
    monkeypatch.setenv("GUICHET_STAFF_HOURS", "never")
    assert not staff_hours.live_handoff_on()


def test_staff_names_are_one_short_line_of_text() -> None:
    assert staff_name("  Alex\n\tT.  ") == "Alex T."
    assert staff_name("Sam\x1b[31m\u202e") == "Sam[31m"  # no terminal escapes, no hidden reordering
    assert len(staff_name("x" * 500)) == 40
    assert staff_name(None) == "" and staff_name(json.dumps({"a": 1})) == '{"a": 1}'


def test_the_handoff_action_tells_the_place_in_line_or_the_phone_line(monkeypatch, tmp_path: Path) -> None:
    from actions.handoff import ActionHumanHandoff
    from tests.actions.conftest import make_tracker, run_action

    monkeypatch.setenv("GUICHET_HANDOFF_URL", f"sqlite:///{tmp_path / 'handoff.db'}")
    monkeypatch.setenv("GUICHET_STAFF_TOKEN", "s3cret")
    monkeypatch.setenv("GUICHET_STAFF_HOURS", "always")
    HandoffQueue().file("someone-before", "en", [])
    asking = make_tracker("I want to talk to a person", "human_handoff", slots={"place": "Moncton"})
    outcome = run_action(ActionHumanHandoff(), asking)
    reference = HandoffQueue().live_request("test-user")["reference"]
    assert f"reference {reference}" in outcome.text and "number 2 in line" in outcome.text
    assert "about 12 min" in outcome.text and "1-800-622-6232" in outcome.text
    assert HandoffQueue().board()[1]["province"] == "NB"  # from the place the client gave

    monkeypatch.setenv("GUICHET_STAFF_HOURS", "never")
    french = make_tracker("Je veux parler à une personne", "human_handoff", slots={"language": "fr"})
    outcome = run_action(ActionHumanHandoff(), french)
    assert "Aucun agent ne peut clavarder" in outcome.text and reference in outcome.text
    assert "1-800-622-6232" in outcome.text and "ATS 1-800-926-9105" in outcome.text
