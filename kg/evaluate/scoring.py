"""Scoring kg's predictions against gold sentences at every level of a scheme."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from .actors import _Matcher
from .gold import detect_scheme
from .records import ClassScore, GoldPair, GoldSentence, LevelScore, Miss, Prediction, Report
from .schemes import _INVERSES, SCHEMES, SYMMETRIC, Scheme

__all__ = ["score"]


def _normalise(pred: Prediction) -> Prediction:
    inverse = _INVERSES.get(pred.predicate)
    if inverse is None:
        return pred
    return Prediction(pred.object, inverse, pred.subject, pred.object_names, pred.subject_names,
                      pred.rule, pred.within_mention, pred.plover)


def _matches(level: str, pred: Prediction, gold: GoldPair, scheme: Scheme, m: _Matcher) -> bool:
    forward = (m(pred.subject, pred.subject_names, gold.source)
               and m(pred.object, pred.object_names, gold.target))
    backward = (m(pred.subject, pred.subject_names, gold.target)
                and m(pred.object, pred.object_names, gold.source))
    if level == "unordered":
        return forward or backward
    if not (forward or (backward and (gold.reciprocal or pred.predicate in SYMMETRIC))):
        return False
    if level == "directed":
        return True
    if level == "quad":
        gold_quad = scheme.quads.get(scheme.canonical(gold.type))
        pred_quads = scheme.quads_of(pred.predicate)
        if gold_quad is not None and pred_quads:
            return gold_quad in pred_quads
    own = _statement_class(pred, scheme)
    if own is not None:
        return scheme.canonical(gold.type) == own
    return scheme.accepts(gold.type, pred.predicate)


def _agrees_with_partial(pred: Prediction, gold: GoldPair, scheme: Scheme, m: _Matcher) -> bool:
    if not scheme.accepts(gold.type, pred.predicate):
        return False
    if gold.source:
        return m(pred.subject, pred.subject_names, gold.source)
    return m(pred.object, pred.object_names, gold.target)


def _group_key(level: str, pred: Prediction, scheme: Scheme) -> tuple:
    s, o = pred.subject, pred.object
    if level == "unordered" or pred.predicate in SYMMETRIC:
        s, o = sorted((s, o))
    if level == "unordered":
        return (s, o)
    if level == "directed":
        return (s, o, pred.predicate in SYMMETRIC)
    if level == "quad" and scheme.quads_of(pred.predicate):
        return (s, o, "quad", tuple(sorted(scheme.quads_of(pred.predicate))))
    return (s, o, "class", _statement_class(pred, scheme) or scheme.class_of(pred.predicate))


def _statement_class(pred: Prediction, scheme: Scheme) -> str | None:
    """The class a statement carries itself (a ``targeted`` statement's PLOVER class, see
    :mod:`kg.plover`), where the scheme is PLOVER's; ``None`` where its property decides."""
    return pred.plover if scheme.name == "plover" and pred.plover else None


def score(gold: Iterable[GoldSentence], predictions: Mapping[str, Sequence[Prediction]], *,
          scheme: str | Scheme | None = None, gazetteer: bool = True) -> Report:
    """Score kg's relations against gold sentences.

    Parameters
    ----------
    gold : iterable of GoldSentence
        The gold sentences.
    predictions : mapping of str to sequence of Prediction
        kg's relations by sentence id (a missing id: kg emitted nothing).
    scheme : str or Scheme, optional
        ``"plover"``, ``"re3d"``, ``"kg"`` or a :class:`Scheme`; detected from the
        gold types when not given.
    gazetteer : bool
        Match actors through kg's gazetteer too (demonyms, aliases).

    Returns
    -------
    Report
        Precision, recall and F1 at every level of the scheme, overall and by
        class, with the class-level false negatives and false positives.

    Examples
    --------
    A reversed direction is found as an unordered pair only:

    >>> gold = [GoldSentence("s", "Iran condemned Israel.", (GoldPair("Iran", "Israel", "condemned"),))]
    >>> pred = {"s": [Prediction("israel", "condemned", "iran", ("Israel",), ("Iran",))]}
    >>> r = score(gold, pred, scheme="kg")
    >>> r.levels["unordered"].f1, r.levels["directed"].f1
    (1.0, 0.0)
    """
    gold = list(gold)
    if isinstance(scheme, str):
        scheme = SCHEMES[scheme]
    scheme = scheme or detect_scheme(gold)
    levels = {lv: LevelScore() for lv in scheme.levels}
    report = Report(scheme.name, len(gold), levels)
    for sent in gold:
        scorer = _SentenceScorer(sent, scheme, report, _Matcher(gazetteer))
        preds = scorer.kept(predictions.get(sent.id, ()))
        for level, counts in levels.items():
            scorer.count_gold(level, counts, preds)
            scorer.count_predicted(level, counts, preds)
    return report


