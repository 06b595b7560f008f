"""Choosing the variant a request names, and the eligibility quick check (services_catalog.facts)."""

from __future__ import annotations

import pytest

from services_catalog.facts import age_in, asks_amount_paid, eligibility_check, for_request
from services_catalog.model import Bilingual, Cost, Criterion, Fact, ServiceFacts

SOURCE = "https://www.canada.ca/en/immigration-refugees-citizenship/services/canadian-passports/passport-fees.html"


def cost(option_en: str, option_fr: str, amount: float) -> Cost:
    return Cost(option_en, Bilingual(option_en, option_fr), amount, "CAD", SOURCE, None, "unverified")


FEES = (
    cost("Adult passport, 10 years", "Passeport d'adulte, 10 ans", 160),
    cost("Adult passport, 5 years", "Passeport d'adulte, 5 ans", 120),
    cost("Child passport (under 16)", "Passeport pour enfant (moins de 16 ans)", 57),
)


def fees_for(request: str, rows=FEES, **options) -> list:
    return [c.amount for c in for_request(ServiceFacts(costs=rows), request, **options).costs]


def test_a_request_naming_a_variant_gets_that_variant_only() -> None:
    assert fees_for("how much for a child passport?") == [57]
    assert fees_for("et pour un enfant?") == [57]
    assert fees_for("adult passport fee") == [160, 120]


def test_a_request_naming_no_variant_gets_them_all() -> None:
    assert len(fees_for("how much is it?")) == 3
    assert len(fees_for("how much does a passport cost")) == 3


def test_rows_without_a_variant_always_stay() -> None:
    general = cost("", "", 0)
    assert fees_for("child", (*FEES, general)) == [57, 0]


def test_the_services_own_name_picks_no_variant() -> None:
    citizenship = (
        cost("Adult: processing fee", "Adulte : frais de traitement", 530),
        cost("Adult: right of citizenship fee", "Adulte : frais relatifs au droit de citoyenneté", 119.75),
    )
    assert fees_for("how much is citizenship", citizenship) == [119.75]  # without the name, the wrong row
    named = Bilingual("Citizenship grant", "Attribution de citoyenneté")
    assert fees_for("how much is citizenship", citizenship, service_name=named) == [530, 119.75]


def test_the_catalogues_synonyms_name_variants_too() -> None:
    assert len(fees_for("and for my kid?")) == 3
    assert fees_for("and for my kid?", expand=lambda words: ["child" if w == "kid" else w for w in words]) == [57]


def criterion(identifier: str, position: int, answers: str, may_qualify: str) -> Criterion:
    codes = tuple(answers.split(";"))
    return Criterion(
        identifier,
        position,
        Bilingual("Question?", "Question?"),
        codes,
        tuple((c, c) for c in codes),
        tuple(may_qualify.split(";")),
        Bilingual("Rule.", "Règle."),
        Bilingual("Service Canada decides.", "Service Canada décide."),
        SOURCE,
        None,
        "unverified",
    )


AGE = criterion("oas-age", 1, "under_60;60_to_64;65_or_over", "64;65_or_over")
RESIDENCE = criterion("oas-residence", 2, "yes;no;not_sure", "yes;not_sure")


def test_the_check_asks_in_order_and_stops_at_the_first_answer_that_does_not_fit() -> None:
    assert eligibility_check((AGE, RESIDENCE), {}).next_question is AGE
    assert eligibility_check((AGE, RESIDENCE), {"oas-age": "65_or_over"}).next_question is RESIDENCE
    stopped = eligibility_check((AGE, RESIDENCE), {"oas-age": "under_60"})
    assert stopped.done and stopped.not_fitting == (AGE,) and not stopped.may_qualify


def test_the_check_errs_towards_inclusion() -> None:
    fits = eligibility_check((AGE, RESIDENCE), {"oas-age": "65_or_over", "oas-residence": "not_sure"})
    assert fits.may_qualify
    unknown_answer = eligibility_check((AGE,), {"oas-age": "something else"})
    assert unknown_answer.may_qualify


def test_for_request_narrows_documents_fees_and_times_but_keeps_every_criterion() -> None:
    facts = ServiceFacts(costs=FEES, criteria=(AGE, RESIDENCE))
    narrowed = for_request(facts, "child passport")
    assert [c.amount for c in narrowed.costs] == [57] and narrowed.criteria == (AGE, RESIDENCE)


def test_a_fee_question_about_the_passport_is_about_the_service_with_fees(real_catalogue) -> None:
    found = real_catalogue.resolve_request(["passport"], "how much is a 10 year passport for an adult?", None, 10)
    chosen = real_catalogue.with_facts(found.matches, "fees")
    assert chosen is not None and chosen.id == "gc-1242"
    assert [c.amount for c in real_catalogue.facts(chosen.id, "adult 10 year").costs] == [160]
    # The question's own word is no variant: "passport fees" gets every fee, the passports' own first.
    assert [c.amount for c in real_catalogue.facts(chosen.id, "passport fees").costs][:3] == [160, 120, 57]


