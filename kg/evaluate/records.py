"""The records of scoring: gold pairs and sentences, kg's predictions, and the counts."""

from __future__ import annotations

from typing import Any

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["ClassScore", "GoldPair", "GoldSentence", "LevelScore", "Miss", "Prediction", "Report"]


@dataclass(frozen=True, slots=True)
class GoldPair:
    """One annotated relation: a source span, a target span and a class."""

    source: str
    target: str
    type: str
    reciprocal: bool = False


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """A gold sentence: its id, text and annotated pairs (none: no relation stated).

    ``partial`` holds events annotated with one side only (PLOVER codes some
    events without a target): a ``GoldPair`` whose missing side is ``""``.
    They are not scored, but a kg relation that agrees with one (same class,
    the annotated actor on the annotated side) is excused, not a false positive.
    """

    id: str
    text: str
    pairs: tuple[GoldPair, ...] = ()
    partial: tuple[GoldPair, ...] = ()


@dataclass(frozen=True, slots=True)
class Prediction:
    """A kg relation of one sentence, with the names its two actors go by.

    ``subject`` and ``object`` are entity keys; ``subject_names`` and
    ``object_names`` every label, alias and surface form of the entity.
    ``within_mention`` marks a relation read inside one name ("the government
    of Iraq" -> Iraqi government ``partOf`` Iraq, "Iraqi President Fuad Masum"
    -> ``leaderOf`` Iraq): a gold span covering the whole name cannot annotate
    it, so unless a gold pair matches it, it is ignored, neither right nor wrong.
    """

    subject: str
    predicate: str
    object: str
    subject_names: tuple[str, ...] = ()
    object_names: tuple[str, ...] = ()
    rule: str = ""
    within_mention: bool = False
    plover: str | None = None


@dataclass(slots=True)
class ClassScore:
    """Counts for one class (or for all) at one level.

    ``gold_found`` of ``gold`` pairs were found; ``predicted_correct`` of
    ``predicted`` kg relations matched a gold pair.
    """

    gold: int = 0
    gold_found: int = 0
    predicted: int = 0
    predicted_correct: int = 0

    @property
    def precision(self) -> float:
        """Share of kg relations that match a gold pair (0 when there are none)."""
        return self.predicted_correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of gold pairs found (0 when there are none)."""
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall.

        >>> ClassScore(gold=4, gold_found=2, predicted=2, predicted_correct=2).f1
        0.6666666666666666
        """
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The counts and rates, for JSON."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "gold": self.gold, "gold_found": self.gold_found,
                "predicted": self.predicted, "predicted_correct": self.predicted_correct}


@dataclass(slots=True)
class LevelScore(ClassScore):
    """Counts at one level, overall and per class."""

    classes: dict[str, ClassScore] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """The counts and rates with the per-class breakdown, for JSON."""
        out: dict[str, Any] = dict(ClassScore.as_dict(self))
        out["classes"] = {k: v.as_dict() for k, v in sorted(self.classes.items())}
        return out


@dataclass(frozen=True, slots=True)
class Miss:
    """A false negative or false positive at the class level, for the developer."""

    sentence: GoldSentence
    gold: GoldPair | None = None
    prediction: Prediction | None = None
    others: tuple[Prediction, ...] = ()  # what kg emitted in the sentence


@dataclass(slots=True)
class Report:
    """The result of scoring: every level, and the class-level errors."""

    scheme: str
    sentences: int
    levels: dict[str, LevelScore]
    ignored: Counter = field(default_factory=Counter)
    excused: int = 0
    false_negatives: list[Miss] = field(default_factory=list)
    false_positives: list[Miss] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The report as plain JSON-ready data (without the error lists)."""
        return {"scheme": self.scheme, "sentences": self.sentences,
                "ignored_relations": dict(sorted(self.ignored.items())),
                "excused_relations": self.excused,
                "levels": {lv: s.as_dict() for lv, s in self.levels.items()}}
