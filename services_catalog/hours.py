"""Whether an office is open on a day, or now, in the office's own time zone and holiday calendar.

A client in Whitehorse asking at 19:00 on a Friday must not get Saturday's answer because the server
runs on UTC, and a client in Montréal must not be sent to a counter closed for the Fête nationale.
So every "today" here is the office's local day, and every closed day says why.

Time zone: the location's own IANA zone when the catalogue gives one, else the zone of its
province's capital (PROVINCE_ZONES). That is right for all but a few border towns (Lloydminster,
Creston, Labrador City, the Eastern-time corner of Nunavut, ...), which is why the catalogue's own
column wins whenever it is filled.

Holidays come from the `holidays` package (pinned in requirements.txt); nothing here hand-writes a
calendar. Which calendar closes which office:

* Federal offices (organization jurisdiction_level 'federal': Service Canada, passport offices, ...)
  follow the federal public service's designated paid holidays, not the province's: the package's
  'government' category for Canada (the Canada Labour Code general holidays, which the package
  already moves to the Monday, or Monday/Tuesday for Christmas, when they fall on a weekend), plus
  the two days federal collective agreements add to it: Easter Monday, and "one additional day
  recognized as a provincial or civic holiday in the area", which the Treasury Board sets to
  Saint-Jean-Baptiste (24 June) in Quebec, Discovery Day in Yukon, and the first Monday of August
  everywhere else. So a Service Canada Centre in Québec is closed on 24 June but one in Ottawa is
  open; and one in Ontario, Alberta or Nova Scotia is open on the provincial Family Day / Heritage
  Day in February, which is not a federal holiday.
  Sources: the Government of Canada's Canadian Digital Service employee guide, "Statutory holidays
  and office closures" (2025 and 2026 lists; Saint-Jean-Baptiste for Quebec employees instead of
  the August Civic Holiday); Library and Archives Canada's "Jours fériés" page (its points of
  service close on those days, weekend holidays moved to the next working day); PSAC Atlantic,
  "February holiday: information for PSAC members in the federal public sector" (11 designated
  paid holidays; the civic holiday recognized by federal employers is the first Monday in August,
  so the provincial February holiday is not one); r/CanadaPublicServants' "Guide to Statutory
  Holidays for Federal Public Servants" (2023 table: Quebec, Yukon, rest of Canada).
* Provincial, territorial, municipal and Indigenous offices follow their province's calendar:
  `holidays.country_holidays('CA', subdiv=<province>, categories=('public', 'optional'))`. The
  package's 'public' category is the employment-standards statutory list, which leaves out days
  that provincial governments and cities still close on: its 'optional' category holds those
  (Easter Monday in Quebec, the August Civic Holiday in Ontario, Heritage Day in Alberta, Boxing
  Day in most provinces, St. Patrick's / St. George's / Discovery / Orangemen's Day in
  Newfoundland and Labrador, Terry Fox Day in Manitoba, Natal Day in Nova Scotia). Telling a
  client "closed" on a day an office happens to open costs a day's wait; telling "open" on a day
  it is closed costs a wasted trip, so the broader list is the safer one.

The province is the location's own (state_province), not the organization's: a federal counter in
Gatineau follows Quebec's additional day. A province code the package does not know falls back to
the nationwide lists.

The package's French catalogue (0.86) leaves Boxing Day untranslated and capitalises "(Observé)";
_FR_FIXES mends those two strings rather than the calendar.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from gettext import gettext as tr
from typing import Dict, Iterator, List, Optional, Sequence, Tuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from holidays.constants import GOVERNMENT, OPTIONAL, PUBLIC
from holidays.countries.canada import Canada

from services_catalog.geography import Place, gazetteer
from services_catalog.model import Bilingual, Closure, Location, OpeningHours
from services_catalog.text import fold, fold_place

# The zone of each province's capital, for locations whose catalogue row has no time zone.
PROVINCE_ZONES: Dict[str, str] = {
    "NL": "America/St_Johns",
    "NS": "America/Halifax",
    "PE": "America/Halifax",
    "NB": "America/Halifax",  # Fredericton; America/Moncton has had the same rules since 2007
    "QC": "America/Toronto",
    "ON": "America/Toronto",
    "MB": "America/Winnipeg",
    "SK": "America/Regina",
    "AB": "America/Edmonton",
    "BC": "America/Vancouver",
    "YT": "America/Whitehorse",
    "NT": "America/Yellowknife",
    "NU": "America/Iqaluit",
}
# Neither the row nor the province says: the national capital's zone, so an answer is still given.
DEFAULT_ZONE = "America/Toronto"
NEXT_OPENING_HORIZON_DAYS = 14

_EN = "en_CA"
_FR = "fr"
_FR_FIXES = (("Boxing Day", "Lendemain de Noël"), ("(Observé)", "(observé)"))


# -- time zones -------------------------------------------------------------------------------------------


def location_zone(location: Location) -> tzinfo:
    """The office's zone; a zone name the system does not know counts as missing, not as UTC."""
    for name in (location.time_zone, PROVINCE_ZONES.get((location.state_province or "").upper()), DEFAULT_ZONE):
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return timezone.utc  # unreachable while DEFAULT_ZONE exists; keeps the type total


