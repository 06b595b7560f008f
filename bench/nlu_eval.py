"""NLU quality on the held-out set: intent accuracy, entity F1, and right service first.

The held-out utterances (tests/nlu_heldout/) were written apart from the training
data, with typos and services and places never seen in training. "Right service
first" runs the whole path an action runs: the model extracts the `service`
entity (or, failing that, the action falls back to the whole message), then the
catalogue search ranks services; the expected service must come first.

    .venv/bin/python -m bench.nlu_eval [--model models/....tar.gz]
"""
from __future__ import annotations

import argparse
import asyncio
import csv
from pathlib import Path
from typing import Dict, List, Set, Tuple

from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data

from bot.models import latest_model
from services_catalog.catalogue import Catalogue

HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "nlu_heldout"
Span = Tuple[int, int, str]


def _spans(entities: List[Dict]) -> Set[Span]:
    return {(e["start"], e["end"], e["entity"]) for e in entities if e["entity"] != "language"}


async def evaluate(model: Path, catalogue: Catalogue) -> Dict[str, float]:
    agent = Agent.load(str(model))
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

    with (HELDOUT / "expected_services.csv").open(encoding="utf-8") as handle:
        cases = list(csv.DictReader(handle))
    first = 0
    for case in cases:
        parsed = await agent.parse_message(case["text"])
        named = [e["value"] for e in parsed["entities"] if e["entity"] == "service"]
        matches = catalogue.search_services(named[0] if named else case["text"], limit=1)
        first += bool(matches) and matches[0].service.id == case["expected_service_id"]
    return {"utterances": len(examples), "intent_accuracy": correct / len(examples), "entity_f1": f1,
            "entity_precision": precision, "entity_recall": recall, "service_cases": len(cases),
            "right_service_first": first / len(cases)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args()
    results = asyncio.run(evaluate(args.model or latest_model(), Catalogue()))
    print(f"held-out utterances: {results['utterances']}")
    print(f"intent accuracy:     {results['intent_accuracy']:.3f}")
    print(f"entity F1:           {results['entity_f1']:.3f} (precision {results['entity_precision']:.3f}, "
          f"recall {results['entity_recall']:.3f})")
    print(f"right service first: {results['right_service_first']:.3f} over {results['service_cases']} utterances")


if __name__ == "__main__":
    main()
