"""Who did what a passive verb states: its ``by`` agent, also where the parser hangs the
``by`` phrase on the object of one of the verb's prepositions, or who did it "at the hands of".

Examples
--------
>>> from kg import parse
>>> doc = parse("Okonjo was charged with fraud by state prosecutors.").doc
>>> agent_of(doc[2]).text
'prosecutors'
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import Lexicon, load_lexicon
from .syntax import prep_objects

__all__ = ["agent_of", "at_the_hands_of"]


def agent_of(verb: Token, lex: Lexicon | None = None) -> Token | None:
    """The ``by`` agent of a passive verb, or who it was done "at the hands of".

    Parameters
    ----------
    verb : Token
        The (passive) verb.
    lex : Lexicon, optional
        The lexicon (kg's own by default).

    Returns
    -------
    Token or None
        The agent's token.

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse("Civilians were killed at the hands of the RSF.").doc
    >>> agent_of(doc[2]).text
    'RSF'
    """
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return (at_the_hands_of(verb, lex) or _agent_in_prep_object(verb) or _owner_of_attack(verb, lex)
            or _attacker_when(verb, lex or load_lexicon()))


#: Prepositions whose object is part of the act itself ("charged with fraud", "killed in Kabul").
_SAME_ACT_PREPS = frozenset({"with", "in", "at", "near", "on", "inside", "outside"})


def _agent_in_prep_object(verb: Token) -> Token | None:
    """A ``by`` phrase the parser hung on the object of one of the verb's prepositions
    ("was charged with fraud by prosecutors", "was killed in Kabul by gunmen"): the
    passive verb's agent."""
    if not any(c.dep_ == "auxpass" for c in verb.children) and verb.tag_ != "VBN":
        return None
    for prep in verb.children:  # not "liberated after its occupation by X": another act's agent
        if prep.dep_ != "prep" or prep.lower_ not in _SAME_ACT_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for by in pobj.children:
                if by.dep_ in {"prep", "agent"} and by.lower_ == "by":
                    return next((c for c in by.children if c.dep_ == "pobj"), None)
    return None


def _owner_of_attack(verb: Token, lex: Lexicon | None) -> Token | None:
    """Whose attack a passive act was done in: "a journalist was killed in a Russian missile
    strike", "two soldiers were wounded in a Taliban ambush" (the attack noun's named modifier)."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    lex = lex or load_lexicon()
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "during"}:
            continue
        for act in prep.children:
            trig = lex.nouns.get(act.lemma_.lower())
            if act.dep_ != "pobj" or trig is None or trig.event != "Attack":
                continue
            named = [c for c in act.children if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i < act.i
                     and (c.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"} or c.pos_ == "PROPN")]
            if named:
                return named[0]
    return None


#: Relations of force: one hurt or held when another used force against people did it.
_FORCE = frozenset({"targeted", "coerced"})


def _forceful(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb is an act of force by kg's own rows ("shot", "arrested"), or one with an
    attack noun for object ("opened fire")."""
    if any(t.origin == "verbs.tsv" and t.predicate in _FORCE for t in lex.verbs.get(verb.lemma_.lower(), ())):
        return True
    return any(c.dep_ == "dobj" and getattr(lex.nouns.get(c.lemma_.lower()), "predicate", None) == "targeted"
               for c in verb.children)


def _attacker_when(verb: Token, lex: Lexicon) -> Token | None:
    """Who used force in a "when" clause on a passive act of force with no agent of its own:
    "a teenager was killed when police opened fire on protesters", "he was arrested when
    soldiers raided the house"."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or not _forceful(verb, lex):
        return None
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(m.dep_ == "advmod" and m.lower_ == "when" for m in clause.children) \
                and clause.pos_ == "VERB" and _forceful(clause, lex):
            return next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return None


def at_the_hands_of(tok: Token, lex: Lexicon | None = None) -> Token | None:
    """X in "... at the hands of X" attached to ``tok``: who did it.

    Parameters
    ----------
    tok : Token
        The head "at" hangs on.
    lex : Lexicon, optional
        The lexicon (kg's own by default; its ``hands`` words).

    Returns
    -------
    Token or None
        The object of "of" after the hands.

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse("The Rohingya suffered at the hands of the military.").doc
    >>> at_the_hands_of(doc[2]).text
    'military'
    """
    for at in tok.children:
        if at.dep_ == "prep" and at.lower_ == "at":
            for hands in at.children:
                if hands.dep_ == "pobj" and hands.lower_ in (lex or load_lexicon()).word_set("hands"):
                    return next(prep_objects(hands, ("of",)), None)
    return None
