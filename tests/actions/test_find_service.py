"""action_find_service: the service, its government, the nearest offices, alternatives and context."""

from __future__ import annotations

import pytest

from actions.find_service import ActionFindService

from .conftest import make_tracker, run_action


def test_passport_in_kelowna_names_service_government_and_offices() -> None:
    outcome = run_action(
        ActionFindService(),
        make_tracker(
            "where can I renew my passport in Kelowna?", "find_service", [("service", "passport"), ("place", "Kelowna")]
        ),
    )
    text = outcome.text
    assert text.startswith("Canadian Passport — Employment and Social Development Canada (federal)")
    assert "Nearest offices to Kelowna BC:" in text
    assert "1. Kelowna Service Canada Centre" in text and "Kelowna BC  V1Y" in text
    assert outcome.slot("last_service_id") == "gc-1242"
    assert outcome.slot("last_location_id").startswith("sc-")
    assert outcome.slot("last_place") == "Kelowna"


def test_french_question_gets_a_french_answer() -> None:
    outcome = run_action(
        ActionFindService(),
        make_tracker(
            "Où puis-je obtenir un numéro d'assurance sociale à Edmonton?",
            "find_service",
            [("service", "numéro d'assurance sociale"), ("place", "Edmonton")],
            slots={"language": "fr"},
        ),
    )
    assert "Bureaux les plus proches de Edmonton AB :" in outcome.text
    assert "Aujourd'hui" in outcome.text or "Heures" in outcome.text
    assert outcome.slot("last_service_id") == "gc-1292"


def test_missing_place_is_asked_for_and_remembered() -> None:
    asked = run_action(
        ActionFindService(), make_tracker("where do I go for a SIN?", "find_service", [("service", "SIN")])
    )
    assert "Where are you?" in asked.text
    assert asked.slot("awaiting") == "place" and asked.slot("last_service_id") == "gc-1292"

    answered = run_action(
        ActionFindService(),
        make_tracker("Calgary", "inform", slots={"awaiting": "place", "last_service_id": "gc-1292"}),
    )
    assert "Nearest offices to Calgary AB:" in answered.text
    assert answered.text.count("Calgary AB") >= 3


@pytest.mark.parametrize(
    "text,service,lang",
    [
        ("tell me about old age security", "old age security", "en"),
        ("la sécurité de la vieillesse, c'est quoi?", "sécurité de la vieillesse", "fr"),
    ],
)
def test_a_service_named_without_a_where_gets_an_overview_then_offices(text: str, service: str, lang: str) -> None:
    outcome = run_action(
        ActionFindService(), make_tracker(text, "find_service", [("service", service)], slots={"language": lang})
    )
    assert "65" in outcome.text and "canada.ca" in outcome.text  # who may qualify, with its source
    assert ("tell me your city" if lang == "en" else "donnez-moi votre ville") in outcome.text
    assert outcome.slot("awaiting") == "place" and outcome.slot("last_service_id") == "gc-1001"


def test_how_to_apply_gives_the_ways_to_apply_first_and_offers_offices() -> None:
    asked = run_action(ActionFindService(), make_tracker("how do I apply for EI?", "find_service", [("service", "EI")]))
    assert "Online: https://" in asked.text and "Where are you?" not in asked.text
    assert "tell me your city or postal code" in asked.text
    assert asked.slot("awaiting") == "place" and asked.slot("answer_status")["status"] == "answered"
    french = run_action(
        ActionFindService(),
        make_tracker(
            "comment faire une demande de pension de la Sécurité de la vieillesse?",
            "find_service",
            [("service", "Sécurité de la vieillesse")],
            slots={"language": "fr"},
        ),
    )
    assert "En ligne : https://" in french.text and "code postal" in french.text


def test_and_in_edmonton_reuses_the_last_service() -> None:
    outcome = run_action(
        ActionFindService(),
        make_tracker(
            "and in Edmonton?",
            "inform",
            [("place", "Edmonton")],
            slots={"last_service_id": "gc-1242", "last_place": "Kelowna"},
        ),
    )
    assert outcome.text.startswith("Canadian Passport")
    assert "Nearest offices to Edmonton AB:" in outcome.text


