"""The figures of the written question bank (hooks/studykit/bank_stats.py): how they are counted, the build
failure when one position holds too many keys, and the bars the real bank must meet."""

from __future__ import annotations

import functools

import pytest

from studykit import bank_stats as stats
from studykit import data


def question(qid: str, keys: tuple[int, ...], texts: tuple[str, ...] = (), stem: str = "Which one?",
             scenario: str = "A team has data.", tasks: tuple[str, ...] = ("1.1",)) -> data.BankQuestion:
    count = len(texts) or (4 if len(keys) == 1 else 5)
    texts = texts or tuple(f"Option number {i}" for i in range(count))
    exam = stats_exam()
    return data.BankQuestion(
        qid, "x.yml", scenario, stem, len(keys), tuple(data.Answer(t, i in keys, "why") for i, t in enumerate(texts)),
        tuple(exam.tasks[t] for t in tasks), "d.md#a",
    )


@functools.cache
def stats_exam() -> data.Exam:
    return data.load_all().current_exam


@pytest.mark.parametrize(
    "stem",
    [
        "Which solution meets these requirements with the LEAST operational overhead?",
        "Which approach is MOST cost-effective?",
        "Which option is the most cost-effective?",
        "Which change needs the least development effort?",
        "Which design gives the LOWEST latency?",
        "How should the team do this while keeping data in the VPC?",
        "Which policy follows least privilege?",
        "Which fix needs the fewest changes to the code?",
    ],
)
def test_constraint_stems_are_found(stem: str) -> None:
    assert stats.names_constraint(stem)


@pytest.mark.parametrize(
    "stem",
    ["What should the team change?", "Which service is best here?", "Most teams use what?", "What is the most likely cause?"],
)
def test_stems_without_a_constraint_are_not_counted(stem: str) -> None:
    assert not stats.names_constraint(stem)


def test_a_typed_choose_label_is_stripped() -> None:
    assert stats.strip_choose_label("Which two steps work? (Choose TWO.)") == "Which two steps work?"
    assert stats.strip_choose_label("Which ones? (choose 3)") == "Which ones?"
    assert stats.strip_choose_label("Which one works?") == "Which one works?"


def test_figures_count_positions_length_words_constraints_and_tasks() -> None:
    bank = [
        question("a", (0,), texts=("The key is much the longest option here", "short", "short two", "short three"),
                 stem="Which is MOST cost-effective?", scenario=" ".join(["word"] * 70)),
        question("b", (1,)),
        question("c", (2,), tasks=("1.1", "2.1")),
        question("d", (0, 1), stem="Which two? (Choose TWO.)"),
        question("e", (1, 3)),
    ]
    fig = stats.bank_figures(bank, stats_exam())
    assert (fig.total, fig.single, fig.multiple) == (5, 3, 2)
    assert fig.single_positions == {"A": 1, "B": 1, "C": 1, "D": 0}
    assert fig.multiple_positions == {"A": 1, "B": 2, "C": 0, "D": 1, "E": 0}
    assert fig.first_k == 1 and fig.longest == 1 and fig.constraint == 1
    assert fig.per_task["1.1"] == 5 and fig.per_task["2.1"] == 1 and fig.per_task["4.3"] == 0
    assert fig.median_words == 6  # "A team has data. Which one?", the typed "(Choose TWO.)" not counted
    assert stats.position_problems(fig)[0].startswith("option B holds 50%")  # 2 of 4 multiple-response keys
    lines = stats.report_lines(fig)
    assert any("Keys by position, single answer: A 1, B 1, C 1, D 0" in line for line in lines)


def test_one_position_over_the_bar_fails_the_build_with_the_position_and_the_fix() -> None:
    bank = [question(f"q{i}", (0,) if i < 6 else (i % 4,)) for i in range(10)]
    fig = stats.bank_figures(bank, stats_exam())
    with pytest.raises(data.DataError) as err:
        stats.check(fig)
    message = str(err.value)
    assert "option A is the key of 7 of the 10 single-answer questions (70%)" in message
    assert "Move the right option of at least 4 of them to another position" in message
    balanced = stats.bank_figures([question(f"q{i}", (i % 4,)) for i in range(8)], stats_exam())
    stats.check(balanced)


def test_the_written_bank_meets_every_bar() -> None:
    """The bars of a finished bank. Expected to fail while the bank is being written; it says which bar."""
    study = data.load_all()
    fig = stats.bank_figures(study.questions, study.current_exam)
    report = "\n".join(stats.report_lines(fig))
    problems = stats.position_problems(fig)
    if fig.longest_share > stats.MAX_LONGEST_SHARE:
        problems.append(f"the key is strictly the longest option in {fig.longest_share:.0%} of questions")
    if fig.median_words < stats.MIN_MEDIAN_WORDS:
        problems.append(f"the median scenario and stem has {fig.median_words:g} words")
    if fig.constraint_share < stats.MIN_CONSTRAINT_SHARE:
        problems.append(f"{fig.constraint_share:.0%} of stems name a business constraint")
    if fig.thin_tasks:
        problems.append(f"tasks under {stats.MIN_PER_TASK} questions: {fig.thin_tasks}")
    if fig.total < stats.MIN_TOTAL:
        problems.append(f"{fig.total} written questions in all")
    assert not problems, "The question bank misses its bars:\n- " + "\n- ".join(problems) + "\n\n" + report


def test_a_diagnosis_is_not_a_business_constraint() -> None:
    from studykit.bank_stats import names_constraint

    assert not names_constraint("What is the MOST likely cause?")
    assert names_constraint("Which solution is the MOST cost-effective?")
    assert names_constraint("Which solution meets these requirements with the LEAST operational overhead?")
