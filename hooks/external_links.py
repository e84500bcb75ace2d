"""MkDocs hook: mark links that leave the site with data-external.

The print stylesheet prints the address after each such link. It cannot tell by the href
alone: Material's instant navigation rewrites in-site links to absolute http URLs in the
browser, so `a[href^="http"]` would also match every glossary link.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

LINK = re.compile(r'<a href="(https?://[^"]+)"')


def mark_external(html: str, site_host: str) -> str:
    def mark(match: re.Match[str]) -> str:
        host = urlparse(match.group(1)).netloc
        return match.group(0) if site_host and host == site_host else f'<a data-external href="{match.group(1)}"'

    return LINK.sub(mark, html)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return mark_external(html, urlparse(config.get("site_url") or "").netloc)
