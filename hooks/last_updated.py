"""MkDocs hook: the date each page's source file last changed in git.

overrides/main.html shows page.meta.last_updated under the content. Outside a git work tree
(the build tests build copies of the project), or for a file git does not know yet, the page
simply shows no date: a build never fails or guesses because of git.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any


def git_date(path: Path) -> dt.date | None:
    """The committer date of the last commit that touched `path`, or None."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return dt.date.fromisoformat(result.stdout.strip()) if result.returncode == 0 else None
    except ValueError:
        return None


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    src = page.file.abs_src_path
    date = git_date(Path(src)) if src else None
    if date:
        page.meta["last_updated"] = {"iso": date.isoformat(), "text": f"{date.day} {date:%B %Y}"}
    return markdown
