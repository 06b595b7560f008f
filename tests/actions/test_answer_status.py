"""Every action turn records what it achieved, and substantive answers can be rated."""

from __future__ import annotations

from typing import Any, Dict, List

from actions.feedback import ActionFeedback
from actions.find_office import ActionFindOffice
from actions.find_service import ActionFindService
from actions.handoff import ActionHumanHandoff
from actions.life_event import ActionLifeEvent

from .conftest import make_tracker, run_action


def payloads(message: Dict[str, Any]) -> List[str]:
    return [b["payload"] for b in message.get("buttons") or []]


def test_an_answer_records_its_service_office_and_province_and_offers_a_vote() -> None:
    outcome = run_action(
        ActionFindService(),
        make_tracker("passport in Calgary", "find_service", [("service", "passport"), ("place", "Calgary")]),
    )
    status = outcome.slot("answer_status")
    assert status["status"] == "answered" and status["province"] == "AB" and status["place"] == "Calgary"
    assert status["service"] == outcome.slot("last_service_id") and status["office"] == outcome.slot("last_location_id")
    yes, no = payloads(outcome.messages[-1])
    assert yes == f'/feedback{{"helpful":"yes","answer_ref":"{status["ref"]}"}}'
    assert no == f'/feedback{{"helpful":"no","answer_ref":"{status["ref"]}"}}'
    assert [b["title"] for b in outcome.messages[-1]["buttons"]] == ["Yes, this helped", "No, this did not help"]


def test_no_matching_service_is_recorded_and_rated_in_french() -> None:
    outcome = run_action(
        ActionFindService(),
        make_tracker(
            "permis de dompteur de licornes",
            "find_service",
            [("service", "permis de dompteur de licornes")],
            slots={"language": "fr"},
        ),
    )
    assert outcome.slot("answer_status")["status"] == "no_service"
    assert "Oui, cela m'a aidé" in [b["title"] for b in outcome.messages[-1]["buttons"]]


def test_a_place_without_an_office_within_reach_records_the_province() -> None:
    outcome = run_action(
        ActionFindOffice(),
        make_tracker("any Service Canada office near Grise Fiord?", "find_office", [("place", "Grise Fiord")]),
    )
    status = outcome.slot("answer_status")  # the nearest office named is Pond Inlet's, about 440 km away
    assert (status["status"], status["province"], status["place"]) == ("no_office", "NU", "Grise Fiord")
    assert "Pond Inlet" in outcome.text


def test_an_unknown_place_and_a_question_back_are_told_apart() -> None:
    unknown = run_action(
        ActionFindService(),
        make_tracker("passport in Blorptown", "find_service", [("service", "passport"), ("place", "Blorptown")]),
    )
    assert unknown.slot("answer_status")["status"] == "unknown_place"
    asked = run_action(
        ActionFindService(), make_tracker("where can I get a passport?", "find_service", [("service", "passport")])
    )
    assert asked.slot("answer_status")["status"] == "asked"
    assert not any(payloads(m) for m in asked.messages)  # a question is not an answer to rate


def test_an_unknown_life_event_is_a_request_with_no_service() -> None:
    outcome = run_action(ActionLifeEvent(), make_tracker("my unicorn ran away", "life_event"))
    assert outcome.slot("answer_status")["status"] == "no_service"


def test_handoff_is_recorded(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GUICHET_HANDOFF_URL", f"sqlite:///{tmp_path / 'handoff.db'}")
    outcome = run_action(ActionHumanHandoff(), make_tracker("I want a person", "human_handoff"))
    assert outcome.slot("answer_status")["status"] == "handoff"


def previous_answer(ref: str, service: str) -> List[Dict[str, Any]]:
    value = {"status": "answered", "service": service, "province": "AB", "ref": ref, "lang": "en"}
    return [{"event": "slot", "name": "answer_status", "value": value}]


def test_a_vote_is_filed_against_the_answer_it_names_with_the_comment_masked() -> None:
    events = previous_answer("aaaa1111", "gc-first") + previous_answer("bbbb2222", "gc-second")
    outcome = run_action(
        ActionFeedback(),
        make_tracker(
            '/feedback{"helpful":"no","answer_ref":"aaaa1111"}',
            "feedback",
            [("helpful", "no"), ("answer_ref", "aaaa1111")],
            metadata={"feedback_comment": "I wanted the fee; my SIN is 046 454 286"},
            events=events,
        ),
    )
    status = outcome.slot("answer_status")
    assert status["status"] == "feedback" and status["helpful"] == "no"
    assert status["service"] == "gc-first" and status["answer_ref"] == "aaaa1111" and status["rated"] == "answered"
    assert "I wanted the fee" in status["comment"] and "046" not in status["comment"]
    assert "Thank you for telling me" in outcome.text


def test_a_typed_vote_is_about_the_latest_answer_in_french() -> None:
    events = previous_answer("aaaa1111", "gc-first") + previous_answer("bbbb2222", "gc-second")
    outcome = run_action(
        ActionFeedback(),
        make_tracker("très utile", "feedback", [("helpful", "yes")], slots={"language": "fr"}, events=events),
    )
    status = outcome.slot("answer_status")
    assert (status["service"], status["helpful"], status["lang"]) == ("gc-second", "yes", "fr")
    assert outcome.text.startswith("Merci")