def local_now(location: Location, now_utc: Optional[datetime] = None) -> datetime:
    """The aware local time at the office.

    The zone is location.time_zone, or, when the catalogue leaves it empty, the zone of the capital
    of the location's province (PROVINCE_ZONES), else America/Toronto. now_utc defaults to the
    system clock; a naive now_utc is taken as UTC, never as the server's local time.
    """
    now = now_utc or datetime.now(timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(location_zone(location))


def local_today(location: Location, now_utc: Optional[datetime] = None) -> date:
    """The date at the office, which is what "today" means to a client asking about it."""
    return local_now(location, now_utc).date()


# -- holidays ---------------------------------------------------------------------------------------------


class _FederalPublicService(Canada):
    """The federal public service's designated paid holidays (see the module docstring).

    Built on the package's Canada class so dates, weekend observance and translated names all come
    from the package; only the two days collective agreements add to the Labour Code list are named.
    """

    def _populate_government_holidays(self) -> None:
        super()._populate_government_holidays()
        # Easter Monday.
        self._add_easter_monday(tr("Easter Monday"))
        if self.subdiv == "QC":
            # Saint John the Baptist Day.
            self._add_observed(self._add_saint_johns_day(tr("Saint Jean Baptiste Day")))
        elif self.subdiv == "YT":
            # Discovery Day.
            self._add_holiday_3rd_mon_of_aug(tr("Discovery Day"))
        else:
            # Civic Holiday.
            self._add_holiday_1st_mon_of_aug(tr("Civic Holiday"))


def _subdivision(province: Optional[str]) -> Optional[str]:
    code = (province or "").upper()
    return code if code in Canada.subdivisions else None


@lru_cache(maxsize=512)
def _calendar(federal: bool, province: Optional[str], year: int, language: str) -> Dict[date, str]:
    """One year of one calendar in one language, built once: the package's objects expand lazily
    on lookup, so they are copied into a plain dict that no later lookup can change."""
    subdiv = _subdivision(province)
    days: holidays.HolidayBase
    if federal:
        days = _FederalPublicService(subdiv=subdiv, years=year, categories=GOVERNMENT, language=language)
    else:
        days = holidays.country_holidays(
            "CA", subdiv=subdiv, years=year, categories=(PUBLIC, OPTIONAL), language=language
        )
    return {day: _mend(name, language) for day, name in days.items()}


def _mend(name: str, language: str) -> str:
    if language == _FR:
        for wrong, right in _FR_FIXES:
            name = name.replace(wrong, right)
    return name


def is_federal(location: Location) -> bool:
    return location.organization.jurisdiction_level == "federal"


def holiday_on(location: Location, day: date) -> Optional[Bilingual]:
    """The holiday that closes this office on day, named in both languages, or None."""
    federal = is_federal(location)
    en = _calendar(federal, location.state_province, day.year, _EN).get(day)
    if en is None:
        return None
    return Bilingual(en, _calendar(federal, location.state_province, day.year, _FR).get(day, en))


# -- one day's hours --------------------------------------------------------------------------------------

HOLIDAY = "holiday"
CLOSURE = "closure"
NO_HOURS = "no_hours"  # the schedule has no opening that weekday
UNKNOWN = "unknown"  # the catalogue has no hours at all for this office (or service): not the same as closed


@dataclass(frozen=True)
class DayHours:
    """One local day at one office: when it opens, or why it does not."""

    day: date
    intervals: Tuple[Tuple[time, time], ...] = ()
    reason: Optional[str] = None  # HOLIDAY, CLOSURE, NO_HOURS or UNKNOWN when there are no intervals
    holiday: Optional[Bilingual] = None  # its name, when reason is HOLIDAY
    closure: Optional[Closure] = None  # the notice, when reason is CLOSURE

    @property
    def is_open(self) -> bool:
        return bool(self.intervals)

    @property
    def why_closed(self) -> Bilingual:
        """What to tell the client: the holiday's name or the closure's reason; empty otherwise."""
        if self.holiday:
            return self.holiday
        if self.closure is not None:
            return self.closure.reason
        return Bilingual()

    def open_at(self, moment: time) -> bool:
        return any(opens <= moment < closes for opens, closes in self.intervals)


def day_hours(location: Location, day: date, service_hours: Sequence[OpeningHours] = ()) -> DayHours:
    """The office's hours on a local day.

    A service's own hours replace the location's, as in Location.hours_on. A closure notice wins
    over everything; a holiday wins over the weekly schedule, except a schedule row dated for that
    one day (valid_from == valid_to == day), which is the catalogue saying "open this holiday".
    """
    closure = location.closed_on(day)
    if closure is not None:
        return DayHours(day, reason=CLOSURE, closure=closure)
    rules = tuple(service_hours) or location.hours
    applying = [rule for rule in rules if rule.applies(day)]
    one_day = [rule for rule in applying if rule.valid_from == day and rule.valid_to == day]
    holiday = holiday_on(location, day)
    if holiday is not None and not one_day:
        return DayHours(day, reason=HOLIDAY, holiday=holiday)
    if not rules:
        return DayHours(day, reason=UNKNOWN)
    intervals = tuple(sorted((rule.opens_at, rule.closes_at) for rule in applying))
    return DayHours(day, intervals, None if intervals else NO_HOURS)


def open_now(
    location: Location, now_utc: Optional[datetime] = None, service_hours: Sequence[OpeningHours] = ()
) -> bool:
    """Whether the office is open at this instant, read on its own clock.

    False too when the catalogue has no hours for it: check day_hours(...).reason == UNKNOWN before
    telling a client it is closed.
    """
    now = local_now(location, now_utc)
    return day_hours(location, now.date(), service_hours).open_at(now.time())


def next_opening(
    location: Location,
    now_utc: Optional[datetime] = None,
    service_hours: Sequence[OpeningHours] = (),
    horizon_days: int = NEXT_OPENING_HORIZON_DAYS,
) -> Optional[datetime]:
    """The next local moment, strictly after now, when the office opens; None within horizon_days.

    While the office is open this is its next opening after the current one (open_now says it is
    open). The result is aware, in the office's zone.
    """
    now = local_now(location, now_utc)
    zone = now.tzinfo
    for offset in range(horizon_days + 1):
        day = now.date() + timedelta(days=offset)
        for opens, _ in day_hours(location, day, service_hours).intervals:
            moment = datetime.combine(day, opens, tzinfo=zone)
            if moment > now:
                return moment
    return None


# -- days named in a message ------------------------------------------------------------------------------

_WEEKDAY_NAMES = (
    ("monday", "lundi"),
    ("tuesday", "mardi"),
    ("wednesday", "mercredi"),
    ("thursday", "jeudi"),
    ("friday", "vendredi"),
    ("saturday", "samedi"),
    ("sunday", "dimanche"),
)
_WEEKDAYS = {name: number for number, names in enumerate(_WEEKDAY_NAMES) for name in names}
_MONTH_NAMES = (
    ("january", "jan", "janvier", "janv"),
    ("february", "feb", "fevrier", "fevr"),
    ("march", "mar", "mars"),
    ("april", "apr", "avril", "avr"),
    ("may", "mai"),
    ("june", "jun", "juin"),
    ("july", "jul", "juillet", "juil"),
    ("august", "aug", "aout"),
    ("september", "sep", "sept", "septembre"),
    ("october", "oct", "octobre"),
    ("november", "nov", "novembre"),
    ("december", "dec", "decembre"),
)
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
_WEEKDAY = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))

