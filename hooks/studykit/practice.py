"""Practice from the same data as the notes: one question format for the written bank (data/questions/)
and for the decision-table scenarios (data/decisions/), flashcards from the glossary, the mock exam
formats, the readable question pages and the progress panel.

Pure, typed functions with no MkDocs import. The readable pages work without JavaScript (answers sit in
<details>). At build time studykit/build.py writes bank.json and glossary.json to assets/practice/;
docs/assets/js/practice.js (progress panel, storage) and, fetched per page, quiz.js, mock.js and flashcards.js
load them only when the learner starts. Progress stays in the reader's browser.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urljoin

from .bank_stats import strip_choose_label
from .data import Answer as Option
from .data import BankQuestion, DataError, Decision, Exam, Glossary, Term
from .pages import Taught, built_file
from .render import rel
from .report import report_url

CHOICES = 4
LETTERS = "ABCDEF"
ASSET_DIR = "assets/practice"
NEW_CARDS_PER_DAY = 20  # flashcards: new cards a learner sees per day at most


@dataclass(frozen=True)
class Question:
    """One practice question, whichever data it came from."""

    id: str  # unique across the site: "<decision>/<scenario>" or the bank id
    kind: str  # "bank" (written) or "scenario" (from a decision table)
    topic: str
    scenario: str
    stem: str
    choose: int
    options: tuple[Option, ...]
    tasks: dict[str, tuple[str, ...]] = field(hash=False)  # exam -> task codes
    target: str = ""  # docs path#anchor of the section that teaches it
    source: str = ""  # the data file, for error messages
    sources: tuple[str, ...] = ()  # the AWS pages the question was checked against
    decision: str = ""  # questions that test one decision share it; a mock draws one of them

    @property
    def multiple(self) -> bool:
        return self.choose > 1

    @property
    def group(self) -> str:
        """What a mock exam draws at most one of: the questions that share a decision, or else the question
        alone. Shipped in bank.json as `group` when it is not the question's id."""
        return f"decision:{self.decision}" if self.decision else self.id


# --------------------------------------------------------------------------- building questions


def _rank(seed: str, item: str) -> str:
    """A stable sort key: the same seed and item give the same order on every build and machine."""
    return hashlib.sha256(f"{seed}\x00{item}".encode()).hexdigest()