class _SentenceScorer:
    """Counts one gold sentence into a report, with its actor matches computed once."""

    def __init__(self, sent: GoldSentence, scheme: Scheme, report: Report, matcher: _Matcher) -> None:
        self.sent, self.scheme, self.report, self.matcher = sent, scheme, report, matcher

    def matches(self, level: str, pred: Prediction, gold: GoldPair) -> bool:
        """Whether a prediction matches a gold pair of the sentence at a level."""
        return _matches(level, pred, gold, self.scheme, self.matcher)

    def kept(self, preds: Iterable[Prediction]) -> list[Prediction]:
        """kg's relations of the sentence that are scored, turned round where inverse, each once:
        those outside the scheme are ignored, those agreeing with a one-sided gold event excused."""
        kept = []
        for pred in preds:
            pred = _normalise(pred)
            if pred.predicate not in self.scheme.properties:
                self.report.ignored[pred.predicate] += 1
            elif any(_agrees_with_partial(pred, g, self.scheme, self.matcher) for g in self.sent.partial):
                self.report.excused += 1
            else:
                kept.append(pred)
        return sorted(set(kept), key=lambda p: (p.subject, p.predicate, p.object))

    def count_gold(self, level: str, counts: LevelScore, preds: list[Prediction]) -> None:
        """Count the gold pairs, and which some prediction matches; class-level misses kept."""
        sent = self.sent
        found = [any(self.matches(level, p, g) for p in preds) for g in sent.pairs]
        for g, hit in zip(sent.pairs, found):
            cls = counts.classes.setdefault(self.scheme.canonical(g.type), ClassScore())
            for c in (counts, cls):
                c.gold += 1
                c.gold_found += hit
            if level == "class" and not hit:
                self.report.false_negatives.append(Miss(sent, gold=g, others=tuple(preds)))

    def groups(self, level: str, preds: list[Prediction]) -> dict[tuple, list[Prediction]]:
        """The predictions that are the same at a level, grouped; a relation within one name
        that matches no gold pair is left out (and counted as ignored, at the class level only)."""
        groups: dict[tuple, list[Prediction]] = defaultdict(list)
        for p in preds:
            if p.within_mention and not any(self.matches(level, p, g) for g in self.sent.pairs):
                if level == "class":
                    self.report.ignored[f"{p.predicate} within one name"] += 1
                continue
            groups[_group_key(level, p, self.scheme)].append(p)
        return groups

    def count_predicted(self, level: str, counts: LevelScore, preds: list[Prediction]) -> None:
        """Count each group of predictions once, right when one of them matches a gold pair."""
        for members in self.groups(level, preds).values():
            hit = any(self.matches(level, p, g) for p in members for g in self.sent.pairs)
            first = members[0]
            name = _statement_class(first, self.scheme) or self.scheme.class_of(first.predicate)
            assert name is not None, f"no class counts {first.predicate!r}"
            cls = counts.classes.setdefault(name, ClassScore())
            for c in (counts, cls):
                c.predicted += 1
                c.predicted_correct += hit
            if level == "class" and not hit:
                self.report.false_positives.append(Miss(self.sent, prediction=members[0]))
