"""MkDocs hook: the site's own stylesheets and scripts ship bundled and minified (hooks/studykit/assets.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studykit import assets


def on_post_build(config: Any) -> None:
    assets.ship(Path(config["site_dir"]))