def test_missing_service_is_asked_for() -> None:
    outcome = run_action(ActionFindService(), make_tracker("where can I go?", "find_service"))
    assert "Which service are you looking for?" in outcome.text
    assert outcome.slot("awaiting") == "service"


def test_unknown_service_says_so_and_gives_the_general_line() -> None:
    outcome = run_action(
        ActionFindService(),
        make_tracker("unicorn grooming permit", "find_service", [("service", "unicorn grooming permit")]),
    )
    assert "couldn't find a government service" in outcome.text and "1-800-622-6232" in outcome.text


def test_a_request_the_model_tagged_as_a_place_is_read_as_the_service_asked_for() -> None:
    unknown = run_action(
        ActionFindService(),
        make_tracker("where can I get a unicorn licence?", "find_service", [("place", "unicorn licence")]),
    )
    assert '"unicorn licence"' in unknown.text and unknown.slot("answer_status")["status"] == "no_service"
    known = run_action(
        ActionFindService(), make_tracker("where can I get a health card?", "find_service", [("place", "health card")])
    )
    assert "health card" in known.text and known.slot("answer_status")["status"] == "asked"  # "Where are you?"
    town = run_action(
        ActionFindService(), make_tracker("passport in Zzyzxville", "find_service", [("place", "Zzyzxville")])
    )
    assert town.slot("answer_status")["status"] == "unknown_place"
    untagged = run_action(
        ActionFindService(),
        make_tracker("where can I renew my passport in Quuxburg?", "find_service", [("service", "passport")]),
    )
    assert '"Quuxburg"' in untagged.text and untagged.slot("answer_status")["status"] == "unknown_place"


def test_unknown_place_is_explained() -> None:
    outcome = run_action(
        ActionFindService(),
        make_tracker("passport in Atlantis", "find_service", [("service", "passport"), ("place", "Atlantis")]),
    )
    assert 'I don\'t know the place "Atlantis"' in outcome.text
    assert outcome.slot("awaiting") == "place"


def test_provincial_service_without_a_place_asks_where_the_client_lives() -> None:
    outcome = run_action(
        ActionFindService(), make_tracker("marriage licence", "find_service", [("service", "marriage licence")])
    )
    assert "Where do you live?" in outcome.text
    assert not outcome.messages[0].get("buttons")
    assert outcome.slot("awaiting") == "place"
    assert outcome.slot("last_request") == "marriage licence"


def test_the_answer_to_where_do_you_live_gets_that_provinces_service() -> None:
    asked = run_action(
        ActionFindService(), make_tracker("marriage licence", "find_service", [("service", "marriage licence")])
    )
    outcome = run_action(
        ActionFindService(),
        make_tracker(
            "Ottawa",
            "inform",
            [("place", "Ottawa")],
            slots={
                "awaiting": "place",
                "last_request": asked.slot("last_request"),
                "last_service_id": asked.slot("last_service_id"),
            },
        ),
    )
    assert outcome.text.startswith("Marriage licence (City of Ottawa) — City of Ottawa (municipal)")


def test_button_payload_with_an_id_picks_that_service() -> None:
    outcome = run_action(
        ActionFindService(),
        make_tracker(
            '/find_service{"service":"ottawa-marriage-licence"}',
            "find_service",
            [("service", "ottawa-marriage-licence")],
            slots={"last_place": "Ottawa"},
        ),
    )
    assert "1. Ottawa City Hall" in outcome.text


def test_colocated_services_of_other_governments_are_mentioned() -> None:
    outcome = run_action(
        ActionFindService(),
        make_tracker(
            "marriage licence in Ottawa", "find_service", [("service", "marriage licence"), ("place", "Ottawa")]
        ),
    )
    assert "1. Ottawa City Hall" in outcome.text
    assert "Also at Ottawa City Hall:" in outcome.text


