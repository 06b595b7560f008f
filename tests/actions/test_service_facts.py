"""Documents, fees, processing times and the eligibility quick check (action_service_facts)."""

from __future__ import annotations

import json

import pytest

from actions.service_facts import ActionServiceFacts, money

from .conftest import make_tracker, run_action

OAS = "gc-1001"


def ask(text: str, intent: str, entities=(), slots: dict | None = None, lang: str = "en"):
    return run_action(
        ActionServiceFacts(), make_tracker(text, intent, entities, slots={"language": lang, **(slots or {})})
    )


def test_amounts_are_written_as_each_language_writes_them() -> None:
    assert (money(160, "en"), money(160, "fr")) == ("$160", "160 $")
    assert (money(1234.5, "en"), money(1234.5, "fr")) == ("$1,234.50", "1 234,50 $")
    assert (money(0, "en"), money(0, "fr")) == ("free", "gratuit")


def test_oas_at_60_says_65_and_who_decides_then_asks_one_question_with_buttons() -> None:
    outcome = ask("can I get old age security at 60?", "ask_eligibility", [("service", "old age security")])
    assert "65" in outcome.text and "Service Canada" in outcome.text
    assert "Source: https://" in outcome.text
    message = outcome.messages[-1]
    assert message["buttons"] and all(b["payload"].startswith("/ask_eligibility{") for b in message["buttons"])
    assert outcome.slot("last_service_id") == OAS and outcome.slot("last_question") == "eligibility"


def test_each_button_answer_asks_the_next_question_and_the_last_gives_a_verdict_that_is_not_a_decision() -> None:
    first = ask("can I get old age security?", "ask_eligibility", [("service", "old age security")])
    answers = first.slot("eligibility_answers")
    for _ in range(6):
        button = first.messages[-1]["buttons"][-1] if first.messages[-1].get("buttons") else None
        if button is None or button["payload"].startswith("/feedback"):  # the verdict: only "was this helpful?"
            break
        chosen = json.loads(button["payload"][len("/ask_eligibility") :])["eligibility_answer"]
        first = ask(
            button["payload"],
            "ask_eligibility",
            [("eligibility_answer", chosen)],
            slots={"last_service_id": OAS, "last_question": "eligibility", "eligibility_answers": answers},
        )
        answers = first.slot("eligibility_answers")
    assert "you may" in first.text.lower() and "not a decision" in first.text
    assert "65 or over" not in first.text  # the rules summary is said once, not at every answer


def test_french_question_and_buttons() -> None:
    outcome = ask(
        "est-ce que je peux avoir la sécurité de la vieillesse à 60 ans?",
        "ask_eligibility",
        [("service", "sécurité de la vieillesse")],
        lang="fr",
    )
    assert "65 ans" in outcome.text and "Quel âge avez-vous?" in outcome.text
    assert "Moins de 60 ans" in [b["title"] for b in outcome.messages[-1]["buttons"]]


def test_a_fact_nobody_re_checked_says_so() -> None:
    outcome = ask("how much does an adult passport cost?", "ask_fees", [("service", "passport")])
    assert "Fees for" in outcome.text and "$160" in outcome.text
    assert "not re-checked by Guichet" in outcome.text or "checked 20" in outcome.text


def test_a_child_passport_fee_is_the_childs_only() -> None:
    outcome = ask("and for a child?", "ask_fees", slots={"last_service_id": "gc-1242"})
    assert "$57" in outcome.text and "$160" not in outcome.text


def test_what_to_bring_for_a_passport_in_french() -> None:
    outcome = ask(
        "je dois apporter quoi pour renouveler mon passeport?", "ask_documents", [("service", "passeport")], lang="fr"
    )
    assert "Documents à fournir pour" in outcome.text and "Source" in outcome.text


def test_a_provincial_service_without_a_place_asks_where_the_client_lives_then_answers_there() -> None:
    asked = ask("what documents do I need for a health card?", "ask_documents", [("service", "health card")])
    assert "Where do you live?" in asked.text and asked.slot("awaiting") == "facts"
    answered = ask(
        "Winnipeg",
        "inform",
        [("place", "Winnipeg")],
        slots={
            "awaiting": "facts",
            "last_question": "documents",
            "last_service_id": asked.slot("last_service_id"),
            "last_request": asked.slot("last_request"),
        },
    )
    assert "Manitoba" in answered.text


def test_and_a_health_card_asks_the_same_question_about_another_service() -> None:
    from actions.find_service import ActionFindService

    outcome = run_action(
        ActionFindService(),
        make_tracker(
            "and a health card in Halifax?",
            "find_service",
            [("service", "health card"), ("place", "Halifax")],
            slots={"last_question": "documents", "last_service_id": "gc-1242"},
        ),
    )
    assert "Nova Scotia Health Card" in outcome.text and "Proof of Nova Scotia residence" in outcome.text


