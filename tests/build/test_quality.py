"""Every built page is self-contained and describes itself: meta and social tags, favicon, print
stylesheet, heading order, no third-party assets; plus the small hooks and the diagram macro."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from studykit import data, diagrams, git_dates, html_fixes

ROOT = Path(__file__).resolve().parents[2]




def soup_of(path: Path) -> BeautifulSoup:
    from conftest import parsed

    return parsed(path)


def test_every_page_has_a_description_social_tags_favicon_and_print_css(built_pages: dict) -> None:
    problems = []
    for name, soup in built_pages.items():
        description = soup.select_one('meta[name="description"]')
        text = description.get("content", "").strip() if description else ""
        if not 50 <= len(text) <= 200:
            problems.append(f"{name}: meta description missing or {len(text)} characters: {text!r}")
        for prop in ("og:title", "og:description", "og:type"):
            if not (soup.select_one(f'meta[property="{prop}"]') or {}).get("content"):
                problems.append(f"{name}: no {prop}")
        if not soup.select_one('meta[name="twitter:card"][content="summary"]'):
            problems.append(f"{name}: no twitter:card summary")
        if soup.html.get("lang") != "en":
            problems.append(f"{name}: <html lang> is {soup.html.get('lang')!r}")
        if not (soup.select_one('link[rel="icon"]') or {}).get("href", "").endswith("favicon.svg"):
            problems.append(f"{name}: no SVG favicon")
        if not soup.select_one('link[rel="stylesheet"][href$="assets/css/notes.css"]'):
            problems.append(f"{name}: no notes.css, which also holds the print rules")
        if not soup.select_one('.md-search[role="dialog"][aria-label]'):
            problems.append(f"{name}: search dialog without an accessible name")
    assert not problems, "\n".join(problems)


def test_nav_pages_with_canonical_urls_share_them_in_og_url(site_dir: Path) -> None:
    soup = soup_of(site_dir / "index.html")
    assert soup.select_one('meta[property="og:type"]')["content"] == "website"
    assert soup.select_one('meta[property="og:url"]')["content"] == soup.select_one('link[rel="canonical"]')["href"]
    glossary = soup_of(site_dir / "glossary" / "index.html")
    assert glossary.select_one('meta[property="og:type"]')["content"] == "article"


def test_nothing_loads_from_another_host(site_dir: Path, built_pages: dict) -> None:
    """Scripts, styles, images, frames and fonts come from the site itself; links may go anywhere."""
    foreign = []
    for name, soup in built_pages.items():
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src"), ("object", "data")):
            for el in soup.find_all(tag):
                url = el.get(attr) or ""
                if tag == "link" and not {"stylesheet", "preload", "icon", "modulepreload", "preconnect"} & set(el.get("rel", [])):
                    continue
                if urlparse(url).netloc or url.startswith("//"):
                    foreign.append(f"{name}: <{tag} {attr}={url}>")
    css = "\n".join(p.read_text(encoding="utf-8") for p in (site_dir / "assets" / "css").glob("*.css"))
    foreign += [f"assets/css: {m}" for m in re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]+\)", css)]
    assert not foreign, "\n".join(foreign)


def test_headings_never_skip_a_level(built_pages: dict) -> None:
    problems = []
    for name, soup in built_pages.items():
        content = soup.select_one("article.md-content__inner")
        if content is None:
            continue
        levels = [int(h.name[1]) for h in content.find_all(re.compile(r"^h[1-6]$"))]
        if levels.count(1) != 1 or levels[0] != 1:
            problems.append(f"{name}: needs exactly one h1, first (levels {levels[:6]}...)")
        for before, after in zip(levels, levels[1:]):
            if after > before + 1:
                problems.append(f"{name}: h{before} is followed by h{after}")
                break
    assert not problems, "\n".join(problems)


def test_404_page_offers_search_home_and_glossary(site_dir: Path) -> None:
    soup = soup_of(site_dir / "404.html")
    article = soup.select_one("article")
    assert article.h1 and "not found" in article.h1.get_text().lower()
    form = article.select_one('form[role="search"]')
    field = form.select_one('input[name="q"]')
    assert form and field and article.select_one(f'label[for="{field["id"]}"]'), "the search box needs a label"
    site_path = urlparse(data_site_url()).path
    hrefs = [a["href"] for a in article.select("a[href]")]
    # 404.html is served at any depth, so its links must be absolute paths.
    assert form["action"] == site_path and site_path in hrefs and f"{site_path}glossary/" in hrefs
    assert soup.select_one('link[href$="assets/css/notes.css"]')["href"].startswith(site_path)


def data_site_url() -> str:
    from studykit.pages import load_mkdocs_config

    return load_mkdocs_config(ROOT / "mkdocs.yml")["site_url"]


def test_material_does_not_call_the_github_api(built_pages: dict) -> None:
    """Material's repository widget fetches stars and forks from api.github.com when it is mounted."""
    for name, soup in built_pages.items():
        assert not soup.select_one('[data-md-component="source"]'), name


