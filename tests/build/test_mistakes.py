"""Each contributor mistake fails the strict build with a message that names the culprit.

Every test copies the project, makes one mistake and builds the copy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import mkdocs_build

STREAMING = "docs/domain-1-data-engineering/streaming-data-collection.md"


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def failed_build(project: Path, tmp_path: Path) -> str:
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output[-2000:]}"
    return output


@pytest.fixture
def project(copy_project) -> Path:
    return copy_project()


def test_unknown_term_names_term_page_and_closest_matches(project: Path, tmp_path: Path) -> None:
    append(project / STREAMING, '\nEach {{ term("shardd") }} holds records.\n')
    out = failed_build(project, tmp_path)
    assert "Unknown glossary term 'shardd'" in out
    assert "domain-1-data-engineering/streaming-data-collection.md" in out
    assert "Closest glossary names: shard" in out


def test_glossary_record_missing_definition_names_the_record(project: Path, tmp_path: Path) -> None:
    append(project / "data/glossary/streaming.yml", "\n- term: Hot shard\n  aliases: [hot partition]\n")
    out = failed_build(project, tmp_path)
    assert "data/glossary/streaming.yml: term 'Hot shard': missing required field 'definition'" in out


def test_duplicate_alias_names_both_records(project: Path, tmp_path: Path) -> None:
    append(project / "data/glossary/streaming.yml", "\n- term: Shard count\n  aliases: [KPL]\n  definition: How many shards.\n")
    out = failed_build(project, tmp_path)
    assert "'KPL' (term 'Shard count') is already a name of term 'Kinesis Producer Library'" in out


def test_broken_yaml_names_file_and_line(project: Path, tmp_path: Path) -> None:
    path = project / "data/glossary/streaming.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    first_term = next(i for i, line in enumerate(lines) if line.startswith("- term:"))
    lines.insert(first_term + 1, "  definition: [unclosed")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = failed_build(project, tmp_path)
    assert "data/glossary/streaming.yml line" in out and "invalid YAML" in out


def test_unknown_related_term_is_named(project: Path, tmp_path: Path) -> None:
    append(project / "data/glossary/streaming.yml", "\n- term: Hot shard\n  definition: A busy shard.\n  related: [Shard splitting]\n")
    out = failed_build(project, tmp_path)
    assert "term 'Hot shard' lists related term 'Shard splitting', which is not in the glossary" in out


def test_unknown_changed_fact_is_named(project: Path, tmp_path: Path) -> None:
    append(project / STREAMING, '\n{{ changed("kds-retension") }}\n')
    out = failed_build(project, tmp_path)
    assert "Unknown changed-fact id 'kds-retension'" in out and "kds-retention" in out


def test_notes_page_without_exam_map_is_named(project: Path, tmp_path: Path) -> None:
    edit(project / STREAMING, "exam:", "exam_guide:")
    out = failed_build(project, tmp_path)
    assert "streaming-data-collection.md: front matter has no 'exam:' map" in out


def test_broken_link_fails_the_strict_build(project: Path, tmp_path: Path) -> None:
    append(project / STREAMING, "\nSee [the missing page](no-such-page.md).\n")
    out = failed_build(project, tmp_path)
    assert "no-such-page.md" in out and "streaming-data-collection.md" in out


def test_broken_anchor_fails_the_strict_build(project: Path, tmp_path: Path) -> None:
    append(project / STREAMING, "\nSee [shards](../glossary.md#no-such-term).\n")
    out = failed_build(project, tmp_path)
    assert "no-such-term" in out and "streaming-data-collection.md" in out


def test_markup_in_a_definition_is_shown_as_text(project: Path, tmp_path: Path) -> None:
    append(
        project / "data/glossary/streaming.yml",
        "\n- term: Hot shard\n  definition: 'Watch <img src=x onerror=alert(1)> and </script><b>bold</b>'\n",
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site/glossary/index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img src=x" not in html and "<b>bold</b>" not in html
