"""A build replaces the catalogue whole or not at all, and readers follow it without a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from services_catalog.build import CatalogueInvalid, build
from services_catalog.catalogue import Catalogue, CatalogueUnavailable
from services_catalog.cli import main

from .conftest import write_catalogue


def test_invalid_catalogue_leaves_previous_database_intact(tmp_path: Path, sample) -> None:
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    first = build(write_catalogue(tmp_path / "good", sample), url)
    before = (tmp_path / "catalogue.db").read_bytes()

    sample["federal"]["services"][0]["channels"] = "telepathy"
    with pytest.raises(CatalogueInvalid) as raised:
        build(write_catalogue(tmp_path / "bad", sample), url)

    assert "telepathy" in str(raised.value.problems[0])
    assert (tmp_path / "catalogue.db").read_bytes() == before
    assert Catalogue(url).snapshot().build_id == first.build_id
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_cli_build_on_broken_copy_exits_1_and_keeps_database(tmp_path: Path, sample, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    assert main(["build", "--data", str(write_catalogue(tmp_path / "good", sample)), "--url", url]) == 0
    before = (tmp_path / "catalogue.db").read_bytes()
    sample["federal"]["locations"][0]["postal_code"] = "T9H-2K4"
    assert main(["build", "--data", str(write_catalogue(tmp_path / "bad", sample)), "--url", url]) == 1
    out = capsys.readouterr()
    assert f"{tmp_path}/bad/federal/locations.csv:2:12: postal_code: 'T9H-2K4'" in out.out
    assert "previous catalogue database is unchanged" in out.err
    assert (tmp_path / "catalogue.db").read_bytes() == before


def test_running_reader_picks_up_a_rebuild(tmp_path: Path, sample) -> None:
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    build(write_catalogue(tmp_path / "v1", sample), url)
    reader = Catalogue(url)
    assert reader.search_services("dog licence")[0].service.name.en == "Dog licence"

    sample["municipal"]["services"][0]["name_en"] = "Pet licence"
    build(write_catalogue(tmp_path / "v2", sample), url)

    assert reader.search_services("pet licence")[0].service.name.en == "Pet licence"


def test_unreadable_rebuild_keeps_last_good_snapshot(tmp_path: Path, sample) -> None:
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    build(write_catalogue(tmp_path / "v1", sample), url)
    reader = Catalogue(url)
    build_id = reader.snapshot().build_id
    (tmp_path / "catalogue.db").write_bytes(b"not a database")
    assert reader.snapshot().build_id == build_id


def test_missing_database_is_reported_clearly(tmp_path: Path) -> None:
    with pytest.raises(CatalogueUnavailable, match="python -m services_catalog build"):
        Catalogue(f"sqlite:///{tmp_path / 'none.db'}").snapshot()


def test_any_sqlalchemy_url_is_built_in_one_transaction(tmp_path: Path, sample, monkeypatch) -> None:
    """A non-file URL takes the transactional path (here an in-process SQLite URL with a query string)."""
    url = f"sqlite:///file:{tmp_path / 'tx.db'}?uri=true"
    result = build(write_catalogue(tmp_path / "c", sample), url)
    assert Catalogue(url).snapshot().build_id == result.build_id
    sample["federal"]["services"][0]["status"] = "maybe"
    with pytest.raises(CatalogueInvalid):
        build(write_catalogue(tmp_path / "bad", sample), url)
    assert Catalogue(url).snapshot().build_id == result.build_id
