"""Load and validate the files in data/.

Every problem raises DataError with the file, the record and the fix, so a
contributor's mistake fails the build with a message that names its culprit.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .dates import DATED, Day, build_date, expand_dates, parse_day, typed_dates, undated_problem
from .errors import DataError, closest, did_you_mean

__all__ = ["DataError", "closest", "did_you_mean"]

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
# libyaml's loader where PyYAML has it: the data is about 100 files, and the pure-Python one takes seconds.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FACT_PLACEHOLDER = re.compile(r"\{fact:([a-z0-9-]+)\}")


@dataclass(frozen=True)
class Expander:
    """Fills the placeholders of data text: {fact:id} with a changed fact's current value, and
    {verb:date} with a phrase in the right tense for the build date (see studykit.dates)."""

    facts: dict[str, str] = field(default_factory=dict)
    today: dt.date = field(default_factory=build_date)

    def text(self, raw: str, source: str) -> str:
        def sub(match: re.Match[str]) -> str:
            key = match.group(1)
            if key not in self.facts:
                near = closest(key, list(self.facts))
                hint = f" Closest ids: {', '.join(near)}." if near else ""
                raise DataError(f"{source}: unknown fact '{{fact:{key}}}'.{hint} Facts live in data/changes/.")
            return self.facts[key]

        return expand_dates(FACT_PLACEHOLDER.sub(sub, raw), self.today, source)

    def __call__(self, raw: Any, source: str) -> Any:
        if isinstance(raw, str):
            return self.text(raw, source)
        if isinstance(raw, list):
            return [self(v, source) for v in raw]
        if isinstance(raw, dict):
            return {k: self(v, source) for k, v in raw.items()}
        return raw


def expand_facts(raw: Any, facts: dict[str, str], source: str) -> Any:
    return Expander(facts)(raw, source)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Parsed data by file text, pickled so that every reader gets its own copy: `mkdocs serve` rebuilds
# and the tests' many builds parse only the files that changed.
_PARSED: dict[str, bytes] = {}


def read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{display(path)}: file not found") from None
    if text in _PARSED:
        return pickle.loads(_PARSED[text])
    try:
        parsed = yaml.load(text, Loader=SAFE_LOADER)
        _PARSED[text] = pickle.dumps(parsed)
        return parsed
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
    """A data file's path as a contributor knows it: from the project root, such as data/glossary/x.yml."""
    for parent in path.parents:
        if parent.name == "data":
            return path.relative_to(parent.parent).as_posix()
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


def _https(url: str, where: str) -> str:
    if not url.startswith("https://"):
        raise DataError(f"{where}: '{url}' must be an https:// link.")
    return url


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


AWS_DOCS_HOSTS = (
    "https://docs.aws.amazon.com/", "https://aws.amazon.com/", "https://awsdocs-neuron.readthedocs-hosted.com/",
    "https://registry.opendata.aws/",
)
SERVICE_PREFIXES = ("Amazon ", "AWS ")

GLOSSARY_FIELDS = {"term", "definition", "aliases", "abbreviation", "formerly", "details", "related", "docs", "id"}


SORT_PREFIXES = ("Amazon ", "AWS ")


def sort_name(term: Term) -> str:
    """A service sorts under its own name: "Amazon S3" under S, "AWS Glue" under G."""
    name = term.term
    for prefix in SORT_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return name


def glossary_letter(term: Term) -> str:
    first = sort_name(term)[0].upper()
    return first if "A" <= first <= "Z" else "#"


@dataclass
class Glossary:
    terms: list[Term]
    by_name: dict[str, Term] = field(default_factory=dict)
    # page key -> the docs page that lists its terms (set by the macros): a letter ("S"), or a split key
    # ("Sh": the terms of S from "sh" on) where one letter has more terms than a page can carry
    pages: dict[str, str] = field(default_factory=dict)

    def key_of(self, term: Term) -> str:
        """The key of the page that lists `term`: the highest split key of its letter at or below its name,
        or else its letter. A split key from "a" ("Fa") takes the whole letter, "F1 score" included."""
        letter = glossary_letter(term)
        name = sort_name(term).lower()
        splits = [k for k in self.pages
                  if len(k) > 1 and k[0] == letter and (k[1:] == "a" or name[:len(k)] >= k.lower())]
        return max(splits, key=str.lower) if splits else letter

    def page_of(self, term: Term) -> str:
        return self.pages.get(self.key_of(term), "glossary/index.md")

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
        return sorted(self.terms, key=lambda t: (glossary_letter(t) == "#", sort_name(t).lower()))


def parse_term(record: Any, source: str, index: int) -> Term:
    if not isinstance(record, dict):
        raise DataError(f"{source}: entry #{index + 1} must be a mapping with 'term:' and 'definition:'.")
    label = record.get("term") or f"entry #{index + 1}"
    where = f"{source}: term '{label}'"
    _check_keys(record, GLOSSARY_FIELDS, where)
    term = _text(record, "term", where)
    docs = _text(record, "docs", where, required=False)
    if docs and not docs.startswith(AWS_DOCS_HOSTS):
        raise DataError(f"{where}: 'docs' must link the AWS documentation (https://docs.aws.amazon.com/...).")
    if not docs and term.startswith(SERVICE_PREFIXES):
        raise DataError(
            f"{where}: an AWS service needs 'docs:', the link to its page in the AWS documentation "
            "(https://docs.aws.amazon.com/...)."
        )
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


