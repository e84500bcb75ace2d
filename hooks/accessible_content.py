"""MkDocs hook: small repairs to generated page content that accessibility checkers flag.

- A table whose top-left header cell is empty has row labels in its first column. The empty
  corner becomes a <td> (an empty <th> is a header without a name, axe: empty-table-header) and
  each row's first cell becomes <th scope="row">, so every data cell has a header (td-has-header).
- A display formula box scrolls sideways on narrow screens, so keyboard users must be able to
  focus it to scroll it (axe: scrollable-region-focusable). It gets tabindex and a name.

Pages and macros keep writing plain Markdown; the fix holds for every page, now and later.
"""

from __future__ import annotations

import re
from typing import Any

TABLE = re.compile(r"<table>.*?</table>", re.S)
EMPTY_CORNER = re.compile(r"(<thead>\s*<tr>\s*)<th(\s[^>]*)?>\s*</th>")
FIRST_CELL = re.compile(r"(<tr>\s*)<td(\s[^>]*)?>(.*?)</td>", re.S)
FORMULA_BOX = re.compile(r'<div class="formula"(?![^>]*\btabindex=)')


def row_headers(table: str) -> str:
    if not EMPTY_CORNER.search(table):
        return table
    table = EMPTY_CORNER.sub(lambda m: f"{m.group(1)}<td{m.group(2) or ''}></td>", table, count=1)
    head, sep, body = table.partition("<tbody>")
    body = FIRST_CELL.sub(lambda m: f'{m.group(1)}<th scope="row"{m.group(2) or ""}>{m.group(3)}</th>', body)
    return head + sep + body


def repair(html: str) -> str:
    html = TABLE.sub(lambda m: row_headers(m.group(0)), html)
    return FORMULA_BOX.sub('<div class="formula" tabindex="0" role="group" aria-label="Formula"', html)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return repair(html)
