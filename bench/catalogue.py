"""Catalogue speed at national scale: build time and query latency on the real and synthetic catalogues.

First the real committed catalogue (every province and territory), then for each
size (services; ten times as many service-at-location rows) it writes a
synthetic catalogue as CSV layers, builds it into a fresh SQLite file through
the real `build()` (validation included), loads it, then times text search and
nearest-office search on queries drawn from the catalogue itself (a tenth of
them with a typo). Prints one line per size; figures go to docs/benchmarks.md.

    .venv/bin/python -m bench.catalogue [--sizes 1000 10000 100000] [--queries 2000]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Sequence, Tuple

from services_catalog.build import build
from services_catalog.catalogue import Catalogue
from services_catalog.csv_source import DEFAULT_DATA_DIR, read_source
from services_catalog.geography import Place, gazetteer
from services_catalog.importers.csv_writer import write_table

V = {"verification": "illustrative", "source": "synthetic"}
NOUNS = (
    "permit licence card certificate benefit grant pension registration passport insurance tax credit "
    "allowance rebate exemption inspection appointment record search claim subsidy loan account"
).split()
TOPICS = (
    "fishing hunting boat vehicle business child senior student veteran farm forest water housing health "
    "dental disability energy heritage transit parking dog property building marriage birth death name "
    "trade export import tourism mining oil wind solar film music sport youth worker employer"
).split()
LEVELS = ("federal", "provincial", "municipal")
PROVINCES = ("AB", "BC", "ON", "QC", "MB", "SK", "NS", "NB")


def _towns(count: int, rng: random.Random) -> List[Place]:
    names = gazetteer().town_names()
    towns = [gazetteer().town(name) for name in rng.sample(names, min(count, len(names)))]
    return [t for t in towns if t is not None]


def synthesize(root: Path, services: int, rng: random.Random) -> List[str]:
    """Writes the catalogue and returns the service names, for queries."""
    towns = _towns(600, rng)
    organizations = max(10, services // 100)
    locations = max(20, services // 10)
    orgs = [
        {
            "id": f"org-{i}",
            "name_en": f"Organization {i}",
            "name_fr": f"Organisme {i}",
            "jurisdiction_level": LEVELS[i % 3],
            "state_province": "" if i % 3 == 0 else PROVINCES[i % 8],
            **V,
        }
        for i in range(organizations)
    ]
    names: List[str] = []
    service_rows: List[Dict[str, str]] = []
    for i in range(services):
        topic, noun, extra = rng.choice(TOPICS), rng.choice(NOUNS), rng.choice(TOPICS)
        name = f"{topic.title()} {noun} for {extra} {i}"
        names.append(f"{topic} {noun} {extra}")
        service_rows.append(
            {
                "id": f"svc-{i}",
                "organization_id": f"org-{i % organizations}",
                "name_en": name,
                "name_fr": f"{noun} {topic} {extra} {i}",
                "channels": "in_person",
                "status": "active",
                **V,
            }
        )
    location_rows = []
    for i in range(locations):
        town = rng.choice(towns)
        location_rows.append(
            {
                "id": f"loc-{i}",
                "organization_id": f"org-{i % organizations}",
                "name_en": f"Office {i}",
                "name_fr": f"Bureau {i}",
                "location_type": "physical",
                "address_1": f"{i} Main Street",
                "city": town.name,
                "state_province": town.province or "",
                "postal_code": "",
                "latitude": f"{town.latitude + rng.uniform(-0.05, 0.05):.5f}",
                "longitude": f"{town.longitude + rng.uniform(-0.05, 0.05):.5f}",
                **V,
            }
        )
    for row in location_rows:  # a valid postal code for the province, so validation passes
        row["postal_code"] = {
            "AB": "T5J 0N3",
            "BC": "V6B 1A1",
            "ON": "K1P 1J1",
            "QC": "H2Y 1C6",
            "MB": "R3C 4T3",
            "SK": "S4P 3V7",
            "NS": "B3J 3A5",
            "NB": "E3B 1B2",
            "NL": "A1C 5M2",
            "PE": "C1A 7N8",
            "YT": "Y1A 2C6",
            "NT": "X1A 2L9",
            "NU": "X0A 0H0",
        }[row["state_province"]]
    sal = [
        {"id": f"loc-{loc}--svc-{i}", "service_id": f"svc-{i}", "location_id": f"loc-{loc}"}
        for i in range(services)
        for loc in rng.sample(range(locations), 10)
    ]
    hours = [
        {
            "id": f"h-{i}",
            "location_id": f"loc-{i}",
            "byday": "MO;TU;WE;TH;FR",
            "opens_at": "08:30",
            "closes_at": "16:30",
            **V,
        }
        for i in range(locations)
    ]
    layer = root / "synthetic"
    for table, rows in (
        ("organizations", orgs),
        ("services", service_rows),
        ("locations", location_rows),
        ("service_at_location", sal),
        ("schedules", hours),
    ):
        write_table(layer, table, rows)
    return names


def _typo(text: str, rng: random.Random) -> str:
    word = max(text.split(), key=len)
    i = rng.randrange(1, len(word) - 1)
    return text.replace(word, word[:i] + word[i + 1 :], 1)


def _percentiles(samples: List[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"median {statistics.median(ordered) * 1000:6.2f} ms  p95 {p95 * 1000:6.2f} ms"


def _timed(query: Callable[[Any], bool], inputs: Sequence[Any]) -> Tuple[List[float], int]:
    """Each query's time, and how many found something."""
    times, found = [], 0
    for item in inputs:
        started = time.perf_counter()
        found += query(item)
        times.append(time.perf_counter() - started)
    return times, found


