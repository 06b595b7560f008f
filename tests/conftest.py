"""Fixtures shared by every test suite: the real, committed catalogue built once per session, and
private PostgreSQL databases (every machine runs PostgreSQL 15 on 127.0.0.1:5432, trust auth)."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Callable, Iterator, List

import pytest
from sqlalchemy import create_engine, text

from services_catalog import catalogue as catalogue_module
from services_catalog.build import build
from services_catalog.catalogue import Catalogue
from services_catalog.csv_source import DEFAULT_DATA_DIR


@pytest.fixture(scope="session")
def real_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The committed catalogue, built into a private database so tests never touch build/."""
    url = f"sqlite:///{tmp_path_factory.mktemp('real') / 'catalogue.db'}"
    build(DEFAULT_DATA_DIR, url)
    return Catalogue(url)


@pytest.fixture
def shared_real_catalogue(real_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> Catalogue:
    """Makes the real catalogue the one `shared_catalogue()` hands to the actions."""
    monkeypatch.setattr(catalogue_module, "_shared", real_catalogue)
    return real_catalogue


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parents[1]


POSTGRES = "postgresql://postgres@127.0.0.1:5432"


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[Callable[[str], str]]:
    """Creates private PostgreSQL databases (`make("retention")` → URL), dropped at the end of the session."""
    admin = create_engine(f"{POSTGRES}/postgres", isolation_level="AUTOCOMMIT", future=True)
    created: List[str] = []

    def make(purpose: str) -> str:
        name = f"guichet_{purpose}_{secrets.token_hex(4)}"
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        created.append(name)
        return f"{POSTGRES}/{name}"

    try:
        yield make
    finally:
        with admin.connect() as conn:
            for name in created:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


# The test tiers (pyproject.toml's markers), by folder; PostgreSQL or Redis use adds `services`.
TIERS = {
    "catalogue": "unit",
    "actions": "unit",
    "bot": "unit",
    "conversations": "rasa",
    "e2e": "e2e",
    "browser": "browser",
}


def pytest_collection_modifyitems(items: List[pytest.Item]) -> None:
    tests = Path(__file__).resolve().parent
    for item in items:
        folder = Path(str(item.fspath)).resolve().relative_to(tests).parts[0]
        item.add_marker(TIERS[folder])
        if "postgres_database" in getattr(item, "fixturenames", ()):
            item.add_marker("services")
