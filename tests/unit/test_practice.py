"""The practice data and helpers: bank.json, the question pages, the mock formats, the progress data, and
the scoring, drawing, scheduling and import checks of docs/assets/js/practice*.js and mock/draw.js (run under Node)."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from studykit import data, pages, practice, site
from studykit.practice import Option, Question

ROOT = Path(__file__).resolve().parents[2]
PRACTICE_JS = [ROOT / "docs/assets/js/practice.js", ROOT / "docs/assets/js/progress.js", ROOT / "docs/assets/js/practice-questions.js",
               ROOT / "docs/assets/js/mock/draw.js", ROOT / "docs/assets/js/readiness.js",
               ROOT / "docs/assets/vendor/ts-fsrs/ts-fsrs.umd.js", ROOT / "docs/assets/js/scheduler.js"]


@functools.cache
def live() -> tuple[data.StudyData, list[pages.SourcePage], list[Question]]:
    """The site's data, pages and questions, from the site model the build uses."""
    model = site.load(site.Settings.from_file(ROOT / "mkdocs.yml"))
    return model.study, model.source_pages, model.questions


def make_question(qid: str, tasks: dict[str, tuple[str, ...]], choose: int = 1, kind: str = "bank") -> Question:
    count = 4 if choose == 1 else 5
    options = tuple(Option(f"Option <{i}>", i < choose, f"Because {i} & more.") for i in range(count))
    return Question(qid, kind, "Topic", "A scenario </script>", "Which one?", choose, options, tasks, "d1/page.md#part", "x.yml")


# ---------------------------------------------------------------------------------------------- bank.json


def test_bank_json_holds_every_question_with_every_explanation() -> None:
    study, _, questions = live()
    bank = practice.bank_json(questions, study.exams)
    assert bank["version"] == 2
    assert list(bank["exams"]) == ["MLA-C02", "MLS-C01"], "the current exam first, only exams with mock formats"
    ids = [q["id"] for q in bank["questions"]]
    assert len(ids) == len(set(ids)) == len(questions)
    for q in bank["questions"]:
        assert all(o["why"].strip() for o in q["options"]), q["id"]
        assert sum(o["correct"] for o in q["options"]) == q["choose"], q["id"]
        assert not q["href"].startswith(("/", "http")) and q["href"].count("#") == 1, q["id"]
    assert sum(q["kind"] == "bank" for q in bank["questions"]) == len(study.questions)


def test_bank_json_lists_questions_by_their_first_current_exam_task() -> None:
    questions = [
        make_question("b", {"MLA-C02": ("3.10",)}),
        make_question("a", {"MLA-C02": ("3.9", "1.1")}),
        make_question("c", {"MLS-C01": ("1.1",)}),
        make_question("d", {"MLA-C02": ("1.2",)}, kind="scenario"),
        make_question("e", {"MLA-C02": ("1.2",)}),
    ]
    bank = practice.bank_json(questions, live()[0].exams)
    assert [q["id"] for q in bank["questions"]] == ["a", "e", "d", "b", "c"]


def test_exam_summary_carries_the_mock_formats_and_the_passing_score() -> None:
    exams = live()[0].exams
    mla = practice.exam_summary(exams["MLA-C02"])
    formats = {m["name"]: m for m in mla["mock"]}
    assert formats["Beta (ME1-C02)"]["questions"] == 85 and formats["Beta (ME1-C02)"]["minutes"] == 170
    standard = formats["Standard MLA-C02"]
    assert (standard["questions"], standard["minutes"]) == (65, 130)
    assert "not yet published" in standard["note"] and "MLA-C01" in standard["note"]
    assert mla["passing"]["value"].startswith("720") and mla["passing"]["status"] == "Not confirmed by AWS"
    mls = practice.exam_summary(exams["MLS-C01"])
    assert [(m["questions"], m["minutes"]) for m in mls["mock"]] == [(65, 180)]
    assert mls["passing"]["value"].startswith("750") and mls["passing"]["status"] == "Confirmed by AWS"
    assert sum(d["weight"] for d in mla["domains"]) == 100


def test_mock_formats_table_says_where_the_standard_numbers_come_from() -> None:
    table = practice.mock_formats_table(live()[0].exams)
    assert "| MLA-C02 | Standard MLA-C02 (note 1) | 65 | 130 |" in table
    assert "Note 1. **Standard MLA-C02.** AWS has not yet published" in table


