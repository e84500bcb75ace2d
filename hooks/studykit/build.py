"""The engine-neutral build steps around the engine's own rendering.

- prebuild(): reads data/ and the pages into the site model and runs the build checks.
- page_markdown() / fix_page(): what happens to each page on its way through the engine.
- postbuild(): writes what the site needs beside its pages (the practice data, the decks, the search
  terms), bundles and minifies the site's own assets and fills in the service worker.

Under MkDocs, hooks/mkdocs_adapter.py calls them from MkDocs' events and hooks/macros.py offers the page
macros. Another engine that reads mkdocs.yml can call the same steps: `python -m studykit --help`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from studykit import assets, checks, decks, html_fixes, offline, practice, site

ARTICLE = re.compile(r'(<article class="md-content__inner[^"]*">.*?)(<h1.*?)(</article>)', re.S)  # content: from its h1 on


def prebuild(settings: site.Settings) -> tuple[site.SiteModel, checks.Findings]:
    """The site model, checked. A broken reference raises DataError naming its culprit."""
    model = site.load(settings)
    return model, checks.run(model)


def fix_page(model: site.SiteModel, content: str, page_url: str) -> str:
    """A page's rendered content with the build's HTML fixes (studykit.html_fixes)."""
    return html_fixes.fix_content(content, page_url, model.glossary_hrefs, model.settings.site_url)


def page_url_of(html_file: Path, site_dir: Path) -> str:
    """The address of a built page from the site root, as MkDocs gives page.url."""
    rel = html_file.relative_to(site_dir).as_posix()
    return rel.removesuffix("index.html") if rel.endswith("index.html") else rel


def fix_built_page(model: site.SiteModel, html: str, path: Path, site_dir: Path) -> str:
    """A whole built page with the same fixes applied to its content."""
    url = page_url_of(path, site_dir)
    return ARTICLE.sub(lambda m: m.group(1) + fix_page(model, m.group(2), url) + m.group(3), html)


def fix_built_pages(model: site.SiteModel, site_dir: Path) -> list[Path]:
    """For an engine that cannot change a page's content while it renders: the same fixes, on the
    content of every built page. Returns the pages it changed."""
    changed = []
    for path in sorted(site_dir.rglob("*.html")):
        before = path.read_text(encoding="utf-8")
        after = fix_built_page(model, before, path, site_dir)
        if after != before:
            path.write_text(after, encoding="utf-8")
            changed.append(path)
    return changed


def postbuild(model: site.SiteModel, site_dir: Path) -> None:
    out = site_dir / practice.ASSET_DIR
    out.mkdir(parents=True, exist_ok=True)
    for name, payload in model.practice_assets.items():
        write_json(out / name, payload)
    write_json(out / "moved.json", model.moved_pages)
    write_json(site_dir / "search" / "terms.json", model.search_terms)
    decks.write(model.decks, site_dir)
    assets.ship(site_dir)
    offline.write_service_worker(site_dir)  # last: it lists and hashes every file the steps above wrote


def write_json(path: Path, payload: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
