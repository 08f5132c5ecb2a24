"""Who a token denotes: the actors of a mention, its conjuncts and the nouns that stand for one.

:func:`actors` is the one question every pattern asks of a token. A resolved
name denotes its actor; a noun that is no actor may still stand for one ("members
of X", "its fighters", "forces loyal to X", "the southern regional capital
Juba"); with ``via_modifiers`` a noun lends the actors that modify it ("the U.S.
withdrawal"). Each case is a small function in :data:`_ACTOR_CASES`, tried in
order.

Examples
--------
>>> from kg import parse
>>> rd = parse("Members of Hamas met Israeli officials.")
>>> [k for k, _, _ in actors(rd, rd.doc[0])]
['hamas']
>>> [k for k, _, _ in actors(rd, rd.doc[5])]
['israeli-government']
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..lexicon import Lexicon, load_lexicon
from ..resolve import ResolvedDoc
from ..resolve.participants import is_participant
from .syntax import MODIFIER_DEPS, prep_objects

__all__ = ["INERT", "Actor", "actor_type", "actors", "mention", "mention_head", "modifier_actors",
           "unconfirmed"]

#: An actor a token denotes: ``(entity key, token, confidence factor)``.
Actor = tuple[str, Token, float]
#: Kinds that never act.
INERT = frozenset({"Place", "Facility"})


def actor_type(rd: ResolvedDoc, key: str) -> str:
    """The kind of a resolved actor ("State", "ArmedGroup", "Place"...).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    key : str
        An entity key of it.

    Returns
    -------
    str
        The entity's type.

    Examples
    --------
    >>> from kg import parse
    >>> actor_type(parse("Iran condemned Israel."), "iran")
    'State'
    """
    return rd.entities[key].type


def actors(rd: ResolvedDoc, tok: Token | None, *, via_modifiers: bool = False,
           lex: Lexicon | None = None) -> list[Actor]:
    """The actors a token denotes: itself and its conjuncts.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document the token is in.
    tok : Token or None
        The token; ``None`` denotes no one.
    via_modifiers : bool
        Let a noun that is no actor lend its actor modifiers ("the U.S.
        withdrawal" -> the United States), its ``by`` agent and the like.
    lex : Lexicon, optional
        The lexicon (kg's own by default).

    Returns
    -------
    list of (str, Token, float)
        ``(entity key, token, confidence factor)`` triples, each key once.
        ``members of X`` acts as X.
    """
    if tok is None:
        return []
    lex = lex or load_lexicon()
    out: list[Actor] = []
    seen: set[str] = set()
    for t in (tok, *tok.conjuncts, *_listed(rd, tok)):
        for key, at, factor in _actor_of(rd, t, via_modifiers, lex):
            if key not in seen:
                seen.add(key)
                out.append((key, at, factor))
    return out


def _listed(rd: ResolvedDoc, tok: Token) -> tuple[Token, ...]:
    """"The UK, the Global Coalition and the Government of Iraq": a parser may make the
    second item an apposition of the first; an apposition with conjuncts of its own,
    each a different actor, is the rest of a list."""
    for child in tok.children:
        if child.dep_ == "appos" and child.conjuncts and rd.actor_at(tok) and rd.actor_at(child):
            items = (child, *child.conjuncts)
            keys = {rd.actor_at(t) for t in items}
            if None not in keys and rd.actor_at(tok) not in keys:
                return items
    return ()


def _actor_of(rd: ResolvedDoc, tok: Token, via_modifiers: bool, lex: Lexicon) -> list[Actor]:
    """The actors one token (no conjuncts) denotes: the first case of :data:`_ACTOR_CASES`
    that answers, else its modifiers' (with ``via_modifiers``), else no one."""
    for case in _ACTOR_CASES:
        found = case(rd, tok, lex)
        if found is not None:
            return found
    if via_modifiers:
        return _via_modifiers(rd, tok, lex)
    return []


def _scaled(found: list[Actor], by: float) -> list[Actor]:
    return [(k, t, f * by) for k, t, f in found]


def _people_from(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[Actor] | None:
    """"activists from the Awami League" act for it (not for a state, place or person)."""
    key = rd.actor_at(tok)
    if not (tok.lemma_.lower() in lex.word_set("rank_and_file")
            and (key is None or rd.entities[key].type == "Collective")):
        return None
    for pobj in prep_objects(tok, ("from",)):
        found = [(k, t, f * 0.9) for k, t, f in (actors(rd, pobj, lex=lex)
                                                 or actors(rd, pobj, via_modifiers=True, lex=lex))
                 if rd.entities[k].type not in {"State", "Place", "Facility", "Person", "Collective"}]
        if found:
            return found
    return None


def _named(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[Actor] | None:
    """A resolved mention: its actor and any the resolver also gave it (a coreferent
    mention is less sure)."""
    key = rd.actor_at(tok)
    if not key:
        return None
    factor = 0.85 if tok.i in rd.coreferent else 1.0
    return [(k, tok, factor) for k in (key, *rd.also.get(tok.i, ()))]


def _division_of_place(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[Actor] | None:
    """"the Essequibo region of Guyana" is Essequibo, in Guyana."""
    if tok.lemma_.lower() not in lex.word_set("place_division"):
        return None
    for mod in tok.lefts:
        if mod.dep_ in {"compound", "nmod"} and rd.actor_at(mod) and rd.entities[rd.actor_at(mod)].type == "Place":
            return [(rd.actor_at(mod), mod, 1.0)]
    return None


def _part_of_whole(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[Actor] | None:
    """"The Members of the Security Council": the actors of the first "of"."""
    part = _noun_lemma(tok)
    if part not in lex.word_set("part") and part not in lex.word_set("place_kind"):
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return _scaled(actors(rd, pobj, lex=lex), 0.95)
    return None


def _named_after(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[Actor] | None:
    """"the southern regional capital Juba": the name after the noun (but "the military
    regime, Zin Mar Aung, its foreign minister, said": no regime is a person)."""
    for child in tok.children:
        if child.dep_ in {"appos", "compound"} and child.i > tok.i and rd.actor_at(child):
            if (rd.entities[rd.actor_at(child)].type == "Person" and tok.is_lower
                    and tok.lemma_.lower() not in lex.word_set("person_role")):
                continue
            return [(rd.actor_at(child), child, 1.0)]
    return None


def _apposition_of_actor(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[Actor] | None:
    """"the PMF, an umbrella group comprising ...": the group is the PMF."""
    if tok.dep_ == "appos" and tok.head.i < tok.i and rd.actor_at(tok.head) and tok.pos_ == "NOUN":
        return _scaled(actors(rd, tok.head, lex=lex), 0.95)
    return None


def _loyal_to(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[Actor] | None:
    """"forces loyal to Haftar", "militants loyal to the Islamic State"."""
    lemma = tok.lemma_.lower()
    if lemma not in lex.word_set("rank_and_file") and lemma not in lex.word_set("armed_men"):
        return None
    for adj in tok.children:
        if adj.dep_ == "amod" and adj.lower_ in lex.word_set("loyal") and adj.i > tok.i:
            for pobj in prep_objects(adj, ("to", "with")):
                return _scaled(actors(rd, pobj, lex=lex), 0.9)
    return None


def _whose_people(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[Actor] | None:
    """"its fighters", "the group's members", "a Hamas commander"."""
    if tok.lemma_.lower() not in lex.word_set("rank_and_file"):
        return None
    for poss in tok.children:
        if poss.dep_ in {"poss", "compound"} and poss.i < tok.i and rd.actor_at(poss):
            return _scaled(actors(rd, poss, lex=lex), 0.95)
    return None


def _body_of_people(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[Actor] | None:
    """"a group of gunmen": the people "of" the body; "a delegation from Hamas": whom it comes from."""
    if rd.actor_at(tok) or tok.lemma_.lower() not in lex.word_set("body_of_people"):
        return None
    for pobj in prep_objects(tok, ("of", "from")):
        found = [a for a in actors(rd, pobj, lex=lex)
                 if pobj.head.lower_ == "of" or rd.entities[a[0]].type not in {"Place", "Facility"}]
        if found:
            return _scaled(found, 0.95)
    return None


#: The ways a single token denotes actors, tried in order: the first that answers (even
#: with no one) decides.
_ACTOR_CASES: tuple[Callable[[ResolvedDoc, Token, Lexicon], "list[Actor] | None"], ...] = (
    _people_from, _named, _division_of_place, _part_of_whole, _named_after, _apposition_of_actor,
    _loyal_to, _whose_people, _body_of_people,
)


def _via_modifiers(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[Actor]:
    """The actors a noun that is no actor lends: its actor modifiers, a ``by`` agent, and the
    "of" of a noun of an act, a removal or a thing owned, the "from" of a request."""
    lemma = tok.lemma_.lower()
    of_names_agent = lex.word_set("stance") | lex.word_set("removal") | lex.word_set("owned")
    found = []
    for mod, factor in modifier_actors(rd, tok, lex):
        found.append((rd.actor_at(mod), mod, 0.8 * factor))
    rights = list(tok.rights)
    # "a demonstration staged by X": the agent of a participle on the noun
    between = min((c.i for c in tok.rights if c.dep_ == "prep" and c.lower_ in {"between", "among"}),
                  default=len(tok.doc))  # "the agreement between X, led by Y, and Z": Y leads X
    rights += [a for c in tok.rights if c.dep_ == "acl" and c.tag_ == "VBN" and c.i < between
               for a in c.children if a.dep_ == "agent"]
    for prep in rights:  # "the crimes by Croatian extremists", "an appeal from X"
        if prep.dep_ in {"prep", "agent"} and (
                prep.lower_ == "by" or (prep.lower_ == "of" and lemma in of_names_agent)
                or (prep.lower_ == "from" and lemma in lex.word_set("request"))):
            # "the decision of Iraqi President Fuad Masum": whose decision
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found.extend((k, t, f * 0.8) for k, t, f in actors(rd, pobj, lex=lex))
    return found[:2]


def _noun_lemma(tok: Token) -> str:
    """A noun's lemma, also when the tagger took a capitalised plural for a name ("Members")."""
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNPS" and lemma.endswith("s") and tok.text[1:].islower():
        return lemma[:-1]
    return lemma


def modifier_actors(rd: ResolvedDoc, tok: Token, lex: Lexicon | None = None) -> list[tuple[Token, float]]:
    """Modifiers of a noun that are actors, also one compound down.

    "Israeli strikes", "the Turkish drone strike" (also when Turkish modifies "drone"). Not for a
    noun that names the actor's rival, a part of its land or a pact with another
    ("Chinese rivals", "Mexico's northern border", "the Iran deal").

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    tok : Token
        The noun.
    lex : Lexicon, optional
        The lexicon (kg's own by default).

    Returns
    -------
    list of (Token, float)
        Each modifier token with a confidence factor (0.9 one compound down).

    Examples
    --------
    >>> from kg import parse
    >>> rd = parse("The Turkish drone strike hit Kobani.")
    >>> [(t.text, f) for t, f in modifier_actors(rd, rd.doc[3])]
    [('Turkish', 1.0)]
    >>> rd = parse("The UN Board's summary was published.")
    >>> [(t.text, f) for t, f in modifier_actors(rd, rd.doc[4])]
    [('UN', 0.9)]
    """
    lex = lex or load_lexicon()
    lemma = tok.lemma_.lower()
    if lemma in lex.word_set("rival") or lemma in lex.word_set("land") or lemma in lex.word_set("pact"):
        return []
    out = []
    for mod in tok.lefts:
        if mod.dep_ not in MODIFIER_DEPS:
            continue
        if rd.actor_at(mod):
            out.append((mod, 1.0))
        elif mod.dep_ in {"compound", "poss"}:  # "the Turkish drone strike", "the UN Board's summary"
            out += [(m, 0.9) for m in mod.lefts if m.dep_ in {"amod", "compound", "nmod"} and rd.actor_at(m)]
        elif mod.dep_ == "amod" and mod.lower_ in lex.word_set("leading") and mod.i >= 2 and tok.doc[mod.i - 1].text == "-":
            # "Saudi-led airstrikes": the leader's act ("Iran-backed attacks" are its proxies')
            leader = tok.doc[mod.i - 2]
            out += [(leader, 0.9)] if rd.actor_at(leader) else []
    return out


def mention(rd: ResolvedDoc, tok: Token) -> tuple[int, int]:
    """The token bounds ``(start, end)`` of the mention a token belongs to, within its sentence.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    tok : Token
        A token of the mention.

    Returns
    -------
    tuple of (int, int)
        The first token's index and the index after the last.

    Examples
    --------
    >>> from kg import parse
    >>> rd = parse("Hezbollah leader Hassan Nasrallah spoke.")
    >>> mention(rd, rd.doc[3])
    (2, 4)
    """
    key = rd.actor_at(tok)
    sent = tok.sent
    start, end = tok.i, tok.i + 1
    while start > sent.start and rd.actor_at(tok.doc[start - 1]) == key:
        start -= 1
    while end < sent.end and rd.actor_at(tok.doc[end]) == key:
        end += 1
    return start, end


def unconfirmed(rd: ResolvedDoc, key: str, tok: Token, lex: Lexicon) -> bool:
    """Whether a hedge before an actor's mention calls it unconfirmed ("suspected Hamas
    militants"): not when the hedge is in an unnamed actor's own label ("an unidentified
    gunman" is known to have acted; who he is is not).

    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> rd = parse("An unidentified gunman shot suspected Hamas militants.")
    >>> unconfirmed(rd, rd.actor_at(rd.doc[2]), rd.doc[2], load_lexicon())
    False
    >>> unconfirmed(rd, "hamas", rd.doc[6], load_lexicon())
    True
    """
    words = {t.lower_ for t in tok.subtree if t.lower_ in lex.hedges and t.i < tok.i}
    if not words:
        return False
    entity = rd.entities.get(key)
    own = set(entity.label.lower().split()) if entity is not None and is_participant(entity, rd.document.id) else set()
    return not words <= own


def mention_head(rd: ResolvedDoc, tok: Token, key: str) -> Token:
    """The highest token of a mention of ``key`` above ``tok`` in the parse tree.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    tok : Token
        A token of the mention.
    key : str
        The actor it denotes.

    Returns
    -------
    Token
        The head.

    Examples
    --------
    >>> from kg import parse
    >>> rd = parse("Hezbollah leader Hassan Nasrallah spoke.")
    >>> mention_head(rd, rd.doc[2], "hassan-nasrallah").text
    'Nasrallah'
    """
    t = tok
    while t.head.i != t.i and rd.actor_at(t.head) == key:
        t = t.head
    return t
