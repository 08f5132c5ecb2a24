"""Dependency labels and small questions on the parse tree that every pattern asks.

The labels are matched by membership, never by string tricks; :func:`prep_objects`
finds the objects of given prepositions and :func:`verb_lemma` mends a lemma the
lemmatizer cut wrong.

Examples
--------
>>> from kg import parse
>>> doc = parse("Iran sent drones to Russia.").doc
>>> [t.text for t in prep_objects(doc[1], ("to",))]
['Russia']
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

__all__ = ["CLAUSE_LINK_DEPS", "MODIFIER_DEPS", "OBJECT_DEPS", "PASSIVE_SUBJECT_DEPS", "SUBJECT_DEPS",
           "is_infinitive", "object_nouns", "prep_objects", "verb_lemma"]

#: Dependency labels, matched by membership (never by string tricks).
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
CLAUSE_LINK_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp"})
#: The concept (``lexicon/words/money.txt``, the CAMEO dictionary's ``&CURRENCY`` nouns) a sum
#: written with a sign ("$15 million", "€2bn") belongs to: the noun a verb + noun pattern sees.
AMOUNT_OF_MONEY = "money"


def object_nouns(tok: Token) -> tuple[str, ...]:
    """The nouns an object stands for in a verb + noun pattern: its lemma, and for a sum of
    money tagged as one ("$15 million", whose head is a number) the noun "money".

    >>> from kg import parse
    >>> doc = parse("Qatar transferred $15 million to Gaza.").doc
    >>> object_nouns(doc[4]), object_nouns(doc[6])
    (('million', 'money'), ('gaza',))
    """
    lemma = tok.lemma_.lower()
    return (lemma, AMOUNT_OF_MONEY) if tok.ent_type_ == "MONEY" and lemma != AMOUNT_OF_MONEY else (lemma,)


def prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> Iterator[Token]:
    """Objects of the given prepositions attached to a token (or its particle).

    Parameters
    ----------
    tok : Token
        The head the prepositions hang on.
    preps : tuple of str or frozenset of str
        The prepositions (lower case) to follow.

    Yields
    ------
    Token
        Each object, in the order of the token's children; for a particle among
        ``preps`` ("took over the town"), the token's direct objects.
    """
    for child in tok.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield pobj
        if child.dep_ == "prt" and child.lower_ in preps:
            for dobj in tok.children:
                if dobj.dep_ in OBJECT_DEPS:
                    yield dobj


def is_infinitive(tok: Token) -> bool:
    """Whether a verb has the infinitive marker "to" ("a plan to cede X").

    Parameters
    ----------
    tok : Token
        The verb.

    Returns
    -------
    bool
        ``True`` when an auxiliary "to" hangs on it.

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse("They plan to cede the islands.").doc
    >>> is_infinitive(doc[3]), is_infinitive(doc[1])
    (True, False)
    """
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def verb_lemma(tok: Token, known: "frozenset[str] | dict") -> str:
    """The lemma of a verb, mended where spaCy's lemmatizer cut an inflection wrong
    ("staged" -> "stag", "waging" -> "wag"): when the lemma is not among ``known``
    but a regular stem of the word is, that stem.

    Parameters
    ----------
    tok : Token
        The verb.
    known : frozenset of str or dict
        The lemmas the caller knows (a lexicon table).

    Returns
    -------
    str
        The lemma, or the known stem.

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse("Hamas staged rallies.").doc
    >>> verb_lemma(doc[1], frozenset({"stage"}))
    'stage'
    """
    lemma = tok.lemma_.lower()
    if lemma in known:
        return lemma
    w = tok.lower_
    stems: list[str] = []
    if w.endswith("ied"):
        stems.append(w[:-3] + "y")
    if w.endswith("ed"):
        stems += [w[:-1], w[:-2]] + ([w[:-3]] if len(w) > 4 and w[-3] == w[-4] else [])
    elif w.endswith("ing"):
        stems += [w[:-3] + "e", w[:-3]] + ([w[:-4]] if len(w) > 5 and w[-4] == w[-5] else [])
    elif w.endswith("s"):
        stems += [w[:-1], w[:-2]]
    return next((s for s in stems if s in known), lemma)
