"""NLU quality on the held-out set: intent accuracy, entity F1, and right service first.

The held-out utterances (tests/nlu_heldout/) were written apart from the training
data, with typos and services and places never seen in training. "Right service
first" runs the whole path an action runs: the model extracts the `service`
entity pieces and the place, the action's resolver (actions/service_names.py)
reads the request (the pieces, and the message without its place), and the
catalogue ranks what those readings find by the whole message, near the place;
the expected service must come first. A request nothing is found for is a miss.

    .venv/bin/python -m bench.nlu_eval [--model models/....tar.gz] [--misses]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data

from actions.service_names import place_named, request_readings, resolve_service
from bot.models import latest_model
from services_catalog.catalogue import Catalogue
from services_catalog.geography import Place
from services_catalog.text import fold

HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "nlu_heldout"
Span = Tuple[int, int, str]


def _spans(entities: List[Dict]) -> Set[Span]:
    return {(e["start"], e["end"], e["entity"]) for e in entities if e["entity"] != "language"}


def _place(catalogue: Catalogue, parsed: Dict) -> Optional[Place]:
    """The place the action would search near (actions.service_names.place_named)."""
    text = place_named(parsed)
    return catalogue.resolve_place(text) if text else None


async def evaluate(agent: Agent, catalogue: Catalogue) -> Dict[str, float]:
    """Intent accuracy and exact-span entity F1 over the held-out YAML files."""
    examples = [e for path in sorted(HELDOUT.glob("*.yml")) for e in load_data(str(path)).intent_examples]
    correct = true_pos = predicted = expected = 0
    for example in examples:
        parsed = await agent.parse_message(example.get("text"))
        correct += parsed["intent"]["name"] == example.get("intent")
        got, want = _spans(parsed["entities"]), _spans(example.get("entities") or [])
        true_pos, predicted, expected = true_pos + len(got & want), predicted + len(got), expected + len(want)
    precision = true_pos / predicted if predicted else 0.0
    recall = true_pos / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "utterances": len(examples),
        "intent_accuracy": correct / len(examples),
        "entity_f1": f1,
        "entity_precision": precision,
        "entity_recall": recall,
    }


async def right_service_first(agent: Agent, catalogue: Catalogue, cases: Path) -> Tuple[int, List[str]]:
    """How many of a file's requests get the expected service first, and the misses."""
    with cases.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    misses = []
    for row in rows:
        parsed = await agent.parse_message(row["text"])
        named = resolve_service(
            catalogue, request_readings(parsed), row["text"], limit=4, near=_place(catalogue, parsed)
        )
        got = named.matches[0].service.id if named and named.matches else None
        if got != row["expected_service_id"]:
            misses.append(
                f"{row['text']!r}: expected {row['expected_service_id']}, got {got} "
                f"(read as {named.text if named else None!r})"
            )
    return len(rows), misses


@dataclass
class Tally:
    requests: int = 0
    right_service: int = 0
    with_office: int = 0
    right_office: int = 0

    def add(self, service_ok: bool, office_ok: Optional[bool]) -> None:
        self.requests += 1
        self.right_service += service_ok
        if office_ok is not None:
            self.with_office += 1
            self.right_office += office_ok

    def line(self) -> str:
        office = f"{self.right_office / self.with_office:.2f} of {self.with_office}" if self.with_office else "—"
        return f"{self.right_service / self.requests:.2f} of {self.requests} | {office}"


async def by_province(agent: Agent, catalogue: Catalogue, cases: Path, misses: List[str]) -> Dict[str, Tally]:
    """Right service first and right office first (the first office is in the expected city), per province."""
    with cases.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    tallies: Dict[str, Tally] = {}
    for row in rows:
        parsed = await agent.parse_message(row["text"])
        place = _place(catalogue, parsed)
        named = resolve_service(
            catalogue, request_readings(parsed, place_named(parsed)), row["text"], limit=4, near=place
        )
        service = named.matches[0].service if named and named.matches and not named.needs_province else None
        where = place or (named.where.place if named else None)
        office_ok = None
        if row["expected_office_city"]:
            offices = catalogue.nearest_offices(service.id, where).offices if service and where else []
            office_ok = bool(offices) and fold(offices[0].location.city) == fold(row["expected_office_city"])
        service_ok = service is not None and service.id == row["expected_service_id"]
        tallies.setdefault(row["province"], Tally()).add(service_ok, office_ok)
        if not service_ok or office_ok is False:
            first = offices[0].location.city if row["expected_office_city"] and offices else None
            misses.append(
                f"{row['province']} {row['text']!r}: expected {row['expected_service_id']} "
                f"/ {row['expected_office_city'] or '-'}, got {service.id if service else None} / {first}"
            )
    return tallies


async def report(model: Path, catalogue: Catalogue, show_misses: bool) -> None:
    agent = Agent.load(str(model))
    results = await evaluate(agent, catalogue)
    print(f"held-out utterances: {results['utterances']}")
    print(f"intent accuracy:     {results['intent_accuracy']:.3f}")
    print(
        f"entity F1:           {results['entity_f1']:.3f} (precision {results['entity_precision']:.3f}, "
        f"recall {results['entity_recall']:.3f})"
    )
    total = missed = 0
    for cases in sorted(HELDOUT.glob("expected_services*.csv")):
        count, misses = await right_service_first(agent, catalogue, cases)
        total, missed = total + count, missed + len(misses)
        print(f"right service first: {1 - len(misses) / count:.3f} over {count} requests in {cases.name}")
        for miss in misses if show_misses else ():
            print(f"    miss {miss}")
    print(f"right service first: {1 - missed / total:.3f} over all {total} requests")
    for cases in sorted(HELDOUT.glob("provinces_*.csv")):
        province_misses: List[str] = []
        tallies = await by_province(agent, catalogue, cases, province_misses)
        overall = Tally()
        print(f"\n{cases.name}: province | right service first | right office first")
        for code in sorted(tallies):
            print(f"  {code} | {tallies[code].line()}")
            for name in ("requests", "right_service", "with_office", "right_office"):
                setattr(overall, name, getattr(overall, name) + getattr(tallies[code], name))
        print(f"  all | {overall.line()}")
        for miss in province_misses if show_misses else ():
            print(f"    miss {miss}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--misses", action="store_true", help="list the requests whose first service is wrong")
    args = parser.parse_args()
    asyncio.run(report(args.model or latest_model(), Catalogue(), args.misses))


if __name__ == "__main__":
    main()
