"""hooks/studykit/html_fixes.py: the markup that lets abbreviations and comparison tables work on every screen."""

from __future__ import annotations

from studykit import html_fixes

S3 = '<abbr title="Amazon S3: Object storage.">S3</abbr>'
HREFS = {"Amazon S3": "glossary/s/#amazon-s3"}


def test_first_abbreviation_of_a_section_is_focusable_and_every_one_links_its_entry() -> None:
    html = f"<p>{S3} and {S3}</p><p><a href='x'>{S3}</a></p><h2>Next</h2><details><summary>{S3}</summary></details><p>{S3}</p>"
    out = html_fixes.repair(html, HREFS, "domain-1/page/")
    assert out.count('tabindex="0"') == 2, out  # once in each section, never inside a link or a summary
    assert out.count('data-href="../../glossary/s/#amazon-s3"') == 5
    assert "<summary><abbr title=\"Amazon S3: Object storage.\" data-href" in out
    assert html_fixes.repair(out, HREFS, "domain-1/page/") == out


def test_comparison_table_cells_name_their_column() -> None:
    html = ('<div class="compare-table">\n<table>\n<thead>\n<tr>\n<th>Service</th>\n<th>Latency &amp; cost</th>\n'
            '</tr>\n</thead>\n<tbody>\n<tr>\n<td><a href="x">S3</a></td>\n<td>Low</td>\n</tr>\n</tbody>\n</table>\n</div>')
    out = html_fixes.repair(html)
    assert '<table role="table">' in out and '<th role="columnheader">Service</th>' in out
    assert '<td role="cell" data-label="Service"><a href="x">S3</a></td>' in out
    assert '<td role="cell" data-label="Latency &amp; cost">Low</td>' in out
    assert html_fixes.repair(out) == out


def test_scrolling_tables_and_formulas_come_in_their_cue_box_once() -> None:
    html = ('<table>\n<tr><td>a</td></tr>\n</table>\n<table class="coverage"><tr><td>b</td></tr></table>\n'
            '<div class="formula" markdown="0"><math><mi>x</mi></math></div>')
    out = html_fixes.repair(html)
    assert out.startswith('<div class="scroll-cue"><table>'), out
    assert '<table class="coverage">' in out and out.count('<div class="scroll-cue">') == 1  # the theme leaves it be
    assert ('<div class="scroll-cue scroll-cue--formula"><div class="formula" tabindex="0" role="group" '
            'aria-label="Formula" markdown="0"><math><mi>x</mi></math></div></div>') in out
    assert html_fixes.repair(out) == out
