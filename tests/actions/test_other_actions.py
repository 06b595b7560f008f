"""Co-location, bundles, life events, outreach, follow-ups, handoff and language, as the action server runs them."""

from __future__ import annotations

import json

import pytest
from rasa_sdk.events import SlotSet

from actions.base import changes_only
from actions.bundle import ActionBundle
from actions.colocated import ActionColocated
from actions.find_office import ActionFindOffice
from actions.find_service import ActionFindService
from actions.handoff import ActionHumanHandoff
from actions.life_event import ActionLifeEvent
from actions.office_hours import ActionOfficeHours
from actions.outreach import ActionOutreach
from actions.service_detail import ActionServiceDetail
from actions.service_facts import ActionServiceFacts
from bot.handoff import MAX_NEW_PER_WINDOW, HandoffQueue

from .conftest import make_tracker, run_action


def test_whats_at_ottawa_city_hall_lists_both_governments() -> None:
    outcome = run_action(
        ActionColocated(), make_tracker("what's at Ottawa City Hall?", "ask_colocated", [("place", "Ottawa City Hall")])
    )
    lines = outcome.text.splitlines()
    assert lines[0] == "At Ottawa City Hall (110 Laurier Avenue West, Ottawa ON  K1P 1J1):"
    assert any("ServiceOntario (provincial)" in line and "health card" in line.lower() for line in lines)
    assert any("City of Ottawa (municipal)" in line and "Marriage licence" in line for line in lines)
    assert outcome.slot("last_location_id") == "ottawa-city-hall"


def test_the_service_canada_office_in_fort_mcmurray_is_that_office_with_its_week() -> None:
    outcome = run_action(
        ActionColocated(),
        make_tracker(
            "What can I do at the Service Canada office in Fort McMurray?",
            "ask_colocated",
            [("organization", "Service Canada"), ("place", "Fort McMurray")],
        ),
    )
    assert outcome.text.startswith("At Fort McMurray Service Canada Centre (8530 Manning Avenue")
    assert "(federal)" in outcome.text and "Social Insurance Number" in outcome.text
    assert "this week:" in outcome.text
    assert outcome.slot("last_location_id") == "sc-4825"


def test_anything_else_there_uses_the_last_office_in_french() -> None:
    outcome = run_action(
        ActionColocated(),
        make_tracker(
            "quoi d'autre là-bas?", "ask_colocated", slots={"last_location_id": "ottawa-city-hall", "language": "fr"}
        ),
    )
    assert outcome.text.startswith("À Hôtel de ville d'Ottawa") or outcome.text.startswith("À Hôtel de ville")
    assert "(provincial)" in outcome.text and "(municipal)" in outcome.text


def test_no_known_office_asks_which() -> None:
    outcome = run_action(ActionColocated(), make_tracker("what else can I do there?", "ask_colocated"))
    assert "Which office do you mean?" in outcome.text


def test_sin_at_the_same_time_shows_the_birth_bundles() -> None:
    outcome = run_action(
        ActionBundle(), make_tracker("can I apply for the SIN at the same time?", "ask_bundle", [("service", "SIN")])
    )
    assert "Newborn Registration Service" in outcome.text
    assert "Canada child benefit (CCB) applications" in outcome.text


def test_service_without_bundle_says_so() -> None:
    outcome = run_action(
        ActionBundle(), make_tracker("is there a bundle?", "ask_bundle", slots={"last_service_id": "gc-1242"})
    )
    assert outcome.text.startswith("Canadian Passport is not part of a combined application")


def test_i_just_had_a_baby_brings_the_birth_bundle() -> None:
    outcome = run_action(
        ActionLifeEvent(), make_tracker("I just had a baby", "life_event", [("life_event", "had a baby")])
    )
    text = outcome.text
    assert text.startswith("Having a baby: here is what you may need to do.")
    assert "Provision of a Social Insurance Number" in text and "Canada child benefit" in text
    assert "Newborn Registration Service" in text and "(ON)" in text
    assert "tell me your city or postal code" in text