_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|e)?(?: of| de)? ({_MONTH})\b(?: (\d{{4}})\b)?")
_MONTH_DAY = re.compile(rf"\b({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?\b(?: (\d{{4}})\b)?")

_NOW = re.compile(
    r"\b(right now|now|currently|at the moment|at this moment|this minute|"
    r"maintenant|en ce moment|presentement|actuellement|a l heure actuelle|tout de suite)\b"
)
_RELATIVE = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "aujourd hui": 0,
    "aujourdhui": 0,
    "auj": 0,
    "ce matin": 0,
    "cet apres midi": 0,
    "ce soir": 0,
    "tomorrow": 1,
    "demain": 1,
    "day after tomorrow": 2,
    "apres demain": 2,
}
# Days that are dates, not holidays: kept here so "christmas eve" does not read as "christmas".
_EVES = {"christmas eve": (12, 24), "veille de noel": (12, 24), "new year s eve": (12, 31), "new years eve": (12, 31)}
_EVES.update({"veille du jour de l an": (12, 31), "reveillon du jour de l an": (12, 31)})
# How people say a holiday that the package names at more length: phrase -> the package's name, folded.
# Only the name is bridged; the date always comes from the package's calendar.
HOLIDAY_ALIASES = {
    "christmas": "christmas day",
    "xmas": "christmas day",
    "noel": "jour de noel",
    "new year": "new year s day",
    "new years": "new year s day",
    "new years day": "new year s day",
    "nouvel an": "jour de l an",
    "thanksgiving": "thanksgiving day",
    "action de graces": "action de grace",
    "labor day": "labour day",
    "saint jean baptiste": "saint jean baptiste day",
    "la saint jean": "saint jean baptiste day",
    "fete de la saint jean": "saint jean baptiste day",
    "fete nationale": "fete nationale du quebec",
    "journee des patriotes": "journee nationale des patriotes",
    "fete des patriotes": "journee nationale des patriotes",
    "truth and reconciliation": "national day for truth and reconciliation",
    "verite et reconciliation": "journee nationale de la verite et de la reconciliation",
}
_NOT_AFTER = re.compile(r" sur\b")  # "Saint-Jean-sur-Richelieu" is a city, not the holiday


