"""The stale-fact guards: each fails with a message that names the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit import data, guards

HEADER = "area: Streaming\nchanges:\n"
RETENTION = """  - id: kds-retention
    subject: Retention
    was: 24 hours to 7 days.
    now: 24 hours by default, up to 365 days.
    short: 24 hours by default, up to 365 days
    values: ["365 days", "8,760 hours"]
    undated: AWS gives no date.
    sources: [https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html]
"""
OBJECT_SIZE = """  - id: s3-object-size
    subject: Object size
    was: 0 bytes to 5 TB.
    now: From zero to 50 TB; a single GET returns at most 5 TB.
    short: 0 bytes to 50 TB
    values: ["50 TB"]
    date: 2025-12
    sources: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingObjects.html]
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small project: one changes file with two records, clean pages and clean data."""
    write(tmp_path / "data" / "changes" / "streams.yml", HEADER + RETENTION + OBJECT_SIZE)
    write(tmp_path / "data" / "decisions" / "kinesis.yml", "why: Keeps records for replay ({fact:kds-retention}).\n")
    write(tmp_path / "docs" / "streams.md", '# Streams\n\nRecords stay for {{ fact("kds-retention") }}.\n')
    return tmp_path


def changes(root: Path) -> dict[str, data.Change]:
    found = data.load_changes(root / "data" / "changes")
    # load_changes() names files relative to the real project; point them at the test project.
    return {k: data.Change(**{**c.__dict__, "source": f"data/changes/{Path(c.source).name}"}) for k, c in found.items()}


def run(root: Path) -> list[str]:
    return guards.findings(changes(root), root / "docs", root / "data", root)


# --------------------------------------------------------------------------- single sourcing


def test_clean_project_has_no_findings(project: Path) -> None:
    assert run(project) == []


def test_value_typed_in_data_names_file_line_and_the_fact_to_use(project: Path) -> None:
    write(project / "data" / "decisions" / "kinesis.yml", "why: >-\n  Keeps records for replay, up to 365 days.\n")
    assert run(project) == [
        "data/decisions/kinesis.yml:2: '365 days' is the current value of changed fact 'kds-retention'; "
        'write {{ fact("kds-retention") }} in a page or {fact:kds-retention} in data instead'
    ]


def test_value_typed_in_a_page_is_found_whatever_its_spacing_and_case(project: Path) -> None:
    write(project / "docs" / "s3.md", "# S3\n\nObjects go up to 50TB.\n\nOr 50 tb.\n")
    found = run(project)
    assert [f.split(":")[0:2] for f in found] == [["docs/s3.md", "3"], ["docs/s3.md", "5"]]
    assert all("changed fact 's3-object-size'" in f for f in found)


def test_a_value_must_stand_alone(project: Path) -> None:
    write(project / "docs" / "s3.md", "# S3\n\nA 150 TB lake, 1,365 days, 50 TBs of logs.\n")
    assert run(project) == []


def test_a_record_may_state_its_own_value_but_not_another_records(project: Path) -> None:
    """kds-retention's own lines type '365 days' and are exempt; s3-object-size's line is not."""
    other = OBJECT_SIZE.replace("at most 5 TB.", "at most 5 TB, and logs are kept 365 days.")
    write(project / "data" / "changes" / "streams.yml", HEADER + RETENTION + other)
    assert run(project) == [
        "data/changes/streams.yml:14: '365 days' is the current value of changed fact 'kds-retention'; "
        'write {{ fact("kds-retention") }} in a page or {fact:kds-retention} in data instead'
    ]


def test_record_lines_span_one_record(project: Path) -> None:
    path = project / "data" / "changes" / "streams.yml"
    assert guards.record_lines(path, "kds-retention") == range(3, 11)
    assert guards.record_lines(path, "s3-object-size") == range(11, 19)
    assert guards.record_lines(path, "missing") == range(0)


# --------------------------------------------------------------------------- dates typed into pages


def test_typed_dates_in_pages_are_all_named_with_file_and_line(project: Path) -> None:
    write(
        project / "docs" / "lookout.md",
        "# Lookout\n\n"
        '!!! warning "Support ended in October 2026"\n\n'
        "    Support for Lookout for Equipment ends on 7 October 2026.\n\n"
        "The notice went up on 2024-10-17.\n",
    )
    found = run(project)
    assert [f.split(": '")[0] for f in found] == ["docs/lookout.md:3", "docs/lookout.md:5", "docs/lookout.md:7"]
    assert "'7 October 2026' is a date typed into a page" in found[1]
    assert "{verb:date} placeholder" in found[1] and '{{ fact("id") }}' in found[1]


def test_dates_in_code_macros_comments_and_links_are_not_prose(project: Path) -> None:
    write(
        project / "docs" / "code.md",
        "# Code\n\n"
        "```python\nrelease = '2026-10-07'  # 7 October 2026\n```\n\n"
        "Run `--since 2026-10-07` first. {{ exam_fact('MLS-C01', 'Retirement') }}\n"
        "<!-- reviewed 7 October 2026 -->\n"
        "See [the post](https://aws.amazon.com/blogs/x/2026-10-07-news/).\n",
    )
    assert run(project) == []


# --------------------------------------------------------------------------- the build fails with all findings


def test_check_raises_one_error_that_lists_every_finding(project: Path) -> None:
    write(project / "data" / "decisions" / "kinesis.yml", "why: Up to 365 days.\n")
    write(project / "docs" / "lookout.md", "# Lookout\n\nSupport ends on 7 October 2026.\n")
    with pytest.raises(data.DataError) as err:
        guards.check(changes(project), project / "docs", project / "data", project)
    message = str(err.value)
    assert message.startswith("2 stale-fact problem(s).")
    assert "data/decisions/kinesis.yml:1: '365 days'" in message
    assert "docs/lookout.md:3: '7 October 2026'" in message


def test_the_real_site_passes_the_guards() -> None:
    study = data.load_all()
    root = data.DATA_DIR.parent
    assert guards.findings(study.changes, root / "docs", data.DATA_DIR, root) == []


# --------------------------------------------------------------------------- dates of change records


def load(tmp_path: Path, record: str) -> dict[str, data.Change]:
    write(tmp_path / "changes" / "c.yml", HEADER + record)
    return data.load_changes(tmp_path / "changes")


def test_record_without_date_or_undated_is_named_with_the_fix(tmp_path: Path) -> None:
    record = RETENTION.replace("    undated: AWS gives no date.\n", "")
    with pytest.raises(data.DataError, match=r"c\.yml: change 'kds-retention': has neither 'date:' nor 'undated:'\. Give 'date:'"):
        load(tmp_path, record)


def test_record_with_both_date_and_undated_is_named(tmp_path: Path) -> None:
    record = RETENTION.replace("    undated:", "    date: 2020-11\n    undated:")
    with pytest.raises(data.DataError, match=r"change 'kds-retention': has both 'date:' and 'undated:'"):
        load(tmp_path, record)


@pytest.mark.parametrize("vague", ["Changed recently.", "See the current documentation.", "After the notes were written."])
def test_vague_undated_is_rejected_and_named(tmp_path: Path, vague: str) -> None:
    record = RETENTION.replace("undated: AWS gives no date.", f"undated: {vague}")
    with pytest.raises(data.DataError, match=r"change 'kds-retention': 'undated: .*' is not explicit: '.*' is not a date"):
        load(tmp_path, record)


def test_undated_that_does_not_say_aws_gives_no_date_is_rejected(tmp_path: Path) -> None:
    record = RETENTION.replace("undated: AWS gives no date.", "undated: The page is silent.")
    with pytest.raises(data.DataError, match=r"not explicit: it does not say that no AWS page gives a date"):
        load(tmp_path, record)


@pytest.mark.parametrize("field", ["now", "short"])
def test_a_date_typed_into_now_or_short_is_rejected(tmp_path: Path, field: str) -> None:
    record = RETENTION.replace(f"    {field}: 24 hours by default", f"    {field}: Since 1 November 2020, 24 hours by default")
    with pytest.raises(data.DataError, match=rf"change 'kds-retention': '{field}' types the date '1 November 2020'"):
        load(tmp_path, record)


def test_placeholders_in_now_and_short_are_fine(tmp_path: Path) -> None:
    record = RETENTION.replace("    short: 24 hours", "    short: raised {since:2020-11}, 24 hours")
    assert load(tmp_path, record)["kds-retention"].short.startswith("raised since November 2020")