def test_life_event_with_a_place_keeps_to_its_province() -> None:
    outcome = run_action(
        ActionLifeEvent(),
        make_tracker(
            "je viens d'avoir un bébé à Calgary",
            "life_event",
            [("life_event", "avoir un bébé"), ("place", "Calgary")],
            slots={"language": "fr"},
        ),
    )
    assert outcome.text.startswith("Avoir un bébé")
    assert "ServiceOntario" not in outcome.text and "(AB)" in outcome.text


def test_outreach_to_bella_coola() -> None:
    outcome = run_action(
        ActionOutreach(),
        make_tracker("does Service Canada come to Bella Coola?", "ask_outreach", [("place", "Bella Coola")]),
    )
    assert outcome.text.startswith("Outreach serving Bella Coola:")
    assert "Service Canada" in outcome.text


def test_outreach_lists_the_2016_wildfire_response_as_past() -> None:
    outcome = run_action(
        ActionOutreach(), make_tracker("any outreach in Fort McMurray?", "ask_outreach", [("place", "Fort McMurray")])
    )
    assert "(past)" in outcome.text and "2016" in outcome.text


def test_find_office_near_a_postal_code() -> None:
    outcome = run_action(
        ActionFindOffice(),
        make_tracker(
            "is there a Service Canada office near T9H 5G2?",
            "find_office",
            [("organization", "Service Canada"), ("postal_code", "T9H 5G2")],
        ),
    )
    assert "1. Fort McMurray Service Canada Centre" in outcome.text


def test_place_answer_goes_back_to_the_action_that_asked() -> None:
    asked = run_action(ActionFindOffice(), make_tracker("is there an office near me?", "find_office"))
    assert asked.slot("awaiting") == "find_office"
    answered = run_action(
        ActionFindService(),
        make_tracker("Kamloops", "inform", [("place", "Kamloops")], slots={"awaiting": "find_office"}),
    )
    assert "Nearest offices to Kamloops:" in answered.text


@pytest.mark.parametrize(
    "action,intent,expected",
    [
        (ActionOfficeHours, "ask_hours", "this week:"),
        (ActionServiceFacts, "ask_fees", "Fees for Canadian Passport"),
        (ActionServiceDetail, "ask_channels", "Canadian Passport is available: in person, by phone, by mail."),
        (ActionServiceFacts, "ask_documents", "Canadian Passport"),
    ],
)
def test_follow_ups_about_the_last_service_and_office(action: type, intent: str, expected: str) -> None:
    outcome = run_action(
        action(),
        make_tracker("and?", intent, slots={"last_service_id": "gc-1242", "last_location_id": "sc-5987"}),
    )
    assert expected in outcome.text


def test_a_place_alone_after_an_office_and_no_service_finds_offices_there() -> None:
    tracker = make_tracker("and Regina", "inform", [("place", "Regina")], slots={"last_location_id": "sc-5987"})
    assert "Nearest offices to Regina:" in run_action(ActionFindService(), tracker).text


def test_follow_up_without_context_asks_for_a_service() -> None:
    outcome = run_action(ActionServiceFacts(), make_tracker("how much does it cost?", "ask_fees"))
    assert "Which service do you mean?" in outcome.text


