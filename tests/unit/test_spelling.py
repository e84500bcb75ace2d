"""One spelling for the whole site: US English, as AWS and the exams write it.

Scans every source of text a reader sees: the pages (docs/**/*.md), the data (data/**/*.yml), the
reader's scripts, the theme overrides and the hooks that write page text. A glossary entry's
`aliases` and `formerly` lists name other spellings on purpose (so that search finds "labelled"), so
their values are skipped. A failure names file:line, the UK form and the US form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from studykit.spelling import uk_spellings

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("docs/**/*.md", "data/**/*.yml", "docs/assets/js/**/*.js", "overrides/**/*.html", "hooks/**/*.py")
NOT_SCANNED = {"hooks/studykit/spelling.py"}  # the list of UK forms itself
OTHER_SPELLINGS = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?:aliases|formerly):(?P<value>.*)$")
URL = re.compile(r"https?://\S+")


def checked_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of every line to check; in YAML, without aliases and formerly values."""
    skip_below: int | None = None  # indentation of an `aliases:`/`formerly:` key whose block list is skipped
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if path.suffix == ".yml":
            stripped = line.lstrip()
            indent = len(line) - len(stripped)
            if skip_below is not None:
                if not stripped or indent > skip_below or (indent == skip_below and stripped.startswith("- ")):
                    continue
                skip_below = None
            key = OTHER_SPELLINGS.match(line)
            if key:
                if not key.group("value").strip():
                    skip_below = len(key.group("indent"))
                continue
        yield number, URL.sub("", line)


def source_files() -> list[Path]:
    found = {p for pattern in SOURCES for p in ROOT.glob(pattern) if p.is_file()}
    return sorted(p for p in found if p.relative_to(ROOT).as_posix() not in NOT_SCANNED)


def test_the_scan_skips_only_other_spellings(tmp_path: Path) -> None:
    sample = tmp_path / "terms.yml"
    sample.write_text(
        "- term: Labeled data\n"
        "  aliases: [Labelled data]\n"
        "  formerly:\n"
        "    - Old catalogue name\n"
        "  definition: Data whose behaviour is known.\n",
        encoding="utf-8",
    )
    found = [(n, uk) for n, text in checked_lines(sample) for uk, _ in uk_spellings(text)]
    assert found == [(5, "behaviour")]


def test_every_source_uses_us_spelling() -> None:
    files = source_files()
    assert any(p.suffix == ".md" for p in files) and any(p.suffix == ".yml" for p in files)
    problems = [
        f"{path.relative_to(ROOT)}:{number}: '{uk}' should be '{us}'"
        for path in files
        for number, text in checked_lines(path)
        for uk, us in uk_spellings(text)
    ]
    assert not problems, "UK spellings found (the site writes US English):\n" + "\n".join(problems)
