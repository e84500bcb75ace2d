"""Dates as data: a closure or an end of support is stored as a date, and the sentence takes its tense
from the build date, so a notice such as "support ends on 7 October 2026" cannot go stale in place.

In data text, write `{end:2026-10-07}`: it reads "ends on 7 October 2026" before that day and "ended on
7 October 2026" from that day on. A month (`{end:2026-10}`) reads "ends in October 2026".
`{since:2026-07-30}` suits a state that starts on a date: "from 30 July 2026" before it, "since 30 July
2026" after it ("closed to new customers {since:2026-07-30}").

This module also holds the rules that keep dates honest: `typed_dates()` finds a date typed into prose
(which would go stale), and `undated_problem()` rejects an `undated:` note that does not say plainly
that no AWS page dates a change.
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

# preposition: (before the date, on or after it); the phrase has no "on"/"in": "since 30 July 2026"
PREPOSITIONS: dict[str, tuple[str, str]] = {
    "since": ("from", "since"),
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
    if verb in PREPOSITIONS:
        before, after = PREPOSITIONS[verb]
        return f"{after if day.has_passed(today) else before} {day.words()}"
    future, past = VERBS[verb]
    return f"{past if day.has_passed(today) else future} {day.phrase()}"


def expand_dates(text: str, today: dt.date, where: str) -> str:
    """Replace every {verb:date} with its phrase in the right tense."""

    def sub(match: re.Match[str]) -> str:
        verb = match.group("verb")
        if verb not in VERBS and verb not in PREPOSITIONS:
            raise DataError(
                f"{where}: unknown date verb '{{{verb}:…}}'. Use one of: {', '.join(sorted([*VERBS, *PREPOSITIONS]))}."
            )
        return dated_phrase(verb, Day(match.group("date"), where), today)

    return DATED.sub(sub, text)


# --------------------------------------------------------------------------- dates typed into prose

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_YEAR = r"(?:19|20)[0-9]{2}"
TYPED_DATE = re.compile(
    rf"\b(?:[0-3]?[0-9]\s+)?(?:{MONTHS})\s+{_YEAR}\b"  # 7 October 2026, October 2026
    rf"|\b(?:{MONTHS})\s+[0-3]?[0-9],\s+{_YEAR}\b"  # October 7, 2026
    rf"|(?<![\w/-]){_YEAR}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?(?![\w/-])"  # 2026-10-07, 2026-10
)


def typed_dates(text: str) -> list[str]:
    """The dates typed into a text ("7 October 2026", "October 2026", "2026-10-07"), ignoring the
    {verb:date} placeholders, whose tense follows the build date."""
    return [m.group(0) for m in TYPED_DATE.finditer(DATED.sub(" ", text))]


# --------------------------------------------------------------------------- "undated" must be explicit

# Words that stand in for a date without giving one. A reader cannot tell whether "recently" was last
# month or three years ago, and the word goes stale by itself.
VAGUE_WORDS = (
    "recently", "recent", "current documentation", "currently", "after the notes were written",
    "since the notes were written", "later", "soon", "nowadays", "these days", "lately", "a while ago",
    "at some point", "some time ago",
)
_VAGUE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in VAGUE_WORDS) + r")\b", re.IGNORECASE)
_NO_DATE = re.compile(r"\bno\b[^.;:]{0,40}\bdates?\b|\bnot\b[^.;:]{0,20}\bdated?\b|\bundated\b", re.IGNORECASE)


def undated_problem(text: str) -> str:
    """Why an `undated:` note is not explicit enough, or "" if it is. It must say that AWS gives no date
    (naming AWS and saying "no date") and use no vague word in place of one."""
    vague = _VAGUE.search(text)
    if vague:
        return f"'{vague.group(0)}' is not a date"
    if not re.search(r"\bAWS\b", text) or not _NO_DATE.search(text):
        return "it does not say that no AWS page gives a date"
    return ""
