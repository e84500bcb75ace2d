"""hooks/studykit/build.py from the command line, as an engine without MkDocs hooks would call it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from studykit.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def test_prebuild_passes_on_the_site() -> None:
    assert main(["--config", str(ROOT / "mkdocs.yml"), "prebuild"]) == 0


def test_prebuild_names_a_broken_reference(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, project / part)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    page = project / "docs" / "domain-1-data-preparation" / "data-collection.md"
    page.write_text(page.read_text(encoding="utf-8").replace("\ndescription:", "\nsummary:", 1), encoding="utf-8")
    assert main(["--config", str(project / "mkdocs.yml"), "prebuild"]) == 1
    err = capsys.readouterr().err
    assert "docs/domain-1-data-preparation/data-collection.md: its front matter `description:` is 0 characters" in err
