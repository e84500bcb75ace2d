"""Every link that data makes into the pages must land on a real section, checked when the build starts,
so a renamed heading fails the build with the record that points at it."""

from __future__ import annotations

from collections.abc import Mapping

from .data import DataError, StudyData
from .errors import did_you_mean


def check_target(target: str, anchors: Mapping[str, set[str]], where: str) -> None:
    path, _, anchor = target.partition("#")
    if path not in anchors:
        raise DataError(f"{where}: links to '{path}', which is not a page in the nav.{did_you_mean(path, list(anchors))}")
    if anchor and anchor not in anchors[path]:
        raise DataError(
            f"{where}: links to '{target}', but {path} has no section '#{anchor}'."
            f"{did_you_mean(anchor, sorted(anchors[path]))}"
        )


def check_targets(study: StudyData, anchors: Mapping[str, set[str]]) -> None:
    """Decision options and scenarios, and written questions: their page and section exist."""
    for decision in study.decisions.values():
        check_target(decision.page, anchors, f"{decision.source}: 'page'")
        for opt in decision.options:
            check_target(f"{decision.page}#{opt.section}", anchors, f"{decision.source}: option '{opt.id}'")
        for sc in decision.scenarios:
            if sc.section:
                check_target(f"{decision.page}#{sc.section}", anchors, f"{decision.source}: scenario '{sc.id}'")
    for q in study.questions:
        check_target(q.teach, anchors, f"{q.source}: question '{q.id}', field 'teach'")