# The clock the client reads: "I'm in Toronto, ... in my time", "en heure de Montréal", "in Regina time".
_CLIENT_CLOCK = re.compile(
    r"\b(?:(?:i m|im|i am|je suis|j habite|je reste|je vis) (?:in|a|au|at)|(?:en |a l )?heure (?:de|du))"
    r" (?P<place>[a-z-]+(?: [a-z-]+)?)|\bin (?P<in>[a-z-]+(?: [a-z-]+)?) time\b"
)


def client_clock(text: str) -> Tuple[Optional[Place], str]:
    """The town whose clock the client reads, when they say so, and the message without those words
    (so that "I'm in Toronto, when does the Vancouver office close?" is about the Vancouver office)."""
    folded = fold(text)
    for found in _CLIENT_CLOCK.finditer(folded):
        group = "place" if found.group("place") else "in"
        words = found.group(group).split()
        for size in (2, 1):  # "trois rivieres", then "toronto" of "toronto what"
            name = " ".join(words[:size])
            place = gazetteer().town(name) if len(words) >= size else None
            if place is not None:
                end = found.end() if group == "in" else found.start(group) + len(name)
                return place, folded[: found.start()] + " " + folded[end:]
    return None, text


def in_zone(day: date, spans: Sequence[Tuple[time, time]], office: tzinfo, client: tzinfo) -> List[Tuple[time, time]]:
    """An office's opening spans on a day, read on another zone's clock."""

    def moved(value: time) -> time:
        return datetime.combine(day, value, office).astimezone(client).time()

    return [(moved(a), moved(b)) for a, b in spans]


def _fold(text: str) -> str:
    """Accent-, case- and punctuation-free, with St./Ste. spelt out, as holiday names are folded."""
    return fold_place(text)