def test_a_life_event_named_whole_beats_a_service_under_discussion_that_is_not_its_own() -> None:
    outcome = ask("is there anything to help pay for the funeral?", "ask_fees", slots={"last_service_id": "gc-1242"})
    assert outcome.text.startswith("Death of a family member: here is what you may need to do.")
    assert "death benefit" in outcome.text


def test_the_funeral_after_a_death_is_the_death_benefit_of_the_cpp_under_discussion() -> None:
    outcome = ask("is there anything to help pay for the funeral?", "ask_fees", slots={"last_service_id": "gc-7"})
    assert outcome.text.startswith("What Canada Pension Plan (CPP) Benefits pays:")
    assert "Death benefit: A one-time payment of $2,500" in outcome.text


def test_how_much_a_free_benefit_is_asks_what_it_pays() -> None:
    outcome = ask("and roughly how much will it be", "ask_fees", slots={"last_service_id": "gc-1003"})
    assert outcome.text.startswith("What Employment Insurance (EI) Benefits pays:")
    assert "55%" in outcome.text and "Source: https://www.canada.ca/" in outcome.text


def test_the_cpp_death_benefit_amount_in_french() -> None:
    outcome = ask("c'est combien la prestation de décès du RPC?", "ask_fees", [("service", "RPC")], lang="fr", slots={})
    assert "Ce que verse Prestations du Régime de pensions du Canada" in outcome.text
    assert "2 500 $" in outcome.text and "0,6 %" not in outcome.text


def test_the_words_of_the_service_under_discussion_or_of_a_person_name_no_other_service() -> None:
    pension = ask(
        "can I get his pension?", "ask_eligibility", [("service", "pension")], slots={"last_service_id": "gc-7"}
    )
    assert pension.text.startswith("Who may qualify for Canada Pension Plan (CPP) Benefits")
    child = ask(
        "what do I bring for a child", "ask_documents", [("service", "child")], slots={"last_service_id": "gc-1242"}
    )
    assert child.text.startswith("What to bring or send for Canadian Passport")


def test_a_document_named_only_by_the_personal_data_given_is_the_one_asked_about() -> None:
    text = "My passport number is [passport-number] and it got stolen in Montreal last night. What do I do?"
    tracker = make_tracker(text, "ask_documents", [("place", "Montreal")])
    reply = run_action(ActionServiceFacts(), tracker).text
    assert reply.startswith("What to bring or send for Canadian Passport") and "PPTC 203" in reply
    assert "[passport-number]" not in reply


@pytest.mark.parametrize(
    "place, expected", [("Gatineau", "Régime québécois d'assurance parentale"), ("Moncton", "assurance-emploi")]
)
def test_after_a_birth_a_question_in_weeks_is_about_the_parental_benefit_not_the_first_service_listed(
    place: str, expected: str
) -> None:
    """No service named: the words of the question ("semaines") fit one of the event's services' own facts."""
    slots = {"language": "fr", "life_event": "Having a baby", "last_service_id": "gc-1292", "last_place": place}
    asked = make_tracker("Et mon chum, il a droit à combien de semaines pour lui ?", "ask_fees", slots=slots)
    first_line = run_action(ActionServiceFacts(), asked).text.splitlines()[0]
    assert first_line.startswith("Ce que verse") and expected in first_line
    again = make_tracker("c'est combien?", "ask_fees", slots=slots)  # no word of any fact: the service discussed
    assert "numéro d’assurance sociale" in run_action(ActionServiceFacts(), again).text.splitlines()[0]


def test_a_service_without_a_delay_of_its_own_gets_the_case_another_service_files_for_it() -> None:
    """The express passport service has no processing time row; the passport's "Express service" case is it."""
    asked = make_tracker(
        "Quel est le délai pour le service express de passeport?", "ask_processing_time", slots={"language": "fr"}
    )
    lines = run_action(ActionServiceFacts(), asked).text.splitlines()
    assert lines[0] == "Délais de traitement pour Passeport canadien :"
    assert lines[1].startswith("• Service express, en personne : 2 à 9 jours ouvrables")


def test_a_what_if_naming_a_move_stays_with_the_service_under_discussion() -> None:
    slots = {"last_service_id": "gc-1001", "last_question": "eligibility", "life_event": "moved back"}
    tracker = make_tracker("what if I moved back to Canada for good?", "inform", [("life_event", "moved back")], slots)
    outcome = run_action(ActionServiceFacts(), tracker)
    assert "Old Age Security" in outcome.text and "Revenue Agency" not in outcome.text


def test_the_organization_named_settles_a_choice_between_services() -> None:
    text = (
        "Bonjour, nous arrivons de Bordeaux avec la résidence permanente et nous nous installons à "
        "Saint-Hyacinthe. Quels documents faut-il présenter à la RAMQ pour nous inscrire ?"
    )
    entities = [("service", "permanente"), ("place", "Saint-Hyacinthe"), ("organization", "RAMQ")]
    tracker = make_tracker(text, "ask_documents", entities, {"language": "fr"})
    outcome = run_action(ActionServiceFacts(), tracker)
    assert outcome.text.startswith("Documents à fournir pour Inscription au régime d'assurance maladie")
