"""Written questions (data/questions/): scenario, stem, options and the task they drill."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studykit.dates import Day, parse_day
from studykit.errors import DataError
from studykit.records.common import (DATA_DIR, Expander, check_keys, https_url,
    text_field, text_list, display, read_yaml)
from studykit.records.exams import Exam, Task, load_exams, parse_ref


@dataclass(frozen=True)
class Answer:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class BankQuestion:
    """A written exam-style question: a scenario, a stem and options that each explain themselves."""

    id: str
    source: str
    scenario: str
    stem: str
    choose: int
    options: tuple[Answer, ...]
    tasks: tuple[Task, ...]
    teach: str  # docs path#anchor of the section that teaches it
    sources: tuple[str, ...] = ()
    checked: Day | None = None  # when the sources were last read against the question
    decision: str = ""  # questions that test the same decision share this; a mock draws one of them

    @property
    def multiple(self) -> bool:
        return self.choose > 1


QUESTION_KEYS = {"id", "scenario", "stem", "choose", "options", "tasks", "teach", "sources", "checked", "decision"}
ANSWER_KEYS = {"text", "correct", "why"}
NUMBER_WORDS = {2: "two", 3: "three"}


def parse_question(rec: Any, source: str, index: int, exams: dict[str, Exam]) -> BankQuestion:
    if not isinstance(rec, dict):
        raise DataError(f"{source}: question #{index + 1} must be a mapping.")
    where = f"{source}: question '{rec.get('id') or f'#{index + 1}'}'"
    check_keys(rec, QUESTION_KEYS, where)
    qid = text_field(rec, "id", where)
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", qid):
        raise DataError(f"{where}: id must be lower-case words joined by hyphens.")
    choose = rec.get("choose", 1)
    if choose not in (1, 2, 3):
        raise DataError(f"{where}: 'choose' must be 1 (single answer), 2 or 3 (multiple response).")
    options = []
    for i, opt in enumerate(rec.get("options") or []):
        owhere = f"{where}, option {i + 1}"
        if not isinstance(opt, dict):
            raise DataError(f"{owhere}: must be a mapping with text, why and (for right answers) correct: true.")
        check_keys(opt, ANSWER_KEYS, owhere)
        if opt.get("correct", False) not in (True, False):
            raise DataError(f"{owhere}: 'correct' must be true or false.")
        options.append(Answer(text_field(opt, "text", owhere), bool(opt.get("correct", False)), text_field(opt, "why", owhere)))
    low, high = (4, 5) if choose == 1 else (5, 6)
    if not low <= len(options) <= high:
        kind = "a single-answer question" if choose == 1 else "a multiple-response question"
        raise DataError(f"{where}: has {len(options)} options; {kind} needs {low} to {high}.")
    right = sum(o.correct for o in options)
    if right != choose:
        raise DataError(f"{where}: marks {right} option(s) correct but asks to choose {choose}. Fix 'correct:' or 'choose:'.")
    texts = [o.text.casefold() for o in options]
    if len(set(texts)) != len(texts):
        raise DataError(f"{where}: two options have the same text.")
    tasks = tuple(parse_ref(r, exams, where, level="task") for r in text_list(rec, "tasks", where, required=True))
    exams_named = {t.exam for t in tasks}
    current = [code for code, exam in exams.items() if exam.role == "current"]
    if not set(current) <= exams_named:
        raise DataError(f"{where}: 'tasks' must name at least one task of {', '.join(current)}.")
    sources = tuple(https_url(url, f"{where}: sources") for url in text_list(rec, "sources", where))
    checked = parse_day(rec["checked"], f"{where}: checked") if rec.get("checked") is not None else None
    if sources and checked is None:
        raise DataError(f"{where}: has 'sources:' but no 'checked:'. Add 'checked: YYYY-MM-DD', the day you read the sources against the question.")
    decision = text_field(rec, "decision", where, required=False)
    if decision and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", decision):
        raise DataError(f"{where}: 'decision' must be lower-case words joined by hyphens, shared by the questions that test one decision.")
    teach = text_field(rec, "teach", where)
    if "#" not in teach or not teach.split("#")[0].endswith(".md"):
        raise DataError(f"{where}: 'teach' must be a docs page and section, such as domain-1-data-preparation/data-collection.md#one-data-repository.")
    return BankQuestion(qid, source, text_field(rec, "scenario", where), text_field(rec, "stem", where), choose, tuple(options), tasks, teach,
                        sources, checked, decision)


def load_questions(directory: Path | None = None, exams: dict[str, Exam] | None = None,
                   expand: Expander | None = None) -> list[BankQuestion]:
    directory = directory or DATA_DIR / "questions"
    exams = exams if exams is not None else load_exams()
    expand = expand or Expander()
    questions: list[BankQuestion] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.yml")):
        source = display(path)
        records = expand(read_yaml(path), source)
        if records is None:
            continue
        if not isinstance(records, list):
            raise DataError(f"{source}: a question file must be a list of questions ('- id: ...').")
        for i, rec in enumerate(records):
            q = parse_question(rec, source, i, exams)
            if q.id in seen:
                raise DataError(f"{source}: question id '{q.id}' is already used in {seen[q.id]}. Ids must be unique.")
            seen[q.id] = source
            questions.append(q)
    return questions