def tasks_of(taught: Iterable[Taught]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for t in taught:
        codes = found.setdefault(t.skill.exam, [])
        if t.skill.task not in codes:
            codes.append(t.skill.task)
    return {exam: tuple(sorted(codes, key=task_sort_key)) for exam, codes in found.items()}


def wrong_option_why(decision: Decision, option_id: str, scenario_not: Mapping[str, str]) -> str:
    """Why an option of a decision table is wrong for a scenario: the scenario's own reason if it gives
    one, otherwise what the option is the right choice for."""
    if option_id in scenario_not:
        return scenario_not[option_id]
    opt = decision.option(option_id)
    if opt.best_for:
        return f"Not the best fit here. {opt.name} is the right choice {opt.best_for.rstrip('.')}."
    first_field = next(iter(decision.fields))
    value = opt.fields[first_field]
    value = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    return f"Not the best fit here. {opt.name}: {value}"


def scenario_questions(decisions: Mapping[str, Decision], taught_by_section: Mapping[str, list[Taught]],
                       taught_by_page: Mapping[str, list[Taught]]) -> list[Question]:
    """One four-choice question per scenario of every decision file: the answer and three distractors."""
    questions: list[Question] = []
    for key, decision in decisions.items():
        options = decision.options
        if len(options) < CHOICES:
            raise DataError(
                f"{decision.source}: has {len(options)} options, but every scenario becomes a quiz question "
                f"with {CHOICES} choices taken from this file (the answer and {CHOICES - 1} wrong ones). "
                f"Add {CHOICES - len(options)} more option(s) to this file."
            )
        names: dict[str, str] = {}
        for opt in options:
            label = opt.name.casefold()
            if label in names:
                raise DataError(
                    f"{decision.source}: options '{names[label]}' and '{opt.id}' have the same name "
                    f"'{opt.name}'; quiz choices must read differently. Rename one of them."
                )
            names[label] = opt.id
        for scenario in decision.scenarios:
            qid = f"{key}/{scenario.id}"
            preferred = [r for r in dict.fromkeys(scenario.distractors) if r != scenario.answer]
            others = sorted(
                (o.id for o in options if o.id != scenario.answer and o.id not in preferred),
                key=lambda oid: _rank(qid, "distractor:" + oid),
            )
            picked = (preferred + others)[: CHOICES - 1]
            order = sorted([scenario.answer, *picked], key=lambda oid: _rank(qid, "order:" + oid))
            anchor = scenario.section or decision.option(scenario.answer).section
            target = f"{decision.page}#{anchor}"
            taught = taught_by_section.get(target) or taught_by_page.get(decision.page, [])
            questions.append(
                Question(
                    id=qid,
                    kind="scenario",
                    topic=decision.topic,
                    scenario=scenario.task,
                    stem=decision.question,
                    choose=1,
                    options=tuple(
                        Option(
                            decision.option(oid).name,
                            oid == scenario.answer,
                            scenario.why if oid == scenario.answer else wrong_option_why(decision, oid, scenario.not_because),
                        )
                        for oid in order
                    ),
                    tasks=tasks_of(taught),
                    target=target,
                    source=decision.source,
                )
            )
    return questions


def bank_questions(bank: Sequence[BankQuestion], topics: Mapping[str, str]) -> list[Question]:
    """The written questions, with the title of the page that teaches each as its topic. A "(Choose two.)"
    typed into a stem is dropped: the renderers add the one label, from `choose`."""
    out = []
    for q in bank:
        tasks: dict[str, list[str]] = {}
        for t in q.tasks:
            tasks.setdefault(t.exam, []).append(t.code)
        out.append(
            Question(
                id=q.id,
                kind="bank",
                topic=topics.get(q.teach.split("#")[0], ""),
                scenario=q.scenario,
                stem=strip_choose_label(q.stem),
                choose=q.choose,
                options=tuple(q.options),
                tasks={e: tuple(c) for e, c in tasks.items()},
                target=q.teach,
                source=q.source,
                sources=tuple(q.sources),
                decision=q.decision,
            )
        )
    return out


# --------------------------------------------------------------------------- links and data


def href(target: str, page_src: str, use_directory_urls: bool = True) -> str:
    """A link from page `page_src` to docs file `target` (with optional #anchor), relative so any site_url works."""
    path, _, anchor = target.partition("#")
    link = rel(built_file(path, use_directory_urls), built_file(page_src, use_directory_urls))
    if use_directory_urls and (link == "index.html" or link.endswith("/index.html")):
        link = link[: -len("index.html")] or "./"
    return f"{link}#{anchor}" if anchor else link


def site_path(target: str, use_directory_urls: bool = True) -> str:
    """The address of docs file `target` (with optional #anchor) relative to the site root."""
    path, _, anchor = target.partition("#")
    built = built_file(path, use_directory_urls)
    if use_directory_urls and built.endswith("index.html"):
        built = built[: -len("index.html")]
    return f"{built}#{anchor}" if anchor else built


def data_attribute(data: Any) -> str:
    """JSON for a data-json attribute, escaped for HTML. Not a <script type="application/json"> block:
    Material's instant navigation re-creates every script in the page as a JavaScript one, which would
    run the JSON and drop the data."""
    return html.escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True)


def data_block(data: Any, name: str = "practice-data") -> str:
    return f'<div class="{name}" hidden data-json="{data_attribute(data)}"></div>'


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def task_sort_key(code: str) -> tuple[int, ...]:
    """"3.10" sorts after "3.9"."""
    return tuple(int(part) for part in code.split(".") if part.isdigit())


def passing_score(exam: Exam) -> dict[str, str] | None:
    """The exam's "Passing score" fact, with its status, for the honest note under a mock report."""
    for fact in exam.facts:
        if fact.item == "Passing score":
            return {"value": fact.value, "status": fact.status_label, "source": fact.source}
    return None


def exam_summary(exam: Exam) -> dict[str, Any]:
    return {
        "code": exam.code,
        "name": exam.name,
        "role": exam.role,
        "domains": [
            {"number": d.number, "title": d.title, "weight": d.weight,
             "tasks": [{"code": t.code, "title": t.short or t.title} for t in d.tasks]}
            for d in exam.domains
        ],
        "mock": [{"name": m.name, "questions": m.questions, "minutes": m.minutes, "note": m.note} for m in exam.mock],
        "passing": passing_score(exam),
    }


