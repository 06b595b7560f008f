"""The service owners' report, computed from a seeded tracker store (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import csv
import re
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.insights.__main__ import main, report_for
from bot.insights.output import text, write_csv
from bot.insights.report import wording
from services_catalog.gaps import REVIEW_AFTER_DAYS

TODAY = date(2026, 12, 5)
NOON = datetime(2026, 12, 4, 12, tzinfo=timezone.utc).timestamp()
PERSONAL = re.compile(r"\d{3}[ -]?\d{3}[ -]?\d{3,4}|@\w")


def turn(
    text: str, intent: str, action: str, status: Optional[Dict[str, Any]] = None, lang: str = "en", at: float = NOON
) -> List[Event]:
    """One client turn as Rasa stores it: the message, the language check, the action and its events."""
    events: List[Event] = [
        UserUttered(text, intent={"name": intent, "confidence": 0.9}, timestamp=at),
        SlotSet("language", lang, timestamp=at),
        ActionExecuted(action, timestamp=at + 1),
        BotUttered("...", timestamp=at + 1),
    ]
    if status is not None:
        events.append(SlotSet("answer_status", {**status, "lang": lang}, timestamp=at + 1))
    return events + [ActionExecuted("action_listen", timestamp=at + 2)]


ANSWERED = {"status": "answered", "service": "gc-passport", "office": "sc-calgary", "province": "AB", "ref": "aa11"}
CONVERSATIONS: Dict[str, List[Event]] = {
    "calgary-passport": turn("passport in Calgary", "find_service", "action_find_service", ANSWERED)
    + turn("that helped", "feedback", "action_feedback", {**ANSWERED, "status": "feedback", "helpful": "yes"}),
    "unicorn-sin": turn(
        "my SIN is 046 454 286, I need a unicorn licence",
        "find_service",
        "action_find_service",
        {"status": "no_service"},
    ),
    "unicorn-again": turn("Unicorn licences?", "find_service", "action_find_service", {"status": "no_service"}),
    "dragon-fr": turn("permis de dragon", "find_service", "action_find_service", {"status": "no_service"}, "fr"),
    "iqaluit": turn(
        "driver's licence exchange in Iqaluit",
        "find_service",
        "action_find_service",
        {"status": "no_office", "service": "nu-licence", "province": "NU", "place": "Iqaluit", "ref": "bb22"},
    )
    + turn(
        "/feedback",
        "feedback",
        "action_feedback",
        {
            "status": "feedback",
            "helpful": "no",
            "service": "nu-licence",
            "province": "NU",
            "comment": "call me 613-555-0199",
        },
    ),
    "blorptown": turn("passport in Blorptown", "find_service", "action_find_service", {"status": "unknown_place"}),
    "weather": turn("what's the weather", "out_of_scope", "utter_out_of_scope")
    + turn("asdfgh", "nlu_fallback", "utter_ask_rephrase"),
    "person": turn("hello", "greet", "utter_greet")
    + turn(
        "I want a person, mail me at jo@example.com", "human_handoff", "action_human_handoff", {"status": "handoff"}
    ),
    "last-month": turn("passport", "find_service", "action_find_service", ANSWERED, at=NOON - 40 * 86400),
}


@pytest.fixture
def seeded(stores) -> str:
    store, url = stores
    for sender, events in CONVERSATIONS.items():
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    return url


def test_the_report_puts_each_turn_in_its_group(seeded: str) -> None:
    report = report_for(seeded, date(2026, 11, 20), date(2026, 12, 6), TODAY)
    assert report.conversations == 8 and report.turns == 12  # last month's conversation is outside the range
    assert report.by_language == {"en": 7, "fr": 1}
    assert report.by_province == {"unknown": 6, "AB": 1, "NU": 1}
    assert report.by_status == {
        "no_service": 3,
        "feedback": 2,
        "answered": 1,
        "no_office": 1,
        "unknown_place": 1,
        "out_of_scope": 1,
        "fallback": 1,
        "small_talk": 1,
        "handoff": 1,
    }
    unicorn, dragon = report.gaps["no_service"]
    assert (unicorn.key, unicorn.count, dragon.key, dragon.count) == (wording("unicorn licence"), 2, "dragon permis", 1)
    assert "services_catalog/data/national/synonyms.csv" in unicorn.fix.files
    (far,) = report.gaps["no_office"]
    assert (far.key, far.province, far.count) == ("Iqaluit", "NU", 1)
    assert "services_catalog/data/nunavut/locations.csv" in far.fix.files
    assert [g.key for g in report.gaps["unknown_place"]] == [wording("passport in Blorptown")]
    (rated,) = report.gaps["not_helpful"]
    assert (rated.key, rated.province, rated.count, rated.helpful) == ("nu-licence", "NU", 1, 0)
    assert report.answered_without_handoff == pytest.approx(1 / 8)  # only Calgary was answered, and no handoff there


def test_no_personal_data_reaches_the_report(seeded: str, tmp_path: Path) -> None:
    report = report_for(seeded, date(2026, 11, 20), date(2026, 12, 6), TODAY)
    write_csv(report, tmp_path / "insights.csv")
    printed = text(report, TODAY) + (tmp_path / "insights.csv").read_text()
    assert "unicorn" in printed and "call me" in printed  # the wording is there...
    assert not PERSONAL.search(printed), PERSONAL.search(printed)  # ...the SIN, phone and e-mail are not
    assert "046" not in printed and "example.com" not in printed


def test_stale_catalogue_rows_are_listed_with_their_file_and_line(seeded: str) -> None:
    report = report_for(seeded, None, None, TODAY)
    assert report.conversations == 9
    assert report.stale, "the committed catalogue has rows checked long ago"
    oldest = report.stale[0]
    assert oldest.age_days(TODAY) > REVIEW_AFTER_DAYS
    assert oldest.path.endswith(".csv") and oldest.line >= 2
    assert all(r.age_days(TODAY) > REVIEW_AFTER_DAYS for r in report.stale)


def test_the_command_writes_the_csv_plot_and_page(seeded: str, tmp_path: Path, capsys) -> None:
    assert main(["--tracker-url", seeded, "--since", "2026-11-20", "--out", str(tmp_path)]) == 0
    assert "Requests with no matching service" in capsys.readouterr().out
    rows = list(csv.DictReader((tmp_path / "insights.csv").open(encoding="utf-8")))
    assert {r["kind"] for r in rows} >= {"no_service", "no_office", "unknown_place", "not_helpful", "stale_row"}
    assert (tmp_path / "insights.png").stat().st_size > 10_000
    assert "insights.png" in (tmp_path / "insights.html").read_text()