def test_external_links_are_marked_for_print(site_dir: Path) -> None:
    text = (site_dir / "domain-1-data-preparation" / "streaming-data-collection" / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(text, "html.parser").select_one("article")
    external = [a for a in article.select("a[href]:not(.md-content__button)") if a["href"].startswith("http")]
    assert external and all(a.has_attr("data-external") for a in external)
    assert not [a for a in article.select("a[data-external]") if not a["href"].startswith("http")]
    print_css = (site_dir / "assets" / "css" / "notes.css").read_text(encoding="utf-8")  # print.css ships inside it
    assert 'a[href^="http"]::after' in print_css and "attr(href)" in print_css
    compact = "".join(print_css.split())  # the site's copy is minified
    assert "@mediaprint" in compact and "break-inside:avoid" in compact


# --------------------------------------------------------------------------- the HTML fixes, without a build


def test_empty_header_cells_become_data_cells_and_formulas_are_focusable() -> None:
    html = ('<table>\n<thead>\n<tr>\n<th></th>\n<th style="text-align: left;">A</th>\n</tr>\n</thead>\n<tbody>\n'
            '<tr>\n<td>Row <em>one</em></td>\n<td>1</td>\n</tr>\n</tbody>\n</table><div class="formula" markdown="0">')
    fixed = html_fixes.repair(html)
    assert "<td></td>" in fixed and '<th style="text-align: left;">A</th>' in fixed
    assert '<th scope="row">Row <em>one</em></th>' in fixed and "<td>1</td>" in fixed
    assert 'class="formula" tabindex="0"' in fixed
    assert html_fixes.repair(fixed) == fixed


def test_only_links_that_leave_the_site_are_marked() -> None:
    html = '<a href="https://docs.aws.amazon.com/x">a</a> <a href="https://example.org/site/">b</a> <a href="../x/">c</a>'
    out = html_fixes.mark_external(html, "example.org")
    assert '<a data-external href="https://docs.aws.amazon.com/x">' in out
    assert '<a href="https://example.org/site/">' in out and '<a href="../x/">' in out


def test_last_updated_has_no_date_outside_git(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Page\n", encoding="utf-8")
    assert git_dates.git_date(page) is None


# --------------------------------------------------------------------------- diagrams


@pytest.mark.parametrize("name", ["ml-cycle", "kinesis-data-streams"])
def test_diagrams_have_text_alternatives_and_follow_the_palette(name: str) -> None:
    first = diagrams.figure(name, "page.md", 1)
    second = diagrams.figure(name, "page.md", 2)
    soup = BeautifulSoup(first + second, "html.parser")
    svgs = soup.find_all("svg")
    for svg in svgs:
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).get_text(strip=True)
        assert len(svg.find("desc", id=desc_id).get_text(strip=True)) > 80
    ids = [el["id"] for el in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids must stay unique when a page shows a diagram twice"
    raw = (diagrams.DIAGRAM_DIR / f"{name}.svg").read_text(encoding="utf-8")
    assert "currentColor" in raw and not re.search(r'(?:fill|stroke)="#', raw), "draw in currentColor, not fixed colors"
    assert "\n" not in first, "one line, so Markdown keeps it as one HTML block"


def test_unknown_diagram_names_the_page_and_the_closest_names() -> None:
    with pytest.raises(data.DataError, match=r"Unknown diagram 'ml-cycel' on page x\.md.*ml-cycle"):
        diagrams.figure("ml-cycel", "x.md", 1)


def test_same_page_links_drop_their_tooltips_and_other_links_keep_them() -> None:
    html = '<a href="./#shard" title="A unit.">Shard</a> <a href="#x" title="t">x</a> <a href="../glossary/#shard" title="A unit.">S</a>'
    out = html_fixes.drop_same_page_titles(html)
    assert '<a href="#shard">Shard</a>' in out and '<a href="#x">x</a>' in out
    assert '<a href="../glossary/#shard" title="A unit.">' in out


def test_the_postbuild_page_fixes_leave_a_built_site_as_it_is(site_dir: Path) -> None:
    """Another engine runs the page fixes on the built pages (python -m studykit postbuild --fix-pages); on
    pages the MkDocs adapter has fixed already they must change nothing, or the two builds would differ."""
    from studykit import build, site

    model = site.load(site.Settings.from_file(ROOT / "mkdocs.yml"))
    pages = sorted(site_dir.rglob("*.html"))
    changed = [path.relative_to(site_dir).as_posix() for path in pages
               if build.fix_built_page(model, text := path.read_text(encoding="utf-8"), path, site_dir) != text]
    assert len(pages) > 100 and not changed, f"the page fixes are not idempotent on: {changed[:5]}"


def test_a_long_table_of_contents_keeps_its_top_levels(site_dir: Path) -> None:
    soup = soup_of(site_dir / "glossary" / "s" / "index.html")
    toc = soup.select_one("nav.md-nav--secondary")
    letters = toc.select(":scope > ul > li")
    assert letters and not toc.select(":scope > ul > li > nav"), "h3 terms stay out of the glossary's table of contents"
    assert soup.select_one("article h3[id]"), "the terms keep their headings and anchors"


def test_the_changes_index_links_every_change_on_its_area_page_and_lists_coming_changes(site_dir: Path) -> None:
    index = site_dir / "review" / "whats-changed" / "index.html"
    soup = soup_of(index)
    toc = soup.select_one("nav.md-nav--secondary")
    assert [a.get_text(strip=True) for a in toc.select(":scope > ul > li > a")][:3] == [
        "The exams", "Coming changes", "Every change at a glance"]
    summary = {(index.parent / a["href"]).resolve().as_posix() for a in soup.select(".changes-table a[href*='#']")}
    changes = set()
    for page in sorted((site_dir / "review" / "whats-changed").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        assert len(html.encode()) < 150_000, f"{page} grows past the page budget: split its area"
        changes |= {f"{page.parent.resolve().as_posix()}/#{h['id']}" for h in soup_of(page).select("article h2[id]")}
    assert len(changes) > 40 and changes <= summary, f"changes missing from the summary table: {sorted(changes - summary)}"
    coming = soup.select_one("#coming-changes").find_next("table")
    assert coming and coming.select("time[datetime]"), "coming changes are listed with their dates"


def test_every_notes_page_shows_when_its_facts_were_checked_and_how_to_report_a_mistake(site_dir: Path) -> None:
    pages = [p for p in site_dir.rglob("index.html") if "study-toggle" in p.read_text(encoding="utf-8")]
    assert len(pages) > 30
    for page in pages:
        line = soup_of(page).select_one("p.facts-checked")
        assert line and line.select_one("time[datetime]"), f"{page} does not say when its facts were checked"
        report = line.select_one("a.report-mistake")["href"]
        assert "template=report-a-mistake.yml" in report and "where=docs%2F" in report, page

