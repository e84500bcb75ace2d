"""Load and validate the files in data/.

Every problem raises DataError with the file, the record and the fix, so a
contributor's mistake fails the build with a message that names its culprit.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


class DataError(ValueError):
    """A data file is malformed; the message names the file, record and fix."""


FACT_PLACEHOLDER = re.compile(r"\{fact:([a-z0-9-]+)\}")


def expand_facts(raw: Any, facts: dict[str, str], source: str) -> Any:
    """Replace {fact:id} in data text with the current fact, so a changed fact is stated once."""
    if isinstance(raw, str):
        def sub(match: re.Match[str]) -> str:
            key = match.group(1)
            if key not in facts:
                near = closest(key, list(facts))
                hint = f" Closest ids: {', '.join(near)}." if near else ""
                raise DataError(f"{source}: unknown fact '{{fact:{key}}}'.{hint} Facts live in data/changes/.")
            return facts[key]
        return FACT_PLACEHOLDER.sub(sub, raw)
    if isinstance(raw, list):
        return [expand_facts(v, facts, source) for v in raw]
    if isinstance(raw, dict):
        return {k: expand_facts(v, facts, source) for k, v in raw.items()}
    return raw


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def closest(word: str, candidates: list[str], n: int = 3) -> list[str]:
    return difflib.get_close_matches(word.lower(), candidates, n=n, cutoff=0.5)


def read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{display(path)}: file not found") from None
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DataError(
            f"{display(path)}{where}: invalid YAML ({err.problem or err.context}). "
            "Check the indentation and quoting on that line."
        ) from None
    except yaml.YAMLError as err:
        raise DataError(f"{display(path)}: invalid YAML ({err})") from None


def display(path: Path) -> str:
    try:
        return str(path.relative_to(DATA_DIR.parent))
    except ValueError:
        return str(path)


def _text(record: dict, key: str, where: str, required: bool = True) -> str:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise DataError(f"{where}: missing required field '{key}'. Add '{key}: ...' to the record.")
        return ""
    if not isinstance(value, (str, int, float)):
        raise DataError(f"{where}: field '{key}' must be text, got {type(value).__name__}.")
    return str(value).strip()


def _text_list(record: dict, key: str, where: str, required: bool = False) -> tuple[str, ...]:
    value = record.get(key)
    if value is None:
        if required:
            raise DataError(f"{where}: missing required field '{key}'. Add a list under '{key}:'.")
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise DataError(f"{where}: field '{key}' must be a list of text items.")
    if required and not value:
        raise DataError(f"{where}: field '{key}' must not be empty.")
    return tuple(str(v).strip() for v in value)


def _check_keys(record: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(record) - allowed)
    if unknown:
        hints = []
        for key in unknown:
            near = closest(key, sorted(allowed), n=1)
            hints.append(f"'{key}'" + (f" (did you mean '{near[0]}'?)" if near else ""))
        raise DataError(f"{where}: unknown field {', '.join(hints)}. Allowed fields: {', '.join(sorted(allowed))}.")


# --------------------------------------------------------------------------- glossary


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    anchor: str
    source: str
    aliases: tuple[str, ...] = ()
    abbreviation: str = ""
    formerly: tuple[str, ...] = ()
    details: str = ""
    related: tuple[str, ...] = ()
    docs: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling that finds this term."""
        extra = (self.abbreviation,) if self.abbreviation else ()
        return (self.term, *self.aliases, *extra, *self.formerly)


GLOSSARY_FIELDS = {"term", "definition", "aliases", "abbreviation", "formerly", "details", "related", "docs", "id"}


@dataclass
class Glossary:
    terms: list[Term]
    by_name: dict[str, Term] = field(default_factory=dict)

    def __post_init__(self) -> None:
        anchors: dict[str, Term] = {}
        for entry in self.terms:
            for name in entry.names:
                key = name.lower()
                if key in self.by_name:
                    other = self.by_name[key]
                    raise DataError(
                        f"{entry.source}: '{name}' (term '{entry.term}') is already a name of "
                        f"term '{other.term}' in {other.source}. Each term, alias and abbreviation must be unique."
                    )
                self.by_name[key] = entry
            if entry.anchor in anchors:
                other = anchors[entry.anchor]
                raise DataError(
                    f"{entry.source}: term '{entry.term}' has the anchor '#{entry.anchor}', "
                    f"already used by '{other.term}' in {other.source}. Give one of them an 'id:'."
                )
            anchors[entry.anchor] = entry
        for entry in self.terms:
            for rel in entry.related:
                if rel.lower() not in self.by_name:
                    near = closest(rel, list(self.by_name))
                    hint = f" Did you mean: {', '.join(near)}?" if near else ""
                    raise DataError(
                        f"{entry.source}: term '{entry.term}' lists related term '{rel}', "
                        f"which is not in the glossary.{hint}"
                    )

    def lookup(self, name: str) -> Term | None:
        return self.by_name.get(name.strip().lower())

    def sorted_terms(self) -> list[Term]:
        return sorted(self.terms, key=lambda t: t.term.lower())


