"""The rendering functions, called directly with small data: no MkDocs build."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest

from studykit import data, render
from studykit.pages import nav_sources, relink

GLOSSARY = data.Glossary(
    [
        data.Term(term="Shard", definition="A unit of capacity.", anchor="shard", source="t.yml", aliases=("shards",)),
        data.Term(
            term="Kinesis Producer Library",
            definition='Writes <b>fast</b> & "safely" </script>',
            anchor="kinesis-producer-library",
            source="t.yml",
            abbreviation="KPL",
            related=("Shard",),
        ),
    ]
)


def to_html(md: str) -> str:
    return markdown.markdown(md, extensions=["tables", "attr_list", "md_in_html", "admonition", "abbr"])


def test_term_link_is_relative_and_case_insensitive() -> None:
    link = render.term_link(GLOSSARY, "SHARDS", "domain-1/streaming.md")
    assert link == '[SHARDS](../glossary/index.md#shard "A unit of capacity.")'


def test_term_link_can_show_other_text() -> None:
    assert render.term_link(GLOSSARY, "kpl", "index.md", "the KPL").startswith("[the KPL](glossary/index.md#kinesis-producer-library ")


def test_definition_markup_is_shown_as_text() -> None:
    html = to_html(render.term_link(GLOSSARY, "KPL", "index.md"))
    assert "<b>" not in html and "</script>" not in html
    assert "&lt;b&gt;fast&lt;/b&gt;" in html


def test_unknown_term_names_term_page_and_closest_matches() -> None:
    with pytest.raises(render.UnknownTerm) as err:
        render.term_link(GLOSSARY, "shardd", "domain-1/streaming.md")
    message = str(err.value)
    assert "'shardd'" in message and "domain-1/streaming.md" in message and "shard" in message


def test_glossary_page_lists_anchor_aliases_related_and_usage() -> None:
    md = render.glossary_page(GLOSSARY, {"shard": [("Streaming", "d1/streaming.md")]}, "glossary/index.md")
    html = to_html(md)
    assert 'id="shard"' in html and 'id="letter-k"' in html
    assert "shards" in html
    assert 'href="#shard"' in html or 'href="index.md#shard"' in html
    assert 'href="../d1/streaming.md"' in html


def test_glossary_pages_list_their_letters_and_services_sort_without_their_prefix() -> None:
    glossary = data.Glossary([
        data.Term(term="Amazon Zebra", definition="d", anchor="amazon-zebra", source="t.yml", docs="https://docs.aws.amazon.com/z"),
        data.Term(term="Apple", definition="d", anchor="apple", source="t.yml"),
    ])
    glossary.pages.update({"A": "glossary/a.md", "Z": "glossary/z.md"})
    assert [t.term for t in glossary.sorted_terms()] == ["Apple", "Amazon Zebra"]
    assert render.term_link(glossary, "Amazon Zebra", "d1/p.md").startswith("[Amazon Zebra](../glossary/z.md#amazon-zebra ")
    html = to_html(render.glossary_page(glossary, {}, "glossary/a.md", letters="A"))
    assert 'id="apple"' in html and 'id="amazon-zebra"' not in html
    assert 'href="z.md#letter-z"' in html
    assert "<b>" not in html


def test_abbreviations_come_from_the_data() -> None:
    abbr = render.abbreviations(GLOSSARY)
    assert abbr.startswith("*[KPL]: Kinesis Producer Library: Writes &lt;b&gt;")


DECISION = data.parse_decision(
    {
        "topic": "Things",
        "question": "Which thing?",
        "page": "d1/things.md",
        "fields": {"purpose": "What it does"},
        "options": [
            {"id": "a", "name": "A | pipe", "section": "a", "best_for": "when x", "purpose": "<i>x</i>"},
            {"id": "b", "name": "B", "section": "b", "best_for": "when y", "purpose": ["one", "two"]},
        ],
        "scenarios": [{"id": "s", "task": "Do <script>", "answer": "a", "why": "Because | yes"}],
    },
    "things",
    "data/decisions/things.yml",
)


def test_scenario_table_escapes_and_keeps_table_shape() -> None:
    html = to_html(render.scenario_table(DECISION, None, "d1/things.md"))
    assert html.count("<tr>") == 2
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "Because &#124; yes" in html


def test_options_table_and_unknown_field() -> None:
    html = to_html(render.options_table(DECISION, ["purpose"], None, "d1/things.md"))
    assert "one<br>two" in html and "&lt;i&gt;" in html
    with pytest.raises(data.DataError, match="has no field 'purpse'.*purpose"):
        render.options_table(DECISION, ["purpse"], None, "d1/things.md")


def test_bullets_render_a_list_field() -> None:
    assert render.bullet_list(DECISION, "b", "purpose") == "- one\n- two"


def test_changed_admonition_says_what_when_and_source() -> None:
    change = data.load_changes()["kds-record-size"]
    md = render.changed_admonition(change, dt.date(2026, 12, 7))
    assert md.startswith(f'!!! changed "Changed: {change.subject}"')
    assert render.esc(change.was) in md and render.esc(change.now) in md and change.sources[0] in md
    assert f"**Changed:** {change.date.words()}." in md
    before = render.changed_admonition(change, change.date.start - dt.timedelta(days=1))
    assert f"**Takes effect:** {change.date.words()}." in before, "a change dated ahead says when it takes effect"


def test_consecutive_changes_fold_into_one_collapsed_box() -> None:
    changes = data.load_changes()
    md = render.changed_group([changes["kds-record-size"], changes["firehose-rename"]], dt.date(2026, 12, 7))
    assert md.startswith('??? changed "2 changes: ')
    assert md.count("**Older notes said:**") == 2


def test_exam_tips_are_extracted_with_titles() -> None:
    source = '# P\n\n!!! exam-tip "Shards"\n\n    Know shards.\n\n    Second line.\n\nText\n\n!!! note\n\n    not a tip\n'
    assert render.exam_tips(source) == [("Shards", "Know shards.\n\nSecond line.")]


def test_relink_keeps_links_pointing_at_the_same_place() -> None:
    moved = relink("See [x](#shard) and [y](../glossary.md#kpl) and [z](https://aws.amazon.com).", "d1/s.md", "review/tips.md")
    assert moved == "See [x](../d1/s.md#shard) and [y](../glossary.md#kpl) and [z](https://aws.amazon.com)."


def test_nav_sources_walks_nested_sections() -> None:
    nav = [{"Home": "index.md"}, {"D1": ["d1/index.md", {"A": "d1/a.md"}]}, {"Ext": "https://x.org"}]
    assert nav_sources(nav) == ["index.md", "d1/index.md", "d1/a.md"]


def test_formula_is_mathml() -> None:
    assert render.formula("x^2").startswith("<math")
    assert 'display="block"' in render.formula("x^2", display=True)


def test_an_exam_fact_and_its_note_read_as_two_sentences() -> None:
    from studykit.examguide import _fact_row

    row = _fact_row(data.ExamFact(item="Standard exam time", value="AWS has not published it",
                                  status="not-published", note="MLA-C01 allowed 130 minutes"))
    assert "| AWS has not published it. MLA-C01 allowed 130 minutes. |" in row
    plain = _fact_row(data.ExamFact(item="Questions", value="65", status="confirmed"))
    assert "| 65 |" in plain
