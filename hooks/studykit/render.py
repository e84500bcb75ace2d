"""Pure functions that turn data into Markdown for the pages.

Each takes plain data and returns a string, so tests can call them without a
site build. Text from data is escaped here, before Markdown sees it.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .data import Change, DataError, Day, Decision, Glossary, Option, Term, closest, glossary_letter

GLOSSARY_PAGE = "glossary/index.md"


def esc(text: Any) -> str:
    """Escape data for Markdown and HTML: markup becomes visible text."""
    escaped = html.escape(str(text), quote=True)
    return escaped.replace("|", "&#124;").replace("[", "&#91;").replace("]", "&#93;").replace("`", "&#96;")


def built_file(src: str, use_directory_urls: bool = True) -> str:
    """The HTML file MkDocs writes for docs file `src`."""
    stem = src[:-3] if src.endswith(".md") else src
    if not use_directory_urls or stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def page_href(target: str, page_src: str) -> str:
    """The address of docs page `target` from the built page of `page_src` (directory URLs), for HTML that
    MkDocs does not rewrite."""
    link = posixpath.relpath(built_file(target), posixpath.dirname(built_file(page_src)))
    return link[: -len("index.html")] if link.endswith("index.html") else link


def md_link(text: str, target: str, title: str = "") -> str:
    title_part = f' "{html.escape(title, quote=True)}"' if title else ""
    return f"[{text}]({target}{title_part})"


def rel(target: str, page_src: str) -> str:
    """Path of docs file `target` relative to the docs file `page_src`."""
    base, _, anchor = target.partition("#")
    path = posixpath.relpath(base, posixpath.dirname(page_src) or ".") if base else ""
    return f"{path}#{anchor}" if anchor else path


# --------------------------------------------------------------------------- glossary


class UnknownTerm(DataError):
    pass


def find_term(glossary: Glossary, name: str, page_src: str) -> Term:
    found = glossary.lookup(name)
    if found is None:
        near = closest(name, list(glossary.by_name))
        hint = f" Closest glossary names: {', '.join(near)}." if near else ""
        raise UnknownTerm(
            f"Unknown glossary term '{name}' on page {page_src}.{hint} "
            "Fix the spelling, or add the term to a file in data/glossary/."
        )
    return found


def term_link(glossary: Glossary, name: str, page_src: str, text: str | None = None) -> str:
    """A link to the glossary entry, with the definition as its tooltip."""
    entry = find_term(glossary, name, page_src)
    target = rel(f"{glossary.page_of(entry)}#{entry.anchor}", page_src)
    return md_link(esc(text if text is not None else name), target, entry.definition)


def abbreviations(glossary: Glossary) -> str:
    """Definitions for the abbr extension: every abbreviation gets a tooltip."""
    lines = []
    for entry in glossary.sorted_terms():
        if entry.abbreviation:
            title = f"{entry.term}: {entry.definition}".replace("\n", " ")
            lines.append(f"*[{entry.abbreviation}]: {html.escape(title, quote=False)}")
    return "\n".join(lines)


def glossary_heading(entry: Term) -> str:
    """The entry's heading: search ranks heading words highest, so the names readers search go here."""
    heading = entry.term
    if entry.abbreviation:
        heading += f" ({entry.abbreviation})"
    if entry.formerly:
        heading += f", formerly {' or '.join(entry.formerly)}"
    return heading


def glossary_keys(letters: str) -> list[str]:
    """The page keys a glossary_entries() argument names: "ABC" is three letters, "Sh" one split key."""
    return [letters] if len(letters) > 1 and letters[1:].islower() else list(letters)


def key_label(key: str) -> str:
    """How a page key reads: "S", "Sh–Sz", or "0–9". A split key from "a" holds the whole letter: "Ba" is "B"."""
    if key == "#":
        return "0–9"
    if len(key) > 1 and key[1:] != "a":
        return f"{key}–{key[0]}z"
    return key[0]


