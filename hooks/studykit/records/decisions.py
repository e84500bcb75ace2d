"""Decision tables (data/decisions/): topics, their options and scenarios."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studykit.errors import DataError, closest
from studykit.records.common import (DATA_DIR, Expander, check_keys, https_url,
    text_field, text_list, display, read_yaml)


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
    check_keys(raw, DECISION_KEYS, source)
    for url in text_list(raw, "sources", source):
        https_url(url, f"{source}: sources")
    topic = text_field(raw, "topic", source)
    question = text_field(raw, "question", source)
    page = text_field(raw, "page", source)
    fields = raw.get("fields") or {}
    if not isinstance(fields, dict):
        raise DataError(f"{source}: 'fields' must map each field name to its column label.")
    fields = {str(k): str(v) for k, v in fields.items()}

    options: list[Option] = []
    for i, rec in enumerate(raw.get("options") or []):
        if not isinstance(rec, dict):
            raise DataError(f"{source}: option #{i + 1} must be a mapping.")
        where = f"{source}: option '{rec.get('id') or f'#{i + 1}'}'"
        check_keys(rec, OPTION_KEYS | set(fields), where)
        for name in fields:
            if rec.get(name) in (None, "", []):
                raise DataError(f"{where}: missing field '{name}' ({fields[name]}). Every option needs it.")
        options.append(
            Option(
                id=text_field(rec, "id", where),
                name=text_field(rec, "name", where),
                section=text_field(rec, "section", where),
                term=text_field(rec, "term", where, required=False),
                formerly=text_list(rec, "formerly", where),
                best_for=text_field(rec, "best_for", where, required=True),
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
        check_keys(rec, SCENARIO_KEYS, where)
        not_because = rec.get("not") or {}
        if not isinstance(not_because, dict) or not all(isinstance(v, str) for v in not_because.values()):
            raise DataError(f"{where}: 'not' must map an option id to the reason it is wrong here.")
        scenario = Scenario(
            id=text_field(rec, "id", where),
            task=text_field(rec, "task", where),
            answer=text_field(rec, "answer", where),
            why=text_field(rec, "why", where),
            distractors=text_list(rec, "distractors", where),
            section=text_field(rec, "section", where, required=False),
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


