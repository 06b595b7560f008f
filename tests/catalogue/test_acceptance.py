"""The catalogue issue's acceptance questions, asked of the real committed catalogue."""

from __future__ import annotations

from datetime import date
from typing import List, Optional

import pytest

from services_catalog.catalogue import Catalogue
from services_catalog.geography import Place
from services_catalog.jurisdiction import Whereabouts
from services_catalog.text_index import stem


def best(catalogue: Catalogue, text: str, near: Place | None = None) -> str:
    matches = catalogue.search_services(text, near=near)
    assert matches, f"nothing found for {text!r}"
    return matches[0].service.id


def test_passport_near_t9h_5g2_is_fort_mcmurray_first(real_catalogue: Catalogue) -> None:
    place = real_catalogue.resolve_place("T9H 5G2")
    answer = real_catalogue.nearest_offices(best(real_catalogue, "passport"), place)
    assert answer.offices[0].location.name.en == "Fort McMurray Service Canada Centre"
    assert answer.offices[0].distance_km < 5


def test_sin_in_calgary_gives_calgary_service_canada_centres(real_catalogue: Catalogue) -> None:
    service_id = best(real_catalogue, "SIN")
    assert service_id == "gc-1292"
    answer = real_catalogue.nearest_offices(service_id, real_catalogue.resolve_place("Calgary"))
    assert len(answer.offices) == 3
    assert all(
        hit.location.city == "Calgary" and hit.location.organization.id == "gc-service-canada" for hit in answer.offices
    )
    assert [h.distance_km for h in answer.offices] == sorted(h.distance_km for h in answer.offices)


def test_marriage_licence_in_ottawa_is_at_ottawa_city_hall(real_catalogue: Catalogue) -> None:
    place = real_catalogue.resolve_place("Ottawa")
    service_id = best(real_catalogue, "marriage licence", near=place)
    answer = real_catalogue.nearest_offices(service_id, place)
    assert "ottawa-city-hall" in [hit.location.id for hit in answer.offices]


def test_ottawa_city_hall_offers_two_levels_of_government(real_catalogue: Catalogue) -> None:
    location = real_catalogue.find_location("Ottawa City Hall")
    assert location is not None and location.address_1.startswith("110 Laurier")
    levels = [level for level, _ in real_catalogue.colocated(location.id)]
    assert levels == ["provincial", "municipal"]
    assert real_catalogue.find_location("hôtel de ville d'Ottawa").id == location.id


def test_having_a_baby_brings_the_birth_bundle_services(real_catalogue: Catalogue) -> None:
    event = real_catalogue.life_event_named(["I had a baby"])
    assert event is not None
    bundle = real_catalogue.search_bundles("birth bundle")[0]
    service_ids = {s.id for s in event.services}
    assert {s.id for s in bundle.services} <= service_ids
    assert {"gc-1292", "gc-1107"} <= {s.id for s in bundle.services}
    assert real_catalogue.life_event_named(["je viens d'avoir un bébé"]) == event


