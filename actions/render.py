"""Turning catalogue objects into short chat messages in the client's language.

A chat widget is narrow: one line per fact, at most three offices, addresses on
their own lines so they can be read aloud by a screen reader.
"""

from __future__ import annotations

from datetime import date, time
from typing import List, Sequence, Tuple

from actions.messages import ACCESS, CHANNELS, DAYS_LONG, LANGUAGE_NAMES, LEVELS, MONTHS, say
from services_catalog.hours import HOLIDAY, DayHours, local_today, week
from services_catalog.model import Location, OfficeHit, OpeningHours, Phone, Service


def clock(value: time, lang: str) -> str:
    """A time as each official language writes it on Canada.ca: "8 h 30", "16 h" / "8:30 am", "4:00 pm"."""
    if lang == "fr":
        return f"{value.hour} h {value.minute:02d}" if value.minute else f"{value.hour} h"
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"


def periods(spans: Sequence[Tuple[time, time]], lang: str) -> str:
    joiner = " et " if lang == "fr" else " and "
    return joiner.join(f"{clock(a, lang)}–{clock(b, lang)}" for a, b in spans)


def service_header(service: Service, lang: str) -> str:
    level = LEVELS[service.organization.jurisdiction_level][lang]
    return say(
        "service_header",
        lang,
        service=service.name.get(lang),
        organization=service.organization.name.get(lang),
        level=level,
    )


def office_lines(n: int, hit: OfficeHit, lang: str) -> List[str]:
    location = hit.location
    km = f"{hit.distance_km:.1f}".replace(".", ",") if lang == "fr" else f"{hit.distance_km:.1f}"
    # Placed at its town's centre, an office's distance is only as good as the town's size.
    key = "office_line_town" if location.coordinates_precision == "city" else "office_line"
    lines = [say(key, lang, n=n, name=location.name.get(lang), km=km, city=location.city)]
    lines += [f"   {line}" for line in public_address(location, lang)]
    if hit.note:
        lines.append(f"   {hit.note.get(lang)}")
    if hit.hours_today:
        lines.append("   " + say("today", lang, hours=periods(hit.hours_today, lang)))
    elif hit.closed_because:
        lines.append("   " + say("closed_today_because", lang, reason=hit.closed_because.get(lang)))
    elif location.hours or hit.service_hours:
        lines.append("   " + say("closed_today", lang))
    else:
        lines.append("   " + say("hours_unknown", lang))
    lines += [f"   {line}" for line in phone_lines(location.phones, "office_phone", lang)]
    if location.languages:
        names = ", ".join(LANGUAGE_NAMES.get(code, {}).get(lang, code) for code in location.languages)
        lines.append("   " + say("languages", lang, languages=names))
    if location.accessibility:
        features = ", ".join(ACCESS[code][lang] for code in location.accessibility if code in ACCESS)
        lines.append("   " + say("access", lang, features=features))
    return lines


def public_address(location: Location, lang: str, today: date | None = None) -> List[str]:
    """The address lines a client may be shown: the street only when a source gave it (see
    Location.address_confirmed), and a pointer to the office page when the source is old."""
    url = location.url.get(lang) or location.organization.url.get(lang)
    if location.address_confirmed:
        lines = location.address_lines(lang)
    else:
        lines = [f"{location.city} {location.state_province}", say("address_on_page", lang, url=url)]
    if location.needs_checking(today or date.today()) and location.last_verified:
        lines.append(say("check_page", lang, date=location.last_verified.isoformat(), url=url))
    return lines


def remote_lines(service: Service, channels: Sequence[str], lang: str) -> List[str]:
    lines = []
    if "online" in channels and service.url:
        lines.append(say("online", lang, url=service.url.get(lang)))
    if "phone" in channels or service.phones:
        lines += phone_lines(service.phones, "phone", lang) or [
            say("phone", lang, phone=service.phone) if service.phone else say("phone_on_page", lang)
        ]
    if "mail" in channels:
        lines.append(say("mail", lang))
    if not service.channels:
        lines.append(
            say(
                "contact_organization",
                lang,
                organization=service.organization.name.get(lang),
                url=service.url.get(lang) or service.organization.url.get(lang),
            )
        )
    return lines


def phone_lines(phones: Sequence[Phone], voice_key: str, lang: str) -> List[str]:
    """One line per number, TTY ones said as such: some clients can only call a TTY line."""
    keys = {"voice": voice_key, "tty": "tty", "text": "text_line"}
    return [
        say(keys[p.kind], lang, phone=p.number) + (f" ({p.description.get(lang)})" if p.description else "")
        for p in phones
        if p.kind in keys
    ]


def listed(items: Sequence[str], lang: str) -> str:
    """ "a, b and c" / "a, b et c"."""
    joiner = " et " if lang == "fr" else " and "
    return joiner.join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def channel_list(service: Service, lang: str) -> str:
    return ", ".join(CHANNELS[c][lang] for c in service.channels)


def day_name(day: date, lang: str) -> str:
    """ "Saturday, December 26" / "samedi 26 décembre", as each language writes a date."""
    weekday, month = DAYS_LONG[lang][day.weekday()], MONTHS[lang][day.month - 1]
    return f"{weekday} {day.day} {month}" if lang == "fr" else f"{weekday}, {month} {day.day}"


def weekday_span(weekdays: List[int], lang: str) -> str:
    """ "Tuesday to Thursday" for consecutive days, else "Monday, Wednesday and Friday"; in French with articles."""
    names = [DAYS_LONG[lang][day] for day in weekdays]
    if len(names) > 2 and weekdays == list(range(weekdays[0], weekdays[-1] + 1)):
        return f"du {names[0]} au {names[-1]}" if lang == "fr" else f"{names[0]} to {names[-1]}"
    return listed([f"le {name}" for name in names] if lang == "fr" else names, lang)


def day_line(hours: DayHours, lang: str) -> str:
    """The hours of a day, or "closed" and why: a holiday or a closure notice is named."""
    if hours.is_open:
        return periods(hours.intervals, lang)
    if hours.reason == HOLIDAY:
        return say("closed_holiday", lang, holiday=hours.why_closed.get(lang))
    if hours.why_closed:
        return say("closed_reason", lang, reason=hours.why_closed.get(lang))
    return say("closed", lang)


def week_lines(
    location: Location, lang: str, service_hours: Tuple[OpeningHours, ...] = (), start: date | None = None
) -> List[str]:
    """Seven days from the office's local today (or start), holidays and closures included."""
    days = week(location, start or local_today(location), service_hours)
    return [f"   {day_name(hours.day, lang)}: {day_line(hours, lang)}" for hours in days]
