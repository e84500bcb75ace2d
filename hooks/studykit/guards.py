"""Build guards that keep the site right tomorrow as well as today.

- Single sourcing: a changed fact's current value lives in one record of data/changes/. Its `values:`
  list the strings people type for it ("365 days", "50 TB"); typed anywhere else in docs/ or data/, the
  value would not follow the record when AWS changes it again, so the build names the file and line and
  the `fact()` to use instead.
- Dates are data: a date typed into a page ("support ends on 7 October 2026") goes stale by itself. The
  build names every one, so the writer moves it into data and uses a placeholder or `fact()`.

The functions here are pure: they read files and return findings as "path:line: message" strings.
`check()` raises one DataError that lists every finding at once, so a contributor fixes them in one go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from .data import Change
from .dates import typed_dates
from .errors import DataError

RECORD_START = re.compile(r"^\s*-\s+id:\s*['\"]?([a-z0-9-]+)")


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def value_pattern(value: str) -> re.Pattern[str]:
    """A value as people type it: case and the spaces between its words may vary ("50 TB", "50TB",
    "50&nbsp;TB"), but it must stand alone, so "50 TB" does not match "150 TB" or "50 TBs"."""
    words = [re.escape(w) for w in value.split()]
    return re.compile(r"(?<![\w.,])" + r"[ \t\u00a0]*".join(words) + r"(?!\w)", re.IGNORECASE)


def record_lines(path: Path, change_id: str) -> range:
    """The line numbers (1-based) of one record in its data/changes file: from its '- id:' line to the
    line before the next record."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = end = None
    for number, line in enumerate(lines, 1):
        match = RECORD_START.match(line)
        if not match:
            continue
        if start is not None:
            end = number
            break
        if match.group(1) == change_id:
            start = number
    if start is None:
        return range(0)
    return range(start, end or len(lines) + 1)


CONTEXT_LINES = 3


def about(change: Change, window: list[str]) -> bool:
    """Whether lines near a typed value speak of the change's subject: a value such as "365 days" is
    the Kinesis retention only where the record's `context` words (Kinesis, retention...) are near."""
    if not change.context:
        return True
    text = " ".join(window).lower()
    return any(word.lower() in text for word in change.context)


def changed_value_findings(changes: Mapping[str, Change], docs_dir: Path, data_dir: Path, root: Path) -> list[str]:
    """Every place in docs/ (Markdown) or data/ (YAML) where the current value of a changed fact is
    typed instead of being taken from its record. The record's own lines are exempt."""
    patterns = [(change, value, value_pattern(value)) for change in changes.values() for value in change.values]
    if not patterns:
        return []
    own: dict[tuple[str, str], range] = {}
    for change in changes.values():
        if change.values and change.source:
            path = root / change.source
            if path.is_file():
                own[(path.resolve().as_posix(), change.id)] = record_lines(path, change.id)
    # Every value starts with one of these words: a plain substring test rules out most files and lines
    # far quicker than the patterns can.
    first_words = {value.split()[0].lower() for _, value, _ in patterns}

    def may_hold_a_value(text: str) -> bool:
        lowered = text.lower()
        return any(word in lowered for word in first_words)

    findings = []
    files = [*sorted(docs_dir.rglob("*.md")), *sorted(data_dir.rglob("*.yml"))]
    for path in files:
        key = path.resolve().as_posix()
        text = path.read_text(encoding="utf-8")
        if not may_hold_a_value(text):
            continue
        lines = text.splitlines()
        for number, line in enumerate(lines, 1):
            if not may_hold_a_value(line):
                continue
            for change, value, pattern in patterns:
                if number in own.get((key, change.id), range(0)):
                    continue
                if pattern.search(line) and about(change, lines[max(0, number - 1 - CONTEXT_LINES):number + 1]):
                    findings.append(
                        f"{_relative(path, root)}:{number}: '{value}' is the current value of changed fact "
                        f"'{change.id}'; write {{{{ fact(\"{change.id}\") }}}} in a page or {{fact:{change.id}}} "
                        "in data instead"
                    )
    return findings


FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"(`+).+?\1")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
HTML_COMMENT = re.compile(r"<!--.*?-->")
LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")


def prose_lines(markdown: str) -> Iterable[tuple[int, str]]:
    """(line number, text) of a page's prose: fenced code blocks, inline code, macro calls, HTML
    comments and link targets are left out, because a date there is code or an address, not a claim.
    So is the front matter's `checked:` date, which records when the facts were read, not a fact."""
    fence = ""
    front_matter = markdown.startswith("---")
    for number, line in enumerate(markdown.splitlines(), 1):
        if front_matter:
            front_matter = number == 1 or line.strip() != "---"
            if line.startswith("checked:"):
                continue
        match = FENCE.match(line)
        if match:
            if not fence:
                fence = match.group(1)
            elif match.group(1) == fence:
                fence = ""
            continue
        if fence:
            continue
        for pattern in (INLINE_CODE, JINJA, HTML_COMMENT, LINK_TARGET):
            line = pattern.sub(" ", line)
        yield number, line


def typed_date_findings(docs_dir: Path, root: Path) -> list[str]:
    """Every date typed into the prose of a page under docs/."""
    findings = []
    for path in sorted(docs_dir.rglob("*.md")):
        for number, line in prose_lines(path.read_text(encoding="utf-8")):
            for typed in typed_dates(line):
                findings.append(
                    f"{_relative(path, root)}:{number}: '{typed}' is a date typed into a page and goes stale; "
                    "put the date in data (data/changes/ or data/exams.yml) as a {verb:date} placeholder "
                    "and show it with {{ fact(\"id\") }} or a changed() box instead"
                )
    return findings


def findings(changes: Mapping[str, Change], docs_dir: Path, data_dir: Path, root: Path | None = None) -> list[str]:
    """All findings of all guards, in file order."""
    root = root or data_dir.parent
    return changed_value_findings(changes, docs_dir, data_dir, root) + typed_date_findings(docs_dir, root)


def check(changes: Mapping[str, Change], docs_dir: Path, data_dir: Path, root: Path | None = None) -> None:
    """Raise one DataError that lists every finding, or return if there is none."""
    found = findings(changes, docs_dir, data_dir, root)
    if found:
        raise DataError(
            f"{len(found)} stale-fact problem(s). A changed fact is written once, in data/changes/, and "
            "a date is data, not page text:\n  " + "\n  ".join(found)
        )
