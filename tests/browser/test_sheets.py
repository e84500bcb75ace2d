"""Each MLA-C02 domain's printable sheet fits on at most two pages of A4 and of Letter when a browser
prints it, and says when its facts were checked."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.long
def test_every_domain_sheet_prints_on_at_most_two_pages(page, base_url: str) -> None:
    for domain in "1234":
        page.goto(base_url + f"review/sheets/domain-{domain}/")
        assert "Facts checked on" in page.locator(".sheet-meta").inner_text()
        assert page.get_by_role("button", name="Print this sheet").is_visible()
        assert page.locator(".domain-sheet .sheet-block").count() >= 5, "the domain's decision tables are on it"
        for paper in ("A4", "Letter"):
            pages = pdf_pages(page.pdf(format=paper))
            assert 1 <= pages <= 2, f"the Domain {domain} sheet prints on {pages} pages of {paper}: trim it"
