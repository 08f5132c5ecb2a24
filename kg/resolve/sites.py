"""Unnamed sites: the hotel, hospital, village or ship an attack hits.

"Gunmen stormed a hotel", "the RSF shelled the main hospital", "Houthi rebels
attacked a ship": the target has no name, yet it is what the sentence is about.
A resolution pass, run after the unnamed participants: a noun of a kind of site
(``lexicon/sites.tsv``: ``hotel`` Facility, ``village`` Place, ``tanker`` Vehicle)
that is the object of a clause (its direct object, the subject of a passive, or
the object of ``on``, ``at``, ``against``, ``into`` or ``toward``: "fired on a
checkpoint", "the attack on a school") becomes an entity of that class. Its key
is scoped to the document and the sentence that introduces it, like an unnamed
participant's (:func:`~kg.resolve.participants.is_participant` knows it), and a
definite mention later ("the hotel") refers back to it.

A site that belongs to an actor the text names is that actor's, not a new one
("the U.S. embassy", "a Saudi tanker", "Hamas's headquarters", "ISIL-held
buildings"), and one with a name before it is that name's ("the Jenin refugee
camp", "a Kabul hotel"): what is done to it stays done to the named actor or place.
A site named right after it is the name ("the tanker Marlin Luanda", "the town of
Paletwa"). Only one site counts: plural nouns ("destroyed vehicles, bridges and
fortifications") are the routine of strike reports, not a target worth a node. What a site may take part in
is decided by extraction (:mod:`kg.extract.sites`): attacks, raids and seizures;
a site that takes part in none is dropped with the idle participants.

Examples
--------
>>> from kg import parse
>>> rd = parse("The RSF shelled the main hospital in Wad Madani. The hospital was empty.")
>>> sorted((e.label, e.type) for e in rd.entities.values() if e.type == "Facility")
[('main hospital', 'Facility')]
>>> rd.token_actor[4] == rd.token_actor[11]
True
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import Lexicon
from ..model import Entity
from ..names import slugify
from .participants import act_of_force, label_of, scope_of
from .state import Resolution

__all__ = ["unnamed_sites"]

#: Where a site is hit: a direct object, a passive subject, a conjunct of one.
_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass"})
#: Prepositions whose object is what an act hits ("fired on", "the attack at", "slammed into").
_HIT_PREPS = frozenset({"on", "at", "against", "into", "toward", "towards", "upon"})


def _is_hit(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun stands where an act's object stands, or where a bomb went off."""
    exploding = lex.word_set("exploding")
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "a school and a hospital"
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":  # "the shelling of a hospital"
        return act_of_force(tok.head.head, lex)
    if tok.dep_ == "pobj":
        verb = tok.head.head
        if verb.lemma_.lower() in exploding or any(  # "a bomb exploded in a market"
                f"{verb.lemma_.lower()} {c.lower_}" in exploding for c in verb.children if c.dep_ == "prt"):
            return tok.head.lower_ in _HIT_PREPS | {"in", "near", "outside", "inside"}
        return tok.head.lower_ in _HIT_PREPS
    return tok.dep_ in _OBJECT_DEPS


def _owned_or_named(st: Resolution, tok: Token) -> bool:
    """Whether an actor the text names owns the site ("the U.S. embassy", "its
    headquarters") or names it ("the tanker Marlin Luanda", "the town of Paletwa")."""
    rd = st.rd
    for left in tok.lefts:  # "the U.S. embassy", "ISIL-held buildings", "the Galaxy Leader cargo ship"
        if left.dep_ == "poss" or any(rd.token_actor.get(t.i) is not None or t.pos_ == "PROPN"
                                      for t in left.subtree):
            return True
    for child in tok.rights:
        if child.dep_ in {"appos", "npadvmod"} and rd.token_actor.get(child.i) is not None:
            return True
    for prep in tok.children:  # "the town of Paletwa"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            if any(rd.token_actor.get(p.i) is not None for p in prep.children if p.dep_ == "pobj"):
                return True
    return tok.i + 1 < len(tok.doc) and rd.token_actor.get(tok.i + 1) is not None  # "the tanker Marlin"


def unnamed_sites(st: Resolution) -> None:
    """Make entities of the unnamed sites a clause acts on (see the module docstring)."""
    rd, sites = st.rd, st.lex.sites
    last: dict[str, str] = {}  # noun lemma -> key of its last site in the document
    scope = scope_of(rd.document.id)
    for sent_no, sent in enumerate(rd.doc.sents):
        for tok in sent:
            lemma = tok.lemma_.lower()
            kind = sites.get(lemma) or sites.get(tok.lower_)
            if kind is None or tok.tag_ != "NN" or tok.i in rd.token_actor:
                continue
            definite = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children)
            if definite and lemma in last and not any(c.dep_ in {"amod", "compound"} for c in tok.lefts):
                rd.token_actor[tok.i] = last[lemma]
                rd.coreferent.add(tok.i)
                continue
            if not _is_hit(tok, st.lex) or _owned_or_named(st, tok):
                continue
            span, label = label_of(tok, st.lex)
            last[lemma] = st.add(Entity(f"{slugify(label)}-{scope}-{sent_no}", label, kind), span)
