"""The data loader: real data loads, and each kind of mistake names its culprit."""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit import data


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_real_data_loads_with_enough_terms() -> None:
    changes = data.load_changes()
    glossary = data.load_glossary(facts=data.short_facts(changes))
    decisions = data.load_decisions(facts=data.short_facts(changes))
    assert len(glossary.terms) >= 40
    assert "kinesis" in decisions
    assert data.load_exams()["MLA-C01"]["1.1"].title == "Ingest and store data"


def test_lookup_matches_aliases_abbreviations_and_former_names_case_insensitively() -> None:
    glossary = data.load_glossary(facts=data.short_facts(data.load_changes()))
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
        data.load_glossary(tmp_path, facts={"kds-retention": "24 hours"})


def test_fact_placeholders_expand_in_decisions() -> None:
    decisions = data.load_decisions(facts=data.short_facts(data.load_changes()))
    retention = decisions["kinesis"].option("data-streams").fields["retention"]
    assert "{fact:" not in retention and "365 days" in retention


DECISION = """
topic: Things
question: Which thing?
page: x.md
fields:
  purpose: What it does
options:
  - {id: a, name: A, section: a, purpose: p}
  - {id: b, name: B, section: b, purpose: p}
scenarios:
  - {id: s1, task: t, answer: %s, why: w}
"""


def test_scenario_answer_must_be_an_option(tmp_path: Path) -> None:
    write(tmp_path / "things.yml", DECISION % "c")
    with pytest.raises(data.DataError, match=r"things\.yml: scenario 's1': 'c' is not an option id"):
        data.load_decisions(tmp_path)


def test_option_missing_a_declared_field_is_named(tmp_path: Path) -> None:
    write(tmp_path / "things.yml", (DECISION % "a").replace("section: b, purpose: p", "section: b"))
    with pytest.raises(data.DataError, match=r"option 'b': missing field 'purpose'"):
        data.load_decisions(tmp_path)


def test_change_needs_an_https_source(tmp_path: Path) -> None:
    write(tmp_path / "c.yml", "- {id: x, subject: s, was: w, now: n, short: s, when: 2024, sources: [ftp://x]}\n")
    with pytest.raises(data.DataError, match=r"change 'x': every source must be an https:// link"):
        data.load_changes(tmp_path)
