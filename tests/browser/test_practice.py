"""Practice as a reader uses it: answer, flip, mark pages studied, reload, clear. Each test gets a fresh browser
context, so it starts with empty local storage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

KEY = "aws-ml-notes:progress:v1"
QUIZ = "practice/quiz/"
CARDS = "practice/flashcards/"


def open_page(page, base_url: str, path: str) -> None:
    page.goto(base_url + path, wait_until="load")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


def page_data(page, selector: str) -> object:
    return json.loads(page.locator(f"{selector} script.practice-data").text_content())


def assert_clean(page) -> None:
    assert not page.watch.errors, f"console errors: {page.watch.errors}"
    assert not page.watch.foreign, f"requests to other hosts: {sorted(set(page.watch.foreign))}"


def test_quiz_feedback_and_progress_survive_a_reload(page, base_url: str) -> None:
    open_page(page, base_url, QUIZ)
    answers = {q["id"]: q for q in page_data(page, '[data-practice="quiz"]')}
    card = page.locator(".quiz-card")
    card.wait_for()
    assert page.locator(".quiz-list").is_hidden(), "the script replaces the static list"
    feedback = page.locator(".quiz-feedback")
    assert feedback.get_attribute("aria-live") == "polite"

    # Right, with the mouse.
    first = answers[card.get_attribute("data-question")]
    page.locator(f'.quiz-option[data-choice="{first["answer"]}"]').click()
    assert feedback.locator(".quiz-verdict.is-right").is_visible()
    assert feedback.locator("a").get_attribute("href").count("#") == 1, "feedback links to the teaching section"
    page.keyboard.press("Enter")  # focus sits on "Next question"

    # Wrong, with the keyboard: press the number of a wrong choice.
    second = answers[card.get_attribute("data-question")]
    assert second["id"] != first["id"]
    wrong = next(i for i, c in enumerate(second["choices"]) if c != second["answer"])
    page.keyboard.press(str(wrong + 1))
    assert feedback.locator(".quiz-verdict.is-wrong").is_visible()
    assert page.locator(".quiz-option.is-right").count() == 1 and page.locator(".quiz-option.is-wrong").count() == 1

    progress = stored(page)["quiz"]
    assert progress[first["id"]]["right"] is True and progress[second["id"]]["right"] is False

    page.reload(wait_until="load")
    page.locator(".quiz-card").wait_for()
    assert "answered 2, right 1" in page.locator(".quiz-counter").text_content()
    page.get_by_role("button", name="Show my score").click()
    total = page.locator(".quiz-score-total").text_content()
    assert "All topics" in total and "2 of" in total

    # The topic filter narrows the questions.
    page.select_option("#quiz-topic", first["topic"])
    count = sum(1 for q in answers.values() if q["topic"] == first["topic"])
    assert f"of {count} ·" in page.locator(".quiz-counter").text_content()
    assert_clean(page)


def test_flashcard_flips_with_the_keyboard_and_again_cards_return(page, base_url: str) -> None:
    open_page(page, base_url, CARDS)
    cards = {c["term"]: c for c in page_data(page, '[data-practice="flashcards"]')}
    face = page.locator(".flashcard-face")
    face.wait_for()
    assert page.locator(".flashcard-list").is_hidden()
    term = page.locator(".flashcard-term").text_content()
    assert term in (face.evaluate("b => b.textContent") or ""), "the card's accessible name contains the term"

    face.focus()
    assert face.get_attribute("aria-expanded") == "false" and page.locator(".flashcard-back").is_hidden()
    page.keyboard.press("Space")
    assert face.get_attribute("aria-expanded") == "true"
    assert page.locator(".flashcard-definition").text_content() == cards[term]["definition"]
    assert page.locator(".flashcard-back a").get_attribute("href").endswith("glossary/#" + cards[term]["id"])
    page.keyboard.press("Enter")
    assert face.get_attribute("aria-expanded") == "false", "Enter turns it back"

    def flip_and_rate(name: str) -> None:
        face.click()
        page.get_by_role("button", name=name, exact=True).click()

    flip_and_rate("Again")
    assert stored(page)["cards"][cards[term]["id"]]["last"] == "again"
    seen = []
    for _ in range(3):
        seen.append(page.locator(".flashcard-term").text_content())
        flip_and_rate("Knew it")
    assert term not in seen
    assert page.locator(".flashcard-term").text_content() == term, "an 'Again' card comes back after three others"
    assert "1 to repeat" in page.locator(".flashcard-count").text_content()
    assert_clean(page)


def notes_page(site_dir: Path, nav_pages: list[str]) -> tuple[str, str]:
    """The first notes page in the nav (one with an exam map) and its MLS-C01 domain."""
    from bs4 import BeautifulSoup

    for path in nav_pages:
        html = (site_dir / path / "index.html").read_text(encoding="utf-8")
        mark = BeautifulSoup(html, "html.parser").select_one(".study-mark")
        if mark:
            return path, mark["data-domain"]
    pytest.skip("no notes page with an exam map has been written yet")


def test_studied_mark_counts_on_the_home_page_and_clear_resets(
    page, base_url: str, site_dir: Path, nav_pages: list[str]
) -> None:
    path, domain = notes_page(site_dir, nav_pages)
    home_has_panel = "data-practice=\"progress\"" in (site_dir / "index.html").read_text(encoding="utf-8")
    panel_page = "" if home_has_panel else "practice/"

    open_page(page, base_url, path)
    toggle = page.locator(".study-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"

    # Instant navigation swaps the content without a reload: the panel must still fill in.
    page.evaluate("href => { const a = document.createElement('a'); a.href = href; document.body.append(a); a.click(); }",
                  base_url + panel_page)
    page.wait_for_url(base_url + panel_page)
    studied = page.locator(f'[data-studied="{domain}"]')
    studied.wait_for()
    page.wait_for_function(f"""() => document.querySelector('[data-studied="{domain}"]').textContent === '1'""")

    page.reload(wait_until="load")
    page.wait_for_function(f"""() => document.querySelector('[data-studied="{domain}"]').textContent === '1'""")
    undo = page.locator('[data-action="undo-clear"]')
    assert undo.is_hidden(), "Undo appears only after clearing"
    page.get_by_role("button", name="Clear my progress").click()
    assert studied.text_content() == "0" and undo.is_visible()
    assert "cleared" in page.locator(".practice-status").text_content()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None

    open_page(page, base_url, path)
    assert page.locator(".study-toggle").get_attribute("aria-pressed") == "false"
    assert_clean(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_practice_colours_pass_contrast_in_both_palettes(browser, base_url: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        open_page(page, base_url, QUIZ)
        page.locator(".quiz-card").wait_for()
        answer = page.locator(".quiz-card").get_attribute("data-question")
        right = next(q["answer"] for q in page_data(page, '[data-practice="quiz"]') if q["id"] == answer)
        page.locator(f'.quiz-option:not([data-choice="{right}"])').first.click()  # shows right and wrong marks
        results = Axe().run(page, context=".md-content", options={"runOnly": ["color-contrast"]})
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
