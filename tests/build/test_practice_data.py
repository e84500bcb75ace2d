"""The quiz and the flashcards come from data/: they change automatically when data/ changes."""

from __future__ import annotations

import gzip
import json
import posixpath
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import mkdocs_build

EVIL = "</script><script>alert(1)</script>"

NEW_SCENARIO = {
    "id": "practice-test-scenario",
    "task": "Practice test: deliver clickstream records to S3 with no code to run.",
    "answer": "firehose",
    "why": "Practice test: Firehose delivers to S3 by itself.",
}

NEW_DECISION = {
    "topic": "Practice test topic",
    "question": "Which test option?",
    "page": "practice/index.md",
    "options": [{"id": f"t{i}", "name": f"Test option {i}", "section": "how-the-practice-works"} for i in range(4)],
    "scenarios": [{"id": "only", "task": "Practice test: pick option two.", "answer": "t2", "why": "It is two."}],
}

NEW_TERM = [{"term": "Practice test term", "definition": f"A term added by a test. {EVIL}"}]


def data_in(html: str) -> object:
    soup = BeautifulSoup(html, "html.parser")
    return json.loads(soup.select_one("script.practice-data").string)


def test_quiz_and_cards_follow_data_changes(copy_project, tmp_path: Path) -> None:
    project = copy_project()
    kinesis = project / "data/decisions/kinesis.yml"
    raw = yaml.safe_load(kinesis.read_text(encoding="utf-8"))
    raw["scenarios"].append(NEW_SCENARIO)
    kinesis.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")
    (project / "data/decisions/zz-practice-test.yml").write_text(yaml.safe_dump(NEW_DECISION), encoding="utf-8")
    (project / "data/glossary/zz-practice-test.yml").write_text(yaml.safe_dump(NEW_TERM), encoding="utf-8")

    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, f"build failed:\n{(result.stdout + result.stderr)[-3000:]}"

    quiz_html = (tmp_path / "site/practice/quiz/index.html").read_text(encoding="utf-8")
    questions = {q["id"]: q for q in data_in(quiz_html)}
    assert len(questions["kinesis/practice-test-scenario"]["choices"]) == 4
    assert questions["zz-practice-test/only"]["topic"] == "Practice test topic", "a new decision file is picked up"
    soup = BeautifulSoup(quiz_html, "html.parser")
    item = soup.select_one('li.quiz-question[data-question="kinesis/practice-test-scenario"]')
    assert item.select_one(".quiz-task").get_text() == NEW_SCENARIO["task"]
    assert item.select_one(".quiz-why").get_text() == NEW_SCENARIO["why"]
    assert "Practice test topic" in soup.select_one('li[data-question="zz-practice-test/only"]').get_text()

    cards_html = (tmp_path / "site/practice/flashcards/index.html").read_text(encoding="utf-8")
    cards = {c["term"]: c for c in data_in(cards_html)}
    assert cards["Practice test term"]["definition"].endswith(EVIL)
    assert "<script>alert(1)" not in cards_html, "a definition cannot inject markup"
    assert "<summary>Practice test term</summary>" in cards_html


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def first_visit(site_dir: Path, page: str) -> dict[str, int]:
    """Gzipped size of each local file a first visit to `page` loads, with the search worker and index."""
    soup = BeautifulSoup((site_dir / page).read_text(encoding="utf-8"), "html.parser")
    files = {page, "search/search_index.json"}
    refs = [el["href"] for el in soup.select('link[rel="stylesheet"][href]')]
    refs += [el["src"] for el in soup.select("script[src]")]
    refs.append(json.loads(soup.select_one("#__config").string)["search"])  # already relative to the page
    for ref in refs:
        if "://" not in ref:
            files.add(posixpath.normpath(posixpath.join(posixpath.dirname(page), ref.split("?")[0])))
    return {name: gz_size(site_dir / name) for name in sorted(files)}


def test_quiz_page_share_of_the_weight_budget(site_dir: Path) -> None:
    """The quiz page aims at ~100 KiB gzipped in all. Material's own assets take ~70 KiB and the search
    index grows with the notes, so the quiz's own part (page and practice.js) must stay small."""
    sizes = first_visit(site_dir, "practice/quiz/index.html")
    own = sum(size for name, size in sizes.items() if name.startswith(("practice/", "assets/js/practice", "assets/css/practice")))
    report = "\n".join(f"{size / 1024:7.1f} KiB  {name}" for name, size in sizes.items())
    report += f"\n{sum(sizes.values()) / 1024:7.1f} KiB  in all"
    assert own < 45 * 1024, f"the quiz's own files weigh {own / 1024:.1f} KiB gzipped:\n{report}"
