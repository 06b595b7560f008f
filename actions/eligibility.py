"""The eligibility quick check: one question at a time, answered with buttons, in the client's language.

Criteria differ by service and live in the catalogue (eligibility_criteria.csv), so this is not a Rasa
form: a form's slots are fixed in domain.yml, and a service owner adding a criterion would then need a
retrain. Each button sends `/ask_eligibility{"eligibility_answer": "<criterion>=<answer>"}`, which comes
back here; the answers so far are kept in the `eligibility_answers` slot, for this service only.
"""

from __future__ import annotations

import json
from typing import Dict, List, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.base import Events, latest_entity
from actions.messages import say
from services_catalog.facts import eligibility_check
from services_catalog.model import Criterion, Service, ServiceFacts

Buttons = List[Dict[str, str]]


def answers_so_far(tracker: Tracker, service: Service) -> Dict[str, str]:
    """The answers given about this service, with the one just clicked."""
    try:
        kept = json.loads(tracker.get_slot("eligibility_answers") or "{}")
    except ValueError:
        kept = {}
    answers = kept.get("answers", {}) if isinstance(kept, dict) and kept.get("service") == service.id else {}
    clicked = latest_entity(tracker, "eligibility_answer") or ""
    criterion, _, answer = clicked.partition("=")
    if criterion and answer:
        answers[criterion] = answer
    return {str(k): str(v) for k, v in answers.items()}


def question(criterion: Criterion, lang: str) -> Tuple[str, Buttons]:
    labels = [fr if lang == "fr" else en for en, fr in criterion.labels]
    buttons = [
        {"title": label, "payload": "/ask_eligibility" + json.dumps({"eligibility_answer": f"{criterion.id}={code}"})}
        for code, label in zip(criterion.answers, labels)
    ]
    return criterion.question.get(lang), buttons


def check_turn(tracker: Tracker, service: Service, facts: ServiceFacts, lang: str) -> Tuple[List[str], Buttons, Events]:
    """Lines to say, buttons to offer and the slot to keep, for the turn after the rules were shown."""
    answers = answers_so_far(tracker, service)
    check = eligibility_check(facts.criteria, answers)
    kept = SlotSet("eligibility_answers", json.dumps({"service": service.id, "answers": answers}))
    url = service.url.get(lang) or service.organization.url.get(lang)
    if check.next_question is not None:
        text, buttons = question(check.next_question, lang)
        return [text], buttons, [kept]
    decided = check.not_fitting[0].decided_by if check.not_fitting else facts.criteria[0].decided_by
    verdict = (
        say("may_qualify", lang, service=service.name.get(lang))
        if check.may_qualify
        else say("may_not_qualify", lang, rule=check.not_fitting[0].rule.get(lang))
    )
    return [verdict, decided.get(lang), say("not_a_decision", lang, url=url)], [], [kept]
