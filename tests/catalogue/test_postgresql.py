"""The catalogue on PostgreSQL: the same answers as on SQLite, and a rebuild that never blocks readers."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import create_engine, inspect, select, text

from services_catalog.build import build
from services_catalog.catalogue import Catalogue
from services_catalog.csv_source import DEFAULT_DATA_DIR
from services_catalog.schema import SA_TABLES, current_build

from .conftest import write_catalogue


def nearest(catalogue: Catalogue, request: str, place: str) -> list:
    service = catalogue.search_services(request)[0].service.id
    return [hit.location.id for hit in catalogue.nearest_offices(service, catalogue.resolve_place(place)).offices]


def test_the_real_catalogue_answers_the_same_on_postgresql(postgres_database, real_catalogue: Catalogue) -> None:
    url = postgres_database("catalogue")
    build(DEFAULT_DATA_DIR, url)
    on_postgres = Catalogue(url)
    for request, place in (
        ("passport", "Toronto"),
        ("SIN", "Winnipeg"),
        ("health card", "Halifax"),
        ("permis de conduire", "Montréal"),
        ("marriage licence", "Ottawa"),
    ):
        assert nearest(on_postgres, request, place) == nearest(real_catalogue, request, place), (request, place)
    assert len(on_postgres.snapshot().services) == len(real_catalogue.snapshot().services)


def test_a_rebuild_completes_while_a_reader_holds_the_live_tables(postgres_database, tmp_path: Path, sample) -> None:
    url = postgres_database("rebuild")
    data = write_catalogue(tmp_path / "catalogue", sample)
    first = build(data, url)
    reader = Catalogue(url, check_interval=0)
    assert reader.snapshot().build_id == first.build_id

    engine = create_engine(url, future=True)
    with engine.connect() as long_reader:  # a reader in the middle of a long read of the live build
        schema = long_reader.execute(select(current_build.c.schema_name)).scalar()
        long_reader.execution_options(schema_translate_map={None: schema}).execute(select(SA_TABLES["services"])).all()
        outcome: dict = {}
        rebuild = threading.Thread(target=lambda: outcome.update(result=build(data, url)))
        rebuild.start()
        rebuild.join(timeout=120)
        assert not rebuild.is_alive(), "the rebuild waited for the reader"
        long_reader.rollback()

    second = outcome["result"]
    assert reader.snapshot().build_id == second.build_id
    third = build(data, url)
    assert reader.snapshot().build_id == third.build_id
    with engine.connect() as conn:
        schemas = {s for s in inspect(conn).get_schema_names() if s.startswith("catalogue_")}
        assert schemas == {f"catalogue_{second.build_id[:16]}", f"catalogue_{third.build_id[:16]}"}
        assert conn.execute(text("SELECT count(*) FROM catalogue_current")).scalar() == 1
    engine.dispose()
