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
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data

from actions.service_names import request_readings, resolve_service
from bot.models import latest_model
from services_catalog.catalogue import Catalogue
from services_catalog.geography import Place

HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "nlu_heldout"
Span = Tuple[int, int, str]


def _spans(entities: List[Dict]) -> Set[Span]:
    return {(e["start"], e["end"], e["entity"]) for e in entities if e["entity"] != "language"}


def _place(catalogue: Catalogue, parsed: Dict) -> Optional[Place]:
    """The place the action would search near: a postal code first, else a place name."""
    named = {e["entity"]: e["value"] for e in reversed(parsed["entities"])}
    text = named.get("postal_code") or named.get("place")
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
    return {"utterances": len(examples), "intent_accuracy": correct / len(examples), "entity_f1": f1,
            "entity_precision": precision, "entity_recall": recall}


async def right_service_first(agent: Agent, catalogue: Catalogue, cases: Path) -> Tuple[int, List[str]]:
    """How many of a file's requests get the expected service first, and the misses."""
    with cases.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    misses = []
    for row in rows:
        parsed = await agent.parse_message(row["text"])
        named = resolve_service(catalogue, request_readings(parsed), row["text"], limit=4,
                                near=_place(catalogue, parsed))
        got = named.matches[0].service.id if named and named.matches else None
        if got != row["expected_service_id"]:
            misses.append(f"{row['text']!r}: expected {row['expected_service_id']}, got {got} "
                          f"(read as {named.text if named else None!r})")
    return len(rows), misses


async def report(model: Path, catalogue: Catalogue, show_misses: bool) -> None:
    agent = Agent.load(str(model))
    results = await evaluate(agent, catalogue)
    print(f"held-out utterances: {results['utterances']}")
    print(f"intent accuracy:     {results['intent_accuracy']:.3f}")
    print(f"entity F1:           {results['entity_f1']:.3f} (precision {results['entity_precision']:.3f}, "
          f"recall {results['entity_recall']:.3f})")
    total = missed = 0
    for cases in sorted(HELDOUT.glob("expected_services*.csv")):
        count, misses = await right_service_first(agent, catalogue, cases)
        total, missed = total + count, missed + len(misses)
        print(f"right service first: {1 - len(misses) / count:.3f} over {count} requests in {cases.name}")
        for miss in misses if show_misses else ():
            print(f"    miss {miss}")
    print(f"right service first: {1 - missed / total:.3f} over all {total} requests")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--misses", action="store_true", help="list the requests whose first service is wrong")
    args = parser.parse_args()
    asyncio.run(report(args.model or latest_model(), Catalogue(), args.misses))


if __name__ == "__main__":
    main()
