"""The database schema, derived from the table declarations.

The database mirrors the CSV files one to one (plus a build stamp), so what a
service owner sees in a file is what the assistant reads. Everything is plain
SQLAlchemy Core: the same code runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Dict

from sqlalchemy import Column as SAColumn
from sqlalchemy import Float, Index, Integer, MetaData, PrimaryKeyConstraint, Text
from sqlalchemy import Table as SATable

from services_catalog.tables import TABLES, Table

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE = REPO_ROOT / "build" / "catalogue.db"
URL_VARIABLE = "GUICHET_CATALOGUE_URL"

metadata = MetaData()
_TYPES = {"float": Float, "int": Integer}


def _sa_table(table: Table) -> SATable:
    columns = [SAColumn(c.name, _TYPES.get(c.kind, Text), nullable=not c.required) for c in table.columns]
    indexes = [Index(f"ix_{table.name}_{c.name}", c.name) for c in table.columns if c.kind == "ref"]
    return SATable(table.name, metadata, *columns, PrimaryKeyConstraint(*table.key), *indexes)


SA_TABLES: Dict[str, SATable] = {t.name: _sa_table(t) for t in TABLES}

catalogue_meta = SATable(
    "catalogue_meta",
    metadata,
    SAColumn("build_id", Text, primary_key=True),
    SAColumn("built_at", Text, nullable=False),
    SAColumn("summary", Text, nullable=False),
)


# On PostgreSQL each build goes into a schema of its own and this one-row table, in the default schema,
# names the schema readers should use: switching builds is one UPDATE, so readers never wait for a build.
current_build = SATable(
    "catalogue_current",
    MetaData(),
    SAColumn("id", Integer, primary_key=True),
    SAColumn("schema_name", Text, nullable=False),
    SAColumn("build_id", Text, nullable=False),
)
BUILD_SCHEMA_PREFIX = "catalogue_"


def uses_build_schemas(dialect_name: str) -> bool:
    """Whether builds go into schemas switched atomically (PostgreSQL) rather than replacing tables."""
    return dialect_name == "postgresql"


def database_url() -> str:
    """The catalogue database: $GUICHET_CATALOGUE_URL, else a SQLite file under build/."""
    return os.environ.get(URL_VARIABLE) or f"sqlite:///{DEFAULT_DATABASE}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a plain sqlite:/// URL; None for other databases and SQLite URI forms."""
    prefix = "sqlite:///"
    path = url[len(prefix) :]
    if not url.startswith(prefix) or not path or "?" in path or path.startswith(("file:", ":memory:")):
        return None
    return Path(path)
