"""MkDocs hooks: call the engine-neutral build steps of hooks/studykit/build.py from MkDocs' events."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from studykit import build, git_dates, html_fixes, site
from studykit.errors import DataError

log = logging.getLogger("mkdocs.hooks.studykit")
_model: site.SiteModel | None = None


def on_config(config: Any) -> Any:
    global _model
    try:
        _model, findings = build.prebuild(site.Settings.from_config(config))
    except DataError as err:
        raise PluginError(f"Data error: {err}") from None
    for line in findings.warnings:
        log.warning(line)  # a strict build fails on these
    for line in findings.notices:
        print(f"WARNING -  {line}", file=sys.stderr)  # shown, but never fails a strict build
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    updated = git_dates.last_updated(Path(page.file.abs_src_path)) if page.file.abs_src_path else None
    if updated:
        page.meta["last_updated"] = updated
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    assert _model is not None
    page.meta["description"] = html_fixes.description(page.meta.get("description", ""))
    if page.toc is not None and html_fixes.toc_size(page.toc) > html_fixes.TOC_MAX_ENTRIES:
        html_fixes.prune_toc(page.toc)
    return build.fix_page(_model, html, page.url)


def on_post_build(config: Any) -> None:
    assert _model is not None
    build.postbuild(_model, Path(config["site_dir"]))
