"""Links that open the "Report a mistake" issue form, prefilled with what the reader was looking at.

The form is .github/ISSUE_TEMPLATE/report-a-mistake.yml; GitHub fills a form field from the query
parameter that has the field's id, so the ids here and there must match (a build test checks it).
"""

from __future__ import annotations

from urllib.parse import urlencode

FORM = "report-a-mistake.yml"
FIELDS = ("where", "address")  # ids of the form's prefilled inputs


def report_url(repo_url: str, where: str, address: str) -> str:
    """The issue-form URL for the page or question `where` (a docs path or a question id) at `address`."""
    query = urlencode({"template": FORM, "title": f"Mistake in {where}", "labels": "content",
                       FIELDS[0]: where, FIELDS[1]: address})
    return f"{repo_url.rstrip('/')}/issues/new?{query}"
