"""Tense from data: a dated sentence reads right on any build date, before and after the event."""

from __future__ import annotations

import datetime as dt

import pytest

from studykit import data, dates

BEFORE = dt.date(2026, 10, 6)
ON = dt.date(2026, 10, 7)
AFTER = dt.date(2026, 10, 8)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("Support {end:2026-10-07}.", BEFORE, "Support ends on 7 October 2026."),
        ("Support {end:2026-10-07}.", ON, "Support ended on 7 October 2026."),
        ("Support {end:2026-10-07}.", AFTER, "Support ended on 7 October 2026."),
        ("It {close:2026-10} to new customers.", dt.date(2026, 9, 30), "It closes in October 2026 to new customers."),
        ("It {close:2026-10} to new customers.", dt.date(2026, 10, 1), "It closed in October 2026 to new customers."),
        ("Closed to new customers {since:2026-10-07}.", BEFORE, "Closed to new customers from 7 October 2026."),
        ("Closed to new customers {since:2026-10-07}.", AFTER, "Closed to new customers since 7 October 2026."),
        ("The service {rename:2026-10-07} to X.", BEFORE, "The service is renamed on 7 October 2026 to X."),
        ("The service {rename:2026-10-07} to X.", AFTER, "The service was renamed on 7 October 2026 to X."),
    ],
)
def test_a_sentence_takes_its_tense_from_the_build_date(text: str, today: dt.date, expected: str) -> None:
    assert dates.expand_dates(text, today, "test") == expected


def test_unknown_verb_names_the_place_and_the_verbs_to_use() -> None:
    with pytest.raises(data.DataError, match=r"here: unknown date verb '\{shut:…\}'\. Use one of: .*since"):
        dates.expand_dates("It {shut:2026-10-07}.", AFTER, "here")


def test_impossible_date_is_rejected() -> None:
    with pytest.raises(data.DataError, match=r"here: '2026-02-30' is not a real date"):
        dates.expand_dates("It {end:2026-02-30}.", AFTER, "here")


def test_build_date_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(dates.BUILD_DATE_VARIABLE, "2026-10-06")
    assert dates.build_date() == BEFORE
    monkeypatch.setenv(dates.BUILD_DATE_VARIABLE, "next week")
    with pytest.raises(data.DataError, match=r"\$STUDY_BUILD_DATE is 'next week', not a date"):
        dates.build_date()


def test_real_data_says_ends_on_before_the_date_and_ended_on_after_it() -> None:
    """Lookout for Equipment support ends on 7 October 2026 (data/changes): built the day before, the
    site says "ends on"; built the day after, the same record says "ended on", with no edit."""
    before = data.load_all(today=BEFORE).changes["lookout-closed"]
    after = data.load_all(today=AFTER).changes["lookout-closed"]
    assert "Lookout for Equipment support ends on 7 October 2026" in before.short
    assert "Lookout for Equipment support ended on 7 October 2026" in after.short
    assert "{end:" not in after.now and "{end:" not in after.short


def test_a_build_with_study_build_date_uses_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """load_all() without a date reads $STUDY_BUILD_DATE, as the strict build does."""
    monkeypatch.setenv(dates.BUILD_DATE_VARIABLE, "2027-06-29")
    assert "Profiler support ends on 30 June 2027" in data.load_all().changes["debugger-closed"].short
    monkeypatch.setenv(dates.BUILD_DATE_VARIABLE, "2027-07-01")
    assert "Profiler support ended on 30 June 2027" in data.load_all().changes["debugger-closed"].short


def test_facts_in_other_data_follow_the_build_date_too() -> None:
    """A glossary definition that quotes a changed fact with {fact:id} gets the tense of the build date."""
    term = "Amazon Lookout for Equipment"
    before = data.load_all(today=BEFORE).glossary.lookup(term)
    after = data.load_all(today=AFTER).glossary.lookup(term)
    assert "Lookout for Equipment support ends on 7 October 2026" in before.definition
    assert "Lookout for Equipment support ended on 7 October 2026" in after.definition


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Support ends on 7 October 2026.", ["7 October 2026"]),
        ("It closed in October 2026.", ["October 2026"]),
        ("It closed on October 7, 2026.", ["October 7, 2026"]),
        ("Deleted from 2026-01-27 on.", ["2026-01-27"]),
        ("Support {end:2026-10-07}.", []),
        ("See https://example.com/blog/2026-10-07-news and May be.", []),
    ],
)
def test_typed_dates_are_found_and_placeholders_are_not(text: str, found: list[str]) -> None:
    assert dates.typed_dates(text) == found


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("AWS gives no date; a secondary source (example.com) says May 2025.", ""),
        ("AWS gives no release date.", ""),
        ("Changed recently.", "'recently' is not a date"),
        ("Per current documentation.", "'current documentation' is not a date"),
        ("Changed after the notes were written.", "'after the notes were written' is not a date"),
        ("AWS added it later; no date.", "'later' is not a date"),
        ("The page gives no date.", "does not say that no AWS page gives a date"),
        ("AWS says so.", "does not say that no AWS page gives a date"),
    ],
)
def test_undated_must_say_plainly_that_aws_gives_no_date(text: str, problem: str) -> None:
    assert problem in dates.undated_problem(text)
    assert bool(dates.undated_problem(text)) == bool(problem)
