"""MkDocs hook: a very long table of contents keeps only its top levels.

Material prints the table of contents twice (sidebar and mobile drawer). The glossary has an
entry for every term, about 300, which doubled its DOM and kept phones busy laying it out.
When a page has more than MAX_ENTRIES entries, entries below level 2 (h3 and deeper) leave the
table of contents; the page keeps its headings and anchors, and its own way in to them (the glossary's
A-Z bar, the summary table of "What AWS has changed").
"""

from __future__ import annotations

from typing import Any

MAX_ENTRIES = 40


def count(items: Any) -> int:
    return sum(1 + count(item.children) for item in items)


def prune(items: Any) -> None:
    for item in items:
        if item.level >= 2:
            item.children = []
        else:
            prune(item.children)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if page.toc is not None and count(page.toc) > MAX_ENTRIES:
        prune(page.toc)
    return html
