"""Glossary terms (data/glossary/): reading and validating them, and the glossary they make."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studykit.errors import DataError, closest
from studykit.records.common import (DATA_DIR, Expander, check_keys, text_field,
    text_list, display, read_yaml, slugify)


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
    check_keys(record, GLOSSARY_FIELDS, where)
    term = text_field(record, "term", where)
    docs = text_field(record, "docs", where, required=False)
    if docs and not docs.startswith(AWS_DOCS_HOSTS):
        raise DataError(f"{where}: 'docs' must link the AWS documentation (https://docs.aws.amazon.com/...).")
    if not docs and term.startswith(SERVICE_PREFIXES):
        raise DataError(
            f"{where}: an AWS service needs 'docs:', the link to its page in the AWS documentation "
            "(https://docs.aws.amazon.com/...)."
        )
    return Term(
        term=term,
        definition=text_field(record, "definition", where),
        anchor=text_field(record, "id", where, required=False) or slugify(term),
        source=source,
        aliases=text_list(record, "aliases", where),
        abbreviation=text_field(record, "abbreviation", where, required=False),
        formerly=text_list(record, "formerly", where),
        details=text_field(record, "details", where, required=False),
        related=text_list(record, "related", where),
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


