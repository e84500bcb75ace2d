"""The fixes the build makes to each page's HTML, as plain functions any engine can call.

fix_content() runs them in order on a page's content (the rendered Markdown, before the theme wraps it).
Each fix is idempotent: run again on fixed HTML, it changes nothing, so a postbuild pass over a site
that is already fixed leaves it as it is.

Accessibility repairs:
Small repairs to generated page content that accessibility checkers flag, and the
markup the reader's script needs to make terms and tables work on every screen.

- A table whose top-left header cell is empty has row labels in its first column. The empty
  corner becomes a <td> (an empty <th> is a header without a name, axe: empty-table-header) and
  each row's first cell becomes <th scope="row">, so every data cell has a header (td-has-header).
- A display formula box scrolls sideways on narrow screens, so keyboard users must be able to
  focus it to scroll it (axe: scrollable-region-focusable). It gets tabindex and a name.
- Abbreviations (<abbr title>, from the glossary) behave like glossary links: the first use of each
  abbreviation in a section can be reached with the keyboard (tabindex="0"; the theme shows its
  tooltip on focus), and every use carries `data-href`, the address of its glossary entry, for the
  definition popover that a tap opens (docs/assets/js/reader/term-popover.js). Uses inside a link, a button or a
  <summary> stay out of the tab order: a focusable element inside another is nested-interactive.
- Each table the theme makes scrollable (table:not([class])) and each display formula comes inside a
  <div class="scroll-cue">, where the reader's script shows a shadow at an edge that hides more. The
  box is in the HTML so that the script never moves a table: moving one re-lays out a long page.
- Comparison tables (<div class="compare-table">) name each cell's column in `data-label`, so that
  below about 480 px notes.css can stack the rows of a wide one (.compare-cards) into cards with the
  headers as labels. The table elements get their roles explicitly, because some browsers drop table
  semantics once CSS changes their display.

Pages and macros keep writing plain Markdown; the fix holds for every page, now and later.

Links that leave the site:
Mark links that leave the site with data-external.

The print stylesheet prints the address after each such link. It cannot tell by the href
alone: Material's instant navigation rewrites in-site links to absolute http URLs in the
browser, so `a[href^="http"]` would also match every glossary link.

Same-page links:
A link to an anchor on the same page loses its title tooltip.

The glossary links its terms to each other (Related) hundreds of times, each with the full
definition as a title. On that page the definition is already on screen a scroll away, and
Material mounts one tooltip per titled element when the page loads: about 1,200 of them made
the glossary block the main thread for seconds on a phone and added tens of KiB. Links to other
pages keep their tooltips. For the same reason, heading permalinks say "Permanent link" with
aria-label, not title: a glossary page has 40 to 80 of them, and a tooltip each cost a phone tens of
milliseconds as the page started. Screen readers still hear the name.

Long tables of contents:
A very long table of contents keeps only its top levels.

Material prints the table of contents twice (sidebar and mobile drawer). The glossary has an
entry for every term, about 300, which doubled its DOM and kept phones busy laying it out.
When a page has more than TOC_MAX_ENTRIES entries, entries below level 2 (h3 and deeper) leave the
table of contents; the page keeps its headings and anchors, and its own way in to them (the glossary's
A-Z bar, the summary table of "What AWS has changed").
"""

from __future__ import annotations

import html as htmllib
import posixpath
import re
from typing import Any
from urllib.parse import urlparse

from markupsafe import Markup, escape


def relative_url(url: str, page_url: str) -> str:
    """`url` (from the site root) as seen from the page at `page_url`, as MkDocs writes it."""
    base = page_url
    if base != ".":
        head, tail = posixpath.split(base)
        base = head if "." in tail else base
    rel = posixpath.relpath("/" + url, "/" + base)
    return rel + "/" if url.endswith("/") else rel


# --------------------------------------------------------------------------- accessibility

