"""The exam guides as the pages show them: a page's place in each guide, the domain tables and the
status of every exam, all from data/exams.yml and the pages' `covers:` front matter."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from .coverage import skill_anchor
from .data import Exam, ExamFact, Task
from .pages import Taught
from .render import esc, md_link, rel

ROLE_LABELS = {"current": "Current exam", "retired": "Retired", "related": "Related exam"}


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split("."))


def tasks_taught(taught: Sequence[Taught], exam: Exam) -> list[tuple[Task, list[str]]]:
    found: dict[str, list[str]] = {}
    for t in taught:
        if t.skill.exam == exam.code:
            codes = found.setdefault(t.skill.task, [])
            if t.skill.code not in codes:
                codes.append(t.skill.code)
    return [(task, sorted(found[code], key=_code_key)) for code, task in exam.tasks.items() if code in found]


def primary_domain(taught: Sequence[Taught], exam: Exam) -> str:
    """The domain of the first task a page teaches in `exam`, or "" if it teaches none."""
    tasks = tasks_taught(taught, exam)
    return tasks[0][0].domain if tasks else ""


def exam_map(
    taught: Sequence[Taught], exams: Mapping[str, Exam], page_src: str, coverage_pages: Mapping[str, str]
) -> str:
    """The collapsed box under a notes page's title: the tasks and skills of each mapped exam it teaches."""
    rows = ["| Exam | Task statement | Skills taught here |", "|---|---|---|"]
    mapped = [e for e in exams.values() if e.code in coverage_pages]
    for exam in mapped:
        tasks = tasks_taught(taught, exam)
        label = f"{exam.code} ({ROLE_LABELS[exam.role].lower()})"
        if not tasks:
            rows.append(f"| {label} | Not in this exam: the material is new in the current exam | – |")
            continue
        for task, codes in tasks:
            target = coverage_pages[exam.code]
            skills = ", ".join(md_link(c, rel(f"{target}#{skill_anchor(exam.skills[c])}", page_src)) for c in codes)
            rows.append(f"| {label} | {task.domain}. {esc(task.domain_title)} › **{task.code}** {esc(task.title)} | {skills} |")
    note = ""
    successors = [e for e in exams.values() if e.role == "retired" and e.code not in coverage_pages and e.domains]
    if successors:
        names = ", ".join(e.code for e in successors)
        note = f"\n\n    {names} used the same task numbers as the current associate exam, so these tasks map to it too."
    return (
        '??? abstract "Where this page fits in the exam guides"\n\n'
        + "\n".join(f"    {r}" for r in rows)
        + note
    )


def study_toggle(page_id: str, domains: Mapping[str, str]) -> str:
    """The "studied" switch, in the HTML from the start so that showing it moves nothing
    (docs/assets/js/reader/studied-marks.js wires it up; notes.css hides it when scripts are off)."""
    data = " ".join(f'data-domain-{html.escape(e.lower())}="{html.escape(d)}"' for e, d in domains.items() if d)
    return (
        f'<p class="study-mark"><button type="button" class="md-button study-toggle" data-page="{html.escape(page_id)}" '
        f'{data} aria-pressed="false">Mark this page as studied</button></p>'
    )


def study_next(page_id: str, next_page: tuple[str, str] | None) -> str:
    """The end-of-page control: mark the page studied and move on to the next notes page."""
    if next_page is None:
        return (
            f'<p class="study-next"><button type="button" class="md-button md-button--primary study-toggle" '
            f'data-page="{html.escape(page_id)}" aria-pressed="false">Mark this page as studied</button></p>'
        )
    title, href = next_page
    return (
        f'<p class="study-next"><a class="md-button md-button--primary study-and-next" data-page="{html.escape(page_id)}" '
        f'href="{html.escape(href)}">Mark studied and go to next: {html.escape(title)}</a></p>'
    )


def domain_table(exam: Exam, pages: Mapping[str, list[tuple[str, str]]], page_src: str) -> str:
    """An exam's domains and weights, each with the notes pages that teach it."""
    rows = ["| Domain | Weight | Notes pages |", "|---|---|---|"]
    for d in exam.domains:
        covered = pages.get(d.number, [])
        links = ", ".join(md_link(esc(t), rel(src, page_src)) for t, src in covered) or "Not yet written"
        rows.append(f"| {d.number}. {esc(d.title)} | {d.weight}% | {links} |")
    return "\n".join(rows)


def _fact_row(fact: ExamFact) -> str:
    status = esc(fact.status_label)
    if fact.source.startswith("https://"):
        status = f"[{status}]({fact.source})"
    elif fact.source:
        status = f"{status} ({esc(fact.source)})"
    value = f"{_sentence(esc(fact.value))} {_sentence(esc(fact.note))}" if fact.note else esc(fact.value)
    return f"| {esc(fact.item)} | {value} | {status} |"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def exam_status(exams: Mapping[str, Exam]) -> str:
    """Every exam the site maps or mentions: its role, its dates and its facts, each with its status."""
    out = []
    for exam in exams.values():
        out.append(f"**{exam.code}: {esc(exam.name)}** ({esc(exam.level)}; {ROLE_LABELS[exam.role].lower()}). "
                   f"{esc(exam.summary)} [Exam guide]({exam.guide})\n")
        facts = [*exam.timeline, *exam.facts]
        if facts:
            out.append('<div class="compare-table" markdown>\n')
            out.append("| Item | Fact | Status |\n|---|---|---|")
            out.extend(_fact_row(f) for f in facts)
            out.append("\n</div>\n")
    return "\n".join(out)