def az_strip(glossary: Glossary, page_src: str) -> str:
    """Every letter (and every split of a letter), each linking to its heading on the page that holds it."""
    keys = {glossary.key_of(t) for t in glossary.terms}
    links = []
    for key in sorted(keys, key=lambda x: (x == "#", x.lower())):
        target = rel(f"{glossary.pages.get(key, GLOSSARY_PAGE)}#{letter_anchor(key)}", page_src)
        links.append(md_link(key_label(key), target))
    # Markdown links, so that MkDocs turns each docs path into the page's address and checks it.
    return f'<nav class="az-index" aria-label="Glossary letters" markdown="span">{" ".join(links)}</nav>'


def letter_anchor(key: str) -> str:
    return "letter-other" if key == "#" else f"letter-{key.lower()}"


def glossary_page(glossary: Glossary, usage: Mapping[str, Sequence[tuple[str, str]]], page_src: str,
                  letters: str | None = None) -> str:
    """Glossary entries A to Z, or only those of the page keys `letters` names (such as "ABC", or "Sh").
    `usage` maps a term anchor to the (page title, page src) pairs of the notes pages that use it."""
    keys = glossary_keys(letters) if letters else None
    groups: dict[str, list[Term]] = {}
    for entry in glossary.sorted_terms():
        key = glossary.key_of(entry)
        if keys is None or key in keys:
            groups.setdefault(key, []).append(entry)
    out = [az_strip(glossary, page_src), ""]
    moved = {t.anchor: page_href(glossary.page_of(t), page_src) for t in glossary.terms
             if keys and glossary_letter(t) in keys and glossary.key_of(t) not in keys}
    if moved:
        # Terms of this letter that a split moved to the next page: old links to their anchors follow them.
        targets = html.escape(json.dumps(moved, separators=(",", ":")), quote=True)
        out += [f'<div class="moved-anchors" hidden data-targets="{targets}"></div>', ""]
    for letter, entries in groups.items():
        out.append(f"## {key_label(letter)} {{ #{letter_anchor(letter)} }}\n")
        for entry in entries:
            out.append(f"### {esc(glossary_heading(entry))} {{ #{entry.anchor} }}\n")
            out.append(f"{esc(entry.definition)}\n")
            if entry.details:
                out.append(f"{esc(entry.details)}\n")
            facts = []
            if entry.abbreviation or entry.aliases:
                names = ([entry.abbreviation] if entry.abbreviation else []) + list(entry.aliases)
                facts.append(f"**Also called:** {', '.join(esc(n) for n in names)}")
            if entry.formerly:
                facts.append(f"**Formerly:** {', '.join(esc(n) for n in entry.formerly)}")
            if entry.related:
                # No definition tooltips here: on a glossary page the related entry is one click away,
                # and a tooltip per link made these pages the heaviest of the site.
                related = [glossary.lookup(r) for r in entry.related]
                links = [md_link(esc(t.term), rel(f"{glossary.page_of(t)}#{t.anchor}", page_src)) for t in related]
                facts.append(f"**Related:** {', '.join(links)}")
            pages = usage.get(entry.anchor, ())
            if pages:
                facts.append("**Used on:** " + ", ".join(md_link(esc(title), rel(src, page_src)) for title, src in pages))
            if entry.docs:
                facts.append(f"**AWS docs:** [{esc(entry.term)} documentation]({entry.docs})")
            if facts:
                # One paragraph, a fact a line (white-space: pre-line in notes.css), not a list of
                # items: about 1,700 fewer elements on the page.
                out.append("\n".join(facts) + "\n{: .glossary-facts }\n")
    return "\n".join(out)


# --------------------------------------------------------------------------- decisions


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "<br>".join(esc(v) for v in value)
    return esc(value)


def option_name(option: Option, glossary: Glossary | None, page_src: str) -> str:
    if option.term and glossary is not None:
        return term_link(glossary, option.term, page_src, option.name)
    return esc(option.name)


