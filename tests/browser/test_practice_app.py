"""The practice apps as a learner uses them: a short timed mock exam; a mock exam submitted with open
questions, reviewed, and the readiness estimate it moves; flashcards with due dates; export, a confirmed clear
with undo and a merged import of progress; a broken import; and a quiz that keeps its place through Back
and reload.

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
    # The progress panel's scripts load when it comes near the screen (reader.js), as a reader scrolls to it.
    page.locator("[data-practice]").first.scroll_into_view_if_needed()
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
    # Closed book: no search and no navigation while the exam runs, and a visible way out.
    assert not page.locator(".md-search").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    assert page.get_by_role("button", name="Leave closed-book mode").is_visible()

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
    assert page.locator(".md-search").is_visible(), "the book opens again with the report"
    assert "Time ran out, so the exam submitted itself" in report
    assert "Score per domain" in report and "scaled score" in report
    attempts = record(page)["mocks"]
    assert len(attempts) == 1 and attempts[0]["timedOut"] is True and attempts[0]["total"] == 3
    assert page.evaluate(f"localStorage.getItem('{MOCK_KEY}')") and "done" in page.evaluate(f"localStorage.getItem('{MOCK_KEY}')")
    assert page.locator(".mock-history tbody tr").count() == 1
    assert_clean(page)


def option_places(page, selector: str) -> list[str]:
    """The options' texts in the order the page shows them, without their letters and marks."""
    return [re.sub(r"^[A-F]\.\s*", "", t).strip() for t in page.locator(selector).all_inner_texts()]


def answer_in_quiz(page, questions: list[dict], right: bool = True) -> None:
    """Answer the quiz's current question by the text of its options, whatever order they show in."""
    scenario = page.locator(".quiz-card .quiz-task").inner_text()
    q = next(q for q in questions if q["scenario"].strip() == scenario.strip())
    wanted = [o["text"] for o in q["options"] if o["correct"] == right][: q["choose"]]
    for text in wanted:
        page.locator(".quiz-option").filter(has_text=text).first.click()
    if q["choose"] > 1:
        page.get_by_role("button", name="Submit answer").click()
    page.locator(".quiz-verdict").wait_for()


