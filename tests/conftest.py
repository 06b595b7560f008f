"""Fixtures shared by every test suite: the real, committed catalogue built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

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
