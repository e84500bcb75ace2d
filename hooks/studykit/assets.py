"""The site's own stylesheets and scripts as they ship: joined into bundles, then minified.

Sources are split by feature and explain themselves at length; a page should still make few requests.
Each bundle below is written to the site as the parts joined in order, and the parts leave the site
(they are never requested on their own). Pages and mkdocs.yml name only the bundles.

Minifying uses rcssmin and rjsmin (pinned in requirements.txt): both only drop comments and whitespace,
and both know strings, regular expressions and URLs, so they never change what the code does.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

from studykit.errors import DataError

# Bundle -> its parts, in order, as paths under docs/assets/. A part may share its bundle's name.
BUNDLES: dict[str, tuple[str, ...]] = {
    # The one render-blocking stylesheet, a part per thing it styles: the tokens (every custom property)
    # first, then the rules in cascade order; the print rules ride along under @media print.
    "css/notes.css": (
        "css/notes/tokens.css",
        "css/notes/admonitions.css",
        "css/notes/base.css",
        "css/notes/coverage.css",
        "css/notes/text-boxes.css",
        "css/notes/diagrams.css",
        "css/notes/search-results.css",
        "css/notes/term-popover.css",
        "css/notes/scroll-cues.css",
        "css/notes/tables.css",
        "css/notes/glossary.css",
        "css/notes/home.css",
        "css/notes/studied-marks.css",
        "css/notes/practice-controls.css",
        "css/notes/quiz.css",
        "css/notes/practice-tables.css",
        "css/notes/progress.css",
        "css/notes/question-pages.css",
        "css/notes/readiness.css",
        "css/print.css",
    ),
    # Every page's script: the learner's record first (window.StudyStore), then the namespace the other
    # parts share (window.StudyReader), the parts, the wiring to Material's page views, and offline reading.
    "js/reader.js": (
        "js/reader/store.js",
        "js/reader/addresses.js",
        "js/reader/studied-marks.js",
        "js/reader/moved-pages.js",
        "js/reader/term-popover.js",
        "js/reader/scroll-cues.js",
        "js/reader/loaders.js",
        "js/reader/setup.js",
        "js/reader/offline.js",
    ),
    # The search worker's code, loaded by search-worker.js when search opens.
    "js/search-core.js": ("js/search/ranking.js", "js/search/relay.js"),
    # The practice apps, each one request (practice.js, FILES): their parts before the app itself.
    "js/quiz.js": ("js/quiz/state.js", "js/quiz/app.js"),
    "js/mock.js": ("js/mock/draw.js", "js/mock/timer.js", "js/mock/app.js"),
}


def minify_css(text: str) -> str:
    return rcssmin.cssmin(text) + "\n"


def minify_js(text: str) -> str:
    return rjsmin.jsmin(text) + "\n"


def check_bundles(assets_dir: Path) -> None:
    """Every part of every bundle exists, named in a way a contributor can fix."""
    for bundle, parts in BUNDLES.items():
        for part in parts:
            if not (assets_dir / part).is_file():
                raise DataError(
                    f"docs/assets/{part} is missing but is a part of the bundle assets/{bundle} "
                    "(hooks/studykit/assets.py, BUNDLES). Restore the file or remove it from the list."
                )


def join_bundles(assets_dir: Path) -> None:
    """In the built site: write each bundle from its parts and remove the parts."""
    check_bundles(assets_dir)
    for bundle, parts in BUNDLES.items():
        text = "\n".join((assets_dir / part).read_text(encoding="utf-8") for part in parts)
        for part in parts:
            if part != bundle:
                (assets_dir / part).unlink()
        (assets_dir / bundle).write_text(text, encoding="utf-8")
    for folder in sorted({(assets_dir / part).parent for parts in BUNDLES.values() for part in parts}, reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def minify_all(assets_dir: Path) -> None:
    for path in sorted((assets_dir / "css").glob("*.css")):
        path.write_text(minify_css(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in sorted((assets_dir / "js").glob("*.js")):
        path.write_text(minify_js(path.read_text(encoding="utf-8")), encoding="utf-8")


def ship(site_dir: Path) -> None:
    """Bundle and minify the site's own assets in a built site."""
    assets = site_dir / "assets"
    join_bundles(assets)
    minify_all(assets)
