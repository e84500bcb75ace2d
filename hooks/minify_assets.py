"""MkDocs hook: the site's own stylesheets and scripts ship minified.

The sources in docs/assets/css and docs/assets/js explain themselves at length and are laid out to be
read; every page downloads notes.css and reader.js, and the practice pages the practice scripts. After
the build, the copies in the site are minified with rcssmin and rjsmin (pinned in requirements.txt):
both only drop comments and whitespace, and both know strings, regular expressions and URLs, so they
never change what the code does. The sources keep their comments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import rcssmin
import rjsmin


def minify_css(text: str) -> str:
    return rcssmin.cssmin(text) + "\n"


def minify_js(text: str) -> str:
    return rjsmin.jsmin(text) + "\n"


# Stylesheets that ship inside another: the print rules (all under @media print) reach readers inside
# notes.css, so a page makes one stylesheet request instead of two.
JOINED = {"notes.css": ("print.css",)}


def join_stylesheets(css_dir: Path) -> None:
    for target, parts in JOINED.items():
        text = (css_dir / target).read_text(encoding="utf-8")
        for part in parts:
            text += "\n" + (css_dir / part).read_text(encoding="utf-8")
            (css_dir / part).unlink()
        (css_dir / target).write_text(text, encoding="utf-8")


def on_post_build(config: Any) -> None:
    assets = Path(config["site_dir"]) / "assets"
    join_stylesheets(assets / "css")
    for path in sorted((assets / "css").glob("*.css")):
        path.write_text(minify_css(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in sorted((assets / "js").glob("*.js")):
        path.write_text(minify_js(path.read_text(encoding="utf-8")), encoding="utf-8")
