"""The page macros: what a page's {{ ... }} calls render, from the site model.

Each public method is one macro. `here` says which docs page is being rendered and `render_markdown`
expands the macros inside Markdown taken from another page (exam tips), so any engine that can supply
both can offer the same macros.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Callable

from markdown.extensions.toc import slugify as toc_slug  # the ids the tips pages' headings get

from studykit import coverage as cover
from studykit import data, decks, diagrams, examguide, freshness, pages, practice, readiness, render, sheets
from studykit.report import report_url
from studykit.site import SiteModel

TIPS_PAGE = "review/exam-tips/task-{}.md"


class PageMacros:
    def __init__(self, model: SiteModel, here: Callable[[], str], render_markdown: Callable[[str], str]) -> None:
        self.m = model
        self._page = here
        self._render = render_markdown
        self._diagram_uses: dict[str, int] = {}

    @classmethod
    def names(cls) -> list[str]:
        """Every macro: the public methods."""
        return [n for n, v in vars(cls).items() if callable(v) and not n.startswith("_")]

    def _here(self) -> str:
        return self._page()

    def _decision(self, key: str) -> data.Decision:
        if key not in self.m.study.decisions:
            raise data.DataError(
                f"Unknown decision topic '{key}' on page {self._here()}.{data.did_you_mean(key, list(self.m.study.decisions))} "
                "Files live in data/decisions/."
            )
        return self.m.study.decisions[key]

    # ------------------------------------------------------------------ glossary

    def term(self, name: str, text: str | None = None) -> str:
        """Link a glossary term, with its definition as the tooltip."""
        return render.term_link(self.m.glossary, name, self._here(), text)

    def glossary_entries(self, letters: str | None = None) -> str:
        return render.glossary_page(self.m.glossary, self.m.usage, self._here(), letters)

    def glossary_az(self) -> str:
        return render.az_strip(self.m.glossary, self._here())

    def glossary_size(self) -> int:
        return len(self.m.glossary.terms)

    # ------------------------------------------------------------------ decisions

    def scenario_table(self, topic: str) -> str:
        return render.scenario_table(self._decision(topic), self.m.glossary, self._here())

    def options_table(self, topic: str, fields: list[str], heading: str = "") -> str:
        return render.options_table(self._decision(topic), fields, self.m.glossary, self._here(), heading)

    def bullets(self, topic: str, option: str, field: str) -> str:
        return render.bullet_list(self._decision(topic), option, field)

    # ------------------------------------------------------------------ changed facts

    def changed(self, *change_ids: str) -> str:
        """One changed fact as a box, or several on one topic as one collapsed box."""
        if not change_ids:
            raise data.DataError(f"changed() on page {self._here()} needs at least one change id.")
        return render.changed_group([render.find_change(self.m.changes, c, self._here()) for c in change_ids], self.m.study.today)

    def fact(self, change_id: str) -> str:
        """The current value of a changed fact, for use inside a sentence."""
        return render.esc(render.find_change(self.m.changes, change_id, self._here()).short)

    def _change_href(self, change: data.Change) -> str:
        return render.rel(f"{self.m.changes_pages.page_of(change)}#{change.id}", self._here())

    def changes_summary(self) -> str:
        return render.changes_summary(list(self.m.changes.values()), self._change_href)

    def coming_changes(self) -> str:
        return render.coming_changes(list(self.m.changes.values()), self._change_href, self.m.study.today)

    def changes_in_area(self) -> str:
        """On review/whats-changed/NAME.md: every change of data/changes/NAME.yml."""
        return render.changes_list(self.m.changes_pages.changes_on(self._here(), self.m.changes.values()), self.m.study.today)

    def change_areas(self) -> str:
        """A link to each area's page, in file order."""
        areas = {self.m.changes_pages.page_of(c): c.area for c in self.m.changes.values()}
        return "\n".join(f"- [{render.esc(area)}]({render.rel(src, self._here())})" for src, area in sorted(areas.items()))

    def moved_anchors(self, targets: dict[str, str]) -> str:
        """Sections that moved to another page, {anchor: docs page}: old links to them here follow them."""
        unknown = [t for t in targets.values() if t not in self.m.by_src]
        if unknown:
            raise data.DataError(f"moved_anchors() on page {self._here()}: '{unknown[0]}' is not a docs page in the nav.")
        where = {anchor: render.page_href(target, self._here()) for anchor, target in targets.items()}
        return f'<div class="moved-anchors" hidden data-targets="{html.escape(json.dumps(where), quote=True)}"></div>'

    def change_pages_map(self) -> str:
        """Where each change now lives, for old links to a change's anchor on the index."""
        return self.m.changes_pages.redirect_map(self.m.changes.values(), self._here())

    # ------------------------------------------------------------------ exams

    def exam_map(self) -> str:
        src = self._here()
        if src not in self.m.taught_by_page:
            raise data.DataError(f"exam_map() on page {src}: the page has no 'covers:' front matter, so it maps no exam skill.")
        domains = {code: examguide.primary_domain(self.m.taught_by_page[src], self.m.exams[code]) for code in self.m.mapped_exams}
        address = freshness.page_url(self.m.settings.site_url, src, self.m.directory_urls)
        return (
            examguide.exam_map(self.m.taught_by_page[src], self.m.exams, src, self.m.coverage_pages)
            + "\n\n"
            + freshness.facts_checked_line(self.m.checked[src], report_url(self.m.settings.repo_url, f"docs/{src}", address))
            + "\n\n"
            + examguide.study_toggle(src[:-3], domains)
        )

    def domain_table(self, exam: str) -> str:
        if exam not in self.m.exams:
            raise data.DataError(f"domain_table('{exam}') on page {self._here()}: unknown exam.{data.did_you_mean(exam, list(self.m.exams))}")
        by_domain: dict[str, list[tuple[str, str]]] = {}
        for page in self.m.notes_pages:
            for task, _ in examguide.tasks_taught(self.m.taught_by_page[page.src], self.m.exams[exam]):
                if (page.title, page.src) not in by_domain.setdefault(task.domain, []):
                    by_domain[task.domain].append((page.title, page.src))
        return examguide.domain_table(self.m.exams[exam], by_domain, self._here())

    def exam_status(self) -> str:
        return examguide.exam_status(self.m.exams)

    def exam_fact(self, exam: str, item: str) -> str:
        """One fact of an exam, for a sentence: exam_fact("MLS-C01", "Retirement")."""
        found = [f for f in (*self.m.exams[exam].timeline, *self.m.exams[exam].facts) if f.item == item] if exam in self.m.exams else []
        if not found:
            raise data.DataError(f"exam_fact('{exam}', '{item}') on page {self._here()}: no such exam fact in data/exams.yml.")
        return render.esc(found[0].value)

    def coverage(self, exam: str) -> str:
        if exam not in self.m.coverage_pages:
            raise data.DataError(f"coverage('{exam}') on page {self._here()}: only {', '.join(self.m.coverage_pages)} are mapped.")
        skills = cover.coverage(self.m.exams[exam], self.m.taught, self.m.glossary, self.m.usage)
        return cover.coverage_page(
            self.m.exams[exam], skills, self._here(), lambda t: render.rel(f"{self.m.glossary.page_of(t)}#{t.anchor}", self._here())
        )

    def coverage_filter(self) -> str:
        """A switch that shows only the skills new in the current exam (CSS: notes.css, .coverage-only-new)."""
        return ('<p class="coverage-only-new"><label><input type="checkbox" id="coverage-only-new"> '
                f"Show only the skills new in {self.m.current.code}</label></p>")

    def new_in_exam(self) -> str:
        """What the current exam added (its new skills, where each is taught and which questions drill it) and dropped."""
        where = practice.question_pages(self.m.questions, self.m.current.code)
        written = [(q.id, where[q.id], q.target) for q in self.m.questions if q.id in where]
        return cover.new_in_exam(self.m.current, self.m.taught, written,
                                 {src: r for src, r in self.m.removed_by_page.items() if r}, self.m.titles, self._here())

    def domain_overview(self, domain: str) -> str:
        """A domain's index: each task with the pages the nav lists under it and the practice for it."""
        exam = self.m.current
        dom = next((d for d in exam.domains if d.number == domain), None)
        if dom is None:
            raise data.DataError(f"domain_overview('{domain}') on page {self._here()}: {exam.code} has no such domain.")
        placed = self.m.nav_tasks
        out = [f"Domain {dom.number} is **{dom.weight}%** of the scored questions of {exam.code}. "
               f"It has {len(dom.tasks)} task statements.", ""]
        for task in dom.tasks:
            new = sum(s.new for s in task.skills)
            out.append(f"## {task.code} {render.esc(task.title)} {{ #task-{task.code.replace('.', '-')} }}\n")
            out.append(f"{len(task.skills)} skills, {new} of them new in {exam.code}. "
                       f"[Every skill and where it is taught]({render.rel(f'{self.m.coverage_pages[exam.code]}#{cover.skill_anchor(task)}', self._here())}).\n")
            for src in placed.get(task.code, []):
                page = self.m.by_src[src]
                out.append(f"- [{render.esc(page.title)}]({render.rel(src, self._here())}): {render.esc(page.meta.get('description', ''))}")
            count = sum(1 for q in self.m.questions if q.kind == "bank" and task.code in q.tasks.get(exam.code, ()))
            quiz = practice.href("practice/quiz.md", self._here(), self.m.directory_urls) + practice.quiz_query(exam.code, task.code)
            questions_page = render.rel(practice.question_page_src(exam.code, task.code), self._here())
            out.append(f'\n**Practice:** [the {count} written questions of task {task.code}]({questions_page}) · '
                       f'<a href="{html.escape(quiz, quote=True)}">quiz on task {task.code}</a>\n')
        return "\n".join(out)

    # ------------------------------------------------------------------ review

    def _tips_of(self, chosen: list[pages.SourcePage]) -> str:
        """Every exam-tip admonition of `chosen`, under a heading for each page."""
        out = []
        for page in chosen:
            tips = render.exam_tips(page.markdown)
            if not tips:
                continue
            out.append(f"## {render.esc(page.title)}\n\nFrom [{render.esc(page.title)}]({render.rel(page.src, self._here())}).\n")
            for title, body in tips:
                body = self._render(pages.relink(body, page.src, self._here()))
                indented = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
                out.append(f'!!! exam-tip "{html.escape(title)}"\n\n{indented}\n')
        return "\n".join(out)

    def _task_pages(self, task: str) -> list[pages.SourcePage]:
        placed = self.m.nav_tasks.get(task)
        if not placed:
            raise data.DataError(f"task '{task}' on page {self._here()}: the nav lists no page under {self.m.current.code} task {task}.")
        return [self.m.by_src[src] for src in placed if self.m.by_src[src].is_notes]

    def task_exam_tips(self, task: str) -> str:
        """Every exam tip of the notes pages the nav lists under one task of the current exam."""
        return self._tips_of(self._task_pages(task))

    def domain_exam_tips(self, domain: str) -> str:
        """A domain's exam-tip pages, one a task, with how many tips each gathers; old links to a page's
        tips on this page follow them to its task's page."""
        dom = next((d for d in self.m.current.domains if d.number == domain), None)
        if dom is None:
            raise data.DataError(f"domain_exam_tips('{domain}') on page {self._here()}: {self.m.current.code} has no such domain.")
        rows, moved = [], {}
        for task in dom.tasks:
            src = TIPS_PAGE.format(task.code.replace(".", "-"))
            if src not in self.m.by_src:
                raise data.DataError(f"domain_exam_tips('{domain}'): docs/{src} is missing. Create it with a title "
                                     f'and {{{{ task_exam_tips("{task.code}") }}}}, and add it to the nav.')
            chosen = self._task_pages(task.code)
            rows.append(f"- [{render.esc(self.m.by_src[src].title)}]({render.rel(src, self._here())}): "
                        f"{sum(len(render.exam_tips(p.markdown)) for p in chosen)} tips from {len(chosen)} pages")
            moved.update({toc_slug(p.title, "-"): render.page_href(src, self._here()) for p in chosen})
        targets = html.escape(json.dumps(moved), quote=True)
        return "\n".join(rows) + f'\n\n<div class="moved-anchors" hidden data-targets="{targets}"></div>'

    def exam_tip_sections(self) -> str:
        """The exam-tip pages of review/exam-tips/, each with how many tips it gathers."""
        rows = ["| Part of the site | Tips |", "|---|---|"]
        for page in self.m.source_pages:
            match = re.search(r"""task_exam_tips\(\s*["']([^"']+)["']""", page.markdown)
            if page.src.startswith("review/exam-tips/") and match:
                count = sum(len(render.exam_tips(p.markdown)) for p in self._task_pages(match.group(1)))
                rows.append(f"| [{render.esc(page.title)}]({render.rel(page.src, self._here())}) | {count} |")
        return "\n".join(rows)

    def formula(self, latex: str, display: bool = False) -> str:
        return render.formula(latex, display)

    diagram_uses: dict[str, int] = {}

    def diagram(self, name: str, caption: str | None = None) -> str:
        """An inline SVG from docs/assets/diagrams/, with its title and description for screen readers."""
        self._diagram_uses[self._here()] = self._diagram_uses.get(self._here(), 0) + 1
        return diagrams.figure(name, self._here(), self._diagram_uses[self._here()], caption)

    # ------------------------------------------------------------------ practice

    def question_count(self, kind: str = "") -> int:
        return sum(1 for q in self.m.questions if not kind or q.kind == kind)

    def question_bank(self, task: str, part: int = 1) -> str:
        """The written questions on one task statement ("MLA-C02 1.1"), readable without JavaScript, after a
        link that opens the quiz on that task; `part` 2 and on hold the questions past each page's share."""
        found = data.parse_ref(task, self.m.exams, f"question_bank() on page {self._here()}", level="task")
        parts = practice.task_question_parts(self.m.questions, found.exam, found.code)
        if not 1 <= part <= len(parts):
            raise data.DataError(f"question_bank('{task}', {part}) on page {self._here()}: task {found.code} has "
                                 f"{len(parts)} page(s) of questions. Delete this page or fix the part number.")
        first = (part - 1) * practice.QUESTIONS_PER_PAGE + 1
        listing = practice.question_list_html(parts[part - 1], self._here(), self.m.directory_urls, self.m.settings.repo_url, self.m.settings.site_url, first)
        drill = practice.drill_link(found.exam, found.code, sum(map(len, parts)), self._here(), self.m.directory_urls)
        others = [practice.href(practice.question_page_src(found.exam, found.code, n), self._here(), self.m.directory_urls)
                  for n in range(1, len(parts) + 1)]
        pager = " · ".join(f"questions {(n - 1) * practice.QUESTIONS_PER_PAGE + 1}–{(n - 1) * practice.QUESTIONS_PER_PAGE + len(c)}"
                           if n == part else f'<a href="{html.escape(link, quote=True)}">questions '
                           f"{(n - 1) * practice.QUESTIONS_PER_PAGE + 1}–{(n - 1) * practice.QUESTIONS_PER_PAGE + len(c)}</a>"
                           for n, (link, c) in enumerate(zip(others, parts), 1))
        nav = f'<p class="question-parts">Pages of task {found.code}: {pager}</p>' if len(parts) > 1 else ""
        return f"{drill}\n\n{nav}\n\n{listing}\n\n{nav}"

    def practice_app(self, kind: str, intro: str, fallback: str) -> str:
        """The quiz, the mock exam or the flashcards: a mount point with the little data the page needs
        before the learner starts (the questions and the deck load on demand)."""
        apps = {
            "quiz": lambda: practice.quiz_setup(self.m.questions, self.m.exams, self._here(), self.m.directory_urls, self.m.settings.repo_url),
            # The mock draws by exam and format only: the quiz's topic filter stays off its page.
            "mock": lambda: {k: v for k, v in practice.quiz_setup(self.m.questions, self.m.exams, self._here(), self.m.directory_urls, self.m.settings.repo_url).items()
                             if k != "topics"},
            "flashcards": lambda: {"deck": len(self.m.glossary.terms), "newPerDay": practice.NEW_CARDS_PER_DAY,
                                   "retention": readiness.CARD_RECALL},
        }
        if kind not in apps:
            raise data.DataError(f"practice_app('{kind}') on page {self._here()}: unknown app.{data.did_you_mean(kind, list(apps))}")
        return practice.app_shell(kind, intro, fallback, apps[kind]())

    def new_cards_per_day(self) -> int:
        return practice.NEW_CARDS_PER_DAY

    def mock_formats(self) -> str:
        """The mock exam formats of each practice exam, with the note that says where the numbers come from."""
        return practice.mock_formats_table(self.m.exams)

    def progress_panel(self) -> str:
        """The reader's studied pages and right answers per domain of each exam, with export, import and clear."""
        return practice.progress_panel_html(self.m.progress, practice.href("practice/index.md#readiness", self._here(), self.m.directory_urls))

    def readiness_panel(self) -> str:
        """The practice page's readiness estimate per domain and task of the current exam."""
        return readiness.readiness_panel_html(self.m.study.current_exam)

    def continue_panel(self) -> str:
        """Home page: "Continue where you left off" and a one-line progress summary, hidden until
        docs/assets/js/reader/studied-marks.js finds progress in this browser. Carries the notes pages in reading order."""
        path = [{"id": p.src[:-3], "title": p.title, "href": practice.href(p.src, self._here(), self.m.directory_urls)}
                for p in self.m.notes_pages]
        mock = practice.href("practice/mock-exam.md", self._here(), self.m.directory_urls)
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

    def domain_sheet(self, domain: str) -> str:
        """A printable sheet of one MLA-C02 domain: its decision tables, one exam tip per page, its abbreviations."""
        exam = self.m.study.current_exam
        if domain not in {d.number for d in exam.domains}:
            raise data.DataError(f"domain_sheet('{domain}') on page {self._here()}: {exam.code} has domains "
                                 f"{', '.join(d.number for d in exam.domains)}.")
        chosen = sheets.pages_of_domain(self.m.notes_pages, self.m.taught_by_page, exam, domain)
        oldest = min((self.m.checked[p.src] for p in chosen), key=lambda d: d.start)
        out = [sheets.heading(exam, domain, oldest.words()), '<div class="domain-sheet" markdown>', "",
               "## Which one? { #which-one }", ""]
        srcs = {p.src for p in chosen}
        for decision in self.m.study.decisions.values():
            if decision.page in srcs:
                out.append(sheets.decision_block(decision, practice.href(decision.page, self._here(), self.m.directory_urls)))
        out += ["", "## Exam tips { #exam-tips }", ""]
        for page in chosen:
            tips = render.exam_tips(page.markdown)
            if tips:
                title, body = tips[0]
                body = self._render(pages.relink(body, page.src, self._here()))
                first = re.split(r"\n\s*\n", body.strip())[0].replace("\n", " ")
                out.append(f'<p class="sheet-tip" markdown><strong>{html.escape(title)}</strong> '
                           f'([{render.esc(page.title)}]({render.rel(page.src, self._here())})): {first}</p>')
        used = {entry for page in chosen for name in pages.term_names_used(page.markdown)
                if (entry := self.m.glossary.lookup(name))}
        out += ["", "## Abbreviations { #abbreviations }", "", f'<p class="sheet-abbr">{sheets.abbreviations_line(used)}</p>',
                "", "</div>"]
        return "\n".join(out)

    def domain_sheets(self) -> str:
        """A link to each domain's sheet (review/sheets/domain-N.md), with the domain's name and weight."""
        exam = self.m.study.current_exam
        return "\n".join(
            f"- [Domain {d.number}: {render.esc(d.title)}]({render.rel(f'review/sheets/domain-{d.number}.md', self._here())}) "
            f"({d.weight}%)" for d in exam.domains
        )

    def deck_downloads(self) -> str:
        """The decks for Anki and the CSV files, with their card counts and sizes."""
        rows = ["| Download | Cards | Size |", "|---|---|---|"]
        for deck in self.m.decks:
            kind = "Anki package" if deck.file.endswith(".apkg") else "CSV"
            link = posixpath.relpath(f"{decks.DOWNLOADS}/{deck.file}", posixpath.dirname(pages.built_file(self._here(), self.m.directory_urls)))
            rows.append(f'| <a href="{html.escape(link, quote=True)}" download>{html.escape(deck.title)} ({kind})</a> '
                        f"| {deck.cards} | {deck.kib} KiB |")
        return "\n".join(rows)

