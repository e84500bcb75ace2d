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
