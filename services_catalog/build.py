"""Building the catalogue database from the CSV layers, atomically.

A build either fully replaces the catalogue or changes nothing: validation runs
before anything is written, a SQLite catalogue is written to a temporary file
and renamed over the old one (rename is atomic on POSIX), and any other
database is rewritten inside one transaction. Readers notice the new build
stamp and reload without a restart (see catalogue.py).
"""
from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List

from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from services_catalog.csv_source import DEFAULT_DATA_DIR, Problem, Source, read_source
from services_catalog.schema import SA_TABLES, catalogue_meta, database_url, metadata, sqlite_path
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
