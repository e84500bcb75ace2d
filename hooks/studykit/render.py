"""Pure functions that turn data into Markdown for the pages.

Each takes plain data and returns a string, so tests can call them without a
site build. Text from data is escaped here, before Markdown sees it.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .data import Change, DataError, Decision, Glossary, Option, Term, closest, glossary_letter, slugify

GLOSSARY_PAGE = "glossary/index.md"
ENTRIES_PER_BOX = 8


def esc(text: Any) -> str:
    """Escape data for Markdown and HTML: markup becomes visible text."""
    escaped = html.escape(str(text), quote=True)
    return escaped.replace("|", "&#124;").replace("[", "&#91;").replace("]", "&#93;").replace("`", "&#96;")


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


def az_strip(glossary: Glossary, page_src: str) -> str:
    """Every letter, each linking to its heading on whichever glossary page holds it."""
    letters = sorted({glossary_letter(t) for t in glossary.terms}, key=lambda x: (x == "#", x))
    links = []
    for letter in letters:
        target = rel(f"{glossary.pages.get(letter, GLOSSARY_PAGE)}#{letter_anchor(letter)}", page_src)
        label = "0–9" if letter == "#" else letter
        links.append(f'<a href="{html.escape(target)}">{label}</a>')
    return f'<nav class="az-index" aria-label="Glossary letters">{" ".join(links)}</nav>'


def letter_anchor(letter: str) -> str:
    return "letter-other" if letter == "#" else f"letter-{letter.lower()}"


def glossary_page(glossary: Glossary, usage: Mapping[str, Sequence[tuple[str, str]]], page_src: str,
                  letters: str | None = None) -> str:
    """Glossary entries A to Z, or only those whose letter is in `letters` (such as "ABC").
    `usage` maps a term anchor to the (page title, page src) pairs of the notes pages that use it."""
    groups: dict[str, list[Term]] = {}
    for entry in glossary.sorted_terms():
        letter = glossary_letter(entry)
        if letters is None or letter in letters:
            groups.setdefault(letter, []).append(entry)
    out = [az_strip(glossary, page_src), ""]
    for letter, entries in groups.items():
        out.append(f"## {'0–9' if letter == '#' else letter} {{ #{letter_anchor(letter)} }}\n")
        for i, entry in enumerate(entries):
            # Entries come in boxes of ENTRIES_PER_BOX: the browser skips style and layout of the boxes
            # off screen (content-visibility in notes.css). Few boxes, as each box is styled anyway.
            if i % ENTRIES_PER_BOX == 0:
                out.append(("</div>\n" if i else "") + '<div class="glossary-entries" markdown>\n')
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
        out.append("</div>\n")
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


def change_body(change: Change) -> list[str]:
    when = f"**Changed:** {esc(change.when)}." if change.date else f"**Date:** {esc(change.undated)}"
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


def changed_admonition(change: Change) -> str:
    """An admonition that says what changed, when, and where AWS says so."""
    return f'!!! changed "Changed: {html.escape(change.subject, quote=True)}"\n\n' + _indent(change_body(change))


def changed_group(changes: Sequence[Change]) -> str:
    """Several changes on one topic as one collapsed box, so a run of notices does not bury the page."""
    if len(changes) == 1:
        return changed_admonition(changes[0])
    subjects = "; ".join(c.subject for c in changes)
    parts = [f'??? changed "{len(changes)} changes: {html.escape(subjects, quote=True)}"', ""]
    for change in changes:
        parts += [f"    **{esc(change.subject)}**", "", _indent(change_body(change)), ""]
    return "\n".join(parts).rstrip()


def changes_summary(changes: Sequence[Change]) -> str:
    """One row per change, newest first: the old claim, the current fact, the date and the source."""
    dated = sorted((c for c in changes if c.date), key=lambda c: c.date.start, reverse=True)
    rows = ["| Subject | Older notes said | Now | Date | Source |", "|---|---|---|---|---|"]
    for c in [*dated, *(c for c in changes if not c.date)]:
        date = f'<time datetime="{c.date.iso}">{esc(c.date.words())}</time>' if c.date else "Undated"
        rows.append(f"| [{esc(c.subject)}](#{c.id}) | {esc(c.was)} | {esc(c.short)} | {date} | {source_links(c)} |")
    return '<div class="compare-table changes-table" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def changes_by_area(changes: Sequence[Change]) -> str:
    """Every change under a heading for its area (the `area:` of its file), each with its own anchor."""
    areas: dict[str, list[Change]] = {}
    for c in changes:
        areas.setdefault(c.area, []).append(c)
    out = []
    for area, group in areas.items():
        out.append(f"## {esc(area)} {{ #{slugify(area)} }}\n")
        for c in group:
            out.append(f"### {esc(c.subject)} {{ #{c.id} }}\n")
            out.append("\n".join(change_body(c)) + "\n")
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
