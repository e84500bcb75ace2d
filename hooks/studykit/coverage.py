"""Which sections teach which exam skills: a join of data/exams.yml and the pages' `covers:` front matter.

A skill no section teaches, or an example whose glossary term no notes page uses, is a gap, and the
coverage page shows every gap in plain sight.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .data import Exam, Glossary, RemovedItem, Skill, Task, Term
from .pages import Taught
from .render import esc, md_link, rel

Usage = Mapping[str, Sequence[tuple[str, str]]]  # glossary anchor -> (page title, page src) of notes pages using it


@dataclass(frozen=True)
class ExampleCoverage:
    name: str  # what the guide names
    term_name: str
    term: Term | None
    pages: tuple[tuple[str, str], ...]

    @property
    def gap(self) -> bool:
        return self.term is None or not self.pages


@dataclass(frozen=True)
class SkillCoverage:
    skill: Skill
    taught: tuple[Taught, ...]
    examples: tuple[ExampleCoverage, ...]

    @property
    def gap(self) -> bool:
        return not self.taught

    @property
    def example_gaps(self) -> tuple[ExampleCoverage, ...]:
        return tuple(e for e in self.examples if e.gap)


def skill_anchor(skill: Skill | Task) -> str:
    return f"{skill.exam.lower()}-{skill.code.replace('.', '-')}"


def coverage(exam: Exam, taught: Sequence[Taught], glossary: Glossary, usage: Usage) -> list[SkillCoverage]:
    by_skill: dict[str, list[Taught]] = {}
    for t in taught:
        if t.skill.exam == exam.code:
            by_skill.setdefault(t.skill.code, []).append(t)
    result = []
    for skill in exam.skills.values():
        examples = []
        for name, term_name in skill.examples:
            term = glossary.lookup(term_name)
            pages = tuple(usage.get(term.anchor, ())) if term else ()
            examples.append(ExampleCoverage(name, term_name, term, pages))
        result.append(SkillCoverage(skill, tuple(by_skill.get(skill.code, ())), tuple(examples)))
    return result


def coverage_page(exam: Exam, skills: Sequence[SkillCoverage], coverage_src: str, glossary_href) -> str:
    """The coverage page of one exam: a summary of gaps, then every domain, task and skill."""
    gaps = [s for s in skills if s.gap]
    example_gaps = [(s, e) for s in skills for e in s.example_gaps]
    taught = len(skills) - len(gaps)
    out = [
        f"{len(skills)} skills in {len(exam.tasks)} task statements. "
        f"**{taught} {'is' if taught == 1 else 'are'} taught** by at least one section; "
        f"**{len(gaps)} {'is a gap' if len(gaps) == 1 else 'are gaps'}**. "
        f"Of the {sum(len(s.examples) for s in skills)} examples the guide names, "
        f"{sum(len(s.examples) for s in skills) - len(example_gaps)} have a glossary entry that a notes page uses.",
        "",
    ]
    if gaps or example_gaps:
        out.append('!!! gap "Gaps"\n')
        for s in gaps:
            out.append(f"    - [{s.skill.code}](#{skill_anchor(s.skill)}) {esc(s.skill.text)}: no section teaches it.")
        for s, e in example_gaps:
            why = "has no glossary entry" if e.term is None else "is in the glossary but no notes page uses it"
            out.append(f"    - [{s.skill.code}](#{skill_anchor(s.skill)}) example “{esc(e.name)}”: the term “{esc(e.term_name)}” {why}.")
        out.append("")
    else:
        out.append('!!! success "No gaps"\n\n    Every skill is taught, and every example the guide names has a glossary entry used in the notes.\n')
    by_code = {s.skill.code: s for s in skills}
    for domain in exam.domains:
        out.append(f"## Domain {domain.number}: {esc(domain.title)} ({domain.weight}%) {{ #{exam.code.lower()}-domain-{domain.number} }}\n")
        for task in domain.tasks:
            out.append(f"### {task.code} {esc(task.title)} {{ #{skill_anchor(task)} }}\n")
            out.append('<div class="coverage-table" markdown>\n')
            out.append("| Skill | Taught in | Examples |")
            out.append("|---|---|---|")
            for skill in task.skills:
                cov = by_code[skill.code]
                new = ' <span class="badge-new">New</span>' if skill.new else ""
                cell = f'<span id="{skill_anchor(skill)}"></span>**{skill.code}**{new} {esc(skill.text)}'
                if cov.taught:
                    taught = "<br>".join(
                        md_link(f"{esc(t.page.title)}: {esc(t.section_title)}", rel(f"{t.page.src}#{t.anchor}", coverage_src))
                        for t in cov.taught
                    )
                else:
                    taught = '<span class="coverage-gap">Gap: not taught yet</span>'
                examples = "<br>".join(_example_cell(e, glossary_href) for e in cov.examples) or "–"
                out.append(f"| {cell} | {taught} | {examples} |")
            out.append("\n</div>\n")
    return "\n".join(out)


def _example_cell(e: ExampleCoverage, glossary_href) -> str:
    if e.term is None:
        return f'<span class="coverage-gap">{esc(e.name)}: no glossary entry</span>'
    link = md_link(esc(e.name), glossary_href(e.term))
    if not e.pages:
        return f'{link} <span class="coverage-gap">(not used in the notes)</span>'
    return link


# --------------------------------------------------------------------------- what a new exam version changed

NEW_PAGE = "review/new-in-mla-c02.md"


def section_marks(exam: Exam, taught: Sequence[Taught], removed: Mapping[str, RemovedItem], page_src: str) -> dict[str, str]:
    """{section anchor: the line under its heading}: "New in MLA-C02" with the new skills the section teaches,
    or, for a section that teaches only an item the guide dropped, a note that says so."""
    marks: dict[str, str] = {}
    new: dict[str, list[Skill]] = {}
    for t in taught:
        if t.skill.exam == exam.code and t.skill.new and t.page.src == page_src:
            new.setdefault(t.anchor, []).append(t.skill)
    for anchor, skills in new.items():
        links = ", ".join(md_link(s.code, rel(f"{NEW_PAGE}#{skill_anchor(s)}", page_src), s.text)
                          for s in sorted(skills, key=lambda s: [int(x) for x in s.code.split(".")]))
        marks[anchor] = f'<p class="exam-new-mark" markdown="span"><strong>New in {exam.code}</strong> · skill {links}</p>'
    for anchor, item in removed.items():
        where = rel(f"{NEW_PAGE}#{removed_anchor(item)}", page_src)
        marks[anchor] = (f'!!! note "Not in the {exam.code} guide"\n\n    {esc(exam.code)} dropped this from task '
                         f"{item.task}: {esc(item.text)} {esc(item.older)} [What {exam.code} dropped]({where})")
    return marks


def removed_anchor(item: RemovedItem) -> str:
    return f"removed-{item.id}"


def new_in_exam(exam: Exam, taught: Sequence[Taught], questions: Sequence[tuple[str, str, str]],
                removed: Mapping[str, Mapping[str, RemovedItem]], titles: Mapping[str, str], page_src: str) -> str:
    """The page of what `exam` added and dropped: every new skill with the sections and the written questions
    that teach it (questions whose `teach` section teaches the skill), then every dropped item with the
    sections that still teach it. `questions` holds (id, question page src with anchor, teach target)."""
    sections: dict[str, list[Taught]] = {}
    for t in taught:
        if t.skill.exam == exam.code and t.skill.new:
            sections.setdefault(t.skill.code, []).append(t)
    new_skills = [s for s in exam.skills.values() if s.new]
    out = [f"{exam.code} added **{len(new_skills)} skills** to the guide and dropped **{len(exam.removed)} items**.", ""]
    for domain in exam.domains:
        skills = [s for t in domain.tasks for s in t.skills if s.new]
        if not skills:
            continue
        out.append(f"### Domain {domain.number}: {esc(domain.title)} {{ #new-domain-{domain.number} }}\n")
        for skill in skills:
            taught_here = sections.get(skill.code, [])
            targets = {f"{t.page.src}#{t.anchor}" for t in taught_here}
            qs = [(qid, where) for qid, where, teach in questions if teach in targets]
            out.append(f'<p id="{skill_anchor(skill)}" markdown="span"><strong>{skill.code}</strong> {esc(skill.text)}</p>\n')
            items = ["- Taught in " + (", ".join(
                md_link(f"{esc(t.page.title)}: {esc(t.section_title)}", rel(f"{t.page.src}#{t.anchor}", page_src))
                for t in taught_here) or "no section yet")]
            items.append("- Practice: " + (", ".join(md_link(qid, rel(where, page_src)) for qid, where in qs)
                                            if qs else "no written question yet"))
            out += items + [""]
    out.append(f"## What {exam.code} dropped {{ #dropped }}\n")
    for item in exam.removed:
        still = [md_link(esc(titles[src]), rel(f"{src}#{anchor}", page_src)) for src, by_anchor in removed.items()
                 for anchor, it in by_anchor.items() if it.id == item.id]
        out.append(f'<p id="{removed_anchor(item)}" markdown="span"><strong>Task {item.task}</strong> {esc(item.text)}</p>\n')
        out.append(f"- Older questions: {esc(item.older)}")
        if still:
            out.append(f"- Still taught for older material in {', '.join(still)}")
        out.append(f"- Source: [AWS comparison of the two guides]({item.source})\n")
    return "\n".join(out)
