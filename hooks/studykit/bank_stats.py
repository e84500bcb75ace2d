"""Figures about the written question bank (data/questions/), computed at build time.

A bank can teach a guessing strategy by accident: keys that sit in one position, keys that are always the
longest option, short scenarios, stems that never state the business constraint the exam's questions turn
on, tasks with few questions. The build logs these figures; it fails when one position holds more than
MAX_POSITION_SHARE of the keys, because the question pages show the options in their stored order.
tests/unit/test_bank_stats.py holds the bank to every bar.

Pure functions of the parsed bank, no MkDocs import.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .data import BankQuestion, DataError, Exam

LETTERS = "ABCDEF"
log = logging.getLogger("mkdocs.studykit.bank")  # under "mkdocs", so the build's log shows it

# The bars a finished bank meets. Only the position bar fails the build; the others are held by a test.
MAX_POSITION_SHARE = 0.35  # share of keys one position may hold
MAX_LONGEST_SHARE = 0.35  # share of questions whose key is strictly the longest option
MIN_MEDIAN_WORDS = 60  # median words of scenario + stem
MIN_CONSTRAINT_SHARE = 0.5  # share of stems that name a business constraint
MIN_PER_TASK = 30  # written questions per task of the current exam
MIN_TOTAL = 400  # written questions in all

# A stem names a business constraint the way the exam's stems do: a capitalized superlative ("with the LEAST
# operational overhead", "MOST cost-effective"), or one of the constraint phrases in any case. "MOST likely"
# asks for a diagnosis, not a trade-off, so it does not count.
CONSTRAINT = re.compile(
    r"\b(?:LEAST|MOST(?!\s+(?:likely|probable|probably)\b)|LOWEST|FEWEST|HIGHEST|FASTEST|MINIMUM|MAXIMUM)\b"
    r"|(?i:\b(?:most|least|more)\s+cost[- ]effective"
    r"|\bleast\s+(?:operational|management|administrative|development|engineering|maintenance|coding)\s+(?:overhead|effort)"
    r"|\b(?:least|fewest|minimal|minimum|smallest)\s+(?:amount\s+of\s+)?(?:operational\s+overhead|effort|changes?|code|"
    r"downtime|cost|latency|privileges?)"
    r"|\b(?:lowest|least)\s+(?:cost|latency|risk)"
    r"|\bleast[- ]privilege"
    r"|\bwhile\s+keeping\b|\bwithout\s+(?:managing|provisioning|changing|leaving|moving|retraining)\b)"
)

# "(Choose two.)" typed into a stem: the renderer adds the label, so a typed one would show twice.
CHOOSE_LABEL = re.compile(r"\s*\(\s*choose\s+(?:one|two|three|1|2|3)\s*\.?\s*\)\s*\.?", re.I)


def strip_choose_label(stem: str) -> str:
    """The stem without a "(Choose two.)" label typed into it; the renderer adds its own."""
    return CHOOSE_LABEL.sub(" ", stem).strip()


def names_constraint(stem: str) -> bool:
    return bool(CONSTRAINT.search(stem))


def words(text: str) -> int:
    return len(text.split())


def key_positions(q: BankQuestion) -> list[int]:
    return [i for i, o in enumerate(q.options) if o.correct]


def key_is_longest(q: BankQuestion) -> bool:
    """Every key is strictly longer than every distractor (for one key: it is the longest option)."""
    keys = [len(o.text) for o in q.options if o.correct]
    others = [len(o.text) for o in q.options if not o.correct]
    return min(keys) > max(others)


@dataclass(frozen=True)
class BankFigures:
    total: int
    single: int  # single-answer questions
    multiple: int  # multiple-response questions
    single_positions: dict[str, int]  # letter -> single-answer keys there
    multiple_positions: dict[str, int]  # letter -> multiple-response keys there
    first_k: int  # multiple-response questions whose keys are exactly the first k options
    longest: int  # questions whose key (or keys) are strictly the longest options
    median_words: float  # scenario + stem
    constraint: int  # stems that name a business constraint
    per_task: dict[str, int] = field(default_factory=dict)  # current exam's task -> written questions on it

    @staticmethod
    def share(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    @property
    def worst_single(self) -> tuple[str, float]:
        """The position that holds the most single-answer keys, and its share."""
        if not self.single:
            return "A", 0.0
        letter = max(self.single_positions, key=lambda k: (self.single_positions[k], -LETTERS.index(k)))
        return letter, self.share(self.single_positions[letter], self.single)

    @property
    def worst_multiple(self) -> tuple[str, float]:
        """The position that holds the most multiple-response keys, and its share of those keys."""
        keys = sum(self.multiple_positions.values())
        if not keys:
            return "A", 0.0
        letter = max(self.multiple_positions, key=lambda k: (self.multiple_positions[k], -LETTERS.index(k)))
        return letter, self.share(self.multiple_positions[letter], keys)

    @property
    def first_k_share(self) -> float:
        return self.share(self.first_k, self.multiple)

    @property
    def longest_share(self) -> float:
        return self.share(self.longest, self.total)

    @property
    def constraint_share(self) -> float:
        return self.share(self.constraint, self.total)

    @property
    def thin_tasks(self) -> dict[str, int]:
        return {t: n for t, n in self.per_task.items() if n < MIN_PER_TASK}


def bank_figures(questions: Sequence[BankQuestion], exam: Exam) -> BankFigures:
    """The figures of the written bank; `exam` is the current exam, whose tasks are counted."""
    single = [q for q in questions if q.choose == 1]
    multiple = [q for q in questions if q.choose > 1]
    width = max((len(q.options) for q in single), default=4)
    multi_width = max((len(q.options) for q in multiple), default=5)
    single_pos = Counter(LETTERS[key_positions(q)[0]] for q in single)
    multi_pos = Counter(LETTERS[i] for q in multiple for i in key_positions(q))
    per_task = {code: 0 for code in exam.tasks}
    for q in questions:
        for code in {t.code for t in q.tasks if t.exam == exam.code}:
            per_task[code] = per_task.get(code, 0) + 1
    return BankFigures(
        total=len(questions),
        single=len(single),
        multiple=len(multiple),
        single_positions={LETTERS[i]: single_pos.get(LETTERS[i], 0) for i in range(width)},
        multiple_positions={LETTERS[i]: multi_pos.get(LETTERS[i], 0) for i in range(multi_width)},
        first_k=sum(1 for q in multiple if key_positions(q) == list(range(q.choose))),
        longest=sum(1 for q in questions if key_is_longest(q)),
        median_words=statistics.median(words(f"{q.scenario} {strip_choose_label(q.stem)}") for q in questions) if questions else 0,
        constraint=sum(1 for q in questions if names_constraint(q.stem)),
        per_task=per_task,
    )


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def report_lines(fig: BankFigures) -> list[str]:
    """The figures as the build log shows them."""
    letter, share = fig.worst_single
    mletter, mshare = fig.worst_multiple
    tasks = ", ".join(f"{code}: {n}" for code, n in fig.per_task.items())
    return [
        f"Question bank: {fig.total} written questions ({fig.single} single answer, {fig.multiple} multiple response).",
        f"Keys by position, single answer: {', '.join(f'{k} {v}' for k, v in fig.single_positions.items())} "
        f"(largest {letter}, {_pct(share)}; bar {_pct(MAX_POSITION_SHARE)}).",
        f"Keys by position, multiple response: {', '.join(f'{k} {v}' for k, v in fig.multiple_positions.items())} "
        f"(largest {mletter}, {_pct(mshare)}); keys exactly the first k options: {fig.first_k} ({_pct(fig.first_k_share)}).",
        f"Key strictly the longest option: {fig.longest} ({_pct(fig.longest_share)}; bar {_pct(MAX_LONGEST_SHARE)}).",
        f"Median scenario and stem: {fig.median_words:g} words (bar {MIN_MEDIAN_WORDS}).",
        f"Stems that name a business constraint: {fig.constraint} ({_pct(fig.constraint_share)}; bar {_pct(MIN_CONSTRAINT_SHARE)}).",
        f"Written questions per task: {tasks} (bar {MIN_PER_TASK} each, {MIN_TOTAL} in all).",
    ]


def position_problems(fig: BankFigures) -> list[str]:
    """What fails the build: a position that holds more than MAX_POSITION_SHARE of the keys."""
    problems = []
    letter, share = fig.worst_single
    if share > MAX_POSITION_SHARE:
        n = fig.single_positions[letter]
        spare = n - int(MAX_POSITION_SHARE * fig.single)
        problems.append(
            f"option {letter} is the key of {n} of the {fig.single} single-answer questions ({_pct(share)}); no position may hold "
            f"more than {_pct(MAX_POSITION_SHARE)}. Move the right option of at least {spare} of them to another position "
            f"(reorder the options in data/questions/; the quiz and the mock shuffle them, the question pages do not)."
        )
    mletter, mshare = fig.worst_multiple
    if mshare > MAX_POSITION_SHARE:
        problems.append(
            f"option {mletter} holds {_pct(mshare)} of the keys of the multiple-response questions; no position may hold "
            f"more than {_pct(MAX_POSITION_SHARE)}. Move some of those right options to other positions in data/questions/."
        )
    if fig.first_k_share > MAX_POSITION_SHARE:
        problems.append(
            f"{fig.first_k} of the {fig.multiple} multiple-response questions ({_pct(fig.first_k_share)}) have their keys in the "
            f"first options (A and B for choose two); the bar is {_pct(MAX_POSITION_SHARE)}. Move a right option of some of them "
            "further down in data/questions/."
        )
    return problems


def check(fig: BankFigures) -> None:
    problems = position_problems(fig)
    if problems:
        raise DataError("Question bank: " + " Also, ".join(problems))
