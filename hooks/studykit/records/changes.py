"""Changed facts (data/changes/): what AWS changed, when, and the current value."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studykit.dates import DATED, Day, build_date, parse_day, typed_dates, undated_problem
from studykit.errors import DataError
from studykit.records.common import (DATA_DIR, Expander, check_keys, https_url,
    text_field, text_list, display, read_yaml)


@dataclass(frozen=True)
class Change:
    """A fact AWS changed since the source notes were written: one record, rendered wherever it is needed."""

    id: str
    subject: str
    was: str
    now: str
    short: str
    sources: tuple[str, ...]
    area: str  # the group on "What AWS has changed": the title of its file
    date: Day | None = None
    undated: str = ""  # why there is no date, and the secondary source if any
    values: tuple[str, ...] = ()  # the current value as typed; the build flags it anywhere else
    context: tuple[str, ...] = ()  # words near a typed value that show it is this fact (empty: any)
    source: str = ""  # the file that holds the record (data/changes/....yml)
    checked: Day | None = None  # when the record was last read against its sources
    milestones: tuple[Day, ...] = ()  # the {verb:date} dates its text names, such as an end of support

    @property
    def when(self) -> str:
        return self.date.words() if self.date else "Undated"

    def next_date(self, today: dt.date) -> Day | None:
        """The first date of this change still ahead of `today`: its own date or a date its text names."""
        ahead = [d for d in ((self.date,) if self.date else ()) + self.milestones if not d.has_passed(today)]
        return min(ahead, key=lambda d: d.start) if ahead else None


CHANGE_KEYS = {"id", "subject", "was", "now", "short", "date", "undated", "values", "context", "sources", "checked"}
CHANGE_FILE_KEYS = {"area", "changes"}


def parse_changes(raw: Any, source: str) -> list[Change]:
    if raw is None:
        return []
    if not isinstance(raw, dict) or not isinstance(raw.get("changes"), list):
        raise DataError(f"{source}: must be a mapping with 'area:' (its heading) and a list under 'changes:'.")
    check_keys(raw, CHANGE_FILE_KEYS, source)
    area = text_field(raw, "area", source)
    parsed = []
    for i, rec in enumerate(raw["changes"]):
        if not isinstance(rec, dict):
            raise DataError(f"{source}: entry #{i + 1} must be a mapping.")
        where = f"{source}: change '{rec.get('id') or f'#{i + 1}'}'"
        check_keys(rec, CHANGE_KEYS, where)
        has_date, undated = rec.get("date") is not None, text_field(rec, "undated", where, required=False)
        if has_date == bool(undated):
            found = "both 'date:' and 'undated:'" if has_date else "neither 'date:' nor 'undated:'"
            raise DataError(
                f"{where}: has {found}. Give 'date:' (YYYY-MM-DD or YYYY-MM, when AWS made the change, with "
                "the AWS page that says so under 'sources:') or, if no AWS page dates it, 'undated:' saying "
                "so and naming any secondary source, for example \"AWS gives no date; a secondary source "
                "(X) says Y\"."
            )
        problem = undated_problem(undated) if undated else ""
        if problem:
            raise DataError(
                f"{where}: 'undated: {undated}' is not explicit: {problem}. Write what AWS says, for example "
                "\"AWS gives no date; a secondary source (X) says Y\", or give 'date:' if an AWS page dates it."
            )
        for key in ("now", "short"):
            typed = typed_dates(str(rec.get(key) or ""))
            if typed:
                raise DataError(
                    f"{where}: '{key}' types the date '{typed[0]}', which goes stale. Write it as a placeholder "
                    "whose tense follows the build date, such as {close:2026-07-30} (\"closed on 30 July 2026\") "
                    "or {since:2026-07-30} (\"since 30 July 2026\"); see hooks/studykit/dates.py."
                )
        change = Change(
            id=text_field(rec, "id", where),
            subject=text_field(rec, "subject", where),
            was=text_field(rec, "was", where),
            now=text_field(rec, "now", where),
            short=text_field(rec, "short", where),
            sources=tuple(https_url(u, where) for u in text_list(rec, "sources", where, required=True)),
            area=area,
            date=parse_day(rec["date"], where) if has_date else None,
            undated=undated,
            values=text_list(rec, "values", where),
            context=text_list(rec, "context", where),
            source=source,
            checked=parse_day(rec["checked"], f"{where}: checked") if rec.get("checked") is not None else None,
        )
        parsed.append(change)
    return parsed


def load_changes(directory: Path | None = None, today: dt.date | None = None) -> dict[str, Change]:
    """Facts AWS changed since the source notes were written, from data/changes/*.yml, with dates expanded."""
    directory = directory or DATA_DIR / "changes"
    expand = Expander(today=today or build_date())
    changes: dict[str, Change] = {}
    for path in sorted(directory.glob("*.yml")):
        source = display(path)
        for change in parse_changes(read_yaml(path), source):
            if change.id in changes:
                raise DataError(f"{source}: change '{change.id}' is already defined. Ids must be unique.")
            where = f"{source}: change '{change.id}'"
            milestones = tuple(Day(m.group("date"), where) for m in DATED.finditer(change.now))
            changes[change.id] = Change(**{
                **change.__dict__, "now": expand.text(change.now, where), "short": expand.text(change.short, where),
                "milestones": milestones,
            })
    return changes


def short_facts(changes: dict[str, Change]) -> dict[str, str]:
    return {key: change.short for key, change in changes.items()}


