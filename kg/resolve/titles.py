"""Titles standing for a person: "The Foreign Secretary met ...", "the Iraqi prime minister".

A title without a name stands for its holder. It refers back to the last person the
document named with that title ("Defense Secretary Ash Carter ... the secretary");
otherwise a title with a state ("the Iraqi prime minister", "Russia's foreign
minister") or a group ("the NATO chief") is a new person, with an ``office``
qualifier (rule ``resolve.title-noun``, ``word`` the title as ``titles.tsv`` has it),
and a capitalised definite title ("The Foreign Secretary") is a new person of its
own. A lowercase bare title ("the minister") with no antecedent names no one, nor
does an indefinite one ("a Hamas commander") or a former one.

Examples
--------
>>> from kg import parse
>>> rd = parse("Russia's foreign minister criticized NATO.")
>>> [(q.entity, q.kind, q.other, q.word) for q in rd.qualifiers]
[('russian-foreign-minister', 'office', 'russia', 'foreign minister')]
>>> rd = parse("Defense Secretary Ash Carter arrived. The secretary met troops.")
>>> rd.actor_at(rd.doc[7])
'ash-carter'
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from ..gazetteer import GazetteerEntry
from ..model import Entity
from ..names import slugify
from .nouns import ORG_TYPES
from .spans import surface
from .state import Resolution

__all__ = ["title_nouns"]


class _Holder(NamedTuple):
    """A person named with a title: where the title starts, its words, whose it is, the person."""

    start: int
    words: tuple[str, ...]
    owner: str | None
    person: str


class _Title(NamedTuple):
    """A title noun ``tok`` written from ``first`` to ``last`` ("the US Secretary of State")."""

    tok: Token
    first: int
    last: int
    words: tuple[str, ...]


class _Owner(NamedTuple):
    """Whose a title is: the state (if a state), the word that names it, and (key, label)."""

    state: GazetteerEntry | None
    tok: Token | None
    owner: tuple[str, str] | None


def title_nouns(st: Resolution) -> None:
    """A title without a name stands for its holder (see the module docstring)."""
    holders = _holders(st)
    for tok in st.doc:
        title = _read_title(st, tok)
        if title is None:
            continue
        found = _owner_of(st, title)
        if found is None:
            continue  # "his envoy", "the group's chief": whose, this pass cannot say
        owner = found.owner
        earlier = [h for h in holders if h.start < title.first and h.words[-len(title.words):] == title.words
                   and (owner is None or h.owner == owner[0])]
        if earlier:
            st.rd.token_actor[tok.i] = earlier[-1].person
            st.rd.coreferent.add(tok.i)
            continue
        holder = _new_holder(st, title, found)
        if holder is not None:
            holders.append(holder)


def _holders(st: Resolution) -> list[_Holder]:
    """The people named so far with a title before their name."""
    holders = []
    for start, key in sorted(st.order):
        if st.rd.entities[key].type != "Person":
            continue
        words, state = _title_before(st, start, key)
        if words:
            holders.append(_Holder(start, words, state, key))
    return holders


def _read_title(st: Resolution, tok: Token) -> _Title | None:
    """A title noun that may stand for its holder, with its words, or ``None``."""
    if _not_alone(st, tok):
        return None
    doc = st.doc
    first = tok.i
    while (first > tok.sent.start and doc[first - 1].lower_ in st.title_words
           and doc[first - 1].i not in st.rd.token_actor and doc[first - 1].head.i in range(first, tok.i + 1)):
        first -= 1
    last = tok.i
    if (tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 2].is_title
            and f"{tok.lower_} of {doc[tok.i + 2].lower_}" in st.lex.titles):
        last = tok.i + 2  # "the US Secretary of State"
    words = tuple(t.lower_ for t in doc[first : last + 1])
    if _title_in(st, words) is None or _no_one_in_particular(st, tok):
        return None
    return _Title(tok, first, last, words)


def _title_in(st: Resolution, words: tuple[str, ...]) -> str | None:
    """The longest ending of ``words`` that is a title of ``titles.tsv`` ("prime minister")."""
    return next((" ".join(words[n:]) for n in range(len(words)) if " ".join(words[n:]) in st.lex.titles), None)


def _not_alone(st: Resolution, tok: Token) -> bool:
    """Whether a word is no title standing alone: not a singular title noun, or one that is
    part of a name ("Iraqi politician Hadi al-Amiri", "the Galaxy Leader")."""
    if (tok.pos_ not in {"NOUN", "PROPN"} or tok.i in st.rd.token_actor or tok.tag_ in {"NNS", "NNPS"}
            or tok.dep_ in {"compound", "amod"} or tok.lower_ not in st.title_words):
        return True
    nxt = st.rd.token_actor.get(tok.i + 1)
    if (tok.head.i > tok.i and st.rd.token_actor.get(tok.head.i)) or (
            nxt and st.rd.entities[nxt].type == "Person"):
        return True  # "Iraqi politician Hadi al-Amiri": the title is part of the name
    return tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1
                                       and c.lower_ not in st.title_words and c.i not in st.rd.token_actor
                                       for c in tok.lefts)  # "the Galaxy Leader" is a ship's name


def _no_one_in_particular(st: Resolution, tok: Token) -> bool:
    """"a Hamas commander" (he acts as the group), "the former French foreign minister"
    (whose title, and since when, is unclear), "served as NATO secretary general",
    "Minister of Armed Forces Florence Parly" (the named person's)."""
    if any(c.dep_ == "det" and c.lower_ in {"a", "an", "another", "one"} for c in tok.children):
        return True
    if any(c.lower_ in st.lex.word_set("former") for c in tok.lefts):
        return True
    return (tok.dep_ in {"attr", "oprd"} or (tok.dep_ == "pobj" and tok.head.lower_ == "as")
            or any(st.rd.token_actor.get(t.i) and st.rd.entities[st.rd.token_actor[t.i]].type == "Person"
                   for c in tok.rights if c.dep_ in {"prep", "appos", "compound", "nmod"}
                   for t in c.subtree))


def _owner_of(st: Resolution, title: _Title) -> _Owner | None:
    """Whose a title is: a state ("the Iraqi prime minister", "Washington's envoy") or a
    group ("the Taliban's foreign minister", "the UN envoy"), or no one; ``None`` for a
    possessor this pass cannot read ("his envoy")."""
    tok, first, doc = title.tok, title.first, st.doc
    state_tok = _title_state(st, tok, first)
    state = st.state_of(state_tok) if state_tok is not None else None
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.i < first), None)
    if state is None and poss is not None:
        key = st.rd.token_actor.get(poss.i)
        ent = next((e for e in doc.ents if e.start <= poss.i < e.end), None)
        said = ent.text if ent is not None else poss.text
        state = (st.gaz.metonym(said) or st.gaz.metonym(st.rd.entities[key].label)) \
            if key else None  # "Washington's envoy"
        state_tok = poss if state is not None else None
        if state is None and key is None:
            return None
    owner = (state.key, state.modifier or state.label) if state is not None else None
    if owner is None and poss is not None and st.rd.token_actor.get(poss.i):
        org = st.rd.token_actor[poss.i]  # "the Taliban's foreign minister"
        if st.rd.entities[org].type in ORG_TYPES:
            state_tok, owner = poss, (org, st.rd.entities[org].label)
    if owner is None and first > 0 and doc[first - 1].head.i in range(first, title.last + 1):
        org = st.rd.token_actor.get(first - 1)  # "the UN envoy", "the Hamas leader"
        if org and st.rd.entities[org].type in ORG_TYPES:
            state_tok, owner = doc[first - 1], (org, st.rd.entities[org].label)
    return _Owner(state, state_tok, owner)


