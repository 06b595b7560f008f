"""Where trained Rasa models live, for the run scripts, benchmarks and end-to-end tests."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
MODELS = REPO_ROOT / "models"


def latest_model() -> Path:
    """The newest model `rasa train` wrote (it names them by time)."""
    models = sorted(MODELS.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise RuntimeError("no trained model in models/: run `make train` (`make test` trains one first)")
    return models[-1]
