"""The report of :func:`~kg.evaluate.score` as text (``kg eval``'s output)."""

from __future__ import annotations

from collections.abc import Sequence

from .records import ClassScore, LevelScore, Prediction, Report
from .schemes import LEVEL_TITLES

__all__ = ["format_report"]


def _row(name: str, s: ClassScore, width: int) -> str:
    return (f"{name:<{width}} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
            f" {s.predicted_correct:>5}/{s.predicted:<5} {s.gold_found:>5}/{s.gold:<5}")


def _header(first: str, width: int) -> str:
    return f"{first:<{width}} {'P':>6} {'R':>6} {'F1':>6} {'kg ok/all':>11} {'gold found':>11}"


def _describe(pred: Prediction) -> str:
    return f"{pred.subject} {pred.predicate} {pred.object}  [{pred.rule}]"


def format_report(report: Report, *, title: str = "", class_levels: Sequence[str] = ("class",),
                  errors: int = 0) -> str:
    """The report as readable text: one row per level, then per-class tables.

    Parameters
    ----------
    report : Report
        What :func:`~kg.evaluate.score` returned.
    title : str
        A first line (the gold file's name).
    class_levels : sequence of str
        Levels to print a per-class table for.
    errors : int
        How many class-level false positives and false negatives to print.

    Examples
    --------
    >>> from kg.evaluate import GoldPair, GoldSentence, score
    >>> gold = [GoldSentence("s", "Iran condemned Israel.", (GoldPair("Iran", "Israel", "condemned"),))]
    >>> print(format_report(score(gold, {}, scheme="kg"), class_levels=()))  # doctest: +NORMALIZE_WHITESPACE
    scheme kg: 1 sentences
    level                            P      R     F1   kg ok/all  gold found
    unordered pair               0.000  0.000  0.000     0/0         0/1
    directed pair                0.000  0.000  0.000     0/0         0/1
    directed pair + quad class   0.000  0.000  0.000     0/0         0/1
    directed pair + class        0.000  0.000  0.000     0/0         0/1
    """
    lines = [title] if title else []
    lines.append(_summary(report))
    width = 28
    lines.append(_header("level", width))
    for level, s in report.levels.items():
        lines.append(_row(LEVEL_TITLES[level], s, width))
    for level in class_levels:
        if level in report.levels:
            lines += _class_table(level, report.levels[level])
    if errors:
        lines += _errors(report, errors)
    return "\n".join(lines)


def _summary(report: Report) -> str:
    return (f"scheme {report.scheme}: {report.sentences} sentences"
            + ("; ignored kg relations (outside the scheme or within one name): "
               + ", ".join(f"{k} {v}" for k, v in sorted(report.ignored.items()))
               if report.ignored else "")
            + (f"; {report.excused} agreeing with one-sided gold events excused"
               if report.excused else ""))


def _class_table(level: str, s: LevelScore) -> list[str]:
    cw = max([18, *(len(k) + 2 for k in s.classes)])
    lines = ["", f"by class, {LEVEL_TITLES[level]}", _header("class", cw)]
    for name in sorted(s.classes, key=lambda k: (-s.classes[k].gold, k)):
        lines.append(_row(name, s.classes[name], cw))
    return lines


def _errors(report: Report, errors: int) -> list[str]:
    lines = ["", f"false negatives (first {errors} of {len(report.false_negatives)}):"]
    for miss in report.false_negatives[:errors]:
        g = miss.gold
        assert g is not None  # a false negative has its gold pair
        arrow = "<->" if g.reciprocal else "->"
        lines.append(f"  [{miss.sentence.id}] {g.source} {arrow} {g.target} : {g.type}")
        lines.append(f"      {miss.sentence.text}")
        for p in miss.others:
            lines.append(f"      kg: {_describe(p)}")
    lines += ["", f"false positives (first {errors} of {len(report.false_positives)}):"]
    for miss in report.false_positives[:errors]:
        assert miss.prediction is not None  # a false positive has its prediction
        lines.append(f"  [{miss.sentence.id}] {_describe(miss.prediction)}")
        lines.append(f"      {miss.sentence.text}")
    return lines
