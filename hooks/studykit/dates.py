"""Dates as data: a closure or an end of support is stored as a date, and the sentence takes its tense
from the build date, so a notice such as "support ends on 7 October 2026" cannot go stale in place.

In data text, write `{end:2026-10-07}`: it reads "ends on 7 October 2026" before that day and "ended on
7 October 2026" from that day on. A month (`{end:2026-10}`) reads "ends in October 2026".
"""

from __future__ import annotations

import datetime as dt
import os
import re

from .errors import DataError

# verb: (before the date, on or after it)
VERBS: dict[str, tuple[str, str]] = {
    "end": ("ends", "ended"),
    "close": ("closes", "closed"),
    "retire": ("retires", "retired"),
    "open": ("opens", "opened"),
    "start": ("starts", "started"),
    "stop": ("stops", "stopped"),
    "launch": ("launches", "launched"),
    "rename": ("is renamed", "was renamed"),
    "delete": ("are deleted", "were deleted"),
    "publish": ("is published", "was published"),
    "change": ("changes", "changed"),
    "add": ("is added", "was added"),
    "become": ("becomes", "became"),
    "reach": ("reaches", "reached"),
}

DATED = re.compile(r"\{(?P<verb>[a-z]+):(?P<date>[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)\}")
BUILD_DATE_VARIABLE = "STUDY_BUILD_DATE"


def build_date() -> dt.date:
    """Today, or the date in $STUDY_BUILD_DATE (YYYY-MM-DD), which tests use to build the site on another day."""
    raw = os.environ.get(BUILD_DATE_VARIABLE, "").strip()
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise DataError(f"${BUILD_DATE_VARIABLE} is '{raw}', not a date. Use YYYY-MM-DD.") from None


class Day:
    """A date of day or month precision, as data gives it ("2026-10-07" or "2026-10")."""

    def __init__(self, text: str, where: str) -> None:
        self.text = text
        try:
            if len(text) == 7:
                self.start = dt.date.fromisoformat(text + "-01")
                self.precise = False
            else:
                self.start = dt.date.fromisoformat(text)
                self.precise = True
        except ValueError:
            raise DataError(f"{where}: '{text}' is not a real date. Use YYYY-MM-DD or YYYY-MM.") from None

    @property
    def iso(self) -> str:
        return self.start.isoformat() if self.precise else self.text

    def words(self) -> str:
        """"7 October 2026" or "October 2026"."""
        month_year = f"{self.start:%B} {self.start.year}"
        return f"{self.start.day} {month_year}" if self.precise else month_year

    def phrase(self) -> str:
        """"on 7 October 2026" or "in October 2026"."""
        return ("on " if self.precise else "in ") + self.words()

    def has_passed(self, today: dt.date) -> bool:
        return self.start <= today


def parse_day(raw: object, where: str) -> Day:
    """A YAML date (PyYAML reads 2026-10-07 as a date) or a YYYY-MM string."""
    if isinstance(raw, dt.date):
        return Day(raw.isoformat(), where)
    if isinstance(raw, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", raw.strip()):
        return Day(raw.strip(), where)
    raise DataError(f"{where}: '{raw}' is not a date. Use YYYY-MM-DD or YYYY-MM (for example 2026-10-07).")


def dated_phrase(verb: str, day: Day, today: dt.date) -> str:
    future, past = VERBS[verb]
    return f"{past if day.has_passed(today) else future} {day.phrase()}"


def expand_dates(text: str, today: dt.date, where: str) -> str:
    """Replace every {verb:date} with its phrase in the right tense."""

    def sub(match: re.Match[str]) -> str:
        verb = match.group("verb")
        if verb not in VERBS:
            raise DataError(
                f"{where}: unknown date verb '{{{verb}:…}}'. Use one of: {', '.join(sorted(VERBS))}."
            )
        return dated_phrase(verb, Day(match.group("date"), where), today)

    return DATED.sub(sub, text)
