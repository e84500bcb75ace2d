"""What every record type shares: reading YAML, the placeholders of data text, and field checks."""

from __future__ import annotations

import datetime as dt
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from studykit.dates import build_date, expand_dates
from studykit.errors import DataError, closest

DATA_DIR = Path(__file__).resolve().parents[3] / "data"
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


def text_field(record: dict, key: str, where: str, required: bool = True) -> str:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise DataError(f"{where}: missing required field '{key}'. Add '{key}: ...' to the record.")
        return ""
    if not isinstance(value, (str, int, float)):
        raise DataError(f"{where}: field '{key}' must be text, got {type(value).__name__}.")
    return str(value).strip()


def text_list(record: dict, key: str, where: str, required: bool = False) -> tuple[str, ...]:
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


def check_keys(record: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(record) - allowed)
    if unknown:
        hints = []
        for key in unknown:
            near = closest(key, sorted(allowed), n=1)
            hints.append(f"'{key}'" + (f" (did you mean '{near[0]}'?)" if near else ""))
        raise DataError(f"{where}: unknown field {', '.join(hints)}. Allowed fields: {', '.join(sorted(allowed))}.")


def https_url(url: str, where: str) -> str:
    if not url.startswith("https://"):
        raise DataError(f"{where}: '{url}' must be an https:// link.")
    return url


