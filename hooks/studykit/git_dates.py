"""The date each page's source file last changed in git.

Outside a git work tree (the build tests build copies of the project), or for a file git does not know
yet, a page simply shows no date: a build never fails or guesses because of git.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def git_date(path: Path) -> dt.date | None:
    """The committer date of the last commit that touched `path`, or None."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.parent, capture_output=True, text=True, timeout=10, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return dt.date.fromisoformat(result.stdout.strip()) if result.returncode == 0 else None
    except ValueError:
        return None


def last_updated(path: Path) -> dict[str, str] | None:
    """What overrides/main.html shows under the content: {"iso": ..., "text": "7 December 2026"}."""
    date = git_date(path)
    return {"iso": date.isoformat(), "text": f"{date.day} {date:%B %Y}"} if date else None
