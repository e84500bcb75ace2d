"""The navigation is the MLA-C02 exam guide: its four domains with their names and weights, each task in
guide order under its domain, and each notes page under the task its sections mostly teach. Every old
address of a page that moved still reaches it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, parsed
from studykit import data, pages

NAV = pages.load_mkdocs_config(ROOT / "mkdocs.yml")["nav"]


@pytest.fixture(scope="module")
def exam() -> data.Exam:
    return data.load_exams()["MLA-C02"]


def sections(nav) -> list[tuple[str, object]]:
    """The labelled sections of a nav level; a page (a string, or a label for one file) is not a section."""
    return [(label, sub) for item in nav if isinstance(item, dict) for label, sub in item.items() if isinstance(sub, list)]


def test_the_top_of_the_nav_is_the_four_domains_with_their_weights(exam: data.Exam) -> None:
    labels = [label for label, _ in sections(NAV)]
    domains = [f"Domain {d.number}: {d.title} ({d.weight}%)" for d in exam.domains]
    assert labels[:4] == domains, "mkdocs.yml: the nav must open with the MLA-C02 domains, as data/exams.yml names them"
    assert not any("Data Engineering" in label or "Modeling" == label for label in labels), "no MLS-C01 domain headings"


def test_each_domain_lists_its_tasks_in_guide_order(exam: data.Exam) -> None:
    for (label, sub), domain in zip(sections(NAV), exam.domains):
        tasks = [t for t, _ in sections(sub)]
        assert tasks == [t.label for t in domain.tasks], f"nav section '{label}': the tasks must be {[t.label for t in domain.tasks]}"


def test_every_notes_page_sits_under_the_task_its_sections_mostly_teach(exam: data.Exam) -> None:
    exams = data.load_exams()
    placed = pages.nav_tasks(NAV, exam)
    where = {src: task for task, srcs in placed.items() for src in srcs}
    wrong = []
    for page in pages.read_pages(ROOT / "docs", NAV):
        if not page.is_notes:
            continue
        counts = Counter(t.skill.task for t in {(t.anchor, t.skill.task): t for t in pages.page_covers(page, exams)
                                                  if t.skill.exam == exam.code}.values())
        best = max(counts.values())
        mostly = sorted(task for task, n in counts.items() if n == best)
        if where.get(page.src) not in mostly:
            wrong.append(f"docs/{page.src} is under {where.get(page.src)}, but its sections mostly teach {' or '.join(mostly)}: "
                         "move it in mkdocs.yml, or retag its sections")
    assert not wrong, "\n".join(wrong)


def test_every_old_address_reaches_the_new_page(site_dir: Path) -> None:
    redirects = next(p["redirects"]["redirect_maps"] for p in pages.load_mkdocs_config(ROOT / "mkdocs.yml")["plugins"]
                     if isinstance(p, dict) and "redirects" in p)
    assert len(redirects) >= 40
    for old, new in redirects.items():
        stub = site_dir / pages.built_file(old)
        assert stub.is_file(), f"no page at the old address of {old}"
        target = (stub.parent / parsed(stub).select_one("link[rel=canonical]")["href"]).resolve()
        assert target == (site_dir / pages.built_file(new)).parent.resolve(), f"{old} leads to {target}, not to {new}"
        assert (site_dir / pages.built_file(new)).is_file()


def test_the_progress_table_counts_pages_in_every_domain(site_dir: Path, exam: data.Exam) -> None:
    import html
    import json

    blocks = [json.loads(html.unescape(b["data-json"])) for b in parsed(site_dir / "index.html").select("[data-json]")]
    progress = next(b for b in blocks if isinstance(b, dict) and "exams" in b)
    mla = next(e for e in progress["exams"] if e["code"] == exam.code)
    counts = {d["number"]: len(d["pages"]) for d in mla["domains"]}
    assert set(counts) == {d.number for d in exam.domains} and all(counts.values()), f"a domain counts no page: {counts}"


def test_the_new_in_mla_c02_page_lists_every_new_skill_and_every_dropped_item(site_dir: Path, exam: data.Exam) -> None:
    from studykit.coverage import removed_anchor, skill_anchor

    page = parsed(site_dir / "review" / "new-in-mla-c02" / "index.html")
    new = [s for s in exam.skills.values() if s.new]
    assert len(new) == 45 and len(exam.removed) == 7
    assert all(page.select_one(f"#{skill_anchor(s)}") for s in new)
    assert all(page.select_one(f"#{removed_anchor(r)}") for r in exam.removed)
    untaught = [s.code for s in new if "no section yet" in page.select_one(f"#{skill_anchor(s)}").find_next("ul").get_text()]
    assert not untaught, f"new skills no section teaches: {untaught}"
