"""The data loader: real data loads, and each kind of mistake names its culprit."""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit import data


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


STUDY = data.load_all()


def test_real_data_loads_with_enough_terms() -> None:
    assert len(STUDY.glossary.terms) >= 40
    assert "kinesis" in STUDY.decisions
    assert STUDY.exams["MLA-C01"].tasks["1.1"].title == "Ingest and store data"
    assert STUDY.current_exam.code == "MLA-C02"


def test_exam_guides_have_their_skills_and_weights() -> None:
    mla, mls = STUDY.exams["MLA-C02"], STUDY.exams["MLS-C01"]
    assert [d.weight for d in mla.domains] == [28, 24, 24, 24]
    assert [d.weight for d in mls.domains] == [20, 24, 36, 20]
    assert len(mla.skills) == 107 and sum(s.new for s in mla.skills.values()) == 45
    assert len(mls.tasks) == 15 and all(t.skills for t in mls.tasks.values())


def test_exam_references_name_the_mistake() -> None:
    assert data.parse_ref("MLA-C02 1.1.7", STUDY.exams, "p.md").text.startswith("Configure scalable vector databases")
    with pytest.raises(data.DataError, match=r"p\.md: MLA-C02 has no skill '1\.1\.99'"):
        data.parse_ref("MLA-C02 1.1.99", STUDY.exams, "p.md")
    with pytest.raises(data.DataError, match=r"unknown exam 'MLA-C03'.*MLA-C02"):
        data.parse_ref("MLA-C03 1.1", STUDY.exams, "p.md")
    with pytest.raises(data.DataError, match=r"names a task; name one of its numbered skills"):
        data.parse_ref("MLA-C02 1.1", STUDY.exams, "p.md", level="skill")


def test_skills_must_be_numbered_in_order(tmp_path: Path) -> None:
    write(tmp_path / "exams.yml", """X-C01:
  name: X
  level: Associate
  role: current
  summary: s
  guide: https://docs.aws.amazon.com/x
  domains:
    - number: 1
      title: D
      weight: 100
      tasks:
        - code: "1.1"
          title: T
          skills:
            - {code: "1.1.2", text: s}
""".replace("X-C01", "XYZ-C01"))
    with pytest.raises(data.DataError, match=r"skill '1\.1\.2' is out of order; expected 1\.1\.1"):
        data.load_exams(tmp_path / "exams.yml")


def test_lookup_matches_aliases_abbreviations_and_former_names_case_insensitively() -> None:
    glossary = STUDY.glossary
    assert glossary.lookup("kpl").term == "Kinesis Producer Library"
    assert glossary.lookup("SHARDS").term == "Shard"
    assert glossary.lookup("Kinesis Data Firehose").term == "Amazon Data Firehose"
    assert glossary.lookup("Kinesis Data Analytics").term == "Amazon Managed Service for Apache Flink"


def test_missing_definition_names_the_record(tmp_path: Path) -> None:
    write(tmp_path / "g.yml", "- term: Shard\n")
    with pytest.raises(data.DataError, match=r"g\.yml: term 'Shard': missing required field 'definition'"):
        data.load_glossary(tmp_path)


def test_unknown_field_suggests_the_right_one(tmp_path: Path) -> None:
    write(tmp_path / "g.yml", "- term: Shard\n  definiton: typo\n  definition: ok\n")
    with pytest.raises(data.DataError, match=r"unknown field 'definiton' \(did you mean 'definition'\?\)"):
        data.load_glossary(tmp_path)


def test_duplicate_alias_across_files_names_both_terms(tmp_path: Path) -> None:
    write(tmp_path / "a.yml", "- term: Shard\n  definition: one\n")
    write(tmp_path / "b.yml", "- term: Partition\n  aliases: [shard]\n  definition: two\n")
    with pytest.raises(data.DataError, match=r"b\.yml: 'shard' \(term 'Partition'\) is already a name of term 'Shard'"):
        data.load_glossary(tmp_path)


def test_unknown_related_term_is_named_with_suggestions(tmp_path: Path) -> None:
    write(tmp_path / "g.yml", "- term: Shard\n  definition: one\n  related: [Shards of glass]\n- term: Shard key\n  definition: two\n")
    with pytest.raises(data.DataError, match=r"lists related term 'Shards of glass', which is not in the glossary"):
        data.load_glossary(tmp_path)


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path / "g.yml", "- term: Shard\n  definition: one\n - term: broken\n")
    with pytest.raises(data.DataError, match=r"g\.yml line 3, column \d+: invalid YAML"):
        data.load_glossary(tmp_path)


def test_unknown_fact_placeholder_is_named(tmp_path: Path) -> None:
    write(tmp_path / "g.yml", "- term: Shard\n  definition: 'Kept {fact:kds-retenton}'\n")
    with pytest.raises(data.DataError, match=r"unknown fact '\{fact:kds-retenton\}'.*kds-retention"):
        data.load_glossary(tmp_path, data.Expander({"kds-retention": "24 hours"}))


def test_fact_placeholders_expand_in_decisions() -> None:
    retention = STUDY.decisions["kinesis"].option("data-streams").fields["retention"]
    assert "{fact:" not in retention and STUDY.changes["kds-retention"].short in retention


def test_an_aws_service_needs_its_documentation_link(tmp_path: Path) -> None:
    write(tmp_path / "g.yml", "- term: Amazon Example\n  definition: A service.\n")
    with pytest.raises(data.DataError, match=r"term 'Amazon Example': an AWS service needs 'docs:'"):
        data.load_glossary(tmp_path)


DECISION = """
topic: Things
question: Which thing?
page: x.md
fields:
  purpose: What it does
options:
  - {id: a, name: A, section: a, best_for: when a, purpose: p}
  - {id: b, name: B, section: b, best_for: when b, purpose: p}
scenarios:
  - {id: s1, task: t, answer: %s, why: w}
"""


def test_scenario_answer_must_be_an_option(tmp_path: Path) -> None:
    write(tmp_path / "things.yml", DECISION % "c")
    with pytest.raises(data.DataError, match=r"things\.yml: scenario 's1': 'c' is not an option id"):
        data.load_decisions(tmp_path)


def test_option_missing_a_declared_field_is_named(tmp_path: Path) -> None:
    write(tmp_path / "things.yml", (DECISION % "a").replace("best_for: when b, purpose: p", "best_for: when b"))
    with pytest.raises(data.DataError, match=r"option 'b': missing field 'purpose'"):
        data.load_decisions(tmp_path)


CHANGE = "area: A\nchanges:\n  - {id: x, subject: s, was: w, now: n, short: s, %s, sources: [%s]}\n"


def test_change_needs_an_https_source(tmp_path: Path) -> None:
    write(tmp_path / "c.yml", CHANGE % ("date: 2024-05", "ftp://x"))
    with pytest.raises(data.DataError, match=r"change 'x': 'ftp://x' must be an https:// link"):
        data.load_changes(tmp_path)


def test_change_needs_a_date_or_an_explicit_undated(tmp_path: Path) -> None:
    write(tmp_path / "c.yml", (CHANGE % ("", "https://docs.aws.amazon.com/x")).replace(", , ", ", "))
    with pytest.raises(data.DataError, match=r"change 'x': has neither 'date:' nor 'undated:'.*if no AWS page dates it, 'undated:'"):
        data.load_changes(tmp_path)
    write(tmp_path / "c.yml", CHANGE % ("date: last spring", "https://docs.aws.amazon.com/x"))
    with pytest.raises(data.DataError, match=r"change 'x': 'last spring' is not a date"):
        data.load_changes(tmp_path)
