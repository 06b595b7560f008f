"""Command line for service owners and staff: validate, build, import, search.

Output is meant to be read by a person; exit status 1 means "something for you
to fix" (invalid catalogue, nothing found), 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Callable, Dict, List, Optional

from services_catalog.build import CatalogueInvalid, build
from services_catalog.catalogue import Catalogue, CatalogueUnavailable
from services_catalog.csv_source import DEFAULT_DATA_DIR, read_source
from services_catalog.geography import Place
from services_catalog.model import OfficeHit
from services_catalog.validation import summary, validate


def _validate(args: argparse.Namespace) -> int:
    source = read_source(Path(args.directory))
    problems = validate(source)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s); nothing was changed", file=sys.stderr)
        return 1
    print(summary(source))
    return 0


def _build(args: argparse.Namespace) -> int:
    try:
        result = build(Path(args.data), args.url)
    except CatalogueInvalid as invalid:
        for problem in invalid.problems:
            print(problem)
        print(f"{len(invalid.problems)} problem(s); the previous catalogue database is unchanged", file=sys.stderr)
        return 1
    print(f"built {result.url} (build {result.build_id[:8]}): {result.summary}")
    return 0


def _import(module_name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        module = __import__(f"services_catalog.importers.{module_name}", fromlist=["run"])
        kwargs = {k: Path(v) for k, v in (("source_path", args.source), ("out_dir", args.out)) if v}
        print(module.run(**kwargs))
        return 0

    return run


def _place(catalogue: Catalogue, text: str) -> Optional[Place]:
    place = catalogue.resolve_place(text)
    if place is None:
        print(
            f"unknown place '{text}': give a city or town, a postal code (K1P 1J1), its first three "
            "characters (K1P) or coordinates (45.42, -75.69)"
        )
    return place


def _office_lines(hit: OfficeHit, lang: str) -> List[str]:
    loc = hit.location
    hours = ", ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in hit.hours_today) or "closed today / hours not listed"
    languages = "/".join(loc.languages) or "?"
    return [
        f"  {hit.distance_km:7.1f} km  {loc.name.get(lang)}  [{loc.organization.name.get(lang)}]",
        *(f"             {line}" for line in loc.address_lines()),
        f"             today: {hours}; languages: {languages}",
    ]


def _search(args: argparse.Namespace) -> int:
    catalogue = Catalogue()
    place = _place(catalogue, args.near) if args.near else None
    if args.near and place is None:
        return 1
    matches = catalogue.search_services(args.text, limit=args.limit, near=place)
    if not matches:
        print(f"no service matches '{args.text}'")
        return 1
    for match in matches:
        service = match.service
        print(
            f"{match.score:.2f}  {service.id:<28} {service.name.get(args.lang)}  "
            f"[{service.organization.name.get(args.lang)}, {service.organization.jurisdiction_level}]"
        )
    if place is not None:
        best = matches[0].service
        answer = catalogue.nearest_offices(best.id, place, limit=args.limit)
        print(f"\n{best.name.get(args.lang)} in person near {place.name} ({place.province or ''}):")
        for hit in answer.offices:
            print("\n".join(_office_lines(hit, args.lang)))
        if answer.nothing_near:
            finder = answer.finder.get(args.lang)
            print(f"  no office listed within {answer.max_km:.0f} km" + (f"; where to go: {finder}" if finder else ""))
        if answer.alternatives:
            remote = {"online": best.url.get(args.lang), "phone": best.phone or "", "mail": "by mail"}
            print("  without travelling: " + "; ".join(f"{c}: {remote[c]}".rstrip(": ") for c in answer.alternatives))
    return 0


def _at(args: argparse.Namespace) -> int:
    catalogue = Catalogue()
    location = catalogue.find_location(args.name)
    if location is None:
        print(f"no location named like '{args.name}'")
        return 1
    print(f"{location.name.get(args.lang)} — {', '.join(location.address_lines())}")
    for level, organizations in catalogue.colocated(location.id):
        print(f"\n{level}:")
        for organization, services in organizations:
            print(f"  {organization.name.get(args.lang)}")
            for service in services:
                print(f"    - {service.name.get(args.lang)}  ({service.id})")
    return 0


def _bundle(args: argparse.Namespace) -> int:
    catalogue = Catalogue()
    bundles = catalogue.search_bundles(args.text)
    if not bundles:
        matches = catalogue.search_services(args.text, limit=1)
        bundles = catalogue.bundles_for_service(matches[0].service.id) if matches else []
    if not bundles:
        print(f"no bundle matches '{args.text}'")
        return 1
    for bundle in bundles:
        print(f"{bundle.name.get(args.lang)}  ({bundle.id}, {bundle.organization.name.get(args.lang)})")
        print(f"  {bundle.description.get(args.lang)}")
        for service in bundle.services:
            print(f"    - {service.name.get(args.lang)}  [{service.organization.name.get(args.lang)}]")
    return 0


def _life_event(args: argparse.Namespace) -> int:
    event = Catalogue().life_event_named([args.text])
    if event is None:
        print(f"no life event matches '{args.text}'")
        return 1
    print(event.name.get(args.lang))
    for service in event.services:
        print(f"  - {service.name.get(args.lang)}  [{service.organization.name.get(args.lang)}]")
    return 0


def _outreach(args: argparse.Namespace) -> int:
    catalogue = Catalogue()
    place = _place(catalogue, args.place)
    if place is None:
        return 1
    found = catalogue.outreach_near(place)
    if not found:
        print(f"no outreach near {place.name}")
        return 1
    today = date.today()
    for item in found:
        when = item.schedule.get(args.lang) or " to ".join(str(d) for d in (item.start_date, item.end_date) if d)
        status = "past" if item.end_date and item.end_date < today else "current/upcoming"
        governments = ", ".join(org.name.get(args.lang) for org, _ in item.participants)
        print(f"{item.name.get(args.lang)} ({item.community}, {status}) {when}\n  with: {governments}")
    return 0


def _reference(args: argparse.Namespace) -> int:
    from services_catalog import reference

    reference.write()
    print(f"rewrote the column reference in {reference.README}")
    return 0


def _coverage(args: argparse.Namespace) -> int:
    from services_catalog import coverage

    coverage.write()
    print(coverage.render())
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m services_catalog", description=__doc__.split("\n")[0])
    sub = root.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check the CSV files and report every problem as file:line:column")
    p.add_argument("directory", nargs="?", default=str(DEFAULT_DATA_DIR))
    p.set_defaults(run=_validate)
    p = sub.add_parser("build", help="validate, then atomically (re)build the catalogue database")
    p.add_argument("--data", default=str(DEFAULT_DATA_DIR), help="catalogue folder")
    p.add_argument("--url", help="SQLAlchemy URL (default: $GUICHET_CATALOGUE_URL or build/catalogue.db)")
    p.set_defaults(run=_build)
    sub.add_parser("reference", help="regenerate the column reference in services_catalog/README.md").set_defaults(
        run=_reference
    )
    sub.add_parser(
        "coverage", help="regenerate the per-province coverage table in services_catalog/README.md"
    ).set_defaults(run=_coverage)
    for name, module in (
        ("import-gc-inventory", "gc_inventory"),
        ("import-service-canada-offices", "service_canada_offices"),
    ):
        p = sub.add_parser(name, help=f"regenerate a federal layer from ../shared/data ({module})")
        p.add_argument("--source", help="raw file (default: ../shared/data/...)")
        p.add_argument("--out", help="layer folder to write")
        p.set_defaults(run=_import(module))
    p = sub.add_parser(
        "import-serviceontario",
        help="regenerate the ServiceOntario centres layer from ../shared/data (serviceontario_locations)",
    )
    p.add_argument("--source", help="raw file (default: ../shared/data/serviceontario-locations-2019/data.json)")
    p.add_argument("--out", help="layer folder to write")
    p.set_defaults(run=_import("serviceontario_locations"))
    commands: Dict[str, tuple] = {
        "search": (_search, "text", "services for free text, with --near PLACE for offices"),
        "at": (_at, "name", "what is offered at a location, by level of government"),
        "bundle": (_bundle, "text", "bundles by name or by one of their services"),
        "life-event": (_life_event, "text", "services for a life event"),
        "outreach": (_outreach, "place", "outreach serving a community"),
    }
    for name, (run, argument, help_text) in commands.items():
        p = sub.add_parser(name, help=help_text)
        p.add_argument(argument)
        p.add_argument("--lang", choices=("en", "fr"), default="en")
        p.add_argument("--limit", type=int, default=3)
        if name == "search":
            p.add_argument("--near", help="city, postal code, FSA or 'lat, lon'")
        p.set_defaults(run=run)
    return root


def main(argv: Optional[List[str]] = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except CatalogueUnavailable as error:
        print(error, file=sys.stderr)
        return 1
