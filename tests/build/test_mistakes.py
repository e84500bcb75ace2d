"""Each contributor mistake fails the strict build with a message that names the culprit and the fix.

Every test copies the project and makes one mistake. A mistake in data or front matter stops the build
where it starts, in studykit.build.prebuild; those tests run that step in-process, which takes a
second instead of a whole build. Mistakes that only show while pages render (a term, a link), and one
data mistake as a check that the step really stops a build, run the strict build, or its steps on the
pages concerned (strict_render).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import mkdocs_build
from studykit import site


STREAMING = "docs/domain-1-data-preparation/streaming-data-collection.md"
GLOSSARY = "data/glossary/streaming.yml"
QUESTION = """
- id: zz-mistake
  scenario: A team streams events.
  stem: Which service?
  choose: {choose}
  options:
    - {{text: Kinesis Data Streams, correct: true, why: Right.}}
    - {{text: Amazon Data Firehose, why: Wrong here.}}
    - {{text: Amazon MSK, why: Wrong here.}}
    - {{text: AWS Glue, why: {why}}}
    - {{text: Amazon SQS, why: Wrong here.}}
  tasks: [{tasks}]
  teach: {teach}
"""


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


def strict_render(project: Path, tmp_path: Path, sources: list[str]) -> tuple[str, dict[str, str]]:
    """The strict build's own steps (its plugins, hooks, link and anchor checks) on a few pages only, in
    this process: the warnings that would abort a strict build, and each page's HTML. A whole build
    takes twenty seconds here; the real site's strict build runs once per test run (tests/conftest.py)."""
    import io
    import logging

    from mkdocs.commands.build import _populate_page
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation

    caught = io.StringIO()
    handler = logging.StreamHandler(caught)
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        files.add_files_from_theme(config.theme.get_env(), config)
        files = config.plugins.on_files(files, config=config)
        nav = get_navigation(files, config)
        config.plugins.on_nav(nav, config=config, files=files)
        pages = {src: files.get_file_from_path(src).page for src in sources}
        for page in pages.values():
            _populate_page(page, config, files)
        for page in pages.values():  # anchors once every page has its headings, as the build does
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return caught.getvalue(), {src: page.content for src, page in pages.items()}


def settings_of(project: Path) -> site.Settings:
    """The settings a build of `project` starts from, as the MkDocs adapter reads them from mkdocs.yml."""
    return site.Settings.from_file(project / "mkdocs.yml")


def failed_start(project: Path, tmp_path: Path) -> str:
    """The message with which the build of `project` stops as it starts (studykit.build.prebuild, which
    hooks/mkdocs_adapter.py runs in on_config and reports as "Data error: ...")."""
    from studykit import build
    from studykit.errors import DataError

    with pytest.raises(DataError) as stopped:
        build.prebuild(settings_of(project))
    return f"Data error: {stopped.value}"


def failed_render(project: Path, tmp_path: Path, macro: str, *args: str) -> str:
    """The message with which a page macro stops the build of `project` as it renders the streaming page
    (a macro's error stops the build because the macros plugin runs with on_error_fail,
    test_site.test_config_is_strict...)."""
    from studykit.errors import DataError
    from studykit.page_macros import PageMacros

    macros = PageMacros(site.load(settings_of(project)), here=lambda: STREAMING.removeprefix("docs/"),
                        render_markdown=lambda text: text)
    with pytest.raises(DataError) as err:
        getattr(macros, macro)(*args)
    return str(err.value)


def question(**fields: str) -> str:
    values = {"choose": "1", "why": "Wrong here.", "tasks": "MLA-C02 1.1",
              "teach": "domain-1-data-preparation/streaming-data-collection.md#the-kinesis-family"}
    values.update(fields)
    return QUESTION.format(**values)


@pytest.fixture
def project(copy_project) -> Path:
    return copy_project()


def test_unknown_term_names_term_page_and_closest_matches(project: Path, tmp_path: Path) -> None:
    out = failed_render(project, tmp_path, "term", "shardd")
    assert "Unknown glossary term 'shardd'" in out
    assert "domain-1-data-preparation/streaming-data-collection.md" in out
    assert "Closest glossary names: shard" in out


def test_glossary_record_missing_definition_names_the_record(project: Path, tmp_path: Path) -> None:
    append(project / GLOSSARY, "\n- term: Zzyzx shard\n  aliases: [zzyzx partition]\n")
    out = failed_start(project, tmp_path)
    assert "data/glossary/streaming.yml: term 'Zzyzx shard': missing required field 'definition'" in out


