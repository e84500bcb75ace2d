"""Read the page sources named in the nav, for views that gather across pages."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .data import SAFE_LOADER, DataError, Exam, RemovedItem, Skill, parse_ref
from .errors import did_you_mean
from .render import built_file, rel

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
HEADING = re.compile(r"^(?P<hashes>#{1,6}) (?P<title>.+?)(?:\s*\{[^}]*#(?P<id>[\w-]+)[^}]*\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
TERM_CALL = re.compile(r"""\bterm\(\s*(['"])(.+?)\1""")
MD_LINK_TARGET = re.compile(r"\]\((?P<target>[^)\s]+)")


@dataclass(frozen=True)
class SourcePage:
    src: str
    title: str
    meta: dict[str, Any] = field(hash=False)
    markdown: str = field(hash=False)

    @property
    def is_notes(self) -> bool:
        """Notes pages say which exam skills their sections teach; index and practice pages do not."""
        return "covers" in self.meta

    @property
    def sections(self) -> dict[str, str]:
        """{anchor: heading text} of the page's headings, read from the source."""
        return {anchor: title for _, title, anchor in headings(self.markdown)}


def headings(markdown: str) -> list[tuple[int, str, str]]:
    """(level, title, anchor) of every heading outside code fences; the anchor is the explicit
    `{ #id }` or, failing that, what the toc extension would make of the title."""
    from markdown.extensions.toc import slugify

    found = []
    fenced = False
    for line in markdown.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(line)
        if match:
            title = match.group("title").strip()
            found.append((len(match.group("hashes")), title, match.group("id") or slugify(title, "-")))
    return found


@dataclass(frozen=True)
class Taught:
    """One skill taught by one section of a notes page."""

    skill: Skill
    page: SourcePage
    anchor: str

    @property
    def section_title(self) -> str:
        return re.sub(r"\{\{.*?\}\}", "", self.page.sections[self.anchor]).strip()


def page_covers(page: SourcePage, exams: dict[str, Exam]) -> list[Taught]:
    """The skills a notes page teaches, from its front matter, each checked against the page and the guides:

    covers:
      section-anchor: [MLA-C02 1.1.7, MLS-C01 1.1.2]
    """
    raw = page.meta.get("covers")
    where = f"docs/{page.src}: front matter 'covers'"
    if not isinstance(raw, dict) or not raw:
        raise DataError(
            f"{where} must map each section anchor to the exam skills it teaches, for example\n"
            "covers:\n  one-data-repository: [MLS-C01 1.1.2, MLA-C02 1.1.2]"
        )
    sections = page.sections
    taught = []
    for anchor, refs in raw.items():
        anchor = str(anchor)
        if anchor not in sections:
            raise DataError(
                f"{where}: the page has no section '#{anchor}'.{did_you_mean(anchor, list(sections))} "
                f"Give the heading an explicit id: '## Title {{ #{anchor} }}'."
            )
        if isinstance(refs, str):
            refs = [refs]
        if not isinstance(refs, list) or not refs:
            raise DataError(f"{where}: section '{anchor}' needs a list of skills, such as [MLA-C02 1.1.2].")
        for ref in refs:
            skill = parse_ref(str(ref), exams, f"{where}, section '{anchor}'", level="skill")
            taught.append(Taught(skill, page, anchor))
    current = [code for code, exam in exams.items() if exam.role == "current"]
    if not any(t.skill.exam in current for t in taught):
        raise DataError(f"{where}: names no skill of {', '.join(current)}; every notes page maps to the current exam.")
    return taught


def page_removed(page: SourcePage, exam: Exam) -> dict[str, RemovedItem]:
    """The sections of a page that teach only something `exam` dropped from its guide:

    removed:
      bring-your-own-container: bring-your-own-container   # a section anchor: a removed item's id
    """
    raw = page.meta.get("removed") or {}
    where = f"docs/{page.src}: front matter 'removed'"
    if not isinstance(raw, dict):
        raise DataError(f"{where} must map a section anchor to the id of an item in {exam.code}'s 'removed:' list.")
    items = {r.id: r for r in exam.removed}
    found = {}
    for anchor, item in raw.items():
        if str(anchor) not in page.sections:
            raise DataError(f"{where}: the page has no section '#{anchor}'.{did_you_mean(str(anchor), list(page.sections))}")
        if item not in items:
            raise DataError(f"{where}: '{item}' is not in {exam.code}'s 'removed:' list in data/exams.yml."
                            f"{did_you_mean(str(item), list(items))}")
        found[str(anchor)] = items[item]
    return found


def insert_after_headings(markdown: str, marks: dict[str, str]) -> str:
    """Put `marks[anchor]` on its own line under the heading whose id is `anchor`."""
    if not marks:
        return markdown
    out, fenced = [], False
    for line in markdown.split("\n"):
        out.append(line)
        if FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(line)
        anchor = match and (match.group("id") or "")
        if anchor in marks:
            out += ["", marks[anchor]]
    return "\n".join(out)


def nav_tasks(nav: Any, exam: Exam) -> dict[str, list[str]]:
    """{task code: the pages the nav lists under that task's section}, for sections labeled as tasks are."""
    labels = {t.label: code for code, t in exam.tasks.items()}
    found: dict[str, list[str]] = {}

    def walk(item: Any, task: str | None) -> None:
        if isinstance(item, list):
            for sub in item:
                walk(sub, task)
        elif isinstance(item, dict):
            for label, sub in item.items():
                walk(sub, labels.get(str(label), task))
        elif isinstance(item, str) and item.endswith(".md") and task:
            found.setdefault(task, []).append(item)

    walk(nav, None)
    return found


def page_src(page: Any) -> str:
    """The docs path of the page being rendered: the one place that knows how MkDocs exposes it."""
    return page.file.src_uri


def nav_sources(nav: Any) -> list[str]:
    """The Markdown files named in the nav, in reading order."""
    found: list[str] = []
    if isinstance(nav, str):
        if nav.endswith(".md"):
            found.append(nav)
    elif isinstance(nav, dict):
        for value in nav.values():
            found.extend(nav_sources(value))
    elif isinstance(nav, list):
        for item in nav:
            found.extend(nav_sources(item))
    return found


def page_url(src: str) -> str:
    """The built page's address relative to the site root, with directory URLs."""
    return built_file(src).removesuffix("index.html")


def read_page(docs_dir: Path, src: str) -> SourcePage:
    text = (docs_dir / src).read_text(encoding="utf-8")
    meta: dict[str, Any] = {}
    body = text
    match = FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.load(match.group(1), Loader=SAFE_LOADER) or {}
        except yaml.MarkedYAMLError as err:
            line = (err.problem_mark.line + 2) if err.problem_mark else "?"
            raise DataError(f"docs/{src} line {line}: invalid YAML front matter ({err.problem}).") from None
        body = text[match.end():]
    title = str(meta.get("title") or "")
    if not title:
        heading = re.search(r"^# (.+)$", body, re.M)
        title = heading.group(1).strip() if heading else posixpath.splitext(posixpath.basename(src))[0]
    return SourcePage(src, title, meta, body)


def read_pages(docs_dir: Path, nav: Any) -> list[SourcePage]:
    return [read_page(docs_dir, src) for src in nav_sources(nav)]


def term_names_used(markdown: str) -> list[str]:
    return [m.group(2) for m in TERM_CALL.finditer(markdown)]


def relink(markdown: str, from_src: str, to_src: str) -> str:
    """Rewrite relative Markdown links so text moved to another page still points to the same place."""

    def fix(match: re.Match[str]) -> str:
        target = match.group("target")
        if "://" in target or target.startswith(("mailto:", "/")):
            return match.group(0)
        path, _, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_src), path)) if path else from_src
        new = rel(resolved + (f"#{anchor}" if anchor else ""), to_src)
        return f"]({new}"

    return MD_LINK_TARGET.sub(fix, markdown)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring the !!python tags that only MkDocs resolves."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_mkdocs_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
