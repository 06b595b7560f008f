"""Issue 11's acceptance: after a scripted session of 50 conversations with the real servers, the
service owners' report puts each of them in the right group and holds no personal data.

A private assistant (its own tracker store) so that the figures are exactly this session's.
"""

from __future__ import annotations

import csv
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import pytest

from bot.insights.__main__ import report_for
from bot.insights.output import text, write_csv
from bot.insights.report import Report
from bot.launch import Conversation, running_assistant
from services_catalog.catalogue import Catalogue

# (first message, vote on the answer: None, "yes" or "no", comment sent with a "no")
Script = Tuple[str, Optional[str], str]
ANSWERED: List[Script] = [
    ("where can I renew my passport in Kelowna?", "yes", ""),
    ("where can I get a SIN in Winnipeg?", None, ""),
    ("where can I renew my passport in Calgary?", None, ""),
    ("where do I apply for employment insurance in Edmonton?", None, ""),
    ("where can I get a passport in Halifax?", "yes", ""),
    ("où renouveler mon passeport à Gatineau?", "yes", ""),
    ("où obtenir un numéro d'assurance sociale à Laval?", None, ""),
    ("where can I renew my passport in Toronto?", None, ""),
    ("where can I get a SIN in Regina?", None, ""),
    ("where can I renew my passport in Victoria?", None, ""),
    ("where can I get a SIN in Moncton?", None, ""),
    ("où obtenir un passeport à Québec?", None, ""),
    ("where can I renew my passport in Saskatoon?", None, ""),
    ("where can I get a SIN in St. John's?", None, ""),
    ("where can I renew my passport in Kamloops?", None, ""),
    ("where can I get a SIN in Sudbury?", None, ""),
    ("où renouveler mon passeport à Laval?", None, ""),
    ("where can I renew my passport in Red Deer?", None, ""),
    ("where can I get a SIN in Fredericton?", None, ""),
]
NOT_HELPFUL: List[Script] = [
    ("where can I renew my passport in Ottawa?", "no", "I wanted the fee, call me at 613-555-0199"),
    ("where can I get a SIN in Montreal?", "no", "write to jo.client@example.com please"),
    ("where can I renew my passport in Vancouver?", "no", "my SIN is 046 454 286, is that enough?"),
    ("où renouveler mon passeport à Sherbrooke?", "no", "je voulais les heures"),
    ("where can I get a SIN in Charlottetown?", "no", ""),
    ("where can I renew my passport in Winnipeg?", "no", "too far"),
]
NO_SERVICE: List[Script] = [
    ("where can I get a unicorn licence?", None, ""),
    ("I need a unicorn licence", None, ""),
    ("my SIN is 046 454 286 and I need a unicorn licence", None, ""),
    ("where can I get a dragon permit?", None, ""),
    ("I need a dragon permit", None, ""),
    ("où obtenir un permis de licorne?", None, ""),
    ("où puis-je obtenir un permis de licorne?", None, ""),
    ("where can I get a time machine licence?", None, ""),
]
UNKNOWN_PLACE: List[Script] = [
    ("where can I renew my passport in Blorptown?", None, ""),
    ("where can I get a SIN in Blorptown?", None, ""),
    ("where can I get a passport in Zzyzxville?", None, ""),
    ("où renouveler mon passeport à Plouckville?", None, ""),
    ("where can I get a SIN in Quuxburg?", None, ""),
    ("where can I renew my passport in Quuxburg?", None, ""),
]
NO_OFFICE: List[Script] = [
    ("is there a Service Canada office near Grise Fiord?", "no", "nothing close to us"),
    ("is there a Service Canada office near Resolute?", None, ""),
    ("any government office near Grise Fiord?", None, ""),
    ("is there a Service Canada office near Resolute Bay?", None, ""),
    ("y a-t-il un bureau de Service Canada près de Grise Fiord?", None, ""),
]
OTHER: List[Script] = [
    ("what's the weather tomorrow?", None, ""),
    ("tell me a joke about cats", None, ""),
    ("who will win the hockey game tonight?", None, ""),
    ("hello", None, ""),
    ("quel temps fera-t-il demain?", None, ""),
]
PERSONAL_DATA = "my email is jo.client@example.com and my phone 613-555-0199"
HANDOFF = "I want to talk to a person"
FRENCH = re.compile(r"^(où|y a-t-il|quel|je)\b")
PERSONAL = re.compile(r"\d{3}[ -]?\d{3}[ -]?\d{3,4}|[\w.]+@[\w.]+|046")