@pytest.mark.parametrize(
    "texts,expected",
    [
        (["mari", "mon mari est mort le mois passé, quelles démarches?"], "death-of-a-family-member"),
        (["my husband passed away, what government stuff do I need to take care of?"], "death-of-a-family-member"),
        (["ma mère est décédée"], "death-of-a-family-member"),
        (["we're getting married in june"], "getting-married"),
        (["my wife and I are separating"], "separation-or-divorce"),  # "wife" is no death
        (["my mom died, she had a pension"], "death-of-a-family-member"),  # "pension" names retiring too
        (["On a perdu mon père hier à Laval"], "death-of-a-family-member"),
        (["on adopte un petit gars de 3 ans"], "having-a-baby"),
        (["just landed in Toronto on a study permit"], "newcomer-to-canada"),
        (["je suis demandeur d'asile à Montréal"], "newcomer-to-canada"),
        (["on divorce, qu'est-ce qui arrive avec la pension alimentaire"], "separation-or-divorce"),
        (["mon contrat est fini, fin de contrat vendredi"], "losing-a-job"),
        (["J'ai eu des jumelles la semaine passée"], "having-a-baby"),
        (["On vient d'avoir une petite fille à l'hôpital d'Edmundston"], "having-a-baby"),
        (["On m'a diagnostiqué un cancer, je pourrai pas travailler pendant des mois"], "living-with-a-disability"),
        (["J'ai 35 ans pis je veux retourner aux études au CCNB"], "going-back-to-school"),
        (["I'm going back to school in September"], "going-back-to-school"),
        (["Mon père nous a quittés hier à Sudbury."], "death-of-a-family-member"),
        (["on attend notre premier pour mars"], "having-a-baby"),
        (["le moulin ferme ses portes pis chu dans le lot"], "losing-a-job"),
        (["on s'en va rester à Fort McMurray le mois prochain"], "moving"),
        (["je suis arrivée à Ottawa comme résidente permanente"], "newcomer-to-canada"),
        (["je retourne à l'école en septembre"], "going-back-to-school"),
        (["I'm starting a little dog-walking business in Calgary"], "starting-a-business"),  # words inside the run
        # A granddaughter (petite-fille) who types for her grandmother is no baby; the husband's death is the event.
        (["c'est ma petite-fille qui tape pour moi. Mon mari est décédé le 3 du mois"], "death-of-a-family-member"),
        (["Notre fille a eu 18 ans, elle a une déficience intellectuelle"], "living-with-a-disability"),
        (["Notre deuxième est arrivée jeudi, un beau bébé"], "having-a-baby"),
        (["Je me suis marié en mai pis je veux prendre le nom de ma femme"], "getting-married"),
        (["ma blonde pis moi on casse, on a un enfant"], "separation-or-divorce"),
        (["je suis tombée d'une échelle sur un chantier à Gatineau"], "living-with-a-disability"),
        (["je ne suis plus en mesure de travailler depuis mon accident"], "living-with-a-disability"),
        (["Nous nous marierons à Calgary au printemps"], "getting-married"),
        (["my mother is dying, I want to be with her"], "caring-for-a-relative"),
        (["je veux partir ma compagnie de paysagement"], "starting-a-business"),
        (["je me suis fait mettre à pied au moulin"], "losing-a-job"),
        (["Mon grand-père est pu capable de vivre tout seul"], "caring-for-a-relative"),
        (["my dad can no longer live alone since his fall"], "caring-for-a-relative"),
        (["je me lance comme travailleuse indépendante en graphisme"], "starting-a-business"),
        (["I'm going freelance as a photographer"], "starting-a-business"),
        (["I'm 65 next week, living in Surrey BC. What should I be applying for?"], "retiring"),
        (
            ["Quels documents je dois envoyer à Retraite Québec pour la prestation de décès de mon mari?"],
            "death-of-a-family-member",
        ),
    ],
)
def test_a_life_event_is_named_by_a_phrase_the_message_holds(
    real_catalogue: Catalogue, texts: List[str], expected: Optional[str]
) -> None:
    event = real_catalogue.life_event_named(texts)
    assert (event.id if event else None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I live alone and need a passport",
        "le dépôt est fait à mon compte",
        "j'ai eu un petit problème avec mon passeport",
        "the fee went up by $65 this year",
        "j'ai appelé Retraite Québec pour mon dossier",
    ],
)
def test_living_alone_or_an_account_is_no_life_event(real_catalogue: Catalogue, text: str) -> None:
    assert real_catalogue.life_event_phrased(text) is None


def test_fort_mcmurray_wildfire_outreach_is_recorded(real_catalogue: Catalogue) -> None:
    found = real_catalogue.outreach_near(real_catalogue.resolve_place("Fort McMurray"), today=date(2026, 11, 23))
    wildfire = [o for o in found if o.kind == "joint_event" and o.start_date and o.start_date.year == 2016]
    assert wildfire, [o.id for o in found]
    levels = {org.jurisdiction_level for org, _ in wildfire[0].participants}
    assert {"federal", "provincial", "municipal"} <= levels


