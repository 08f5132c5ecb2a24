"""Scoring kg's extraction against gold sentences (``kg eval``).

A gold file is JSONL, one sentence a line (the format of the shared
development sets)::

    {"id": "...", "text": "the sentence",
     "events": [{"src": [{"text": "actor as written"}], "tgt": [{"text": "..."}],
                 "type": "CLASS", "reciprocal": false}]}

Each event gives one gold pair per source member and target member. kg reads
every sentence as a document of its own (one ``nlp.pipe`` stream, so spaCy
batches them); with ``context="document"``, consecutive sentences whose ids
number one document's sentences (``"D:0"``, ``"D:1"``, as in the shared sets)
are read together, the way kg reads an article, so "we" or "the group" can
refer back. Each relation is given back to the sentence its evidence lies in
and compared with the gold pairs of that sentence at four levels:

==============  ==============================================================
``unordered``   the two actors, in either direction
``directed``    source -> target (either way for a symmetric kg property or a
                gold ``reciprocal: true``)
``quad``        directed, and the same PLOVER quad class (verbal/material x
                cooperation/conflict); PLOVER and kg schemes only
``class``       directed, and the same class: the headline figure
==============  ==============================================================

Classes meet kg's properties through a *scheme*: ``plover`` (AGREE,
CONSULT... FIGHT), ``re3d`` (FightingAgainst, BelongsTo...) or ``kg`` (the
gold types are kg property names). A kg relation whose property belongs to no
class of the scheme (``locatedIn`` under PLOVER) is ignored, neither right nor
wrong.

An actor matches a gold span when one of the entity's names (its label, its
aliases and the surface forms of its mentions in the sentence) equals the
span, contains it or is contained in it, word for word after
:func:`kg.names.normalize_name` (a plural "s" ignored); or when the gazetteer resolves the span (as
a name, a demonym or a seat of government) to that entity ("Hungarian" and
Hungary).

Counting: a gold pair is found when some kg relation matches it (each gold
pair counts once, however many relations match it); a kg relation is a false
positive when it matches no gold pair of its sentence. Relations that are the
same at a level (``accused`` and ``condemned`` between the same two actors,
at the directed level) are counted once there.

Examples
--------
>>> gold = [GoldSentence("s1", "Iran condemned Israel.",
...                      (GoldPair("Iran", "Israel", "condemned"),))]
>>> pred = {"s1": [Prediction("iran", "condemned", "israel", ("Iran",), ("Israel",))]}
>>> report = score(gold, pred, scheme="kg")
>>> report.levels["class"].f1
1.0
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .names import normalize_name
from .vocab import RELATION_PROPERTIES

__all__ = [
    "LEVELS",
    "LEVEL_TITLES",
    "SCHEMES",
    "SYMMETRIC",
    "ClassScore",
    "GoldPair",
    "GoldSentence",
    "LevelScore",
    "Miss",
    "Prediction",
    "Report",
    "Scheme",
    "actor_matches",
    "detect_scheme",
    "evaluate",
    "format_report",
    "predict",
    "read_gold",
    "score",
]

log = logging.getLogger(__name__)

#: The scoring levels, from the most lenient to the headline.
LEVELS: tuple[str, ...] = ("unordered", "directed", "quad", "class")

#: How each level is printed.
LEVEL_TITLES: dict[str, str] = {
    "unordered": "unordered pair",
    "directed": "directed pair",
    "quad": "directed pair + quad class",
    "class": "directed pair + class",
}

#: kg properties matched in either direction (a relation that holds both ways).
SYMMETRIC: frozenset[str] = frozenset(
    {"alignedWith", "inConflictWith", "cooperatedWith", "agreedWith", "consulted"}
)

#: Inverse properties, turned round before scoring (``X ledBy Y`` is ``Y leaderOf X``).
_INVERSES: dict[str, str] = {"hasMember": "partOf", "ledBy": "leaderOf"}

#: Sub-property -> super-property in kg's vocabulary.
_SUPER: dict[str, str] = {
    "backedBy": "alignedWith",
    "blamed": "accused",
    "condemned": "criticized",
    "denied": "rejected",
    "aided": "supported",
    "visited": "consulted",
}

#: PLOVER quad classes (openeventdata/PLOVER README).
_PLOVER_QUAD: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), "material cooperation"),
    **dict.fromkeys(("DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION"), "verbal conflict"),
    **dict.fromkeys(("PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"), "material conflict"),
}

#: PLOVER class -> kg properties (the table of ``../shared/eval/README.md``).
_PLOVER: dict[str, frozenset[str]] = {
    "AGREE": frozenset({"agreedWith"}),
    "CONSULT": frozenset({"consulted", "visited"}),
    "SUPPORT": frozenset({"supported"}),
    "COOPERATE": frozenset({"cooperatedWith"}),
    "AID": frozenset({"aided"}),
    "CONCEDE": frozenset({"conceded"}),
    "RETREAT": frozenset({"conceded"}),
    "INVESTIGATE": frozenset({"investigated"}),
    "DEMAND": frozenset({"demanded"}),
    "DISAPPROVE": frozenset({"accused", "blamed", "criticized", "condemned"}),
    "REJECT": frozenset({"rejected", "denied"}),
    "THREATEN": frozenset({"threatened"}),
    "PROTEST": frozenset({"protestedAgainst"}),
    "MOBILIZE": frozenset({"mobilizedAgainst"}),
    "SANCTION": frozenset({"sanctioned"}),
    "COERCE": frozenset({"coerced"}),
    "ASSAULT": frozenset({"targeted"}),
    "FIGHT": frozenset({"inConflictWith"}),
}
#: Other names of PLOVER classes (CAMEO's and older PLOVER drafts').
_PLOVER_ALIASES: dict[str, str] = {"ACCUSE": "DISAPPROVE", "REQUEST": "DEMAND", "YIELD": "CONCEDE"}

#: re3d relation type -> kg properties.
_RE3D: dict[str, frozenset[str]] = {
    "FightingAgainst": frozenset({"targeted", "inConflictWith"}),
    "AlliesOf": frozenset({"alignedWith", "backedBy", "cooperatedWith"}),
    "BelongsTo": frozenset({"partOf"}),
    "InChargeOf": frozenset({"leaderOf", "controls"}),
    "CommWith": frozenset({"consulted", "visited"}),
    "Likes": frozenset({"supported", "aided"}),
    "Dislikes": frozenset({"accused", "blamed", "criticized", "condemned", "threatened"}),
}

#: Words that name no actor by themselves: never matched by containment.
_PRONOUNS: frozenset[str] = frozenset(
    {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs",
     "we", "us", "our", "you", "your", "i", "me", "my", "who", "whom", "which", "that", "this",
     "these", "those", "both", "all", "one", "each", "some", "himself", "herself", "itself",
     "themselves"}
)


@dataclass(frozen=True, slots=True)
class Scheme:
    """A set of gold classes and the kg properties each one accepts.

    Parameters
    ----------
    name : str
        ``"plover"``, ``"re3d"`` or ``"kg"``.
    classes : mapping of str to frozenset of str
        Gold class -> the kg properties that count as that class, in the
        order classes are reported.
    quads : mapping of str to str
        Gold class -> quad class, for the schemes that have quad classes.
    aliases : mapping of str to str
        Other spellings of gold classes (``ACCUSE`` for ``DISAPPROVE``).

    Examples
    --------
    >>> SCHEMES["plover"].accepts("DISAPPROVE", "condemned")
    True
    >>> SCHEMES["re3d"].class_of("inConflictWith"), SCHEMES["re3d"].class_of("locatedIn")
    ('FightingAgainst', None)
    >>> SCHEMES["kg"].accepts("accused", "blamed"), SCHEMES["kg"].accepts("accused", "criticized")
    (True, False)
    """

    name: str
    classes: Mapping[str, frozenset[str]]
    quads: Mapping[str, str] = field(default_factory=dict)
    aliases: Mapping[str, str] = field(default_factory=dict)

    @property
    def levels(self) -> tuple[str, ...]:
        """The levels this scheme is scored at (``quad`` only with quad classes)."""
        return LEVELS if self.quads else tuple(lv for lv in LEVELS if lv != "quad")

    @property
    def properties(self) -> frozenset[str]:
        """Every kg property some class accepts; other relations are ignored."""
        return frozenset().union(*self.classes.values())

    def canonical(self, gold_type: str) -> str:
        """The class a gold type names (resolving aliases).

        Raises
        ------
        ValueError
            When the type is no class of this scheme.
        """
        name = self.aliases.get(gold_type, gold_type)
        if name not in self.classes:
            raise ValueError(f"{gold_type!r} is not a class of the {self.name} scheme")
        return name

    def accepts(self, gold_type: str, predicate: str) -> bool:
        """Whether a kg property counts as the gold class."""
        return predicate in self.classes[self.canonical(gold_type)]

    def class_of(self, predicate: str) -> str | None:
        """The class a kg property's false positives are counted under.

        The class of the same name when there is one (kg scheme), else the
        first class accepting the property.
        """
        if predicate in self.classes.get(predicate, ()):
            return predicate
        for name, props in self.classes.items():
            if predicate in props:
                return name
        return None

    def quads_of(self, predicate: str) -> frozenset[str]:
        """The quad classes a kg property can stand for."""
        return frozenset(self.quads[c] for c, props in self.classes.items()
                         if predicate in props and c in self.quads)


def _kg_scheme() -> Scheme:
    props = sorted(RELATION_PROPERTIES - {"claimedResponsibilityFor", *_INVERSES})
    classes = {}
    for prop in props:
        family = {prop} | {sub for sub, sup in _SUPER.items() if sup == prop}
        if prop in _SUPER:
            family.add(_SUPER[prop])
        classes[prop] = frozenset(family)
    plover_of = {p: c for c, ps in _PLOVER.items() for p in sorted(ps)}
    quads = {p: _PLOVER_QUAD[plover_of[p]] for p in props if p in plover_of}
    return Scheme("kg", classes, quads)


#: The schemes ``kg eval`` knows, by name.
SCHEMES: dict[str, Scheme] = {
    "plover": Scheme("plover", _PLOVER, {c: _PLOVER_QUAD[c] for c in _PLOVER}, _PLOVER_ALIASES),
    "re3d": Scheme("re3d", _RE3D),
    "kg": _kg_scheme(),
}


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
        out = ClassScore.as_dict(self)
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


# -- reading gold -------------------------------------------------------------------------------


def read_gold(path: str | os.PathLike[str]) -> list[GoldSentence]:
    """Read a gold JSONL file.

    Raises
    ------
    InputError
        When the file is missing or a line is not a gold record.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.jsonl"
    >>> _ = p.write_text('{"id": "a", "text": "Iran and Iraq met.", "events": [{"src": [{"text": '
    ...                  '"Iran"}], "tgt": [{"text": "Iraq"}], "type": "consulted", "reciprocal": true}]}\\n')
    >>> read_gold(p)[0].pairs
    (GoldPair(source='Iran', target='Iraq', type='consulted', reciprocal=True),)
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read gold file ({exc.strerror or exc})") from None
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            pairs: list[GoldPair] = []
            partial: list[GoldPair] = []
            for ev in obj.get("events") or ():
                src = [a["text"] for a in ev["src"]]
                tgt = [a["text"] for a in ev["tgt"]]
                kind, recip = ev["type"], bool(ev.get("reciprocal"))
                if not isinstance(kind, str) or not (src or tgt):
                    raise ValueError("an event needs a type and an actor")
                if src and tgt:
                    found = [GoldPair(a, b, kind, recip) for a in src for b in tgt]
                elif len(src) > 1:  # "U.S. and Russian negotiators met": each pair, both ways
                    found = [GoldPair(a, b, kind, True) for i, a in enumerate(src) for b in src[i + 1:]]
                else:
                    partial += [GoldPair(a, "", kind) for a in src] + [GoldPair("", b, kind) for b in tgt]
                    continue
                pairs += [p for p in found if p not in pairs]
            out.append(GoldSentence(str(obj["id"]), obj["text"], tuple(pairs), tuple(partial)))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{n}", f"not a gold record ({exc})") from None
    return out