def practice_exams(exams: Mapping[str, Exam]) -> dict[str, Exam]:
    """The exams the practice apps offer: those with mock formats, the current exam first."""
    chosen = [e for e in exams.values() if e.mock]
    chosen.sort(key=lambda e: e.role != "current")
    return {e.code: e for e in chosen}


# A task's readable questions per page: a page of them must stay under the site's page-weight budget.
QUESTIONS_PER_PAGE = 25


def question_page_src(exam: str, task: str, part: int = 1) -> str:
    """A readable question page of one task statement: practice/questions/mla-c02-3-1.md, then
    mla-c02-3-1-part-2.md for the next QUESTIONS_PER_PAGE questions, and so on."""
    base = f"practice/questions/{exam.lower()}-{task.replace('.', '-')}"
    return f"{base}.md" if part == 1 else f"{base}-part-{part}.md"


def task_question_parts(questions: Sequence[Question], exam: str, task: str) -> list[list[Question]]:
    """The written questions on one task, in the order given, cut into the pages that list them."""
    chosen = [q for q in questions if q.kind == "bank" and task in q.tasks.get(exam, ())]
    return [chosen[i:i + QUESTIONS_PER_PAGE] for i in range(0, len(chosen), QUESTIONS_PER_PAGE)]


def question_pages(questions: Sequence[Question], exam: str) -> dict[str, str]:
    """{question id: docs path#anchor} where each written question reads without JavaScript: on the page of
    its first task of `exam` (it is listed on the page of each of its tasks), in the part that holds it."""
    found: dict[str, str] = {}
    tasks = sorted({t for q in questions for t in q.tasks.get(exam, ())}, key=task_sort_key)
    for task in tasks:
        for part, chosen in enumerate(task_question_parts(questions, exam, task), 1):
            for q in chosen:
                codes = sorted(q.tasks.get(exam, ()), key=task_sort_key)
                if codes[0] == task:
                    found[q.id] = f"{question_page_src(exam, task, part)}#{question_anchor(q.id)}"
    return found


def question_anchor(qid: str) -> str:
    return "q-" + qid.replace("/", "-")


def question_json(q: Question, use_directory_urls: bool = True, exams: Mapping[str, Exam] | None = None,
                  page: str = "") -> dict[str, Any]:
    """One question for the scripts. `domains` is question_domains() for each exam: the scripts never work
    a question's domains out for themselves (the mock draws by them, the progress panel counts by them)."""
    offered = list(exams.values()) if exams else []
    out: dict[str, Any] = {
        "id": q.id,
        "kind": q.kind,
        "topic": q.topic,
        "scenario": q.scenario,
        "stem": q.stem,
        "choose": q.choose,
        "options": [{"text": o.text, "correct": o.correct, "why": o.why} for o in q.options],
        "tasks": {e: list(c) for e, c in q.tasks.items()},
        "domains": {e.code: question_domains(q, e) for e in offered if q.tasks.get(e.code)},
        "href": site_path(q.target, use_directory_urls),
    }
    if q.multiple:
        out["label"] = choose_label(q.choose)
    if q.sources:
        out["sources"] = list(q.sources)
    if q.group != q.id:
        out["group"] = q.group
    if page:
        out["page"] = site_path(page, use_directory_urls)
    return out


def quiz_order(questions: Sequence[Question], exam: str) -> list[Question]:
    """The order in which the quiz lists the questions of one exam: by the first of its tasks in that
    exam, then written questions before scenario ones, then by id. The scripts take it from bank.json."""
    def key(q: Question) -> tuple[Any, ...]:
        codes = sorted(q.tasks.get(exam, ()), key=task_sort_key)
        return (not codes, task_sort_key(codes[0]) if codes else (), q.kind != "bank", q.id)

    return sorted(questions, key=key)


def bank_json(questions: Sequence[Question], exams: Mapping[str, Exam], use_directory_urls: bool = True) -> dict[str, Any]:
    """assets/practice/bank.json: every question with every option's explanation, loaded on demand.

    Questions come in the current exam's quiz order; `order` gives each practice exam's (quiz_order).
    `href` is relative to the site root; the script joins it to the root it was loaded from.
    """
    offered = practice_exams(exams)
    current = next(iter(offered), "")
    pages = question_pages(questions, current) if current else {}
    return {
        "version": 2,
        "exams": {code: exam_summary(e) for code, e in offered.items()},
        "order": {code: [q.id for q in quiz_order(questions, code) if q.tasks.get(code)] for code in offered},
        "questions": [question_json(q, use_directory_urls, offered, pages.get(q.id, ""))
                      for q in quiz_order(questions, current)],
    }