def test_cross_promotion_of_ontario_licences_by_service_canada(real_catalogue: Catalogue) -> None:
    promotions = real_catalogue.cross_promotions(promoter_id="gc-service-canada")
    assert any(
        p.service.organization.state_province == "ON" and "licen" in p.service.name.en.lower() for p in promotions
    )


def test_french_queries(real_catalogue: Catalogue) -> None:
    assert best(real_catalogue, "numero d'assurance sociale") == "gc-1292"
    assert best(real_catalogue, "passeport") in {"gc-1242", "gc-1491"}
    assert best(real_catalogue, "assurance-emploi") == "gc-1003"


def test_abbreviations_and_typos(real_catalogue: Catalogue) -> None:
    assert best(real_catalogue, "EI") == "gc-1003"
    assert best(real_catalogue, "OAS") == "gc-1001"
    assert best(real_catalogue, "CPP") == "gc-7"
    assert best(real_catalogue, "CCB") == "gc-1107"
    assert best(real_catalogue, "pasport") in {"gc-1242", "gc-1491"}


def test_nonsense_finds_nothing(real_catalogue: Catalogue) -> None:
    assert real_catalogue.search_services("purple elephant karaoke") == []


def test_spellings_and_verb_forms_become_one_stem() -> None:
    assert {stem(w) for w in ("license", "licences", "licensing")} == {"licence"}
    assert stem("renewed") == stem("renewing") == "renew"


def test_a_request_is_ranked_by_all_its_words(real_catalogue: Catalogue) -> None:
    # The model tagged only "card"-ish words; the rest of the message decides which card.
    readings = ["carte de", "carte de résident permanent, je dois la renouveler"]
    assert real_catalogue.search_request(readings, readings[1])[0].service.id == "gc-1464"
    ontario = real_catalogue.resolve_place("Sudbury")
    renewal = real_catalogue.search_request(["health card"], "my health card is expiring, renewing it", near=ontario)
    assert renewal[0].service.id == "on-health-card-renewal"


def test_a_request_word_alone_finds_nothing(real_catalogue: Catalogue) -> None:
    assert real_catalogue.search_request(["help"], "where can I get help") == []


def test_a_kind_the_catalogue_lacks_is_not_any_of_its_kind(real_catalogue: Catalogue) -> None:
    # The model tagged only "licence" / "permis": the client asked for a kind no service has.
    assert real_catalogue.search_request(["licence"], "my SIN is [SIN] and I need a unicorn licence") == []
    assert real_catalogue.search_request(["permis"], "où obtenir un permis de licorne?") == []
    # A known qualifier still narrows, and the head alone still finds its kind.
    assert real_catalogue.search_request(["licence"], "I need a marriage licence")
    assert real_catalogue.search_request(["licence"], "where do I renew my licence")
    # "dès" (from) is no "des" (of): "du RPC dès maintenant" is the CPP from now, not a kind of CPP
    assert real_catalogue.search_request(
        ["RPC"], "je demande ma pension du RPC dès maintenant, elle baisse de combien?"
    )
    # A piece of a reading that found services adds nothing: "canada" alone would bring the Canada Pension Plan.
    pieces = ["canada child benefit", "canada", "child benefit"]
    found = real_catalogue.search_request(pieces, "can we get the canada child benefit?", limit=10)
    assert "gc-1107" in {m.service.id for m in found} and "gc-7" not in {m.service.id for m in found}
    # A pronoun is no qualifier: "his CPP" is the CPP.
    cpp = real_catalogue.search_request(["CPP"], "can my dad apply for his CPP retirement pension on the internet?")
    assert cpp and cpp[0].service.id == "gc-7"


def test_renewing_is_not_the_urgent_pick_up_beside_the_passport(real_catalogue: Catalogue) -> None:
    found = real_catalogue.resolve_request(["passport"], "my passport expires next month, how do i renew it")
    assert found.matches[0].service.id == "gc-1242"
    lost = real_catalogue.resolve_request(["BC Services Card"], "lost my bc services card, how do i replace it")
    assert lost.matches[0].service.id == "bc-drivers-licence-renewal" and not lost.choices


