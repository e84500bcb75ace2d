"""A printable sheet per MLA-C02 domain: the domain's decision tables, one exam tip from each of its
pages and the abbreviations its pages use, from the same data as the notes, laid out to print on at
most two sheets of paper (tests/browser/test_sheets.py prints each to PDF and counts the pages)."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from .data import Decision, Exam, Term
from .pages import SourcePage, Taught


def main_domain(taught: Sequence[Taught], exam: Exam) -> str:
    """The domain of `exam` that most of a page's tagged sections teach ("" if none): where the page belongs."""
    sections = Counter()
    for t in taught:
        if t.skill.exam == exam.code:
            sections[(t.anchor, exam.tasks[t.skill.task].domain)] = 1
    by_domain = Counter(domain for _, domain in sections)
    if not by_domain:
        return ""
    return min(by_domain, key=lambda d: (-by_domain[d], d))


def heading(exam: Exam, domain: str, checked: str) -> str:
    """The sheet's opening lines: the domain, its weight and tasks, and when its facts were checked."""
    dom = next(d for d in exam.domains if d.number == domain)
    tasks = "; ".join(f"{t.code} {html.escape(t.title)}" for t in exam.tasks.values() if t.domain == domain)
    return (
        f'<p class="sheet-meta"><strong>{exam.code} Domain {domain}: {html.escape(dom.title)}</strong> '
        f"({dom.weight}% of the scored questions). Tasks: {tasks}. Facts checked on {checked} or later.</p>\n\n"
        '<p class="sheet-print"><button type="button" class="md-button md-button--primary" onclick="window.print()">'
        "Print this sheet</button></p>"
    )


def decision_block(decision: Decision, link: str) -> str:
    """One decision table, compact: each option and when it is the answer."""
    items = "".join(
        f"<li><strong>{html.escape(o.name)}</strong>: {html.escape(o.best_for)}</li>" for o in decision.options
    )
    return (f'<section class="sheet-block"><h3><a href="{html.escape(link, quote=True)}">{html.escape(decision.question)}</a></h3>'
            f"<ul>{items}</ul></section>")


def abbreviations_line(terms: Iterable[Term]) -> str:
    found = sorted({(t.abbreviation, t.term) for t in terms if t.abbreviation}, key=lambda a: a[0].casefold())
    return " · ".join(f"<strong>{html.escape(a)}</strong> {html.escape(name)}" for a, name in found)


def pages_of_domain(notes: Sequence[SourcePage], taught_by_page: Mapping[str, Sequence[Taught]], exam: Exam,
                    domain: str) -> list[SourcePage]:
    return [p for p in notes if main_domain(taught_by_page[p.src], exam) == domain]
