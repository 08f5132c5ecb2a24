"""Military units and warships by name: "the 10th Mountain Division", "Task Force 153",
"USS Carney", and a unit named by its number with the unit it belongs to.

The pass :func:`unit_names` finds the names a tagger missed; :func:`unit_span` and
:func:`unit_qualified` are used by the pass of named entities on the names it found.
The unit head words and ranks are ``ontology/lexicon/units.tsv``, the ship prefixes
``vessels.tsv``.

Examples
--------
>>> from kg import parse
>>> rd = parse("The 158th Fighter Wing and the USS Carney left.")
>>> sorted(e.label for e in rd.entities.values())
['158th Fighter Wing', 'USS Carney']
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..model import Entity
from ..names import slugify
from .spans import LEADING_DROP, surface
from .state import Resolution

__all__ = ["ORDINAL", "is_task_force", "is_unit", "unit_names", "unit_qualified", "unit_span"]

ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
#: A task force's designator before its number: "CTF 150", "JTF 4", "TF 58".
_TASK_FORCE = re.compile(r"^C?J?C?TF$")


def is_unit(st: Resolution, span: Span) -> bool:
    """Whether a span holds a unit word or two ("battalion", "air force")."""
    words = [t.lower_ for t in span]
    return any(w in st.lex.units or f"{a} {w}" in st.lex.units for a, w in zip(["", *words], words))


def is_task_force(text: str) -> bool:
    """Whether a word designates a task force ("CTF", "JTF", "TF")."""
    return bool(_TASK_FORCE.match(text))


def unit_span(st: Resolution, span: Span) -> Span:
    """A unit's number belongs to its name: "the 10th Mountain Division" (a tagger may
    leave "10th" out), "CTF 50", "Task Force 153"."""
    doc = span.doc
    start, end = span.start, span.end
    if start > 0 and ORDINAL.match(doc[start - 1].text) and is_unit(st, span):
        start -= 1
    if end < len(doc) and doc[end].like_num and doc[end].text.isdigit() and (
            is_unit(st, span) or (len(span) == 1 and span[0].is_upper)):
        end += 1
    return doc[start:end] if (start, end) != (span.start, span.end) else span


def unit_names(st: Resolution) -> None:
    """Unit names the tagger missed: an ordinal, capitalised words and a unit word ("the
    158th Fighter Wing", "3rd Battalion"); task forces named by number; warships."""
    _ordinal_units(st)
    _numbered_task_forces(st)
    _warships(st)


def _ordinal_units(st: Resolution) -> None:
    """"the 158th Fighter Wing", "3rd Battalion": an ordinal, capitalised words, a unit word."""
    doc = st.doc
    for tok in doc:
        if not ORDINAL.match(tok.text) or tok.i in st.rd.token_actor:
            continue
        end = tok.i + 1
        while end < len(doc) and doc[end].is_title and end not in st.rd.token_actor and end - tok.i <= 5:
            end += 1
        span = doc[tok.i : end]
        while len(span) > 1 and not (span[-1].lower_ in st.lex.units
                                     or f"{span[-2].lower_} {span[-1].lower_}" in st.lex.units):
            span = span[:-1]
        if len(span) > 1 and span[-1].lower_ in st.unit_heads:
            label = surface(span)
            st.add(unit_qualified(st, span, Entity(slugify(label), label, "MilitaryForce")), span)


def _numbered_task_forces(st: Resolution) -> None:
    """Task forces named by number: "Task Force 58", "CTF 150" ("JTF-Bravo" aside)."""
    doc = st.doc
    for tok in doc:
        if tok.i in st.rd.token_actor or not tok.like_num or not tok.text.isdigit() or tok.i == 0:
            continue
        span = _numbered_span(st, tok)
        if span is not None:
            label = surface(span)
            st.add(Entity(slugify(label), label, "MilitaryForce"), span)


def _numbered_span(st: Resolution, num: Token) -> Span | None:
    """The name a number ends: a task force designator ("CTF 150") or capitalised words
    ending in a unit word ("Task Force 58"), or ``None``."""
    doc = st.doc
    before = doc[num.i - 1]
    if is_task_force(before.text) and before.i not in st.rd.token_actor:
        return doc[before.i : num.i + 1]
    if not before.is_title or before.i in st.rd.token_actor:
        return None
    start = before.i
    while start > 0 and doc[start - 1].is_title and start - 1 not in st.rd.token_actor and before.i - start < 4:
        start -= 1
    span = doc[start : num.i + 1]
    words = [t.lower_ for t in span[:-1]]
    if words[-1] in st.lex.word_set("ambiguous_unit") or not (words[-1] in st.unit_heads and (
            words[-1] in st.lex.units or " ".join(words[-2:]) in st.lex.units)):
        return None
    if span[0].i == span.sent.start and span[0].lower_ in LEADING_DROP:
        span = span[1:]
    return span


def _warships(st: Resolution) -> None:
    """"USS Carney", "HMS Daring": a ship prefix and a capitalised name."""
    doc = st.doc
    for tok in doc:
        if st.lex.vessels.get(tok.text) != "prefix" or tok.i in st.rd.token_actor:
            continue
        end = tok.i + 1
        while end < len(doc) and doc[end].is_title and end not in st.rd.token_actor and end - tok.i <= 3:
            end += 1
        if end > tok.i + 1:
            label = surface(doc[tok.i : end])
            st.add(Entity(slugify(label), label, "MilitaryForce"), doc[tok.i : end])


def unit_qualified(st: Resolution, span: Span, entity: Entity) -> Entity:
    """A unit named only by its number is named with the unit it belongs to: "2nd
    Battalion, 5th Special Forces Group" is "2nd Battalion (5th Special Forces Group)",
    not the same node as every other army's 2nd Battalion."""
    doc = span.doc
    if (entity.type in {"Person", "Collective"} and span[-1].lower_ in st.unit_heads
            and st.gaz.get(entity.key) is None):
        entity = Entity(entity.key, entity.label, "MilitaryForce")  # "Abel Battery" is no person
    if (len(span) != 2 or st.gaz.get(entity.key) is not None or span[-1].lower_ not in st.unit_heads
            or not (ORDINAL.match(span[0].text) or span[0].is_title)):
        return entity
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return entity
    start = span.end + 1
    while start < len(doc) and doc[start].lower_ == "the":
        start += 1
    end = start
    while end < len(doc) and (doc[end].is_title or ORDINAL.match(doc[end].text)) and end - start < 6:
        end += 1
    parent = doc[start:end]
    if len(parent) < 2 or not is_unit(st, parent):
        return entity
    label = f"{surface(span)} ({surface(parent)})"
    return Entity(slugify(label), label, entity.type)
