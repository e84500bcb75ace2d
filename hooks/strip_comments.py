"""MkDocs hook: the site's own stylesheets and scripts ship without their comments.

The sources in docs/assets/css and docs/assets/js explain themselves at length, and every page
downloads notes.css and reader.js: their comments cost about 3 KiB gzipped on every page. After the
build, the copies in the site lose them; the sources keep them.

Conservative on purpose, with no minifier to trust:
- CSS: every /* ... */ outside a quoted string goes.
- JavaScript: only whole-line comments go: lines that are a // comment, and /* ... */ blocks that
  start a line. A comment after code stays, so no string, regular expression or URL is ever cut.
Blank lines left behind are removed too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

CSS_TOKEN = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|/\*.*?\*/""", re.S)
JS_LINE_COMMENT = re.compile(r"^[ \t]*//.*\n", re.M)
JS_BLOCK_COMMENT = re.compile(r"^[ \t]*/\*(?:(?!\*/).)*\*/[ \t]*\n", re.M | re.S)
BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")


def strip_css(text: str) -> str:
    text = CSS_TOKEN.sub(lambda m: m.group(1) or "", text)
    return BLANK_LINES.sub("", text).lstrip("\n")


def strip_js(text: str) -> str:
    text = JS_BLOCK_COMMENT.sub("", text)
    text = JS_LINE_COMMENT.sub("", text)
    return BLANK_LINES.sub("", text).lstrip("\n")


def on_post_build(config: Any) -> None:
    assets = Path(config["site_dir"]) / "assets"
    for path in sorted((assets / "css").glob("*.css")):
        path.write_text(strip_css(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in sorted((assets / "js").glob("*.js")):
        path.write_text(strip_js(path.read_text(encoding="utf-8")), encoding="utf-8")
