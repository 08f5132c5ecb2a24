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

The package has one module a step, and every public name is importable from
``kg.evaluate``:

- :mod:`kg.evaluate.schemes`: the levels, and the classes of each scheme;
- :mod:`kg.evaluate.records`: gold pairs and sentences, kg's predictions, the counts;
- :mod:`kg.evaluate.gold`: reading gold files, and detecting their scheme;
- :mod:`kg.evaluate.actors`: whether an entity is the actor a gold span names;
- :mod:`kg.evaluate.scoring`: kg's predictions against the gold pairs, at every level;
- :mod:`kg.evaluate.running`: running kg over gold sentences, and :func:`evaluate`;
- :mod:`kg.evaluate.formatting`: the report as text.

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

from .actors import actor_matches
from .formatting import format_report
from .gold import detect_scheme, read_gold
from .records import ClassScore, GoldPair, GoldSentence, LevelScore, Miss, Prediction, Report
from .running import evaluate, predict
from .schemes import LEVEL_TITLES, LEVELS, SCHEMES, SYMMETRIC, Scheme
from .scoring import score

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