def run(size: int, queries: int, rng: random.Random) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        names = synthesize(root / "data", size, rng)
        measure(
            root,
            root / "data",
            f"{size:>7} services {size * 10:>8} at locations",
            names,
            [f"svc-{i}" for i in range(size)],
            queries,
            rng,
        )


def run_national(queries: int, rng: random.Random) -> None:
    """The real committed catalogue: every layer, every province."""
    with tempfile.TemporaryDirectory() as tmp:
        rows = read_source(DEFAULT_DATA_DIR).rows
        services = [r.values for r in rows["services"] if r.values["status"] == "active"]
        label = f"national: {len(services)} services {len(rows['service_at_location'])} at locations"
        measure(
            Path(tmp),
            DEFAULT_DATA_DIR,
            label,
            [s["name_en"] for s in services],
            [s["id"] for s in services],
            queries,
            rng,
        )


def measure(
    root: Path,
    data: Path,
    label: str,
    names: Sequence[str],
    service_ids: Sequence[str],
    queries: int,
    rng: random.Random,
) -> None:
    url = f"sqlite:///{root / 'catalogue.db'}"
    started = time.perf_counter()
    build(data, url)
    build_s = time.perf_counter() - started
    catalogue = Catalogue(url)
    started = time.perf_counter()
    catalogue.snapshot()
    load_s = time.perf_counter() - started

    texts = [_typo(n, rng) if i % 10 == 0 else n for i, n in enumerate(rng.choices(names, k=queries))]
    search_times, found = _timed(lambda text: bool(catalogue.search_services(text)), texts)
    towns = _towns(200, rng)
    # What action_find_service asks: the entity and the message as readings, the client's whereabouts read
    # from the message (towns, provinces, a move's destination), the jurisdiction rules applied.
    requests = [(text, f"where can I get {text} in {rng.choice(towns).name} for my family") for text in texts]
    request_times, _ = _timed(lambda r: bool(catalogue.resolve_request([r[0]], r[1]).matches), requests)
    near_times = []
    for _ in range(queries):
        service_id, place = rng.choice(service_ids), rng.choice(towns)
        started = time.perf_counter()
        catalogue.nearest_offices(service_id, place)
        near_times.append(time.perf_counter() - started)
    print(
        f"{label} | build {build_s:6.1f} s  load {load_s:5.1f} s | "
        f"text search {_percentiles(search_times)} (found {found / queries:.0%}) | "
        f"chat request {_percentiles(request_times)} | "
        f"nearest office {_percentiles(near_times)}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--queries", type=int, default=2000)
    args = parser.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {__import__('os').cpu_count()} cores"
    )
    rng = random.Random(2026)
    run_national(args.queries, rng)
    for size in args.sizes:
        run(size, args.queries, rng)


if __name__ == "__main__":
    main()
