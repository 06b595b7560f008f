"""The words that ask a question decide a generic or unsure intent, and leave a confident specific one alone."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from bot.question_cues import QuestionCues, life_event_phrased, service_phrased
from bot.question_words import HOW_TO, asked_kinds, cued_intent, ends_asking_may_i, same_question_again
from services_catalog.text import fold


def ranking(*pairs: Any) -> List[Dict[str, Any]]:
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


NONE: frozenset = frozenset()
EVENT = frozenset({"life_event"})
SURE_SERVICE = ranking(("find_service", 0.99), ("ask_hours", 0.01))
UNSURE = ranking(("find_office", 0.45), ("feedback", 0.3))


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("le bureau des passeports, y va-tu être ouvert le jour de l'An", {"ask_hours"}),
        ("ça coûte combien un passeport", {"ask_fees"}),
        ("how long does a PR card take", {"ask_processing_time"}),
        ("what do we need to get her a passport", {"ask_documents"}),
        ("on a-tu droit à l'allocation", {"ask_eligibility"}),
        ("how much extra for the urgent one, and how long does it take", {"ask_fees", "ask_processing_time"}),
        ("where is the passport office in Regina", set()),
        ("my factory is closing", set()),  # "closing" is not "closed": no hours question
        ("can I apply for my SIN from my computer", {"ask_channels"}),
        ("what do we have to send in for her first passport", {"ask_documents"}),
        ("renouveler ma carte sans me déplacer", {"ask_channels"}),
        ("where can I apply in person in Calgary", set()),  # going in person is where, not how
    ],
)
def test_cue_words_in_both_languages(text: str, kinds: set) -> None:
    assert asked_kinds(text) == kinds


def test_a_cue_replaces_a_generic_intent_even_a_confident_one() -> None:
    assert cued_intent(
        "passeports au complexe Guy-Favreau, ouvert le jour de l'An?", "find_service", SURE_SERVICE, NONE
    ) == ("ask_hours")


def test_a_confident_specific_intent_keeps_its_own_words_and_gives_way_to_another_kinds() -> None:
    sure_time = ranking(("ask_processing_time", 0.83), ("ask_fees", 0.11))
    assert cued_intent("how long and how much for a passport", "ask_processing_time", sure_time, NONE) is None
    assert cued_intent("need it fast, how much extra?", "ask_processing_time", sure_time, NONE) == "ask_fees"
    assert (
        cued_intent("can I get the child benefit", "ask_eligibility", ranking(("ask_eligibility", 0.9)), NONE) is None
    )


def test_two_kinds_of_cue_decide_nothing() -> None:
    assert cued_intent("how much and how long for a passport", "find_service", SURE_SERVICE, NONE) is None


def test_a_life_event_without_one_named_gives_way_to_the_question() -> None:
    sure_event = ranking(("life_event", 0.96), ("ask_documents", 0.04))
    assert cued_intent("my daughter is 4, what do we need for her passport", "life_event", sure_event, NONE) == (
        "ask_documents"
    )
    died = "my mom died, what documents do I need"
    assert cued_intent(died, "life_event", sure_event, EVENT, life_event_phrase=True) is None
    daughter = "my daughter is 4, what do we need to get her a passport"  # the model tagged "daughter is 4"
    assert cued_intent(daughter, "life_event", sure_event, EVENT, life_event_phrase=False) == "ask_documents"
    assert cued_intent("pis pour mon gars de 10 ans?", "life_event", sure_event, NONE) == "inform"


def test_an_unsure_guess_with_a_life_event_named_is_a_life_event() -> None:
    assert cued_intent("ma mère est morte la semaine passée", "find_office", UNSURE, EVENT) == "life_event"
    assert cued_intent("ma mère est morte la semaine passée", "find_office", SURE_SERVICE[:1], EVENT) == "life_event"
    assert cued_intent("je déménage, où est le bureau le plus proche?", "find_office", SURE_SERVICE[:1], EVENT) is None


def test_a_day_asks_for_hours_only_of_an_unsure_guess_or_a_place_and_and_is_a_follow_up_only_when_unsure() -> None:
    assert cued_intent("pis le samedi?", "find_service", UNSURE, NONE) == "ask_hours"
    office = "can I go to the Gatineau passport office on July 1st"
    assert cued_intent(office, "find_service", SURE_SERVICE, NONE) == "ask_hours"
    assert cued_intent("on saturday can I do both at once", "ask_bundle", ranking(("ask_bundle", 0.9)), NONE) is None
    assert cued_intent("and in Ontario?", "inform", ranking(("inform", 0.9)), NONE) is None
    assert cued_intent("pis le samedi?", "inform", ranking(("inform", 0.9)), NONE) == "ask_hours"
    assert cued_intent("and for my kid? she's 7", "feedback", UNSURE, NONE) == "inform"
    assert cued_intent("xqzt vlorp", "feedback", UNSURE, NONE) is None


def process(text: str, intent: str, ranked: List[Dict[str, Any]], entities: Optional[list] = None) -> Message:
    storage = LocalModelStorage.__new__(LocalModelStorage)
    context = ExecutionContext(GraphSchema({}), "test")
    component = QuestionCues.create({}, storage, Resource("question_cues"), context)
    message = Message(
        data={"text": text, "intent": {"name": intent, "confidence": ranked[0]["confidence"]},
              "intent_ranking": ranked, "entities": entities or []}
    )  # fmt: skip
    return component.process([message])[0]


def test_the_component_puts_the_cued_intent_first_far_ahead_of_the_others() -> None:
    message = process(
        "my daughter is 4, what do we need to get her a passport",
        "life_event",
        ranking(("life_event", 0.96), ("ask_documents", 0.04)),
    )
    assert message.get("intent") == {"name": "ask_documents", "confidence": 1.0}
    assert [entry["name"] for entry in message.get("intent_ranking")] == ["ask_documents", "life_event"]
    assert message.get("intent_ranking")[1]["confidence"] == pytest.approx(0.48)


def test_the_component_reads_the_models_life_event_entity_and_skips_button_payloads() -> None:
    died = [{"entity": "life_event", "value": "ma mère est morte", "start": 0, "end": 17}]
    assert process("ma mère est morte la semaine passée", "find_office", UNSURE, died).get("intent")["name"] == (
        "life_event"
    )
    assert process('/ask_hours{"day":"sunday"}', "find_office", UNSURE).get("intent")["name"] == "find_office"


def test_another_kinds_word_the_model_never_considered_changes_nothing() -> None:
    sure = ranking(("ask_eligibility", 0.97), ("ask_documents", 0.02), ("find_service", 0.01))
    assert cued_intent("my boss kept cutting my hours, can I still get EI", "ask_eligibility", sure, NONE) is None


def test_a_life_event_asked_in_a_questions_shape_stays_a_life_event() -> None:
    sure = ranking(("ask_documents", 0.99), ("ask_processing_time", 0.01))
    assert cued_intent("we just had our first baby!! what do we need to do now", "ask_documents", sure, EVENT) == (
        "life_event"
    )


def test_can_i_tells_eligibility_from_a_life_event_nobody_named() -> None:
    sure_event = ranking(("life_event", 0.99), ("ask_eligibility", 0.01))
    text = "turning 62 in january, can i start collecting old age security then"
    assert cued_intent(text, "life_event", sure_event, NONE) == "ask_eligibility"


def test_a_question_about_a_named_service_or_whether_one_may_stays_a_question() -> None:
    sure = ranking(("ask_eligibility", 0.99), ("life_event", 0.01))
    text = "I'm moving back to Portugal when I retire, can I still get my OAS over there?"
    assert cued_intent(text, "ask_eligibility", sure, frozenset({"life_event", "service"})) is None
    assert cued_intent("j'ai 62 ans, je peux la demander maintenant?", "ask_eligibility", sure, EVENT) is None


def test_words_that_ask_for_a_service_overrule_a_confident_out_of_scope() -> None:
    sure_out = ranking(("out_of_scope", 0.98), ("inform", 0.01))
    assert cued_intent("and for my kid? she's 7", "out_of_scope", sure_out, NONE) == "inform"
    retiring = "je pense arrêter de travailler à 65 l'an prochain, je dois demander quoi"
    assert cued_intent(retiring, "out_of_scope", sure_out, NONE, life_event_phrase=True) == "life_event"
    assert cued_intent(retiring, "out_of_scope", sure_out, NONE, life_event_phrase=False) is None


def test_a_day_without_a_way_to_apply_asks_for_hours_not_channels() -> None:
    sure = ranking(("ask_channels", 0.95), ("find_service", 0.03))
    office = "i have july 1st off, can i go to the gatineau passport office that day"
    assert cued_intent(office, "ask_channels", sure, NONE) == "ask_hours"
    assert cued_intent("can I apply online on Saturday?", "ask_channels", sure, NONE) is None


def test_the_catalogue_tells_a_life_event_named_whole(shared_real_catalogue) -> None:
    assert life_event_phrased("je pense arrêter de travailler à 65 l'an prochain")
    assert not life_event_phrased("what's the weather like")
    assert service_phrased("do I get the GST cheque?")  # a name the model never saw, from the live catalogue
    assert not service_phrased("what's the weather like")


def test_saying_what_one_needs_asks_for_the_service_not_a_fact_about_it() -> None:
    sure_documents = ranking(("ask_documents", 0.9), ("find_service", 0.1))
    assert cued_intent("I need a new SIN", "ask_documents", sure_documents, NONE) == "find_service"
    assert cued_intent("I need a new SIN, what should I bring", "ask_documents", sure_documents, NONE) is None
    abroad = "je veux prendre ma retraite en France, est-ce que je vais continuer à recevoir ma pension"
    assert cued_intent(abroad, "ask_eligibility", ranking(("ask_eligibility", 0.9)), NONE) is None


def test_an_unsure_guess_that_names_a_service_asks_how_to_get_it() -> None:
    service = frozenset({"service"})
    assert (
        cued_intent("my PR card expires soon, how do I renew it", "ask_eligibility", UNSURE, service) == "find_service"
    )
    assert cued_intent("my PR card expires soon, how do I renew it", "ask_eligibility", UNSURE, NONE) is None


def test_a_date_in_a_life_event_is_no_visit_to_an_office() -> None:
    moving = "je déménage à Québec le 1er juillet, comment changer mon adresse"
    assert (
        cued_intent(moving, "find_office", ranking(("find_office", 0.88), ("life_event", 0.08)), EVENT) == "life_event"
    )
    assert cued_intent(moving, "find_service", SURE_SERVICE, EVENT) is None
    assert cued_intent("le bureau de Québec le 1er juillet?", "find_office", UNSURE, NONE) == "ask_hours"


def test_a_day_in_a_life_events_story_asks_no_hours() -> None:
    born = "Notre troisième est arrivée dimanche. On reste à Steinbach. C'est quoi les affaires à faire?"
    hours = ranking(("ask_hours", 0.95))
    assert cued_intent(born, "ask_hours", hours, frozenset({"place"}), life_event_phrase=True) == "life_event"
    assert cued_intent(born, "ask_hours", hours, frozenset({"place"}), life_event_phrase=False) is None
    service = frozenset({"place", "service"})  # "congé de maternité" read as a service: the story stays a story
    assert cued_intent(born, "find_service", SURE_SERVICE, service, life_event_phrase=True) is None
    assert cued_intent(born, "find_service", SURE_SERVICE, service, life_event_phrase=False) == "ask_hours"
    sunday = "Notre troisième est arrivée. Le bureau de Steinbach est-il ouvert dimanche?"
    assert cued_intent(sunday, "ask_hours", hours, frozenset({"place"}), life_event_phrase=True) is None


def test_needing_it_by_tomorrow_is_haste_not_a_visit() -> None:
    assert cued_intent("and if I need it urgently, like by tomorrow", "inform", UNSURE, NONE) == "inform"
    assert cued_intent("et si j'en ai besoin pour demain", "find_office", UNSURE, NONE) == "inform"
    assert cued_intent("is it open tomorrow", "find_office", UNSURE, NONE) == "ask_hours"
    sure_hours = ranking(("ask_hours", 0.79), ("ask_fees", 0.05))
    assert cued_intent("et si j'en ai besoin pour demain", "ask_hours", sure_hours, NONE) == "inform"
    assert cued_intent("I need it urgently", "ask_hours", sure_hours, NONE) == "ask_processing_time"


def test_a_life_event_that_asks_how_to_get_a_named_service_asks_for_the_service() -> None:
    sure_event = ranking(("life_event", 0.99), ("ask_eligibility", 0.01))
    both = frozenset({"life_event", "service"})
    assert cued_intent("my dad turned 65, how does he apply for CPP", "life_event", sure_event, both) == "find_service"
    assert cued_intent("j'ai perdu ma carte de RP", "life_event", sure_event, both) == "find_service"
    assert cued_intent("j'ai perdu ma job, le chômage?", "life_event", sure_event, both) is None
    assert cued_intent("my dad died, he got CPP", "life_event", sure_event, both) is None


def test_an_unsure_question_about_urgency_asks_how_fast() -> None:
    assert cued_intent("ils font le service urgent?", "out_of_scope", UNSURE, NONE) == "ask_processing_time"


def test_where_to_go_in_a_town_asks_for_offices_whatever_the_hurry() -> None:
    sure_time = ranking(("ask_processing_time", 0.9), ("find_service", 0.05))
    text = "i need a passport fast, flying in 5 days. where do i go in regina"
    assert cued_intent(text, "ask_processing_time", sure_time, frozenset({"service", "place"})) == "find_service"


def test_how_much_one_will_get_asks_the_amount() -> None:
    sure_time = ranking(("ask_processing_time", 0.94), ("ask_fees", 0.05))
    assert cued_intent("pis combien je vais avoir", "ask_processing_time", sure_time, NONE) == "ask_fees"


def test_may_i_about_a_named_service_without_a_known_event_asks_eligibility() -> None:
    sure_event = ranking(("life_event", 0.99), ("ask_eligibility", 0.01))
    both = frozenset({"life_event", "service"})
    text = "turning 61 in june, can i start collecting my pension then"
    assert cued_intent(text, "life_event", sure_event, both) == "ask_eligibility"
    assert cued_intent("I lost my job, can I get EI?", "life_event", sure_event, both, life_event_phrase=True) is None


def test_the_services_a_person_who_died_was_getting_are_the_life_event() -> None:
    sure_service = ranking(("find_service", 0.95), ("life_event", 0.04))
    text = "ma mère est décédée, elle recevait la pension de vieillesse, qui dois-je avertir?"
    both = frozenset({"life_event", "service"})
    assert cued_intent(text, "find_service", sure_service, both, life_event_phrase=True) == "life_event"


def test_may_i_apply_now_asks_eligibility_not_the_hours() -> None:
    sure_hours = ranking(("ask_hours", 0.99), ("ask_eligibility", 0.27))
    assert (
        cued_intent("j'ai 62 ans, je peux la demander maintenant?", "ask_hours", sure_hours, NONE) == "ask_eligibility"
    )
    assert cued_intent("can I go there now?", "ask_hours", sure_hours, NONE) is None


def test_and_if_reframes_the_last_question() -> None:
    sure_outreach = ranking(("ask_outreach", 0.9), ("find_office", 0.05))
    text = "and if i do it at a regular service canada centre instead"
    assert cued_intent(text, "ask_outreach", sure_outreach, NONE) == "inform"


def test_how_many_hours_of_work_is_eligibility_not_opening_hours() -> None:
    sure_fees = ranking(("ask_fees", 0.9), ("ask_hours", 0.05))
    text = "combien d'heures faut travailler pour avoir le chomage"
    assert cued_intent(text, "ask_fees", sure_fees, NONE) == "ask_eligibility"


def test_paying_for_a_service_asks_its_fee_and_what_to_have_ready_asks_documents_whatever_the_way() -> None:
    sure_event = ranking(("life_event", 0.99), ("ask_fees", 0.01))
    text = "do I have to pay for a social insurance number? my daughter needs one for her first job"
    assert cued_intent(text, "life_event", sure_event, frozenset({"service"})) == "ask_fees"
    assert asked_kinds("faut tu payer pour avoir un numéro d'assurance sociale?") == {"ask_fees"}
    assert asked_kinds("what info do I need to have ready to apply for EI online?") == {"ask_documents"}
    assert asked_kinds("how many hours do I need for EI? I worked part time") == {"ask_eligibility"}
    assert asked_kinds("how many days do I need in canada before I can apply for citizenship") == {"ask_eligibility"}


def test_where_to_get_a_service_in_a_town_is_no_life_event_and_where_can_we_go_no_channel() -> None:
    sure_event = ranking(("life_event", 0.99), ("find_service", 0.01))
    text = "where can i get a passport in a hurry in calgary, my flight got moved up"
    assert cued_intent(text, "life_event", sure_event, frozenset({"life_event", "place"})) == "find_service"
    sure_channels = ranking(("ask_channels", 0.9), ("find_service", 0.05))
    assert (
        cued_intent("where can we go in person to do all this?", "ask_channels", sure_channels, NONE) == "find_service"
    )


def test_what_if_reframes_the_last_question_even_when_it_names_a_life_event() -> None:
    unsure = ranking(("ask_eligibility", 0.46), ("ask_channels", 0.2))
    assert cued_intent("what if they had fired me instead?", "ask_eligibility", unsure, EVENT, True) == "inform"
    sure_event = ranking(("life_event", 0.99), ("find_service", 0.01))
    assert cued_intent("mais si je me fais congédier?", "life_event", sure_event, EVENT, True) == "inform"


def test_ones_own_working_hours_are_no_opening_hours() -> None:
    sure = ranking(("ask_eligibility", 0.97), ("ask_bundle", 0.02), ("ask_hours", 0.01))
    text = "i quit my job bc my boss kept cutting my hours, can i still get EI"
    assert asked_kinds(text) == set()
    assert cued_intent(text, "ask_eligibility", sure, frozenset({"service"})) is None
    sure_hours = ranking(("ask_hours", 0.9), ("ask_eligibility", 0.05))
    assert cued_intent("they cut my hours, can I still get it?", "ask_hours", sure_hours, NONE) == "ask_eligibility"
    assert asked_kinds("what are your hours on saturday") == {"ask_hours"}


def test_where_to_go_in_a_town_beats_the_hurry_even_when_the_model_is_unsure() -> None:
    unsure = ranking(("find_service", 0.5), ("ask_processing_time", 0.29))
    text = "j'ai besoin d'un passeport d'urgence, je suis à Montréal, où je vais?"
    assert cued_intent(text, "find_service", unsure, frozenset({"service", "place"})) == "find_service"


def test_and_if_by_mail_reframes_the_last_question_and_jpeux_asks_whether_one_may() -> None:
    sure_channels = ranking(("ask_channels", 0.72), ("ask_bundle", 0.17))
    assert cued_intent("and if I mail the paper form?", "ask_channels", sure_channels, NONE) == "inform"
    text = "j'ai eu une infraction punissable par procédure sommaire en 2019, j'peux faire la demande quand?"
    assert asked_kinds(text) == {"ask_eligibility"}


def test_whether_one_must_take_the_test_asks_eligibility() -> None:
    unsure = ranking(("out_of_scope", 0.42), ("ask_channels", 0.25))
    assert cued_intent("do the kids have to do the test too?", "out_of_scope", unsure, NONE) == "ask_eligibility"
    assert asked_kinds("est-ce que ma mère doit passer l'examen?") == {"ask_eligibility"}


@pytest.mark.parametrize(
    "text, again",
    [
        ("pis pour 5 ans?", True),
        ("et pour mon gars de 10 ans?", True),
        ("et par la poste?", True),
        ("and how much is it for a child?", False),
        ("and can I get it at 60?", False),
        ("what about the passport?", True),  # the last question, about the passport
    ],
)
def test_a_follow_up_asking_no_question_of_its_own_is_the_last_one_again(text: str, again: bool) -> None:
    assert same_question_again(text) is again


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("faut avoir gagné combien pour y avoir droit?", {"ask_eligibility"}),
        ("How long do I have to wait before I can apply for a pardon?", {"ask_eligibility"}),
        ("Combien de jours faut-il avoir passé au Canada pour demander la citoyenneté?", {"ask_eligibility"}),
        ("I've only worked 450 hours this year, can I get EI sickness?", {"ask_eligibility"}),
        ("ça dure combien de temps au max?", {"ask_fees"}),
        ("le congé parental, c'est combien de semaines?", {"ask_fees"}),
        ("ça prend combien de semaines pour mon passeport?", {"ask_processing_time"}),
        ("is there an extra charge because it was lost?", {"ask_fees"}),
        ("do they shut down over lunch?", {"ask_hours"}),
        ("I'm 66 and never got my OAS. Can I still get paid for the months I missed?", {"ask_fees"}),
        ("Je peux-tu avoir l'argent des mois passés?", {"ask_fees"}),
        ("Can I sign up for my CPP without filling out paper forms?", {"ask_channels"}),
        ("She doesn't have much income either. Is there anything on top of it?", {"ask_eligibility"}),
        ("my income is really low, is there anything else?", {"ask_eligibility"}),
    ],
)
def test_words_that_ask_who_qualifies_or_what_is_paid_in_other_kinds_words(text: str, kinds: set) -> None:
    assert asked_kinds(text) == kinds


def test_an_unsure_life_event_without_its_entity_stands_when_the_catalogue_knows_its_words() -> None:
    text = "We arrived in Charlottetown last week as permanent residents, with our two kids. What first?"
    ranking = [{"name": "life_event", "confidence": 0.43}, {"name": "out_of_scope", "confidence": 0.37}]
    assert cued_intent(text, "life_event", ranking, frozenset(), life_event_phrase=True) == "life_event"
    assert cued_intent("pis pour mon gars de 10 ans?", "life_event", ranking, frozenset()) == "inform"


def test_a_hurry_with_no_question_words_asks_how_fast_not_what_to_bring() -> None:
    ranking = [{"name": "ask_documents", "confidence": 0.9}, {"name": "ask_processing_time", "confidence": 0.05}]
    text = "Si j'ai besoin de mon passeport pour demain, c'est possible?"
    assert cued_intent(text, "ask_documents", ranking, frozenset({"service"})) == "ask_processing_time"
    text = "I need it by tomorrow, what documents do I bring?"
    assert cued_intent(text, "ask_documents", ranking, frozenset({"service"})) is None


@pytest.mark.parametrize(
    "text",
    [
        "pis l'allocation pour enfants du fédéral, faut-tu faire une demande à part?",
        "Doit-elle faire une demande pour la Sécurité de la vieillesse?",
        "does she need to apply for Old Age Security or does it just start?",
    ],
)
def test_whether_one_must_apply_asks_how_to_get_the_service(text: str) -> None:
    assert HOW_TO.search(text)


def test_heures_asks_opening_hours_but_hours_of_work_do_not() -> None:
    assert asked_kinds("Le bureau de Service Canada à Kapuskasing, c'est quoi ses heures?") == {"ask_hours"}
    assert "ask_hours" not in asked_kinds("pis si j'ai pas assez d'heures pour le chômage?")
    assert "ask_hours" not in asked_kinds("j'ai fait 600 heures cette année")
    assert "ask_hours" not in asked_kinds("mes heures ont été coupées")


def test_the_office_nearest_home_is_no_way_to_apply_from_home() -> None:
    assert asked_kinds("c'est où le bureau le plus proche de chez nous?") == set()
    assert asked_kinds("je peux-tu le faire de chez nous?") == {"ask_channels"}


def test_an_unsure_guess_about_an_office_asks_for_the_office() -> None:
    unsure = ranking(("find_office", 0.29), ("ask_colocated", 0.28))
    assert cued_intent("is there an office in town I can go to?", "find_office", unsure, NONE) == "find_office"
    assert cued_intent("is there anything in town I can go to?", "find_office", unsure, NONE) is None


def test_when_the_first_payment_comes_is_a_processing_time() -> None:
    assert asked_kinds("Apres ma demande de chomage, le premier paiement arrive quand?") == {"ask_processing_time"}
    assert asked_kinds("when does the first payment come after I apply for EI?") == {"ask_processing_time"}


def test_may_i_get_a_service_at_the_end_asks_who_qualifies_not_where() -> None:
    office = ranking(("find_office", 0.99), ("find_service", 0.01))
    service = frozenset({"service", "place"})
    call_centre = "Hi, Tom here. I lost my job at a call centre in Fredericton. Can I get EI?"
    assert cued_intent(call_centre, "find_office", office, service) == "ask_eligibility"
    assert cued_intent("Can I get a passport at the Calgary office?", "find_office", office, service) is None


def test_what_to_do_about_a_lost_or_stolen_document_asks_what_replacing_it_takes() -> None:
    sure = ranking(("find_service", 0.99), ("goodbye", 0.01))
    service = frozenset({"service", "place"})
    stolen = "My passport number is [passport-number] and it got stolen in Montreal last night. What do I do?"
    assert cued_intent(stolen, "find_service", sure, service) == "ask_documents"
    assert cued_intent("j'ai perdu ma carte de RP, je fais quoi?", "find_service", sure, service) == "ask_documents"
    assert cued_intent("I lost my job in Halifax, what do I do?", "find_service", sure, service) != "ask_documents"


def test_by_mail_or_by_phone_asks_about_a_way_to_apply_unless_it_follows_up_a_question() -> None:
    renew = "Mon passeport expire en mai, je l'ai eu à 30 ans. Je peux le renouveler par la poste?"
    assert cued_intent(renew, "find_service", SURE_SERVICE, frozenset({"service"})) == "ask_channels"
    assert cued_intent("can I apply by phone?", "find_service", SURE_SERVICE, NONE) == "ask_channels"
    assert cued_intent("et par la poste?", "find_service", SURE_SERVICE, NONE) != "ask_channels"
    assert same_question_again("et par la poste?")


def test_by_mail_decides_an_unsure_guess_too() -> None:
    unsure = ranking(("ask_eligibility", 0.36), ("ask_channels", 0.36))
    renew = "Mon passeport expire en mai, je l'ai eu à 30 ans. Je peux le renouveler par la poste?"
    assert cued_intent(renew, "ask_eligibility", unsure, frozenset({"service"})) == "ask_channels"


def test_by_mail_decides_a_confident_eligibility_or_life_event_guess_that_names_no_event() -> None:
    renew = "Mon passeport expire en mai, je l'ai eu à 30 ans. Je peux le renouveler par la poste?"
    for intent in ("ask_eligibility", "life_event"):
        assert cued_intent(renew, intent, ranking((intent, 0.99)), frozenset({"service"})) == "ask_channels"


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Quels renseignements je dois avoir sous la main pour ma demande de chômage en ligne?", {"ask_documents"}),
        ("Quelles infos faut-il pour remplir la demande au RQAP?", {"ask_documents"}),
        ("et si je le fais en ligne au lieu d'y aller, je le reçois quand?", {"ask_processing_time"}),
        ("if I apply online, when will I get it?", {"ask_processing_time"}),
        ("L'assurance-emploi couvre-tu ça?", {"ask_eligibility"}),
        ("pis faut attendre combien d'années après ma sentence?", {"ask_eligibility"}),
    ],
)
def test_what_to_have_ready_when_it_comes_and_whether_it_covers_a_case(text: str, kinds: set) -> None:
    """A channel word with another question asks that question for that way ("online, when will I get it?")."""
    assert asked_kinds(text) == kinds


def test_a_question_naming_a_service_is_no_goodbye() -> None:
    goodbye = ranking(("goodbye", 0.65), ("find_service", 0.2))
    service = frozenset({"service"})
    assert cued_intent("Et où faut-il aller pour le NAS?", "goodbye", goodbye, service) == "find_service"
    assert cued_intent("merci, bonne journée", "goodbye", goodbye, NONE) is None


def test_may_i_at_the_end_of_a_request_asks_who_qualifies_only_after_a_sentence_about_the_client() -> None:
    service = frozenset({"service", "place"})
    student = "Je suis étudiante étrangère à l'Université de Sherbrooke. Est-ce que je peux avoir un NAS?"
    assert cued_intent(student, "find_service", SURE_SERVICE, service) == "ask_eligibility"
    assert cued_intent("Can I get a passport?", "find_service", SURE_SERVICE, frozenset({"service"})) is None


def test_a_life_event_the_catalogue_names_overrules_out_of_scope_even_with_a_service_tagged() -> None:
    out = ranking(("out_of_scope", 0.78), ("life_event", 0.1))
    retiring = "Je prends ma retraite de l'hôpital de Sudbury à 64 ans en janvier. Quelles pensions je dois demander?"
    tagged = frozenset({"life_event", "place", "service"})
    assert cued_intent(retiring, "out_of_scope", out, tagged, life_event_phrase=True) == "life_event"
    assert cued_intent("what's the weather", "out_of_scope", out, NONE) is None


def test_how_she_signs_up_asks_how_to_get_it() -> None:
    assert HOW_TO.search("pis comment elle s'inscrit?")
    assert HOW_TO.search("comment on fait pour le renouveler")


def test_a_day_in_a_message_that_asks_how_to_apply_asks_no_hours() -> None:
    priya = "Hi, I'm Priya, [email]. I got laid off from a warehouse in Brampton on Friday, how do I apply for EI?"
    hours = ranking(("ask_hours", 0.9), ("find_service", 0.05))
    assert cued_intent(priya, "ask_hours", hours, frozenset({"service", "place"})) == "find_service"
    assert cued_intent(priya, "find_service", SURE_SERVICE, frozenset({"service", "place"})) is None
    assert cued_intent("is the Calgary office open on Saturday?", "ask_hours", hours, frozenset({"place"})) is None


def test_and_for_the_federal_government_follows_up_the_last_answer() -> None:
    fees = ranking(("ask_fees", 0.69), ("inform", 0.2))
    level = frozenset({"jurisdiction_level"})
    assert cued_intent("pis pour le fédéral, on a-tu quelque chose à demander?", "ask_fees", fees, level) == "inform"
    assert cued_intent("and how much is it federally?", "ask_fees", fees, level) is None  # a question of its own


def test_a_language_named_as_a_services_origin_asks_no_change_of_language() -> None:
    switch = ranking(("change_language", 0.9), ("inform", 0.05))
    french_licence = "Et mon permis de conduire français, il est valable ici ?"
    assert cued_intent(french_licence, "change_language", switch, frozenset({"service"})) == "inform"
    assert cued_intent("en français svp", "change_language", switch, frozenset({"language"})) is None


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("I want to open a bakery in Halifax", set()),  # starting something, not opening hours
        ("opening my own shop next spring", set()),
        ("is the office open on Saturday?", {"ask_hours"}),
        ("ça prend combien d'heures pour avoir droit au chômage?", {"ask_eligibility"}),
        ("ça prend combien, un passeport?", {"ask_processing_time"}),
        ("elle aura droit à combien de semaines de congé?", {"ask_fees"}),  # what the benefit pays
        ("pis ça augmente de combien si j'attends?", {"ask_fees"}),
        ("Pis on peut-tu se séparer les semaines, elle pis moi?", {"ask_fees"}),  # what the benefit pays two parents
        ("could my husband take some weeks too?", {"ask_fees"}),
        ("la RAMQ va me couvrir jusqu'à quand? elle me couvre encore?", {"ask_processing_time"}),
        ("à partir de quand je suis couvert en Alberta?", {"ask_processing_time"}),
        ("ma couverture médicale commence quand?", {"ask_processing_time"}),
        ("when does the money start coming in for the child benefit?", {"ask_processing_time"}),
        ("j'ai fait ma demande de pension, quand est-ce qu'ils vont me répondre?", {"ask_processing_time"}),
        ("sent my CPP form, when will I hear back?", {"ask_processing_time"}),
        ("what should I have ready before I call about EI?", {"ask_documents"}),
        ("pour son permis, faut présenter quoi?", {"ask_documents"}),
        ("who can sign as my guarantor?", {"ask_documents"}),
        ("What goes in the application package for a PR card?", {"ask_documents"}),
        ("is my son old enough to get his own SIN?", {"ask_eligibility"}),
        ("do I still need to prove my French to become a citizen?", {"ask_eligibility"}),
        ("le chômage va me donner combien par semaine?", {"ask_fees"}),
        ("si je la prends à 62 ans, elle sera réduite de combien?", {"ask_fees"}),
        ("how much a week would I get on sickness benefits?", {"ask_fees"}),
        ("pis ma carte, a va arriver quand?", {"ask_processing_time"}),
        ("mon chèque arrive-tu quand?", {"ask_processing_time"}),
        ("when should the new card show up in the mail?", {"ask_processing_time"}),
        ("will it come in the mail or do I pick it up?", {"ask_processing_time"}),
        ("Can I renew my licence online? What will I need?", {"ask_documents"}),  # that question, for that way
        ("quessé que j'dois envoyer pour en avoir un autre?", {"ask_documents"}),
        ("je veux faire ma demande en ligne, qu'est-ce que ça me prend?", {"ask_documents"}),
        ("If she has to apply herself, what does she need?", {"ask_documents"}),
        ("what does he need to qualify?", {"ask_eligibility"}),
        ("Pis si je me remarie un jour, je la perds-tu?", {"ask_eligibility"}),
        ("if I move to Portugal would I lose it?", {"ask_eligibility"}),
    ],
)
def test_what_is_paid_when_it_comes_what_to_have_and_who_qualifies_in_everyday_words(text: str, kinds: set) -> None:
    assert asked_kinds(text) == kinds


def test_how_to_tell_a_government_of_a_change_asks_how_not_who_qualifies() -> None:
    sure_eligibility = ranking(("ask_eligibility", 0.95), ("find_service", 0.03))
    tagged = frozenset({"service"})
    moved = "On a déménagé à Moncton. Comment je change mon adresse avec l'Agence du revenu?"
    assert cued_intent(moved, "ask_eligibility", sure_eligibility, tagged) == "find_service"
    assert cued_intent(
        "how do I tell Service Canada about my new address?", "ask_eligibility", sure_eligibility, tagged
    )
    # may I is who qualifies, whatever else the message asks
    assert cued_intent("how do I apply, can I get EI?", "ask_eligibility", sure_eligibility, tagged) is None


def test_how_to_tell_a_government_with_a_place_but_no_office_word_asks_how_not_where() -> None:
    text = "new address: [address], Regina. SIN [SIN]. how do i tell the CRA"
    sure_office = ranking(("find_office", 0.93), ("find_service", 0.04))
    assert cued_intent(text, "find_office", sure_office, frozenset({"place"})) == "find_service"
    assert cued_intent("how do I get to the Service Canada office in Regina?", "find_office", sure_office, NONE) is None


def test_may_i_at_the_end_decides_an_unsure_guess_too() -> None:
    unsure_fees = ranking(("ask_fees", 0.39), ("find_service", 0.35))
    resident = "I've been a permanent resident for three years, all here in Regina. Can I apply for citizenship now?"
    assert cued_intent(resident, "ask_fees", unsure_fees, frozenset({"service"})) == "ask_eligibility"
    assert cued_intent("Can I get a passport?", "ask_fees", unsure_fees, frozenset({"service"})) == "find_service"


def test_a_service_the_catalogue_names_overrules_out_of_scope() -> None:
    out = ranking(("out_of_scope", 0.86), ("ask_eligibility", 0.05))
    gst = "im 19, live alone, no kids. do I get the GST cheque?"
    assert cued_intent(gst, "out_of_scope", out, NONE, service_phrase=True) == "ask_eligibility"
    assert cued_intent("tell me about the GST cheque", "out_of_scope", out, NONE, service_phrase=True) == "find_service"
    assert cued_intent("what's the weather like", "out_of_scope", out, NONE) is None


@pytest.mark.parametrize(
    "text",
    [
        "J'ai envoyé mes papiers pour ma carte santé le mois passé pis j'ai toujours rien reçu",
        "sent in my documents for the PR card in May and still haven't heard anything",
        "Si je vais au bureau, j'ai mon NAS quand?",
    ],
)
def test_still_waiting_for_what_was_sent_asks_how_long_it_takes(text: str) -> None:
    assert asked_kinds(text) == {"ask_processing_time"}


def test_needing_a_service_in_time_for_a_trip_asks_how_fast() -> None:
    hours = ranking(("ask_hours", 0.9), ("find_service", 0.05))
    service = frozenset({"service"})
    trip = "J'ai un vol après-demain pis pas de passeport. Ils peuvent-tu me le faire à temps?"
    assert cued_intent(trip, "ask_hours", hours, service) == "ask_processing_time"
    tomorrow = "Si j'ai besoin de mon passeport pour demain, c'est possible?"
    assert cued_intent(tomorrow, "find_service", SURE_SERVICE, service) == "ask_processing_time"
    assert cued_intent("and if I need it by tomorrow?", "find_service", SURE_SERVICE, NONE) == "inform"


def test_and_for_my_daughter_of_8_is_the_last_question_again_not_a_life_event() -> None:
    event = ranking(("life_event", 0.97), ("inform", 0.01))
    aged = frozenset({"life_event"})  # the model tags "ans" as a life event's word ("65 ans")
    assert cued_intent("pis pour ma fille de 8 ans?", "life_event", event, aged) == "inform"
    assert cued_intent("and for my son, he's 10?", "life_event", event, aged) == "inform"
    unsure = ranking(("out_of_scope", 0.23), ("life_event", 0.2))  # the model unsure, with "ans" tagged
    assert cued_intent("pis pour ma fille de 9 ans?", "out_of_scope", unsure, aged) == "inform"
    died = "et pour mon père qui est décédé hier?"
    assert cued_intent(died, "life_event", event, aged, life_event_phrase=True) is None


@pytest.mark.parametrize(
    "text, urgent",
    [
        ("c'est urgent", True),
        ("sans urgence, je le ramasse quand?", False),
        ("no rush", False),
        ("j'ai fait 400 heures à temps partiel", False),
        ("ils peuvent-tu le faire à temps?", True),
    ],
)
def test_haste_is_not_its_negation_nor_part_time(text: str, urgent: bool) -> None:
    from bot.question_words import _URGENT

    assert bool(_URGENT.search(fold(text))) is urgent


def test_a_last_clause_asking_may_i_is_read_after_any_story() -> None:
    assert ends_asking_may_i("I quit because of the night shifts, can I still get EI?")
    assert ends_asking_may_i("J'ai perdu ma job. Est-ce que je peux avoir le chômage?")
    assert ends_asking_may_i("J'ai un permis d'études. Puis-je obtenir un numéro d'assurance sociale ?")
    assert ends_asking_may_i("I'm having surgery next month and will be off 8 weeks. Is there EI for that?")
    assert ends_asking_may_i("On peut-tu faire la demande avant d'arriver là-bas?")
    assert not ends_asking_may_i("Can I get EI at the office in Regina?")  # where, not whether
    assert not ends_asking_may_i("I lost my job, what do I do?")


def test_a_story_ending_on_may_i_get_a_service_is_no_outreach_request() -> None:
    text = "I'm visiting my sister in Shediac on a visitor visa. Could I get a SIN to help at her bakery this summer?"
    sure_outreach = ranking(("ask_outreach", 0.93), ("find_service", 0.04))
    assert cued_intent(text, "ask_outreach", sure_outreach, frozenset({"service", "place"})) == "ask_eligibility"


def test_may_we_apply_with_nothing_tagged_is_no_question_about_an_office() -> None:
    text = "On peut-tu faire la demande avant d'arriver là-bas?"
    sure_colocated = ranking(("ask_colocated", 0.91), ("ask_eligibility", 0.04))
    assert cued_intent(text, "ask_colocated", sure_colocated, frozenset()) == "ask_eligibility"


def test_a_lost_thing_and_what_to_do_asks_what_replacing_it_takes_even_as_a_story() -> None:
    text = "I lost my passport on the bus yesterday and it wasn't expired yet. What do I do?"
    story = ranking(("life_event", 0.41), ("find_service", 0.3))
    assert cued_intent(text, "life_event", story, frozenset({"service"})) == "ask_documents"


def test_what_to_do_about_cards_in_a_move_asks_the_moves_steps_not_documents() -> None:
    text = "On déménage de Rouyn-Noranda à Grand-Sault. Qu'est-ce qu'on doit faire pour nos cartes pis nos permis?"
    sure_documents = ranking(("ask_documents", 0.88), ("life_event", 0.05))
    tagged = frozenset({"service", "place"})
    assert cued_intent(text, "ask_documents", sure_documents, tagged, life_event_phrase=True) == "life_event"
