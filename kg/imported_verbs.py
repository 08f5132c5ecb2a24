"""kg's own verb rows merged with the rows imported from the CAMEO verb dictionary
(``ontology/petrarch/verbs.tsv``, written by ``scripts/import_petrarch.py``).

A row written by hand outranks an imported one; an imported row keeps its origin
(``CAMEO.2.0.txt:LINE``) so a wrong edge can be traced to its dictionary line.

Examples
--------
>>> from kg.lexicon import load_lexicon
>>> [t.origin for t in load_lexicon().verbs["attack"]][:2]
['verbs.tsv', 'CAMEO.2.0.txt:9034']
"""

from __future__ import annotations

from dataclasses import replace

from .lexicon import VerbTrigger, _opt, _rows

__all__ = ["IMPORTED_PATTERN_CONFIDENCE", "IMPORTED_VERB_CONFIDENCE", "imported_verb_rows", "merge_verbs"]


#: Confidence of imported CAMEO rows: a verb alone, and a verb with its object noun.
IMPORTED_VERB_CONFIDENCE = 0.6
IMPORTED_PATTERN_CONFIDENCE = 0.7


def imported_verb_rows() -> list[list[str]]:
    """The rows of ``petrarch/verbs.tsv`` (derived from the CAMEO verb dictionary), or none."""
    return _rows("verbs.tsv", "petrarch", optional=True)


def _imported_trigger(row: list[str], kept: set[str], acts: frozenset[str],
                      preps: dict[str, tuple[str, ...]]) -> VerbTrigger | None:
    """One row of ``petrarch/verbs.tsv`` as a trigger, or ``None`` where kg's own data outrank
    it: a pattern whose noun is one of kg's noun triggers (``acts``) on a verb kg keeps rows or
    a light-verb entry for (``kept``: "condemned the attack on X" condemns the attacker, whatever
    the dictionary codes), or a preposition that never introduces the other party of the row's
    relation (``preps``, from arguments.tsv: "died in Syria" protests against no one)."""
    lemma, particle, noun, prep, code, pred, origin = row
    if noun != "-":
        if lemma in kept and noun in acts:
            return None
        spec = f"noun:{noun}" + (f":{prep}" if prep != "-" else "")
        return VerbTrigger(lemma, pred, spec, IMPORTED_PATTERN_CONFIDENCE, noun, _opt(particle), code, origin)
    if prep != "-" and prep not in preps.get(pred, ()):
        return None
    if pred == "inConflictWith" and prep == "-":
        pred = "targeted"  # force used on an object is an attack on it (its code keeps it FIGHT)
    spec = "dobj" if prep == "-" else f"prep:{prep}"
    return VerbTrigger(lemma, pred, spec, IMPORTED_VERB_CONFIDENCE, None, _opt(particle), code, origin)


#: Relations whose codes a verb may lend each other: force used on someone (CAMEO 18-20), and
#: a sub-property with its super-property (condemned and criticized, CAMEO 111).
_FAMILY = {"inConflictWith": "targeted", "condemned": "criticized", "blamed": "accused", "denied": "rejected",
           "visited": "consulted"}


def merge_verbs(own: dict[str, list[VerbTrigger]], rows: list[list[str]], *, light: frozenset[str],
                 acts: frozenset[str], preps: dict[str, tuple[str, ...]]) -> dict[str, tuple[VerbTrigger, ...]]:
    """kg's own verb rows outrank imported ones. For a verb kg has rows for, its rows come
    first, then the imported verb + noun patterns; the imported verb alone is not used, but
    lends its CAMEO code to kg's rows of the same relation. For any other verb, the imported patterns ("end" + "talk")
    come before the verb alone. A row of kg's with relation ``-`` keeps a verb's imported rows
    out ("serve with X" is no cooperation). A verb kg has only verb + noun rows for
    ("halt" + ``@trade``) keeps its imported rows after them."""
    patterns: dict[str, list[VerbTrigger]] = {}
    alone: dict[str, list[VerbTrigger]] = {}
    codes: dict[tuple[str, str], str] = {}  # (lemma, relation family) -> the verb's CAMEO code
    alone_own = {lemma for lemma, ts in own.items() if any(t.noun is None for t in ts)}  # not only "ban" + @trade
    kept = alone_own | set(light)
    for row in rows:
        if row[2] == "-" and row[1] == "-":
            codes.setdefault((row[0], _FAMILY.get(row[5], row[5])), row[4])
        trig = _imported_trigger(row, kept, acts, preps)
        if trig is not None:
            (patterns if trig.noun else alone).setdefault(trig.lemma, []).append(trig)
    merged: dict[str, tuple[VerbTrigger, ...]] = {}
    for lemma in sorted(set(own) | set(patterns) | set(alone)):
        if lemma in own and all(t.predicate == "-" for t in own[lemma]):
            continue  # kg says this verb states no relation
        mine = [replace(t, code=codes.get((lemma, _FAMILY.get(t.predicate, t.predicate)))) for t in own.get(lemma, ())]
        imported = patterns.get(lemma, [])
        rows_of = (*mine, *imported) if lemma in alone_own else (*mine, *imported, *alone.get(lemma, ()))
        if rows_of:
            merged[lemma] = rows_of
    return merged
