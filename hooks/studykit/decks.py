"""Decks for other tools: the glossary and the written questions as Anki packages (.apkg) and as CSV.

Each note's id comes from the term's anchor or the question's id, so that importing a newer deck into
Anki updates the cards a learner already has instead of adding copies. Text from data is escaped
before it becomes a card's HTML.
"""

from __future__ import annotations

import csv
import html
import io
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .data import BankQuestion, Glossary

DOWNLOADS = "downloads"
# Fixed ids: Anki recognizes a deck and a note type it has seen before by these numbers.
GLOSSARY_DECK_ID, GLOSSARY_MODEL_ID = 1_764_000_001, 1_764_000_011
QUESTIONS_DECK_ID, QUESTIONS_MODEL_ID = 1_764_000_002, 1_764_000_012
GUID_NAMESPACE = "aws-ml-study-notes"
LETTERS = "ABCDEF"
CARD_STYLE = ".card { font-family: sans-serif; font-size: 18px; text-align: left; line-height: 1.4; }"


@dataclass(frozen=True)
class Deck:
    file: str  # its name under downloads/
    title: str
    cards: int
    content: bytes

    @property
    def kib(self) -> int:
        return max(1, round(len(self.content) / 1024))


def note_guid(kind: str, key: str) -> str:
    import genanki

    return genanki.guid_for(GUID_NAMESPACE, kind, key)


def _package(deck, path: Path) -> bytes:
    """The deck as an .apkg. genanki stores the collection uncompressed; deflating it makes the
    download about five times smaller, and Anki reads either."""
    import genanki
    import zipfile

    genanki.Package(deck).write_to_file(str(path))
    out = io.BytesIO()
    with zipfile.ZipFile(path) as plain, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as packed:
        for item in plain.infolist():
            packed.writestr(item.filename, plain.read(item))
    return out.getvalue()


