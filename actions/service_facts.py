"""What to bring, what it costs, how long it takes, who qualifies — for the service asked or the last one.

Every fact is shown with the official page it comes from, and a fact nobody re-checked says so: a client
who reads "$160" here must be able to see where that figure was published and whether it was confirmed.
A provincial service asked without a province gets one question, "where do you live?", and the answer
follows once the client says it (the `awaiting` slot sends the place back here).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Text, Tuple, Union

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_status import status
from actions.base import QUESTIONS, CatalogueAction, Events, latest_entity, latest_text, offer_choices
from actions.eligibility import check_turn
from actions.life_event import ActionLifeEvent
from actions.messages import CHANNELS, say
from actions.service_names import NamedService
from bot.question_words import same_question_again
from services_catalog.facts import asks_amount_paid
from services_catalog.geography import Place
from services_catalog.jurisdiction import whereabouts
from services_catalog.model import Bilingual, Cost, Criterion, Fact, Service, ServiceFacts

MAX_LINES = 14
Sourced = Union[Fact, Cost, Criterion]


def money(amount: float, lang: str) -> str:
    """$160 / $12.50 in English, 160 $ / 12,50 $ in French, as each language writes amounts; "free" for 0."""
    if amount == 0:
        return "free" if lang == "en" else "gratuit"
    figure = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
    if lang == "fr":
        return figure.replace(",", " ").replace(".", ",") + " $"
    return "$" + figure


class ActionServiceFacts(CatalogueAction):
    def name(self) -> Text:
        return "action_service_facts"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        last_question = tracker.get_slot("last_question")
        again = last_question and same_question_again(latest_text(tracker))
        question = (last_question if again else QUESTIONS.get(intent)) or last_question or "documents"
        return self.answer_question(dispatcher, tracker, lang, question)

    def answer_question(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str, question: str, in_event: bool = False
    ) -> Events:
        """The answer to one kind of question (documents, fees, processing_time, eligibility). in_event: the
        life event the message names was answered by this question about one of its services."""
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        place = self.resolve_place(self.place_from(tracker))
        text = latest_text(tracker)
        phrased = None if in_event else self.catalogue().life_event_phrased(text)
        named = self._named(tracker, place, event_named=phrased is not None, question=question)
        chosen = self.catalogue().with_facts(named.matches, question, text) if named else None
        if named is not None and named.choices and chosen is None:
            choices = offer_choices(dispatcher, named.text, named.choices, lang, intent or "ask_documents")
            return [SlotSet("last_question", question)] + choices
        service, needs_province = self._service(tracker, place, named, chosen)
        event = phrased or (service is None and not in_event and self.catalogue().life_event_named([text]))
        if event and not (named and named.matches) and (service is None or service not in event.services):
            # "lost my husband, am I entitled to anything?": no service named, a life event is (whole, when a
            # service is under discussion: "and for a child?" is no birth). The funeral after a death is about
            # the death's own services, still under discussion (the CPP death benefit).
            return ActionLifeEvent().answer(dispatcher, tracker, lang)
        if service is None:
            dispatcher.utter_message(text=say("ask_which_service_detail", lang))
            return [SlotSet("last_question", question), status("asked")]
        events: Events = [SlotSet("last_question", question), SlotSet("last_service_id", service.id)]
        if named and named.matches:  # the service's words, which "and in Ontario?" will look for there
            events.append(SlotSet("last_request", named.text))
        if needs_province:
            dispatcher.utter_message(text=say("ask_province", lang, service=service.name.get(lang)))
            return events + [SlotSet("awaiting", "facts"), SlotSet("last_place", None)]
        facts = self.catalogue().facts(service.id, latest_text(tracker))
        parent = self.catalogue().case_of(service, question)
        if parent is not None:  # "le service express, ça prend combien de jours?": the passport's express case
            service, facts = parent, self.catalogue().facts(parent.id, f"{latest_text(tracker)} {service.name.en}")
        if question == "eligibility" and facts.criteria:
            rules = [] if latest_entity(tracker, "eligibility_answer") else self.lines(question, service, facts, lang)
            lines, buttons, kept = check_turn(tracker, service, facts, lang)
            dispatcher.utter_message(text="\n".join(rules + lines), buttons=buttons)
            return events + kept + [SlotSet("awaiting", None)]
        shown = "amount" if question == "fees" and asks_amount_paid(facts, latest_text(tracker)) else question
        dispatcher.utter_message(text="\n".join(self.lines(shown, service, facts, lang)))
        return events + [SlotSet("awaiting", None)]

    def _named(
        self, tracker: Tracker, place: Optional[Place], event_named: bool, question: str
    ) -> Optional[NamedService]:
        """The service the question names (see asked_service); a reply to "where do you live?" names none.

        After a life event, a question naming no service may be about another of its services ("how long do we
        have to register her?" after a birth), except a question about money while a benefit is under
        discussion ("anything to help pay for the funeral?" after the CPP is its death benefit)."""
        if tracker.get_slot("awaiting") == "facts":
            return None
        named = self.asked_service(tracker, place, event_named=event_named)
        last = self.last_service(tracker)
        event = tracker.get_slot("life_event")
        if last is None or (named and named.matches) or not event:
            return named
        if event == latest_entity(tracker, "life_event"):
            # "what if I moved back to Canada for good?" about OAS: a move in this question, no event answered before
            return named
        if question == "fees" and self.catalogue().facts(last.id).amounts:
            return named
        return self.event_service(tracker, place, last, question) or named

    def _service(
        self, tracker: Tracker, place: Optional[Place], named: Optional[NamedService], chosen: Optional[Service]
    ) -> Tuple[Optional[Service], bool]:
        """The service named now (for the client's province), else the last one, moved to the place or
        province named now ("and in Ontario?" names no town)."""
        if named and named.matches:
            service = chosen or named.matches[0].service
            # A federal service's facts are everyone's: no need to know the province (the CCB's delay).
            return service, named.needs_province and service.organization.state_province is not None
        last = self.last_service(tracker)
        # The province said now beats the town remembered from before ("ok, back to Ontario" after Québec).
        province = whereabouts(latest_text(tracker)).province or (place.province if place else None)
        if last is None or province is None:
            return last, False
        request = tracker.get_slot("last_request") or ""
        near = place if place and place.province == province else None
        return self.catalogue().for_province(last, request, province, near) or last, False

    def lines(self, question: str, service: Service, facts: ServiceFacts, lang: str) -> List[str]:
        name = service.name.get(lang)
        if question == "fees":
            return self._listed(
                "fees_for",
                "no_fees",
                service,
                facts.costs,
                lambda c: say("fact_line", lang, case=c.option.get(lang), text=money(c.amount, lang)),
                lang,
                fallback=service.fees,
            )
        if question == "processing_time":
            return self._listed(
                "times_for",
                "no_processing_time",
                service,
                facts.processing_times,
                lambda f: self.case_line(f, lang),
                lang,
            )
        if question == "amount":  # what a benefit pays: "how much will I get?"
            return self._listed(
                "amounts_for", "no_fees", service, facts.amounts, lambda f: self.case_line(f, lang), lang
            )
        if question == "eligibility":
            if not facts.criteria:
                return self._missing("no_eligibility", service, lang, service.eligibility)
            decided = list(dict.fromkeys(c.decided_by.get(lang) for c in facts.criteria))
            return [
                say("eligibility_for", lang, service=name),
                *(f"• {c.rule.get(lang)}" for c in facts.criteria),
                *decided,
                *self.sources(facts.criteria, lang),
                say("quick_check", lang),
            ]
        return self._grouped(service, facts.documents, lang)

    def _grouped(self, service: Service, documents: Sequence[Fact], lang: str) -> List[str]:
        """Documents under a heading per variant (first passport, renewal...) when there are several."""
        if not documents:
            return self._missing("no_documents", service, lang, service.documents)
        lines = [say("documents_for", lang, service=service.name.get(lang))]
        by_variant: Dict[str, List[Fact]] = {}
        for fact in documents:
            by_variant.setdefault(fact.variant.get(lang), []).append(fact)
        for variant, facts in by_variant.items():
            if variant and len(by_variant) > 1:
                lines.append(say("variant", lang, variant=variant))
            lines += [f"• {fact.text.get(lang)}" for fact in facts]
        return self._capped(lines, service, lang) + self.sources(documents, lang)

    def _listed(
        self,
        header: str,
        missing: str,
        service: Service,
        rows: Sequence[Sourced],
        line: Callable[[Any], str],
        lang: str,
        fallback: Bilingual = Bilingual(),
    ) -> List[str]:
        if not rows:
            return self._missing(missing, service, lang, fallback)
        lines = [say(header, lang, service=service.name.get(lang)), *map(line, rows)]
        return self._capped(lines, service, lang) + self.sources(rows, lang)

    @staticmethod
    def _missing(key: str, service: Service, lang: str, fallback: Bilingual) -> List[str]:
        """The catalogue's free-text summary when there is one, else the official page."""
        name, url = service.name.get(lang), service.url.get(lang) or service.organization.url.get(lang)
        if fallback:
            return [say("fact", lang, service=name, text=fallback.get(lang)), say("see_page", lang, url=url)]
        return [say(key, lang, service=name, url=url)]

    @staticmethod
    def case_line(fact: Fact, lang: str) -> str:
        parts = [fact.variant.get(lang), CHANNELS[fact.channel][lang] if fact.channel else ""]
        case = ", ".join(p for p in parts if p)
        return say("fact_line", lang, case=case, text=fact.text.get(lang)) if case else f"• {fact.text.get(lang)}"

    @staticmethod
    def _capped(lines: List[str], service: Service, lang: str) -> List[str]:
        if len(lines) <= MAX_LINES:
            return lines
        return lines[:MAX_LINES] + [say("more_on_page", lang, url=service.url.get(lang))]

    @staticmethod
    def sources(rows: Iterable[Sourced], lang: str) -> List[str]:
        """One line per official page: when it was checked, or that it was not."""
        checked: Dict[str, Optional[date]] = {}
        for row in rows:
            mine = row.last_verified if row.verification == "verified" else None
            # A page is as checked as its least checked fact shown: one unverified figure makes it "confirm there".
            seen = checked.get(row.source, mine)
            checked[row.source] = None if seen is None or mine is None else min(seen, mine)
        return [
            say("source_checked", lang, url=url, date=day.isoformat())
            if day
            else say("source_unchecked", lang, url=url)
            for url, day in checked.items()
        ]
