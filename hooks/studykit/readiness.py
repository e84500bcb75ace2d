"""The readiness estimate: for each domain and task statement of the current exam, how likely the learner is
to answer this site's questions on it right today, with how sure that estimate is.

The rules live here and reach docs/assets/js/readiness.js as data (assets/practice/readiness.json), which
applies them to the answers and flashcards kept in the learner's browser:

- Each question counts once, by the learner's latest answer to it, from the quiz or a mock exam.
- An answer's weight halves every HALF_LIFE_DAYS days, so recent answers count more than old ones.
- A flashcard of one of the task's glossary terms (the terms the exam guide names for the task's skills)
  counts as CARD_WEIGHT of an answer, right with the chance that the card is remembered today:
  CARD_RECALL ** (days since its last review / its interval), and 0 after an "Again".
- The estimate is the mean of a Beta(PRIOR + weighted right, PRIOR + weighted wrong) posterior, and its
  band the central BAND interval of that posterior: few answers give a wide band.
- A task where the learner's latest answer to some question is wrong and whose estimate is below WEAK_BELOW
  is weak: it gets a link that opens the quiz on it and the notes sections taught by the questions missed.

Pure functions, no MkDocs import.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from .data import Exam, Glossary
from .practice import Question, data_block, question_domains, quiz_query, site_path

HALF_LIFE_DAYS = 30
CARD_WEIGHT = 0.25
CARD_RECALL = 0.9  # FSRS (docs/assets/js/scheduler.js) schedules a card for when recall drops to nine times in ten
PRIOR = (1, 1)  # Beta(1, 1): before any answer, every share from 0 to 100% is as likely
BAND = 0.9
WEAK_BELOW = 0.7

RULES = {
    "halfLifeDays": HALF_LIFE_DAYS,
    "cardWeight": CARD_WEIGHT,
    "cardRecall": CARD_RECALL,
    "prior": list(PRIOR),
    "band": BAND,
    "weakBelow": WEAK_BELOW,
}

MACRO = re.compile(r"\{\{.*?\}\}")


def task_terms(exam: Exam, glossary: Glossary) -> dict[str, list[str]]:
    """Each task's glossary terms (their anchors, which key the flashcards): the terms the exam guide's
    examples name for the task's skills, as data/exams.yml maps them."""
    found: dict[str, list[str]] = {}
    for code, task in exam.tasks.items():
        ids: list[str] = []
        for skill in task.skills:
            for _, name in skill.examples:
                term = glossary.lookup(name)
                if term and term.anchor not in ids:
                    ids.append(term.anchor)
        found[code] = ids
    return found


def section_label(page_title: str, heading: str) -> str:
    """"Page: Section" for a link to a notes section, without the macros a heading may hold."""
    heading = MACRO.sub("", heading).strip()
    return f"{page_title}: {heading}" if heading and heading != page_title else page_title


def readiness_json(questions: Sequence[Question], exam: Exam, glossary: Glossary,
                   section_labels: Mapping[str, str], use_directory_urls: bool = True) -> dict[str, Any]:
    """assets/practice/readiness.json: the rules, each task's terms and quiz address, and for every question
    of `exam` its tasks, its domains and the section that teaches it (an index into `sections`).

    `section_labels` maps a docs path#anchor to the words of its link."""
    sections: list[list[str]] = []
    where: dict[str, int] = {}
    index: dict[str, list[Any]] = {}
    for q in questions:
        codes = list(q.tasks.get(exam.code, ()))
        if not codes:
            continue
        if q.target not in where:
            where[q.target] = len(sections)
            label = section_labels.get(q.target) or q.topic or q.target
            sections.append([site_path(q.target, use_directory_urls), label])
        index[q.id] = [codes, question_domains(q, exam), where[q.target]]
    terms = task_terms(exam, glossary)
    return {
        "exam": exam.code,
        "rules": RULES,
        "quiz": site_path("practice/quiz.md", use_directory_urls),
        "domains": {d.number: {"title": d.title, "weight": d.weight} for d in exam.domains},
        "tasks": {
            code: {"domain": t.domain, "title": t.title, "terms": terms[code], "query": quiz_query(exam.code, code)}
            for code, t in exam.tasks.items()
        },
        "sections": sections,
        "questions": index,
    }


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def readiness_panel_html(exam: Exam) -> str:
    """The readiness table of the practice page: every domain and task, with dashes until
    docs/assets/js/readiness.js fills in the learner's estimates, so the page does not move when it does."""
    rows = []
    for d in exam.domains:
        key = f"{exam.code}:{d.number}"
        rows.append(
            f'<tr class="readiness-domain"><th scope="row">Domain {_e(d.number)}. {_e(d.title)} '
            f'<span class="progress-weight">({d.weight}%)</span></th>'
            f'<td data-ready="{_e(key)}">–</td><td data-ready-count="{_e(key)}">–</td></tr>'
        )
        for t in d.tasks:
            key = f"{exam.code}:{t.code}"
            rows.append(
                f'<tr class="readiness-task"><th scope="row">{_e(t.code)} {_e(t.title)}</th>'
                f'<td data-ready="{_e(key)}">–</td><td data-ready-count="{_e(key)}">–</td></tr>'
            )
    return "\n".join(
        [
            f'<section class="readiness" data-practice="readiness" data-exam="{_e(exam.code)}" data-search-exclude>',
            '<p class="readiness-summary">No answers yet: every estimate below is a band from 0 to 100%. '
            "Answer questions in the quiz or take a mock exam, and the bands narrow.</p>",
            f'<table class="readiness-table"><caption>{_e(exam.code)}: readiness by domain and task</caption>'
            '<thead><tr><th scope="col">Domain or task</th><th scope="col">Estimate (90% band)</th>'
            f'<th scope="col">Answers counted</th></tr></thead><tbody>{"".join(rows)}</tbody></table>',
            '<div class="readiness-weak" hidden></div>',
            '<p class="practice-status" role="status" aria-live="polite"></p>',
            "<noscript><p>The estimate is worked out by a small script in this page from the answers kept in this "
            "browser. Turn on JavaScript to see it.</p></noscript>",
            data_block({"exam": exam.code}),
            "</section>",
        ]
    )
