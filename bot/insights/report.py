"""The figures service owners act on, computed from the conversations of a date range.

Grouping is deliberately plain: requests are grouped by their search words (the catalogue's own
normalisation, so "Passports!" and "passport" land together), places by province and name. Each gap
carries the edit that closes it (services_catalog.gaps), so the report is a to-do list, not a chart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Dict, List, Optional, Tuple

from bot.insights.turns import Conversation, Turn
from bot.privacy import MASKED_MENTION
from services_catalog.gaps import Fix, StaleRow, fix_for
from services_catalog.text_index import query_terms

EXAMPLES = 3
GAP_STATUSES = ("no_service", "no_office", "unknown_place")


@dataclass
class Gap:
    """One group of turns the catalogue could not serve."""

    kind: str  # no_service | no_office | unknown_place | not_helpful
    key: str  # the grouped wording, the place, or the service
    province: Optional[str]
    count: int
    examples: List[str]  # masked client wording
    fix: Fix
    helpful: int = 0  # not_helpful only: the "yes" votes beside the "no" ones


@dataclass
class Report:
    since: Optional[date]
    until: Optional[date]
    conversations: int
    turns: int
    by_language: Dict[str, int]  # conversations
    by_province: Dict[str, int]  # conversations ("unknown" when no turn named a place)
    by_status: Dict[str, int]  # turns
    gaps: Dict[str, List[Gap]] = field(default_factory=dict)
    stale: List[StaleRow] = field(default_factory=list)
    answered_without_handoff: float = 0.0  # share of conversations

    def gap_rows(self) -> List[Gap]:
        return [gap for kind in ("no_service", "no_office", "unknown_place", "not_helpful") for gap in self.gaps[kind]]


def wording(text: str) -> str:
    """The words a request is grouped by: its search terms, sorted, else the text itself in lower case.

    Masked personal data and the words introducing it ("my SIN is [SIN]") are not part of a request.
    """
    terms = sorted(set(query_terms(MASKED_MENTION.sub(" ", text))))
    return " ".join(terms) if terms else text.strip().lower()


def _group(
    items: List[Tuple[Turn, Conversation]], kind: str, key: Callable[[Turn, Conversation], Tuple[str, Optional[str]]]
) -> List[Gap]:
    groups: Dict[Tuple[str, Optional[str]], List[Turn]] = defaultdict(list)
    for turn, conversation in items:
        groups[key(turn, conversation)].append(turn)
    gaps = [
        Gap(
            kind,
            name,
            province,
            len(turns),
            list(dict.fromkeys(t.text for t in turns))[:EXAMPLES],
            fix_for(kind, province),
        )
        for (name, province), turns in groups.items()
    ]
    return sorted(gaps, key=lambda g: (-g.count, g.key))


def _not_helpful(items: List[Tuple[Turn, Conversation]], service_name: Callable[[str], str]) -> List[Gap]:
    votes: Dict[Tuple[str, Optional[str]], Counter] = defaultdict(Counter)
    comments: Dict[Tuple[str, Optional[str]], List[str]] = defaultdict(list)
    for turn, conversation in items:
        about = turn.details.get("service") or turn.details.get("office") or "(no service)"
        key = (service_name(about), turn.details.get("province"))
        votes[key][turn.details.get("helpful")] += 1
        if turn.details.get("comment"):
            comments[key].append(turn.details["comment"])
    gaps = [
        Gap(
            "not_helpful",
            name,
            province,
            count["no"],
            comments[(name, province)][:EXAMPLES],
            fix_for("not_helpful", province),
            count["yes"],
        )
        for (name, province), count in votes.items()
        if count["no"]
    ]
    return sorted(gaps, key=lambda g: (-g.count, g.key))


def build(
    conversations: List[Conversation],
    since: Optional[date] = None,
    until: Optional[date] = None,
    stale: Optional[List[StaleRow]] = None,
    service_name: Callable[[str], str] = str,
) -> Report:
    """The report for these conversations (already limited to the date range)."""
    turns = [(t, c) for c in conversations for t in c.turns]

    def of(status: str) -> List[Tuple[Turn, Conversation]]:
        return [(t, c) for t, c in turns if t.status == status]

    answered = [c for c in conversations if "answered" in c.statuses() and "handoff" not in c.statuses()]
    return Report(
        since,
        until,
        len(conversations),
        len(turns),
        dict(Counter(c.language for c in conversations).most_common()),
        dict(Counter(c.province or "unknown" for c in conversations).most_common()),
        dict(Counter(t.status for t, _ in turns).most_common()),
        {
            "no_service": _group(of("no_service"), "no_service", lambda t, c: (wording(t.text), None)),
            "no_office": _group(
                of("no_office"),
                "no_office",
                lambda t, c: (t.details.get("place") or "?", t.details.get("province")),
            ),
            "unknown_place": _group(of("unknown_place"), "unknown_place", lambda t, c: (wording(t.text), None)),
            "not_helpful": _not_helpful(of("feedback"), service_name),
        },
        stale or [],
        len(answered) / len(conversations) if conversations else 0.0,
    )
