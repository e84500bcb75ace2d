"""MkDocs hook: give every page a meta description.

A page's front matter `description` wins. Otherwise the description is its first top-level
paragraphs as plain text, cut at a word boundary to at most 160 characters. Material's
base.html writes page.meta.description into the page without escaping, so the text is stored
escaped here (as Markup, so nothing escapes it twice).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from markupsafe import Markup, escape

MAX_LENGTH = 160
ENOUGH = 120
TOO_SHORT = 50
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIP_TEXT = {"math", "script", "style", "sup"}


class _TopParagraphs(HTMLParser):
    """Collects the text of <p> elements that sit at the top level of a page's content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.current: list[str] | None = None
        self.paragraphs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        if tag == "p" and self.depth == 0:
            self.current = []
        if tag in SKIP_TEXT:
            self.skip += 1
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        self.depth = max(0, self.depth - 1)
        if tag in SKIP_TEXT:
            self.skip = max(0, self.skip - 1)
        if tag == "p" and self.depth == 0 and self.current is not None:
            text = " ".join("".join(self.current).split())
            if text:
                self.paragraphs.append(text)
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None and not self.skip:
            self.current.append(data)


def shorten(text: str, limit: int = MAX_LENGTH) -> str:
    """Cut text to at most `limit` characters at a word boundary, ending with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.-–(")
    return cut + "…"


def describe(html: str) -> str:
    """A plain-text description from the first top-level paragraphs of a page's HTML."""
    parser = _TopParagraphs()
    parser.feed(html)
    parser.close()
    text = ""
    for paragraph in parser.paragraphs:
        text = f"{text} {paragraph}".strip()
        if len(text) >= ENOUGH:
            break
    return shorten(re.sub(r"\s+", " ", text))


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    given = page.meta.get("description")
    text = " ".join(str(given).split()) if given else describe(html)
    if len(text) < TOO_SHORT:
        # A stub or a page that opens with a list: the site's own summary fills the gap.
        text = shorten(f"{text} {' '.join(str(config.get('site_description') or '').split())}".strip())
    page.meta["description"] = Markup(escape(text))
    return html
