"""Building the catalogue database from the CSV layers, atomically.

A build either fully replaces the catalogue or changes nothing: validation runs
before anything is written, a SQLite catalogue is written to a temporary file
and renamed over the old one (rename is atomic on POSIX), and a PostgreSQL
catalogue is written into a new schema that one short UPDATE then makes current
(readers are never blocked by a build, which would happen if it dropped and
recreated the live tables). Any other database is rewritten inside one
transaction. Readers notice the new build stamp and reload without a restart
(see catalogue.py).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine

from services_catalog.csv_source import DEFAULT_DATA_DIR, Problem, Source, read_source
from services_catalog.schema import (
    BUILD_SCHEMA_PREFIX,
    SA_TABLES,
    catalogue_meta,
    current_build,
    database_url,
    metadata,
    sqlite_path,
    uses_build_schemas,
)
from services_catalog.tables import TABLES, Table
from services_catalog.validation import summary, validate


class CatalogueInvalid(Exception):
    """The CSVs have problems; nothing was written."""

    def __init__(self, problems: List[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the catalogue")
        self.problems = problems


@dataclass
class BuildResult:
    build_id: str
    url: str
    summary: str


def build(data_dir: Path = DEFAULT_DATA_DIR, url: str | None = None) -> BuildResult:
    url = url or database_url()
    source = read_source(data_dir)
    problems = validate(source)
    if problems:
        raise CatalogueInvalid(problems)
    build_id = uuid.uuid4().hex
    stamp = {"build_id": build_id, "built_at": datetime.now(timezone.utc).isoformat(), "summary": summary(source)}
    target = sqlite_path(url)
    if target is not None:
        _build_sqlite_file(target, source, stamp)
    else:
        engine = create_engine(url, future=True)
        if uses_build_schemas(engine.dialect.name):
            _build_schema(engine, source, stamp)
        else:
            with engine.begin() as conn:  # one transaction: all or nothing
                metadata.drop_all(conn)
                _write(conn, source, stamp)
        engine.dispose()
    return BuildResult(build_id, url, stamp["summary"])


def _build_sqlite_file(target: Path, source: Source, stamp: Dict[str, str]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{stamp['build_id'][:8]}.tmp")
    try:
        engine = create_engine(f"sqlite:///{temporary}", future=True)
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=OFF")
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
            _write(conn, source, stamp)
        engine.dispose()
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _build_schema(engine: Engine, source: Source, stamp: Dict[str, str]) -> None:
    """Writes the build into its own schema, makes it current, then drops all but the previous build.

    The previous build is kept so that a reader that looked up the current schema just before the
    switch can still finish reading it.
    """
    schema = f"{BUILD_SCHEMA_PREFIX}{stamp['build_id'][:16]}"
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        _write(conn.execution_options(schema_translate_map={None: schema}), source, stamp)
    with engine.begin() as conn:
        current_build.create(conn, checkfirst=True)
        conn.execute(text("LOCK TABLE catalogue_current IN EXCLUSIVE MODE"))  # builds switch one at a time
        previous = conn.execute(current_build.select()).mappings().first()
        conn.execute(current_build.delete())
        conn.execute(current_build.insert(), [{"id": 1, "schema_name": schema, "build_id": stamp["build_id"]}])
    keep = {schema, previous["schema_name"] if previous else ""}
    with engine.begin() as conn:
        for old in inspect(conn).get_schema_names():
            if old.startswith(BUILD_SCHEMA_PREFIX) and old not in keep:
                conn.execute(text(f'DROP SCHEMA "{old}" CASCADE'))


def _write(conn: Connection, source: Source, stamp: Dict[str, str]) -> None:
    metadata.create_all(conn)
    for table in TABLES:
        records = [_typed(table, row.values) for row in source.rows[table.name]]
        if records:
            conn.execute(SA_TABLES[table.name].insert(), records)
    conn.execute(catalogue_meta.insert(), [stamp])


def _typed(table: Table, values: Dict[str, str]) -> Dict[str, object]:
    record: Dict[str, object] = {}
    for column in table.columns:
        value = values.get(column.name, "")
        if value == "":
            record[column.name] = None
        elif column.kind == "float":
            record[column.name] = float(value)
        elif column.kind == "int":
            record[column.name] = int(value)
        else:
            record[column.name] = value
    return record
