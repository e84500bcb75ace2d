"""Inline SVG diagrams for the pages, from docs/assets/diagrams/NAME.svg.

Each file is a complete SVG with role="img", a <title> and a <desc>. It is drawn in
currentColor, so inlined into the page it takes the text color of either palette. Inlining
(rather than <img>) is what lets currentColor work, and costs no extra request.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .data import DataError, closest

DIAGRAM_DIR = Path(__file__).resolve().parents[2] / "docs" / "assets" / "diagrams"
ID_ATTR = re.compile(r'\bid="([^"]+)"')


def available(directory: Path = DIAGRAM_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.svg"))


def load(name: str, page_src: str, directory: Path = DIAGRAM_DIR) -> str:
    path = directory / f"{name}.svg"
    if not re.fullmatch(r"[a-z0-9-]+", name) or not path.is_file():
        near = closest(name, available(directory))
        hint = f" Did you mean: {', '.join(near)}?" if near else f" Known diagrams: {', '.join(available(directory))}."
        raise DataError(f"Unknown diagram '{name}' on page {page_src}.{hint} Diagrams live in docs/assets/diagrams/.")
    svg = path.read_text(encoding="utf-8").strip()
    svg = re.sub(r"^<\?xml[^>]*\?>\s*", "", svg)
    for needed in ('role="img"', "<title>", "<desc>"):
        if needed not in svg:
            raise DataError(f"docs/assets/diagrams/{name}.svg: needs {needed} so screen readers get a text alternative.")
    return svg


def inline(svg: str, prefix: str) -> str:
    """Give every id a per-use prefix and point aria-labelledby at the title and description."""
    for old in dict.fromkeys(ID_ATTR.findall(svg)):
        new = f"{prefix}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"url(#{old})", f"url(#{new})")
        svg = svg.replace(f'href="#{old}"', f'href="#{new}"')
    svg = svg.replace("<title>", f'<title id="{prefix}-title">', 1).replace("<desc>", f'<desc id="{prefix}-desc">', 1)
    svg = svg.replace("<svg ", f'<svg aria-labelledby="{prefix}-title {prefix}-desc" ', 1)
    # One line: Markdown must see a single raw HTML block, whatever the file's layout.
    return " ".join(line.strip() for line in svg.splitlines() if line.strip())


def figure(name: str, page_src: str, number: int, caption: str | None = None,
           directory: Path = DIAGRAM_DIR) -> str:
    """The diagram as an HTML <figure>; `number` keeps ids unique when a page shows it twice."""
    svg = inline(load(name, page_src, directory), f"diagram-{name}-{number}")
    cap = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return f'<figure class="diagram diagram--{name}" markdown="0">{svg}{cap}</figure>'
