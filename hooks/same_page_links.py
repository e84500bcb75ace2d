"""MkDocs hook: a link to an anchor on the same page loses its title tooltip.

The glossary links its terms to each other (Related) hundreds of times, each with the full
definition as a title. On that page the definition is already on screen a scroll away, and
Material mounts one tooltip per titled element when the page loads: about 1,200 of them made
the glossary block the main thread for seconds on a phone and added tens of KiB. Links to other
pages keep their tooltips.
"""

from __future__ import annotations

import re
from typing import Any

SAME_PAGE_LINK = re.compile(r'<a href="(?:\./)?#([^"]*)" title="[^"]*"')


def drop_same_page_titles(html: str) -> str:
    return SAME_PAGE_LINK.sub(lambda m: f'<a href="#{m.group(1)}"', html)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return drop_same_page_titles(html)