def load_glossary(directory: Path | None = None, expand: Expander | None = None) -> Glossary:
    directory = directory or DATA_DIR / "glossary"
    files = sorted(directory.glob("*.yml"))
    if not files:
        raise DataError(f"{display(directory)}: no glossary files (*.yml) found.")
    terms: list[Term] = []
    for path in files:
        source = display(path)
        records = (expand or Expander())(read_yaml(path), source)
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
    best_for: str = ""  # "the right choice when ...": explains a wrong pick in a quiz question


@dataclass(frozen=True)
class Scenario:
    id: str
    task: str
    answer: str
    why: str
    distractors: tuple[str, ...] = ()
    section: str = ""
    not_because: dict[str, str] = field(default_factory=dict, hash=False)  # option id -> why not here


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


DECISION_KEYS = {"topic", "question", "page", "fields", "options", "scenarios", "sources"}
OPTION_KEYS = {"id", "name", "section", "term", "formerly", "best_for"}
SCENARIO_KEYS = {"id", "task", "answer", "why", "distractors", "section", "not"}


def parse_decision(raw: Any, key: str, source: str) -> Decision:
    if not isinstance(raw, dict):
        raise DataError(f"{source}: must be a mapping with topic, question, page, fields, options and scenarios.")
    _check_keys(raw, DECISION_KEYS, source)
    for url in _text_list(raw, "sources", source):
        _https(url, f"{source}: sources")
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
                best_for=_text(rec, "best_for", where, required=True),
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
        not_because = rec.get("not") or {}
        if not isinstance(not_because, dict) or not all(isinstance(v, str) for v in not_because.values()):
            raise DataError(f"{where}: 'not' must map an option id to the reason it is wrong here.")
        scenario = Scenario(
            id=_text(rec, "id", where),
            task=_text(rec, "task", where),
            answer=_text(rec, "answer", where),
            why=_text(rec, "why", where),
            distractors=_text_list(rec, "distractors", where),
            section=_text(rec, "section", where, required=False),
            not_because={str(k): v.strip() for k, v in not_because.items()},
        )
        for ref in (scenario.answer, *scenario.distractors, *scenario.not_because):
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


def load_decisions(directory: Path | None = None, expand: Expander | None = None) -> dict[str, Decision]:
    directory = directory or DATA_DIR / "decisions"
    expand = expand or Expander()
    return {
        path.stem: parse_decision(expand(read_yaml(path), display(path)), path.stem, display(path))
        for path in sorted(directory.glob("*.yml"))
    }


# --------------------------------------------------------------------------- changed facts


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
    _check_keys(raw, CHANGE_FILE_KEYS, source)
    area = _text(raw, "area", source)
    parsed = []
    for i, rec in enumerate(raw["changes"]):
        if not isinstance(rec, dict):
            raise DataError(f"{source}: entry #{i + 1} must be a mapping.")
        where = f"{source}: change '{rec.get('id') or f'#{i + 1}'}'"
        _check_keys(rec, CHANGE_KEYS, where)
        has_date, undated = rec.get("date") is not None, _text(rec, "undated", where, required=False)
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
            id=_text(rec, "id", where),
            subject=_text(rec, "subject", where),
            was=_text(rec, "was", where),
            now=_text(rec, "now", where),
            short=_text(rec, "short", where),
            sources=tuple(_https(u, where) for u in _text_list(rec, "sources", where, required=True)),
            area=area,
            date=parse_day(rec["date"], where) if has_date else None,
            undated=undated,
            values=_text_list(rec, "values", where),
            context=_text_list(rec, "context", where),
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


# --------------------------------------------------------------------------- exam guides

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
    _check_keys(rec, FACT_KEYS, where)
    status = _text(rec, "status", where)
    if status not in FACT_STATUSES:
        raise DataError(f"{where}: status '{status}' must be one of {', '.join(FACT_STATUSES)}.")
    source = _text(rec, "source", where, required=status != "not-published")
    return ExamFact(
        item=_text(rec, "item", where),
        value=expand.text(_text(rec, "value", where), where),
        status=status,
        source=source,
        note=expand.text(_text(rec, "note", where, required=False), where),
    )