def test_duplicate_alias_names_both_records(project: Path, tmp_path: Path) -> None:
    append(project / GLOSSARY, "\n- term: Zzyzx count\n  aliases: [KPL]\n  definition: How many.\n")
    out = failed_start(project, tmp_path)
    assert "'KPL' (term 'Zzyzx count') is already a name of term 'Kinesis Producer Library'" in out


def test_broken_yaml_names_file_and_line(project: Path, tmp_path: Path) -> None:
    path = project / GLOSSARY
    lines = path.read_text(encoding="utf-8").splitlines()
    first_term = next(i for i, line in enumerate(lines) if line.startswith("- term:"))
    lines.insert(first_term + 1, "  definition: [unclosed")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = failed_build(project, tmp_path)
    assert "data/glossary/streaming.yml line" in out and "invalid YAML" in out


def test_unknown_related_term_is_named(project: Path, tmp_path: Path) -> None:
    append(project / GLOSSARY, "\n- term: Zzyzx shard\n  definition: A busy shard.\n  related: [Shard splitting zz]\n")
    out = failed_start(project, tmp_path)
    assert "term 'Zzyzx shard' lists related term 'Shard splitting zz', which is not in the glossary" in out


def test_an_aws_service_without_its_documentation_link_is_named(project: Path, tmp_path: Path) -> None:
    append(project / GLOSSARY, "\n- term: Amazon Zzyzx\n  definition: A service.\n")
    out = failed_start(project, tmp_path)
    assert "term 'Amazon Zzyzx': an AWS service needs 'docs:'" in out


def test_unknown_changed_fact_is_named(project: Path, tmp_path: Path) -> None:
    out = failed_render(project, tmp_path, "changed", "kds-retension")
    assert "Unknown changed-fact id 'kds-retension'" in out and "kds-retention" in out
    assert "streaming-data-collection.md" in out


def test_a_change_without_a_date_is_named(project: Path, tmp_path: Path) -> None:
    edit(project / "data/changes/domain-1-data-engineering.yml", "    date: 2025-10-27\n", "")
    out = failed_start(project, tmp_path)
    assert "change 'kds-record-size': has neither 'date:' nor 'undated:'" in out


def test_a_changed_value_typed_in_a_page_names_the_line_and_the_fact_to_use(project: Path, tmp_path: Path) -> None:
    append(project / STREAMING, "\nKinesis keeps records for 365 days at most.\n")
    out = failed_start(project, tmp_path)
    assert "streaming-data-collection.md:" in out and "'365 days' is the current value of changed fact 'kds-retention'" in out
    assert '{{ fact("kds-retention") }}' in out


def test_a_date_typed_in_a_page_is_named(project: Path, tmp_path: Path) -> None:
    append(project / STREAMING, "\nThe feature shipped on 4 May 2026.\n")
    out = failed_start(project, tmp_path)
    assert "streaming-data-collection.md:" in out and "'4 May 2026' is a date typed into a page" in out


def test_a_section_tag_for_a_missing_heading_is_named(project: Path, tmp_path: Path) -> None:
    edit(project / STREAMING, "covers:\n", "covers:\n  no-such-section: [MLA-C02 1.1.4]\n")
    out = failed_start(project, tmp_path)
    assert "streaming-data-collection.md: front matter 'covers': the page has no section '#no-such-section'" in out


def test_an_unknown_exam_skill_is_named(project: Path, tmp_path: Path) -> None:
    edit(project / STREAMING, "covers:\n", "covers:\n  the-kinesis-family: [MLA-C02 1.1.99]\n")
    out = failed_start(project, tmp_path)
    assert "MLA-C02 has no skill '1.1.99'" in out and "streaming-data-collection.md" in out


def test_a_question_with_the_wrong_number_of_right_answers_is_named(project: Path, tmp_path: Path) -> None:
    (project / "data/questions/zz-mistakes.yml").write_text(question(choose="2"), encoding="utf-8")
    out = failed_start(project, tmp_path)
    assert "data/questions/zz-mistakes.yml: question 'zz-mistake': marks 1 option(s) correct but asks to choose 2" in out


def test_a_question_option_without_its_explanation_is_named(project: Path, tmp_path: Path) -> None:
    (project / "data/questions/zz-mistakes.yml").write_text(question(why="''"), encoding="utf-8")
    out = failed_start(project, tmp_path)
    assert "question 'zz-mistake', option 4: missing required field 'why'" in out


