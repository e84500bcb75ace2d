"""Practice from the same data as the notes: quiz questions, flashcards and the progress panel.

Pure, typed functions with no MkDocs import. Every decision scenario in data/decisions/*.yml becomes
a four-choice question; every glossary term becomes a flashcard. The HTML works without JavaScript
(each answer sits in a <details>); docs/assets/js/practice.js reads the embedded JSON and makes it
interactive. Progress stays in the reader's browser.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .data import DataError, Decision, Glossary, Task
from .pages import built_file
from .render import GLOSSARY_PAGE, rel

CHOICES = 4
LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


@dataclass(frozen=True)
class Question:
    """One scenario of a decision file as a multiple-choice question."""

    id: str  # "<decision key>/<scenario id>", unique across the site
    decision: str
    topic: str
    prompt: str  # the decision's question, e.g. "Which Kinesis service?"
    task: str
    choices: tuple[Choice, ...]
    answer: str  # the id of the right choice
    why: str
    target: str  # docs path and anchor of the section that teaches it
    source: str  # the data file, for error messages

    @property
    def answer_label(self) -> str:
        return next(c.label for c in self.choices if c.id == self.answer)


@dataclass(frozen=True)
class StudyPage:
    """A notes page as the progress panel counts it."""

    id: str  # docs path without .md, the key of its "studied" mark
    title: str
    domain: str  # MLS-C01 domain number of the page's first task


# --------------------------------------------------------------------------- questions


def _rank(seed: str, item: str) -> str:
    """A stable sort key: the same seed and item give the same order on every build and machine."""
    return hashlib.sha256(f"{seed}\x00{item}".encode()).hexdigest()


def build_questions(decisions: Mapping[str, Decision]) -> list[Question]:
    """One question per scenario of every decision, each with the answer and three distractors."""
    questions: list[Question] = []
    for key, decision in decisions.items():
        options = decision.options
        if len(options) < CHOICES:
            raise DataError(
                f"{decision.source}: has {len(options)} options, but every scenario becomes a quiz question "
                f"with {CHOICES} choices taken from this file (the answer and {CHOICES - 1} wrong ones). "
                f"Add {CHOICES - len(options)} more option(s) to this file."
            )
        names: dict[str, str] = {}
        for opt in options:
            label = opt.name.casefold()
            if label in names:
                raise DataError(
                    f"{decision.source}: options '{names[label]}' and '{opt.id}' have the same name "
                    f"'{opt.name}'; quiz choices must read differently. Rename one of them."
                )
            names[label] = opt.id
        for scenario in decision.scenarios:
            qid = f"{key}/{scenario.id}"
            preferred: list[str] = []
            for ref in scenario.distractors:
                if ref != scenario.answer and ref not in preferred:
                    preferred.append(ref)
            others = sorted(
                (o.id for o in options if o.id != scenario.answer and o.id not in preferred),
                key=lambda oid: _rank(qid, "distractor:" + oid),
            )
            picked = (preferred + others)[: CHOICES - 1]
            order = sorted([scenario.answer, *picked], key=lambda oid: _rank(qid, "order:" + oid))
            answer = decision.option(scenario.answer)
            questions.append(
                Question(
                    id=qid,
                    decision=key,
                    topic=decision.topic,
                    prompt=decision.question,
                    task=scenario.task,
                    choices=tuple(Choice(oid, decision.option(oid).name) for oid in order),
                    answer=scenario.answer,
                    why=scenario.why,
                    target=f"{decision.page}#{scenario.section or answer.section}",
                    source=decision.source,
                )
            )
    return questions


# --------------------------------------------------------------------------- links and data


def href(target: str, page_src: str, use_directory_urls: bool = True) -> str:
    """A link from page `page_src` to docs file `target` (with optional #anchor), relative so any site_url works."""
    path, _, anchor = target.partition("#")
    link = rel(built_file(path, use_directory_urls), built_file(page_src, use_directory_urls))
    if use_directory_urls and (link == "index.html" or link.endswith("/index.html")):
        link = link[: -len("index.html")] or "./"
    return f"{link}#{anchor}" if anchor else link


def script_json(data: Any) -> str:
    """JSON safe inside <script type="application/json">: no `<`, `>` or `&` can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _data_block(data: Any) -> str:
    return f'<script type="application/json" class="practice-data">{script_json(data)}</script>'


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _dom_id(prefix: str, value: str) -> str:
    return prefix + "".join(c if c.isalnum() else "-" for c in value.lower())


# --------------------------------------------------------------------------- quiz


def quiz_data(questions: Sequence[Question]) -> list[dict[str, Any]]:
    """What the script needs beyond the visible text: ids, topic, choice order and the answer.

    The task, choices, why and link are read from the static list, so the page carries each text once
    (the quiz page has a weight budget).
    """
    return [
        {"id": q.id, "topic": q.topic, "choices": [c.id for c in q.choices], "answer": q.answer}
        for q in questions
    ]


def quiz_html(questions: Sequence[Question], page_src: str, use_directory_urls: bool = True) -> str:
    """The quiz: a readable list of questions with their answers in <details>, plus data for the script."""
    if not questions:
        return '<p class="practice-empty">No questions yet: add scenarios to a file in data/decisions/.</p>'
    topics = sorted({q.topic for q in questions}, key=str.casefold)
    out = [
        # A <section> root: Material's search parser matches excluded elements by tag name, so an inner
        # <div> would end a <div data-search-exclude> early.
        '<section class="practice-quiz" data-practice="quiz" data-search-exclude>',
        '<div class="practice-app" hidden></div>',
        f'<p class="practice-static-intro">{len(questions)} questions on {len(topics)} '
        f'topic{"s" if len(topics) != 1 else ""}: {_e(", ".join(topics))}.</p>',
        '<ol class="quiz-list">',
    ]
    for q in questions:
        link = href(q.target, page_src, use_directory_urls)
        choices = "".join(
            f'<li data-choice="{_e(c.id)}"><span class="quiz-letter">{LETTERS[i]}.</span> '
            f'<span class="quiz-label">{_e(c.label)}</span></li>'
            for i, c in enumerate(q.choices)
        )
        out.append(
            f'<li class="quiz-question" id="{_e(_dom_id("q-", q.id))}" data-question="{_e(q.id)}">'
            f'<p class="quiz-topic">{_e(q.topic)}</p>'
            f'<p class="quiz-task">{_e(q.task)}</p>'
            f'<p class="quiz-prompt"><strong>{_e(q.prompt)}</strong></p>'
            f'<ul class="quiz-choices">{choices}</ul>'
            f'<details class="quiz-answer"><summary>Show the answer</summary>'
            f'<p><strong>Answer: {_e(q.answer_label)}</strong></p>'
            f'<p class="quiz-why">{_e(q.why)}</p>'
            f'<p><a class="quiz-link" href="{_e(link)}">Read the section that teaches it</a></p>'
            f"</details></li>"
        )
    out += ["</ol>", _data_block(quiz_data(questions)), "</section>"]
    return "\n".join(out)


# --------------------------------------------------------------------------- flashcards


def flashcard_data(glossary: Glossary, page_src: str, use_directory_urls: bool = True) -> list[dict[str, str]]:
    return [
        {
            "id": entry.anchor,
            "term": entry.term,
            "definition": entry.definition,
            "href": href(f"{GLOSSARY_PAGE}#{entry.anchor}", page_src, use_directory_urls),
        }
        for entry in glossary.sorted_terms()
    ]


def flashcards_html(glossary: Glossary, page_src: str, use_directory_urls: bool = True) -> str:
    """The deck: each term in a <details> that reveals its definition, plus data for the script."""
    cards = flashcard_data(glossary, page_src, use_directory_urls)
    out = [
        '<section class="practice-cards" data-practice="flashcards" data-search-exclude>',
        '<div class="practice-app" hidden></div>',
        f'<p class="practice-static-intro">{len(cards)} cards, one for each glossary term.</p>',
        '<div class="flashcard-list">',
    ]
    for card in cards:
        out.append(
            f'<details class="flashcard-static" id="{_e(_dom_id("card-", card["id"]))}">'
            f'<summary>{_e(card["term"])}</summary>'
            f'<p>{_e(card["definition"])}</p>'
            f'<p><a href="{_e(card["href"])}">Glossary entry for {_e(card["term"])}</a></p>'
            f"</details>"
        )
    out += ["</div>", _data_block(cards), "</section>"]
    return "\n".join(out)


# --------------------------------------------------------------------------- progress


def page_id(src: str) -> str:
    """The key of a page's "studied" mark: its docs path without .md (the same as render.exam_map)."""
    return src[:-3] if src.endswith(".md") else src


def primary_domain(meta: Mapping[str, Any], exams: Mapping[str, Mapping[str, Task]]) -> str:
    """The MLS-C01 domain of a page's first task (the same rule as render.exam_map)."""
    codes = (meta.get("exam") or {}).get("MLS-C01") or []
    if not codes:
        return ""
    code = str(codes[0])
    task = exams.get("MLS-C01", {}).get(code)
    return str(task.domain) if task else code.split(".")[0]


def question_domains(questions: Iterable[Question], pages: Iterable[StudyPage]) -> dict[str, str]:
    """Each question's MLS-C01 domain: the domain of the page that teaches it."""
    by_page = {page.id: page.domain for page in pages}
    return {q.id: by_page.get(page_id(q.target.partition("#")[0]), "") for q in questions}


def progress_panel_html(
    guide: Mapping[str, Any], pages: Sequence[StudyPage], questions: Sequence[Question]
) -> str:
    """Studied pages and quiz score per MLS-C01 domain; the script fills in the reader's numbers."""
    qdomains = question_domains(questions, pages)
    domains = []
    rows = []
    for d in guide["domains"]:
        number = str(d["number"])
        ids = [p.id for p in pages if p.domain == number]
        asked = sum(1 for dom in qdomains.values() if dom == number)
        domains.append({"number": number, "title": str(d["title"]), "pages": ids})
        quiz_cell = (
            f'<span data-quiz-right="{_e(number)}">–</span> right of {asked}' if asked else "No questions yet"
        )
        rows.append(
            f'<tr><td>{_e(number)}. {_e(d["title"])}</td>'
            f'<td><span data-studied="{_e(number)}">–</span> of {len(ids)}</td>'
            f"<td>{quiz_cell}</td></tr>"
        )
    data = {"domains": domains, "questions": qdomains}
    return "\n".join(
        [
            '<section class="practice-progress" data-practice="progress" data-search-exclude>',
            '<table><thead><tr><th scope="col">MLS-C01 domain</th><th scope="col">Pages studied</th>'
            '<th scope="col">Quiz</th></tr></thead><tbody>',
            *rows,
            "</tbody></table>",
            f'<p class="progress-quiz">Quiz overall: <span data-quiz-right="all">–</span> right of '
            f"{len(questions)} questions.</p>",
            '<p class="progress-actions" hidden><button type="button" class="practice-button" '
            'data-action="clear-progress">Clear my progress</button></p>',
            '<p class="practice-status" role="status" aria-live="polite"></p>',
            "<noscript><p>Your progress is counted by a small script in this page. "
            "Turn on JavaScript to see it.</p></noscript>",
            _data_block(data),
            "</section>",
        ]
    )
