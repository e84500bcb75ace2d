"""Every navigation label is its page's title (hooks/studykit/nav_titles.py fails the strict build otherwise)."""

from __future__ import annotations

from pathlib import Path

from studykit import nav_titles
from studykit.pages import load_mkdocs_config

ROOT = Path(__file__).resolve().parents[2]


def test_every_nav_label_is_the_page_title() -> None:
    nav = load_mkdocs_config(ROOT / "mkdocs.yml")["nav"]
    assert nav_titles.mismatches(nav, ROOT / "docs") == []


def test_a_differing_label_names_the_entry_and_the_title(tmp_path: Path) -> None:
    (tmp_path / "topic").mkdir()
    (tmp_path / "topic" / "index.md").write_text("---\ntitle: Topic overview\n---\n\n# Overview\n", encoding="utf-8")
    (tmp_path / "topic" / "eval.md").write_text("# Evaluating ML models { #top }\n", encoding="utf-8")
    nav = [{"Home": "index.md"}, {"Topic": ["topic/index.md", {"Evaluation": "topic/eval.md"}]}]
    problems = nav_titles.mismatches(nav, tmp_path)
    assert len(problems) == 2
    assert "section 'Topic' (topic/index.md) should read 'Topic overview'" in problems[0]
    assert "nav entry 'Evaluation' (topic/eval.md) should read 'Evaluating ML models'" in problems[1]
