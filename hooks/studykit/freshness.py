"""When facts were last checked against the AWS docs: the date each page, change record and
sourced question carries, the line a notes page shows, and the list of checks grown too old."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping

from .data import BankQuestion, Change, DataError, Day
from .dates import parse_day
from .pages import built_file

MAX_AGE_DAYS = 180


def page_checked(meta: Mapping[str, object], src: str) -> Day:
    """A notes page's `checked:` front matter, which every notes page must have."""
    if meta.get("checked") is None:
        raise DataError(
            f"docs/{src}: front matter has no 'checked:'. Add 'checked: YYYY-MM-DD', the day you last "
            "read the page's facts against the AWS documentation."
        )
    return parse_day(meta["checked"], f"docs/{src}: front matter 'checked'")


def page_url(site_url: str, src: str, directory_urls: bool = True) -> str:
    """The published address of docs file `src`."""
    built = built_file(src, directory_urls)
    return f"{site_url.rstrip('/')}/{built.removesuffix('index.html') if directory_urls else built}"


def facts_checked_line(checked: Day, report_href: str) -> str:
    """The line under a notes page's exam box: when its facts were checked, and where to report a mistake."""
    return (
        f'<p class="facts-checked">Facts checked on <time datetime="{checked.iso}">{html.escape(checked.words())}</time>'
        f' against the AWS documentation. <a href="{html.escape(report_href, quote=True)}" class="report-mistake">'
        "Report a mistake</a></p>"
    )


def stale_checks(pages: Mapping[str, Day], changes: Iterable[Change], questions: Iterable[BankQuestion],
                 today: dt.date, max_age: int = MAX_AGE_DAYS) -> list[str]:
    """Everything whose facts were last checked more than `max_age` days before `today`, oldest first."""
    found: list[tuple[dt.date, str]] = []
    for src, day in pages.items():
        found.append((day.start, f"page docs/{src}"))
    for change in changes:
        if change.checked is None:
            raise DataError(f"{change.source}: change '{change.id}' has no 'checked:'. Add 'checked: YYYY-MM-DD', the day you read its sources.")
        found.append((change.checked.start, f"change '{change.id}' in {change.source}"))
    for q in questions:
        if q.checked is not None:
            found.append((q.checked.start, f"question '{q.id}' in {q.source}"))
    return [
        f"{what}: facts checked on {day.isoformat()}, {(today - day).days} days ago; read its sources again and update 'checked:'"
        for day, what in sorted(found)
        if (today - day).days > max_age
    ]
