"""Accessibility as a reader's browser sees it: axe-core on one page of each kind in both palettes (every
page's accessibility is also audited by Lighthouse, which runs axe, in `make audit`), the keyboard, and print."""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_SCRIPT


pytestmark = pytest.mark.browser

COLOUR_RULES = ["color-contrast", "link-in-text-block"]
STREAMING = "domain-1-data-preparation/streaming-data-collection/"


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
    # Results fade in: check the final colours, not a frame of the fade.
    page.wait_for_function(SETTLED, timeout=5_000)
    found = [f"search results: {line}" for line in axe_violations(page, COLOUR_RULES)]
    page.keyboard.press("Escape")
    return found


# One page of each kind of content: notes with tables, changed boxes, exam tips and formulas; the
# glossary index with its filter and a glossary page; the coverage and changes pages; the progress
# panel, the quiz and a question page. Every page's accessibility is also audited by Lighthouse, which
# runs axe, in `make audit`.
KINDS = [
    "", "domain-1-data-preparation/streaming-in-depth/", "domain-2-model-development/evaluating-generative-ai/", "glossary/",
    "glossary/t-z/", "review/coverage-mla-c02/", "review/whats-changed/", "practice/", "practice/quiz/",
    "practice/questions/mla-c02-3-1/",
]
# Colours are set per component, not per page: the dark palette on the pages that hold every component.
COLOUR_KINDS = ["", "domain-1-data-preparation/streaming-in-depth/", "glossary/t-z/", "review/coverage-mla-c02/",
                "practice/"]


def representative_pages(nav_pages: list[str], kinds: list[str] = KINDS) -> list[str]:
    missing = [k for k in kinds if k not in nav_pages]
    assert not missing, f"pages chosen for the accessibility scan are gone from the nav: {missing}"
    return list(kinds)


# The dark palette is Material's "slate" scheme on the body; the site's own dark colors hang off the same
# attribute (docs/assets/css/notes/tokens.css), so switching it in place shows the page as a dark-mode reader
# sees it, without loading the page again. Transitions are turned off first: boxes off screen take their
# new colours only when axe reads them, and would be read mid-fade.
SET_SCHEME = """scheme => {
    if (!document.getElementById("no-transitions")) {
        const style = document.createElement("style");
        style.id = "no-transitions";
        style.textContent = "*, *::before, *::after { transition: none !important; }";
        document.head.append(style);
    }
    document.body.setAttribute("data-md-color-scheme", scheme);
    return new Promise(requestAnimationFrame);
}"""
SETTLED = "() => [...document.getAnimations()].every(a => a.playState !== 'running')"


def scan(browser, base_url: str, paths: list[str]) -> list[str]:
    """axe on each page: the whole document of the home page (the header, navigation, footer and the open
    search dialog are the same template on every page), the content of the others; then the colour
    rules again in the dark palette on the pages of COLOUR_KINDS."""
    from test_reader import INSTANT

    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900}, service_workers="block")
    context.add_init_script(AXE_SCRIPT)
    page = context.new_page()
    found = []
    for i, path in enumerate(paths):
        if i == 0 or path.endswith(".html"):
            page.goto(base_url + path, wait_until="load")
        else:
            page.evaluate(INSTANT, base_url + path)  # as a reader moves on: instant navigation
        whole = path == ""  # the home page: the whole document, and the open search dialog
        context_js = "document" if whole else "document.querySelector('.md-content')"
        palettes = [("light", None)] + ([("dark", COLOUR_RULES)] if path in COLOUR_KINDS else [])
        for palette, rules in palettes:
            page.evaluate(SET_SCHEME, "slate" if palette == "dark" else "default")
            page.wait_for_function(SETTLED, timeout=5_000)
            found += [f"/{path} ({palette}): {line}" for line in axe_violations(page, rules, context_js)]
            if whole:
                found += [f"/{path} ({palette}): {line}" for line in open_search_and_check_colours(page)]
        page.evaluate(SET_SCHEME, "default")
    context.close()
    return found


@pytest.mark.long
@pytest.mark.parametrize("half", [0, 1], ids=["first-half", "second-half"])
def test_axe_finds_no_violations_and_the_dark_palette_passes_the_colour_rules(
    browser, base_url: str, nav_pages: list[str], half: int
) -> None:
    """Every rule in the light palette on one page of each kind, and the colour rules in the dark one (only
    colours differ between the palettes); in two halves, one per test worker."""
    representative_pages(nav_pages, COLOUR_KINDS)
    pages = (representative_pages(nav_pages) + ["404.html"])[half::2]
    found = scan(browser, base_url, pages)
    assert not found, "axe violations:\n" + "\n".join(found)


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