def detect_scheme(sentences: Iterable[GoldSentence]) -> Scheme:
    """The scheme whose classes cover the gold types (kg, then PLOVER, then re3d).

    Raises
    ------
    ValueError
        When no scheme knows every type.

    Examples
    --------
    >>> detect_scheme([GoldSentence("a", "...", (GoldPair("X", "Y", "AGREE"),))]).name
    'plover'
    """
    types = {p.type for s in sentences for p in s.pairs}
    for scheme in SCHEMES.values():
        if types <= set(scheme.classes) | set(scheme.aliases):
            return scheme
    raise ValueError(f"no scheme has the classes {sorted(types)}; use --scheme")


# -- matching actors ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _gazetteer():
    from .gazetteer import load_gazetteer

    return load_gazetteer()


@functools.lru_cache(maxsize=65536)
def _gazetteer_keys(text: str) -> frozenset[str]:
    gaz = _gazetteer()
    found = (gaz.lookup(text), gaz.demonym(text), gaz.metonym(text))
    return frozenset(e.key for e in found if e is not None)


def _is_pronoun(text: str) -> bool:
    norm = normalize_name(text)
    return not norm or (all(w in _PRONOUNS for w in norm.split())
                        and not any(c.isupper() for c in text.strip()[1:]))


def _singular(norm: str) -> str:
    """Fold a plural "s" off each longer word ("houthis rebels" -> "houthi rebel")."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                    for w in norm.split())


@functools.lru_cache(maxsize=65536)
def _names_match(name: str, span: str) -> bool:
    a, b = normalize_name(name), normalize_name(span)
    if not a or not b:
        return False
    if a == b:
        return True
    if _is_pronoun(name) or _is_pronoun(span):
        return False
    a, b = _singular(a), _singular(b)
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def actor_matches(key: str, names: Iterable[str], span: str, *, gazetteer: bool = True) -> bool:
    """Whether an entity (its key and names) is the actor a gold span annotates.

    Parameters
    ----------
    key : str
        The entity's key.
    names : iterable of str
        Its label, aliases and the surface forms of its mentions.
    span : str
        The annotated text.
    gazetteer : bool
        Also match through kg's gazetteer (names, demonyms, seats of government).

    Examples
    --------
    >>> actor_matches("fuad-masum", ["Fuad Masum"], "Iraqi President Fuad Masum")
    True
    >>> actor_matches("hungary", ["Hungary"], "Hungarian")
    True
    >>> actor_matches("iran", ["Iran"], "Iranian-backed militias in Iraq")
    False
    >>> actor_matches("hamas", ["Hamas", "it"], "it"), actor_matches("hamas", ["it"], "it was")
    (True, False)
    """
    names = tuple(names)
    if any(_names_match(n, span) for n in names):
        return True
    if not gazetteer:
        return False
    want = _gazetteer_keys(span)
    if not want:
        return False
    return key in want or any(want & _gazetteer_keys(n) for n in names)


# -- scoring ------------------------------------------------------------------------------------


def _normalise(pred: Prediction) -> Prediction:
    inverse = _INVERSES.get(pred.predicate)
    if inverse is None:
        return pred
    return Prediction(pred.object, inverse, pred.subject, pred.object_names, pred.subject_names,
                      pred.rule, pred.within_mention, pred.plover)


class _Matcher:
    """Actor matches of one sentence, computed once."""

    def __init__(self, gazetteer: bool) -> None:
        self.gazetteer = gazetteer
        self.cache: dict[tuple[str, str], bool] = {}

    def __call__(self, key: str, names: tuple[str, ...], span: str) -> bool:
        hit = self.cache.get((key, span))
        if hit is None:
            hit = self.cache[(key, span)] = actor_matches(key, names, span, gazetteer=self.gazetteer)
        return hit


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
        matcher = _Matcher(gazetteer)
        preds = []
        for pred in predictions.get(sent.id, ()):
            pred = _normalise(pred)
            if pred.predicate not in scheme.properties:
                report.ignored[pred.predicate] += 1
            elif any(_agrees_with_partial(pred, g, scheme, matcher) for g in sent.partial):
                report.excused += 1
            else:
                preds.append(pred)
        preds = sorted(set(preds), key=lambda p: (p.subject, p.predicate, p.object))
        for level, counts in levels.items():
            found = [any(_matches(level, p, g, scheme, matcher) for p in preds) for g in sent.pairs]
            for g, hit in zip(sent.pairs, found):
                cls = counts.classes.setdefault(scheme.canonical(g.type), ClassScore())
                for c in (counts, cls):
                    c.gold += 1
                    c.gold_found += hit
                if level == "class" and not hit:
                    report.false_negatives.append(Miss(sent, gold=g, others=tuple(preds)))
            groups: dict[tuple, list[Prediction]] = defaultdict(list)
            for p in preds:
                if p.within_mention and not any(_matches(level, p, g, scheme, matcher) for g in sent.pairs):
                    if level == "class":
                        report.ignored[f"{p.predicate} within one name"] += 1
                    continue
                groups[_group_key(level, p, scheme)].append(p)
            for members in groups.values():
                hit = any(_matches(level, p, g, scheme, matcher) for p in members for g in sent.pairs)
                first = members[0]
                name = _statement_class(first, scheme) or scheme.class_of(first.predicate)
                cls = counts.classes.setdefault(name, ClassScore())
                for c in (counts, cls):
                    c.predicted += 1
                    c.predicted_correct += hit
                if level == "class" and not hit:
                    report.false_positives.append(Miss(sent, prediction=members[0]))
    return report


# -- running kg ---------------------------------------------------------------------------------


#: A gold id that numbers a sentence of a document: ``"<document id>:<n>"`` (the shared sets).
_SENTENCE_ID = re.compile(r"^(?P<doc>.+):(?P<n>\d+)$")


def _documents(sentences: Iterable[GoldSentence], context: str) -> Iterator[list[GoldSentence]]:
    """Group gold sentences into the documents kg reads them in.

    With ``context="document"``, consecutive sentences whose ids number the sentences of one
    document (``"D:0"``, ``"D:1"``...) are read together, as kg reads an article, so that
    "we", "the group" or a title can refer back to an earlier sentence; any other sentence
    is a document of its own. With ``context="sentence"`` every sentence stands alone.

    >>> ids = ["a:0", "a:1", "b:0", "x", "a:2"]
    >>> [[s.id for s in d] for d in _documents([GoldSentence(i, "...") for i in ids], "document")]
    [['a:0', 'a:1'], ['b:0'], ['x'], ['a:2']]
    """
    group: list[GoldSentence] = []
    last: tuple[str, int] | None = None
    for sent in sentences:
        m = _SENTENCE_ID.match(sent.id) if context == "document" else None
        here = (m["doc"], int(m["n"])) if m else None
        if group and not (here and last and here[0] == last[0] and here[1] > last[1]):
            yield group
            group = []
        group.append(sent)
        last = here
    if group:
        yield group


def predict(sentences: Iterable[GoldSentence], *, model: str | None = None,
            batch_size: int = 64, context: str = "sentence") -> Iterator[tuple[str, list[Prediction]]]:
    """Run kg over the sentences and yield ``(id, predictions)`` for each.

    With ``context="document"``, sentences of one document (see :func:`_documents`) are
    joined by line breaks into one
    :class:`~kg.model.Document` (a line break always starts a sentence in kg), and each
    relation is given back to the gold sentence its evidence lies in; an actor's names are
    its label, its aliases and its surface forms in that sentence. The documents go to
    :func:`kg.pipeline.process` as one lazy stream, so the model is loaded once and spaCy
    parses them in batches. Negated relations (kept by kg as statements that do *not*
    hold) assert nothing and are left out. Alleged relations (what an accuser says
    someone did: no direct triple in kg's RDF) are predictions: the gold sets annotate
    the act an accusation names ("accused X of attacking Y": X attacked Y), and leaving
    them out costs two right pairs on kg's gold set for one wrong pair less on PLOVER dev.

    Examples
    --------
    >>> sid, preds = next(predict([GoldSentence("s", "Iran condemned Israel.")]))
    >>> sid, [(p.subject, p.predicate, p.object) for p in preds]
    ('s', [('iran', 'condemned', 'israel')])
    """
    from .model import Document
    from .pipeline import process

    if context not in {"document", "sentence"}:
        raise ValueError(f"context is 'document' or 'sentence', not {context!r}")
    groups: list[list[tuple[GoldSentence, int, int]]] = []

    def docs() -> Iterator[Document]:
        for n, group in enumerate(_documents(sentences, context)):
            placed, offset = [], 0
            for sent in group:
                placed.append((sent, offset, offset + len(sent.text)))
                offset += len(sent.text) + 1
            groups.append(placed)
            yield Document(f"{n}", "\n".join(sent.text for sent in group))

    for result in process(docs(), model=model, batch_size=batch_size):
        placed = groups[int(result.document.id)]
        entities = {e.key: e for e in result.entities}
        for sent, start, end in placed:
            surfaces: dict[str, list[str]] = defaultdict(list)
            for mention in result.mentions:
                if start <= mention.start < end:
                    surfaces[mention.entity].append(mention.text)

            def names(key: str) -> tuple[str, ...]:
                ent = entities.get(key)
                base = (ent.label, *ent.aliases) if ent else (key.replace("-", " "),)
                return tuple(dict.fromkeys((*base, *surfaces.get(key, ()))))

            preds = [Prediction(r.subject, r.predicate, r.object, names(r.subject), names(r.object), r.rule,
                                _within_one_name(r), r.plover)
                     for r in result.relations
                     if not getattr(r, "negated", False) and start <= r.evidence.start < end]
            yield sent.id, preds


#: Rules that read a relation from the parts of one name: "the government of Iraq"
#: (Iraqi government partOf Iraq), "Iraqi President Fuad Masum" (leaderOf Iraq).
_WITHIN_ONE_NAME = ("resolve.", "role:title:")


def _within_one_name(rel) -> bool:
    return rel.rule.startswith(_WITHIN_ONE_NAME)


def evaluate(path: str | os.PathLike[str], *, model: str | None = None,
             scheme: str | None = None, batch_size: int = 64,
             context: str = "sentence") -> tuple[Report, list[GoldSentence]]:
    """Read a gold file, run kg over its sentences and score the result.

    ``context`` says whether every sentence is read alone (``"sentence"``, the default) or
    sentences numbered as one document's (``"D:0"``, ``"D:1"``) together (``"document"``, as
    kg reads an article).
    Returns the report and the gold sentences (for printing errors).
    """
    gold = read_gold(path)
    chosen = SCHEMES[scheme] if scheme else detect_scheme(gold)
    preds = dict(predict(gold, model=model, batch_size=batch_size, context=context))
    return score(gold, preds, scheme=chosen), gold


# -- printing -----------------------------------------------------------------------------------


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
        What :func:`score` returned.
    title : str
        A first line (the gold file's name).
    class_levels : sequence of str
        Levels to print a per-class table for.
    errors : int
        How many class-level false positives and false negatives to print.

    Examples
    --------
    >>> gold = [GoldSentence("s", "Iran condemned Israel.", (GoldPair("Iran", "Israel", "condemned"),))]
    >>> print(format_report(score(gold, {}, scheme="kg"), class_levels=()))  # doctest: +NORMALIZE_WHITESPACE
    scheme kg: 1 sentences
    level                            P      R     F1   kg ok/all  gold found
    unordered pair               0.000  0.000  0.000     0/0         0/1
    directed pair                0.000  0.000  0.000     0/0         0/1
    directed pair + quad class   0.000  0.000  0.000     0/0         0/1
    directed pair + class        0.000  0.000  0.000     0/0         0/1
    """
    lines = []
    if title:
        lines.append(title)
    lines.append(f"scheme {report.scheme}: {report.sentences} sentences"
                 + (f"; ignored kg relations (outside the scheme or within one name): "
                    + ", ".join(f"{k} {v}" for k, v in sorted(report.ignored.items()))
                    if report.ignored else "")
                 + (f"; {report.excused} agreeing with one-sided gold events excused"
                    if report.excused else ""))
    width = 28
    lines.append(_header("level", width))
    for level, s in report.levels.items():
        lines.append(_row(LEVEL_TITLES[level], s, width))
    for level in class_levels:
        if level not in report.levels:
            continue
        s = report.levels[level]
        cw = max([18, *(len(k) + 2 for k in s.classes)])
        lines += ["", f"by class, {LEVEL_TITLES[level]}", _header("class", cw)]
        for name in sorted(s.classes, key=lambda k: (-s.classes[k].gold, k)):
            lines.append(_row(name, s.classes[name], cw))
    if errors:
        lines += ["", f"false negatives (first {errors} of {len(report.false_negatives)}):"]
        for miss in report.false_negatives[:errors]:
            g = miss.gold
            arrow = "<->" if g.reciprocal else "->"
            lines.append(f"  [{miss.sentence.id}] {g.source} {arrow} {g.target} : {g.type}")
            lines.append(f"      {miss.sentence.text}")
            for p in miss.others:
                lines.append(f"      kg: {_describe(p)}")
        lines += ["", f"false positives (first {errors} of {len(report.false_positives)}):"]
        for miss in report.false_positives[:errors]:
            lines.append(f"  [{miss.sentence.id}] {_describe(miss.prediction)}")
            lines.append(f"      {miss.sentence.text}")
    return "\n".join(lines)
