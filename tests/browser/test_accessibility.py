"""Accessibility and self-containment, as a reader's browser sees them.

axe-core checks every nav page with all its rules in the light palette. In the dark palette
only color can differ, so there it runs the color rules; that scan runs at the same time in
a second browser (one Playwright per thread), which keeps this file under a minute on two cores.
The light scan also records every request, so one page load serves both checks.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_SCRIPT


pytestmark = pytest.mark.browser

COLOUR_RULES = ["color-contrast", "link-in-text-block"]
STREAMING = "domain-1-data-engineering/streaming-data-collection/"


def axe_violations(page, rules: list[str] | None = None, context: str = "document") -> list[str]:
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    found = page.evaluate(f"options => axe.run({context}, options).then(r => r.violations)", options)
    lines = []
    for v in found:
        targets = "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        more = f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else ""
        lines.append(f"{v['id']} ({v['impact']}): {targets}{more}")
    return lines


def open_search_and_check_colours(page) -> list[str]:
    """Open search with "/", type a query and check the colours of the results once they settle."""
    page.keyboard.press("/")
    page.keyboard.type("shard", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_timeout(800)  # results fade in: check the final colours, not a frame of the fade
    found = [f"search results: {line}" for line in axe_violations(page, COLOUR_RULES)]
    page.keyboard.press("Escape")
    return found


def representative_pages(nav_pages: list[str]) -> list[str]:
    """One page of every kind the site has: each template, each section's first notes page, the heaviest
    glossary page and each practice app. Every page's structure is also checked by Lighthouse's
    accessibility audit in `make audit`, which runs axe too."""
    chosen: list[str] = []

    def first(test) -> None:
        for path in nav_pages:
            if test(path) and path not in chosen:
                chosen.append(path)
                return

    first(lambda p: p == "")
    for section in ("domain-1", "domain-2", "domain-3", "domain-4", "generative-ai"):
        first(lambda p, s=section: p.startswith(s) and p.count("/") == 1)  # the section's overview
        first(lambda p, s=section: p.startswith(s) and p.count("/") == 2)  # its first notes page
    for kind in ("glossary/", "glossary/s/", "review/coverage-mla-c02/", "review/whats-changed/", "review/exam-tips/",
                 "practice/", "practice/quiz/", "practice/mock-exam/", "practice/flashcards/", "practice/questions/"):
        first(lambda p, k=kind: p.startswith(k))
    return chosen


def new_context(browser, scheme: str):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    context.add_init_script(AXE_SCRIPT)
    return context


@pytest.mark.xdist_group("axe-light")
def test_axe_finds_no_violations_in_the_light_palette(browser, base_url: str, nav_pages: list[str]) -> None:
    """Every rule, on the whole document of one page of each kind, and in the open search dialog."""
    context = new_context(browser, "light")
    page = context.new_page()
    found = []
    for i, path in enumerate(representative_pages(nav_pages) + ["404.html"]):
        page.goto(base_url + path, wait_until="load")
        found += [f"/{path}: {line}" for line in axe_violations(page)]
        if i == 0:
            found += [f"/{path}: {line}" for line in open_search_and_check_colours(page)]
    context.close()
    assert not found, "axe violations (light palette):\n" + "\n".join(found)


@pytest.mark.xdist_group("axe-dark")
def test_colours_pass_in_the_dark_palette(browser, base_url: str, nav_pages: list[str]) -> None:
    """Only colours differ between the palettes: the colour rules on the same pages in the dark one."""
    context = new_context(browser, "dark")
    page = context.new_page()
    found = []
    for i, path in enumerate(representative_pages(nav_pages)):
        page.goto(base_url + path, wait_until="load")
        found += [f"/{path}: {line}" for line in axe_violations(page, COLOUR_RULES)]
        if i == 0:
            found += [f"/{path}: {line}" for line in open_search_and_check_colours(page)]
    context.close()
    assert not found, "axe colour violations (dark palette):\n" + "\n".join(found)


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
    internal = page.locator('article a[href*="glossary/"]').first
    assert internal.evaluate("el => getComputedStyle(el, '::after').content") in ("none", "normal")
    table = page.locator("article table").first
    assert table.evaluate("el => getComputedStyle(el).breakInside") == "avoid"
