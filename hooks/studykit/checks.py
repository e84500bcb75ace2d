"""The build checks: every cross-reference between the pages, data/ and the nav, run as a build starts.

A broken reference raises DataError naming the culprit and the fix. Warnings come back for the engine
to report (a strict MkDocs build fails on them); notices are reported and never fail a build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studykit import assets, bank_stats, data, freshness, guards, nav_titles, practice
from studykit.links import check_targets
from studykit.site import SiteModel

DESCRIPTION_LENGTH = range(50, 201)


@dataclass
class Findings:
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def run(model: SiteModel) -> Findings:
    s = model.settings
    # Stale facts fail the build: a changed value typed outside its record, or a date typed into a page.
    guards.check(model.changes, s.docs_dir, s.data_dir)
    change_page_titles(model)
    notices = [f"Facts due for a check: {line}"
               for line in freshness.stale_checks(model.checked, model.changes.values(), model.study.questions,
                                                  model.study.today)]
    glossary_letters(model)
    link_targets(model)
    bank_stats.check(model.bank_figures)  # one position holding too many keys fails, naming it and the fix
    question_pages(model)
    descriptions(model)
    assets.check_bundles(s.docs_dir / "assets")
    return Findings(warnings=nav_titles.mismatches(s.nav, s.docs_dir), notices=notices)


def change_page_titles(model: SiteModel) -> None:
    for page in model.source_pages:
        area = next((c.area for c in model.changes.values() if model.changes_pages.page_of(c) == page.src), None)
        if area is not None and page.title != area:
            raise data.DataError(f"docs/{page.src}: its title '{page.title}' must be the area of its data file, "
                                 f"'{area}' (the nav label too).")


def glossary_letters(model: SiteModel) -> None:
    glossary = model.glossary
    letters = {data.glossary_letter(t) for t in glossary.terms}
    if glossary.pages and letters - {key[0] for key in glossary.pages}:
        missing = "".join(sorted(letters - set(glossary.pages)))
        raise data.DataError(f"No glossary page lists the letters '{missing}'. "
                             "Add them to a glossary_entries() call in docs/glossary/.")


def link_targets(model: SiteModel) -> None:
    """Every link that data makes into the pages must land on a real section."""
    anchors = {p.src: set(p.sections) for p in model.source_pages}
    for t in model.glossary.terms:
        anchors.setdefault(model.glossary.page_of(t), set()).add(t.anchor)
    check_targets(model.study, anchors)


def question_pages(model: SiteModel) -> None:
    """Each task of the current exam has a page for every QUESTIONS_PER_PAGE of its written questions."""
    for exam in [model.exams[c] for c in model.mapped_exams if model.exams[c].role == "current"]:
        for task in exam.tasks:
            wanted = len(practice.task_question_parts(model.questions, exam.code, task))
            for n in range(1, wanted + 1):
                src = practice.question_page_src(exam.code, task, n)
                if src not in model.titles:
                    raise data.DataError(
                        f"Task {task} has {wanted} pages of written questions ({practice.QUESTIONS_PER_PAGE} a page), "
                        f"but docs/{src} does not exist. Create it with a title and "
                        f'{{{{ question_bank("{exam.code} {task}", {n}) }}}}, and add it to the nav under Questions by task.'
                    )


def descriptions(model: SiteModel) -> None:
    """Every page says what it teaches in its front matter: search results and link previews show it."""
    for page in model.source_pages:
        text = " ".join(str(page.meta.get("description") or "").split())
        if len(text) not in DESCRIPTION_LENGTH:
            raise data.DataError(
                f"docs/{page.src}: its front matter `description:` is {len(text)} characters long. Write one "
                f"sentence of {DESCRIPTION_LENGTH.start} to {DESCRIPTION_LENGTH.stop - 1} characters that says "
                "what the page teaches (search results and link previews show it)."
            )
