"""Search as a reader meets it: the site's worker (docs/assets/js/search-worker.js) around Material's,
queried in headless Chromium with the built index.

The worker gets the same messages Material's page code sends it, so these tests see the results the
search box would render, without typing each query.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studykit import data
from studykit.practice import search_key

pytestmark = pytest.mark.browser

SHOWN = """
// What Material renders first for each query: the first result group's page, and the sections shown
// above its "N more on this page" fold (src/templates/assets/javascripts/templates/search).
(async ({queries, indexUrl}) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const worker = new Worker(config.search);
  const index = await (await fetch(indexUrl)).json();
  const ask = message => new Promise(resolve => {
    worker.onmessage = event => resolve(event.data);
    worker.postMessage(message);
  });
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  const shown = {};
  for (const query of queries) {
    const result = (await ask({type: 2, data: query})).data;
    const groups = result.items || [];
    if (!groups.length) { shown[query] = null; continue; }
    const group = groups[0];
    const threshold = group[0].score;
    const page = group.find(doc => !doc.location.includes("#")) || group[0];
    const sections = group.filter(doc => doc !== page);
    const cut = sections.findIndex(doc => doc.score < threshold);
    shown[query] = {
      page: page.location.split("#")[0],
      sections: (cut < 0 ? sections : sections.slice(0, cut)).map(doc => doc.location),
      pages: groups.slice(0, 5).map(g => g[0].location.split("#")[0]),
    };
  }
  worker.terminate();
  return shown;
})
"""


def ask(page, base_url: str, queries: list[str]) -> dict:
    page.goto(base_url, wait_until="load")
    return page.evaluate(SHOWN, {"queries": queries, "indexUrl": base_url + "search/search_index.json"})


@pytest.mark.parametrize("half", [0, 1], ids=["first-half", "second-half"])
def test_every_glossary_name_puts_its_own_entry_first(page, base_url: str, site_dir: Path, half: int) -> None:
    """Every term, alias, abbreviation and former name, typed in full (in two halves, one per test worker)."""
    terms = json.loads((site_dir / "search" / "terms.json").read_text(encoding="utf-8"))
    glossary = data.load_all().glossary
    names = [name for t in glossary.terms for name in t.names][half::2]
    expected = {name: terms["terms"][terms["names"][search_key(name)]]["entry"] for name in names}
    shown = ask(page, base_url, list(expected))
    wrong = []
    for name, entry in expected.items():
        got = shown.get(name)
        if not got or got["page"] != entry.split("#")[0] or not got["sections"] or got["sections"][0] != entry:
            wrong.append(f"{name!r}: expected {entry}, got {got}")
    assert not wrong, f"{len(wrong)} of {len(expected)} names do not show their entry first:\n" + "\n".join(wrong[:30])


def test_pages_that_use_a_term_come_right_after_its_entry(page, base_url: str, site_dir: Path) -> None:
    terms = json.loads((site_dir / "search" / "terms.json").read_text(encoding="utf-8"))
    record = terms["terms"][terms["names"]["shard"]]
    shown = ask(page, base_url, ["shard"])["shard"]
    assert record["pages"], "the Shard entry lists the pages that use it"
    assert shown["pages"][1] == record["pages"][0]


def test_typos_still_find_their_page(page, base_url: str) -> None:
    shown = ask(page, base_url, ["kenesis", "firehouse", "hyperparamter"])
    for query, got in shown.items():
        assert got is not None, f"{query!r} finds nothing"
    assert any("streaming-data-collection" in p or "kinesis" in p for p in shown["kenesis"]["pages"]), shown["kenesis"]
    assert shown["firehouse"]["sections"][0].endswith("#amazon-data-firehose"), shown["firehouse"]


def test_several_words_favor_pages_that_match_them_all(page, base_url: str) -> None:
    shown = ask(page, base_url, ["data drift", "partition key"])
    assert any("deploying-and-operating" in p for p in shown["data drift"]["pages"][:3]), shown["data drift"]
    assert any("streaming" in p for p in shown["partition key"]["pages"][:3]), shown["partition key"]


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
    page.goto(base_url + "domain-1-data-engineering/streaming-data-collection/?h=shard", wait_until="load")
    page.locator("article mark[data-md-highlight]").first.wait_for(timeout=10_000)