def test_quiz_setup_is_small_and_links_the_quiz() -> None:
    study, _, questions = live()
    setup = practice.quiz_setup(questions, study.exams, "practice/mock-exam.md")
    assert setup["quiz"] == "../quiz/"
    assert setup["questions"] == len(questions)
    assert len(practice.data_attribute(setup)) < 12_000, "the page embeds only the filters' data"


# ---------------------------------------------------------------------------------------------- question pages


def test_question_list_escapes_and_explains_every_option() -> None:
    q = make_question("tiny-one", {"MLA-C02": ("1.1",)}, choose=2)
    html = practice.question_list_html([q], "practice/questions/mla-c02-1-1.md")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("div.bank-questions[data-search-exclude] > ol.bank-list"), "search skips the answers"
    assert not soup.select("div.bank-questions div"), "no nested <div> inside the excluded block (Material's search parser)"
    item = soup.select_one("li.bank-question")
    assert item["id"] == "q-tiny-one"
    assert item.select_one(".quiz-task").get_text() == "A scenario </script>"
    assert "(Choose two.)" in item.select_one(".quiz-prompt").get_text()
    assert [li["class"] for li in item.select(".quiz-whys li")] == [["why-right"]] * 2 + [["why-wrong"]] * 3
    assert "Answer: A, B" in item.get_text()
    assert item.select_one("details a")["href"] == "../../../d1/page/#part"
    with pytest.raises(data.DataError, match="no questions"):
        practice.question_list_html([], "practice/questions/x.md")


def test_drill_link_opens_the_quiz_on_one_task() -> None:
    html = practice.drill_link("MLA-C02", "3.2", 1, "practice/questions/mla-c02-3-2.md")
    link = BeautifulSoup(html, "html.parser").select_one("a")
    assert link["href"] == "../../quiz/?exam=MLA-C02&domain=3&task=3.2"
    assert link.get_text() == "Practice this question in the quiz"
    assert "these 12 questions" in practice.drill_link("MLS-C01", "1.1", 12, "practice/questions/x.md")


def test_every_mla_c02_task_has_a_question_page_in_the_nav() -> None:
    study, source, questions = live()
    nav = pages.load_mkdocs_config(ROOT / "mkdocs.yml")["nav"]
    by_task = next(item["Questions by task"] for item in nav if isinstance(item, dict) and "Questions by task" in item)
    labels = {src: label for entry in by_task for label, src in entry.items()}
    titles = {p.src: p.title for p in source}
    for task in study.exams["MLA-C02"].tasks:
        src = f"practice/questions/mla-c02-{task.replace('.', '-')}.md"
        assert labels.get(src) == titles[src], f"nav label of {src} must equal its title"
        markdown = (ROOT / "docs" / src).read_text(encoding="utf-8")
        assert f'question_bank("MLA-C02 {task}")' in markdown
        assert any(q.kind == "bank" and task in q.tasks.get("MLA-C02", ()) for q in questions), f"no question for {task}"


def test_seed_questions_cover_each_task_once_with_three_multiple_response() -> None:
    seed = yaml.safe_load((ROOT / "data/questions/practice-seed.yml").read_text(encoding="utf-8"))
    tasks = [next(t for t in q["tasks"] if t.startswith("MLA-C02")) for q in seed]
    assert sorted(tasks) == sorted(f"MLA-C02 {t}" for t in live()[0].exams["MLA-C02"].tasks)
    assert sum(q.get("choose", 1) > 1 for q in seed) >= 3
    assert all(q.get("sources") or q["id"] in {
        "linear-model-skewed-income-nominal-channel", "churn-monthly-snapshots-group-leakage", "claim-fraud-metric-missed-fraud-cost",
    } for q in seed), "questions with AWS facts name their sources"


# ---------------------------------------------------------------------------------------------- mock data


@functools.cache
def mls_guide() -> str:
    return json.dumps(yaml.safe_load((ROOT / "data/exams.yml").read_text(encoding="utf-8"))["MLS-C01"])


def mock_exam(mock: str) -> dict[str, Any]:
    raw = json.loads(mls_guide())
    raw["mock"] = yaml.safe_load(mock)
    return raw


@pytest.mark.parametrize(
    ("mock", "error"),
    [
        ("[{name: A, questions: 65, minutes: 130, time: 2}]", r"unknown field 'time'"),
        ("[{name: A, questions: sixty, minutes: 130}]", "must be whole numbers"),
        ("[{name: A, questions: 0, minutes: 130}]", "not a plausible exam"),
        ("[{name: A, questions: 65, minutes: 130}, {name: A, questions: 85, minutes: 170}]", "same name"),
        ("[just text]", "must be a mapping"),
    ],
)
def test_mock_format_mistakes_name_the_format(mock: str, error: str) -> None:
    with pytest.raises(data.DataError, match=error):
        data.parse_exam("MLS-C01", mock_exam(mock), "data/exams.yml", data.Expander())


