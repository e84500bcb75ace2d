"""A learner's path on a 390 px phone: start, tap a term, read a wide table, filter the glossary, and
see what has been studied. Headless Chromium with touch, against the built site."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NOTES = "domain-1-data-preparation/data-collection/"
NOTES_ID = "domain-1-data-preparation/data-collection"
OLD_ID = "domain-1-data-engineering/data-collection"  # its id before the notes took the MLA-C02 domains
OTHER = "domain-1-data-preparation/streaming-data-collection/"


@pytest.fixture(scope="module")
def phone_context(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=1, service_workers="block")
    yield context
    context.close()


@pytest.fixture
def phone(phone_context, base_url: str):
    from conftest import forget

    page = phone_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    yield page
    forget(page)


def open_page(page, base_url: str, path: str) -> None:
    page.goto(base_url + path, wait_until="load")
    page.wait_for_function("() => window.StudyStore !== undefined")


def path_of(url: str) -> str:
    return urlparse(url).path


def test_a_tap_on_a_term_shows_its_definition_in_place(phone, base_url: str) -> None:
    open_page(phone, base_url, NOTES)
    # Abbreviations can be reached by keyboard, except inside a link or a summary (nested-interactive).
    assert phone.locator('.md-typeset abbr[tabindex="0"]').count() > 0
    assert phone.locator(".md-typeset a abbr[tabindex], .md-typeset summary abbr[tabindex]").count() == 0

    first = phone.locator('.md-typeset p a[href*="glossary/"][title]').first
    definition = first.get_attribute("title")
    # The theme removes a title while its tooltip shows: find the term by its address from now on.
    term = phone.locator(f'.md-typeset p a[href="{first.get_attribute("href")}"]').first
    term.scroll_into_view_if_needed()
    term.tap()
    popover = phone.locator(".term-popover")
    popover.wait_for(state="visible")
    assert path_of(phone.url) == path_of(base_url + NOTES), "the first tap left the page"
    assert definition in popover.inner_text()
    full = popover.get_by_role("link", name="Full entry")
    assert "glossary/" in full.get_attribute("href")
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "the popover runs off the screen"

    phone.keyboard.press("Escape")
    assert popover.count() == 0

    # An abbreviation answers a tap the same way, with a link to its entry.
    abbr = phone.locator(".md-typeset p abbr[data-href]").first
    abbr.scroll_into_view_if_needed()
    abbr.tap()
    popover.wait_for(state="visible")
    assert "glossary/" in popover.get_by_role("link", name="Full entry").get_attribute("href")
    phone.locator("h1").tap()  # a tap elsewhere closes it
    assert popover.count() == 0

    # Tap, then tap again: the second tap follows the link to the full entry.
    term.scroll_into_view_if_needed()
    term.tap()
    popover.wait_for(state="visible")
    term.tap()
    phone.wait_for_url("**/glossary/**", wait_until="commit")
    assert not phone.errors


WIDE_BOXES = """async () => {
  // Lay out every box, including those the browser skips until they near the screen (content-visibility),
  // then give the page one frame to answer the change.
  const style = document.createElement('style');
  style.textContent = '*, *::before, *::after { content-visibility: visible !important; transition: none !important; }';
  document.head.appendChild(style);
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const problems = [];
  let wide = 0;
  const name = box => (box.querySelector('th, td') || box).textContent.trim().slice(0, 40);
  const opacity = (el, pseudo) => getComputedStyle(el, pseudo).opacity;
  for (const box of document.querySelectorAll('.md-typeset .md-typeset__scrollwrap, .md-typeset .formula')) {
    if (box.scrollWidth <= box.clientWidth + 1) continue;
    wide++;
    const cue = box.parentElement;
    if (!cue.classList.contains('scroll-cue')) { problems.push('no cue around: ' + name(box)); continue; }
    if (opacity(cue, '::after') !== '1') problems.push('no right-edge cue at the start: ' + name(box));
    box.scrollLeft = box.scrollWidth;
    box.dispatchEvent(new Event('scroll'));
    if (opacity(cue, '::before') !== '1') problems.push('no left-edge cue at the end: ' + name(box));
    if (opacity(cue, '::after') !== '0') problems.push('right-edge cue stays at the end: ' + name(box));
  }
  // Nothing else may be cut off: no table or formula reaches past the screen outside its scroll box.
  for (const el of document.querySelectorAll('.md-typeset table, .md-typeset .formula')) {
    const r = (el.closest('.md-typeset__scrollwrap, .formula') || el).getBoundingClientRect();
    if (r.right > innerWidth + 1) problems.push('cut off without a scroll box: ' + name(el));
  }
  if (document.documentElement.scrollWidth > innerWidth) problems.push('the page scrolls sideways');
  style.remove();
  return {wide, problems};
}"""


# One page for each kind of box that scrolls sideways at 390 px: Markdown tables, comparison and
# decision tables from data, display formulas and the summary of changed facts.
# WIDE_BOXES runs on any page: a pass over every page (tests/browser/test_reader.py) can call it too.
WIDE_PAGES = [
    "domain-1-data-preparation/data-collection/",
    "domain-2-model-development/choosing-a-model/",
    "domain-3-deployment-and-orchestration/serving-predictions/",
    "domain-2-model-development/evaluating-generative-ai/",
    "review/whats-changed/",
]


# The build puts each box in its .scroll-cue; the script marks the boxes it watches (__cueReady).
CUES_READY = """() => [...document.querySelectorAll('.md-typeset .scroll-cue')]
  .every((cue) => cue.firstElementChild && cue.firstElementChild.__cueReady)"""


def test_every_wide_table_and_formula_shows_its_scroll_cue(phone, base_url: str) -> None:
    problems = []
    wide = 0
    for path in WIDE_PAGES:
        open_page(phone, base_url, path)
        # The cues are set up once the page is idle (docs/assets/js/reader/setup.js): wait for that, up to 3 s.
        try:
            phone.wait_for_function(CUES_READY, timeout=3000)
        except PlaywrightTimeout:
            pass  # the check below names each box without its cue
        found = phone.evaluate(WIDE_BOXES)
        wide += found["wide"]
        problems += [f"/{path}: {p}" for p in found["problems"]]
    assert wide >= len(WIDE_PAGES) - 1, f"only {wide} wide boxes at 390 px: pick pages that still have some"
    assert not problems, "\n".join(problems)


def test_comparison_tables_stack_into_labeled_cards_on_a_phone(phone, base_url: str) -> None:
    phone.goto(base_url + "domain-2-model-development/choosing-a-model/", wait_until="load")
    table = phone.locator(".compare-table table").first
    assert table.evaluate("t => getComputedStyle(t).display") == "block"
    label = table.locator("td[data-label]:not(:first-child)").first
    assert label.evaluate("td => getComputedStyle(td, '::before').content") == f'"{label.get_attribute("data-label")}"'


def test_the_glossary_filter_narrows_the_list(phone, base_url: str) -> None:
    phone.goto(base_url + "glossary/", wait_until="load")
    box = phone.locator("#glossary-filter-input")
    box.fill("firehose")
    results = phone.locator(".glossary-filter-results li")
    results.first.wait_for()
    count = results.count()
    assert 0 < count < 20
    assert "Amazon Data Firehose" in results.first.inner_text()
    assert all("firehose" in text.lower() for text in results.all_inner_texts())
    assert "glossary/" in results.first.locator("a").get_attribute("href")

    box.fill("kinesis stream")  # every word must match, in names or definitions
    phone.wait_for_function("() => /kinesis stream/.test(document.querySelector('.glossary-filter-status').textContent)")
    texts = [t.lower() for t in results.all_inner_texts()]
    assert texts and all("kinesis" in t and "stream" in t for t in texts)

    box.fill("qqqzzz")
    phone.wait_for_function("() => /No term matches/.test(document.querySelector('.glossary-filter-status').textContent)")
    assert results.count() == 0


def test_home_page_starts_you_and_offers_to_continue(phone, base_url: str) -> None:
    open_page(phone, base_url, "")
    start = phone.get_by_role("link", name="Start with Domain 1")
    box = start.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], "the start button is below the first screen"
    assert phone.locator("article").get_by_role("link", name="Practice", exact=True).is_visible()
    assert not phone.locator(".continue-panel").is_visible()

    open_page(phone, base_url, NOTES)
    phone.locator(".study-toggle").first.click()
    open_page(phone, base_url, "")
    panel = phone.locator(".continue-panel")
    panel.wait_for(state="visible")
    reading_order = panel.locator(".continue-data").evaluate("s => JSON.parse(s.dataset.json)")
    assert reading_order[0]["id"] == NOTES_ID
    link = panel.locator(".continue-link")
    assert reading_order[1]["title"] in link.inner_text()
    assert path_of(link.evaluate("a => a.href")) == path_of(base_url + reading_order[1]["href"])
    box = link.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], "Continue is below the first screen"
    assert panel.locator(".continue-studied").inner_text() == "1"


def test_a_studied_page_gets_its_check_in_the_navigation(phone, base_url: str) -> None:
    open_page(phone, base_url, NOTES)
    phone.evaluate("id => StudyStore.update(r => { r.pages[id] = true; })", NOTES_ID)
    # The theme makes nav addresses absolute in the browser.
    assert phone.locator(".md-nav--primary a.md-nav__link--active .nav-studied").count() == 1
    phone.locator('.md-header label[for="__drawer"]').tap()
    drawer_item = phone.locator('.md-nav--primary .md-nav__link--active').filter(has=phone.locator(".nav-studied")).first
    drawer_item.wait_for(state="visible")
    assert "✓" in drawer_item.inner_text()

    # Another page's link carries the mark too, and unmarking removes it.
    open_page(phone, base_url, OTHER)
    assert phone.locator(f'.md-nav--primary a.md-nav__link[href$="/{NOTES}"] .nav-studied').count() == 1
    phone.evaluate("id => StudyStore.update(r => { delete r.pages[id]; })", NOTES_ID)
    assert phone.locator(".md-nav--primary .nav-studied").count() == 0


def test_an_old_link_to_a_section_that_moved_reaches_its_new_page(phone, base_url: str) -> None:
    # A change once on the changes index, now on its area's page; a term of a glossary letter that was split.
    phone.goto(base_url + "review/whats-changed/#kds-retention", wait_until="load")
    phone.wait_for_url("**/review/whats-changed/domain-1-data-engineering/#kds-retention")
    assert phone.locator("h2#kds-retention").is_visible()
    phone.goto(base_url + "glossary/s/#shard", wait_until="load")
    phone.wait_for_url("**/glossary/sh-sz/#shard")
    assert phone.locator("h3#shard").is_visible()


def test_an_old_address_and_a_mark_made_there_follow_the_page_to_its_new_place(phone, base_url: str) -> None:
    phone.goto(base_url + OLD_ID + "/", wait_until="load")
    phone.wait_for_url("**/" + NOTES)
    phone.wait_for_function("window.StudyStore !== undefined")
    # A mark saved under the page's old id, as a reader who studied it before the move has it.
    phone.evaluate("id => StudyStore.update(r => { r.pages = {}; r.pages[id] = true; })", OLD_ID)
    phone.reload(wait_until="load")
    phone.locator(".study-toggle[aria-pressed=true]").first.wait_for()
    assert phone.evaluate("() => Object.keys(StudyStore.load().pages)") == [NOTES_ID]