def parse_term(record: Any, source: str, index: int) -> Term:
    if not isinstance(record, dict):
        raise DataError(f"{source}: entry #{index + 1} must be a mapping with 'term:' and 'definition:'.")
    label = record.get("term") or f"entry #{index + 1}"
    where = f"{source}: term '{label}'"
    _check_keys(record, GLOSSARY_FIELDS, where)
    term = _text(record, "term", where)
    docs = _text(record, "docs", where, required=False)
    if docs and not docs.startswith("https://"):
        raise DataError(f"{where}: 'docs' must be an https:// link to the AWS documentation.")
    return Term(
        term=term,
        definition=_text(record, "definition", where),
        anchor=_text(record, "id", where, required=False) or slugify(term),
        source=source,
        aliases=_text_list(record, "aliases", where),
        abbreviation=_text(record, "abbreviation", where, required=False),
        formerly=_text_list(record, "formerly", where),
        details=_text(record, "details", where, required=False),
        related=_text_list(record, "related", where),
        docs=docs,
    )


def load_glossary(directory: Path | None = None, facts: dict[str, str] | None = None) -> Glossary:
    directory = directory or DATA_DIR / "glossary"
    files = sorted(directory.glob("*.yml"))
    if not files:
        raise DataError(f"{display(directory)}: no glossary files (*.yml) found.")
    terms: list[Term] = []
    for path in files:
        source = display(path)
        records = expand_facts(read_yaml(path), facts or {}, source)
        if records is None:
            continue
        if not isinstance(records, list):
            raise DataError(f"{source}: a glossary file must be a list of terms ('- term: ...').")
        terms.extend(parse_term(r, source, i) for i, r in enumerate(records))
    return Glossary(terms)


# --------------------------------------------------------------------------- decisions


@dataclass(frozen=True)
class Option:
    id: str
    name: str
    section: str
    fields: dict[str, Any]
    term: str = ""
    formerly: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scenario:
    id: str
    task: str
    answer: str
    why: str
    distractors: tuple[str, ...] = ()
    section: str = ""


@dataclass(frozen=True)
class Decision:
    """A "which service / tool / technique?" topic: options and scenarios."""

    key: str
    topic: str
    question: str
    page: str
    source: str
    fields: dict[str, str]
    options: tuple[Option, ...]
    scenarios: tuple[Scenario, ...]

    def option(self, option_id: str) -> Option:
        for opt in self.options:
            if opt.id == option_id:
                return opt
        near = closest(option_id, [o.id for o in self.options])
        hint = f" Did you mean: {', '.join(near)}?" if near else ""
        raise DataError(f"{self.source}: no option with id '{option_id}'.{hint}")


DECISION_KEYS = {"topic", "question", "page", "fields", "options", "scenarios"}
OPTION_KEYS = {"id", "name", "section", "term", "formerly"}
SCENARIO_KEYS = {"id", "task", "answer", "why", "distractors", "section"}


def parse_decision(raw: Any, key: str, source: str) -> Decision:
    if not isinstance(raw, dict):
        raise DataError(f"{source}: must be a mapping with topic, question, page, fields, options and scenarios.")
    _check_keys(raw, DECISION_KEYS, source)
    topic = _text(raw, "topic", source)
    question = _text(raw, "question", source)
    page = _text(raw, "page", source)
    fields = raw.get("fields") or {}
    if not isinstance(fields, dict):
        raise DataError(f"{source}: 'fields' must map each field name to its column label.")
    fields = {str(k): str(v) for k, v in fields.items()}

    options: list[Option] = []
    for i, rec in enumerate(raw.get("options") or []):
        if not isinstance(rec, dict):
            raise DataError(f"{source}: option #{i + 1} must be a mapping.")
        where = f"{source}: option '{rec.get('id') or f'#{i + 1}'}'"
        _check_keys(rec, OPTION_KEYS | set(fields), where)
        for name in fields:
            if rec.get(name) in (None, "", []):
                raise DataError(f"{where}: missing field '{name}' ({fields[name]}). Every option needs it.")
        options.append(
            Option(
                id=_text(rec, "id", where),
                name=_text(rec, "name", where),
                section=_text(rec, "section", where),
                term=_text(rec, "term", where, required=False),
                formerly=_text_list(rec, "formerly", where),
                fields={name: rec[name] for name in fields},
            )
        )
    if len(options) < 2:
        raise DataError(f"{source}: needs at least two options to choose between.")
    ids = [o.id for o in options]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise DataError(f"{source}: duplicate option id {', '.join(dupes)}.")

    scenarios: list[Scenario] = []
    for i, rec in enumerate(raw.get("scenarios") or []):
        if not isinstance(rec, dict):
            raise DataError(f"{source}: scenario #{i + 1} must be a mapping.")
        where = f"{source}: scenario '{rec.get('id') or f'#{i + 1}'}'"
        _check_keys(rec, SCENARIO_KEYS, where)
        scenario = Scenario(
            id=_text(rec, "id", where),
            task=_text(rec, "task", where),
            answer=_text(rec, "answer", where),
            why=_text(rec, "why", where),
            distractors=_text_list(rec, "distractors", where),
            section=_text(rec, "section", where, required=False),
        )
        for ref in (scenario.answer, *scenario.distractors):
            if ref not in ids:
                near = closest(ref, ids)
                hint = f" Did you mean: {', '.join(near)}?" if near else ""
                raise DataError(f"{where}: '{ref}' is not an option id in this file.{hint}")
        if scenario.answer in scenario.distractors:
            raise DataError(f"{where}: the answer '{scenario.answer}' is also listed as a distractor.")
        scenarios.append(scenario)
    sids = [s.id for s in scenarios]
    dupes = sorted({i for i in sids if sids.count(i) > 1})
    if dupes:
        raise DataError(f"{source}: duplicate scenario id {', '.join(dupes)}.")
    return Decision(key, topic, question, page, source, fields, tuple(options), tuple(scenarios))


