"""The practice apps as a learner uses them: a short timed mock exam, flashcards with due dates, export,
clear and import of progress, a broken import, and a quiz that keeps its place through Back and reload.

Each test gets a fresh browser context, so it starts with empty storage. A short mock exam comes from
the page address (?questions=3&minutes=1, documented in docs/assets/js/practice.js); Playwright's clock
moves time forward instead of waiting for it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

QUIZ = "practice/quiz/"
MOCK = "practice/mock-exam/"
CARDS = "practice/flashcards/"
PROGRESS = "practice/"
MOCK_KEY = "aws-ml-notes:mock"


def record(page) -> dict:
    return page.evaluate("window.StudyStore.load()")


def wait_for_practice(page) -> None:
    page.wait_for_function("window.Practice && window.StudyStore")


def assert_clean(page) -> None:
    assert not page.watch.errors, f"console errors: {page.watch.errors}"
    assert not page.watch.foreign, f"requests to other hosts: {sorted(set(page.watch.foreign))}"


def bank(site_dir: Path) -> dict:
    return json.loads((site_dir / "assets/practice/bank.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------- mock


def test_short_mock_with_a_flag_a_reload_and_a_timeout(page, base_url: str) -> None:
    page.clock.install()
    page.goto(base_url + MOCK + "?questions=3&minutes=1")
    short = page.get_by_label(re.compile(r"^Short test from the page address: 3 questions in 1 minute"))
    assert short.is_checked(), "the format from the address is offered and selected"
    page.get_by_role("button", name="Start the mock exam").click()
    page.get_by_text("Question 1 of 3").wait_for()
    assert re.fullmatch(r"Time left (1:00|0:5\d)", page.locator(".mock-timer").inner_text())

    # Question 1 by keyboard, straight away; question 2 flagged and left open.
    page.keyboard.press("1")
    assert page.locator(".mock-option input").first.is_checked()
    page.get_by_role("button", name="Next", exact=True).click()
    page.get_by_text("Question 2 of 3").wait_for()
    page.get_by_role("button", name="Flag for review").click()
    nav = page.locator(".mock-navigator")
    assert nav.get_by_role("button", name="Question 1, answered").count() == 1
    assert nav.get_by_role("button", name="Question 2, not answered, flagged").count() == 1

    # The exam in progress survives a reload, answers and flag included.
    page.reload()
    page.get_by_text("Question 2 of 3").wait_for()
    assert page.locator(".mock-navigator").get_by_role("button", name="Question 2, not answered, flagged").count() == 1

    page.get_by_role("button", name="Review and submit").click()
    review = page.locator(".mock-main")
    assert "Unanswered (2)" in review.inner_text() and "Flagged for review (1)" in review.inner_text()
    review.get_by_role("button", name="Question 3").first.click()
    page.get_by_text("Question 3 of 3").wait_for()

    # Time runs out: the exam submits itself and the report says so.
    page.clock.run_for(61_000)
    page.get_by_role("heading", name=re.compile("Your result")).wait_for()
    report = page.locator(".practice-app").inner_text()
    assert "Time ran out, so the exam submitted itself" in report
    assert "Score per domain" in report and "scaled score" in report
    attempts = record(page)["mocks"]
    assert len(attempts) == 1 and attempts[0]["timedOut"] is True and attempts[0]["total"] == 3
    assert page.evaluate(f"localStorage.getItem('{MOCK_KEY}')") and "done" in page.evaluate(f"localStorage.getItem('{MOCK_KEY}')")
    assert page.locator(".mock-history tbody tr").count() == 1
    assert_clean(page)


def test_mock_scores_multiple_response_and_retries_wrong_answers(page, base_url: str, site_dir: Path) -> None:
    data = bank(site_dir)
    multi = next(q for q in data["questions"] if q["choose"] == 2 and q["tasks"].get("MLA-C02"))
    single = next(q for q in data["questions"] if q["choose"] == 1 and q["tasks"].get("MLA-C02"))
    page.goto(base_url + MOCK)
    wait_for_practice(page)
    # An exam in progress, as the page stores it: resumed on load.
    state = {
        "v": 1, "exam": "MLA-C02", "format": {"name": "Beta (ME1-C02)", "questions": 2, "minutes": 170},
        "ids": [multi["id"], single["id"]], "answers": {}, "flags": {}, "pos": 0,
        "started": page.evaluate("Date.now()"), "deadline": page.evaluate("Date.now() + 600000"), "told": {},
    }
    page.evaluate(f"localStorage.setItem('{MOCK_KEY}', JSON.stringify({json.dumps(state)}))")
    page.reload()
    page.get_by_text("Question 1 of 2").wait_for()
    assert "(Choose two.)" in page.locator(".mock-options legend").inner_text()
    for i, option in enumerate(multi["options"]):
        if option["correct"]:
            page.keyboard.press(str(i + 1))
    assert page.locator(".mock-options input:checked").count() == 2
    page.get_by_role("button", name="Next", exact=True).click()
    wrong = next(i for i, o in enumerate(single["options"]) if not o["correct"])
    page.locator(".mock-options input").nth(wrong).check()
    page.get_by_role("button", name="Review and submit").click()
    page.get_by_role("button", name="Submit the exam").click()

    page.get_by_role("heading", name=re.compile("Your result")).wait_for()
    assert "1 of 2 right (50%)" in page.locator(".mock-score").inner_text()
    wrong_list = page.locator(".mock-wrong > li")
    assert wrong_list.count() == 1
    assert wrong_list.locator(".quiz-why").count() == len(single["options"]), "every option's explanation"
    assert wrong_list.locator(".quiz-teach a").get_attribute("href").count("#") == 1
    assert record(page)["answers"][multi["id"]]["right"] is True

    page.get_by_role("link", name="Retry my wrong answers (1)").click()
    page.get_by_text("Question 1 of 1").wait_for()
    assert single["scenario"] in page.locator(".quiz-card").inner_text()
    assert "retrying 1 question" in page.locator(".quiz-retry").inner_text()
    assert_clean(page)


# ---------------------------------------------------------------------------------------------- cards


def test_flashcards_follow_the_ratings(page, base_url: str) -> None:
    page.clock.install(time="2026-11-27T10:00:00")
    page.goto(base_url + CARDS)
    summary = page.locator(".flashcard-summary")
    summary.wait_for()
    assert "Due today: 0" in summary.inner_text() and "New cards available today: 20" in summary.inner_text()

    page.keyboard.press("Enter")  # starts the review
    face = page.locator(".flashcard-face")
    face.wait_for()
    first = face.inner_text()
    page.keyboard.press("Space")
    assert face.get_attribute("aria-expanded") == "true" and page.locator(".flashcard-back").is_visible()
    assert "tomorrow" in page.locator('.flashcard-rating[data-rating="3"]').inner_text()
    page.keyboard.press("3")  # Good

    page.wait_for_function(f"document.querySelector('.flashcard-face').textContent !== {json.dumps(first)}")
    second = face.inner_text()
    page.keyboard.press("Space")
    page.keyboard.press("1")  # Again
    rows = page.locator(".flashcard-log tbody tr")
    assert rows.count() == 2
    assert "Again" in rows.nth(0).inner_text() and "today" in rows.nth(0).inner_text()
    assert "Good" in rows.nth(1).inner_text() and "Sat, Nov 28, 2026 (tomorrow)" in rows.nth(1).inner_text()
    assert "of 21" in page.locator(".flashcard-count").inner_text(), "a forgotten card comes back in the session"

    cards = record(page)["cards"]
    assert len(cards) == 2
    good = next(c for c in cards.values() if c["reps"] == 1)
    again = next(c for c in cards.values() if c["reps"] == 0)
    assert good["due"] == "2026-11-28" and good["interval"] == 1 and good["ease"] == 2.5
    assert again["due"] == "2026-11-27" and again["interval"] == 0

    page.reload()
    summary.wait_for()
    assert "Due today: 1" in summary.inner_text() and "New cards available today: 18" in summary.inner_text()
    assert_clean(page)


# ---------------------------------------------------------------------------------------------- progress

SEED = {
    "version": 2,
    "pages": {"domain-1-data-engineering/data-collection": True},
    "answers": {"clickstream-csv-athena-columnar": {"right": True, "at": "2026-11-20T10:00:00.000Z", "times": 1},
                "churn-monthly-snapshots-group-leakage": {"right": False, "at": "2026-11-21T10:00:00.000Z", "times": 2}},
    "flags": {"churn-monthly-snapshots-group-leakage": True},
    "mocks": [{"id": "1", "exam": "MLA-C02", "format": "Beta (ME1-C02)", "right": 40, "total": 85, "domains": {}}],
    "cards": {"amazon-s3": {"due": "2026-11-20", "interval": 6, "ease": 2.36, "reps": 2, "lapses": 0}},
}


def seed_progress(page, base_url: str) -> None:
    page.goto(base_url + PROGRESS)
    wait_for_practice(page)
    page.evaluate(f"window.StudyStore.save({json.dumps(SEED)})")
    page.locator(".progress-summary").wait_for()
    # The seed is in the older form, without each answer's domains: the panel adds them from the bank.
    page.wait_for_function("() => Object.values(window.StudyStore.load().answers).every(a => a.d)")


def test_export_clear_and_import_give_the_same_progress_back(page, base_url: str, tmp_path: Path) -> None:
    seed_progress(page, base_url)
    panel = page.locator(".practice-progress")
    assert panel.locator('[data-studied="MLA-C02:1"]').inner_text() == "1"
    assert panel.locator('[data-right="MLA-C02:1"]').inner_text() == "1"
    before = record(page)

    with page.expect_download() as download:
        panel.get_by_role("button", name="Export my progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text())["progress"] == before

    panel.get_by_role("button", name="Clear my progress").click()
    assert panel.locator('[data-right="MLA-C02:1"]').inner_text() == "0"
    assert record(page)["answers"] == {}
    panel.get_by_role("button", name="Undo").click()
    assert record(page) == before, "undo brings the cleared progress back"
    panel.get_by_role("button", name="Clear my progress").click()

    panel.locator('input[type="file"]').set_input_files(str(exported))
    page.wait_for_function("() => document.querySelector('.progress-message').textContent.startsWith('Imported progress.json')")
    assert record(page) == before
    assert panel.locator('[data-studied="MLA-C02:1"]').inner_text() == "1"
    assert_clean(page)


BROKEN = {
    "malformed.json": ("{not json", "not valid JSON"),
    "foreign.json": (json.dumps({"hello": "world"}), "not a progress file of these notes"),
    "damaged.json": (
        json.dumps({"app": "aws-ml-study-notes", "kind": "progress", "version": 2,
                    "progress": {"cards": {"x": {"due": "soon", "interval": 1, "ease": 2.5, "reps": 1, "lapses": 0}}}}),
        "“cards” part of this file is damaged",
    ),
}


def test_a_broken_import_says_why_and_changes_nothing(page, base_url: str, tmp_path: Path) -> None:
    seed_progress(page, base_url)
    before = record(page)
    note = page.locator(".progress-message")
    for name, (content, message) in BROKEN.items():
        broken = tmp_path / name
        broken.write_text(content, encoding="utf-8")
        page.locator('.practice-progress input[type="file"]').set_input_files(str(broken))
        page.wait_for_function("m => document.querySelector('.progress-message').textContent.includes(m)", arg=message)
        assert "Nothing was changed" in note.inner_text(), name
        assert record(page) == before, name
    assert_clean(page)


# ---------------------------------------------------------------------------------------------- quiz


def test_quiz_filter_and_place_survive_back_and_reload(page, base_url: str) -> None:
    page.goto(base_url + QUIZ)
    filters = page.locator(".quiz-filters")
    filters.get_by_label("Task statement").select_option("1.3")
    assert filters.get_by_label("Domain").input_value() == "1", "the task brings its domain"
    page.get_by_role("button", name="Start the quiz").click()
    counter = page.locator(".quiz-counter")
    counter.wait_for()
    total = int(re.search(r"of (\d+)", counter.inner_text()).group(1))
    assert total >= 3
    page.get_by_role("button", name="Next question").click()
    assert counter.inner_text() == f"Question 2 of {total}"
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    assert page.locator(".quiz-verdict").is_visible()
    assert page.locator(".quiz-reviewed .quiz-why").count() == page.locator(".quiz-reviewed").count() >= 4
    address = page.url
    assert "task=1.3" in address and "n=2" in address

    # To the teaching section (instant navigation) and Back.
    page.get_by_role("link", name="Read the section that teaches it").click()
    page.wait_for_url(lambda url: "/practice/quiz/" not in url)
    page.go_back()
    page.wait_for_url(address)
    counter.wait_for()
    assert counter.inner_text() == f"Question 2 of {total}"
    assert page.locator(".quiz-filters").get_by_label("Task statement").input_value() == "1.3"
    assert page.locator(".quiz-verdict").is_visible(), "the answered question still shows its explanations"

    # A reload keeps the place; the keys work before anything in the quiz has focus.
    page.get_by_role("button", name="Next question").click()
    page.reload()
    counter.wait_for()
    assert counter.inner_text() == f"Question 3 of {total}"
    assert page.locator(".quiz-filters").get_by_label("Task statement").input_value() == "1.3"
    page.keyboard.press("b")
    page.keyboard.press("Enter")
    page.locator(".quiz-verdict").wait_for()
    assert_clean(page)
