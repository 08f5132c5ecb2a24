"""The relations the wording of a mention states: the resolver's qualifiers read as relations.

Resolution records what the wording of a mention says about its entity as a
:class:`~kg.resolve.Qualifier` ("Iraqi officials": Iraq is their ``state``); this
module says which relation each kind makes, from ``ontology/lexicon/qualifiers.tsv``
(an ``office`` makes the relation of its title in ``titles.tsv``). :func:`parents`
gives what an entity's wording makes it part of, which other patterns ask ("Turkish
authorities imposed a curfew in Turkey" targets no state of their own).

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> rd = parse("The Iraqi prime minister met U.S. forces.")
>>> [(q.entity, stated(q, load_lexicon()), q.other) for q in rd.qualifiers]
[('us-forces', 'partOf', 'united-states'), ('iraqi-prime-minister', 'leaderOf', 'iraq')]
>>> sorted(parents(rd, "us-forces"))
['united-states']
"""

from __future__ import annotations

from ..lexicon import Lexicon, load_lexicon
from ..resolve import Qualifier, ResolvedDoc

__all__ = ["parents", "stated"]


def stated(qualifier: Qualifier, lex: Lexicon) -> str | None:
    """The relation a qualifier states: its kind's in ``qualifiers.tsv``, or for a kind with
    none there (an office) the relation of its word in ``titles.tsv``; ``None`` if neither
    gives one ("the Iraqi cleric").

    Parameters
    ----------
    qualifier : Qualifier
        What the wording of a mention states.
    lex : Lexicon
        The lexicon (its ``qualifiers`` and ``titles``).

    Returns
    -------
    str or None
        A kg relation property.

    Examples
    --------
    >>> from kg.resolve import Qualifier
    >>> stated(Qualifier("x", "office", "iraq", 0, 2, "resolve.title-noun", "foreign minister"), load_lexicon())
    'partOf'
    >>> stated(Qualifier("x", "place", "iraq", 0, 2, "resolve.name-place"), load_lexicon())
    'locatedIn'
    """
    return lex.qualifiers[qualifier.kind] or (lex.titles.get(qualifier.word) if qualifier.word else None)


def parents(rd: ResolvedDoc, key: str, lex: Lexicon | None = None) -> set[str]:
    """What the wording of an entity's mentions makes it part of ("U.S. forces" -> the US):
    the others of its qualifiers that state ``partOf``."""
    lex = lex or load_lexicon()
    return {q.other for q in rd.qualifiers if q.entity == key and stated(q, lex) == "partOf"}