def test_a_flight_moved_up_or_a_move_to_canada_long_ago_is_no_move_of_house(real_catalogue: Catalogue) -> None:
    assert real_catalogue.life_event_phrased("passport in a hurry, my flight got moved up to next week") is None
    assert real_catalogue.life_event_phrased("I only moved to Canada 12 years ago, do I still qualify?") is None
    assert real_catalogue.life_event_phrased("we just moved to Halifax").id == "moving"


def test_a_provincial_service_stands_in_for_the_federal_one_for_that_provinces_residents(
    real_catalogue: Catalogue,
) -> None:
    cpp = real_catalogue.service("gc-7")
    assert real_catalogue.for_province(cpp, "", "QC").id == "qc-qpp-retirement"
    assert real_catalogue.for_province(cpp, "", "ON") is cpp
    found = real_catalogue.resolve_request(
        ["prestation de décès"], "pis la prestation de décès c'est combien", province="QC"
    )
    assert [m.service.id for m in found.matches][:1] == ["qc-qpp-survivors"] and not found.choices
    death = real_catalogue.snapshot().life_events["death-of-a-family-member"]
    quebec = [s.id for s in real_catalogue.life_event_services(death, Whereabouts(None, "QC"))]
    assert quebec[0] == "qc-qpp-survivors" and "gc-7" not in quebec
    ontario = [s.id for s in real_catalogue.life_event_services(death, Whereabouts(None, "ON"))]
    assert ontario[0] == "gc-7"


def test_without_a_province_a_stand_in_is_found_only_by_its_own_name(real_catalogue: Catalogue) -> None:
    text = "can I do my CPP retirement application on the internet?"
    assert real_catalogue.resolve_request([text], text).matches[0].service.id == "gc-7"
    assert real_catalogue.resolve_request(["RRQ"], "RRQ rente de retraite").matches[0].service.id == "qc-qpp-retirement"


def test_a_name_held_whole_names_its_service_however_many_other_words(real_catalogue: Catalogue) -> None:
    """ "bébé" makes other provinces' newborn registrations the search's best: Québec's declaration is named whole."""
    message = "Peut-on faire la déclaration de naissance de notre bébé sur le web au Québec?"
    reading = "Peut-on faire la déclaration de naissance de notre bébé sur le"
    found = real_catalogue.resolve_request([reading], message, real_catalogue.resolve_place("Québec"))
    assert [m.service.id for m in found.matches][:1] == ["qc-birth-certificate"]


def test_a_name_held_in_pieces_names_nothing(real_catalogue: Catalogue) -> None:
    index = real_catalogue.snapshot().service_index
    held = {hit.key for hit in index.phrases_in("carte de résident permanent perdue", in_order=True)}
    assert "qc-health-card-renewal" not in held  # its alias "carte perdue" is not one run of these words
    assert "qc-health-card-renewal" in {hit.key for hit in index.phrases_in("carte de résident permanent perdue")}


def test_a_life_event_phrase_is_held_in_order_with_a_few_words_inside(real_catalogue: Catalogue) -> None:
    index = real_catalogue.snapshot().life_event_index
    assert "having-a-baby" not in {hit.key for hit in index.phrases_in("notre fille a eu 18 ans", True, slack=3)}
    assert "having-a-baby" in {hit.key for hit in index.phrases_in("on a eu une fille", True, slack=3)}
    far = "starting my own very small and quiet dog business"  # start ... business: five words inside
    assert "starting-a-business" not in {hit.key for hit in index.phrases_in(far, True, slack=3)}


def test_a_service_named_whole_is_not_a_choice_with_another_governments_that_shares_its_words(
    real_catalogue: Catalogue,
) -> None:
    """EI's sickness benefits are "prestations de maladie de l'assurance-emploi": no choice for Manitoba's plan."""
    message = "À partir de quand je suis couvert par l'assurance-maladie du Manitoba?"
    found = real_catalogue.resolve_request(["assurance-maladie"], message, real_catalogue.resolve_place("Brandon"))
    assert [m.service.id for m in found.matches][:1] == ["mb-health-card"] and not found.choices