def test_mock_format_note_is_kept() -> None:
    exam = data.parse_exam("MLS-C01", mock_exam("[{name: A, questions: 5, minutes: 9, note: Made up.}]"), "data/exams.yml", data.Expander())
    assert exam.mock == (data.MockFormat("A", 5, 9, "Made up."),)


# ---------------------------------------------------------------------------------------------- progress


def test_progress_data_counts_questions_per_domain_without_listing_them() -> None:
    study, _, questions = live()
    progress = practice.progress_data(study.exams, [("p1", "Page", {"MLA-C02": "1", "MLS-C01": "2"})], questions)
    assert "ids" not in progress, "the page does not carry every question id"
    mla = next(e for e in progress["exams"] if e["code"] == "MLA-C02")
    assert mla["domains"][0]["pages"] == ["p1"]
    for domain in mla["domains"]:
        expected = sum(1 for q in questions if any(c.split(".")[0] == domain["number"] for c in q.tasks.get("MLA-C02", ())))
        assert domain["questions"] == expected
    panel = BeautifulSoup(practice.progress_panel_html(progress), "html.parser")
    assert panel.select_one('[data-right="MLA-C02:1"]') and panel.select_one(".progress-actions[hidden]")


# ---------------------------------------------------------------------------------------------- practice.js core, under Node

NODE = shutil.which("node")


def js(expression: str) -> Any:
    """Evaluate `expression` with C = the pure helpers of practice.js and return its JSON value."""
    if not NODE:
        pytest.skip("Node.js is not installed")
    # Under Node the vendored UMD build exports through CommonJS; the browser gets it as window.FSRS.
    program = "".join(f"globalThis.FSRS = require({json.dumps(str(path))}); " if path.name.endswith(".umd.js")
                      else f"require({json.dumps(str(path))}); " for path in PRACTICE_JS) + "const C = globalThis.PracticeCore; " \
              f"process.stdout.write(JSON.stringify(({expression})));"
    done = subprocess.run([NODE, "-"], input=program, capture_output=True, text=True, timeout=60)  # stdin: a bank is long
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


Q2 = {"id": "m", "choose": 2, "options": [{"correct": True}, {"correct": False}, {"correct": True}, {"correct": False}, {"correct": False}],
      "tasks": {"MLA-C02": ["2.1", "1.1"]}}


def test_multiple_response_scores_all_or_nothing() -> None:
    q = json.dumps(Q2)
    assert js(f"[[0,2],[2,0],[0],[0,1,2],[],null,[0,0,2]].map(p => C.isRight({q}, p))") == [True, True, False, False, False, False, True]


def test_apportion_follows_the_weights_and_caps_small_domains() -> None:
    weights = '{"1": 28, "2": 24, "3": 24, "4": 24}'
    plenty, short, tiny = '{"1": 99, "2": 99, "3": 99, "4": 99}', '{"1": 99, "2": 5, "3": 99, "4": 99}', '{"1": 3, "2": 3, "3": 3, "4": 0}'
    found = js(f"[C.apportion(85, {weights}, {plenty}), C.apportion(65, {weights}, {short}), C.apportion(65, {weights}, {tiny}), "
               f"C.apportion(3, {weights}, {plenty})]")
    assert found[0] == {"1": 24, "2": 21, "3": 20, "4": 20}, "85 at 28/24/24/24"
    assert found[1] == {"1": 22, "2": 5, "3": 19, "4": 19}, "a domain with 5 questions gives 5; the rest by weight"
    assert found[2] == {"1": 3, "2": 3, "3": 3, "4": 0}, "never more than there is"
    assert sum(found[3].values()) == 3