TABLE = re.compile(r"<table>.*?</table>", re.S)
EMPTY_CORNER = re.compile(r"(<thead>\s*<tr>\s*)<th(\s[^>]*)?>\s*</th>")
FIRST_CELL = re.compile(r"(<tr>\s*)<td(\s[^>]*)?>(.*?)</td>", re.S)
FORMULA_BOX = re.compile(r'<div class="formula"(?![^>]*\btabindex=)')
TABLE_CUE = '<div class="scroll-cue">'
FORMULA_CUE = '<div class="scroll-cue scroll-cue--formula">'
SCROLLING_TABLE = re.compile(rf"(?<!{re.escape(TABLE_CUE)})<table(?![^>]*\bclass=)[\s>].*?</table>", re.S)
FORMULA = re.compile(rf'(?<!{re.escape(FORMULA_CUE)})<div class="formula"[\s>].*?</div>', re.S)

COMPARE_TABLE = re.compile(r'(<div class="compare-table[^"]*">\s*)(<table>.*?</table>)', re.S)
CELL = re.compile(r"<(t[hd])(\s[^>]*)?>(.*?)</t[hd]>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
TAG = re.compile(r"<[^>]+>")

# One pass over the page: section headings, interactive containers and abbreviations, in order.
TOKEN = re.compile(
    r"<h2[\s>]"
    r"|<(?P<open>a|button|summary|label)[\s>]|</(?P<close>a|button|summary|label)>"
    r'|<abbr title="(?P<title>[^"]*)">(?P<text>[^<]*)</abbr>'
)


def row_headers(table: str) -> str:
    if not EMPTY_CORNER.search(table):
        return table
    table = EMPTY_CORNER.sub(lambda m: f"{m.group(1)}<td{m.group(2) or ''}></td>", table, count=1)
    head, sep, body = table.partition("<tbody>")
    body = FIRST_CELL.sub(lambda m: f'{m.group(1)}<th scope="row"{m.group(2) or ""}>{m.group(3)}</th>', body)
    return head + sep + body


def cell_text(cell_html: str) -> str:
    return " ".join(htmllib.unescape(TAG.sub(" ", cell_html)).split())


CARDS_FROM_COLUMNS = 4


def comparison_cards(opening: str, table: str) -> str:
    """A comparison of CARDS_FROM_COLUMNS or more columns is marked .compare-cards: on a phone notes.css
    shows it as one card per row. A class, not a CSS :has() test, keeps the page's style cheap to compute."""
    columns = len(CELL.findall(table.partition("</thead>")[0]))
    return opening.replace('class="compare-table', 'class="compare-table compare-cards', 1) if columns >= CARDS_FROM_COLUMNS else opening


def labeled_table(table: str) -> str:
    """Each body cell names its column (data-label); every table element states its role."""
    head, sep, body = table.partition("<tbody>")
    if not sep:
        return table
    labels = [cell_text(m.group(3)) for m in CELL.finditer(head)]

    def row(match: re.Match[str]) -> str:
        index = iter(range(len(labels)))

        def cell(m: re.Match[str]) -> str:
            tag, attrs, content = m.group(1), m.group(2) or "", m.group(3)
            label = labels[next(index, len(labels) - 1)] if labels else ""
            role = "rowheader" if tag == "th" else "cell"
            named = f' data-label="{htmllib.escape(label, quote=True)}"' if label else ""
            return f'<{tag} role="{role}"{attrs}{named}>{content}</{tag}>'

        return f'<tr role="row">{CELL.sub(cell, match.group(1))}</tr>'

    def header(m: re.Match[str]) -> str:
        role = ' role="columnheader"' if m.group(1) == "th" else ""
        return f"<{m.group(1)}{role}{m.group(2) or ''}>{m.group(3)}</{m.group(1)}>"

    head = head.replace("<table>", '<table role="table">', 1).replace("<thead>", '<thead role="rowgroup">', 1)
    head = ROW.sub(lambda m: f'<tr role="row">{CELL.sub(header, m.group(1))}</tr>', head)
    return head + '<tbody role="rowgroup">' + ROW.sub(row, body)


def abbreviations(html: str, hrefs: dict[str, str], page_url: str) -> str:
    """tabindex on the first use of each abbreviation in a section, and data-href on every use."""
    out: list[str] = []
    pos = 0
    inside = 0
    seen: set[str] = set()
    for m in TOKEN.finditer(html):
        if m.group("title") is None:
            if m.group(0).startswith("<h2"):
                seen = set()
            elif m.group("open"):
                inside += 1
            elif m.group("close"):
                inside = max(0, inside - 1)
            continue
        title, text = m.group("title"), m.group("text")
        attrs = f'title="{title}"'
        if not inside and text not in seen:
            seen.add(text)
            attrs += ' tabindex="0"'
        target = hrefs.get(htmllib.unescape(title).split(": ", 1)[0])
        if target:
            path, _, anchor = target.partition("#")
            link = relative_url(path, page_url) + (f"#{anchor}" if anchor else "")
            attrs += f' data-href="{htmllib.escape(link, quote=True)}"'
        out.append(html[pos:m.start()])
        out.append(f"<abbr {attrs}>{text}</abbr>")
        pos = m.end()
    out.append(html[pos:])
    return "".join(out)



def scroll_cue_boxes(html: str) -> str:
    html = SCROLLING_TABLE.sub(lambda m: f"{TABLE_CUE}{m.group(0)}</div>", html)
    return FORMULA.sub(lambda m: f"{FORMULA_CUE}{m.group(0)}</div>", html)


def repair(html: str, hrefs: dict[str, str] | None = None, page_url: str = "") -> str:
    html = TABLE.sub(lambda m: row_headers(m.group(0)), html)
    html = COMPARE_TABLE.sub(lambda m: comparison_cards(m.group(1), m.group(2)) + labeled_table(m.group(2)), html)
    html = abbreviations(html, hrefs or {}, page_url)
    html = FORMULA_BOX.sub('<div class="formula" tabindex="0" role="group" aria-label="Formula"', html)
    return scroll_cue_boxes(html)


# --------------------------------------------------------------------------- links that leave the site

LINK = re.compile(r'<a href="(https?://[^"]+)"')


def mark_external(html: str, site_host: str) -> str:
    def mark(match: re.Match[str]) -> str:
        host = urlparse(match.group(1)).netloc
        return match.group(0) if site_host and host == site_host else f'<a data-external href="{match.group(1)}"'

    return LINK.sub(mark, html)


# --------------------------------------------------------------------------- same-page links

SAME_PAGE_LINK = re.compile(r'<a href="(?:\./)?#([^"]*)" title="[^"]*"')
HEADERLINK_TITLE = re.compile(r'(<a class="headerlink" href="#[^"]*") title="([^"]*)"')


def drop_same_page_titles(html: str) -> str:
    return SAME_PAGE_LINK.sub(lambda m: f'<a href="#{m.group(1)}"', html)


def untitle_headerlinks(html: str) -> str:
    return HEADERLINK_TITLE.sub(r'\1 aria-label="\2"', html)


# --------------------------------------------------------------------------- table of contents

TOC_MAX_ENTRIES = 40


def toc_size(items: Any) -> int:
    return sum(1 + toc_size(item.children) for item in items)


def prune_toc(items: Any) -> None:
    """Drop the entries below level 2 of a table of contents (items with .level and .children)."""
    for item in items:
        if item.level >= 2:
            item.children = []
        else:
            prune_toc(item.children)


# --------------------------------------------------------------------------- all of them


def fix_content(html: str, page_url: str, glossary_hrefs: dict[str, str], site_url: str) -> str:
    html = repair(html, glossary_hrefs, page_url)
    html = mark_external(html, urlparse(site_url).netloc)
    return untitle_headerlinks(drop_same_page_titles(html))


def description(given: Any) -> Markup:
    """The page's meta description, escaped once: Material's base.html writes it without escaping."""
    return Markup(escape(" ".join(str(given).split())))
