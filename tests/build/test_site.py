"""Assertions on the HTML of one strict build of the real site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from studykit import data
from studykit import pages
from studykit.pages import built_file, load_mkdocs_config, read_pages

ROOT = Path(__file__).resolve().parents[2]
CONFIG = load_mkdocs_config(ROOT / "mkdocs.yml")
PAGES = read_pages(ROOT / "docs", CONFIG["nav"])
NOTES = [p for p in PAGES if p.is_notes]




def built(site_dir: Path, src: str) -> BeautifulSoup:
    """The parsed HTML of a built page (parsed once per test run)."""
    from conftest import parsed

    path = site_dir / built_file(src)
    assert path.exists(), f"{src} was not built to {built_file(src)}"
    return parsed(path)


def article(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def test_config_is_strict_with_link_and_anchor_validation() -> None:
    assert CONFIG["strict"] is True
    assert CONFIG["validation"]["anchors"] == "warn" and CONFIG["validation"]["unrecognized_links"] == "warn"
    assert CONFIG["theme"]["font"] is False
    macros = next(p["macros"] for p in CONFIG["plugins"] if isinstance(p, dict) and "macros" in p)
    assert macros["on_error_fail"] is True and macros["on_undefined"] == "strict", "a macro's error stops the build"
    assert CONFIG["site_url"].startswith("https://") and CONFIG["repo_url"].startswith("https://github.com/")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.src)
def test_every_nav_page_is_built_with_a_title(site_dir: Path, page) -> None:
    soup = built(site_dir, page.src)
    assert article(soup).find("h1"), f"{page.src} has no h1"
    assert "TODO" not in article(soup).get_text(), f"{page.src} still has placeholder text"


def test_there_are_notes_pages_for_every_domain_of_both_exams() -> None:
    exams = data.load_all().exams
    for code in ("MLS-C01", "MLA-C02"):
        domains = {t.skill.task.split('.')[0] for p in NOTES for t in pages.page_covers(p, exams) if t.skill.exam == code}
        assert domains == {d.number for d in exams[code].domains}, code


@pytest.mark.parametrize("page", NOTES, ids=lambda p: p.src)
def test_every_section_of_a_notes_page_has_an_exam_tip(site_dir: Path, page) -> None:
    body = article(built(site_dir, page.src))
    sections: dict[str, bool] = {}
    current = None
    for node in body.find_all(["h2", "div", "details"]):
        if node.name == "h2":
            current = node.get_text(" ", strip=True).rstrip("¶").strip()
            sections[current] = False
        elif current and "exam-tip" in (node.get("class") or []):
            sections[current] = True
    assert sections, f"{page.src} has no ## sections"
    missing = [title for title, has_tip in sections.items() if not has_tip]
    assert not missing, f"{page.src}: sections without an exam-tip admonition: {missing}"


@pytest.mark.parametrize("page", NOTES, ids=lambda p: p.src)
def test_notes_pages_have_exam_map_tables_glossary_terms_and_study_controls(site_dir: Path, page) -> None:
    body = article(built(site_dir, page.src))
    exam_map = body.select_one("details.abstract")
    assert exam_map and "MLA-C02" in exam_map.get_text() and "MLS-C01" in exam_map.get_text(), f"{page.src} lacks its exam map"
    assert body.find("table"), f"{page.src} has no table"
    assert body.select('a[href*="glossary/"]'), f"{page.src} links no glossary term"
    page_id = page.src[:-3]
    assert body.select_one(f'.study-mark button.study-toggle[data-page="{page_id}"]'), f"{page.src} lacks its study button"
    assert body.select_one(f'.study-next [data-page="{page_id}"]'), f"{page.src} lacks its end-of-page study control"


def test_seed_tables_are_on_the_data_collection_pages(site_dir: Path) -> None:
    collection = article(built(site_dir, "domain-1-data-preparation/data-collection.md")).get_text(" ")
    for phrase in ("Fair sampling", "Biased sampling", "Facial recognition", "High-energy physics", "ImageNet", "MNIST"):
        assert phrase in collection, f"data-collection page lacks '{phrase}'"
    streaming = article(built(site_dir, "domain-1-data-preparation/streaming-data-collection.md"))
    assert streaming.select(".decision-table table"), "streaming page lacks the Kinesis decision table"


def decision_rows(soup: BeautifulSoup) -> list[str]:
    table = soup.select_one(".decision-table table")
    return [row.get_text(" ", strip=True) for row in table.select("tbody tr")]


def test_one_decision_topic_says_the_same_on_its_page_and_on_the_printable_sheet(site_dir: Path) -> None:
    from studykit import data

    kinesis = data.load_all().decisions["kinesis"]
    sheet = built(site_dir, "review/sheets/domain-1.md")
    block = next(b for b in sheet.select(".sheet-block") if kinesis.question in b.get_text())
    items = [li.get_text(" ", strip=True) for li in block.select("li")]
    assert len(items) == len(kinesis.options) >= 4
    for option, item in zip(kinesis.options, items):
        assert item == f"{option.name} : {option.best_for}"
    assert len(decision_rows(built(site_dir, "domain-1-data-preparation/streaming-data-collection.md"))) >= 4


def test_review_pages_gather_every_exam_tip_once(site_dir: Path) -> None:
    from studykit.render import exam_tips

    expected = sum(len(exam_tips(p.markdown)) for p in NOTES)
    gathered = sum(
        len(article(built(site_dir, p.src)).select(".exam-tip"))
        for p in PAGES
        if p.src.startswith("review/exam-tips/") and p.src != "review/exam-tips/index.md"
    )
    assert gathered == expected


def test_every_changed_fact_appears_on_a_notes_page() -> None:
    calls = [c for p in PAGES for c in re.findall(r"""(?:changed|fact)\(([^)]*)\)""", p.markdown)]
    used = {i for c in calls for i in re.findall(r"""["']([a-z0-9-]+)["']""", c)}
    unused = sorted(set(data.load_changes()) - used)
    assert not unused, f"changed facts shown on no page (add {{{{ changed('id') }}}} where the fact appears): {unused}"


def test_glossary_pages_have_an_entry_with_anchor_for_every_term(site_dir: Path) -> None:
    glossary = data.load_all().glossary
    ids: dict[str, str] = {}
    for page in PAGES:
        if page.src.startswith("glossary/") and page.src != "glossary/index.md":
            for h in article(built(site_dir, page.src)).find_all("h3"):
                if h.get("id"):
                    assert h["id"] not in ids, f"#{h['id']} is on {ids.get(h['id'])} and {page.src}"
                    ids[h["id"]] = page.src
    missing = sorted(t.anchor for t in glossary.terms if t.anchor not in ids)
    assert not missing, f"terms without an entry: {missing}"
    assert len(glossary.terms) >= 400


def test_abbreviations_get_abbr_tooltips(site_dir: Path) -> None:
    soup = article(built(site_dir, "domain-1-data-preparation/streaming-data-collection.md"))
    titles = {a.get_text(): a.get("title", "") for a in soup.find_all("abbr")}
    assert "KPL" in titles and titles["KPL"].startswith("Kinesis Producer Library")


def test_search_index_has_glossary_entries_and_former_names(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"] for d in index["docs"]}
    assert "glossary/sh-sz/#shard" in locations
    text = " ".join(d["text"] + d["title"] for d in index["docs"] if d["location"].startswith("glossary/"))
    assert "Kinesis Data Firehose" in text and "Kinesis Data Analytics" in text


def test_every_page_has_an_edit_button(site_dir: Path) -> None:
    for page in PAGES:
        soup = built(site_dir, page.src)
        edit = soup.select_one('a.md-content__button[href*="/edit/main/docs/"]')
        assert edit and edit["href"].endswith(page.src), f"{page.src} lacks its edit button"
