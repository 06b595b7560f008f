"""Every GUICHET_* setting the code reads is owned by bot/settings.py and documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

from bot.settings import SETTINGS

NAME = re.compile(r"\bGUICHET_[A-Z_]+[A-Z]\b")


def test_the_readme_settings_table_lists_exactly_the_settings(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Settings", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `(GUICHET_[A-Z_]+)` \|", table, flags=re.MULTILINE))
    assert documented == set(SETTINGS)


def test_the_code_reads_no_undocumented_setting(repo_root: Path) -> None:
    used = set()
    for folder in ("bot", "actions", "services_catalog"):
        for path in (repo_root / folder).rglob("*"):
            if path.suffix in (".py", ".sh", ".js", ".yml"):
                used |= set(NAME.findall(path.read_text(encoding="utf-8")))
    for path in (repo_root / "endpoints.yml", repo_root / "credentials.yml", repo_root / "Makefile"):
        used |= set(NAME.findall(path.read_text(encoding="utf-8")))
    assert used <= set(SETTINGS), used - set(SETTINGS)