@pytest.fixture(scope="module")
def session(real_catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tuple[Report, str]]:
    """The 50 conversations, then the report of the day and its text and CSV export."""
    workdir: Path = tmp_path_factory.mktemp("insights")
    with running_assistant(workdir, catalogue_url=real_catalogue.url) as url:
        scripts = ANSWERED + NOT_HELPFUL + NO_SERVICE + UNKNOWN_PLACE + NO_OFFICE + OTHER
        for first, vote, comment in scripts:
            conversation = Conversation(url)
            replies = conversation.say(first)
            if vote:
                buttons = {b["payload"].split('"')[3]: b["payload"] for m in replies for b in m.get("buttons") or []}
                conversation.say(buttons[vote], {"feedback_comment": comment} if comment else None)
        person = Conversation(url)
        person.say("where can I renew my passport in Calgary?")
        person.say(PERSONAL_DATA)
        person.say(HANDOFF)
        assert len(scripts) + 1 == 50
    today = datetime.now(timezone.utc).date()
    report = report_for(
        f"sqlite:///{workdir / 'tracker.db'}", today - timedelta(days=1), today + timedelta(days=1), today
    )
    write_csv(report, workdir / "insights.csv")
    yield report, text(report, today) + (workdir / "insights.csv").read_text(encoding="utf-8")


def test_every_conversation_is_counted_by_language(session) -> None:
    report, _ = session
    assert report.conversations == 50
    fr = sum(
        1
        for group in (ANSWERED, NOT_HELPFUL, NO_SERVICE, UNKNOWN_PLACE, NO_OFFICE, OTHER)
        for s in group
        if s[0][:2] in ("où", "y ", "qu")
    )
    assert report.by_language == {"en": 50 - fr, "fr": fr}


def test_requests_with_no_service_are_grouped_by_wording(session) -> None:
    report, _ = session
    groups: Dict[str, int] = {g.key: g.count for g in report.gaps["no_service"]}
    assert sum(groups.values()) == len(NO_SERVICE), groups
    assert groups[max(groups, key=lambda k: ("unicorn" in k, groups[k]))] >= 3  # the three unicorn requests together


def test_unknown_places_and_places_without_an_office(session) -> None:
    report, _ = session
    assert sum(g.count for g in report.gaps["unknown_place"]) == len(UNKNOWN_PLACE)
    far = report.gaps["no_office"]
    assert sum(g.count for g in far) == len(NO_OFFICE) and {g.province for g in far} == {"NU"}
    assert all("services_catalog/data/nunavut/locations.csv" in g.fix.files for g in far)


def test_not_helpful_votes_are_counted_per_service(session) -> None:
    report, _ = session
    assert sum(g.count for g in report.gaps["not_helpful"]) == len(NOT_HELPFUL) + 1  # + the Grise Fiord vote
    assert report.by_status["feedback"] == len(NOT_HELPFUL) + 1 + sum(1 for s in ANSWERED if s[1])


def test_the_handoff_and_the_share_answered_without_one(session) -> None:
    report, _ = session
    assert report.by_status["handoff"] == 1
    answered = len(ANSWERED) + len(NOT_HELPFUL)  # the client with the handoff was answered first, and not counted
    assert report.answered_without_handoff == pytest.approx(answered / 50)


def test_no_sin_phone_or_email_anywhere_in_the_report(session) -> None:
    _, everything = session
    assert "I wanted the fee" in everything and "unicorn" in everything
    assert not PERSONAL.search(everything), PERSONAL.search(everything)
    rows = list(csv.reader(everything.splitlines()))
    assert rows, "the CSV export is part of what was checked"
