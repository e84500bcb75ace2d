"""The site's own scripts and stylesheets against hooks/studykit/assets.py (BUNDLES): every part exists, and
every file under docs/assets/js and docs/assets/css is either a part of a bundle or a file that a page or a
loader requests by name, so a stray or forgotten file fails here with the fix."""

from __future__ import annotations

import re
from pathlib import Path

from studykit import assets, pages

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "docs" / "assets"
# Where files are requested by name: the loaders (reader/loaders.js, practice.js and its FILES, progress.js,
# mock/app.js, search-worker.js) and the templates; mkdocs.yml is read on its own.
REQUESTERS = (*sorted((ASSETS / "js").rglob("*.js")), *sorted((ROOT / "overrides").rglob("*.html")))
QUOTED_FILE = re.compile(r"""["']([^"'\s]+\.(?:js|css))["']""")
FILES_MAP = re.compile(r"var FILES = \{(?P<body>.*?)\};", re.S)


def own_files() -> list[str]:
    """The site's own scripts and stylesheets, as paths under docs/assets/ (the vendored library aside)."""
    return sorted(p.relative_to(ASSETS).as_posix() for kind in ("js", "css") for p in (ASSETS / kind).rglob(f"*.{kind}"))


def as_asset(name: str) -> str:
    """A requested name as a path under assets/: "assets/css/practice.css", or from a loader, which requests
    its names under assets/js/ (or assets/css/), "quiz.js"."""
    if "assets/" in name:
        return name.split("assets/", 1)[1]
    return f"{name.rsplit('.', 1)[1]}/{name}"


def requested() -> dict[str, str]:
    """Each path under assets/ that a page or a loader requests -> where it is requested."""
    found: dict[str, str] = {}
    config = pages.load_mkdocs_config(ROOT / "mkdocs.yml")
    for entry in [*config.get("extra_css", []), *config.get("extra_javascript", [])]:
        path = entry["path"] if isinstance(entry, dict) else entry
        found.setdefault(as_asset(path), "mkdocs.yml")
    for file in REQUESTERS:
        for name in QUOTED_FILE.findall(file.read_text(encoding="utf-8")):
            if "/vendor/" not in name and name != "sw.js":
                found.setdefault(as_asset(name), file.relative_to(ROOT).as_posix())
    return found


def parts() -> dict[str, str]:
    """Each bundle part -> its bundle."""
    return {part: bundle for bundle, listed in assets.BUNDLES.items() for part in listed}


def test_every_part_of_every_bundle_exists() -> None:
    assets.check_bundles(ASSETS)  # raises with the bundle, the part and the fix


def test_a_part_is_in_one_bundle_once() -> None:
    listed = [part for names in assets.BUNDLES.values() for part in names]
    twice = sorted({p for p in listed if listed.count(p) > 1})
    assert not twice, f"{twice} listed twice in hooks/studykit/assets.py (BUNDLES): the bundle would carry it twice"


def test_every_own_file_is_a_bundle_part_or_requested() -> None:
    bundled, wanted = parts(), requested()
    stray = [f for f in own_files() if f not in bundled and f not in wanted]
    assert not stray, "\n".join(
        f"docs/assets/{f} is neither a part of a bundle (hooks/studykit/assets.py, BUNDLES) nor requested by a page or a "
        "loader (mkdocs.yml extra_css/extra_javascript, practice.js FILES, reader/loaders.js, ...): add it to the "
        "parts of the bundle it belongs to, load it where it is used, or delete it." for f in stray
    )


def test_nothing_requests_a_part_or_a_missing_file() -> None:
    bundled, files = parts(), set(own_files())
    problems = []
    for path, where in sorted(requested().items()):
        if path in bundled and path != bundled[path]:
            problems.append(f"{where} requests assets/{path}, which the build removes: it ships inside assets/{bundled[path]}. "
                            f"Request assets/{bundled[path]} instead.")
        elif path not in files and path not in assets.BUNDLES:
            problems.append(f"{where} requests assets/{path}, which is neither a file under docs/assets nor a bundle in "
                            "hooks/studykit/assets.py (BUNDLES): fix the name, or add the file.")
    assert not problems, "\n".join(problems)


def test_every_bundle_is_requested() -> None:
    wanted = requested()
    unused = [b for b in assets.BUNDLES if b not in wanted]
    assert not unused, f"bundles no page or loader requests: {unused}; remove them from BUNDLES or load them"


def test_the_practice_loader_names_files_that_ship() -> None:
    source = (ASSETS / "js" / "practice.js").read_text(encoding="utf-8")
    match = FILES_MAP.search(source)
    assert match, "docs/assets/js/practice.js no longer has its FILES map, which this test reads"
    names = QUOTED_FILE.findall(match.group("body"))
    assert names, "practice.js FILES names no file"
    shipped = (set(own_files()) - set(parts())) | set(assets.BUNDLES)
    missing = [n for n in names if f"js/{n}" not in shipped]
    assert not missing, f"practice.js FILES names {missing}, which the built site does not have: a file or a bundle"
