"""Names the text introduces: acronyms in brackets, "a group called X", "X, also known as Y",
appositives that type an actor ("Kataib Hezbollah, an armed faction"), and later bare
mentions of what was learnt ("the PMF").

An appositive with a state's adjective and a word of the state ("the PMF, an Iraqi state
paramilitary organization") gets a ``state`` qualifier (rule ``resolve.state-body``).

Examples
--------
>>> from kg import parse
>>> rd = parse("The Popular Mobilisation Forces (PMF) met officials. The PMF left.")
>>> rd.actor_at(rd.doc[-3])
'popular-mobilization-forces'
>>> rd = parse("A militia called the Lions of Sinjar claimed the attack.")
>>> rd.actor_at(rd.doc[1]), rd.entity("lions-of-sinjar").type
('lions-of-sinjar', 'ArmedGroup')
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Entity
from ..names import normalize_name, slugify
from .spans import MODIFIER_DEPS, doc_span, surface, trim
from .state import Resolution

__all__ = ["introductions", "named_entities_again"]


def introductions(st: Resolution) -> None:
    """Acronyms in brackets, "called X", "also known as Y", typed appositives."""
    doc = st.doc
    for tok in doc:
        # "Popular Mobilisation Forces (PMF)"
        if tok.text == "(" and tok.i + 2 < len(doc) and doc[tok.i + 2].text == ")":
            acro = doc[tok.i + 1]
            before = st.rd.token_actor.get(tok.i - 1)
            if before and acro.text.isupper() and 2 <= len(acro.text) <= 8:
                st.add(st.rd.entities[before], doc[acro.i : acro.i + 1])
        lemma = tok.lemma_.lower()
        if lemma in st.lex.word_set("naming") and tok.dep_ in {"acl", "relcl", "advcl"}:
            _introduction(st, tok)
        if tok.dep_ == "appos" or (tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and any(
                c.dep_ == "nsubj" and c.i < tok.left_edge.i for c in tok.head.children)):
            # (a parser sometimes makes ", an organization comprising ..." a second subject)
            _appositive(st, tok)


def _introduction(st: Resolution, verb: Token) -> None:
    """"a group called X": X is an actor of the noun's kind, and the noun stands for it;
    "X, also known as Y": Y is an alias of X."""
    head = verb.head
    if verb.lemma_.lower() in st.lex.word_set("also_known"):
        _also_known(st, verb)
        return
    named = [c for c in verb.children if c.dep_ in {"oprd", "attr", "dobj", "xcomp", "ccomp"}]
    for tok in named:
        span = trim(doc_span(tok))
        if span is None or not any(t.is_title or t.is_upper for t in span):
            continue
        noun = st.lex.actor_nouns.get(head.lower_) or st.lex.actor_nouns.get(head.lemma_.lower())
        if noun is None:
            continue
        key = _new_actor(st, span, head)
        st.rd.token_actor.setdefault(head.i, key)  # "a group called X ... claimed": X claimed


def _also_known(st: Resolution, verb: Token) -> None:
    """"X, also known as Y": Y is an alias of the actor X (or, after a noun of actors, an
    actor the noun stands for)."""
    head = verb.head
    key = st.rd.token_actor.get(head.i)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            span = trim(doc_span(pobj))
            if key and span is not None:
                st.add(st.rd.entities[key], span)
            elif span is not None and head.lower_ in st.lex.actor_nouns:
                key = _new_actor(st, span, head)
                st.rd.token_actor.setdefault(head.i, key)


def _state_body(st: Resolution, key: str, noun: Token) -> None:
    """"the PMF, an Iraqi state paramilitary organization": a body of the state (a ``state``
    qualifier)."""
    mods = [c for c in noun.lefts if c.dep_ in MODIFIER_DEPS]
    if not any(m.lower_ in st.lex.word_set("state_body") for m in mods):
        return
    for mod in mods:
        state = st.state_of(mod)
        if state is not None and state.key != key:
            st.known(state)
            st.qualify(key, "state", state.key, mod.i, noun.i + 1, "resolve.state-body")
            return


def _just_before(st: Resolution, appos: Token) -> str | None:
    """The actor named right before an appositive the parser hung elsewhere: in "a
    demonstration by members of the PMF, an Iraqi organization comprising ...", the
    organization is the PMF, not the demonstration."""
    i = appos.left_edge.i - 1
    doc = st.doc
    if i < 0 or doc[i].text != ",":
        return None
    i -= 1
    if i >= 2 and doc[i].text == ")" and doc[i - 2].text == "(":
        i -= 3  # "the Popular Mobilisation Forces (PMF), an ..."
    key = st.rd.token_actor.get(i) if i >= 0 else None
    if key is None or st.rd.entities[key].type in {"Place", "Facility", "Person"}:
        return None
    return key


def _new_actor(st: Resolution, span: Span, noun_token: Token) -> str:
    """The actor a span introduced by a noun of actors names, typed by the noun ("a militia
    called X"); a name the gazetteer knows keeps its type."""
    noun = st.lex.actor_nouns.get(noun_token.lower_) or st.lex.actor_nouns[noun_token.lemma_.lower()]
    key = st.rd.token_actor.get(span.root.i)
    if key and st.gaz.get(key) is None:
        old = st.rd.entities[key]
        st.rd.entities[key] = Entity(old.key, old.label, noun.cls, old.aliases, old.wikidata, old.coordinates)
        return key
    if key:
        return key
    text = surface(span)
    return st.add(Entity(slugify(text), text, noun.cls), span)


def _appositive(st: Resolution, appos: Token) -> None:
    """'Kataib Hezbollah, an armed faction' types the actor from the noun;
    'Iraqi politician Hadi al-Amiri' lets the title noun stand for the person."""
    head = appos.head
    person = st.rd.token_actor.get(appos.i)
    if (person and head.i not in st.rd.token_actor and head.pos_ in {"NOUN", "PROPN"}
            and st.rd.entities[person].type == "Person"
            and (head.lower_ in st.lex.titles or head.lemma_.lower() in st.lex.titles)):
        st.rd.token_actor[head.i] = person
        return
    key = st.rd.token_actor.get(appos.head.i) or _just_before(st, appos)
    if key and appos.pos_ == "NOUN" and appos.i not in st.rd.token_actor:
        # "Kataib Hezbollah, an armed faction with ties to Iran": the noun is the actor
        st.rd.token_actor[appos.i] = key
        _state_body(st, key, appos)
    noun = st.lex.actor_nouns.get(appos.lower_) or st.lex.actor_nouns.get(appos.lemma_.lower())
    if not key or noun is None or st.gaz.get(key) is not None:
        return
    if st.rd.token_actor.get(appos.i):
        return
    old = st.rd.entities[key]
    if old.type in {"Person", "Organization", "Actor", "Collective"} and noun.cls not in {"Person"}:
        st.rd.entities[key] = Entity(old.key, old.label, noun.cls, old.aliases, old.wikidata, old.coordinates)


def named_entities_again(st: Resolution) -> None:
    """Later bare mentions of an acronym or alias learnt from the text ("the PMF")."""
    doc = st.doc
    for tok in doc:
        if tok.i in st.rd.token_actor or not (tok.is_upper or tok.is_title) or tok.is_stop:
            continue
        key = st.local_alias.get(normalize_name(tok.text))
        if key and len(tok.text) >= 2:
            st.add(st.rd.entities[key], doc[tok.i : tok.i + 1])
