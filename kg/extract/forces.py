"""What military forces belong to: the units of a chain of unit names, members "from" or
"assigned to" a unit, and a warship's state.

- "2nd Battalion, 5th Special Forces Group" (a chain of unit names, smaller first), "jets
  from the 48th Fighter Wing", "X was assigned to the 1st Brigade", "X served with the 101st
  Airborne Division" -> ``partOf`` (unit head words and ranks: ``ontology/lexicon/units.tsv``)
- "the U.S. destroyer USS Carney" -> ``partOf`` the state (``ontology/lexicon/vessels.tsv``)

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> rd = parse("Sgt. John Smith was assigned to the 1st Armored Division.")
>>> [r.triple for r in assigned(rd, next(rd.doc.sents), rd.doc[4], "assign", load_lexicon())]
[('john-smith', 'partOf', '1st-armored-division')]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from .actors import Actor, actor_type, actors, mention
from .clauses import clause_truth, subject_of
from .membership import LIST_DEPS
from .part_of import GROUPS, NOT_MEMBERS, emit_pairs, group_actors, member_actors
from .records import relation
from .syntax import OBJECT_DEPS, prep_objects

__all__ = ["assigned", "unit_relations", "vessel"]

#: Prepositions naming the unit one is assigned to or serves with.
_ASSIGN_PREPS = frozenset({"to", "with"})


_SERVE_PREPS = frozenset({"with", "in"})


#: What may be a member of a military unit: not a state, a place or a crowd.
_NOT_UNIT_MEMBERS = NOT_MEMBERS | {"State"}


def unit_relations(rd: ResolvedDoc, sent: Span, lex: Lexicon) -> Iterator[Relation]:
    """partOf between military units and what belongs to them: "2nd Battalion, 5th Special
    Forces Group", "F-16s from the 158th Fighter Wing", "troops deployed from the 3rd Brigade".

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    lex : Lexicon
        The lexicon (its unit words and ranks).

    Yields
    ------
    Relation
        ``partOf`` from each smaller unit of a chain to the next, and from each member
        "from" a unit to it.
    """
    doc = rd.doc
    for tok in sent:
        if tok.lower_ == "from" and tok.dep_ == "prep":
            yield from _from_unit(rd, sent, tok, lex)
            continue
        key = rd.actor_at(tok)
        # the last word of a mention, then a comma, then another actor: maybe a chain of units
        if (key is None or tok.i + 2 >= sent.end or doc[tok.i + 1].text != ","
                or rd.actor_at(doc[tok.i + 1]) == key):
            continue
        nxt = rd.actor_at(doc[tok.i + 2])
        if nxt is not None and nxt != key:
            yield from _unit_chain(rd, sent, tok, lex)


def _unit(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> tuple[bool, int | None]:
    """Whether the mention at a token names a military unit, and its rank.

    Its last word (or the one before a designator: "Company A", "Task Force Iron") is a unit
    word: "2nd Battalion", "Vermont Air National Guard", "Royal Air Force".
    """
    start, end = mention(rd, tok)
    doc = tok.doc
    for i in range(end - 1, max(start, end - 2) - 1, -1):
        if i > start:
            two = f"{doc[i - 1].lower_} {doc[i].lower_}"
            if two in lex.units:
                return True, lex.units[two]
        if doc[i].lower_ in lex.units:
            return True, lex.units[doc[i].lower_]
    return False, None


def _unit_group(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> tuple[bool, int | None]:
    """Whether an actor is a unit or an established armed force one can belong to, and its rank."""
    etype = actor_type(rd, rd.actor_at(tok))
    if etype not in GROUPS:
        return False, None
    is_unit, rank = _unit(rd, tok, lex)
    return is_unit or etype == "MilitaryForce", rank


def _unit_member(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> tuple[bool, int | None]:
    """Whether an actor may belong to a unit, and its rank: a person, a unit, an aircraft or
    a ship; not a state, a place, or forces named by a common noun ("Ukrainian forces")."""
    etype = actor_type(rd, rd.actor_at(tok))
    if etype in _NOT_UNIT_MEMBERS:
        return False, None
    is_unit, rank = _unit(rd, tok, lex)
    if is_unit or etype == "Person":
        return True, rank
    start, end = mention(rd, tok)
    head = tok.doc[end - 1]
    return head.lower_ not in lex.actor_nouns and head.lemma_.lower() not in lex.actor_nouns, None


def _ranks_up(low: int | None, high: int | None) -> bool:
    """Whether a unit of one rank may be part of a unit of another (unranked: yes)."""
    return low is None or high is None or low < high


def _unit_chain(rd: ResolvedDoc, sent, tok: Token, lex: Lexicon) -> Iterator[Relation]:
    """"Abel Battery, 3rd Battalion, 321st Field Artillery Regiment": each unit of a chain of
    unit names joined by commas is part of the next, larger one. A list ("the 1st, 2nd and 3rd
    Battalion", "1st Battalion, 2nd Battalion and 3rd Battalion") or a place after a unit
    ("5th Special Forces Group, Fort Campbell") states nothing."""
    doc = tok.doc
    small = doc[mention(rd, tok)[0]:tok.i + 1].root
    big_start = tok.i + 2
    big = doc[big_start:mention(rd, doc[big_start])[1]].root
    # the parser hangs the larger name on the smaller one, or may split them ("2nd Battalion,
    # 75th Ranger Regiment conducted ...": two subjects): then the chain is less sure
    linked = big.head.i == small.i or small.head.i == big.i
    if any(c.dep_ == "cc" for c in (*small.children, *big.children)) or _ends_a_list(rd, big):
        return  # "1st Battalion, 2nd Battalion and 3rd Battalion", "A, B, and C": a list
    is_small, low = _unit(rd, small, lex)
    stype = actor_type(rd, rd.actor_at(small))
    if stype in _NOT_UNIT_MEMBERS:
        return
    if not is_small and not (stype == "Person" and big.dep_ in LIST_DEPS and big.head.i == small.i):
        return  # "Maj. Lisa Grant, 2nd Battalion, ...": a person named with her unit
    is_big, high = _unit_group(rd, big, lex)
    if not is_big or not _ranks_up(low, high):
        return
    member = (rd.actor_at(small), small, 1.0)
    group = (rd.actor_at(big), big, 1.0)
    yield from emit_pairs(rd, sent, [member], [group], "unit-chain", big, 0.85 if linked else 0.7)


def _ends_a_list(rd: ResolvedDoc, tok: Token) -> bool:
    """Whether the run of actors joined by commas that goes on from a token ends in "and" or
    "or" ("A, B, C and D", "A, B, and C"): a list, not a chain of names."""
    doc, end = tok.doc, mention(rd, tok)[1]
    sent_end = tok.sent.end
    for _ in range(8):
        nxt = doc[end:min(end + 2, sent_end)]
        if any(t.dep_ == "cc" or t.lower_ in {"and", "or", "&"} for t in nxt):
            return True
        if len(nxt) < 2 or nxt[0].text != "," or rd.actor_at(nxt[1]) is None:
            return False
        end = mention(rd, nxt[1])[1]
    return False


def _from_unit(rd: ResolvedDoc, sent, prep: Token, lex: Lexicon) -> Iterator[Relation]:
    """"F-16s from the Vermont Air National Guard", "Sgt. X, from the 1st Armored Division, was
    wounded", "jets deployed from the 48th Fighter Wing": a member "from" a unit (never "from
    Iraq", never "withdrew from", a movement's origin)."""
    head = prep.head
    doc = prep.doc
    clause = None
    if rd.actor_at(head) is not None:
        member_toks = [head]
    elif prep.i >= 2 and doc[prep.i - 1].text == "," and rd.actor_at(doc[prep.i - 2]) is not None:
        before = doc[prep.i - 2]
        subj, _ = subject_of(head) if head.pos_ in {"VERB", "AUX"} else (None, False)
        if subj is None or rd.actor_at(subj) != rd.actor_at(before):
            return
        member_toks = [subj]  # "Sgt. X, from the 4th Infantry Division, was wounded"
    elif head.pos_ == "VERB" and head.lemma_.lower() in lex.deploying:
        clause = head
        if head.dep_ == "acl":  # "airmen deployed from the 158th Fighter Wing"
            member_toks = [head.head]
        else:
            subj, passive = subject_of(head)  # "jets were sent from X", "the US sent jets from X"
            member_toks = [subj] if passive else [c for c in head.children if c.dep_ in OBJECT_DEPS]
    else:
        return
    yield from _unit_pairs(rd, sent, member_toks, [o for o in prep.children if o.dep_ == "pobj"],
                           clause, "from-unit", prep, lex)


def assigned(rd: ResolvedDoc, sent: Span, verb: Token, kind: str, lex: Lexicon) -> Iterator[Relation]:
    """"X was assigned to 2nd Battalion", "X, attached to the 1st Brigade", "X served with the
    101st Airborne Division": a person or unit put in a unit.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    verb : Token
        The verb.
    kind : str
        Its kind in ``membership.tsv`` (``"assign"`` or ``"serve"``).
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``partOf`` from the one assigned to each unit.
    """
    if kind == "assign":
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "Sgt. X, assigned to the 1st Brigade"
            member = verb.head
        else:
            member, passive = subject_of(verb)
            if not passive:
                return  # "the army assigned tanks to the brigade": the object is assigned
            if member is not None and member.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
                member = verb.head  # "Sgt. X, who was assigned to the 1st Brigade"
        preps = _ASSIGN_PREPS
    else:
        member, passive = subject_of(verb)
        if passive:
            return
        preps = _SERVE_PREPS
    yield from _unit_pairs(rd, sent, [member], list(prep_objects(verb, preps)), verb, kind, verb, lex)


def _unit_pairs(rd: ResolvedDoc, sent, member_toks, unit_toks, clause: Token | None, how: str,
                trigger: Token, lex: Lexicon) -> Iterator[Relation]:
    """partOf from members to units, each checked: the unit a unit or armed force, the member
    one that can belong to it, a smaller unit inside a larger."""
    units = []
    for a in group_actors(rd, unit_toks):
        ok, rank = _unit_group(rd, a[1], lex)
        if ok:
            units.append((a, rank))
    if not units:
        return
    truth = clause_truth(clause, lex)
    if truth is None:
        return
    for member in member_actors(rd, member_toks, exclude=_NOT_UNIT_MEMBERS):
        ok, rank = _unit_member(rd, member[1], lex)
        if not ok:
            continue
        groups = [u for u, high in units if _ranks_up(rank, high)]
        yield from emit_pairs(rd, sent, [member], groups, how, trigger, 0.8, negated=truth)


def vessel(rd: ResolvedDoc, sent: Span, head: Token, me: Actor, lex: Lexicon) -> Iterator[Relation]:
    """A warship named with its state and a word for a warship is the state's: "the U.S.
    destroyer USS Carney", "U.K. ships HMS Ocean and HMS Daring", "the British warship HMS
    Diamond" (``vessels.tsv``).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    head : Token
        The head of an actor mention.
    me : (str, Token, float)
        The actor it denotes.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``partOf`` from the ship to each state named with it.
    """
    def nouns(t: Token) -> list[Token]:
        return [c for c in t.lefts if lex.vessels.get(c.lemma_.lower()) == "noun"]

    first = head
    while not nouns(first) and first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "U.K. ships HMS Ocean and HMS Daring": the noun is on the nearest one
    words = nouns(first)
    for t in {head, first}:
        if t.dep_ == "appos" and lex.vessels.get(t.head.lemma_.lower()) == "noun":
            words.append(t.head)  # "the U.S. destroyer, USS Carney"
    if not words:
        return
    mods = [m for w in words for m in w.subtree if m.i < w.i]
    mods += [m for t in {head, first} for m in t.lefts if m.dep_ in {"amod", "compound", "nmod"}]
    seen = set()
    for mod in mods:
        for other in actors(rd, mod):
            if other[0] in seen or other[0] == me[0] or actor_type(rd, other[0]) != "State":
                continue
            seen.add(other[0])
            rel = relation(rd, sent, me, "partOf", other, 0.85, "role:vessel", trigger=words[0])
            if rel:
                yield rel