def _plain(text: str) -> str:
    """Lowercase and accent-free, punctuation kept, for numeric dates."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def mentions_now(text: str) -> bool:
    """Whether the client asks about this moment ("open now?", "en ce moment") rather than a day.

    Any "now" counts: this is asked of messages already about opening hours.
    """
    return _NOW.search(_fold(text)) is not None


def parse_day(text: str, today: date, lang: str = "en", province: Optional[str] = None) -> Optional[date]:
    """The day a message asks about, or None when it names none.

    Both languages are understood whatever lang is, since clients mix them; lang only decides
    whether 03/04 is 3 April (fr, day first) or 4 March (en, month first); 25/12 is unambiguous. Rules:

    * an explicit date wins: 2026-12-25, 25/12, "december 25", "25 décembre", "le 1er janvier";
      without a year, the next such date from today on;
    * otherwise the first day expression in the message:
      today / aujourd'hui (and "now": the caller tells now from today with mentions_now),
      tomorrow / demain, the day after tomorrow / après-demain;
      a holiday's name, resolved on the package's calendars for the coming 12 months (the
      province's own federal and provincial calendars first when province is given), with a few
      everyday phrasings (HOLIDAY_ALIASES: "christmas", "noël", "thanksgiving", "fête nationale");
      a weekday: "saturday", "on sunday", "this saturday", "ce samedi" all mean the coming one,
      today included; "next monday" / "lundi prochain" / "prochain lundi" means the same coming
      Monday, except that on a Monday it means the one a week later (people mostly mean the
      coming one, and nobody says "next Monday" for today); "monday next week" / "lundi de la
      semaine prochaine" is the Monday of the following calendar week.
    """
    explicit = _explicit_date(_plain(text), today, lang)
    if explicit is not None:
        return explicit
    folded = _fold(text)
    found = sorted(_day_expressions(f" {folded} ", today, province), key=lambda hit: (hit[0], -hit[1]))
    if found:
        return found[0][2]
    return today if _NOW.search(folded) else None


def _explicit_date(plain: str, today: date, lang: str) -> Optional[date]:
    iso = _ISO.search(plain)
    if iso:
        return _date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    for slash in _SLASH.finditer(plain):
        first, second = int(slash.group(1)), int(slash.group(2))
        if (first, second) == (24, 7):  # "open 24/7"
            continue
        day_first = lang == "fr" or first > 12
        if second > 12:
            day_first = False
        day, month = (first, second) if day_first else (second, first)
        year = slash.group(3)
        found = _dated(today, month, day, int(year) + (2000 if len(year) == 2 else 0) if year else None)
        if found is not None:
            return found
    folded = _fold(plain)
    hits = []
    for match in _DAY_MONTH.finditer(folded):
        hits.append((match.start(), _MONTHS[match.group(2)], int(match.group(1)), match.group(3)))
    for match in _MONTH_DAY.finditer(folded):
        hits.append((match.start(), _MONTHS[match.group(1)], int(match.group(2)), match.group(3)))
    for _, month, day, year in sorted(hits):
        found = _dated(today, month, day, int(year) if year else None)
        if found is not None:
            return found
    return None


def _date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dated(today: date, month: int, day: int, year: Optional[int]) -> Optional[date]:
    """A day and month, in the given year or else the next time it comes round from today."""
    if year is not None:
        return _date(year, month, day)
    for candidate_year in (today.year, today.year + 1, today.year + 4):  # + 4: 29 February
        found = _date(candidate_year, month, day)
        if found is not None and found >= today:
            return found
    return None


def _day_expressions(padded: str, today: date, province: Optional[str]) -> Iterator[Tuple[int, int, date]]:
    """Every day expression in a folded, space-padded message: (position, length, day)."""
    for phrase, offset in _RELATIVE.items():
        for start in _find(padded, phrase):
            yield start, len(phrase), today + timedelta(days=offset)
    eves = []
    for phrase, (month, day_of_month) in _EVES.items():
        for start in _find(padded, phrase):
            eves.append((start, start + len(phrase)))
            found = _dated(today, month, day_of_month, None)
            if found is not None:
                yield start, len(phrase), found
    names = holiday_names(today, province)
    for phrase in sorted(set(names) | set(HOLIDAY_ALIASES), key=len, reverse=True):
        day = names.get(HOLIDAY_ALIASES.get(phrase, phrase))
        if day is None:
            continue
        for start in _find(padded, phrase):
            end = start + len(phrase)
            inside_eve = any(s <= start and end <= e for s, e in eves)
            if not inside_eve and not _NOT_AFTER.match(padded, end):
                yield start, len(phrase), day
    yield from _weekdays(padded, today)


def _find(padded: str, phrase: str) -> Iterator[int]:
    """Starts of phrase as whole words in a space-padded folded text (positions in the unpadded one)."""
    needle = f" {phrase} "
    start = padded.find(needle)
    while start >= 0:
        yield start
        start = padded.find(needle, start + 1)


_WEEKDAY_PHRASE = re.compile(
    rf"(?:\b(?P<next>next) )?\b(?P<before>prochain )?(?P<day>{_WEEKDAY})s?\b"
    r"(?P<after> prochain\b)?(?P<week> (?:of |de )?(?:next week|la semaine prochaine)\b)?"
)
_NEXT_WEEK = re.compile(r"\b(next week|la semaine prochaine)\b")


def _weekdays(padded: str, today: date) -> Iterator[Tuple[int, int, date]]:
    next_week = _NEXT_WEEK.search(padded) is not None
    for match in _WEEKDAY_PHRASE.finditer(padded):
        weekday = _WEEKDAYS[match.group("day")]
        if match.group("week") or next_week:
            day = today - timedelta(days=today.weekday()) + timedelta(days=7 + weekday)
        else:
            ahead = (weekday - today.weekday()) % 7
            if ahead == 0 and (match.group("next") or match.group("before") or match.group("after")):
                ahead = 7
            day = today + timedelta(days=ahead)
        # Placed at the weekday itself, so "le vendredi saint" reads as the longer holiday name there.
        yield match.start("day") - 1, match.end() - match.start("day"), day


@lru_cache(maxsize=64)
def holiday_names(today: date, province: Optional[str] = None) -> Dict[str, date]:
    """Folded holiday names (English and French) -> their next date within a year of today.

    From the package's federal and provincial calendars: the given province's first, then every
    province's, so "Saint-Jean-Baptiste" means 24 June even to a client in Ontario. Observed
    (moved) days are left out: "Canada Day" is 1 July even when offices close on 2 July.
    """
    names: Dict[str, date] = {}
    wanted = [province] if _subdivision(province) else []
    for subdiv in wanted + [None, *Canada.subdivisions]:
        found: Dict[str, date] = {}
        for federal in (True, False):
            for language in (_EN, _FR):
                for year in (today.year, today.year + 1):
                    for day, joined in _calendar(federal, subdiv, year, language).items():
                        if not today <= day <= today + timedelta(days=365):
                            continue
                        for name in joined.split("; "):
                            key = _fold(name)
                            if "observed" in key or "observe" in key:
                                continue
                            if key not in found or day < found[key]:
                                found[key] = day
        for key, day in found.items():
            names.setdefault(key, day)
    return names


def week(location: Location, start: date, service_hours: Sequence[OpeningHours] = (), days: int = 7) -> List[DayHours]:
    """days consecutive local days from start, for a week's table of hours."""
    return [day_hours(location, start + timedelta(days=offset), service_hours) for offset in range(days)]


def usual_weekdays(location: Location, start: date, service_hours: Sequence[OpeningHours] = ()) -> List[int]:
    """The weekdays (0 = Monday) an office opens every week, holidays and closures aside, from start's week.

    "What days is the Trail office open?" wants "Tuesday to Thursday", which a table of dated days only
    implies. Empty when the hours are unknown or not weekly (an outreach site on the 2nd Tuesday of the
    month), where a weekly pattern would mislead.
    """
    rules = tuple(service_hours) or location.hours
    if not rules or any(not code.isalpha() for rule in rules for code in rule.days):
        return []
    days = (start + timedelta(days=offset) for offset in range(7))
    return sorted(day.weekday() for day in days if any(rule.applies(day) for rule in rules))


_TIME_WORDS = re.compile(
    r"\b(open|opens|opened|opening|close|closes|closed|closing|hours?|time|schedule|today|tomorrow|tonight|now|"
    r"ouvert|ouverte|ouverts|ouvre|ouverture|ferme|fermee|fermes|fermeture|heures?|horaire|aujourd hui|demain|"
    r"maintenant|next|prochain|prochaine|this|ce|cette|on|le|la|les|is|are|it|est|what|quelles?|quels?|day|jour|"
    rf"{_WEEKDAY}|{_MONTH}|\d+(?:st|nd|rd|th|er|e)?)\b"
)


def without_time_words(text: str) -> str:
    """The message without its days, dates, holidays and opening-hours words: what is left names the office.

    "is the Calgary Centre Service Canada office open on Saturday?" searched whole makes "open" and
    "Saturday" count against every office's name; "the Calgary Centre Service Canada office" does not.
    """
    folded = _fold(text)
    for phrase in sorted({*HOLIDAY_ALIASES, *_EVES}, key=len, reverse=True):
        folded = re.sub(rf"\b{re.escape(phrase)}\b", " ", folded)
    return " ".join(_TIME_WORDS.sub(" ", folded).split())