def test_draw_and_score_a_mock_by_domain() -> None:
    result = js("""(() => {
      const exam = {code: "MLA-C02", domains: [{number: "1", weight: 50}, {number: "2", weight: 50}]};
      const qs = [];
      for (let i = 0; i < 24; i++) qs.push({id: "q" + i, kind: i >= 22 ? "scenario" : "bank", choose: 1,
        options: [{correct: true}, {correct: false}],
        domains: i < 10 || i >= 22 ? {"MLA-C02": ["1"]} : i < 16 ? {"MLA-C02": ["2"]} : i < 18 ? {"MLA-C02": ["2", "1"]} : {"MLS-C01": ["1"]},
        group: i < 4 ? "decision:same-call" : undefined});
      const ids = C.drawMock(qs, exam, 12, C.random(7));
      const byId = Object.fromEntries(qs.map(q => [q.id, q]));
      const picked = {}; ids.forEach((id, i) => { picked[id] = [i % 2]; });
      return {ids, again: C.drawMock(qs, exam, 12, C.random(7)), all: C.drawMock(qs, exam, 99, C.random(3)),
              score: C.scoreMock(byId, ids, picked, exam)};
    })()""")
    ids = result["ids"]
    assert len(ids) == len(set(ids)) == 12 and result["again"] == ids, "the same seed draws the same exam"
    assert not {"q18", "q19", "q20", "q21"} & set(ids), "only questions tagged with the exam"
    assert not {"q22", "q23"} & set(result["all"]), "decision-table drills stay in the quiz"
    assert sum(q in {"q0", "q1", "q2", "q3"} for q in result["all"]) == 1, "one question of a decision"
    assert len(result["all"]) == 18 - 3, "every other written question of the exam"
    score = result["score"]
    assert score["right"] == 6 and score["total"] == 12 and len(score["wrong"]) == 6
    both = sum(q in {"q16", "q17"} for q in ids)
    assert score["domains"]["1"]["total"] + score["domains"]["2"]["total"] == 12 + both, "a question of two domains counts in both"
    assert abs(score["domains"]["1"]["total"] - score["domains"]["2"]["total"]) <= 2, "by weight"


def test_options_show_in_one_shuffled_order_per_attempt() -> None:
    result = js("""(() => {
      const q = {id: "x", options: [0, 1, 2, 3, 4].map(i => ({text: "o" + i}))};
      const orders = [1, 2, 3, 4, 5, 6, 7, 8].map(seed => C.optionOrder(q, seed).join(""));
      return {orders, again: C.optionOrder(q, 3).join(""), none: C.optionOrder(q, 0).join(""),
              other: C.optionOrder({id: "y", options: q.options}, 3).join(""), seed: C.newSeed()};
    })()""")
    assert all(sorted(o) == list("01234") for o in result["orders"]), "a permutation of the options"
    assert result["again"] == result["orders"][2], "the same seed and question give the same order"
    assert len(set(result["orders"])) > 4, "other attempts, other orders"
    assert result["none"] == "01234", "an attempt saved without a seed keeps the data's order"
    assert 1 <= result["seed"] <= 999_999, "a short seed for the quiz's address"


def test_answers_keep_their_domains_and_the_panel_counts_by_them() -> None:
    result = js("""(() => {
      const q = {id: "a", tasks: {"MLA-C02": ["1.1", "1.3", "2.2"], "MLS-C01": ["3.5"]}, domains: {"MLA-C02": ["1", "2"], "MLS-C01": ["3"]}};
      const first = C.answerRecord(q, true, undefined, "2026-11-27T10:00:00Z");
      const again = C.answerRecord(q, false, first, "2026-11-28T10:00:00Z");
      const answers = {a: first, b: {right: true, d: {"MLA-C02": ["2"]}}, c: {right: false, d: {"MLA-C02": ["1"]}}, old: {right: true}};
      return {first, again, d1: C.rightInDomain(answers, "MLA-C02", "1"), d2: C.rightInDomain(answers, "MLA-C02", "2"),
              mls: C.rightInDomain(answers, "MLS-C01", "3")};
    })()""")
    assert result["first"]["d"] == {"MLA-C02": ["1", "2"], "MLS-C01": ["3"]} and result["first"]["times"] == 1
    assert result["again"]["times"] == 2 and result["again"]["right"] is False
    assert (result["d1"], result["d2"], result["mls"]) == (1, 2, 1)