def test_no_service_with_the_facts_asked_gives_none(real_catalogue) -> None:
    found = real_catalogue.resolve_request(["pet licence"], "how long does a pet licence take", None, 10)
    assert real_catalogue.with_facts(found.matches, "processing_time") is None


def test_a_provincial_service_moves_to_the_new_province_without_the_old_place(real_catalogue) -> None:
    halifax = real_catalogue.resolve_place("Halifax")
    manitoba = real_catalogue.service("mb-health-card")
    moved = real_catalogue.for_province(manitoba, "health card in Winnipeg", "NS", halifax)
    assert moved is not None and moved.id == "ns-health-card"


def test_a_provincial_service_moves_to_a_province_named_without_a_town(real_catalogue) -> None:
    quebec = real_catalogue.service("qc-health-card")
    moved = real_catalogue.for_province(quebec, "", "ON")
    assert moved is not None and moved.id.startswith("on-") and "health" in moved.name.en.lower()


@pytest.mark.parametrize("words", ["citizenship", "citoyenneté"])
def test_citizenship_alone_is_the_citizenship_grant(real_catalogue, words: str) -> None:
    found = real_catalogue.resolve_request([words], words)
    assert found.matches and found.matches[0].service.id == "gc-1482" and not found.choices


def test_proof_of_citizenship_stays_itself(real_catalogue) -> None:
    found = real_catalogue.resolve_request(["proof of citizenship"], "proof of citizenship")
    assert found.matches and found.matches[0].service.id == "gc-1488"


@pytest.mark.parametrize(
    "request_text, age",
    [
        ("pis pour mon gars de 10 ans?", 10),
        ("and for my son, he's 12?", 12),
        ("my daughter is 4", 4),
        ("j'ai 62 ans", 62),
        ("combien coûte un passeport de 10 ans pour un adulte?", None),  # a 10-year passport, not an age
        ("the 5 yr passport", None),
        ("a passport for my 6-year-old son", 6),  # hyphenated, as people write it
        ("our 8-yr-old", 8),
    ],
)
def test_an_age_is_said_of_a_person(request_text: str, age) -> None:
    assert age_in(request_text) == age


def test_a_stated_age_picks_the_variant_whose_bound_holds_it() -> None:
    assert fees_for("and for my kid? she's 7") == [57]
    assert fees_for("pis pour mon gars de 10 ans?") == [57]
    assert fees_for("I'm 34, how much is it") == [160, 120]
    assert fees_for("combien pour un passeport de 10 ans pour adulte") == [160]


def test_a_variant_asked_for_settles_a_tie_with_the_service_itself(real_catalogue) -> None:
    text = "my ohip expires next month, where do i renew it in mississauga"
    found = real_catalogue.resolve_request(["ohip"], text, real_catalogue.resolve_place("Mississauga"))
    assert not found.choices and found.matches[0].service.id == "on-health-card-renewal"


PAYS = (Fact("ei", Bilingual("Regular", "Régulières"), Bilingual("55%", "55 %"), SOURCE, None, "unverified"),)


@pytest.mark.parametrize(
    "request_text, costs, paid",
    [
        ("how much will I get?", FEES, True),  # said to be received, whatever it costs
        ("pis combien je vais avoir", FEES, True),
        ("how much is it?", (cost("Applying", "Demande", 0),), True),  # free to apply: the fee is not meant
        ("how much is it?", FEES, False),  # a service with fees: what it costs
    ],
)
def test_how_much_asks_what_a_benefit_pays_when_it_is_received_or_free(request_text, costs, paid) -> None:
    assert asks_amount_paid(ServiceFacts(costs=costs, amounts=PAYS), request_text) is paid
    assert asks_amount_paid(ServiceFacts(costs=costs), request_text) is False  # no amounts known: the fees


def test_a_processing_time_asked_by_its_channel_is_that_channels(real_catalogue) -> None:
    by_mail = real_catalogue.facts("gc-1107", "et par la poste?").processing_times
    assert [f.id for f in by_mail] == ["ccb-by-mail"]
    assert len(real_catalogue.facts("gc-1107", "how long does it take?").processing_times) == 3


@pytest.mark.parametrize(
    "request_text, weeks", [("how many weeks do I get as the dad?", "Paternity"), ("et pour la mère?", "Maternity")]
)
def test_a_parent_named_picks_that_parents_weeks(real_catalogue, request_text: str, weeks: str) -> None:
    variants = [a.variant.en for a in real_catalogue.facts("qc-rqap", request_text).amounts]
    assert any(v.startswith(weeks) for v in variants)
    assert not any(v.startswith("Paternity" if weeks == "Maternity" else "Maternity") for v in variants)


def test_what_a_benefit_pays_counts_as_its_fees(real_catalogue) -> None:
    """ "L'assurance-emploi va me donner combien par semaine?": EI has no fee, but it has what it pays."""
    matches = real_catalogue.search_services("assurance-emploi", limit=3)
    chosen = real_catalogue.with_facts(matches, "fees", "L'assurance-emploi va me donner combien par semaine?")
    assert chosen is not None and chosen.id == matches[0].service.id
    assert real_catalogue.facts(chosen.id).amounts
