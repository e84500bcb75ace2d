"""Every navigation label is its page's title (a build check).

A reader who picks "Evaluation" in the navigation and lands on "Evaluating ML models" wonders
whether they are on the right page. So the label of each nav entry, and the label of a section
whose first child is its index page (navigation.indexes), must equal the page's title: its
front matter `title:` or, failing that, its first `#` heading. Each difference is a warning that
names the nav entry and the title, so the strict build fails until mkdocs.yml uses the title.

The home page is the one exception: its label is "Home", whatever its title.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
H1 = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.M)
HOME = "index.md"


def page_title(path: Path) -> str:
    """The title MkDocs shows for a page: front matter `title:`, else the first `#` heading."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError:
            meta = {}
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"]).strip()
        text = text[match.end():]
    heading = H1.search(text)
    return heading.group(1).strip() if heading else ""


def labeled_entries(nav: Any, section: str | None = None) -> list[tuple[str, str, str]]:
    """(where, label, docs path) for every labeled page in the nav, and for every section's index page."""
    found: list[tuple[str, str, str]] = []
    for position, item in enumerate(nav or []):
        if isinstance(item, str):
            if section is not None and position == 0 and item.endswith("index.md"):
                found.append((f"section '{section}'", section, item))
            continue
        if not isinstance(item, dict):
            continue
        for label, value in item.items():
            if isinstance(value, list):
                found.extend(labeled_entries(value, str(label)))
            elif isinstance(value, str) and value.endswith(".md"):
                found.append((f"nav entry '{label}'", str(label), value))
    return found


def mismatches(nav: Any, docs_dir: Path) -> list[str]:
    problems = []
    for where, label, src in labeled_entries(nav):
        if src == HOME:
            continue
        path = docs_dir / src
        if not path.is_file():
            continue  # MkDocs reports missing pages itself
        title = page_title(path)
        if title and label != title:
            problems.append(
                f"Nav label differs from the page title: {where} ({src}) should read '{title}' "
                f"(the page's title), not '{label}'. Change the label in mkdocs.yml, or the page title."
            )
    return problems