def test_fsrs_schedules_whole_days_and_a_forgotten_card_comes_back_today() -> None:
    out = js("""(() => {
      const S = globalThis.Scheduler, out = [];
      let card = null;
      for (const [rating, day] of [[3, "2026-11-27"], [3, "2026-11-30"], [3, "2026-12-10"], [1, "2027-01-20"], [3, "2027-01-20"]]) {
        card = S.review(card, rating, day); out.push(card);
      }
      return {out, easy: S.review(null, 4, "2026-11-27").interval, hard: S.review(null, 2, "2026-11-27").interval};
    })()""")
    steps = out["out"]
    assert all(s["due"] >= day for s, day in zip(steps, ["2026-11-27", "2026-11-30", "2026-12-10", "2027-01-20", "2027-01-20"]))
    assert steps[0]["interval"] >= 1 and steps[1]["interval"] > steps[0]["interval"] and steps[2]["interval"] > steps[1]["interval"]
    assert steps[3]["due"] == "2027-01-20" and steps[3]["lapses"] == 1, "Again: due again today, and a lapse counted"
    assert steps[3]["stability"] < steps[2]["stability"]
    assert steps[0]["first"] == steps[4]["first"] == "2026-11-27" and steps[4]["last"] == "2027-01-20"
    assert out["easy"] > steps[0]["interval"] >= out["hard"]


def test_sm2_cards_become_fsrs_cards_with_the_same_due_dates() -> None:
    out = js("""(() => {
      const cards = {
        shard: {due: "2026-12-20", interval: 15, ease: 2.5, reps: 3, lapses: 0, first: "2026-11-01", last: "2026-12-05"},
        hard: {due: "2026-12-08", interval: 1, ease: 1.3, reps: 1, lapses: 2, first: "2026-11-02", last: "2026-12-07"},
        again: {due: "2026-12-07", interval: 0, ease: 2.36, reps: 0, lapses: 1, first: "2026-11-03", last: "2026-12-07"},
      };
      const before = JSON.parse(JSON.stringify(cards));
      const changed = globalThis.Scheduler.upgrade(cards);
      const twice = globalThis.Scheduler.upgrade(cards);
      const next = globalThis.Scheduler.review(cards.shard, 3, "2026-12-20");
      const file = {app: "aws-ml-study-notes", kind: "progress", version: 2, progress: {cards}};
      return {before, cards, changed, twice, next, valid: C.validateImport(file).ok};
    })()""")
    for cid, old in out["before"].items():
        new = out["cards"][cid]
        assert new["due"] == old["due"] and new["reps"] == old["reps"] and new["lapses"] == old["lapses"], cid
        assert "ease" not in new and new["stability"] > 0 and 1 <= new["difficulty"] <= 10
    assert out["cards"]["hard"]["difficulty"] > out["cards"]["shard"]["difficulty"], "a low ease reads as a hard card"
    assert out["changed"] is True and out["twice"] is False, "a card converts once"
    assert out["next"]["interval"] > 15, "a card remembered on time waits longer than before"
    assert out["valid"], "a file with FSRS cards imports"


def test_the_vendored_scheduler_is_the_pinned_release() -> None:
    import hashlib

    vendor = ROOT / "docs/assets/vendor/ts-fsrs"
    readme = (vendor / "README.md").read_text(encoding="utf-8")
    digest = hashlib.sha256((vendor / "ts-fsrs.umd.js").read_bytes()).hexdigest()
    assert "ts-fsrs 5.4.2" in readme and digest in readme, "docs/assets/vendor/ts-fsrs/README.md names the file's version and SHA-256"
    assert "MIT License" in (vendor / "LICENSE").read_text(encoding="utf-8")

def test_import_accepts_an_export_and_rejects_anything_else() -> None:
    good = {"app": "aws-ml-study-notes", "kind": "progress", "version": 2, "progress": {
        "version": 2, "pages": {"a/b": True}, "answers": {"q": {"right": False, "at": "2026-11-27T10:00:00Z", "times": 2}},
        "flags": {"q": True}, "mocks": [{"exam": "MLA-C02", "right": 1, "total": 2}],
        "cards": {"c": {"due": "2026-11-28", "interval": 1, "ease": 2.5, "reps": 1, "lapses": 0}}}}
    accepted = js(f"C.validateImport({json.dumps(good)})")
    assert accepted["ok"] and accepted["record"]["answers"] == good["progress"]["answers"]
    bad = [
        ("null", "no JSON object"),
        ('{"app": "other", "kind": "progress", "version": 2, "progress": {}}', "not a progress file"),
        ('{"app": "aws-ml-study-notes", "kind": "progress", "version": 1, "progress": {}}', "version 1"),
        ('{"app": "aws-ml-study-notes", "kind": "progress", "version": 2, "progress": {"secrets": {}}}', "“secrets”"),
        ('{"app": "aws-ml-study-notes", "kind": "progress", "version": 2, "progress": {"pages": {"a": "yes"}}}', "“pages” part"),
        ('{"app": "aws-ml-study-notes", "kind": "progress", "version": 2, "progress": {"answers": {"q": {"right": 1}}}}', "“answers” part"),
        ('{"app": "aws-ml-study-notes", "kind": "progress", "version": 2, "progress": {"mocks": {}}}', "“mocks” part"),
        ('{"app": "aws-ml-study-notes", "kind": "progress", "version": 2, "progress": {"cards": {"c": {"due": "2026-11-28", '
         '"interval": 1, "ease": 0.5, "reps": 1, "lapses": 0}}}}', "“cards” part"),
    ]
    results = js("[" + ", ".join(f"C.validateImport({text})" for text, _ in bad) + "]")
    for (text, message), result in zip(bad, results):
        assert not result["ok"] and message in result["error"], (text, result)


