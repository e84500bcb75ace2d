"""Search as a reader meets it: the site's worker (docs/assets/js/search-worker.js and search-core.js)
around Material's.

The many-query tests run that worker in Node (tests/search_engine.js) with the built index and the
messages the page sends it, so they see the results the search box would render without typing each
query; the last test types into the search box in headless Chromium.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from studykit import data
from studykit.practice import search_key

ENGINE = Path(__file__).resolve().parents[1] / "search_engine.js"


def ask(site_dir: Path, queries: list[str]) -> dict:
    """What the search box shows first for each query (see tests/search_engine.js)."""
    node = shutil.which("node")
    assert node, "these tests run the search worker in Node.js: install Node.js 18 or newer"
    result = subprocess.run([node, str(ENGINE), str(site_dir)], input=json.dumps(queries), capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.long
def test_every_glossary_name_puts_its_own_entry_first(site_dir: Path) -> None:
    """Every term, alias, abbreviation and former name, typed in full."""
    terms = json.loads((site_dir / "search" / "terms.json").read_text(encoding="utf-8"))
    glossary = data.load_all().glossary
    expected = {name: terms["terms"][terms["names"][search_key(name)]]["entry"] for t in glossary.terms for name in t.names}
    shown = ask(site_dir, list(expected))
    wrong = []
    for name, entry in expected.items():
        got = shown.get(name)
        if not got or got["page"] != entry.split("#")[0] or not got["sections"] or got["sections"][0] != entry:
            wrong.append(f"{name!r}: expected {entry}, got {got}")
    assert not wrong, f"{len(wrong)} of {len(expected)} names do not show their entry first:\n" + "\n".join(wrong[:30])


@pytest.fixture(scope="module")
def answers(site_dir: Path) -> dict:
    """The few queries of the tests below, asked at once (the engine builds its index once a call)."""
    return ask(site_dir, ["shard", "kenesis", "firehouse", "hyperparamter", "data drift", "partition key", "kinsis",
                          "kinesis shard"])


def test_pages_that_use_a_term_come_right_after_its_entry(site_dir: Path, answers: dict) -> None:
    terms = json.loads((site_dir / "search" / "terms.json").read_text(encoding="utf-8"))
    record = terms["terms"][terms["names"]["shard"]]
    shown = answers["shard"]
    assert record["pages"], "the Shard entry lists the pages that use it"
    assert shown["pages"][1] == record["pages"][0]


def test_typos_still_find_their_page(answers: dict) -> None:
    shown = answers
    for query in ("kenesis", "firehouse", "hyperparamter"):
        got = shown[query]
        assert got is not None, f"{query!r} finds nothing"
    assert any("streaming-data-collection" in p or "kinesis" in p for p in shown["kenesis"]["pages"]), shown["kenesis"]
    assert shown["firehouse"]["sections"][0].endswith("#amazon-data-firehose"), shown["firehouse"]


def test_several_words_favor_pages_that_match_them_all(answers: dict) -> None:
    shown = answers
    assert any("monitoring-models" in p for p in shown["data drift"]["pages"][:3]), shown["data drift"]
    assert any("streaming" in p for p in shown["partition key"]["pages"][:3]), shown["partition key"]


def test_every_row_of_a_result_carries_the_words_to_highlight(answers: dict) -> None:
    for query in ("shard", "data drift", "partition key"):
        assert all(answers[query]["highlights"]), f"{query!r}: a row would open its page with nothing highlighted"


def test_a_query_rescued_from_a_typo_says_what_it_searched_for(answers: dict) -> None:
    got = answers["kinsis"]
    assert got["corrected"] == "kinesis" and not got["missing"], got
    assert all("kinesis" in row for row in got["highlights"]), got


def test_several_words_list_the_page_that_teaches_them_before_the_digests(answers: dict) -> None:
    got = answers["kinesis shard"]
    assert got["page"].startswith("domain-1-data-preparation/streaming"), got
    assert not got["pages"][0].startswith("review/"), got


@pytest.mark.browser
def test_the_search_box_shows_results_and_the_landing_page_highlights_the_words(page, base_url: str) -> None:
    page.goto(base_url, wait_until="load")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("shard", delay=40)
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=10_000)
    page.wait_for_timeout(400)
    entry = first.locator("a.md-search-result__link").nth(1)
    assert "#shard" in entry.get_attribute("href")
    entry.click()
    page.wait_for_function("location.hash === '#shard'", timeout=10_000)
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=10_000)
    page.goto(base_url + "domain-1-data-preparation/streaming-data-collection/?h=shard", wait_until="load")
    page.locator("article mark[data-md-highlight]").first.wait_for(timeout=10_000)