def test_a_question_on_an_unknown_task_is_named(project: Path, tmp_path: Path) -> None:
    (project / "data/questions/zz-mistakes.yml").write_text(question(tasks="MLA-C02 9.9"), encoding="utf-8")
    out = failed_start(project, tmp_path)
    assert "question 'zz-mistake'" in out and "MLA-C02 has no task '9.9'" in out


def test_a_question_linking_a_missing_section_is_named(project: Path, tmp_path: Path) -> None:
    teach = "domain-1-data-preparation/streaming-data-collection.md#no-such-anchor"
    (project / "data/questions/zz-mistakes.yml").write_text(question(teach=teach), encoding="utf-8")
    out = failed_start(project, tmp_path)
    assert "question 'zz-mistake', field 'teach': links to '" + teach + "'" in out


def test_a_decision_option_without_best_for_is_named(project: Path, tmp_path: Path) -> None:
    path = project / "data/decisions/kinesis.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.strip().startswith("best_for:"))
    path.write_text("".join(lines[:first] + lines[first + 1:]), encoding="utf-8")
    out = failed_start(project, tmp_path)
    assert "data/decisions/kinesis.yml: option 'data-streams': missing required field 'best_for'" in out


def test_a_misspelled_field_is_named_with_the_right_one(project: Path, tmp_path: Path) -> None:
    edit(project / "data/decisions/kinesis.yml", "    best_for: when several of your own consumers", "    bestfor: when several of your own consumers")
    out = failed_start(project, tmp_path)
    assert "data/decisions/kinesis.yml: option 'data-streams': unknown field 'bestfor' (did you mean 'best_for'?)" in out


def test_broken_links_fail_the_strict_build_and_definitions_stay_text(project: Path, tmp_path: Path) -> None:
    append(project / STREAMING, "\nSee [the missing page](no-such-page.md) and [shards](../glossary/s.md#no-such-term).\n")
    append(project / GLOSSARY, "\n- term: Zzyzx shard\n  definition: 'Watch <img src=x onerror=alert(1)> and </script><b>bold</b>'\n")
    streaming = STREAMING.removeprefix("docs/")
    warnings, html = strict_render(project, tmp_path, [streaming, "glossary/s.md", "glossary/t-z.md"])
    assert "streaming-data-collection.md" in warnings and "no-such-page.md" in warnings, "a link to a missing page"
    assert "no-such-term" in warnings, "a link to a missing heading"
    assert "&lt;img src=x onerror=alert(1)&gt;" in html["glossary/t-z.md"]
    assert "<img src=x" not in html["glossary/t-z.md"] and "<b>bold</b>" not in html["glossary/t-z.md"]


def test_a_notes_page_without_its_checked_date_is_named(project: Path, tmp_path: Path) -> None:
    path = project / STREAMING
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(line for line in text.split("\n") if not line.startswith("checked:")), encoding="utf-8")
    out = failed_start(project, tmp_path)
    assert "docs/domain-1-data-preparation/streaming-data-collection.md: front matter has no 'checked:'" in out


def test_a_change_without_its_checked_date_is_named(project: Path, tmp_path: Path) -> None:
    path = project / "data/changes/domain-1-data-engineering.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("    checked:"))
    path.write_text("\n".join(lines[:first] + lines[first + 1:]), encoding="utf-8")
    out = failed_start(project, tmp_path)
    assert "data/changes/domain-1-data-engineering.yml: change 'kds-retention' has no 'checked:'" in out


def test_a_changes_file_without_its_page_is_named(project: Path, tmp_path: Path) -> None:
    (project / "data/changes/zz-area.yml").write_text('area: "Zz"\nchanges: []\n', encoding="utf-8")
    out = failed_start(project, tmp_path)
    assert "data/changes/zz-area.yml has no page. Create docs/review/whats-changed/zz-area.md" in out


def test_the_build_names_every_check_older_than_180_days(project: Path, tmp_path: Path, monkeypatch) -> None:
    from studykit import build

    monkeypatch.setenv("STUDY_BUILD_DATE", "2027-12-01")
    printed = "\n".join(build.prebuild(settings_of(project))[1].notices)
    assert "Facts due for a check: page docs/domain-1-data-preparation/streaming-data-collection.md: facts checked on" in printed
    assert "change 'kds-retention' in data/changes/domain-1-data-engineering.yml" in printed