def _new_holder(st: Resolution, title: _Title, found: _Owner) -> _Holder | None:
    """A new person for a title with its owner ("the Iraqi prime minister": an ``office``
    qualifier), or for a capitalised definite one ("The Foreign Secretary"); else ``None``."""
    tok, first, last, doc = title.tok, title.first, title.last, st.doc
    if found.owner is not None:
        if found.state is not None:
            st.known(found.state)
        label = f"{found.owner[1]} {' '.join(t.text for t in doc[first : last + 1])}"
        lo = min(first, found.tok.i) if found.tok.i < first else first
        span = doc[lo : max(last, found.tok.i) + 1]
        key = st.add(Entity(slugify(label), label, "Person"), span)
        st.qualify(key, "office", found.owner[0], span.start, span.end, "resolve.title-noun",
                   word=_title_in(st, title.words))
        return _Holder(first, title.words, found.owner[0], key)
    definite = any(c.lower_ == "the" for c in tok.children if c.dep_ == "det") or first == tok.sent.start
    if definite and tok.is_title and not any(c.dep_ == "poss" for c in tok.children):
        span = doc[first : last + 1]
        label = surface(span)
        return _Holder(first, title.words, None, st.add(Entity(slugify(label), label, "Person"), span))
    return None


def _title_before(st: Resolution, start: int, key: str) -> tuple[tuple[str, ...], str | None]:
    """The title words written just before a person's name, and the state they name
    ("Iraqi Prime Minister Haider al-Abadi" -> ("prime", "minister"), "iraq")."""
    doc = st.doc
    j = start - 1
    while j >= 0 and st.rd.token_actor.get(j) == key:
        j -= 1
    end = j + 1
    while j >= 0 and doc[j].lower_ in st.title_words and j not in st.rd.token_actor:
        j -= 1
    words = tuple(t.lower_ for t in doc[j + 1 : end])
    state = st.state_of(doc[j]) if j >= 0 and words else None
    return words, state.key if state is not None else None


def _title_state(st: Resolution, tok: Token, first: int) -> Token | None:
    """The word that names the state a title belongs to: "the Iraqi prime minister",
    "Russia's foreign minister", "the Prime Minister of Iraq"."""
    doc = st.doc
    for child in tok.children:  # "Iran's U.N. ambassador": the possessor, whatever comes between
        if child.dep_ == "poss" and child.i < first and st.state_of(child) is not None:
            return child
    if first > 1 and doc[first - 1].tag_ == "POS" and doc[first - 2].dep_ == "poss" \
            and doc[first - 2].head.i == tok.i and st.state_of(doc[first - 2]) is not None:
        return doc[first - 2]  # "Russia's foreign minister"
    if first > 0 and doc[first - 1].head.i in range(first, tok.i + 1):
        before = doc[first - 1]
        if before.dep_ in {"amod", "compound", "nmod", "poss"} and st.state_of(before) is not None:
            return before
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and st.state_of(pobj) is not None:
                return pobj
    return None
