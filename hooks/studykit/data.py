"""All of data/ at once: every record type read, validated and cross-filled for the build date.

Each record type has its own module in studykit/records/; this module loads them in the order their
placeholders need and re-exports their names, so the rest of the package imports the data layer from
one place. Every problem raises DataError with the file, the record and the fix.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from studykit.dates import Day, build_date
from studykit.errors import DataError, closest, did_you_mean
from studykit.records.changes import Change, load_changes, parse_changes, short_facts
from studykit.records.common import DATA_DIR, SAFE_LOADER, Expander, read_yaml, slugify
from studykit.records.decisions import Decision, Option, Scenario, load_decisions, parse_decision
from studykit.records.exams import (Domain, Exam, ExamFact, MockFormat, RemovedItem, Skill, Task, load_exams,
                                    parse_exam, parse_ref)
from studykit.records.glossary import Glossary, Term, glossary_letter, load_glossary, parse_term, sort_name
from studykit.records.questions import Answer, BankQuestion, load_questions, parse_question

__all__ = [
    "DATA_DIR", "SAFE_LOADER", "Answer", "BankQuestion", "Change", "DataError", "Day", "Decision", "Domain",
    "Exam", "ExamFact", "Expander", "Glossary", "MockFormat", "Option", "RemovedItem", "Scenario", "Skill",
    "StudyData", "Task", "Term", "closest", "did_you_mean", "glossary_letter", "load_all", "load_changes",
    "load_decisions", "load_exams", "load_glossary", "load_questions", "parse_changes", "parse_decision",
    "parse_exam", "parse_question", "parse_ref", "parse_term", "read_yaml", "short_facts", "slugify", "sort_name",
]


@dataclass
class StudyData:
    today: dt.date
    changes: dict[str, Change]
    glossary: Glossary
    decisions: dict[str, Decision]
    exams: dict[str, Exam]
    questions: list[BankQuestion]

    @property
    def current_exam(self) -> Exam:
        return next(e for e in self.exams.values() if e.role == "current")


def load_all(data_dir: Path | None = None, today: dt.date | None = None) -> StudyData:
    """Every data file, validated and with facts and dates filled in for the build date."""
    base = data_dir or DATA_DIR
    today = today or build_date()
    changes = load_changes(base / "changes", today)
    expand = Expander(short_facts(changes), today)
    exams = load_exams(base / "exams.yml", expand)
    return StudyData(
        today=today,
        changes=changes,
        glossary=load_glossary(base / "glossary", expand),
        decisions=load_decisions(base / "decisions", expand),
        exams=exams,
        questions=load_questions(base / "questions", exams, expand),
    )