def test_quiz_address_round_trip_and_modes() -> None:
    result = js("""(() => {
      const s = C.readQuizState("?exam=MLS-C01&domain=2&task=2.3&topic=T&mode=wrong&order=shuffled&seed=42&n=3");
      const d2 = {"MLS-C01": ["2"]};
      const qs = [
        {id: "a", topic: "T", tasks: {"MLS-C01": ["2.3"]}, domains: d2}, {id: "b", topic: "T", tasks: {"MLS-C01": ["2.3"]}, domains: d2},
        {id: "c", topic: "U", tasks: {"MLS-C01": ["2.3"]}, domains: d2}, {id: "d", topic: "T", tasks: {"MLS-C01": ["2.1"]}, domains: d2},
      ];
      const bank = {questions: qs, order: {"MLS-C01": ["d", "a", "b", "c"]}};
      const record = {answers: {a: {right: false}, b: {right: true}}, flags: {b: true}};
      const pick = (extra) => C.selectQuestions(bank, Object.assign({}, s, extra), record).map(q => q.id);
      return {s, back: C.quizQuery(s), wrong: pick({}), flagged: pick({mode: "flagged"}), fresh: pick({mode: "new", topic: ""}),
              all: pick({mode: "all", topic: "", task: "", domain: "", order: "listed"}),
              retry: C.quizQuery({exam: "MLA-C02", ids: ["x/y", "z"], mode: "all", order: "listed", n: 1})};
    })()""")
    assert result["s"] == {"exam": "MLS-C01", "domain": "2", "task": "2.3", "topic": "T", "mode": "wrong", "order": "shuffled",
                           "seed": 42, "n": 3, "ids": None}
    assert result["back"] == "?exam=MLS-C01&domain=2&task=2.3&topic=T&mode=wrong&order=shuffled&seed=42&n=3"
    assert result["wrong"] == ["a"] and result["flagged"] == ["b"] and result["fresh"] == ["c"]
    assert result["all"] == ["d", "a", "b", "c"], "as listed: in the build's order for the exam"
    assert result["retry"] == "?ids=x%2Fy%2Cz&exam=MLA-C02&n=1"
    assert not re.search(r"[?&][qh]=", result["back"]), "Material reads ?q= and ?h= as a search"


def test_a_merged_import_keeps_the_newer_record_of_each_card_and_answer() -> None:
    result = js("""(() => {
      const here = {pages: {a: true}, flags: {q1: true}, answers: {
          q1: {right: false, at: "2026-12-01T10:00:00Z", times: 1}, q2: {right: true, at: "2026-12-05T10:00:00Z", times: 3}},
        cards: {c1: {due: "2026-12-09", interval: 6, ease: 2.5, reps: 2, lapses: 0, last: "2026-12-03"}},
        mocks: [{id: "1", exam: "MLA-C02", right: 1, total: 2, finished: "2026-12-01T10:00:00Z"}]};
      const file = {pages: {b: true}, flags: {}, answers: {
          q1: {right: true, at: "2026-12-02T10:00:00Z", times: 2}, q2: {right: false, at: "2026-11-30T10:00:00Z", times: 1},
          q3: {right: true, at: "2026-11-01T10:00:00Z", times: 1}},
        cards: {c1: {due: "2026-12-04", interval: 1, ease: 2.5, reps: 1, lapses: 0, last: "2026-12-03"},
                c2: {due: "2026-12-04", interval: 1, ease: 2.5, reps: 1, lapses: 0, last: "2026-12-03"}},
        mocks: [{id: "1", exam: "MLA-C02", right: 1, total: 2, finished: "2026-12-01T10:00:00Z"},
                {id: "0", exam: "MLA-C02", right: 2, total: 2, finished: "2026-11-01T10:00:00Z"}]};
      return {merged: C.mergeProgress(here, file), counts: C.counts(file)};
    })()""")
    merged = result["merged"]
    assert merged["pages"] == {"a": True, "b": True} and merged["flags"] == {"q1": True}
    assert merged["answers"]["q1"]["right"] is True, "the file's answer is newer"
    assert merged["answers"]["q2"]["times"] == 3, "this browser's answer is newer"
    assert "q3" in merged["answers"]
    assert merged["cards"]["c1"]["reps"] == 2, "same day: the card with more reviews"
    assert "c2" in merged["cards"]
    assert [m["id"] for m in merged["mocks"]] == ["0", "1"], "each mock once, oldest first"
    assert result["counts"] == {"cards": 2, "answers": 3, "pages": 1, "mocks": 2, "flags": 0}