def test_a_fact_question_is_about_the_service_named_whole_or_a_federal_one_never_another_provinces(
    real_catalogue: Catalogue,
) -> None:
    dental = "On n'a pas d'assurance dentaire. Peut-on avoir le régime fédéral de soins dentaires?"
    found = real_catalogue.resolve_request(["régime", "soins dentaires"], dental, None)
    assert real_catalogue.with_facts(found.matches, "eligibility", dental) in (None, found.matches[0].service)
    assert found.matches[0].service.id == "gc-dental-care-plan"
    loans = "am I eligible for canada student loans if I'm only taking 2 courses"
    found = real_catalogue.resolve_request(["canada student loans"], loans, None)
    chosen = real_catalogue.with_facts(found.matches, "eligibility", loans)
    assert chosen is not None and chosen.organization.state_province is None


@pytest.mark.parametrize(
    "readings, message, expected",
    [
        (["citoyenneté canadienne"], "Combien ça coûte demander la citoyenneté canadienne pour un adulte?", "gc-1482"),
        (["Quelles infos faut-il pour remplir la demande au RQAP en"], "Quelles infos pour le RQAP?", "qc-rqap"),
        (["assurance-emploi"], "Mon médecin m'arrête 8 semaines. L'assurance-emploi?", "gc-ei-sickness"),
    ],
)
def test_requests_in_ordinary_words(
    real_catalogue: Catalogue, readings: List[str], message: str, expected: str
) -> None:
    found = real_catalogue.resolve_request(readings, message, None)
    assert [m.service.id for m in found.matches][:1] == [expected]


@pytest.mark.parametrize(
    "reading, message, expected",
    [
        ("GST cheque", "im 19 and live alone, do I get the GST cheque?", "gc-1108"),
        ("chèque de TPS", "mon chèque de TPS arrive quand?", "gc-1108"),
        ("couverture santé", "J'arrive à Halifax, ma couverture santé commence quand?", "ns-health-card"),
    ],
)
def test_everyday_names_of_a_benefit_or_of_health_coverage_find_it(
    real_catalogue: Catalogue, reading: str, message: str, expected: str
) -> None:
    near = real_catalogue.resolve_place("Halifax") if "Halifax" in message else None
    found = real_catalogue.resolve_request([reading], message, near)
    assert [m.service.id for m in found.matches][:1] == [expected]


def test_a_question_about_hours_worked_names_no_life_event(real_catalogue: Catalogue) -> None:
    """ "can't work" without its negation is only "work": an alias that held it would read any question about
    hours worked as a disability."""
    assert real_catalogue.life_event_phrased("how many hours do I need to have worked?") is None
    assert real_catalogue.life_event_phrased("I can't work anymore since my stroke") is not None


def test_a_fact_question_is_about_the_best_match_with_those_facts_whatever_the_searchs_order(
    real_catalogue: Catalogue,
) -> None:
    """ "CPP" names the CPP's general benefits whole, but "the disability pension" is the better match: its
    criteria are the ones asked for."""
    message = (
        "I'm 44, had a stroke and can't work anymore. Paid into CPP for 20 yrs. Could I get the disability pension?"
    )
    found = real_catalogue.resolve_request(["CPP", "disability", "pension", message], message, None)
    chosen = real_catalogue.with_facts(found.matches, "eligibility", message)
    assert chosen is not None and chosen.id == "gc-991"


def test_only_a_case_named_in_full_by_a_services_name_links_it_to_another_services_facts(
    real_catalogue: Catalogue,
) -> None:
    """The express passport service is the passport's "Express service" case; a Manitoba licence is no case of
    Alberta's licence, nor a change of address a case of Ontario's licence renewal ("with your health card")."""
    services = real_catalogue.snapshot().services
    express = real_catalogue.case_of(services["gc-passport-express"], "processing_time")
    assert express is not None and express.id == "gc-1242"
    assert real_catalogue.case_of(services["mb-drivers-licence"], "documents") is None
    assert real_catalogue.case_of(services["on-address-change"], "documents") is None
    assert real_catalogue.case_of(services["gc-1242"], "processing_time") is None  # it has its own
