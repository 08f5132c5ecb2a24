"""The other sides of an act: partners who do it with the subject, the group it is done as
part of, the one supported, the foes of a fight, whom a protest wants removed.

Examples
--------
>>> from kg import parse
>>> rd = parse("Kurdish fighters, together with U.S. forces, attacked ISIS.")
>>> [k for k, _, _ in partners_of(rd, rd.doc[8], rd.doc[1])]
['us-forces']
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import Lexicon, load_lexicon
from ..resolve import ResolvedDoc
from .actors import Actor, actors
from .syntax import OBJECT_DEPS, prep_objects

__all__ = ["JOINT_PREDICATES", "acting_as_part_of", "fight_foes", "fight_in", "partners_of",
           "removal_demanded", "singled_out_against", "supported_party"]

#: Acts against a third party that actors named together do together.
JOINT_PREDICATES = frozenset({"targeted", "inConflictWith", "mobilizedAgainst", "coerced", "sanctioned"})


def partners_of(rd: ResolvedDoc, verb: Token, subj: Token | None,
                lex: Lexicon | None = None) -> list[Actor]:
    """Actors that do the act with its subject.

    "Kurdish fighters, together with U.S. forces, attacked ISIS", "Iraqi troops,
    alongside the PMF, retook the town", "in coordination with X", "Poland joined
    Germany in condemning Russia".

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    verb : Token
        The act.
    subj : Token or None
        Its subject, where partners may hang too.
    lex : Lexicon, optional
        The lexicon (kg's own by default).

    Returns
    -------
    list of (str, Token, float)
        The partners' actors.
    """
    lex = lex or load_lexicon()
    found = []
    if verb.dep_ == "pcomp" and verb.head.lower_ == "in" and verb.head.head.lemma_.lower() in lex.word_set("joining"):
        # "Poland joined Germany in condemning Russia": the one joined does it too
        found += [a for o in verb.head.head.children if o.dep_ in OBJECT_DEPS for a in actors(rd, o, lex=lex)]
    for head in (verb, subj):
        if head is None:
            continue
        for child in head.children:
            for w in _withs(child, lex):
                for pobj in w.children:
                    if pobj.dep_ == "pobj":
                        found += [(k, t, f * 0.9) for k, t, f in actors(rd, pobj, lex=lex)]
    return found


def _withs(child: Token, lex: Lexicon) -> list[Token]:
    """The "with" (or "alongside") phrases naming partners under one child of the act."""
    together, coordination = lex.word_set("together"), lex.word_set("coordination")
    low = child.lower_
    if low in together:
        return [c for c in child.children if c.dep_ == "prep" and c.lower_ == "with"]
    if child.dep_ == "prep" and low == "with" and any(c.lower_ in together for c in child.children):
        return [child]  # "together" hung on the "with" it modifies
    if child.dep_ == "prep" and low == "alongside":
        return [child]
    if child.dep_ == "prep" and low == "in":  # "in coordination with X"
        return [w for n in child.children if n.dep_ == "pobj" and n.lower_ in coordination
                for w in n.children if w.dep_ == "prep" and w.lower_ == "with"]
    return []


def acting_as_part_of(rd: ResolvedDoc, verb: Token, lex: Lexicon | None = None) -> list[Actor]:
    """The group an act is done "as part of".

    "Chad is working as part of the Multinational Joint Task Force to defeat Boko
    Haram" is the task force's act too (also from the clause the act is the purpose
    of). A state or a person is no such group.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    verb : Token
        The act.
    lex : Lexicon, optional
        The lexicon (kg's own by default).

    Returns
    -------
    list of (str, Token, float)
        The groups, on the act's clauses or on their subject.

    Examples
    --------
    >>> from kg import parse
    >>> rd = parse("Britain, as part of NATO, deployed troops to Estonia.")
    >>> [k for k, _, _ in acting_as_part_of(rd, rd.doc[7])]
    ['nato']
    """
    lex = lex or load_lexicon()
    found = []
    t = verb
    heads = []
    for _ in range(6):
        heads.append(t)
        # "X, as part of the coalition, is committed to continuing to provide ...": up the
        # open complements to the clause that says it
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.pos_ in {"ADJ", "VERB"}:
            t = t.head.head
            continue
        if t.dep_ not in {"xcomp", "advcl", "conj", "acomp"} or t.head.i == t.i:
            break
        t = t.head
    subj = next((c for c in heads[-1].children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    for h in heads + ([subj] if subj is not None else []):  # "Britain, as part of NATO, ...": on the subject
        for child in h.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                for part in child.children:
                    if part.dep_ == "pobj" and part.lower_ in lex.word_set("as_part"):
                        found += [(k, a, f * 0.8) for p in prep_objects(part, ("of",))
                                  for k, a, f in actors(rd, p, lex=lex)
                                  if rd.entities[k].type not in {"State", "Person", "Place", "Facility"}]
    return found


def supported_party(noun: Token, lex: Lexicon | None = None) -> Token | None:
    """The one supported in whose effort a noun is: "support for X in the fight
    against Y", "backs X in the war with Y" -> X.

    Parameters
    ----------
    noun : Token
        The noun of the effort ("fight", "war").
    lex : Lexicon, optional
        The lexicon (kg's own by default).

    Returns
    -------
    Token or None
        The supported party's token.

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse("Turkey pledged support for Somalia in the war against al-Shabaab.").doc
    >>> supported_party(doc[7]).text
    'Somalia'
    """
    support = (lex or load_lexicon()).word_set("support")
    tok = noun
    for _ in range(4):
        if tok.dep_ != "pobj" or tok.head.lower_ not in {"in", "during"}:
            return None
        head = tok.head.head
        if head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() not in support:
            # "restated Turkish support for Somalia in the war against al-Shabaab": the support is the object
            head = next((c for c in head.children if c.dep_ in OBJECT_DEPS
                         and c.lemma_.lower() in support), head)
        if head.lemma_.lower() in support:
            if head.pos_ in {"VERB", "AUX"}:
                for child in head.children:
                    if child.dep_ in OBJECT_DEPS:
                        return child
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "to"}:
                    return next((p for p in prep.children if p.dep_ == "pobj"), None)
            return None
        if head.pos_ in {"NOUN", "PROPN"} and head.dep_ in {"pobj", "conj"}:
            # "support for the army and people of Ukraine in their war": up to the supported noun
            while head.dep_ == "conj":
                head = head.head
            prep = head.head
            if prep.dep_ == "prep" and prep.head.lemma_.lower() in support:
                return head
        return None
    return None


def removal_demanded(rd: ResolvedDoc, tok: Token, lex: Lexicon | None = None) -> list[Actor]:
    """Whom a protest wants gone: "rallied calling for the resignation of X", "a protest
    demanding the ouster of X" (a participle of demanding on the protest, with a noun of removal).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    tok : Token
        The protest (a verb or a noun).
    lex : Lexicon, optional
        The lexicon (kg's own by default).

    Returns
    -------
    list of (str, Token, float)
        The actors of the "of" of each noun of removal demanded.

    Examples
    --------
    >>> from kg import parse
    >>> rd = parse("Thousands rallied in Belgrade calling for the resignation of Aleksandar Vucic.")
    >>> [k for k, _, _ in removal_demanded(rd, rd.doc[1])]
    ['aleksandar-vucic']
    """
    lex = lex or load_lexicon()
    out = []
    for verb in tok.children:
        if verb.dep_ not in {"acl", "advcl", "xcomp"} or verb.lemma_.lower() not in lex.word_set("calling"):
            continue
        nouns = [c for c in verb.children if c.dep_ in OBJECT_DEPS] + list(prep_objects(verb, ("for",)))
        for noun in nouns:
            if noun.lemma_.lower() in lex.word_set("removal"):
                out += [(k, t, f * 0.8) for p in prep_objects(noun, ("of",)) for k, t, f in actors(rd, p, lex=lex)]
    return out


def fight_foes(pobj: Token, lex: Lexicon | None = None) -> Iterator[Token]:
    """The foes named by a fight that support is given "in": "in their fight against al-Shabaab",
    "in their struggle against extremism, in particular against Boko Haram".

    Parameters
    ----------
    pobj : Token
        The object of "in".
    lex : Lexicon, optional
        The lexicon (kg's own by default).

    Yields
    ------
    Token
        The objects of its "against" and of one singled out after it.

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse("Britain backs the government in their fight against ISIL, in particular against its leaders.").doc
    >>> [t.text for t in fight_foes(doc[6])]
    ['ISIL', 'leaders']
    """
    lex = lex or load_lexicon()
    if pobj.dep_ == "pobj" and pobj.head.lower_ == "in" and pobj.lemma_.lower() in lex.word_set("campaign"):
        yield from prep_objects(pobj, ("against",))
        yield from singled_out_against(pobj, lex)


def singled_out_against(tok: Token, lex: Lexicon | None = None) -> Iterator[Token]:
    """The objects of an "against" that singles one foe out right after the phrase of ``tok``,
    wherever the parser hung it: "..., in particular against ISIL", "..., especially against X".

    Parameters
    ----------
    tok : Token
        The head of the phrase the "against" follows.
    lex : Lexicon, optional
        The lexicon (kg's own by default).

    Yields
    ------
    Token
        The objects of that "against".

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse("Britain backs the government in their fight against ISIL, in particular against its leaders.").doc
    >>> [t.text for t in singled_out_against(doc[6])]
    ['leaders']
    """
    singling = (lex or load_lexicon()).word_set("singling_out")
    doc = tok.doc
    i = tok.right_edge.i + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i + 1 < len(doc) and f"{doc[i].lower_} {doc[i + 1].lower_}" in singling:
        i += 2  # "in particular"
    elif i < len(doc) and doc[i].lower_ in singling:
        i += 1
    else:
        return
    if i < len(doc) and doc[i].lower_ == "against":
        yield from (c for c in doc[i].children if c.dep_ == "pobj")


def fight_in(tok: Token, lex: Lexicon | None = None) -> Iterator[Token]:
    """The foes of a fight a phrase of support is given "in", under ``tok`` or right after
    it where the parser hung it higher up: "its support of the government and the people in
    their fight against ISIL".

    Parameters
    ----------
    tok : Token
        The phrase of support.
    lex : Lexicon, optional
        The lexicon (kg's own by default).

    Yields
    ------
    Token
        The foes (:func:`fight_foes`) of each fight in or right after it.

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse("Britain backs the government in their fight against ISIL.").doc
    >>> [t.text for t in fight_in(doc[1])]
    ['ISIL']
    """
    after = tok.right_edge.i + 1
    nxt = [tok.doc[after]] if after < len(tok.doc) and tok.doc[after].lower_ == "in" else []
    for t in [*tok.subtree, *(c for n in nxt for c in n.children)]:
        yield from fight_foes(t, lex)
