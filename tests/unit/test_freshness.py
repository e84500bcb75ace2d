"""When facts were checked: the date every notes page, change and sourced question carries, and the
list of checks older than 180 days that the build prints."""

from __future__ import annotations

import datetime as dt

import pytest

from studykit import data, freshness, render
from studykit.dates import Day
from studykit.report import FIELDS, report_url


def test_checks_older_than_180_days_are_named_oldest_first() -> None:
    changes = data.load_changes()
    pages = {"a.md": Day("2026-12-07", "a"), "b.md": Day("2026-01-02", "b")}
    old = next(iter(changes.values()))
    later = dt.date(2026, 12, 7) + dt.timedelta(days=181)
    found = freshness.stale_checks(pages, [old], [], later)
    assert any(line.startswith("page docs/a.md: facts checked on 2026-12-07, 181 days ago") for line in found)
    assert found[0].startswith("page docs/b.md"), "the oldest check comes first"
    assert any(f"change '{old.id}'" in line for line in found)
    assert not freshness.stale_checks({"a.md": Day("2026-12-07", "a")}, [], [], dt.date(2026, 12, 7) + dt.timedelta(days=180))


def test_every_change_and_sourced_question_records_its_check() -> None:
    study = data.load_all()
    assert all(c.checked for c in study.changes.values())
    assert all(q.checked for q in study.questions if q.sources)


def test_a_page_without_checked_is_refused() -> None:
    with pytest.raises(data.DataError, match=r"docs/x\.md: front matter has no 'checked:'"):
        freshness.page_checked({"title": "X"}, "x.md")
    assert freshness.page_checked({"checked": dt.date(2026, 12, 7)}, "x.md").words() == "7 December 2026"


def test_page_addresses_follow_directory_urls() -> None:
    site = "https://example.org/notes/"
    assert freshness.page_url(site, "index.md") == "https://example.org/notes/"
    assert freshness.page_url(site, "glossary/index.md") == "https://example.org/notes/glossary/"
    assert freshness.page_url(site, "a/b.md") == "https://example.org/notes/a/b/"
    assert freshness.page_url(site, "a/b.md", directory_urls=False) == "https://example.org/notes/a/b.html"


def test_report_links_fill_the_issue_form_fields() -> None:
    import yaml
    from pathlib import Path

    form = yaml.safe_load((Path(__file__).parents[2] / ".github/ISSUE_TEMPLATE/report-a-mistake.yml").read_text())
    ids = {item.get("id") for item in form["body"]}
    assert set(FIELDS) <= ids, "the link fills form fields by id: the form must have them"
    url = report_url("https://github.com/o/r", "docs/a b.md", "https://x/a/")
    assert url.startswith("https://github.com/o/r/issues/new?template=report-a-mistake.yml&")
    assert "where=docs%2Fa+b.md" in url and "address=https%3A%2F%2Fx%2Fa%2F" in url


def test_coming_changes_list_only_what_lies_ahead_and_turn_past_tense_on_the_day() -> None:
    def changes_on(day: dt.date) -> list[data.Change]:
        return list(data.load_changes(today=day).values())

    href = lambda c: f"#{c.id}"  # noqa: E731
    before = render.coming_changes(changes_on(dt.date(2027, 4, 29)), href, dt.date(2027, 4, 29))
    assert "[Support for the Amazon Q Developer IDE plugins ends](#q-developer-ide-end)" in before
    assert "ends on 30 April 2027" in before
    after = render.coming_changes(changes_on(dt.date(2027, 5, 1)), href, dt.date(2027, 5, 1))
    assert "q-developer-ide-end" not in after
    kds = [c for c in changes_on(dt.date(2027, 5, 1)) if c.id == "q-developer-ide-end"][0]
    assert "ended on 30 April 2027" in kds.now