# Placeholders in the "Report a mistake" address that the scripts fill in, so that report.py alone knows
# the address's format (GitHub's issue form and its fields).
REPORT_WHERE, REPORT_ADDRESS = "__where__", "__address__"


def report_template(repo_url: str) -> str:
    return report_url(repo_url, REPORT_WHERE, REPORT_ADDRESS) if repo_url else ""


def quiz_setup(questions: Sequence[Question], exams: Mapping[str, Exam], page_src: str,
               use_directory_urls: bool = True, repo_url: str = "") -> dict[str, Any]:
    """What the quiz and mock pages embed, so their filters show before bank.json loads: the exams
    with their domains, tasks and formats, the topics, the number of questions, the quiz address
    (relative to the page) that "retry my wrong answers" opens, and the "Report a mistake" address with
    its placeholders (see REPORT_WHERE)."""
    offered = practice_exams(exams)
    return {
        "exams": [exam_summary(e) for e in offered.values()],
        "topics": sorted({q.topic for q in questions if q.topic}, key=str.casefold),
        "questions": len(questions),
        "quiz": href("practice/quiz.md", page_src, use_directory_urls),
        "report": {"url": report_template(repo_url), "where": REPORT_WHERE, "address": REPORT_ADDRESS},
    }


def glossary_json(glossary: Glossary, entry_page: Callable[[Term], str], use_directory_urls: bool = True) -> list[dict[str, Any]]:
    """assets/practice/glossary.json: the deck of the flashcards and the index of the glossary filter."""
    return [
        {
            "id": t.anchor,
            "term": t.term,
            "names": [n for n in t.names if n != t.term],
            "definition": t.definition,
            "href": site_path(f"{entry_page(t)}#{t.anchor}", use_directory_urls),
        }
        for t in glossary.sorted_terms()
    ]


# A glossary name and a search query match when they are equal once lowercased, with each run of these
# characters made one space and the ends trimmed. search/terms.json ships the pattern to the search script.
SEARCH_KEY_JOIN = r"[\s\-_]+"


def search_key(name: str) -> str:
    return re.sub(SEARCH_KEY_JOIN, " ", name.lower()).strip()


def search_terms(glossary: Glossary, usage: Mapping[str, Sequence[tuple[str, str]]],
                 use_directory_urls: bool = True) -> dict[str, Any]:
    """search/terms.json, which the search worker loads when search opens: every glossary term's entry and
    the notes pages that use it, and every name, alias and former name pointing at its term."""
    records: list[dict[str, Any]] = []
    names: dict[str, int] = {}
    for t in glossary.sorted_terms():
        records.append({
            "entry": site_path(f"{glossary.page_of(t)}#{t.anchor}", use_directory_urls),
            "pages": [site_path(src, use_directory_urls) for _, src in usage.get(t.anchor, ())],
        })
        for name in t.names:
            names.setdefault(search_key(name), len(records) - 1)
    return {"terms": records, "names": names, "digests": list(DIGEST_PAGES), "keyJoin": SEARCH_KEY_JOIN}


# Pages that gather what other pages teach (the glossary, the changes, the exam tips, the coverage tables,
# the printable sheets): for a query of several words that is not a glossary name, search lists them
# after the pages that teach the words.
DIGEST_PAGES = ("glossary/", "review/")


# --------------------------------------------------------------------------- readable pages


def choose_label(n: int) -> str:
    return {2: "Choose two.", 3: "Choose three."}.get(n, "")


def source_label(url: str) -> str:
    """How a source reads in a list of links: its address without the scheme."""
    return url.removeprefix("https://")


def sources_html(sources: Sequence[str]) -> str:
    if not sources:
        return ""
    links = ", ".join(f'<a href="{_e(url)}">{_e(source_label(url))}</a>' for url in sources)
    return f'<p class="quiz-sources">AWS sources: {links}</p>'


