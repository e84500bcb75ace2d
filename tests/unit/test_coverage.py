"""Section tags (`covers:`), the exam map they produce, the coverage pages and the checks on links from data."""

from __future__ import annotations

import pytest

from studykit import coverage, data, examguide, pages
from studykit.links import check_target

STUDY = data.load_all()
EXAMS = STUDY.exams

PAGE_TEXT = """---
title: Storage
covers:
  object-storage: [MLA-C02 1.1.2, MLS-C01 1.1.2]
  {extra}
---

# Storage

## Object storage {{ #object-storage }}

Text.

### Lifecycle

```
## not a heading
```
"""


def page(extra: str = "") -> pages.SourcePage:
    text = PAGE_TEXT.format(extra=extra)
    meta_end = text.index("---", 3)
    import yaml

    return pages.SourcePage("d1/storage.md", "Storage", yaml.safe_load(text[3:meta_end]), text[meta_end + 4:])


def test_headings_give_explicit_or_generated_anchors_outside_code() -> None:
    assert page().sections == {"storage": "Storage", "object-storage": "Object storage", "lifecycle": "Lifecycle"}


def test_covers_map_sections_to_skills() -> None:
    taught = pages.page_covers(page(), EXAMS)
    assert [(t.skill.ref, t.anchor) for t in taught] == [("MLA-C02 1.1.2", "object-storage"), ("MLS-C01 1.1.2", "object-storage")]
    assert taught[0].section_title == "Object storage"


def test_covers_name_a_missing_section_and_suggest_the_fix() -> None:
    with pytest.raises(data.DataError, match=r"docs/d1/storage\.md: front matter 'covers': the page has no section '#lifecycel'.*lifecycle.*\{ #lifecycel \}"):
        pages.page_covers(page("lifecycel: [MLA-C02 1.1.2]"), EXAMS)


def test_covers_need_skills_not_tasks() -> None:
    with pytest.raises(data.DataError, match=r"section 'lifecycle': 'MLA-C02 1\.1' names a task"):
        pages.page_covers(page("lifecycle: [MLA-C02 1.1]"), EXAMS)


def test_a_notes_page_must_map_the_current_exam() -> None:
    retired_only = pages.SourcePage("p.md", "P", {"covers": {"a": ["MLS-C01 1.1.2"]}}, "## A { #a }\n")
    with pytest.raises(data.DataError, match=r"names no skill of MLA-C02"):
        pages.page_covers(retired_only, EXAMS)


def test_exam_map_lists_tasks_and_skill_links_and_says_when_material_is_new() -> None:
    taught = pages.page_covers(page(), EXAMS)
    coverage_pages = {"MLA-C02": "review/coverage-mla-c02.md", "MLS-C01": "review/coverage-mls-c01.md"}
    md = examguide.exam_map(taught, EXAMS, "d1/storage.md", coverage_pages)
    assert "**1.1** Collect and store data" in md
    assert "[1.1.2](../review/coverage-mla-c02.md#mla-c02-1-1-2)" in md
    only_new = [t for t in taught if t.skill.exam == "MLA-C02"]
    assert "Not in this exam: the material is new" in examguide.exam_map(only_new, EXAMS, "d1/storage.md", coverage_pages)


def test_coverage_shows_every_untaught_skill_and_example_as_a_gap() -> None:
    taught = pages.page_covers(page(), EXAMS)
    skills = coverage.coverage(EXAMS["MLS-C01"], taught, STUDY.glossary, {})
    by_code = {s.skill.code: s for s in skills}
    assert not by_code["1.1.2"].gap and by_code["1.1.1"].gap
    assert all(e.gap for e in by_code["1.1.2"].examples)  # no page uses the example terms in this fixture
    md = coverage.coverage_page(EXAMS["MLS-C01"], skills, "review/coverage-mls-c01.md", lambda t: f"g.md#{t.anchor}")
    assert "**1 is taught** by at least one section; **57 are gaps**" in md and "Gap: not taught yet" in md
    assert '<span id="mls-c01-1-1-1"></span>' in md
    assert "[Storage: Object storage](../d1/storage.md#object-storage)" in md


def test_links_from_data_must_land_on_a_section() -> None:
    anchors = {"d1/storage.md": {"object-storage"}}
    check_target("d1/storage.md#object-storage", anchors, "q")
    with pytest.raises(data.DataError, match=r"q: links to 'd1/storage\.md#object-storag', but d1/storage\.md has no section.*object-storage"):
        check_target("d1/storage.md#object-storag", anchors, "q")
    with pytest.raises(data.DataError, match=r"q: links to 'd9/none\.md', which is not a page in the nav"):
        check_target("d9/none.md#x", anchors, "q")