def test_service_without_counter_gives_online_and_phone() -> None:
    outcome = run_action(
        ActionFindService(), make_tracker("canada child benefit", "find_service", [("service", "canada child benefit")])
    )
    assert "not offered in person" in outcome.text and "Online: https://" in outcome.text


def test_catalogue_unavailable_keeps_the_conversation_going(monkeypatch, tmp_path) -> None:
    from services_catalog import catalogue as module

    monkeypatch.setattr(module, "_shared", module.Catalogue(f"sqlite:///{tmp_path / 'missing.db'}"))
    outcome = run_action(ActionFindService(), make_tracker("passport", "find_service", [("service", "passport")]))
    assert "directory is unavailable" in outcome.text
    assert [e["name"] for e in outcome.events] == ["answer_status"]  # no context is changed
    assert outcome.slot("answer_status") == {"status": "unavailable", "lang": "en"}


def test_a_name_tagged_in_pieces_is_read_whole() -> None:
    outcome = run_action(
        ActionFindService(),
        make_tracker(
            "my mother wants Old Age Security in Calgary",
            "find_service",
            [("service", "mother"), ("service", "Old Age Security"), ("place", "Calgary")],
        ),
    )
    assert outcome.text.startswith("Old Age Security (OAS) Benefits")
    assert outcome.slot("last_service_id") == "gc-1001"


def test_a_service_the_model_did_not_tag_is_found_in_the_message() -> None:
    outcome = run_action(
        ActionFindService(),
        make_tracker(
            "where do I get a Wildlife Identification Number in Red Deer", "find_service", [("place", "Red Deer")]
        ),
    )
    assert outcome.slot("last_service_id") == "ab-hunting-licence", outcome.text
    assert "Red Deer" in outcome.text


def test_the_personal_data_names_the_service_when_nothing_else_does() -> None:
    text = "my health card number is [health-card-number], how do I renew it in Ontario?"
    outcome = run_action(ActionFindService(), make_tracker(text, "find_service"))
    assert outcome.text.startswith("Renew or replace an Ontario health card")
    assert "[health-card-number]" not in outcome.text


def test_data_mentioned_beside_a_request_names_nothing() -> None:
    text = "my SIN is [SIN] and I need a passport in Calgary"
    outcome = run_action(ActionFindService(), make_tracker(text, "find_service", [("service", "passport")]))
    assert outcome.text.startswith("Canadian Passport") and "[SIN]" not in outcome.text


def test_the_data_names_the_service_when_the_other_words_find_none() -> None:
    text = "mon numéro de passeport est [passport-number], il expire en mars, comment le renouveler?"
    outcome = run_action(ActionFindService(), make_tracker(text, "find_service", slots={"language": "fr"}))
    assert outcome.text.startswith("Passeport canadien")


def test_a_service_we_do_not_know_is_not_replaced_by_the_data_mentioned() -> None:
    text = "my SIN is [SIN] and I need a unicorn licence"
    outcome = run_action(ActionFindService(), make_tracker(text, "find_service", [("service", "unicorn licence")]))
    assert "unicorn licence" in outcome.text and outcome.slot("answer_status")["status"] == "no_service"


def test_a_place_after_a_federal_services_facts_asks_for_its_offices_there() -> None:
    slots = {"last_service_id": "gc-1242", "last_question": "documents"}
    outcome = run_action(
        ActionFindService(), make_tracker("and in Regina?", "inform", [("place", "Regina")], slots=slots)
    )
    assert "Nearest offices to Regina" in outcome.text


def test_a_town_called_for_short_is_the_one_named_before() -> None:
    """Drummond (New Brunswick) exists, but after Drummondville "le bureau à Drummond" is Drummondville's."""
    tracker = make_tracker(
        "c'est où le bureau à Drummond?",
        "find_office",
        [("place", "Drummond")],
        slots={"language": "fr", "last_service_id": "gc-1003", "last_place": "Drummondville"},
    )
    outcome = run_action(ActionFindService(), tracker)
    assert "Drummondville QC" in outcome.text and "NB" not in outcome.text
