"""The quiz and flashcards built from data/: four fair choices, safe embedded JSON, working links."""

from __future__ import annotations

import functools
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from studykit import data, quiz
from studykit.data import Decision, Option, Scenario


@functools.cache
def live_decisions() -> dict[str, Decision]:
    facts = data.short_facts(data.load_changes())
    return data.load_decisions(facts=facts)


def make_decision(option_count: int, source: str = "data/decisions/tiny.yml") -> Decision:
    options = tuple(Option(id=f"o{i}", name=f"Option {i}", section=f"option-{i}", fields={}) for i in range(option_count))
    scenarios = (
        Scenario(id="s1", task="Pick <one> & only one.", answer="o0", why="Because </p> it fits.", distractors=("o2",)),
        Scenario(id="s2", task="Pick another.", answer="o1", why="Reasons.", section="special-section"),
    )
    return Decision("tiny", "Tiny topic", "Which option?", "d1/tiny.md", source, {}, options, scenarios)


QUESTIONS = quiz.build_questions(live_decisions())


def test_every_scenario_becomes_a_question() -> None:
    decisions = live_decisions()
    assert len(QUESTIONS) == sum(len(d.scenarios) for d in decisions.values())
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS), "question ids must be unique"


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_four_distinct_choices_from_the_same_file_with_one_answer(question: quiz.Question) -> None:
    decision = live_decisions()[question.decision]
    ids = [c.id for c in question.choices]
    labels = [c.label.casefold() for c in question.choices]
    assert len(ids) == 4 and len(set(ids)) == 4 and len(set(labels)) == 4
    assert ids.count(question.answer) == 1, "exactly one choice is the answer"
    assert set(ids) <= {o.id for o in decision.options}, "distractors come from the same decision file"
    scenario = next(s for s in decision.scenarios if f"{decision.key}/{s.id}" == question.id)
    assert question.answer == scenario.answer
    wanted = [d for d in dict.fromkeys(scenario.distractors) if d != scenario.answer][:3]
    assert set(wanted) <= set(ids), "the scenario's own distractors come first"


def test_questions_are_reproducible_and_preferred_distractors_come_first() -> None:
    decision = make_decision(6)
    first = quiz.build_questions({"tiny": decision})
    assert first == quiz.build_questions({"tiny": decision})
    s1, s2 = first
    assert "o2" in [c.id for c in s1.choices]
    assert s1.target == "d1/tiny.md#option-0", "links to the answer option's section"
    assert s2.target == "d1/tiny.md#special-section", "a scenario's own section wins"


def test_fewer_than_four_options_fails_naming_the_file() -> None:
    with pytest.raises(data.DataError, match=r"data/decisions/tiny\.yml: has 3 options.*4 choices.*Add 1 more"):
        quiz.build_questions({"tiny": make_decision(3)})


def test_json_cannot_break_out_of_its_script_element() -> None:
    evil = "</script><script>alert(1)</script> & <!-- more"
    text = quiz.script_json({"definition": evil})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"definition": evil}

    glossary = data.Glossary([data.Term(term="Evil term", definition=evil, anchor="evil-term", source="test")])
    page = quiz.flashcards_html(glossary, "practice/flashcards.md")
    assert "<script>alert(1)" not in page
    assert page.count("</script>") == 1, "only the data element's own closing tag"
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in page, "the no-script list shows the text, escaped"
    payload = re.search(r'<script type="application/json" class="practice-data">(.*?)</script>', page).group(1)
    assert json.loads(payload)[0]["definition"] == evil
    assert json.loads(payload)[0]["href"] == "../../glossary/#evil-term"


def test_quiz_html_escapes_data_and_works_without_script() -> None:
    questions = quiz.build_questions({"tiny": make_decision(4)})
    html = quiz.quiz_html(questions, "practice/quiz.md")
    assert "Pick &lt;one&gt; &amp; only one." in html and "Because &lt;/p&gt; it fits." in html
    assert html.count("<summary>Show the answer</summary>") == 2
    assert 'class="quiz-link" href="../../d1/tiny/#option-0"' in html
    payload = re.search(r'<script type="application/json" class="practice-data">(.*?)</script>', html).group(1)
    first = json.loads(payload)[0]
    assert first == {"id": "tiny/s1", "topic": "Tiny topic", "choices": [c.id for c in questions[0].choices], "answer": "o0"}
    for choice in first["choices"]:
        assert f'data-choice="{choice}"' in html, "the script finds each choice's label in the list"


def test_links_are_relative_to_the_page() -> None:
    assert quiz.href("d1/page.md#a", "practice/quiz.md") == "../../d1/page/#a"
    assert quiz.href("index.md", "practice/quiz.md") == "../../"
    assert quiz.href("practice/index.md", "practice/quiz.md") == "../"
    assert quiz.href("glossary.md#x", "index.md") == "glossary/#x"
    assert quiz.href("d1/page.md#a", "practice/quiz.md", use_directory_urls=False) == "../d1/page.html#a"


def test_progress_panel_counts_pages_per_domain() -> None:
    guide = data.exam_guides()["MLS-C01"]
    pages = [quiz.StudyPage("d1/a", "A", "1"), quiz.StudyPage("d1/b", "B", "1"), quiz.StudyPage("d3/c", "C", "3")]
    panel = quiz.progress_panel_html(guide, pages, [])
    assert '<span data-studied="1">–</span> of 2' in panel and '<span data-studied="3">–</span> of 1' in panel
    assert 'data-action="clear-progress"' in panel


def test_every_quiz_link_points_to_an_existing_anchor(site_dir: Path) -> None:
    """Resolve each link from the built quiz page and find the element with that id."""
    from bs4 import BeautifulSoup

    quiz_page = "practice/quiz/index.html"
    soup = BeautifulSoup((site_dir / quiz_page).read_text(encoding="utf-8"), "html.parser")
    payload = json.loads(soup.select_one('[data-practice="quiz"] script.practice-data').string)
    assert [q["id"] for q in payload] == [q.id for q in QUESTIONS]
    links = {li["data-question"]: li.select_one("a.quiz-link")["href"] for li in soup.select("li.quiz-question")}
    assert len(links) == len(QUESTIONS)
    pages: dict[str, set[str]] = {}
    broken = []
    for qid, link in links.items():
        path, _, anchor = link.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(quiz_page), path))
        target = posixpath.join(target, "index.html") if path.endswith("/") or not path.endswith(".html") else target
        if target not in pages:
            file = site_dir / target
            ids = set()
            if file.is_file():
                ids = {el["id"] for el in BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select("[id]")}
            pages[target] = ids
        if not pages[target]:
            broken.append(f"{qid}: page {target} does not exist")
        elif unquote(anchor) not in pages[target]:
            broken.append(f"{qid}: {target} has no heading #{anchor}")
    assert not broken, "Quiz links to missing pages or headings (fix `section:` in data/decisions/):\n" + "\n".join(broken)