def question_html(q: Question, number: int, page_src: str, use_directory_urls: bool = True, report: str = "") -> str:
    """One question as it reads without JavaScript: the options, then every explanation, the AWS sources and
    a "Report a mistake" link (`report`, the issue form's address) in <details>."""
    stem = _e(q.stem) + (f" <strong>({_e(choose_label(q.choose))})</strong>" if q.multiple else "")
    options = "".join(
        f'<li><span class="quiz-letter">{LETTERS[i]}.</span> {_e(o.text)}</li>' for i, o in enumerate(q.options)
    )
    right = ", ".join(LETTERS[i] for i, o in enumerate(q.options) if o.correct)
    whys = "".join(
        f'<li class="{"why-right" if o.correct else "why-wrong"}"><strong>{LETTERS[i]}. '
        f'{"Right" if o.correct else "Wrong"}.</strong> {_e(o.why)}</li>'
        for i, o in enumerate(q.options)
    )
    link = href(q.target, page_src, use_directory_urls)
    mistake = f'<p class="quiz-report"><a href="{_e(report)}">Report a mistake in this question</a></p>' if report else ""
    return (
        f'<li class="bank-question" id="{_e(question_anchor(q.id))}" data-question="{_e(q.id)}">'
        f'<p class="quiz-task">{_e(q.scenario)}</p><p class="quiz-prompt">{stem}</p>'
        f'<ol class="quiz-choices" type="A">{options}</ol>'
        f"<details class=\"quiz-answer\"><summary>Show the answer to question {number}</summary>"
        f"<p><strong>Answer: {right}</strong></p><ul class=\"quiz-whys\">{whys}</ul>"
        f'<p><a href="{_e(link)}">Read the section that teaches it</a></p>{sources_html(q.sources)}{mistake}</details></li>'
    )


def quiz_query(exam: str, task: str) -> str:
    """The quiz address query that drills one task statement ("?exam=MLA-C02&task=1.1")."""
    return f"?exam={quote(exam)}&domain={quote(task.split('.')[0])}&task={quote(task)}"


def drill_link(exam: str, task: str, count: int, page_src: str, use_directory_urls: bool = True) -> str:
    """A link that opens the quiz filtered to one task statement."""
    link = href("practice/quiz.md", page_src, use_directory_urls) + quiz_query(exam, task)
    what = "this question" if count == 1 else f"these {count} questions"
    return (
        f'<p class="practice-drill"><a class="md-button md-button--primary" href="{_e(link)}">'
        f"Practice {what} in the quiz</a></p>"
    )


def question_list_html(questions: Sequence[Question], page_src: str, use_directory_urls: bool = True,
                       repo_url: str = "", site_url: str = "", first: int = 1) -> str:
    """The readable questions of one page. With `repo_url`, each answer ends with a "Report a mistake" link
    that names the question and its address on this page (site_url + the page + its anchor)."""
    if not questions:
        raise DataError(f"{page_src}: no questions for this page yet; add some to data/questions/.")
    base = urljoin(site_url, site_path(page_src, use_directory_urls)) if site_url else site_path(page_src, use_directory_urls)

    def report(q: Question) -> str:
        return report_url(repo_url, q.id, f"{base}#{question_anchor(q.id)}") if repo_url else ""

    items = "\n".join(question_html(q, i, page_src, use_directory_urls, report(q)) for i, q in enumerate(questions, first))
    # The search exclusion sits on a <div> with no <div> inside: Material's search parser loses track
    # of an excluded element that contains another element of the same tag (the choices' <ol>).
    start = f' start="{first}"' if first > 1 else ""
    return f'<div class="bank-questions" data-search-exclude>\n<ol class="bank-list"{start}>\n{items}\n</ol>\n</div>'


def app_shell(kind: str, intro: str, fallback: str, data: Any | None = None) -> str:
    """The mount point of an interactive practice app: a status line, the no-script text and its data."""
    return "\n".join(
        [
            f'<section class="practice-app" data-practice="{_e(kind)}" data-search-exclude>',
            f'<p class="practice-intro">{intro}</p>',
            '<div class="practice-mount"></div>',
            '<p class="practice-status" role="status" aria-live="polite"></p>',
            f"<noscript><p>{fallback}</p></noscript>",
            data_block(data) if data is not None else "",
            "</section>",
        ]
    )


def mock_formats_table(exams: Mapping[str, Exam]) -> str:
    """A Markdown table of the mock exam formats, one row per format, then each format's note."""
    rows = ["| Exam | Format | Questions | Minutes |", "|---|---|---|---|"]
    notes: list[str] = []
    for exam in practice_exams(exams).values():
        for m in exam.mock:
            name = _e(m.name)
            if m.note:
                notes.append(f"**{name}.** {_e(m.note)}")
                name += f" (note {len(notes)})"
            rows.append(f"| {_e(exam.code)} | {name} | {m.questions} | {m.minutes} |")
    return "\n".join(rows) + "".join(f"\n\nNote {i}. {n}" for i, n in enumerate(notes, 1))


