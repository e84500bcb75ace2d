"""mkdocs-macros entry point: loads data/ and wires the studykit functions to macros.

Rendering lives in hooks/studykit so tests can call it without a build. Everything is loaded and
cross-checked once, when the build starts, so a broken reference fails the build with its culprit.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import sys
from pathlib import Path
from typing import Any

from studykit import coverage as cover
from studykit import data, decks, diagrams, examguide, freshness, guards, pages, practice, render, sheets
from studykit.report import report_url
from studykit.links import check_targets
from studykit import bank_stats, readiness

GLOSSARY_CALL = re.compile(r"""glossary_entries\(\s*(['"])([A-Z#]+|[A-Z][a-z]+)\1""")


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
    changes_pages = render.ChangePages((f.stem for f in (data_dir / "changes").glob("*.yml")), {p.src for p in source_pages})
    for page in source_pages:
        area = next((c.area for c in changes.values() if changes_pages.page_of(c) == page.src), None)
        if area is not None and page.title != area:
            raise data.DataError(f"docs/{page.src}: its title '{page.title}' must be the area of its data file, '{area}' (the nav label too).")
    checked = {p.src: freshness.page_checked(p.meta, p.src) for p in notes_pages}
    for line in freshness.stale_checks(checked, changes.values(), study.questions, study.today):
        print(f"WARNING -  Facts due for a check: {line}", file=sys.stderr)

    # Glossary pages: each page lists the letters named in its glossary_entries("...") call.
    for page in source_pages:
        for match in GLOSSARY_CALL.finditer(page.markdown):
            for key in render.glossary_keys(match.group(2)):
                glossary.pages[key] = page.src
    letters = {data.glossary_letter(t) for t in glossary.terms}
    if glossary.pages and letters - {key[0] for key in glossary.pages}:
        missing = "".join(sorted(letters - set(glossary.pages)))
        raise data.DataError(f"No glossary page lists the letters '{missing}'. Add them to a glossary_entries() call in docs/glossary/.")

    # Which sections teach which skills; pages that map no exam are not notes pages.
    taught_by_page = {p.src: pages.page_covers(p, exams) for p in notes_pages}
    taught = [t for ts in taught_by_page.values() for t in ts]
    taught_by_section: dict[str, list[pages.Taught]] = {}
    for t in taught:
        taught_by_section.setdefault(f"{t.page.src}#{t.anchor}", []).append(t)
    mapped_exams = [code for code, e in exams.items() if e.mock]
    current = study.current_exam
    removed_by_page = {p.src: pages.page_removed(p, current) for p in notes_pages}
    env.variables["section_marks"] = {
        p.src: cover.section_marks(current, taught_by_page[p.src], removed_by_page[p.src], p.src) for p in notes_pages
    }
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
    by_src = {p.src: p for p in source_pages}
    repo_url, site_url = env.conf.get("repo_url") or "", env.conf.get("site_url") or ""
    figures = bank_stats.bank_figures(study.questions, study.current_exam)
    for line in bank_stats.report_lines(figures):
        bank_stats.log.info(line)
    bank_stats.check(figures)  # one position holding too many keys fails the build, naming it and the fix
    questions = practice.scenario_questions(study.decisions, taught_by_section, taught_by_page) + practice.bank_questions(
        study.questions, titles
    )
    study_pages = [
        (p.src[:-3], p.title,
         {code: practice.page_domains(taught_by_page[p.src], exams[code]) for code in mapped_exams})
        for p in notes_pages
    ]
    progress = practice.progress_data({c: exams[c] for c in mapped_exams}, study_pages, questions)
    for exam in [exams[c] for c in mapped_exams if exams[c].role == "current"]:
        for task in exam.tasks:
            wanted = len(practice.task_question_parts(questions, exam.code, task))
            for n in range(1, wanted + 1):
                src = practice.question_page_src(exam.code, task, n)
                if src not in titles:
                    raise data.DataError(
                        f"Task {task} has {wanted} pages of written questions ({practice.QUESTIONS_PER_PAGE} a page), "
                        f"but docs/{src} does not exist. Create it with a title and "
                        f'{{{{ question_bank("{exam.code} {task}", {n}) }}}}, and add it to the nav under Questions by task.'
                    )
    env.variables["abbreviation_definitions"] = render.abbreviations(glossary)
    env.variables["study"] = {"next": _next_notes(notes_pages, directory_urls)}
    env.variables["readiness_rules"] = readiness.RULES

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
        return render.changed_group([render.find_change(changes, c, here()) for c in change_ids], study.today)

    @env.macro
    def fact(change_id: str) -> str:
        """The current value of a changed fact, for use inside a sentence."""
        return render.esc(render.find_change(changes, change_id, here()).short)

    def change_href(change: data.Change) -> str:
        return render.rel(f"{changes_pages.page_of(change)}#{change.id}", here())

    @env.macro
    def changes_summary() -> str:
        return render.changes_summary(list(changes.values()), change_href)

    @env.macro
    def coming_changes() -> str:
        return render.coming_changes(list(changes.values()), change_href, study.today)

    @env.macro
    def changes_in_area() -> str:
        """On review/whats-changed/NAME.md: every change of data/changes/NAME.yml."""
        return render.changes_list(changes_pages.changes_on(here(), changes.values()), study.today)

    @env.macro
    def change_areas() -> str:
        """A link to each area's page, in file order."""
        areas = {changes_pages.page_of(c): c.area for c in changes.values()}
        return "\n".join(f"- [{render.esc(area)}]({render.rel(src, here())})" for src, area in sorted(areas.items()))

    @env.macro
    def moved_anchors(targets: dict[str, str]) -> str:
        """Sections that moved to another page, {anchor: docs page}: old links to them here follow them."""
        unknown = [t for t in targets.values() if t not in by_src]
        if unknown:
            raise data.DataError(f"moved_anchors() on page {here()}: '{unknown[0]}' is not a docs page in the nav.")
        where = {anchor: render.page_href(target, here()) for anchor, target in targets.items()}
        return f'<div class="moved-anchors" hidden data-targets="{html.escape(json.dumps(where), quote=True)}"></div>'

    @env.macro
    def change_pages_map() -> str:
        """Where each change now lives, for old links to a change's anchor on the index."""
        return changes_pages.redirect_map(changes.values(), here())

    # ------------------------------------------------------------------ exams

    @env.macro
    def exam_map() -> str:
        src = here()
        if src not in taught_by_page:
            raise data.DataError(f"exam_map() on page {src}: the page has no 'covers:' front matter, so it maps no exam skill.")
        domains = {code: examguide.primary_domain(taught_by_page[src], exams[code]) for code in mapped_exams}
        address = freshness.page_url(env.conf.get("site_url") or "", src, directory_urls)
        return (
            examguide.exam_map(taught_by_page[src], exams, src, coverage_pages)
            + "\n\n"
            + freshness.facts_checked_line(checked[src], report_url(env.conf.get("repo_url") or "", f"docs/{src}", address))
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

    @env.macro
    def coverage_filter() -> str:
        """A switch that shows only the skills new in the current exam (CSS: notes.css, .coverage-only-new)."""
        return ('<p class="coverage-only-new"><label><input type="checkbox" id="coverage-only-new"> '
                f"Show only the skills new in {current.code}</label></p>")

    @env.macro
    def new_in_exam() -> str:
        """What the current exam added (its new skills, where each is taught and which questions drill it) and dropped."""
        where = practice.question_pages(questions, current.code)
        written = [(q.id, where[q.id], q.target) for q in questions if q.id in where]
        return cover.new_in_exam(current, taught, written,
                                 {src: r for src, r in removed_by_page.items() if r}, titles, here())

    @env.macro
    def domain_overview(domain: str) -> str:
        """A domain's index: each task with the pages the nav lists under it and the practice for it."""
        exam = current
        dom = next((d for d in exam.domains if d.number == domain), None)
        if dom is None:
            raise data.DataError(f"domain_overview('{domain}') on page {here()}: {exam.code} has no such domain.")
        placed = pages.nav_tasks(env.conf["nav"], exam)
        out = [f"Domain {dom.number} is **{dom.weight}%** of the scored questions of {exam.code}. "
               f"It has {len(dom.tasks)} task statements.", ""]
        for task in dom.tasks:
            new = sum(s.new for s in task.skills)
            out.append(f"## {task.code} {render.esc(task.title)} {{ #task-{task.code.replace('.', '-')} }}\n")
            out.append(f"{len(task.skills)} skills, {new} of them new in {exam.code}. "
                       f"[Every skill and where it is taught]({render.rel(f'{coverage_pages[exam.code]}#{cover.skill_anchor(task)}', here())}).\n")
            for src in placed.get(task.code, []):
                page = by_src[src]
                out.append(f"- [{render.esc(page.title)}]({render.rel(src, here())}): {render.esc(page.meta.get('description', ''))}")
            count = sum(1 for q in questions if q.kind == "bank" and task.code in q.tasks.get(exam.code, ()))
            quiz = practice.href("practice/quiz.md", here(), directory_urls) + practice.quiz_query(exam.code, task.code)
            questions_page = render.rel(practice.question_page_src(exam.code, task.code), here())
            out.append(f'\n**Practice:** [the {count} written questions of task {task.code}]({questions_page}) · '
                       f'<a href="{html.escape(quiz, quote=True)}">quiz on task {task.code}</a>\n')
        return "\n".join(out)

    # ------------------------------------------------------------------ review

    def tips_of(chosen: list[pages.SourcePage]) -> str:
        """Every exam-tip admonition of `chosen`, under a heading for each page."""
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

    def task_pages(task: str) -> list[pages.SourcePage]:
        placed = pages.nav_tasks(env.conf["nav"], current).get(task)
        if not placed:
            raise data.DataError(f"task '{task}' on page {here()}: the nav lists no page under {current.code} task {task}.")
        return [by_src[src] for src in placed if by_src[src].is_notes]

    TIPS_PAGE = "review/exam-tips/task-{}.md"
    from markdown.extensions.toc import slugify as toc_slug  # the ids the tips pages' headings get

    @env.macro
    def task_exam_tips(task: str) -> str:
        """Every exam tip of the notes pages the nav lists under one task of the current exam."""
        return tips_of(task_pages(task))

    @env.macro
    def domain_exam_tips(domain: str) -> str:
        """A domain's exam-tip pages, one a task, with how many tips each gathers; old links to a page's
        tips on this page follow them to its task's page."""
        dom = next((d for d in current.domains if d.number == domain), None)
        if dom is None:
            raise data.DataError(f"domain_exam_tips('{domain}') on page {here()}: {current.code} has no such domain.")
        rows, moved = [], {}
        for task in dom.tasks:
            src = TIPS_PAGE.format(task.code.replace(".", "-"))
            if src not in by_src:
                raise data.DataError(f"domain_exam_tips('{domain}'): docs/{src} is missing. Create it with a title "
                                     f'and {{{{ task_exam_tips("{task.code}") }}}}, and add it to the nav.')
            chosen = task_pages(task.code)
            rows.append(f"- [{render.esc(by_src[src].title)}]({render.rel(src, here())}): "
                        f"{sum(len(render.exam_tips(p.markdown)) for p in chosen)} tips from {len(chosen)} pages")
            moved.update({toc_slug(p.title, "-"): render.page_href(src, here()) for p in chosen})
        targets = html.escape(json.dumps(moved), quote=True)
        return "\n".join(rows) + f'\n\n<div class="moved-anchors" hidden data-targets="{targets}"></div>'

    @env.macro
    def exam_tip_sections() -> str:
        """The exam-tip pages of review/exam-tips/, each with how many tips it gathers."""
        rows = ["| Part of the site | Tips |", "|---|---|"]
        for page in source_pages:
            match = re.search(r"""task_exam_tips\(\s*["']([^"']+)["']""", page.markdown)
            if page.src.startswith("review/exam-tips/") and match:
                count = sum(len(render.exam_tips(p.markdown)) for p in task_pages(match.group(1)))
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
    def question_bank(task: str, part: int = 1) -> str:
        """The written questions on one task statement ("MLA-C02 1.1"), readable without JavaScript, after a
        link that opens the quiz on that task; `part` 2 and on hold the questions past each page's share."""
        found = data.parse_ref(task, exams, f"question_bank() on page {here()}", level="task")
        parts = practice.task_question_parts(questions, found.exam, found.code)
        if not 1 <= part <= len(parts):
            raise data.DataError(f"question_bank('{task}', {part}) on page {here()}: task {found.code} has "
                                 f"{len(parts)} page(s) of questions. Delete this page or fix the part number.")
        first = (part - 1) * practice.QUESTIONS_PER_PAGE + 1
        listing = practice.question_list_html(parts[part - 1], here(), directory_urls, repo_url, site_url, first)
        drill = practice.drill_link(found.exam, found.code, sum(map(len, parts)), here(), directory_urls)
        others = [practice.href(practice.question_page_src(found.exam, found.code, n), here(), directory_urls)
                  for n in range(1, len(parts) + 1)]
        pager = " · ".join(f"questions {(n - 1) * practice.QUESTIONS_PER_PAGE + 1}–{(n - 1) * practice.QUESTIONS_PER_PAGE + len(c)}"
                           if n == part else f'<a href="{html.escape(link, quote=True)}">questions '
                           f"{(n - 1) * practice.QUESTIONS_PER_PAGE + 1}–{(n - 1) * practice.QUESTIONS_PER_PAGE + len(c)}</a>"
                           for n, (link, c) in enumerate(zip(others, parts), 1))
        nav = f'<p class="question-parts">Pages of task {found.code}: {pager}</p>' if len(parts) > 1 else ""
        return f"{drill}\n\n{nav}\n\n{listing}\n\n{nav}"

    @env.macro
    def practice_app(kind: str, intro: str, fallback: str) -> str:
        """The quiz, the mock exam or the flashcards: a mount point with the little data the page needs
        before the learner starts (the questions and the deck load on demand)."""
        apps = {
            "quiz": lambda: practice.quiz_setup(questions, exams, here(), directory_urls, repo_url),
            # The mock draws by exam and format only: the quiz's topic filter stays off its page.
            "mock": lambda: {k: v for k, v in practice.quiz_setup(questions, exams, here(), directory_urls, repo_url).items()
                             if k != "topics"},
            "flashcards": lambda: {"deck": len(glossary.terms), "newPerDay": practice.NEW_CARDS_PER_DAY,
                                   "retention": readiness.CARD_RECALL},
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
        return practice.progress_panel_html(progress, practice.href("practice/index.md#readiness", here(), directory_urls))

    @env.macro
    def readiness_panel() -> str:
        """The practice page's readiness estimate per domain and task of the current exam."""
        return readiness.readiness_panel_html(study.current_exam)

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

    site_url = env.conf.get("site_url") or ""

    def published(target: str) -> str:
        path, _, anchor = target.partition("#")
        return freshness.page_url(site_url, path, directory_urls) + (f"#{anchor}" if anchor else "")

    built_decks: list[decks.Deck] = []

    def downloads() -> list[decks.Deck]:
        if not built_decks:
            built_decks.extend(decks.all_decks(glossary, study.questions, published))
        return built_decks

    env.variables["downloads"] = downloads
    # Old page id -> new page id, from the redirects of the pages that moved (reader.js keeps studied marks).
    redirects = env.conf["plugins"]["redirects"].config["redirect_maps"] if "redirects" in env.conf["plugins"] else {}
    env.variables["moved_pages"] = {old[:-3]: new[:-3] for old, new in redirects.items()}

    @env.macro
    def domain_sheet(domain: str) -> str:
        """A printable sheet of one MLA-C02 domain: its decision tables, one exam tip per page, its abbreviations."""
        exam = study.current_exam
        if domain not in {d.number for d in exam.domains}:
            raise data.DataError(f"domain_sheet('{domain}') on page {here()}: {exam.code} has domains "
                                 f"{', '.join(d.number for d in exam.domains)}.")
        chosen = sheets.pages_of_domain(notes_pages, taught_by_page, exam, domain)
        oldest = min((checked[p.src] for p in chosen), key=lambda d: d.start)
        out = [sheets.heading(exam, domain, oldest.words()), '<div class="domain-sheet" markdown>', "",
               "## Which one? { #which-one }", ""]
        srcs = {p.src for p in chosen}
        for decision in study.decisions.values():
            if decision.page in srcs:
                out.append(sheets.decision_block(decision, practice.href(decision.page, here(), directory_urls)))
        out += ["", "## Exam tips { #exam-tips }", ""]
        for page in chosen:
            tips = render.exam_tips(page.markdown)
            if tips:
                title, body = tips[0]
                body = env.render(pages.relink(body, page.src, here()), force_rendering=True)
                first = re.split(r"\n\s*\n", body.strip())[0].replace("\n", " ")
                out.append(f'<p class="sheet-tip" markdown><strong>{html.escape(title)}</strong> '
                           f'([{render.esc(page.title)}]({render.rel(page.src, here())})): {first}</p>')
        used = {entry for page in chosen for name in pages.term_names_used(page.markdown)
                if (entry := glossary.lookup(name))}
        out += ["", "## Abbreviations { #abbreviations }", "", f'<p class="sheet-abbr">{sheets.abbreviations_line(used)}</p>',
                "", "</div>"]
        return "\n".join(out)

    @env.macro
    def domain_sheets() -> str:
        """A link to each domain's sheet (review/sheets/domain-N.md), with the domain's name and weight."""
        exam = study.current_exam
        return "\n".join(
            f"- [Domain {d.number}: {render.esc(d.title)}]({render.rel(f'review/sheets/domain-{d.number}.md', here())}) "
            f"({d.weight}%)" for d in exam.domains
        )

    @env.macro
    def deck_downloads() -> str:
        """The decks for Anki and the CSV files, with their card counts and sizes."""
        rows = ["| Download | Cards | Size |", "|---|---|---|"]
        for deck in downloads():
            kind = "Anki package" if deck.file.endswith(".apkg") else "CSV"
            link = posixpath.relpath(f"{decks.DOWNLOADS}/{deck.file}", posixpath.dirname(pages.built_file(here(), directory_urls)))
            rows.append(f'| <a href="{html.escape(link, quote=True)}" download>{html.escape(deck.title)} ({kind})</a> '
                        f"| {deck.cards} | {deck.kib} KiB |")
        return "\n".join(rows)

    env.variables["search_terms"] = practice.search_terms(glossary, usage, directory_urls)
    section_labels = {f"{p.src}#{anchor}": readiness.section_label(p.title, heading)
                      for p in notes_pages for anchor, heading in p.sections.items()}
    env.variables["practice_assets"] = {
        "readiness.json": readiness.readiness_json(questions, study.current_exam, glossary, section_labels, directory_urls),
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


def on_pre_page_macros(env: Any) -> None:
    """Notes pages: under each section heading, "New in MLA-C02" or the note that the guide dropped it."""
    marks = env.variables["section_marks"].get(pages.page_src(env.page))
    if marks:
        env.markdown = pages.insert_after_headings(env.markdown, marks)


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
    decks.write(env.variables["downloads"](), Path(env.conf["site_dir"]))
    (out / "moved.json").write_text(json.dumps(env.variables["moved_pages"], separators=(",", ":")), encoding="utf-8")
    terms = Path(env.conf["site_dir"]) / "search" / "terms.json"
    terms.parent.mkdir(parents=True, exist_ok=True)
    terms.write_text(json.dumps(env.variables["search_terms"], ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