@pytest.mark.long
def test_a_mock_with_open_questions_is_confirmed_reviewed_and_moves_the_readiness(page, base_url: str, site_dir: Path) -> None:
    data = bank(site_dir)
    written = [q for q in data["questions"] if q["kind"] == "bank" and q["tasks"].get("MLA-C02")]
    multi = next(q for q in written if q["choose"] == 2)
    singles: dict[str, list[dict]] = {}
    for q in written:
        if q["choose"] == 1 and len(q["tasks"]["MLA-C02"]) == 1:
            singles.setdefault(q["tasks"]["MLA-C02"][0], []).append(q)
    task = next(t for t, qs in sorted(singles.items()) if len(qs) >= 3 and t not in multi["tasks"]["MLA-C02"])
    wrong_one = singles[task][0]
    left_open = next(q for q in written if q["id"] not in {multi["id"], wrong_one["id"]})

    page.goto(base_url + MOCK)
    wait_for_practice(page)
    # An exam in progress, as the page stores it: resumed on load, its options in the order of its seed.
    state = {
        "v": 1, "exam": "MLA-C02", "format": {"name": "Beta (ME1-C02)", "questions": 3, "minutes": 170},
        "ids": [multi["id"], wrong_one["id"], left_open["id"]], "answers": {}, "flags": {}, "pos": 0, "seed": 4242,
        "started": page.evaluate("Date.now()"), "deadline": page.evaluate("Date.now() + 600000"), "told": {},
    }
    page.evaluate(f"localStorage.setItem('{MOCK_KEY}', JSON.stringify({json.dumps(state)}))")
    page.reload()
    page.get_by_text("Question 1 of 3").wait_for()
    assert page.locator(".mock-options legend").inner_text().count("Choose two.") == 1
    shown = option_places(page, ".mock-option label")
    assert sorted(shown) == sorted(o["text"] for o in multi["options"])
    for option in multi["options"]:
        if option["correct"]:
            page.locator(".mock-option input").nth(shown.index(option["text"])).check()
    page.get_by_role("button", name="Next", exact=True).click()
    page.get_by_text("Question 2 of 3").wait_for()
    miss = next(o["text"] for o in wrong_one["options"] if not o["correct"])
    page.locator(".mock-option input").nth(option_places(page, ".mock-option label").index(miss)).check()
    page.get_by_role("button", name="Next", exact=True).click()
    page.get_by_role("button", name="Flag for review").click()

    # Submitting asks first and counts what is still open.
    page.get_by_role("button", name="Review and submit").click()
    page.get_by_role("button", name="Submit the exam").click()
    dialog = page.get_by_role("dialog", name="Submit the exam?")
    assert "1 question is unanswered" in dialog.inner_text() and "1 question is flagged" in dialog.inner_text()
    dialog.get_by_role("button", name="Go back to the exam").click()
    assert page.get_by_role("heading", name="Review before you submit").is_visible(), "going back keeps the exam"
    page.get_by_role("button", name="Submit the exam").click()
    dialog.get_by_role("button", name="Submit the exam").click()

    # The review: a compact grid of every question, filters, and the right answer as the exam showed it.
    page.get_by_role("heading", name=re.compile("Your result")).wait_for()
    assert "1 of 3 right (33%)" in page.locator(".mock-score").inner_text()
    grid = page.locator(".answer-grid")
    grid.wait_for()
    assert [c.get_attribute("aria-label") for c in grid.locator(".answer-cell").all()] == [
        "Question 1: right", "Question 2: wrong", "Question 3: not answered, flagged"]
    assert page.locator(".mock-review-item").count() == 3, "every question, not only the wrong ones"
    page.get_by_role("button", name="Right (1)").click()
    item = page.locator(".mock-review-item")
    assert item.count() == 1 and item.locator(".mock-review-verdict").inner_text().startswith("Right. Your answer:")
    assert option_places(page, ".mock-review-item .quiz-option-body") == shown, "the review keeps the exam's order of options"
    assert item.locator(".quiz-why").count() == len(multi["options"])
    assert item.locator(".quiz-sources a").count() == len(multi.get("sources", []))
    assert f"where={multi['id']}" in item.locator(".quiz-report a").get_attribute("href")

    # The readiness estimate: the task missed in the mock is weak; practicing it moves the estimate.
    page.goto(base_url + PROGRESS)
    cell = page.locator(f'.readiness [data-ready="MLA-C02:{task}"]')
    page.wait_for_function("document.querySelector('.readiness-summary').textContent.startsWith('From')")
    before = cell.inner_text()
    assert before.endswith(", weak") and f"{task} " in page.locator(".readiness-weak").inner_text()
    page.locator(f'.readiness-weak-task[data-task="{task}"]').get_by_role("link", name="Practice this task").click()
    page.get_by_role("button", name="Start the quiz").click()
    for _ in range(3):
        page.locator(".quiz-counter").wait_for()
        answer_in_quiz(page, data["questions"])
        page.get_by_role("button", name=re.compile("Next question|See this round")).click()
    page.goto(base_url + PROGRESS)
    page.wait_for_function("document.querySelector('.readiness-summary').textContent.startsWith('From')")
    page.wait_for_function("([sel, old]) => document.querySelector(sel).innerText !== old",
                           arg=[f'.readiness [data-ready="MLA-C02:{task}"]', before])
    after = cell.inner_text()
    assert int(after.split("%")[0]) > int(before.split("%")[0]), (before, after)
    assert_clean(page)


# ---------------------------------------------------------------------------------------------- cards


def test_flashcards_keep_sm2_progress_and_follow_fsrs_ratings(page, base_url: str) -> None:
    page.clock.install(time="2026-11-27T10:00:00")
    page.goto(base_url + CARDS)
    page.wait_for_function("window.StudyStore !== undefined")
    # A card scheduled by the SM-2 scheduler before the switch: it is still there, due on the same day.
    sm2 = {"due": "2026-11-27", "interval": 6, "ease": 2.5, "reps": 2, "lapses": 0, "first": "2026-11-15", "last": "2026-11-21"}
    page.evaluate("card => StudyStore.update(r => { r.cards = {shard: card}; })", sm2)
    page.reload()
    summary = page.locator(".flashcard-summary")
    summary.wait_for()
    assert "Due today: 1" in summary.inner_text() and "New cards available today: 20" in summary.inner_text()
    shard = record(page)["cards"]["shard"]
    assert shard["due"] == "2026-11-27" and shard["stability"] == 6 and "ease" not in shard, "converted once, same due date"

    page.keyboard.press("Enter")  # starts the review: the due card first
    face = page.locator(".flashcard-face")
    face.wait_for()
    assert face.inner_text() == "Shard"
    page.keyboard.press("Space")
    assert face.get_attribute("aria-expanded") == "true" and page.locator(".flashcard-back").is_visible()
    good_when = page.locator('.flashcard-rating[data-rating="3"] .flashcard-when').inner_text()
    page.keyboard.press("3")  # Good

    page.wait_for_function("document.querySelector('.flashcard-face').textContent !== 'Shard'")
    page.keyboard.press("Space")
    page.keyboard.press("1")  # Again
    rows = page.locator(".flashcard-log tbody tr")
    assert rows.count() == 2
    assert "Again" in rows.nth(0).inner_text() and "(today)" in rows.nth(0).inner_text()
    assert "Good" in rows.nth(1).inner_text() and good_when.strip(" ·") in rows.nth(1).inner_text()
    assert "of 22" in page.locator(".flashcard-count").inner_text(), "a forgotten card comes back in the session"

    cards = record(page)["cards"]
    assert len(cards) == 2
    assert cards["shard"]["due"] > "2026-12-03" and cards["shard"]["reps"] == 3, "remembered on time: a longer wait than SM-2's 6 days"
    again = next(c for i, c in cards.items() if i != "shard")
    assert again["due"] == "2026-11-27" and again["lapses"] == 0 and again["stability"] > 0

    page.reload()
    summary.wait_for()
    assert "Due today: 1" in summary.inner_text() and "New cards available today: 19" in summary.inner_text()
    assert_clean(page)


