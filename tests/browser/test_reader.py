"""A reader's view: headless Chromium against the built site served on 127.0.0.1."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

STREAMING = "domain-1-data-preparation/streaming-data-collection/"


INSTANT = """url => new Promise(resolve => {
    // What Material's instant navigation does with a reader's click on a link: push the address, then
    // fetch the page, swap the content and run the page's set-up again (document$ emits).
    let first = true;
    const sub = document$.subscribe(() => {
        if (first) { first = false; return; }
        sub.unsubscribe();
        resolve();
    });
    history.pushState(null, "", url);
    location$.next(new URL(url));
})"""
WIDER = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.long
def test_every_page_on_a_phone_runs_without_errors_and_never_scrolls_sideways(browser, base_url: str, nav_pages: list[str]) -> None:
    """Every page at 375 px as a reader moves through the site: reached by instant navigation (how
    readers move between pages), then a full load of the first page and the 404 page. Script errors,
    requests to other hosts and a page wider than the screen all fail."""
    from conftest import PageWatch

    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True, service_workers="block")
    page = context.new_page()
    watch = PageWatch(page, base_url)
    problems = []

    def check(path: str) -> None:
        overflow = page.evaluate(WIDER)
        if overflow > 0:
            problems.append(f"/{path}: wider than a 375px phone by {overflow}px")
        if watch.errors:
            problems.append(f"/{path}: console errors {watch.errors}")
            watch.errors.clear()

    page.goto(base_url, wait_until="load")
    check("")
    for path in nav_pages[1:]:
        page.evaluate(INSTANT, base_url + path)
        check(path)
    for path in ("404.html", nav_pages[-1]):
        page.goto(base_url + path, wait_until="load")
        check(path)
    context.close()
    assert not problems, "\n".join(problems)
    assert not watch.foreign, f"requests to other hosts: {sorted(set(watch.foreign))}"


def test_dark_and_light_toggle(page, base_url: str) -> None:
    page.goto(base_url, wait_until="load")
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    before = scheme()
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{before}'")
    after = scheme()
    assert {before, after} == {"default", "slate"}
    page.reload(wait_until="load")
    assert scheme() == after, "the chosen palette should survive a reload"


def test_pointing_at_a_term_shows_its_definition(page, base_url: str) -> None:
    page.goto(base_url + STREAMING, wait_until="networkidle")
    link = page.locator('article a[href*="glossary/sh-sz/#shard"]').first
    link.scroll_into_view_if_needed()
    link.hover()
    tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    tooltip.wait_for(timeout=5_000)
    assert "capacity" in tooltip.inner_text()
