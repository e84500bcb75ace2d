"""MkDocs hook: a link to an anchor on the same page loses its title tooltip.

The glossary links its terms to each other (Related) hundreds of times, each with the full
definition as a title. On that page the definition is already on screen a scroll away, and
Material mounts one tooltip per titled element when the page loads: about 1,200 of them made
the glossary block the main thread for seconds on a phone and added tens of KiB. Links to other
pages keep their tooltips. For the same reason, on a page with more than MAX_TITLED_HEADERLINKS
headings (the glossary), the heading permalinks say "Permanent link" with aria-label, not title.
"""

from __future__ import annotations

import re
from typing import Any

SAME_PAGE_LINK = re.compile(r'<a href="(?:\./)?#([^"]*)" title="[^"]*"')
HEADERLINK_TITLE = re.compile(r'(<a class="headerlink" href="#[^"]*") title="([^"]*)"')
MAX_TITLED_HEADERLINKS = 100


def drop_same_page_titles(html: str) -> str:
    return SAME_PAGE_LINK.sub(lambda m: f'<a href="#{m.group(1)}"', html)


def untitle_headerlinks(html: str) -> str:
    if len(HEADERLINK_TITLE.findall(html)) <= MAX_TITLED_HEADERLINKS:
        return html
    return HEADERLINK_TITLE.sub(r'\1 aria-label="\2"', html)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return untitle_headerlinks(drop_same_page_titles(html))
