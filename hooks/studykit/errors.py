"""The one error type of the data layer, and the "did you mean" helper its messages use."""

from __future__ import annotations

import difflib


class DataError(ValueError):
    """A data file or page is malformed; the message names the file, the record and the fix."""


def closest(word: str, candidates: list[str], n: int = 3) -> list[str]:
    return difflib.get_close_matches(word.lower(), candidates, n=n, cutoff=0.5)


def did_you_mean(word: str, candidates: list[str], n: int = 3) -> str:
    near = difflib.get_close_matches(word, candidates, n=n, cutoff=0.5) or closest(word, candidates, n)
    return f" Did you mean: {', '.join(near)}?" if near else ""
