"""The offline copy: fills the service worker (docs/sw.js, published as sw.js at the site's root) with
the build's version and the lists of files to cache, read from the built site itself.

Run after everything else has written to the site, so that the lists and the version see the final files.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import rjsmin

WORKER = "sw.js"
# What every page needs before it can show anything: cached when the worker installs.
CORE_PATTERNS = (
    "index.html", "404.html", "manifest.webmanifest",
    "assets/stylesheets/*.min.css", "assets/javascripts/bundle.*.min.js", "assets/javascripts/workers/*.min.js",
    "assets/css/*.css", "assets/js/reader.js", "assets/js/search-*.js",
    "assets/images/*",
)
# Not needed to read or practice offline: source maps, other languages' search, sitemaps, downloads.
SKIPPED_PATTERNS = ("*.map", "assets/javascripts/lunr/*", "sitemap.xml*", "downloads/*", WORKER)


def _matches(path: str, patterns: tuple[str, ...]) -> bool:
    from fnmatch import fnmatch

    return any(fnmatch(path, p) for p in patterns)


def address(path: str) -> str:
    """The address a file is requested at: a page's directory rather than its index.html."""
    if path == "index.html":
        return "./"
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def offline_files(site_dir: Path) -> tuple[list[str], list[str], str]:
    """(core addresses, the rest, version): every published file a reader needs offline, and a hash of them all."""
    core: list[str] = []
    rest: list[str] = []
    digest = hashlib.sha256()
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        path = file.relative_to(site_dir).as_posix()
        if _matches(path, SKIPPED_PATTERNS):
            continue
        digest.update(path.encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
        (core if _matches(path, CORE_PATTERNS) else rest).append(address(path))
    return core, rest, digest.hexdigest()[:16]


def write_service_worker(site_dir: Path) -> dict[str, object]:
    """Fill in sw.js in the built site; returns what it wrote, for the build log and the tests."""
    worker = site_dir / WORKER
    core, rest, version = offline_files(site_dir)
    source = worker.read_text(encoding="utf-8")
    for placeholder in ("__VERSION__", "__CORE__", "__REST__"):
        if placeholder not in source:
            raise ValueError(f"{WORKER}: the placeholder {placeholder} is missing; docs/{WORKER} must keep it.")
    filled = (
        source.replace('"__VERSION__"', json.dumps(version))
        .replace("__CORE__", json.dumps(core))
        .replace("__REST__", json.dumps(rest))
    )
    worker.write_text(rjsmin.jsmin(filled) + "\n", encoding="utf-8")
    return {"version": version, "core": core, "rest": rest}