def load_decisions(directory: Path | None = None, facts: dict[str, str] | None = None) -> dict[str, Decision]:
    directory = directory or DATA_DIR / "decisions"
    return {
        path.stem: parse_decision(expand_facts(read_yaml(path), facts or {}, display(path)), path.stem, display(path))
        for path in sorted(directory.glob("*.yml"))
    }


# --------------------------------------------------------------------------- changed facts


@dataclass(frozen=True)
class Change:
    id: str
    subject: str
    was: str
    now: str
    short: str
    when: str
    sources: tuple[str, ...]


CHANGE_KEYS = {"id", "subject", "was", "now", "short", "when", "sources"}


def parse_changes(records: Any, source: str) -> list[Change]:
    if records is None:
        return []
    if not isinstance(records, list):
        raise DataError(f"{source}: must be a list of changes ('- id: ...').")
    parsed = []
    for i, rec in enumerate(records):
        if not isinstance(rec, dict):
            raise DataError(f"{source}: entry #{i + 1} must be a mapping.")
        where = f"{source}: change '{rec.get('id') or f'#{i + 1}'}'"
        _check_keys(rec, CHANGE_KEYS, where)
        change = Change(
            id=_text(rec, "id", where),
            subject=_text(rec, "subject", where),
            was=_text(rec, "was", where),
            now=_text(rec, "now", where),
            short=_text(rec, "short", where),
            when=_text(rec, "when", where),
            sources=_text_list(rec, "sources", where, required=True),
        )
        if any(not s.startswith("https://") for s in change.sources):
            raise DataError(f"{where}: every source must be an https:// link to an AWS page.")
        parsed.append(change)
    return parsed


def load_changes(directory: Path | None = None) -> dict[str, Change]:
    """Facts AWS changed since the source notes were written, from data/changes/*.yml."""
    directory = directory or DATA_DIR / "changes"
    changes: dict[str, Change] = {}
    for path in sorted(directory.glob("*.yml")):
        source = display(path)
        for change in parse_changes(read_yaml(path), source):
            if change.id in changes:
                raise DataError(f"{source}: change '{change.id}' is already defined. Ids must be unique.")
            changes[change.id] = change
    return changes


def short_facts(changes: dict[str, Change]) -> dict[str, str]:
    return {key: change.short for key, change in changes.items()}


# --------------------------------------------------------------------------- exam guides


@dataclass(frozen=True)
class Task:
    exam: str
    code: str
    title: str
    domain: str
    domain_title: str
    weight: int


def load_exams(path: Path | None = None) -> dict[str, dict[str, Task]]:
    """Return {exam code: {task code: Task}} from data/exams.yml."""
    path = path or DATA_DIR / "exams.yml"
    return parse_exams(read_yaml(path), display(path))


def parse_exams(raw: Any, source: str = "data/exams.yml") -> dict[str, dict[str, Task]]:
    """Index the exam guides (as exam_guides() returns them) by exam and task code."""
    if not isinstance(raw, dict):
        raise DataError(f"{source}: must map each exam code (MLS-C01, MLA-C01) to its guide.")
    exams: dict[str, dict[str, Task]] = {}
    for exam, guide in raw.items():
        where = f"{source}: exam '{exam}'"
        if not isinstance(guide, dict) or not isinstance(guide.get("domains"), list):
            raise DataError(f"{where}: needs 'name' and a list of 'domains'.")
        tasks: dict[str, Task] = {}
        for d in guide["domains"]:
            dwhere = f"{where}, domain '{d.get('number', '?')}'"
            number = _text(d, "number", dwhere)
            title = _text(d, "title", dwhere)
            weight = d.get("weight")
            if not isinstance(weight, int):
                raise DataError(f"{dwhere}: 'weight' must be a whole number of percent.")
            for t in d.get("tasks") or []:
                code = _text(t, "code", dwhere)
                tasks[code] = Task(exam, code, _text(t, "title", f"{dwhere}, task {code}"), number, title, weight)
        exams[str(exam)] = tasks
    return exams


def exam_guides(path: Path | None = None) -> dict[str, Any]:
    """The raw exam guide data, for tables of domains and weights."""
    return read_yaml(path or DATA_DIR / "exams.yml")
