"""Exam guides (data/exams.yml): domains, tasks, skills, facts and mock formats."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studykit.errors import DataError, did_you_mean
from studykit.records.common import DATA_DIR, Expander, check_keys, https_url, text_field, display, read_yaml

EXAM_ROLES = ("current", "retired", "related")
FACT_STATUSES = {
    "confirmed": "Confirmed by AWS",
    "unconfirmed": "Not confirmed by AWS",
    "not-published": "Not yet published",
}


@dataclass(frozen=True)
class Skill:
    """A numbered statement under a task: an MLA-C02 skill, or an example the MLS-C01 guide names."""

    exam: str
    code: str  # "1.1.7"
    text: str
    task: str  # "1.1"
    new: bool = False  # added in this version of the exam
    examples: tuple[tuple[str, str], ...] = ()  # (what the guide names, the glossary term that teaches it)

    @property
    def ref(self) -> str:
        return f"{self.exam} {self.code}"


@dataclass(frozen=True)
class Task:
    exam: str
    code: str
    title: str
    domain: str
    domain_title: str
    weight: int
    skills: tuple[Skill, ...] = ()
    short: str = ""  # the label in the navigation, when the guide's title is too long for it

    @property
    def ref(self) -> str:
        return f"{self.exam} {self.code}"

    @property
    def label(self) -> str:
        return f"{self.code} {self.short or self.title}"


@dataclass(frozen=True)
class ExamFact:
    item: str
    value: str
    status: str
    source: str = ""
    note: str = ""

    @property
    def status_label(self) -> str:
        return FACT_STATUSES[self.status]


@dataclass(frozen=True)
class MockFormat:
    """A timed mock exam: its length, and an optional note that says where the numbers come from."""

    name: str
    questions: int
    minutes: int
    note: str = ""


@dataclass(frozen=True)
class Domain:
    number: str
    title: str
    weight: int
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class RemovedItem:
    """Something the predecessor's guide asked that this exam's guide no longer lists."""

    id: str
    task: str
    text: str
    older: str  # where older questions may still ask about it
    source: str


@dataclass(frozen=True)
class Exam:
    code: str
    name: str
    role: str  # current, retired or related
    level: str
    summary: str
    guide: str
    timeline: tuple[ExamFact, ...]
    facts: tuple[ExamFact, ...]
    domains: tuple[Domain, ...]
    mock: tuple[MockFormat, ...] = ()
    removed: tuple[RemovedItem, ...] = ()  # what this version dropped from its predecessor's guide

    @property
    def tasks(self) -> dict[str, Task]:
        return {t.code: t for d in self.domains for t in d.tasks}

    @property
    def skills(self) -> dict[str, Skill]:
        return {s.code: s for t in self.tasks.values() for s in t.skills}


EXAM_KEYS = {"name", "role", "level", "summary", "guide", "timeline", "facts", "domains", "mock", "removed"}
REMOVED_KEYS = {"id", "task", "text", "older", "source"}
FACT_KEYS = {"item", "value", "status", "source", "note"}
MOCK_KEYS = {"name", "questions", "minutes", "note"}


def _exam_fact(rec: Any, where: str, expand: Expander) -> ExamFact:
    if not isinstance(rec, dict):
        raise DataError(f"{where}: each entry must be a mapping with item, value and status.")
    check_keys(rec, FACT_KEYS, where)
    status = text_field(rec, "status", where)
    if status not in FACT_STATUSES:
        raise DataError(f"{where}: status '{status}' must be one of {', '.join(FACT_STATUSES)}.")
    source = text_field(rec, "source", where, required=status != "not-published")
    return ExamFact(
        item=text_field(rec, "item", where),
        value=expand.text(text_field(rec, "value", where), where),
        status=status,
        source=source,
        note=expand.text(text_field(rec, "note", where, required=False), where),
    )


def parse_exam(code: str, raw: Any, source: str, expand: Expander) -> Exam:
    where = f"{source}: exam '{code}'"
    if not isinstance(raw, dict):
        raise DataError(f"{where}: must be a mapping with name, role, level and domains.")
    check_keys(raw, EXAM_KEYS, where)
    role = text_field(raw, "role", where)
    if role not in EXAM_ROLES:
        raise DataError(f"{where}: role '{role}' must be one of {', '.join(EXAM_ROLES)}.")
    domains: list[Domain] = []
    for d in raw.get("domains") or []:
        dwhere = f"{where}, domain '{d.get('number', '?')}'"
        number = text_field(d, "number", dwhere)
        title = text_field(d, "title", dwhere)
        weight = d.get("weight")
        if not isinstance(weight, int):
            raise DataError(f"{dwhere}: 'weight' must be a whole number of percent.")
        tasks = []
        for t in d.get("tasks") or []:
            tcode = text_field(t, "code", dwhere)
            twhere = f"{where}, task {tcode}"
            if not tcode.startswith(f"{number}."):
                raise DataError(f"{twhere}: a task of domain {number} must be numbered {number}.N.")
            skills = []
            for i, sk in enumerate(t.get("skills") or []):
                scode = text_field(sk, "code", twhere)
                if scode != f"{tcode}.{i + 1}":
                    raise DataError(f"{twhere}: skill '{scode}' is out of order; expected {tcode}.{i + 1}.")
                swhere = f"{twhere}, skill {scode}"
                check_keys(sk, {"code", "text", "new", "examples"}, swhere)
                examples = sk.get("examples") or {}
                if not isinstance(examples, dict):
                    raise DataError(f"{swhere}: 'examples' must map what the guide names to a glossary term.")
                skills.append(Skill(code, scode, text_field(sk, "text", swhere), tcode, bool(sk.get("new")),
                                    tuple((str(k), str(v)) for k, v in examples.items())))
            tasks.append(Task(code, tcode, text_field(t, "title", twhere), number, title, weight, tuple(skills),
                              short=text_field(t, "short", twhere, required=False)))
        domains.append(Domain(number, title, weight, tuple(tasks)))
    if domains and sum(d.weight for d in domains) != 100:
        raise DataError(f"{where}: domain weights add up to {sum(d.weight for d in domains)}%, not 100%.")
    mock = []
    for m in raw.get("mock") or []:
        if not isinstance(m, dict):
            raise DataError(f"{where}, mock: each format must be a mapping with name, questions and minutes.")
        mwhere = f"{where}, mock '{m.get('name', '?')}'"
        check_keys(m, MOCK_KEYS, mwhere)
        questions, minutes = m.get("questions"), m.get("minutes")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (questions, minutes)):
            raise DataError(f"{mwhere}: 'questions' and 'minutes' must be whole numbers.")
        if not (1 <= questions <= 200 and 1 <= minutes <= 600):
            raise DataError(f"{mwhere}: {questions} questions in {minutes} minutes is not a plausible exam; check the numbers.")
        mock.append(MockFormat(text_field(m, "name", mwhere), questions, minutes,
                               expand.text(text_field(m, "note", mwhere, required=False), mwhere)))
    names = [m.name for m in mock]
    if len(set(names)) != len(names):
        raise DataError(f"{where}: two mock formats have the same name; each needs its own.")
    return Exam(
        code=code,
        name=text_field(raw, "name", where),
        role=role,
        level=text_field(raw, "level", where),
        summary=expand.text(text_field(raw, "summary", where), where),
        guide=https_url(text_field(raw, "guide", where), where),
        timeline=tuple(_exam_fact(r, f"{where}, timeline", expand) for r in raw.get("timeline") or []),
        facts=tuple(_exam_fact(r, f"{where}, facts", expand) for r in raw.get("facts") or []),
        domains=tuple(domains),
        mock=tuple(mock),
        removed=tuple(_removed_item(r, f"{where}, removed", {t.code for d in domains for t in d.tasks})
                      for r in raw.get("removed") or []),
    )


def _removed_item(rec: Any, where: str, tasks: set[str]) -> RemovedItem:
    if not isinstance(rec, dict):
        raise DataError(f"{where}: each entry must be a mapping with {', '.join(sorted(REMOVED_KEYS))}.")
    check_keys(rec, REMOVED_KEYS, where)
    item = RemovedItem(text_field(rec, "id", where), text_field(rec, "task", where), text_field(rec, "text", where),
                       text_field(rec, "older", where), https_url(text_field(rec, "source", where), where))
    if item.task not in tasks:
        raise DataError(f"{where} '{item.id}': task '{item.task}' is not a task of the exam.")
    return item


def load_exams(path: Path | None = None, expand: Expander | None = None) -> dict[str, Exam]:
    """{exam code: Exam} from data/exams.yml, in file order."""
    path = path or DATA_DIR / "exams.yml"
    raw = read_yaml(path)
    source = display(path)
    if not isinstance(raw, dict):
        raise DataError(f"{source}: must map each exam code (MLS-C01, MLA-C02, ...) to its guide.")
    return {str(code): parse_exam(str(code), guide, source, expand or Expander()) for code, guide in raw.items()}


REF = re.compile(r"^(?P<exam>[A-Z]{3}-C\d\d) (?P<code>\d+(?:\.\d+){1,2})$")


def parse_ref(ref: str, exams: dict[str, Exam], where: str, level: str = "any") -> Task | Skill:
    """"MLA-C02 1.1" (a task) or "MLA-C02 1.1.7" (a skill), checked against the exam guides."""
    match = REF.match(str(ref).strip())
    if not match:
        raise DataError(f"{where}: '{ref}' is not an exam reference. Write it as 'MLA-C02 1.1' or 'MLA-C02 1.1.7'.")
    exam = exams.get(match.group("exam"))
    if exam is None:
        raise DataError(f"{where}: unknown exam '{match.group('exam')}' in '{ref}'.{did_you_mean(match.group('exam'), list(exams))}")
    code = match.group("code")
    is_skill = code.count(".") == 2
    if level == "task" and is_skill:
        raise DataError(f"{where}: '{ref}' names a skill; name its task statement instead ({ref.rsplit('.', 1)[0]}).")
    if level == "skill" and not is_skill:
        raise DataError(f"{where}: '{ref}' names a task; name one of its numbered skills instead (such as {ref}.1).")
    found = (exam.skills if is_skill else exam.tasks).get(code)
    if found is None:
        known = list(exam.skills if is_skill else exam.tasks)
        raise DataError(f"{where}: {exam.code} has no {'skill' if is_skill else 'task'} '{code}'.{did_you_mean(code, known)} See data/exams.yml.")
    return found