def test_handoff_files_the_conversation_with_a_reference(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("GUICHET_HANDOFF_URL", f"sqlite:///{tmp_path / 'handoff.db'}")
    events = [
        {"event": "user", "text": "I lost my SIN card", "input_channel": "rest"},
        {"event": "user", "text": "injected without a channel"},
        {"event": "bot", "text": "Sorry, I didn't get that."},
        {"event": "user", "text": "I want to talk to a person, call me at 613-555-0199", "input_channel": "rest"},
    ]
    tracker = make_tracker("I want to talk to a person", "human_handoff", events=events)
    outcome = run_action(ActionHumanHandoff(), tracker)
    queued = HandoffQueue().open_requests()
    assert len(queued) == 1
    assert queued[0]["reference"] in outcome.text and "1-800-622-6232" in outcome.text
    turns = json.loads(queued[0]["transcript"])
    assert turns[0] == {"who": "user", "text": "I lost my SIN card"}
    assert "injected without a channel" not in queued[0]["transcript"]
    assert turns[-1]["text"] == "I want to talk to a person, call me at [phone]"
    again = run_action(ActionHumanHandoff(), tracker)
    assert len(HandoffQueue().open_requests()) == 1 and queued[0]["reference"] in again.text


def test_handoff_intake_stops_at_its_limit_and_gives_the_phone_number(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("GUICHET_HANDOFF_URL", f"sqlite:///{tmp_path / 'handoff.db'}")
    queue = HandoffQueue()
    for n in range(MAX_NEW_PER_WINDOW):
        assert queue.file(f"conversation-{n}", "en", [])
    outcome = run_action(ActionHumanHandoff(), make_tracker("I want to talk to a person", "human_handoff"))
    assert len(queue.open_requests()) == MAX_NEW_PER_WINDOW
    assert "1-800-622-6232" in outcome.text and "reference" not in outcome.text


def test_a_services_own_phone_lines_are_shown_tty_included() -> None:
    outcome = run_action(
        ActionServiceDetail(),
        make_tracker("can I call instead?", "ask_channels", slots={"last_service_id": "on-health-card-renewal"}),
    )
    assert "TTY: 1-800-387-5559 (ServiceOntario health card TTY)" in outcome.text


def test_an_offices_phone_is_shown_with_what_it_is_for() -> None:
    outcome = run_action(
        ActionFindService(),
        make_tracker("SIN in Kingston", "find_service", [("service", "SIN"), ("place", "Kingston")]),
    )
    assert "Phone: 613-856-9022 (Appointments)" in outcome.text


def test_an_action_returns_only_the_slots_it_changes() -> None:
    tracker = make_tracker("and in Halifax?", "inform", slots={"awaiting": None, "last_place": "Kelowna"})
    events = [SlotSet("awaiting", None), SlotSet("last_place", "Moncton"), SlotSet("last_place", "Halifax")]
    assert changes_only(events, tracker) == [SlotSet("last_place", "Halifax")]


def test_asked_online_about_a_service_listed_without_it_says_so_and_points_to_its_page() -> None:
    tracker = make_tracker("can I renew it online?", "ask_channels", slots={"last_service_id": "gc-1242"})
    lines = run_action(ActionServiceDetail(), tracker).text.splitlines()
    assert lines[0].startswith("I have no online way listed for Canadian Passport; its page has the latest: https://")
    assert lines[1] == "Canadian Passport is available: in person, by phone, by mail."


def test_asked_online_about_a_service_offered_online_says_yes_and_keeps_it_under_discussion() -> None:
    text = "Can I get my SIN over the internet? I'm a new permanent resident in Kamloops."
    outcome = run_action(ActionServiceDetail(), make_tracker(text, "ask_channels", [("place", "Kamloops")]))
    assert outcome.text.startswith("Yes, you can do it online (Provision of a Social Insurance Number).")
    assert outcome.slot("last_service_id") == "gc-1292"
    # what happens after applying that way, from the catalogue's processing times for that way only
    assert "mailed within 20 business days" in outcome.text.splitlines()[1]


def test_asked_about_one_way_the_answer_gives_the_delay_that_way_only() -> None:
    slots = {"language": "fr", "last_service_id": "gc-1107"}
    online = run_action(
        ActionServiceDetail(), make_tracker("je peux faire la demande en ligne?", "ask_channels", slots=slots)
    )
    assert "Par Mon dossier" in online.text and "8 semaines" in online.text and "11 semaines" not in online.text
    both = run_action(ActionServiceDetail(), make_tracker("en ligne ou par la poste?", "ask_channels", slots=slots))
    assert "semaines" not in both.text  # two ways asked: the list of ways, no delay


def test_and_by_mail_after_a_processing_time_is_that_processing_time_by_mail() -> None:
    slots = {"language": "fr", "last_service_id": "gc-1107", "last_question": "processing_time"}
    text = run_action(ActionServiceDetail(), make_tracker("et par la poste?", "ask_channels", slots=slots)).text
    assert text.startswith("Délais de traitement pour") and "11 semaines" in text and "8 semaines" not in text


def test_a_story_ending_on_may_i_get_a_service_asks_who_qualifies_for_it() -> None:
    text = "I was let go from the warehouse in Regina last week because they cut staff, can I get EI?"
    tracker = make_tracker(text, "life_event", [("life_event", "let go"), ("place", "Regina"), ("service", "EI")])
    assert run_action(ActionLifeEvent(), tracker).text.startswith("Who may qualify for Employment Insurance")
    anything = make_tracker(
        "We just had twins in Halifax, can we get anything?", "life_event", [("life_event", "twins")]
    )
    assert run_action(ActionLifeEvent(), anything).text.startswith("Having a baby: here is what")


def test_a_question_about_another_service_inside_a_life_event_is_answered_for_that_service() -> None:
    text = "What papers do I need for my 7 year old son's passport? His mother and I are separated."
    tracker = make_tracker(text, "life_event", [("life_event", "separated"), ("service", "passport")])
    assert run_action(ActionLifeEvent(), tracker).text.startswith("What to bring or send for Canadian Passport")


def test_a_question_about_one_of_a_life_events_services_is_answered_for_it_there() -> None:
    text = "I just moved to Ottawa from Calgary. What do I need to swap my Alberta driver's licence?"
    tracker = make_tracker(text, "life_event", [("life_event", "moved"), ("place", "Ottawa"), ("place", "Calgary")])
    outcome = run_action(ActionLifeEvent(), tracker)
    assert outcome.text.startswith("What to bring or send for Exchange an out-of-province or foreign driver's licence")
    assert outcome.slot("last_service_id") == "on-drivers-licence-exchange"
    text = "My BC health card number is 9876 543 210 and I'm moving to Winnipeg. How long before Manitoba covers me?"
    outcome = run_action(ActionLifeEvent(), make_tracker(text, "life_event", [("place", "Winnipeg")]))
    assert outcome.text.startswith("Processing times for Manitoba Health Card")


def test_after_a_life_event_a_question_naming_no_service_may_be_about_another_of_its_services() -> None:
    slots = {"life_event": "Having a baby", "last_service_id": "gc-1292", "last_place": "Ottawa"}
    tracker = make_tracker("how long do we have to register her?", "ask_processing_time", slots=slots)
    assert run_action(ActionServiceFacts(), tracker).text.startswith("Processing times for Register a birth")
    slots = {"life_event": "Death of a family member", "last_service_id": "gc-7", "last_place": "Ottawa"}
    tracker = make_tracker("is there anything to help pay for the funeral?", "ask_fees", slots=slots)
    assert "$2,500" in run_action(ActionServiceFacts(), tracker).text


def test_how_to_apply_for_one_of_a_life_events_services_is_answered_for_it() -> None:
    text = "I'm turning 60 next month in Moncton. Can I sign up for my Canada Pension Plan without filling out paper?"
    outcome = run_action(ActionLifeEvent(), make_tracker(text, "life_event", [("place", "Moncton")]))
    assert outcome.text.startswith("Yes, you can do it online (Canada Pension Plan (CPP) Benefits).")


def test_whether_one_must_apply_for_one_of_a_life_events_services_gets_its_overview() -> None:
    text = "My mom turns 65 in March. Does she need to apply for Old Age Security or does it just start?"
    outcome = run_action(ActionLifeEvent(), make_tracker(text, "life_event", [("service", "Old Age Security")]))
    assert outcome.text.startswith("Old Age Security (OAS) Benefits")
    assert "enrols most people automatically" in outcome.text


def test_a_life_event_says_its_steps_before_the_services_that_take_them() -> None:
    outcome = run_action(ActionLifeEvent(), make_tracker("mon mari est décédé", "life_event", slots={"language": "fr"}))
    lines = outcome.text.splitlines()
    assert lines[0] == "Décès d'un proche : voici ce que vous pourriez avoir à faire."
    assert "pension de survivant et la prestation de décès" in lines[1]


def test_a_life_event_makes_its_first_service_the_one_follow_ups_ask_about() -> None:
    tracker = make_tracker("I got laid off last week", "life_event", slots={"last_question": "fees"})
    outcome = run_action(ActionLifeEvent(), tracker)
    first = outcome.text.splitlines()[2]
    assert "Employment Insurance" in first
    assert outcome.slot("last_service_id") == "gc-1003"
    assert outcome.slot("last_question") is None


def test_a_provincial_service_asked_for_a_province_gets_its_overview_not_where_are_you() -> None:
    tracker = make_tracker("where do I get a health card in Ontario", "find_service", [("service", "health card")])
    outcome = run_action(ActionFindService(), tracker)
    assert "OHIP" in outcome.text.splitlines()[0]
    assert "Where are you?" not in outcome.text
    assert "In person at ServiceOntario" in outcome.text
    assert outcome.slot("awaiting") == "place"


def test_a_province_said_now_beats_the_town_remembered() -> None:
    slots = {"last_service_id": "qc-health-card", "last_place": "Quebec", "last_request": "health card"}
    tracker = make_tracker("ok back to Ontario, what do I bring", "ask_documents", slots=slots)
    outcome = run_action(ActionServiceFacts(), tracker)
    assert "OHIP" in outcome.text.splitlines()[0]


def test_a_move_remembers_where_to_so_the_next_service_is_found_there() -> None:
    tracker = make_tracker("moving from Toronto to Halifax next month", "life_event", [("life_event", "moving")])
    assert run_action(ActionLifeEvent(), tracker).slot("last_place") == "Halifax"


def test_a_province_after_a_provincial_service_moves_it_there_not_near_the_remembered_town() -> None:
    slots = {"last_service_id": "qc-health-card", "last_place": "Quebec", "last_request": "health card"}
    tracker = make_tracker("et en Ontario?", "inform", slots={**slots, "language": "fr"})
    outcome = run_action(ActionFindService(), tracker)
    assert outcome.text.startswith("S'inscrire à l'Assurance-santé de l'Ontario")
    assert "En personne chez ServiceOntario" in outcome.text


def test_a_life_event_shows_only_the_bundles_of_the_services_it_lists() -> None:
    tracker = make_tracker("my dad passed away last week", "life_event", [("life_event", "passed away")])
    assert "One application covers several" not in run_action(ActionLifeEvent(), tracker).text


def test_a_request_naming_no_service_but_a_life_event_gets_the_life_event() -> None:
    text = "mon fils a une déficience intellectuelle, y a-tu de l'aide pour lui"
    outcome = run_action(ActionFindService(), make_tracker(text, "find_service", slots={"language": "fr"}))
    assert outcome.text.startswith("Vivre avec un handicap : voici ce que vous pourriez avoir à faire.")


def test_a_wedding_brings_no_birth_bundle() -> None:
    tracker = make_tracker("we are getting married in June", "life_event", [("life_event", "getting married")])
    assert "One application covers several" not in run_action(ActionLifeEvent(), tracker).text


def test_how_do_i_apply_after_a_life_event_gets_the_overview_of_its_first_service() -> None:
    tracker = make_tracker("how do I apply", "find_service", slots={"last_service_id": "gc-1003"})
    text = run_action(ActionFindService(), tracker).text
    assert text.startswith("Employment Insurance (EI) Benefits") and "Online: https://" in text
    assert "Where are you?" not in text


def test_a_town_after_a_life_event_that_asked_where_answers_that_event_there() -> None:
    asked = run_action(ActionLifeEvent(), make_tracker("we're adopting a 2 year old!", "life_event"))
    assert asked.slot("awaiting") == "life_event" and asked.slot("life_event") == "Having a baby"
    slots = {"awaiting": "life_event", "life_event": "Having a baby", "last_service_id": "gc-1003"}
    tracker = make_tracker("we live in Montreal btw", "inform", [("place", "Montreal")], slots=slots)
    text = run_action(ActionFindService(), tracker).text
    assert text.startswith("Having a baby: here is what you may need to do.")
    assert "Québec Parental Insurance Plan" in text


def test_another_provincial_service_after_one_of_a_province_is_that_provinces() -> None:
    slots = {"last_service_id": "on-drivers-licence-renewal"}
    tracker = make_tracker("what about my health card?", "find_service", [("service", "health card")], slots=slots)
    text = run_action(ActionFindService(), tracker).text
    assert "Ontario health card" in text and "Where do you live?" not in text


def test_where_to_go_naming_nothing_finds_the_service_under_discussion_near_the_town_remembered() -> None:
    slots = {"last_service_id": "gc-7", "last_place": "Winnipeg"}
    tracker = make_tracker("where can we go in person to do all this?", "find_service", slots=slots)
    text = run_action(ActionFindService(), tracker).text
    assert text.startswith("Canada Pension Plan (CPP) Benefits") and "Winnipeg MB" in text


def test_the_address_asked_after_an_offices_hours_is_that_offices() -> None:
    tracker = make_tracker(
        "c'est à quelle adresse?", "find_office", slots={"language": "fr", "last_location_id": "sc-2424"}
    )
    text = run_action(ActionFindOffice(), tracker).text
    assert text.startswith("Sept-Îles - Centre Service Canada") and "701, boulevard Laure" in text


def test_a_vague_word_naming_several_services_gives_way_to_the_life_event_the_message_names() -> None:
    text = "just landed in Toronto on a study permit, what government stuff should i sort out first"
    tracker = make_tracker(text, "find_service", [("place", "Toronto"), ("service", "permit")])
    assert run_action(ActionFindService(), tracker).text.startswith("Newcomer to Canada: here is what")


def test_asking_about_one_way_to_apply_gets_a_plain_yes_or_no_first() -> None:
    slots = {"language": "fr", "last_service_id": "gc-1242"}
    by_mail = make_tracker("Je peux-tu le renouveler par la poste?", "ask_channels", slots=slots)
    assert run_action(ActionServiceDetail(), by_mail).text.startswith(
        "Oui, vous pouvez le faire par la poste (Passeport canadien)."
    )
    by_phone = make_tracker("can I apply by phone?", "ask_channels", slots={"last_service_id": "gc-1107"})
    assert run_action(ActionServiceDetail(), by_phone).text.startswith(
        "I have no way by phone listed for Canada child benefit (CCB) applications"
    )
    both = make_tracker("can I do it online or in person?", "ask_channels", slots={"last_service_id": "gc-1242"})
    assert run_action(ActionServiceDetail(), both).text.startswith("Canadian Passport is available:")


def test_an_office_question_that_names_a_service_is_answered_for_that_service() -> None:
    text = "J'ai perdu ma carte d'assurance-maladie du Nouveau-Brunswick, comment la remplacer?"
    entities = [("service", "carte d'"), ("service", "assurance-maladie du Nouveau-Brunswick")]
    outcome = run_action(ActionFindOffice(), make_tracker(text, "find_office", entities, slots={"language": "fr"}))
    assert outcome.text.startswith("Inscription à l'Assurance-maladie du Nouveau-Brunswick")
    # A word the model took for a service that names none leaves the office question to the service discussed.
    slots = {"language": "fr", "last_service_id": "gc-1003", "last_place": "Shippagan"}
    text = "Y a-tu un bureau pas loin où quelqu'un pourrait m'aider avec la demande?"
    outcome = run_action(ActionFindOffice(), make_tracker(text, "find_office", [("service", "aider")], slots=slots))
    assert "Shippagan" in outcome.text and "Prestations d’assurance-emploi" in outcome.text


def test_the_town_or_neighbourhood_asked_for_names_its_own_offices_first() -> None:
    text = "Y a-tu un point de service de Service Canada à Saint-Boniface?"
    entities = [("organization", "Service Canada"), ("place", "Saint-Boniface")]
    winnipeg = run_action(ActionFindOffice(), make_tracker(text, "find_office", entities, slots={"language": "fr"}))
    assert winnipeg.text.split("\n")[1].startswith("1. Winnipeg St. Boniface - site de services mobiles réguliers")
    text = "Il est où le bureau de Service Canada à Lévis?"
    entities = [("organization", "Service Canada"), ("place", "Lévis")]
    levis = run_action(ActionFindOffice(), make_tracker(text, "find_office", entities, slots={"language": "fr"}))
    assert levis.text.split("\n")[1].startswith("1. Lévis - Centre Service Canada")


def test_and_in_another_town_after_an_office_is_that_kind_of_office_there_even_untagged() -> None:
    slots = {"language": "fr", "last_location_id": "sc-4123", "last_place": "Lévis", "organization": "Service Canada"}
    text = "Pis à Chicoutimi? Je vais être là-bas la semaine prochaine."
    outcome = run_action(ActionFindService(), make_tracker(text, "inform", slots=slots))
    assert "98, rue Racine Est" in outcome.text


def test_and_for_the_federal_government_after_a_life_event_lists_that_governments_part() -> None:
    slots = {"language": "fr", "life_event": "Moving to a new address or province", "last_place": "Trois-Rivières"}
    tracker = make_tracker("pis pour le fédéral?", "inform", [("jurisdiction_level", "federal")], slots=slots)
    outcome = run_action(ActionFindService(), tracker)
    assert "Agence du revenu du Canada" in outcome.text and "SAAQ" not in outcome.text


def test_a_word_of_a_life_event_the_model_took_for_a_service_is_the_event() -> None:
    text = "Avec ma sclérose en plaques, je peux plus travailler. Je reste à Saint-Jean-sur-Richelieu. Quelle aide?"
    entities = [("service", "plaques"), ("place", "Saint-Jean-sur-Richelieu")]
    outcome = run_action(ActionFindService(), make_tracker(text, "find_service", entities, slots={"language": "fr"}))
    assert outcome.text.startswith("Vivre avec un handicap")


def test_an_organization_with_a_town_a_province_and_filler_words_asks_for_its_offices() -> None:
    text = "I'm in Summerside, PEI. Where do I go for Service Canada stuff?"
    entities = [("place", "Summerside"), ("organization", "Service Canada")]
    outcome = run_action(ActionFindService(), make_tracker(text, "find_service", entities))
    assert "294 Church Street" in outcome.text


def test_a_request_too_long_for_one_name_is_read_clause_by_clause() -> None:
    text = "where can i get a passport in a hurry in calgary, my flight got moved up to next week"
    outcome = run_action(ActionFindService(), make_tracker(text, "find_service", [("place", "calgary")]))
    assert outcome.text.startswith("Urgent passport pick-up") and "Calgary Centre" in outcome.text


def test_asked_about_going_in_person_in_a_town_the_answer_says_yes_and_where() -> None:
    tracker = make_tracker(
        "can I pick it up in person in Ottawa?",
        "ask_channels",
        [("place", "Ottawa")],
        slots={"last_service_id": "on-birth-certificate"},
    )
    outcome = run_action(ActionServiceDetail(), tracker)
    assert outcome.text.startswith("Yes, you can do it in person (Get or replace an Ontario birth certificate).")
    assert "Nearest offices to Ottawa" in outcome.text and "Laurier" in outcome.text
    assert outcome.slot("last_location_id") is not None


def test_a_story_that_is_no_life_event_but_names_a_service_is_answered_for_the_service() -> None:
    text = "I'm having knee surgery next month and I'll be off for about 8 weeks. Is there EI for that?"
    outcome = run_action(ActionLifeEvent(), make_tracker(text, "life_event", [("service", "EI")]))
    assert "Who may qualify" in outcome.text and "life events such as" not in outcome.text
    assert outcome.slot("last_question") == "eligibility"


def test_the_organization_alone_in_lower_case_with_a_town_asks_for_its_offices() -> None:
    text = "where is service canada in yellowknife"
    tracker = make_tracker(text, "find_service", [("organization", "Service Canada"), ("place", "yellowknife")])
    outcome = run_action(ActionFindService(), tracker)
    assert "5101 50th" in outcome.text and "Several services" not in outcome.text
