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

from .data import Change, DataError, Decision, Glossary, Option, Task, Term, closest

GLOSSARY_PAGE = "glossary.md"
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
    target = rel(f"{GLOSSARY_PAGE}#{entry.anchor}", page_src)
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


def glossary_page(glossary: Glossary, usage: Mapping[str, Sequence[tuple[str, str]]], page_src: str) -> str:
    """The A-Z glossary. `usage` maps a term anchor to (page title, page src) pairs."""
    terms = glossary.sorted_terms()
    letters: dict[str, list[Term]] = {}
    for entry in terms:
        first = entry.term[0].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append(entry)

    jump = " ".join(f"[{letter}](#letter-{letter.lower()})" for letter in letters if letter != "#")
    out = [f'<nav class="az-index" aria-label="Glossary letters" markdown>\n{jump}\n</nav>', ""]
    for letter, entries in letters.items():
        slug = "letter-other" if letter == "#" else f"letter-{letter.lower()}"
        out.append(f"## {letter} {{ #{slug} }}\n")
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
                links = [term_link(glossary, r, page_src, glossary.lookup(r).term) for r in entry.related]
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
        raise DataError(f"Unknown changed-fact id '{change_id}' on page {page_src}.{hint} See data/changes.yml.")
    return changes[change_id]


def changed_admonition(change: Change) -> str:
    """An admonition that says what changed, when, and where AWS says so."""
    links = " · ".join(f"[AWS source {i}]({url})" if len(change.sources) > 1 else f"[AWS source]({url})"
                       for i, url in enumerate(change.sources, 1))
    body = [
        f"**Older notes said:** {esc(change.was)}",
        "",
        f"**Now:** {esc(change.now)}",
        "",
        f"**Changed:** {esc(change.when)}. {links}",
    ]
    return f'!!! changed "Changed: {html.escape(change.subject, quote=True)}"\n\n' + "\n".join(
        f"    {line}" if line else "" for line in body
    )


# --------------------------------------------------------------------------- exam map


def exam_map(meta: Mapping[str, Any], exams: Mapping[str, Mapping[str, Task]], page_src: str) -> str:
    """Which task statements of MLS-C01 and MLA-C01 this page covers, from its front matter."""
    mapping = meta.get("exam")
    if not isinstance(mapping, dict):
        raise DataError(
            f"{page_src}: front matter has no 'exam:' map. Add, for example,\n"
            "exam:\n  MLS-C01: ['1.1']\n  MLA-C01: ['1.1']"
        )
    rows = ["| Exam | Domain | Task statement |", "|---|---|---|"]
    domains: list[str] = []
    for exam in ("MLS-C01", "MLA-C01"):
        codes = mapping.get(exam)
        if not codes:
            raise DataError(f"{page_src}: front matter 'exam:' needs a list of {exam} task codes.")
        for code in codes:
            task = exams.get(exam, {}).get(str(code))
            if task is None:
                known = ", ".join(exams.get(exam, {}))
                raise DataError(f"{page_src}: {exam} has no task '{code}'. Known tasks: {known} (data/exams.yml).")
            rows.append(
                f"| {exam} | {task.domain}. {esc(task.domain_title)} ({task.weight}%) | {task.code} {esc(task.title)} |"
            )
            if exam == "MLS-C01":
                domains.append(str(task.domain))
    # An empty marker that docs/assets/js/practice.js turns into the "studied" toggle (see studykit.quiz).
    page_id = page_src[:-3] if page_src.endswith(".md") else page_src
    marker = (
        f'<div class="study-mark" data-page="{html.escape(page_id, quote=True)}" '
        f'data-domain="{html.escape(domains[0], quote=True)}" hidden></div>'
    )
    return '??? abstract "Where this page fits in the exam guides"\n\n' + "\n".join(f"    {r}" for r in rows) + "\n\n" + marker


def domain_table(guide: Mapping[str, Any], pages: Mapping[str, list[tuple[str, str]]], page_src: str) -> str:
    """An exam's domains and weights, each with the pages that cover it."""
    rows = ["| Domain | Weight | Notes pages |", "|---|---|---|"]
    for d in guide["domains"]:
        covered = pages.get(str(d["number"]), [])
        links = ", ".join(md_link(esc(t), rel(src, page_src)) for t, src in covered) or "Not yet written"
        rows.append(f"| {d['number']}. {esc(d['title'])} | {d['weight']}% | {links} |")
    return "\n".join(rows)


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
