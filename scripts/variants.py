"""The pages that `audit.py --side-by-side` compares: a built page without the site's own scripts and
styles, and a page of the same length on a plain Material site."""

from __future__ import annotations

import glob
import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "overrides" / "main.html"

OWN_STYLESHEET = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*\bhref="[^"]*\bassets/css/[^"]*"[^>]*>')
OWN_SCRIPT = re.compile(r'<script\b[^>]*\bsrc="[^"]*\bassets/js/[^"]*"[^>]*>\s*</script>')
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
WORD = re.compile(r"\w[\w'’-]*")
BLOCKS = {"p", "li", "dt", "dd", "td", "th", "pre", "blockquote", "summary", "figcaption", "div", "section",
          "h1", "h2", "h3", "h4", "h5", "h6"}
SKIPPED = {"script", "style", "svg", "template"}

PLAIN_CONFIG = """site_name: Plain Material
theme:
  name: material
  font: false
"""


def words(text: str) -> int:
    return len(WORD.findall(text))


def page_file(site: Path, path: str) -> Path:
    """The HTML file that serves a page path such as "glossary/c/" or "404.html"."""
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


# --------------------------------------------------------------------------- without the site's own assets


def own_inline_scripts() -> list[str]:
    """The first line of each inline script in overrides/main.html: what marks it in a built page (those
    lines hold no template expressions, so they reach the page as written)."""
    bodies = INLINE_SCRIPT.findall(TEMPLATE.read_text(encoding="utf-8"))
    return [body.strip().splitlines()[0].strip() for body in bodies]


def strip_own_assets(page: str, marks: list[str]) -> str:
    """The page without the site's stylesheets (assets/css/), scripts (assets/js/) and inline scripts.
    Material's own (assets/stylesheets/, assets/javascripts/, its inline scripts and __config) stay."""
    found = set()

    def inline(match: re.Match) -> str:
        mark = next((m for m in marks if match.group(1).strip().startswith(m)), None)
        if mark is None:
            return match.group(0)
        found.add(mark)
        return ""

    page = INLINE_SCRIPT.sub(inline, OWN_SCRIPT.sub("", OWN_STYLESHEET.sub("", page)))
    # A page that lost none of them would make the comparison meaningless: say so rather than measure it.
    if missing := [m for m in marks if m not in found]:
        raise ValueError(f"inline scripts of {TEMPLATE.relative_to(ROOT)} not found in the page: {missing}")
    return page


# --------------------------------------------------------------------------- plain Material


class ArticleText(HTMLParser):
    """The text of a page's <article> as blocks: (is_heading, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[bool, str]] = []
        self.depth = 0  # open <article> elements
        self.skip = 0  # open elements whose text is not read
        self.heading = False
        self.text: list[str] = []

    def flush(self) -> None:
        text = " ".join("".join(self.text).replace("¶", "").split())  # ¶: the headings' permalinks
        if words(text):
            self.blocks.append((self.heading, text))
        self.text, self.heading = [], False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "article":
            self.depth += 1
        elif self.depth and tag in SKIPPED:
            self.skip += 1
        elif self.depth and tag in BLOCKS:
            self.flush()
            self.heading = tag[0] == "h"

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.flush()
            self.depth -= 1
        elif self.depth and tag in SKIPPED:
            self.skip -= 1
        elif self.depth and tag in BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.text.append(data)


def article_blocks(page: str) -> list[tuple[bool, str]]:
    parser = ArticleText()
    parser.feed(page)
    return parser.blocks


def article_words(page: str) -> int:
    return words(" ".join(text for _, text in article_blocks(page)))


def seed_blocks(text: str) -> list[tuple[bool, str]]:
    """Seed notes as blocks: a short one-line block without closing punctuation reads as a heading."""
    blocks = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        one = " ".join(lines).lstrip("#").strip()
        heading = lines[0].startswith("#") or (len(lines) == 1 and words(one) <= 10 and one[-1] not in ".,;:!?")
        blocks.append((heading, one))
    return blocks


def escape(text: str) -> str:
    """Text that Markdown shows as written."""
    return re.sub(r"([\\`*_\[\]#])", r"\\\1", html.escape(text, quote=False))


def cut(text: str, count: int) -> str:
    """The text up to the end of its `count`th word."""
    found = list(WORD.finditer(text))
    return text if len(found) <= count else text[:found[count - 1].end()]


def markdown(title: str, blocks: list[tuple[bool, str]], count: int) -> str:
    """A page titled `title` with `count` words in all, from the blocks (repeated if too few)."""
    out, left, i = [f"# {escape(title)}"], count - words(title), 0
    while left > 0 and blocks:
        heading, text = blocks[i % len(blocks)]
        i += 1
        text = text if heading else cut(text, left)
        left -= words(text)
        out.append(("## " if heading else "") + escape(text))
    return "\n\n".join(out) + "\n"


def find_seed(pattern: str) -> list[Path]:
    return [Path(p) for p in sorted(glob.glob(os.path.join(ROOT, pattern)))]


def build_plain_site(project: Path, pages: dict[str, str]) -> Path:
    """A Material site with nothing of its own, one page per slug in `pages` (slug -> Markdown)."""
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    for slug, text in pages.items():
        (project / "docs" / f"{slug}.md").write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True)
    return project / "site"
