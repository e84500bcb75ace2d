"""mkdocs-macros entry point: loads data/ and wires the studykit functions to macros.

Rendering lives in hooks/studykit so tests can call it without a build.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from studykit import data, diagrams, pages, render  # noqa: E402
from studykit import quiz as practice  # noqa: E402


def define_env(env: Any) -> None:
    try:
        wire_macros(env)
    except data.DataError as err:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"Data error: {err}") from None


def wire_macros(env: Any) -> None:
    changes = data.load_changes()
    facts = data.short_facts(changes)
    glossary = data.load_glossary(facts=facts)
    decisions = data.load_decisions(facts=facts)
    guides = data.exam_guides()
    exams = data.parse_exams(guides)
    docs_dir = Path(env.conf["docs_dir"])
    source_pages = pages.read_pages(docs_dir, env.conf["nav"])
    notes_pages = [p for p in source_pages if p.is_notes]
    env.variables["abbreviation_definitions"] = render.abbreviations(glossary)

    def here() -> str:
        return env.page.file.src_uri

    def decision(key: str) -> data.Decision:
        if key not in decisions:
            near = data.closest(key, list(decisions))
            hint = f" Did you mean: {', '.join(near)}?" if near else ""
            raise data.DataError(f"Unknown decision topic '{key}' on page {here()}.{hint} Files live in data/decisions/.")
        return decisions[key]

    @env.macro
    def term(name: str, text: str | None = None) -> str:
        """Link a glossary term, with its definition as the tooltip."""
        return render.term_link(glossary, name, here(), text)

    @env.macro
    def glossary_entries() -> str:
        usage: dict[str, list[tuple[str, str]]] = {}
        for page in notes_pages:
            for name in dict.fromkeys(pages.term_names_used(page.markdown)):
                entry = glossary.lookup(name)
                if entry and (page.title, page.src) not in usage.setdefault(entry.anchor, []):
                    usage[entry.anchor].append((page.title, page.src))
        return render.glossary_page(glossary, usage, here())

    @env.macro
    def glossary_size() -> int:
        return len(glossary.terms)

    @env.macro
    def scenario_table(topic: str) -> str:
        return render.scenario_table(decision(topic), glossary, here())

    @env.macro
    def options_table(topic: str, fields: list[str], heading: str = "") -> str:
        return render.options_table(decision(topic), fields, glossary, here(), heading)

    @env.macro
    def bullets(topic: str, option: str, field: str) -> str:
        return render.bullet_list(decision(topic), option, field)

    @env.macro
    def changed(change_id: str) -> str:
        return render.changed_admonition(render.find_change(changes, change_id, here()))

    @env.macro
    def fact(change_id: str) -> str:
        """The current value of a changed fact, for use inside a sentence."""
        return render.esc(render.find_change(changes, change_id, here()).short)

    @env.macro
    def exam_map() -> str:
        return render.exam_map(env.page.meta, exams, here())

    @env.macro
    def domain_table(exam: str) -> str:
        by_domain: dict[str, list[tuple[str, str]]] = {}
        for page in notes_pages:
            for code in page.meta["exam"].get(exam, []):
                domain = str(code).split(".")[0]
                if (page.title, page.src) not in by_domain.setdefault(domain, []):
                    by_domain[domain].append((page.title, page.src))
        return render.domain_table(guides[exam], by_domain, here())

    @env.macro
    def all_exam_tips() -> str:
        """Every exam-tip admonition of the notes pages, grouped by page."""
        out = []
        for page in notes_pages:
            tips = render.exam_tips(page.markdown)
            if not tips:
                continue
            out.append(f"## {render.esc(page.title)}\n\nFrom [{render.esc(page.title)}]({render.rel(page.src, here())}).\n")
            for title, body in tips:
                body = env.render(pages.relink(body, page.src, here()), force_rendering=True)
                indented = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
                out.append(f'!!! exam-tip "{html.escape(title)}"\n\n{indented}\n')
        return "\n".join(out)

    @env.macro
    def formula(latex: str, display: bool = False) -> str:
        return render.formula(latex, display)

    diagram_uses: dict[str, int] = {}

    @env.macro
    def diagram(name: str, caption: str | None = None) -> str:
        """An inline SVG from docs/assets/diagrams/, with its title and description for screen readers."""
        diagram_uses[here()] = diagram_uses.get(here(), 0) + 1
        return diagrams.figure(name, here(), diagram_uses[here()], caption)

    @env.macro
    def all_changes() -> str:
        return "\n\n".join(render.changed_admonition(c) for c in changes.values())

    # Practice (studykit/quiz.py): the quiz, the flashcards and the progress panel, built from the same data.
    questions = practice.build_questions(decisions)
    study_pages = [practice.StudyPage(practice.page_id(p.src), p.title, practice.primary_domain(p.meta, exams))
                   for p in notes_pages]
    directory_urls = bool(env.conf.get("use_directory_urls", True))

    @env.macro
    def quiz() -> str:
        """Every decision scenario as a four-choice question."""
        return practice.quiz_html(questions, here(), directory_urls)

    @env.macro
    def flashcards() -> str:
        """Every glossary term as a flashcard."""
        return practice.flashcards_html(glossary, here(), directory_urls)

    @env.macro
    def progress_panel() -> str:
        """The reader's studied pages and quiz score per MLS-C01 domain, with the clear-progress button."""
        return practice.progress_panel_html(guides["MLS-C01"], study_pages, questions)


def on_post_page_macros(env: Any) -> None:
    """Give every abbreviation in the glossary an abbr tooltip on every page."""
    env.markdown += "\n\n" + env.variables["abbreviation_definitions"]