def test_readiness_band_narrows_and_moves_with_answers() -> None:
    study, _, questions = live()
    data = __import__("studykit.readiness", fromlist=["x"]).readiness_json(questions, study.current_exam, study.glossary, {})
    on_task = [qid for qid, info in data["questions"].items() if info[0] == ["3.2"]][:8]
    assert len(on_task) == 8
    result = js(f"""(() => {{
      const data = {json.dumps(data)};
      const now = Date.parse("2026-12-07T12:00:00Z");
      const ids = {json.dumps(on_task)};
      const at = (days) => new Date(now - days * 86400000).toISOString();
      const est = (answers, cards) => C.estimate({{answers, cards: cards || {{}}}}, data, now);
      const few = est({{[ids[0]]: {{right: false, at: at(0)}}}});
      const more = est(Object.fromEntries(ids.slice(0, 4).map(id => [id, {{right: false, at: at(0)}}])));
      const better = est(Object.fromEntries(ids.map((id, i) => [id, {{right: i >= 4, at: at(0)}}])));
      const old = est(Object.fromEntries(ids.slice(0, 4).map(id => [id, {{right: false, at: at(60)}}])));
      return {{few: few.tasks["3.2"], more: more.tasks["3.2"], better: better.tasks["3.2"], old: old.tasks["3.2"],
               domain: more.domains["3"], untouched: more.tasks["1.1"],
               q: [C.betaQuantile(0.05, 1, 1), C.betaQuantile(0.95, 1, 1), C.betaQuantile(0.05, 2, 1), C.betaQuantile(0.95, 2, 1)]}};
    }})()""")
    q = result["q"]
    assert [round(x, 4) for x in q] == [0.05, 0.95, round(0.05 ** 0.5, 4), round(0.95 ** 0.5, 4)], "Beta quantiles"
    few, more, better, old = result["few"], result["more"], result["better"], result["old"]
    assert few["weak"] and more["weak"] and more["high"] - more["low"] < few["high"] - few["low"], "more answers, a narrower band"
    assert better["mean"] > more["mean"] and better["answers"] == 8, "right answers in a weak task raise it"
    assert old["mean"] > more["mean"], "two-month-old answers count less than today's"
    assert result["domain"]["answers"] == 4 and not result["untouched"]["answers"] and not result["untouched"]["weak"]
    assert more["missed"], "the sections of missed questions, to reread"


def test_bank_json_ships_the_domains_the_label_the_sources_and_the_question_page() -> None:
    study, _, questions = live()
    bank = practice.bank_json(questions, study.exams)
    mla = study.exams["MLA-C02"]
    for q, shipped in zip(sorted(questions, key=lambda q: q.id), sorted(bank["questions"], key=lambda q: q["id"])):
        assert shipped["domains"].get("MLA-C02", []) == practice.question_domains(q, mla)
        assert ("label" in shipped) == q.multiple
        if q.kind == "bank":
            assert shipped["page"].startswith("practice/questions/mla-c02-") and "#q-" in shipped["page"]
        else:
            assert "page" not in shipped and "group" not in shipped
    assert any(q.get("sources") for q in bank["questions"])
    typed = data.BankQuestion("typed", "x.yml", "S", "Which two steps work? (Choose TWO.)", 2,
                              tuple(data.Answer(f"o{i}", i < 2, "w") for i in range(5)), (), "d.md#a", decision="one-call")
    q = practice.bank_questions([typed], {})[0]
    assert q.stem == "Which two steps work?" and q.group == "decision:one-call"
    assert practice.question_json(q, exams=study.exams)["group"] == "decision:one-call"
    html = practice.question_html(q, 1, "practice/questions/x.md", report="https://example.test/issues/new?x=1&amp;y")
    assert html.count("Choose") == 1, "one label, the renderer's"
    for q in questions:
        prompt = BeautifulSoup(practice.question_html(q, 1, "practice/questions/x.md"), "html.parser").select_one(".quiz-prompt")
        assert prompt.get_text().lower().count("(choose") == (1 if q.multiple else 0), f"{q.source}: {q.id}"


