"""A reader's view: headless Chromium against the built site served on 127.0.0.1."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

STREAMING = "domain-1-data-engineering/streaming-data-collection/"


def open_page(page, base_url: str, path: str) -> None:
    page.goto(base_url + path, wait_until="networkidle")


def test_every_page_loads_without_errors_or_foreign_requests(page, base_url: str, nav_pages: list[str]) -> None:
    problems = []
    for path in nav_pages:
        page.watch.errors.clear()
        open_page(page, base_url, path)
        if page.watch.errors:
            problems.append(f"/{path}: console errors {page.watch.errors}")
    assert not problems, "\n".join(problems)
    assert not page.watch.foreign, f"requests to other hosts: {sorted(set(page.watch.foreign))}"


def settle_results(page) -> None:
    """Wait until the result list stops changing: search runs again after every keystroke."""
    previous = None
    for _ in range(40):
        current = page.locator(".md-search-result").inner_html()
        if current == previous:
            return
        previous = current
        page.wait_for_timeout(250)


def search(page, base_url: str, query: str) -> list[list[str]]:
    """Type a query into Material's search box; return the links of each result item, in order."""
    open_page(page, base_url, "")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(query, delay=150)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    settle_results(page)
    items = page.locator(".md-search-result__item")
    return [
        items.nth(i).locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
        for i in range(items.count())
    ]


def test_search_for_shard_lists_the_streaming_page(page, base_url: str) -> None:
    results = search(page, base_url, "shard")
    assert any(STREAMING in href for item in results for href in item)


@pytest.mark.parametrize(
    ("query", "anchor"),
    [
        ("KPL", "glossary/#kinesis-producer-library"),
        ("shard", "glossary/#shard"),
        ("schema-on-read", "glossary/#schema-on-read"),
        ("Firehose", "glossary/#amazon-data-firehose"),
        ("Kinesis Data Analytics", "glossary/#amazon-managed-service-for-apache-flink"),
    ],
)
def test_search_puts_the_glossary_entry_in_the_top_three(page, base_url: str, query: str, anchor: str) -> None:
    shown = [re.sub(r"\?h=[^#]*", "", href) for item in search(page, base_url, query) for href in item]
    assert any(href.endswith(anchor) for href in shown[:3]), f"'{query}': {shown[:5]}"


def test_dark_and_light_toggle(page, base_url: str) -> None:
    open_page(page, base_url, "")
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    before = scheme()
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{before}'")
    after = scheme()
    assert {before, after} == {"default", "slate"}
    page.reload(wait_until="networkidle")
    assert scheme() == after, "the chosen palette should survive a reload"


def test_nothing_scrolls_sideways_at_phone_width(browser, base_url: str, nav_pages: list[str]) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = context.new_page()
    wide = []
    for path in nav_pages:
        page.goto(base_url + path, wait_until="load")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide.append(f"/{path} by {overflow}px")
    context.close()
    assert not wide, f"pages wider than a 375px phone: {wide}"


@pytest.mark.parametrize("width", [375, 1280])
def test_hovering_a_term_shows_its_definition(browser, base_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + STREAMING, wait_until="networkidle")
    link = page.locator('article a[href*="glossary/#shard"]').first
    link.scroll_into_view_if_needed()
    link.hover()
    tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    tooltip.wait_for(timeout=5_000)
    assert "unit of capacity" in tooltip.inner_text()
    context.close()


def test_decision_table_rows_match_on_streaming_and_review_pages(page, base_url: str) -> None:
    rows = "els => els.map(r => r.innerText.trim())"
    open_page(page, base_url, STREAMING)
    notes = page.locator(".decision-table").first.locator("tbody tr").evaluate_all(rows)
    open_page(page, base_url, "review/exam-tips/")
    review = page.locator(".decision-table").first.locator("tbody tr").evaluate_all(rows)
    assert notes and notes == review
