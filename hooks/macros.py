"""mkdocs-macros entry point: loads data/ and wires the studykit functions to macros.

Rendering lives in hooks/studykit so tests can call it without a build. Everything is loaded and
cross-checked once, when the build starts, so a broken reference fails the build with its culprit.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from studykit import coverage as cover  # noqa: E402
from studykit import data, diagrams, examguide, guards, pages, practice, render  # noqa: E402
from studykit.links import check_targets  # noqa: E402

GLOSSARY_CALL = re.compile(r"""glossary_entries\(\s*(['"])([A-Z#]+)\1""")


def define_env(env: Any) -> None:
    try:
        wire_macros(env)
    except data.DataError as err:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"Data error: {err}") from None


def wire_macros(env: Any) -> None:
    data_dir = Path(env.conf["config_file_path"]).parent / "data"
    study = data.load_all(data_dir)
    glossary, exams, changes = study.glossary, study.exams, study.changes
    docs_dir = Path(env.conf["docs_dir"])
    # Stale facts fail the build: a changed value typed outside its record, or a date typed into a page.
    guards.check(changes, docs_dir, data_dir)
    directory_urls = bool(env.conf.get("use_directory_urls", True))
    source_pages = pages.read_pages(docs_dir, env.conf["nav"])
    notes_pages = [p for p in source_pages if p.is_notes]

    # Glossary pages: each page lists the letters named in its glossary_entries("...") call.
    for page in source_pages:
        for match in GLOSSARY_CALL.finditer(page.markdown):
            for letter in match.group(2):
                glossary.pages[letter] = page.src
    letters = {data.glossary_letter(t) for t in glossary.terms}
    if glossary.pages and letters - set(glossary.pages):
        missing = "".join(sorted(letters - set(glossary.pages)))
        raise data.DataError(f"No glossary page lists the letters '{missing}'. Add them to a glossary_entries() call in docs/glossary/.")

    # Which sections teach which skills; pages that map no exam are not notes pages.
    taught_by_page = {p.src: pages.page_covers(p, exams) for p in notes_pages}
    taught = [t for ts in taught_by_page.values() for t in ts]
    taught_by_section: dict[str, list[pages.Taught]] = {}
    for t in taught:
        taught_by_section.setdefault(f"{t.page.src}#{t.anchor}", []).append(t)
    mapped_exams = [code for code, e in exams.items() if e.mock]
    coverage_pages = {code: f"review/coverage-{code.lower()}.md" for code in mapped_exams}

    # Every link that data makes into the pages must land on a real section.
    anchors = {p.src: set(p.sections) for p in source_pages}
    for t in glossary.terms:
        anchors.setdefault(glossary.page_of(t), set()).add(t.anchor)
    check_targets(study, anchors)

    usage: dict[str, list[tuple[str, str]]] = {}
    for page in notes_pages:
        for name in dict.fromkeys(pages.term_names_used(page.markdown)):
            entry = glossary.lookup(name)
            if entry and (page.title, page.src) not in usage.setdefault(entry.anchor, []):
                usage[entry.anchor].append((page.title, page.src))

    titles = {p.src: p.title for p in source_pages}
    questions = practice.scenario_questions(study.decisions, taught_by_section, taught_by_page) + practice.bank_questions(
        study.questions, titles
    )
    study_pages = [
        (p.src[:-3], p.title,
         {code: examguide.primary_domain(taught_by_page[p.src], exams[code]) for code in mapped_exams})
        for p in notes_pages
    ]
    progress = practice.progress_data({c: exams[c] for c in mapped_exams}, study_pages, questions)
    env.variables["abbreviation_definitions"] = render.abbreviations(glossary)
    env.variables["study"] = {"next": _next_notes(notes_pages, directory_urls)}

    def here() -> str:
        return pages.page_src(env.page)

    def decision(key: str) -> data.Decision:
        if key not in study.decisions:
            raise data.DataError(
                f"Unknown decision topic '{key}' on page {here()}.{data.did_you_mean(key, list(study.decisions))} "
                "Files live in data/decisions/."
            )
        return study.decisions[key]

    # ------------------------------------------------------------------ glossary

    @env.macro
    def term(name: str, text: str | None = None) -> str:
        """Link a glossary term, with its definition as the tooltip."""
        return render.term_link(glossary, name, here(), text)

    @env.macro
    def glossary_entries(letters: str | None = None) -> str:
        return render.glossary_page(glossary, usage, here(), letters)

    @env.macro
    def glossary_az() -> str:
        return render.az_strip(glossary, here())

    @env.macro
    def glossary_size() -> int:
        return len(glossary.terms)

    # ------------------------------------------------------------------ decisions

    @env.macro
    def scenario_table(topic: str) -> str:
        return render.scenario_table(decision(topic), glossary, here())

    @env.macro
    def options_table(topic: str, fields: list[str], heading: str = "") -> str:
        return render.options_table(decision(topic), fields, glossary, here(), heading)

    @env.macro
    def bullets(topic: str, option: str, field: str) -> str:
        return render.bullet_list(decision(topic), option, field)

    # ------------------------------------------------------------------ changed facts

    @env.macro
    def changed(*change_ids: str) -> str:
        """One changed fact as a box, or several on one topic as one collapsed box."""
        if not change_ids:
            raise data.DataError(f"changed() on page {here()} needs at least one change id.")
        return render.changed_group([render.find_change(changes, c, here()) for c in change_ids])

    @env.macro
    def fact(change_id: str) -> str:
        """The current value of a changed fact, for use inside a sentence."""
        return render.esc(render.find_change(changes, change_id, here()).short)

    @env.macro
    def changes_summary() -> str:
        return render.changes_summary(list(changes.values()))

    @env.macro
    def changes_by_area() -> str:
        return render.changes_by_area(list(changes.values()))

    # ------------------------------------------------------------------ exams

    @env.macro
    def exam_map() -> str:
        src = here()
        if src not in taught_by_page:
            raise data.DataError(f"exam_map() on page {src}: the page has no 'covers:' front matter, so it maps no exam skill.")
        domains = {code: examguide.primary_domain(taught_by_page[src], exams[code]) for code in mapped_exams}
        return (
            examguide.exam_map(taught_by_page[src], exams, src, coverage_pages)
            + "\n\n"
            + examguide.study_toggle(src[:-3], domains)
        )

    @env.macro
    def domain_table(exam: str) -> str:
        if exam not in exams:
            raise data.DataError(f"domain_table('{exam}') on page {here()}: unknown exam.{data.did_you_mean(exam, list(exams))}")
        by_domain: dict[str, list[tuple[str, str]]] = {}
        for page in notes_pages:
            for task, _ in examguide.tasks_taught(taught_by_page[page.src], exams[exam]):
                if (page.title, page.src) not in by_domain.setdefault(task.domain, []):
                    by_domain[task.domain].append((page.title, page.src))
        return examguide.domain_table(exams[exam], by_domain, here())

    @env.macro
    def exam_status() -> str:
        return examguide.exam_status(exams)

    @env.macro
    def exam_fact(exam: str, item: str) -> str:
        """One fact of an exam, for a sentence: exam_fact("MLS-C01", "Retirement")."""
        found = [f for f in (*exams[exam].timeline, *exams[exam].facts) if f.item == item] if exam in exams else []
        if not found:
            raise data.DataError(f"exam_fact('{exam}', '{item}') on page {here()}: no such exam fact in data/exams.yml.")
        return render.esc(found[0].value)

    @env.macro
    def coverage(exam: str) -> str:
        if exam not in coverage_pages:
            raise data.DataError(f"coverage('{exam}') on page {here()}: only {', '.join(coverage_pages)} are mapped.")
        skills = cover.coverage(exams[exam], taught, glossary, usage)
        return cover.coverage_page(
            exams[exam], skills, here(), lambda t: render.rel(f"{glossary.page_of(t)}#{t.anchor}", here())
        )

    # ------------------------------------------------------------------ review

    @env.macro
    def all_exam_tips(folder: str = "") -> str:
        """Every exam-tip admonition of the notes pages in `folder` (all of them by default), grouped by page."""
        chosen = [p for p in notes_pages if p.src.startswith(folder)]
        if not chosen:
            raise data.DataError(f"all_exam_tips('{folder}') on page {here()}: no notes page is in that folder.")
        out = []
        for page in chosen:
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
    def exam_tip_sections() -> str:
        """The exam-tip pages of review/exam-tips/, each with how many tips it gathers."""
        rows = ["| Part of the site | Tips |", "|---|---|"]
        for page in source_pages:
            match = re.search(r"""all_exam_tips\(\s*["']([^"']+)["']""", page.markdown)
            if page.src.startswith("review/exam-tips/") and match:
                count = sum(len(render.exam_tips(p.markdown)) for p in notes_pages if p.src.startswith(match.group(1)))
                rows.append(f"| [{render.esc(page.title)}]({render.rel(page.src, here())}) | {count} |")
        return "\n".join(rows)

    @env.macro
    def formula(latex: str, display: bool = False) -> str:
        return render.formula(latex, display)

    diagram_uses: dict[str, int] = {}

    @env.macro
    def diagram(name: str, caption: str | None = None) -> str:
        """An inline SVG from docs/assets/diagrams/, with its title and description for screen readers."""
        diagram_uses[here()] = diagram_uses.get(here(), 0) + 1
        return diagrams.figure(name, here(), diagram_uses[here()], caption)

    # ------------------------------------------------------------------ practice

    @env.macro
    def question_count(kind: str = "") -> int:
        return sum(1 for q in questions if not kind or q.kind == kind)

    @env.macro
    def question_bank(task: str) -> str:
        """The written questions on one task statement ("MLA-C02 1.1"), readable without JavaScript,
        after a link that opens the quiz on that task."""
        found = data.parse_ref(task, exams, f"question_bank() on page {here()}", level="task")
        chosen = [q for q in questions if q.kind == "bank" and found.code in q.tasks.get(found.exam, ())]
        listing = practice.question_list_html(chosen, here(), directory_urls)
        drill = practice.drill_link(found.exam, found.code, len(chosen), here(), directory_urls)
        return f"{drill}\n\n{listing}"

    @env.macro
    def practice_app(kind: str, intro: str, fallback: str) -> str:
        """The quiz, the mock exam or the flashcards: a mount point with the little data the page needs
        before the learner starts (the questions and the deck load on demand)."""
        apps = {
            "quiz": lambda: practice.quiz_setup(questions, exams, here(), directory_urls),
            "mock": lambda: practice.quiz_setup(questions, exams, here(), directory_urls),
            "flashcards": lambda: {"deck": len(glossary.terms), "newPerDay": practice.NEW_CARDS_PER_DAY},
        }
        if kind not in apps:
            raise data.DataError(f"practice_app('{kind}') on page {here()}: unknown app.{data.did_you_mean(kind, list(apps))}")
        return practice.app_shell(kind, intro, fallback, apps[kind]())

    @env.macro
    def new_cards_per_day() -> int:
        return practice.NEW_CARDS_PER_DAY

    @env.macro
    def mock_formats() -> str:
        """The mock exam formats of each practice exam, with the note that says where the numbers come from."""
        return practice.mock_formats_table(exams)

    @env.macro
    def progress_panel() -> str:
        """The reader's studied pages and right answers per domain of each exam, with export, import and clear."""
        return practice.progress_panel_html(progress)

    @env.macro
    def continue_panel() -> str:
        """Home page: "Continue where you left off" and a one-line progress summary, hidden until
        docs/assets/js/reader.js finds progress in this browser. Carries the notes pages in reading order."""
        path = [{"id": p.src[:-3], "title": p.title, "href": practice.href(p.src, here(), directory_urls)}
                for p in notes_pages]
        mock = practice.href("practice/mock-exam.md", here(), directory_urls)
        return (
            '<div class="continue-panel" data-continue hidden data-search-exclude>'
            '<p class="continue-summary">You have studied <strong class="continue-studied">0</strong> of '
            f'{len(path)} notes pages and answered <strong class="continue-right">0</strong> '
            '<span class="continue-right-unit">questions</span> right in this browser. '
            '<a href="#your-progress">Your progress by domain</a></p>'
            '<p class="continue-next"><a class="md-button md-button--primary continue-link" href="">'
            'Continue where you left off: <span class="continue-title"></span></a>'
            f'<span class="continue-done" hidden>You have studied every notes page. Time for a '
            f'<a href="{html.escape(mock)}">mock exam</a>.</span></p>'
            f"{practice.data_block(path, 'continue-data')}"
            "</div>"
        )

    env.variables["search_terms"] = practice.search_terms(glossary, usage, directory_urls)
    env.variables["practice_assets"] = {
        "bank.json": practice.bank_json(questions, exams, directory_urls),
        "glossary.json": practice.glossary_json(glossary, glossary.page_of, directory_urls),
    }


def _next_notes(notes_pages: list[pages.SourcePage], directory_urls: bool) -> dict[str, tuple[str, str] | None]:
    """For each notes page, the next notes page in reading order (title and relative link)."""
    result: dict[str, tuple[str, str] | None] = {}
    for i, page in enumerate(notes_pages):
        nxt = notes_pages[i + 1] if i + 1 < len(notes_pages) else None
        result[page.src] = (nxt.title, practice.href(nxt.src, page.src, directory_urls)) if nxt else None
    return result


def on_post_page_macros(env: Any) -> None:
    """Every page: abbreviation tooltips from the glossary. Notes pages: the end-of-page study control."""
    src = pages.page_src(env.page)
    nxt = env.variables["study"]["next"]
    if src in nxt:
        env.markdown += "\n\n" + examguide.study_next(src[:-3], nxt[src])
    env.markdown += "\n\n" + env.variables["abbreviation_definitions"]


def on_post_build(env: Any) -> None:
    """Write the JSON the practice pages load on demand (so the pages themselves stay light)."""
    out = Path(env.conf["site_dir"]) / practice.ASSET_DIR
    out.mkdir(parents=True, exist_ok=True)
    for name, payload in env.variables["practice_assets"].items():
        (out / name).write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    terms = Path(env.conf["site_dir"]) / "search" / "terms.json"
    terms.parent.mkdir(parents=True, exist_ok=True)
    terms.write_text(json.dumps(env.variables["search_terms"], ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
