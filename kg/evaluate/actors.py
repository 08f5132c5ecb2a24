"""Whether an entity kg found is the actor a gold span annotates.

See :func:`actor_matches`; :class:`_Matcher` keeps one sentence's matches.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from ..names import normalize_name

__all__ = ["actor_matches"]

#: Words that name no actor by themselves: never matched by containment.
_PRONOUNS: frozenset[str] = frozenset(
    {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs",
     "we", "us", "our", "you", "your", "i", "me", "my", "who", "whom", "which", "that", "this",
     "these", "those", "both", "all", "one", "each", "some", "himself", "herself", "itself",
     "themselves"}
)


@functools.lru_cache(maxsize=1)
def _gazetteer():
    from ..gazetteer import load_gazetteer

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