# ---------------------------------------------------------------------------------------------- progress

SEED = {
    "version": 2,
    "pages": {"domain-1-data-preparation/data-collection": True},
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


def test_clear_asks_first_and_undoes_and_an_import_merges_by_default(page, base_url: str, tmp_path: Path) -> None:
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

    # Clearing asks first: keeping changes nothing, confirming clears, and Undo brings it back.
    panel.get_by_role("button", name="Clear my progress").click()
    dialog = page.get_by_role("dialog", name="Clear your progress?")
    assert "2 answers" in dialog.inner_text() and "1 mock exam" in dialog.inner_text()
    dialog.get_by_role("button", name="Keep my progress").click()
    assert record(page) == before
    panel.get_by_role("button", name="Clear my progress").click()
    dialog.get_by_role("button", name="Clear my progress").click()
    # The dialog answers once it has closed, a task after the click: wait for the panel to redraw.
    page.wait_for_function("""() => document.querySelector('.practice-progress [data-right="MLA-C02:1"]')
        .textContent.trim() === '0'""", timeout=5000)
    assert record(page)["answers"] == {}
    panel.get_by_role("button", name="Undo").click()
    assert record(page) == before, "undo brings the cleared progress back"

    # An import shows the file against this browser, then merges: the newer record of each answer wins.
    page.evaluate("""() => window.StudyStore.update(r => {
        r.pages = {};
        r.answers["clickstream-csv-athena-columnar"] = {right: false, at: "2026-12-01T10:00:00.000Z", times: 2, d: {"MLA-C02": ["1"]}};
        r.answers["newer-here"] = {right: true, at: "2026-12-02T10:00:00.000Z", times: 1};
    })""")
    panel.locator('input[type="file"]').set_input_files(str(exported))
    preview = panel.locator(".import-preview")
    preview.wait_for()
    rows = {r.locator("th").inner_text(): r.locator("td").all_inner_texts() for r in preview.locator("tbody tr").all()}
    assert rows["Answers"] == ["2", "3"] and rows["Studied pages"] == ["1", "0"], "the file's counts, then this browser's"
    preview.get_by_role("button", name="Merge into this browser's progress").click()
    page.wait_for_function("() => document.querySelector('.progress-message').textContent.startsWith('Merged progress.json')")
    merged = record(page)
    assert merged["answers"]["clickstream-csv-athena-columnar"]["right"] is False, "this browser's newer answer stays"
    assert {"churn-monthly-snapshots-group-leakage", "newer-here"} <= set(merged["answers"])
    assert merged["pages"] == before["pages"] and merged["cards"] == before["cards"] and len(merged["mocks"]) == 1
    assert panel.locator('[data-studied="MLA-C02:1"]').inner_text() == "1"
    panel.get_by_role("button", name="Undo").click()
    assert "newer-here" in record(page)["answers"] and record(page)["pages"] == {}, "undo returns to before the import"
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

    # A reload keeps the place and the options' order; the keys work before anything in the quiz has focus.
    page.get_by_role("button", name="Next question").click()
    shown = page.locator(".quiz-option").all_inner_texts()
    page.reload()
    counter.wait_for()
    assert counter.inner_text() == f"Question 3 of {total}"
    assert page.locator(".quiz-option").all_inner_texts() == shown
    assert page.locator(".quiz-filters").get_by_label("Task statement").input_value() == "1.3"
    page.keyboard.press("b")
    page.keyboard.press("Enter")
    page.locator(".quiz-verdict").wait_for()

    # The browser's Back returns to the previous question, and so does Previous.
    page.go_back()
    page.wait_for_function("() => document.querySelector('.quiz-counter').textContent.startsWith('Question 2 of')")
    assert page.locator(".quiz-verdict").is_visible() and "n=2" in page.url
    page.get_by_role("button", name="Previous").click()
    assert counter.inner_text() == f"Question 1 of {total}"
    assert_clean(page)