def task_domains(codes: Iterable[str], exam: Exam) -> list[str]:
    """The domains of `exam` that these task statements belong to, in order. The one definition of "the
    domains of a question" (the mock exam, the progress panel and the readiness estimate count by it)
    and of "the domains of a notes page"."""
    tasks = exam.tasks
    found: list[str] = []
    for code in codes:
        task = tasks.get(code)
        if task and task.domain not in found:
            found.append(task.domain)
    return found


def question_domains(q: Question, exam: Exam) -> list[str]:
    """The domains of `exam` whose tasks question `q` tests."""
    return task_domains(q.tasks.get(exam.code, ()), exam)


def page_domains(taught: Iterable[Taught], exam: Exam) -> list[str]:
    """The domains of `exam` whose tasks a notes page teaches: the page counts toward each."""
    return task_domains((t.skill.task for t in taught if t.skill.exam == exam.code), exam)


def progress_data(exams: Mapping[str, Exam], pages: Sequence[tuple[str, str, Mapping[str, Sequence[str]]]],
                  questions: Sequence[Question]) -> dict[str, Any]:
    """What the progress panel needs: each practice exam's domains with their notes pages and how many
    questions test them. Each saved answer records the domains of its question (see practice.js), so
    the panel counts right answers per domain without the page carrying every question id.

    `pages` holds (page id, title, {exam: the domains the page teaches}) for every notes page: a page that
    teaches tasks of two domains counts toward both.
    """
    result: dict[str, Any] = {"exams": []}
    for exam in practice_exams(exams).values():
        domains = []
        for d in exam.domains:
            domains.append(
                {
                    "number": d.number,
                    "title": d.title,
                    "weight": d.weight,
                    "pages": [pid for pid, _, doms in pages if d.number in doms.get(exam.code, ())],
                    "questions": sum(1 for q in questions if d.number in question_domains(q, exam)),
                }
            )
        result["exams"].append({"code": exam.code, "name": exam.name, "role": exam.role, "domains": domains,
                                "readiness": exam.role == "current"})
    return result


def progress_panel_html(data: Mapping[str, Any], readiness_href: str = "") -> str:
    """Studied pages, right answers and (for the current exam) the readiness estimate per domain of each
    exam, with export, import and clear. `readiness_href` links the practice page's readiness section.

    The tables are in the HTML from the start (the totals, with dashes for the reader's numbers), so
    the panel reads sensibly without JavaScript and does not move when the script fills it in."""
    tables = []
    for exam in data["exams"]:
        ready = bool(exam.get("readiness"))
        rows = "".join(
            f'<tr><th scope="row">{_e(d["number"])}. {_e(d["title"])} <span class="progress-weight">({d["weight"]}%)</span></th>'
            f'<td><span data-studied="{_e(exam["code"])}:{_e(d["number"])}">–</span> of {len(d["pages"])}</td>'
            f'<td><span data-right="{_e(exam["code"])}:{_e(d["number"])}">–</span> of {d["questions"]}</td>'
            + (f'<td data-ready="{_e(exam["code"])}:{_e(d["number"])}">–</td>' if ready else "")
            + "</tr>"
            for d in exam["domains"]
        )
        heading = '<th scope="col">Readiness</th>' if ready else ""
        tables.append(
            f'<table class="progress-table" data-exam="{_e(exam["code"])}"><caption>{_e(exam["code"])}: {_e(exam["name"])}</caption>'
            '<thead><tr><th scope="col">Domain</th><th scope="col">Pages studied</th>'
            f'<th scope="col">Questions answered right</th>{heading}</tr></thead><tbody>{rows}</tbody></table>'
        )
    note = (f'<p class="progress-readiness-note">Readiness is an estimate with a band, from your answers and flashcards: '
            f'<a href="{_e(readiness_href)}">what it means</a>.</p>') if readiness_href else ""
    return "\n".join(
        [
            '<section class="practice-progress" data-practice="progress" data-search-exclude>',
            *tables,
            note,
            '<p class="progress-summary" hidden></p>',
            '<div class="progress-actions" hidden></div>',
            '<p class="practice-status" role="status" aria-live="polite"></p>',
            "<noscript><p>Your progress is counted by a small script in this page. "
            "Turn on JavaScript to see it.</p></noscript>",
            data_block(data),
            "</section>",
        ]
    )
