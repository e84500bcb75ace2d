"""The downloads for other tools: Anki packages that Anki can open, with one note per glossary term and
per written question whose ids stay the same from build to build, and the same data as CSV."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from pathlib import Path

import pytest

from studykit import data, decks


@pytest.fixture(scope="module")
def study() -> data.StudyData:
    return data.load_all()


def notes_in(package: bytes, tmp_path: Path) -> dict[str, str]:
    """{guid: first field} of the notes in an .apkg, read as Anki reads it: a zip with a SQLite collection."""
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        assert "collection.anki2" in z.namelist() and "media" in z.namelist()
        (tmp_path / "collection.anki2").write_bytes(z.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        return {guid: fields.split("\x1f")[0] for guid, fields in db.execute("select guid, flds from notes")}


def build(study: data.StudyData) -> list[decks.Deck]:
    return decks.all_decks(study.glossary, study.questions, lambda target: f"https://example.org/{target}")


def test_the_anki_packages_hold_one_note_per_term_and_per_question_with_ids_stable_across_builds(
        study: data.StudyData, tmp_path: Path) -> None:
    first, second = build(study), build(study)
    glossary, questions = notes_in(first[0].content, tmp_path), notes_in(first[1].content, tmp_path)
    assert len(glossary) == len(study.glossary.terms) == first[0].cards
    assert len(questions) == len(study.questions) == first[1].cards
    assert set(glossary) == set(notes_in(second[0].content, tmp_path))
    assert set(questions) == set(notes_in(second[1].content, tmp_path))
    q = study.questions[0]
    assert questions[decks.note_guid("question", q.id)].startswith("<p>")


def test_card_text_from_data_is_escaped(study: data.StudyData) -> None:
    q = study.questions[0]
    tricky = data.BankQuestion(q.id, q.source, "<script>x</script>", q.stem, q.choose, q.options, q.tasks, q.teach)
    assert "<script>" not in decks.question_front(tricky) and "&lt;script&gt;" in decks.question_front(tricky)


def test_the_csv_files_have_a_row_per_term_and_per_question(study: data.StudyData) -> None:
    by_file = {d.file: d for d in build(study)}
    terms = list(csv.DictReader(io.StringIO(by_file["aws-ml-glossary.csv"].content.decode())))
    rows = list(csv.DictReader(io.StringIO(by_file["aws-ml-questions.csv"].content.decode())))
    assert len(terms) == len(study.glossary.terms) and len(rows) == len(study.questions)
    assert all(r["answer"] and r["option A"] and r["why A"] for r in rows)
