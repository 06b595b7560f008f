"""Is it open on Saturday? Open now? On Christmas day? — an office's hours, on the office's own clock.

The office is the one the message names ("the Calgary Centre Service Canada office"), else the one
the conversation is about; the day is read from the message ("and on Sunday?", "le 26 décembre"),
else the week from the office's local today. Holidays and closures come from services_catalog.hours,
so "closed" always says why.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import List, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_status import status
from actions.base import CatalogueAction, Events, latest_entity, latest_text
from actions.messages import say
from actions.render import clock, day_line, day_name, periods, week_lines, weekday_span
from services_catalog.geography import Place
from services_catalog.hours import (
    UNKNOWN,
    client_clock,
    day_hours,
    in_zone,
    local_now,
    location_zone,
    mentions_now,
    next_opening,
    parse_day,
    usual_weekdays,
    without_time_words,
)
from services_catalog.jurisdiction import whereabouts
from services_catalog.model import Location, OpeningHours


class ActionOfficeHours(CatalogueAction):
    def name(self) -> Text:
        return "action_office_hours"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        text = latest_text(tracker)
        client, office_words = client_clock(text)  # "I'm in Toronto": the client's clock, not the office's town
        location = (
            self._office(tracker, office_words)
            or self.last_location(tracker)
            or self._nearest_for_last_service(tracker)
        )
        if location is None:
            dispatcher.utter_message(text=say("no_location", lang))
            return [status("asked")]
        service_id = tracker.get_slot("last_service_id")
        own: Tuple[OpeningHours, ...] = self.catalogue().service_hours_at(service_id, location.id) if service_id else ()
        office = location.name.get(lang)
        now = local_now(location)
        if not (location.hours or own):
            url = location.url.get(lang) or location.organization.url.get(lang)
            dispatcher.utter_message(text=say("no_hours", lang, office=office, url=url))
        elif mentions_now(text):
            dispatcher.utter_message(text=self._now(location, own, now, lang))
        else:
            asked = parse_day(text, now.date(), lang, location.state_province)
            if asked:
                hours = self._day(location, asked, own, lang)
                lines = [say("hours_on_day", lang, office=office, day=day_name(asked, lang), hours=hours)]
                lines += self._open_after(location, own, asked, lang)
            else:
                lines = [say("hours_at", lang, office=office), *week_lines(location, lang, own, now.date())]
                lines += self._usual_days(location, own, now.date(), lang)
            lines.append(say("local_time", lang, time=clock(now.time(), lang)))
            if client is not None:
                day = asked or self._next_open_day(location, own, now.date())
                lines += self._on_client_clock(location, own, day, client, lang)
            dispatcher.utter_message(text="\n".join(lines))
        return [SlotSet("last_location_id", location.id)]

    def _on_client_clock(
        self, location: Location, own: Tuple[OpeningHours, ...], day: date, client: Place, lang: str
    ) -> List[str]:
        """ "I'm in Toronto": the day's hours again on the client's clock, when it is not the office's."""
        hours = day_hours(location, day, own)
        if not hours.is_open:
            return []
        office_zone, client_zone = location_zone(location), self.catalogue().zone_at(client)
        moment = datetime.combine(day, hours.intervals[0][0])
        if moment.replace(tzinfo=office_zone).utcoffset() == moment.replace(tzinfo=client_zone).utcoffset():
            return []
        spans = in_zone(day, hours.intervals, office_zone, client_zone)
        return [say("client_time", lang, place=client.name, day=day_name(day, lang), hours=periods(spans, lang))]

    @staticmethod
    def _next_open_day(location: Location, own: Tuple[OpeningHours, ...], today: date) -> date:
        """The first day of the week shown that the office opens (today when it opens today)."""
        days = (today + timedelta(days=n) for n in range(7))
        return next((day for day in days if day_hours(location, day, own).is_open), today)

    @staticmethod
    def _usual_days(location: Location, own: Tuple[OpeningHours, ...], today: date, lang: str) -> List[str]:
        """A week that is not Monday to Friday, said in words ("Open Tuesday to Thursday each week."): a client
        asking what days an office opens should not have to read it off seven dated lines. Monday to Friday
        goes without saying."""
        weekdays = usual_weekdays(location, today, own)
        if not weekdays or weekdays == list(range(5)):
            return []
        return [say("usual_days", lang, days=weekday_span(weekdays, lang))]

    @staticmethod
    def _open_after(location: Location, own: Tuple[OpeningHours, ...], day: date, lang: str) -> List[str]:
        """ "Open on Monday?" at a site open Tuesday to Thursday: closed, and the next day it opens, so the client
        need not ask day by day. Nothing when the day is open or its hours are unknown."""
        asked = day_hours(location, day, own)
        if asked.is_open or asked.reason == UNKNOWN:
            return []
        later = (day + timedelta(days=n) for n in range(1, 15))
        opening = next((d for d in later if day_hours(location, d, own).is_open), None)
        if opening is None:
            return []
        hours = periods(day_hours(location, opening, own).intervals, lang)
        return [say("next_open_day", lang, day=day_name(opening, lang), hours=hours)]

    def _office(self, tracker: Tracker, text: str) -> Optional[Location]:
        """The office the message's words name, if they name one: a town, an organization or an office's words."""
        words = without_time_words(text)
        place = whereabouts(text).place
        if place is None and latest_entity(tracker, "organization") is None and len(words.split()) < 2:
            return None  # "and on Sunday?": about the office already under discussion
        return self.catalogue().office_meant(words, place, tracker.get_slot("last_service_id"))

    def _nearest_for_last_service(self, tracker: Tracker) -> Optional[Location]:
        """ "Are they open on Saturday?" after the SIN in Regina, answered without an office list: the
        nearest office there offering it."""
        service_id = tracker.get_slot("last_service_id")
        place = self.resolve_place(self.place_from(tracker))
        return self.catalogue().office_meant("", place, service_id) if service_id and place else None

    @staticmethod
    def _day(location: Location, day: date, own: Tuple[OpeningHours, ...], lang: str) -> str:
        hours = day_hours(location, day, own)
        return say("hours_unknown", lang) if hours.reason == UNKNOWN else day_line(hours, lang)

    @staticmethod
    def _now(location: Location, own: Tuple[OpeningHours, ...], now: datetime, lang: str) -> str:
        office, today = location.name.get(lang), day_hours(location, now.date(), own)
        if today.open_at(now.time()):
            closes = next(b for a, b in today.intervals if a <= now.time() < b)
            return say("open_now", lang, office=office, time=clock(now.time(), lang), closes=clock(closes, lang))
        reopens = next_opening(location, None, own)
        when = (
            say("next_opening", lang, day=day_name(reopens.date(), lang), time=clock(reopens.time(), lang))
            if reopens
            else ""
        )
        return say(
            "closed_now", lang, office=office, time=clock(now.time(), lang), why=day_line(today, lang), next=when
        )
