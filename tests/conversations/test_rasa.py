"""Rasa's own checks, run under pytest: training data validation and the conversation test stories."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bot.models import latest_model

RASA = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "rasa"
ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(RASA), *args], cwd=ROOT, capture_output=True, text=True)


def test_training_data_is_valid_without_warnings() -> None:
    result = run("data", "validate", "--fail-on-warning")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_every_conversation_story_passes_in_both_languages(tmp_path: Path) -> None:
    result = run(
        "test",
        "core",
        "--stories",
        "tests/conversations",
        "--model",
        str(latest_model()),
        "--fail-on-prediction-errors",
        "--e2e",
        "--out",
        str(tmp_path),
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, details[-4000:] + result.stdout[-3000:] + result.stderr[-3000:]
    assert "None of the test stories failed" in details