def scenario_table(decision: Decision, glossary: Glossary | None, page_src: str) -> str:
    """The "which service?" table: task, answer and why, one row per scenario."""
    if not decision.scenarios:
        raise DataError(f"{decision.source}: has no scenarios to put in a table.")
    rows = [f"| Task at hand | {esc(decision.question)} | Why |", "|---|---|---|"]
    for s in decision.scenarios:
        answer = decision.option(s.answer)
        rows.append(f"| {esc(s.task)} | {option_name(answer, glossary, page_src)} | {esc(s.why)} |")
    return '<div class="decision-table" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def options_table(
    decision: Decision, fields: Iterable[str], glossary: Glossary | None, page_src: str, heading: str = ""
) -> str:
    """Compare the options of a decision side by side on the chosen fields."""
    fields = list(fields)
    for name in fields:
        if name not in decision.fields:
            near = closest(name, list(decision.fields))
            hint = f" Did you mean: {', '.join(near)}?" if near else ""
            raise DataError(f"{decision.source}: has no field '{name}'.{hint}")
    head = heading or decision.topic.rstrip("s").capitalize()
    rows = [
        "| " + " | ".join([esc(head)] + [esc(decision.fields[f]) for f in fields]) + " |",
        "|" + "---|" * (len(fields) + 1),
    ]
    for opt in decision.options:
        cells = [option_name(opt, glossary, page_src)] + [_cell(opt.fields[f]) for f in fields]
        rows.append("| " + " | ".join(cells) + " |")
    return '<div class="compare-table" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def bullet_list(decision: Decision, option_id: str, field_name: str) -> str:
    """One option's list field (for example its "when to use" points) as bullets."""
    opt = decision.option(option_id)
    if field_name not in opt.fields:
        raise DataError(f"{decision.source}: option '{option_id}' has no field '{field_name}'.")
    value = opt.fields[field_name]
    items = value if isinstance(value, list) else [value]
    return "\n".join(f"- {_cell(item)}" for item in items)


# --------------------------------------------------------------------------- changed facts


def find_change(changes: Mapping[str, Change], change_id: str, page_src: str) -> Change:
    if change_id not in changes:
        near = closest(change_id, list(changes))
        hint = f" Closest ids: {', '.join(near)}." if near else ""
        raise DataError(f"Unknown changed-fact id '{change_id}' on page {page_src}.{hint} Changes live in data/changes/.")
    return changes[change_id]


def source_links(change: Change) -> str:
    if len(change.sources) == 1:
        return f"[AWS source]({change.sources[0]})"
    return " · ".join(f"[AWS source {i}]({url})" for i, url in enumerate(change.sources, 1))


def change_body(change: Change, today: dt.date) -> list[str]:
    if change.date and not change.date.has_passed(today):
        when = f"**Takes effect:** {esc(change.when)}."
    elif change.date:
        when = f"**Changed:** {esc(change.when)}."
    else:
        when = f"**Date:** {esc(change.undated)}"
    return [
        f"**Older notes said:** {esc(change.was)}",
        "",
        f"**Now:** {esc(change.now)}",
        "",
        f"{when} {source_links(change)}",
    ]


def _indent(lines: Iterable[str], depth: int = 1) -> str:
    pad = "    " * depth
    return "\n".join(f"{pad}{line}" if line else "" for line in lines)


def changed_admonition(change: Change, today: dt.date) -> str:
    """An admonition that says what changed, when, and where AWS says so."""
    return f'!!! changed "Changed: {html.escape(change.subject, quote=True)}"\n\n' + _indent(change_body(change, today))


def changed_group(changes: Sequence[Change], today: dt.date) -> str:
    """Several changes on one topic as one collapsed box, so a run of notices does not bury the page."""
    if len(changes) == 1:
        return changed_admonition(changes[0], today)
    subjects = "; ".join(c.subject for c in changes)
    parts = [f'??? changed "{len(changes)} changes: {html.escape(subjects, quote=True)}"', ""]
    for change in changes:
        parts += [f"    **{esc(change.subject)}**", "", _indent(change_body(change, today)), ""]
    return "\n".join(parts).rstrip()


def _date_cell(day: Day | None) -> str:
    return f'<time datetime="{day.iso}">{esc(day.words())}</time>' if day else "Undated"


