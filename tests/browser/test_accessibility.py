"""Accessibility and self-containment, as a reader's browser sees them.

axe-core checks every nav page with all its rules in the light palette. In the dark palette
only color can differ, so there it runs the color rules; that scan runs at the same time in
a second browser (one Playwright per thread), which keeps this file under a minute on two cores.
The light scan also records every request, so one page load serves both checks.
"""

from __future__ import annotations

import threading
from urllib.parse import urlparse

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from browser_path import LAUNCH_ARGS, chromium_path

pytestmark = pytest.mark.browser

COLOUR_RULES = ["color-contrast", "link-in-text-block"]
STREAMING = "domain-1-data-engineering/streaming-data-collection/"


def axe_violations(page, rules: list[str] | None = None) -> list[str]:
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    found = page.evaluate("options => axe.run(document, options).then(r => r.violations)", options)
    lines = []
    for v in found:
        targets = "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        more = f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else ""
        lines.append(f"{v['id']} ({v['impact']}): {targets}{more}")
    return lines


def open_search_and_check_colours(page) -> list[str]:
    """Open search with "/", type a query and check the colors of the results once they settle."""
    page.keyboard.press("/")
    page.keyboard.type("shard", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_timeout(800)  # results fade in: check the final colors, not a frame of the fade
    found = [f"search results: {line}" for line in axe_violations(page, COLOUR_RULES)]
    page.keyboard.press("Escape")
    return found


def new_context(browser, scheme: str):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    context.add_init_script(AXE_SCRIPT)
    return context


def dark_scan(base_url: str, paths: list[str], out: dict) -> None:
    """The color rules in the dark palette, in this thread's own Playwright and browser."""
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
            page = new_context(browser, "dark").new_page()
            for i, path in enumerate(paths):
                page.goto(base_url + path, wait_until="load")
                found = axe_violations(page, COLOUR_RULES)
                if i == 0:
                    found += open_search_and_check_colours(page)
                out["dark"] += [f"/{path}: {line}" for line in found]
            browser.close()
    except Exception as err:  # reported by the test, not lost in the thread
        out["error"] = repr(err)


@pytest.fixture(scope="module")
def scan(browser, base_url: str, nav_pages: list[str]) -> dict:
    results: dict = {"light": [], "dark": [], "foreign": set()}
    worker = threading.Thread(target=dark_scan, args=(base_url, nav_pages, results))
    worker.start()

    context = new_context(browser, "light")
    page = context.new_page()
    host = urlparse(base_url).netloc

    def on_request(request) -> None:
        parsed = urlparse(request.url)
        if parsed.scheme in ("http", "https", "ws", "wss") and parsed.netloc != host:
            results["foreign"].add(request.url)

    context.on("request", on_request)
    for i, path in enumerate(nav_pages):
        # "load" then axe: a request a page makes late still fires during the axe run, while the
        # listener is on; the last page waits for the network to go idle.
        page.goto(base_url + path, wait_until="load")
        found = axe_violations(page)
        if i == 0:
            # Open search once: the worker loads its index (a request to watch), and results render.
            found += open_search_and_check_colours(page)
        results["light"] += [f"/{path}: {line}" for line in found]
    page.wait_for_load_state("networkidle")
    context.close()
    worker.join(timeout=240)
    return results


def test_axe_finds_no_violations_in_the_light_palette(scan: dict) -> None:
    assert not scan["light"], "axe violations (light palette):\n" + "\n".join(scan["light"])


def test_colours_pass_in_the_dark_palette(scan: dict) -> None:
    assert "error" not in scan, scan.get("error")
    assert not scan["dark"], "axe color violations (dark palette):\n" + "\n".join(scan["dark"])


def test_no_page_requests_another_host(scan: dict) -> None:
    assert not scan["foreign"], f"requests to other hosts: {sorted(scan['foreign'])}"


def test_skip_link_and_search_shortcuts_work_from_the_keyboard(page, base_url: str) -> None:
    page.goto(base_url + STREAMING, wait_until="load")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert skip.evaluate("el => el === document.activeElement"), "the first Tab stop is the skip link"
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == skip.get_attribute("href")[skip.get_attribute("href").index("#"):]

    search = page.locator(".md-search__input")
    in_search = "document.activeElement.classList.contains('md-search__input')"
    page.wait_for_load_state("networkidle")  # Material binds its keyboard shortcuts once its script has run
    for key in ("/", "s"):
        page.locator("article h1").click()  # focus back on the page, not in a field
        page.keyboard.press(key)
        page.wait_for_function(in_search, timeout=10_000)
        assert search.is_visible(), f"'{key}' opens the search box"
        for _ in range(10):  # Escape can land while search is still opening; press again until it closes
            page.keyboard.press("Escape")
            page.wait_for_timeout(200)
            if not page.evaluate(in_search):
                break
        assert not page.evaluate(in_search), "Escape leaves the search box"


def test_print_view_shows_only_the_notes_and_the_link_targets(page, base_url: str) -> None:
    page.goto(base_url + STREAMING, wait_until="load")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".md-content__button"):
        assert page.locator(selector).first.evaluate("el => getComputedStyle(el).display") == "none", selector
    external = page.locator("article a[data-external]").first
    after = external.evaluate("el => getComputedStyle(el, '::after').content")
    assert external.get_attribute("href") in after
    internal = page.locator('article a[href*="glossary/#"]').first
    assert internal.evaluate("el => getComputedStyle(el, '::after').content") in ("none", "normal")
    table = page.locator("article table").first
    assert table.evaluate("el => getComputedStyle(el).breakInside") == "avoid"
