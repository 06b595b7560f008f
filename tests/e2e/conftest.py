"""One real assistant (action server + Rasa, started as `make run` starts them) for the end-to-end tests."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Tuple

import pytest

from bot.launch import running_assistant
from services_catalog.catalogue import Catalogue


@pytest.fixture(scope="session")
def served(real_catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tuple[str, Path]]:
    """(base URL, working directory with its tracker store, handoff queue and logs)."""
    workdir: Path = tmp_path_factory.mktemp("assistant")
    with running_assistant(workdir, catalogue_url=real_catalogue.url) as base_url:
        yield base_url, workdir


@pytest.fixture(scope="session")
def assistant(served: Tuple[str, Path]) -> str:
    return served[0]