def changes_summary(changes: Sequence[Change], href: Callable[[Change], str]) -> str:
    """One row per change, newest first: the old claim, the current fact, the date and the source,
    the subject linking (through `href`) to the change's section."""
    dated = sorted((c for c in changes if c.date), key=lambda c: c.date.start, reverse=True)
    rows = ["| Subject | Older notes said | Now | Date | Source |", "|---|---|---|---|---|"]
    for c in [*dated, *(c for c in changes if not c.date)]:
        rows.append(f"| [{esc(c.subject)}]({href(c)}) | {esc(c.was)} | {esc(c.short)} | {_date_cell(c.date)} | {source_links(c)} |")
    return '<div class="compare-table changes-table" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def coming_changes(changes: Sequence[Change], href: Callable[[Change], str], today: dt.date) -> str:
    """The changes with a date still ahead, soonest first: what is about to change, and when."""
    ahead = sorted(((c.next_date(today), c) for c in changes if c.next_date(today)), key=lambda dc: dc[0].start)
    if not ahead:
        return "No dated change lies ahead today."
    rows = ["| When | Subject | What happens |", "|---|---|---|"]
    for day, c in ahead:
        rows.append(f"| {_date_cell(day)} | [{esc(c.subject)}]({href(c)}) | {esc(c.now)} |")
    return '<div class="compare-table changes-table" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


class ChangePages:
    """"What AWS has changed" is an index plus one page per data/changes file:
    data/changes/NAME.yml is listed on review/whats-changed/NAME.md."""

    INDEX = "review/whats-changed/index.md"

    def __init__(self, files: Iterable[str], page_srcs: Iterable[str]) -> None:
        files = set(files)
        pages = {p for p in page_srcs if p.startswith("review/whats-changed/") and p != self.INDEX}
        missing = sorted(f for f in files if self.page_for(f) not in pages)
        if missing:
            raise DataError(
                f"data/changes/{missing[0]}.yml has no page. Create docs/{self.page_for(missing[0])} with a title "
                "and {{ changes_in_area() }}, and add it to the nav under 'What AWS has changed'."
            )
        extra = sorted(p for p in pages if posixpath.splitext(posixpath.basename(p))[0] not in files)
        if extra:
            raise DataError(f"docs/{extra[0]} lists changes, but data/changes/ has no file of that name. Rename the page or add the data file.")

    @staticmethod
    def page_for(file_stem: str) -> str:
        return f"review/whats-changed/{file_stem}.md"

    def page_of(self, change: Change) -> str:
        return self.page_for(posixpath.splitext(posixpath.basename(change.source))[0])

    def changes_on(self, page_src: str, changes: Iterable[Change]) -> list[Change]:
        return [c for c in changes if self.page_of(c) == page_src]

    def redirect_map(self, changes: Iterable[Change], page_src: str) -> str:
        """A JSON map {change id: relative address}, escaped for a data attribute."""
        import json

        targets = {c.id: page_href(self.page_of(c), page_src) for c in changes}
        return html.escape(json.dumps(targets, separators=(",", ":")), quote=True)


def changes_list(changes: Sequence[Change], today: dt.date) -> str:
    """Every change of one area, each under its own heading and anchor."""
    out = []
    for c in changes:
        out.append(f"## {esc(c.subject)} {{ #{c.id} }}\n")
        out.append("\n".join(change_body(c, today)) + "\n")
    return "\n".join(out)


# --------------------------------------------------------------------------- exam tips

EXAM_TIP = re.compile(r'^(?:!!!|\?\?\?\+?) exam-tip(?: "(?P<title>[^"]*)")?[ \t]*\n(?P<body>(?:(?:[ ]{4}.*)?\n)*)', re.M)


def exam_tips(markdown: str) -> list[tuple[str, str]]:
    """The (title, body) of every exam-tip admonition in a page's source."""
    tips = []
    for match in EXAM_TIP.finditer(markdown + "\n"):
        body = "\n".join(line[4:] for line in match.group("body").splitlines()).strip()
        tips.append((match.group("title") or "Exam tip", body))
    return tips


# --------------------------------------------------------------------------- maths


def formula(latex: str, display: bool = False) -> str:
    """LaTeX as MathML, which browsers render natively: no script, no CDN."""
    from latex2mathml.converter import convert

    mathml = convert(latex, display="block" if display else "inline")
    if display:
        return f'<div class="formula" markdown="0">{mathml}</div>'
    return mathml