def _link(url: str, text: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'


def glossary_deck(glossary: Glossary, url_of: Callable[[str], str], work: Path) -> Deck:
    import genanki

    model = genanki.Model(
        GLOSSARY_MODEL_ID, "AWS ML Study Notes: term",
        fields=[{"name": "Term"}, {"name": "Definition"}, {"name": "Details"}, {"name": "Link"}],
        templates=[{"name": "Term to definition", "qfmt": "{{Term}}",
                    "afmt": "{{FrontSide}}<hr id=answer>{{Definition}}<p>{{Details}}</p><p>{{Link}}</p>"}],
        css=CARD_STYLE,
    )
    deck = genanki.Deck(GLOSSARY_DECK_ID, "AWS ML Study Notes::Glossary")
    for term in glossary.sorted_terms():
        names = ", ".join(n for n in (term.abbreviation, *term.aliases) if n)
        front = html.escape(term.term) + (f"<br><small>{html.escape(names)}</small>" if names else "")
        deck.add_note(genanki.Note(
            model=model, guid=note_guid("term", term.anchor),
            fields=[front, html.escape(term.definition), html.escape(term.details),
                    _link(url_of(f"{glossary.page_of(term)}#{term.anchor}"), "Read it in the notes")],
        ))
    content = _package(deck, work / "glossary.apkg")
    return Deck("aws-ml-glossary.apkg", "Glossary", len(deck.notes), content)


def question_front(q: BankQuestion) -> str:
    label = f"<p><em>(Choose {q.choose}.)</em></p>" if q.multiple else ""
    options = "".join(f"<li>{html.escape(o.text)}</li>" for o in q.options)
    return f"<p>{html.escape(q.scenario)}</p><p><strong>{html.escape(q.stem)}</strong></p>{label}<ol type=A>{options}</ol>"


def question_back(q: BankQuestion, url_of: Callable[[str], str]) -> str:
    keys = ", ".join(LETTERS[i] for i, o in enumerate(q.options) if o.correct)
    why = "".join(
        f"<li><strong>{LETTERS[i]}{' (right)' if o.correct else ''}:</strong> {html.escape(o.why)}</li>"
        for i, o in enumerate(q.options)
    )
    sources = " · ".join(_link(u, "AWS source") for u in q.sources)
    return (f"<p><strong>Answer: {keys}</strong></p><ul>{why}</ul>"
            f"<p>{_link(url_of(q.teach), 'Where the notes teach it')}{' · ' + sources if sources else ''}</p>")


def questions_deck(questions: Sequence[BankQuestion], url_of: Callable[[str], str], work: Path) -> Deck:
    import genanki

    model = genanki.Model(
        QUESTIONS_MODEL_ID, "AWS ML Study Notes: question",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Id"}, {"name": "Tasks"}],
        templates=[{"name": "Question", "qfmt": "{{Question}}",
                    "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}<p><small>{{Id}} · {{Tasks}}</small></p>"}],
        css=CARD_STYLE,
    )
    deck = genanki.Deck(QUESTIONS_DECK_ID, "AWS ML Study Notes::Practice questions")
    for q in sorted(questions, key=lambda q: q.id):
        deck.add_note(genanki.Note(
            model=model, guid=note_guid("question", q.id),
            fields=[question_front(q), question_back(q, url_of), html.escape(q.id),
                    html.escape(", ".join(f"{t.exam} {t.code}" for t in q.tasks))],
            tags=sorted({f"{t.exam}::{t.code}".replace(" ", "_") for t in q.tasks}),
        ))
    content = _package(deck, work / "questions.apkg")
    return Deck("aws-ml-questions.apkg", "Practice questions", len(deck.notes), content)


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def glossary_csv(glossary: Glossary, url_of: Callable[[str], str]) -> Deck:
    rows = [["id", "term", "other names", "definition", "details", "notes", "aws docs"]]
    for t in glossary.sorted_terms():
        rows.append([t.anchor, t.term, "; ".join(n for n in (t.abbreviation, *t.aliases, *t.formerly) if n),
                     t.definition, t.details, url_of(f"{glossary.page_of(t)}#{t.anchor}"), t.docs])
    return Deck("aws-ml-glossary.csv", "Glossary", len(rows) - 1, _csv(rows))


def questions_csv(questions: Sequence[BankQuestion], url_of: Callable[[str], str]) -> Deck:
    header = ["id", "tasks", "scenario", "stem", "choose"]
    for letter in LETTERS:
        header += [f"option {letter}", f"why {letter}"]
    rows = [header + ["answer", "notes", "sources"]]
    for q in sorted(questions, key=lambda q: q.id):
        row = [q.id, "; ".join(f"{t.exam} {t.code}" for t in q.tasks), q.scenario, q.stem, str(q.choose)]
        for i in range(len(LETTERS)):
            row += [q.options[i].text, q.options[i].why] if i < len(q.options) else ["", ""]
        row += ["".join(LETTERS[i] for i, o in enumerate(q.options) if o.correct), url_of(q.teach), " ".join(q.sources)]
        rows.append(row)
    return Deck("aws-ml-questions.csv", "Practice questions", len(rows) - 1, _csv(rows))


def all_decks(glossary: Glossary, questions: Sequence[BankQuestion], url_of: Callable[[str], str]) -> list[Deck]:
    """The four downloads. `url_of` turns a docs path (with an optional #anchor) into its published address."""
    with tempfile.TemporaryDirectory() as work:
        return [
            glossary_deck(glossary, url_of, Path(work)),
            questions_deck(questions, url_of, Path(work)),
            glossary_csv(glossary, url_of),
            questions_csv(questions, url_of),
        ]


def write(decks: Sequence[Deck], site_dir: Path) -> None:
    out = site_dir / DOWNLOADS
    out.mkdir(parents=True, exist_ok=True)
    for deck in decks:
        (out / deck.file).write_bytes(deck.content)
