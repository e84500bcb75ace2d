"""MkDocs hook: fills in the service worker once the site is built (hooks/studykit/offline.py).
Listed last in mkdocs.yml, so that it sees every file the other steps write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studykit.offline import write_service_worker


def on_post_build(config: Any) -> None:
    write_service_worker(Path(config["site_dir"]))