def parse_exam(code: str, raw: Any, source: str, expand: Expander) -> Exam:
    where = f"{source}: exam '{code}'"
    if not isinstance(raw, dict):
        raise DataError(f"{where}: must be a mapping with name, role, level and domains.")
    _check_keys(raw, EXAM_KEYS, where)
    role = _text(raw, "role", where)
    if role not in EXAM_ROLES:
        raise DataError(f"{where}: role '{role}' must be one of {', '.join(EXAM_ROLES)}.")
    domains: list[Domain] = []
    for d in raw.get("domains") or []:
        dwhere = f"{where}, domain '{d.get('number', '?')}'"
        number = _text(d, "number", dwhere)
        title = _text(d, "title", dwhere)
        weight = d.get("weight")
        if not isinstance(weight, int):
            raise DataError(f"{dwhere}: 'weight' must be a whole number of percent.")
        tasks = []
        for t in d.get("tasks") or []:
            tcode = _text(t, "code", dwhere)
            twhere = f"{where}, task {tcode}"
            if not tcode.startswith(f"{number}."):
                raise DataError(f"{twhere}: a task of domain {number} must be numbered {number}.N.")
            skills = []
            for i, sk in enumerate(t.get("skills") or []):
                scode = _text(sk, "code", twhere)
                if scode != f"{tcode}.{i + 1}":
                    raise DataError(f"{twhere}: skill '{scode}' is out of order; expected {tcode}.{i + 1}.")
                swhere = f"{twhere}, skill {scode}"
                _check_keys(sk, {"code", "text", "new", "examples"}, swhere)
                examples = sk.get("examples") or {}
                if not isinstance(examples, dict):
                    raise DataError(f"{swhere}: 'examples' must map what the guide names to a glossary term.")
                skills.append(Skill(code, scode, _text(sk, "text", swhere), tcode, bool(sk.get("new")),
                                    tuple((str(k), str(v)) for k, v in examples.items())))
            tasks.append(Task(code, tcode, _text(t, "title", twhere), number, title, weight, tuple(skills),
                              short=_text(t, "short", twhere, required=False)))
        domains.append(Domain(number, title, weight, tuple(tasks)))
    if domains and sum(d.weight for d in domains) != 100:
        raise DataError(f"{where}: domain weights add up to {sum(d.weight for d in domains)}%, not 100%.")
    mock = []
    for m in raw.get("mock") or []:
        if not isinstance(m, dict):
            raise DataError(f"{where}, mock: each format must be a mapping with name, questions and minutes.")
        mwhere = f"{where}, mock '{m.get('name', '?')}'"
        _check_keys(m, MOCK_KEYS, mwhere)
        questions, minutes = m.get("questions"), m.get("minutes")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (questions, minutes)):
            raise DataError(f"{mwhere}: 'questions' and 'minutes' must be whole numbers.")
        if not (1 <= questions <= 200 and 1 <= minutes <= 600):
            raise DataError(f"{mwhere}: {questions} questions in {minutes} minutes is not a plausible exam; check the numbers.")
        mock.append(MockFormat(_text(m, "name", mwhere), questions, minutes,
                               expand.text(_text(m, "note", mwhere, required=False), mwhere)))
    names = [m.name for m in mock]
    if len(set(names)) != len(names):
        raise DataError(f"{where}: two mock formats have the same name; each needs its own.")
    return Exam(
        code=code,
        name=_text(raw, "name", where),
        role=role,
        level=_text(raw, "level", where),
        summary=expand.text(_text(raw, "summary", where), where),
        guide=_https(_text(raw, "guide", where), where),
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
    _check_keys(rec, REMOVED_KEYS, where)
    item = RemovedItem(_text(rec, "id", where), _text(rec, "task", where), _text(rec, "text", where),
                       _text(rec, "older", where), _https(_text(rec, "source", where), where))
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


# --------------------------------------------------------------------------- question bank


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
    _check_keys(rec, QUESTION_KEYS, where)
    qid = _text(rec, "id", where)
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
        _check_keys(opt, ANSWER_KEYS, owhere)
        if opt.get("correct", False) not in (True, False):
            raise DataError(f"{owhere}: 'correct' must be true or false.")
        options.append(Answer(_text(opt, "text", owhere), bool(opt.get("correct", False)), _text(opt, "why", owhere)))
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
    tasks = tuple(parse_ref(r, exams, where, level="task") for r in _text_list(rec, "tasks", where, required=True))
    exams_named = {t.exam for t in tasks}
    current = [code for code, exam in exams.items() if exam.role == "current"]
    if not set(current) <= exams_named:
        raise DataError(f"{where}: 'tasks' must name at least one task of {', '.join(current)}.")
    sources = tuple(_https(url, f"{where}: sources") for url in _text_list(rec, "sources", where))
    checked = parse_day(rec["checked"], f"{where}: checked") if rec.get("checked") is not None else None
    if sources and checked is None:
        raise DataError(f"{where}: has 'sources:' but no 'checked:'. Add 'checked: YYYY-MM-DD', the day you read the sources against the question.")
    decision = _text(rec, "decision", where, required=False)
    if decision and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", decision):
        raise DataError(f"{where}: 'decision' must be lower-case words joined by hyphens, shared by the questions that test one decision.")
    teach = _text(rec, "teach", where)
    if "#" not in teach or not teach.split("#")[0].endswith(".md"):
        raise DataError(f"{where}: 'teach' must be a docs page and section, such as domain-1-data-preparation/data-collection.md#one-data-repository.")
    return BankQuestion(qid, source, _text(rec, "scenario", where), _text(rec, "stem", where), choose, tuple(options), tasks, teach,
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


# --------------------------------------------------------------------------- everything at once


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