def test_question_pages_show_the_sources_and_a_report_link_after_the_answer() -> None:
    q = Question("ok-one", "bank", "T", "S <b>", "Which?", 1, tuple(Option(f"o{i}", i == 0, "w") for i in range(4)),
                 {"MLA-C02": ("1.1",)}, "d1/page.md#part", "x.yml", sources=("https://docs.aws.amazon.com/a/b.html",))
    html = practice.question_list_html([q], "practice/questions/mla-c02-1-1.md", repo_url="https://github.com/o/r",
                                       site_url="https://o.github.io/notes/")
    soup = BeautifulSoup(html, "html.parser")
    answer = soup.select_one("details.quiz-answer")
    assert answer.select_one(".quiz-sources a")["href"] == "https://docs.aws.amazon.com/a/b.html"
    report = answer.select_one(".quiz-report a")["href"]
    assert report.startswith("https://github.com/o/r/issues/new?template=report-a-mistake.yml")
    assert "where=ok-one" in report and "practice%2Fquestions%2Fmla-c02-1-1%2F%23q-ok-one" in report
    setup = practice.quiz_setup([q], live()[0].exams, "practice/quiz.md", repo_url="https://github.com/o/r")
    assert setup["report"]["url"].count(setup["report"]["where"]) == 2, "the title and the field name the question"


def test_every_current_domain_counts_notes_pages() -> None:
    study, source, questions = live()
    notes = [p for p in source if p.is_notes]
    mla = study.exams["MLA-C02"]
    rows = [(p.src[:-3], p.title, {"MLA-C02": practice.page_domains(pages.page_covers(p, study.exams), mla)}) for p in notes]
    progress = practice.progress_data({"MLA-C02": mla}, rows, questions)
    counts = {d["number"]: len(d["pages"]) for d in progress["exams"][0]["domains"]}
    assert all(counts.values()), f"a domain with no notes page: {counts}"
    assert sum(counts.values()) > len(notes), "a page that teaches two domains counts in both"
    panel = BeautifulSoup(practice.progress_panel_html(progress, "../practice/#readiness"), "html.parser")
    assert panel.select_one('td[data-ready="MLA-C02:4"]') and panel.select_one('.progress-readiness-note a[href="../practice/#readiness"]')


def test_guessing_by_position_or_length_scores_at_most_35_percent_on_a_beta_mock(capsys) -> None:
    """A learner who always picks the first option(s), or the longest, on an MLA-C02 beta mock (85 questions,
    options in the order the mock shows them) scores at most 35%, averaged over 20 mocks."""
    study, _, questions = live()
    bank = practice.bank_json(questions, study.exams)
    result = js(f"""(() => {{
      const bank = {json.dumps(bank)};
      const exam = bank.exams["MLA-C02"];
      const byId = Object.fromEntries(bank.questions.map(q => [q.id, q]));
      const first = [], longest = [], stored = [];
      for (let seed = 1; seed <= 20; seed++) {{
        const ids = C.drawMock(bank.questions, exam, 85, C.random(seed));
        const score = (pick) => {{
          const picked = Object.fromEntries(ids.map(id => [id, pick(byId[id])]));
          const s = C.scoreMock(byId, ids, picked, exam);
          return s.right / s.total;
        }};
        first.push(score(q => C.optionOrder(q, seed).slice(0, q.choose)));
        stored.push(score(q => q.options.map((o, i) => i).slice(0, q.choose)));
        longest.push(score(q => q.options.map((o, i) => i).sort((a, b) => q.options[b].text.length - q.options[a].text.length).slice(0, q.choose)));
      }}
      const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
      return {{first: mean(first), longest: mean(longest), stored: mean(stored), size: C.drawMock(bank.questions, exam, 85, C.random(1)).length}};
    }})()""")
    with capsys.disabled():
        print(f"\nBeta mock ({result['size']} questions, mean of 20): first option(s) as shown {result['first']:.0%}, "
              f"longest option(s) {result['longest']:.0%}; first option(s) in the stored order {result['stored']:.0%}")
    assert result["first"] <= 0.35, f"picking the first option(s) as shown scores {result['first']:.0%}"
    assert result["longest"] <= 0.35, f"picking the longest option(s) scores {result['longest']:.0%}"
