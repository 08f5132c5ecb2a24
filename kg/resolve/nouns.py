"""Noun phrases that name actors: "U.S. troops", "Iraqi armed groups", "Iran-backed
militias", "Western nations", "Hezbollah guerrillas".

:func:`noun_phrases` reads each noun of actors (``lexicon/actor_nouns.tsv``) that no
name covers: first a named state coordinated with a bloc's adjective ("the U.S. and
Western nations"), then the state its words name (a modifier, "of"/"in" after it, or
the subject that deploys it), then the first of :data:`NOUN_CASES` that fits. A
state's own noun ("Iraqi officials", "U.S. forces") gets a ``state`` qualifier (rule
``resolve.state-noun``), one per state where several are coordinated ("Armenian and
Azerbaijani forces"). An unnamed collective with no state or group ("refugees") is
left to the pass of unnamed participants (:mod:`kg.resolve.participants`).

Examples
--------
>>> from kg import parse
>>> rd = parse("Armenian and Azerbaijani forces clashed.")
>>> [(q.entity, q.kind, q.other) for q in rd.qualifiers]
[('armenian-forces', 'state', 'armenia'), ('azerbaijani-forces', 'state', 'azerbaijan')]
>>> rd = parse("Pro-Russian forces and Hezbollah guerrillas fought Western nations.")
>>> sorted(rd.entities)
['hezbollah', 'pro-russian-forces', 'russia', 'western-countries']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ..gazetteer import GazetteerEntry
from ..lexicon import ActorNoun
from ..model import Entity
from ..names import slugify
from .names import named_earlier
from .spans import MODIFIER_DEPS, bloc_label, left_edge, plural, prefixed, surface
from .state import Resolution

__all__ = ["NOUN_CASES", "ORG_TYPES", "NounPhrase", "noun_phrases", "owned_by_reference"]

#: The kinds of actor whose members act as the group ("Hezbollah guerrillas").
ORG_TYPES = frozenset(
    {"ArmedGroup", "Organization", "InternationalOrganization", "PoliticalParty", "MilitaryForce",
     "GovernmentBody"}
)


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """A noun of actors read with its modifiers and the state its words name.

    ``state_tok`` is the word that names ``state`` (the noun itself where "of"/"in" after
    it or a deploying subject does); ``end`` is where the phrase ends ("the government of
    Sudan" takes in "of Sudan").
    """

    tok: Token
    noun: ActorNoun
    mods: tuple[Token, ...]
    state: GazetteerEntry | None
    state_tok: Token | None
    end: int


def noun_phrases(st: Resolution) -> None:
    """Resolve the nouns of actors that no name covers (see the module docstring)."""
    for tok in st.doc:
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.i in st.rd.token_actor:
            continue
        noun = st.lex.actor_nouns.get(tok.lower_) or st.lex.actor_nouns.get(tok.lemma_.lower())
        if noun is None or noun.cls in {"Person", "State"}:
            continue  # "the president", "the country" only ever refer back
        mods = tuple(c for c in tok.lefts if c.dep_ in MODIFIER_DEPS)
        if noun.derived is None and mods and plural(tok, st.lex) and "State" in noun.refers_to \
                and _bloc_with_state(st, tok, mods, noun):
            continue
        _resolve_phrase(st, tok, noun, mods)


def owned_by_reference(st: Resolution) -> None:
    """A state's bodies owned by a description that refers back ("the country's junta", once
    "the country" is known to be Mali): read as :func:`noun_phrases` reads "Mali's junta"."""
    for tok in st.doc:
        if tok.pos_ in {"NOUN", "PROPN"} and tok.i not in st.rd.token_actor and any(
                c.dep_ == "poss" and c.pos_ == "NOUN" and c.i in st.rd.coreferent for c in tok.children):
            noun = st.lex.actor_nouns.get(tok.lower_) or st.lex.actor_nouns.get(tok.lemma_.lower())
            if noun is None or noun.cls in {"Person", "State"} or not noun.part_of_state:
                continue  # a state's own body only: "the country's ethnic groups" are no body of it
            _resolve_phrase(st, tok, noun, tuple(c for c in tok.lefts if c.dep_ in MODIFIER_DEPS))


def _resolve_phrase(st: Resolution, tok: Token, noun: ActorNoun, mods: tuple[Token, ...]) -> None:
    """Read a noun's phrase and resolve it by the first of :data:`NOUN_CASES` that fits."""
    phrase = _read_phrase(st, tok, noun, mods)
    if phrase.state is not None:
        st.known(phrase.state)  # named only through a demonym or capital
    for case in NOUN_CASES:
        if case(st, phrase):
            break


def _read_phrase(st: Resolution, tok: Token, noun: ActorNoun, mods: tuple[Token, ...]) -> NounPhrase:
    """The state a noun's words name: a modifier ("Iraqi officials"), else "of"/"in" after
    it ("the government of Sudan"), else the subject that deploys it."""
    state, state_tok = None, None
    for mod in mods:
        state = st.state_of(mod)
        if state is not None:
            state_tok = mod
            break
    end = tok.i + 1
    # "the Autonomous Administration in ... Syria" is a name of its own, "the Government of Iraq" not
    named = tok.is_title and any(m.is_title and m.i > tok.sent.start and st.state_of(m) is None
                                 and not st.rd.token_actor.get(m.i)
                                 and m.lower_ not in st.lex.word_set("form_of_government")
                                 for m in mods)
    # a people's word before the noun says whose they are: "Kurdish fighters in northern Syria"
    stance = any(m.lower_ in {"pro", "anti"} or m.lower_.startswith(("pro-", "anti-")) for m in mods)
    ethnic = not stance and any(m.ent_type_ == "NORP" and prefixed(st.doc, m.i) == m.i for m in mods)
    if state is None and not named and not ethnic and not any(st.rd.token_actor.get(m.i) for m in mods):
        found = _state_after(st, tok, noun, mods)
        if found is not None:
            state, end = found
            state_tok = tok
    if state is None and noun.cls == "MilitaryForce" and not mods and tok.dep_ == "dobj" \
            and tok.head.lemma_.lower() in st.lex.deploying:
        state = _deployer(st, tok)
        state_tok = tok if state is not None else None
    return NounPhrase(tok, noun, mods, state, state_tok, end)


def _state_after(st: Resolution, tok: Token, noun: ActorNoun,
                 mods: tuple[Token, ...]) -> tuple[GazetteerEntry, int] | None:
    """"rebels in the Ivory Coast", "the government of Sudan": the state and where the phrase
    ends. "troops in Iraq" are stationed there, not Iraq's: forces take only "of"; but
    "police in Kenya", "security forces in Guinea" are the country's own."""
    for prep in tok.rights:
        domestic = any(m.lower_ in st.lex.word_set("domestic_force") for m in (tok, *mods))
        preps = {"of"} if noun.cls == "MilitaryForce" and not domestic else {"in", "of", "from"}
        if prep.dep_ == "prep" and prep.lower_ in preps:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and st.state_of(pobj) is not None:
                return st.state_of(pobj), pobj.i + 1
            return None
    return None


def _deployer(st: Resolution, tok: Token) -> GazetteerEntry | None:
    """"The United States maintains 2,500 troops in Iraq": the subject's forces."""
    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    key = st.rd.token_actor.get(subj.i) if subj is not None else None
    entry = st.gaz.get(key) if key else None
    return entry if entry is not None and entry.type == "State" else None


def _ethnic_state_noun(st: Resolution, p: NounPhrase) -> bool:
    """"Afghan rebel leaders", "Syrian opposition officials", "Syrian Kurdish forces" are not
    the state's: named as written."""
    ethnic = [m for m in p.mods if m.ent_type_ == "NORP" and m is not p.state_tok and st.state_of(m) is None]
    ethnic += [m for m in p.mods if m.lower_ in st.lex.word_set("against_the_state") and m is not p.state_tok]
    if not (p.noun.derived and p.state is not None and ethnic and p.state_tok is not p.tok):
        return False
    span = st.doc[min(left_edge(p.state_tok), left_edge(ethnic[0])) : p.tok.i + 1]
    label = surface(span)
    st.add(Entity(slugify(label), label, p.noun.cls if p.noun.cls != "GovernmentBody" else "ArmedGroup"), span)
    return True


def _prefixed_state_noun(st: Resolution, p: NounPhrase) -> bool:
    """"pro-Russian forces", "anti-Pakistan militants": not the state's, named as written."""
    if not (p.noun.derived and p.state is not None):
        return False
    doc = st.doc
    start = left_edge(p.state_tok)
    if prefixed(doc, start) == start and doc[start].lower_ not in {"pro", "anti"}:
        return False
    span = doc[prefixed(doc, start) : p.tok.i + 1]
    label = surface(span)
    st.add(Entity(slugify(label), label, _as_written_class(p.noun)), span)
    return True


def _state_noun(st: Resolution, p: NounPhrase) -> bool:
    """"U.S. forces", "Iraqi officials", "the government of Sudan": the state's own body
    ("US forces"), with a ``state`` qualifier if the noun is a part of the state; one more
    body per coordinated state ("Armenian and Azerbaijani forces")."""
    if not (p.noun.derived and p.state is not None):
        return False
    tok, noun, state, state_tok = p.tok, p.noun, p.state, p.state_tok
    label = f"{state.modifier or state.label} {noun.derived}"
    span = st.doc[min(left_edge(state_tok), tok.i) : p.end]
    named = named_earlier(st, span) if noun.cls == "Facility" else None
    if named is not None:  # "the U.S. Embassy in Baghdad ... the U.S. embassy"
        st.add(st.rd.entities[named], span)
        return True
    # "Thai and Chinese governments" names two governments: no alias of one of them
    key = st.add(Entity(slugify(label), label, noun.cls), span, alias=state_tok.i == tok.i or not state_tok.conjuncts)
    if noun.part_of_state:
        st.qualify(key, "state", state.key, span.start, span.end, "resolve.state-noun")
    if state_tok.i != tok.i:
        _coordinated_bodies(st, tok, noun, state_tok)
    return True


def _coordinated_bodies(st: Resolution, tok: Token, noun: ActorNoun, mod: Token) -> None:
    """One more body per modifier coordinated with the one that resolved the noun: a state's
    own ("Armenian and Azerbaijani forces"), a group's members as the group ("U.S. and Taliban
    officials", "Taliban and U.S. officials")."""
    if not any(c.dep_ == "cc" for t in (mod, *mod.conjuncts) for c in t.children):
        return  # no "and": an apposition the parser took for a list ("the Taliban, Afghanistan's leaders")
    first = st.state_of(mod)
    for other_tok in mod.conjuncts:
        other = st.state_of(other_tok)
        if other is not None and first is not None and other.key == first.key:
            other = None  # "Iraqi and Kurdish officials": the Kurds are no second Iraq
        if other is None:  # a group only in the noun's own words, not "the Taliban, Afghanistan's leaders"
            group = _member_of(st, (other_tok,), noun) if tok.left_edge.i <= other_tok.i < tok.i else None
            group = None if group == st.rd.token_actor.get(tok.i) else group  # the span of the first body
            if group is None and other_tok.ent_type_ == "NORP" and other_tok.is_title and tok.i - other_tok.i <= 2:
                group = _people_body(st, other_tok, tok, noun)  # "Iraqi and Kurdish officials": the Kurds'
            if group is not None:
                st.rd.also[tok.i] = (*st.rd.also.get(tok.i, ()), group)
            continue
        if noun.derived is None:
            continue
        st.known(other)
        olabel = f"{other.modifier or other.label} {noun.derived}"
        okey = slugify(olabel)
        st.rd.entities.setdefault(okey, Entity(okey, olabel, noun.cls))
        st.rd.also[tok.i] = (*st.rd.also.get(tok.i, ()), okey)
        if noun.part_of_state:
            st.qualify(okey, "state", other.key, other_tok.i, other_tok.i + 1, "resolve.state-noun")


def _people_body(st: Resolution, people: Token, tok: Token, noun: ActorNoun) -> str:
    """The body of a people no state names, as written ("Kurdish officials", "Kurdish forces")."""
    label = f"{people.text} {tok.text}"
    key = slugify(label)
    st.rd.entities.setdefault(key, Entity(key, label, _as_written_class(noun)))
    return key


def _as_written_class(noun: ActorNoun) -> str:
    """The class of a body named as written rather than as a state's: its forces are an armed group."""
    return "ArmedGroup" if noun.cls == "MilitaryForce" else noun.cls


def _state_plural(st: Resolution, p: NounPhrase) -> bool:
    """"Iraqi refugees", "refugees from Syria": a state's people, named as written (or with
    the state's adjective)."""
    if not (p.noun.derived is None and p.state is not None and plural(p.tok, st.lex)):
        return False
    doc, tok = st.doc, p.tok
    span = doc[prefixed(doc, min(left_edge(p.state_tok), tok.i)) : p.end]
    label = surface(span) if p.end == tok.i + 1 else f"{p.state.modifier or p.state.label} {tok.text}"
    st.add(Entity(slugify(label), label, p.noun.cls), span)
    return True


def _members(st: Resolution, p: NounPhrase) -> bool:
    """"Hezbollah guerrillas", "NATO troops", "the Assad regime": the members act as the group."""
    org = _member_of(st, p.mods, p.noun)
    if org is None:
        return False
    st.rd.token_actor[p.tok.i] = org
    mod = next(m for m in p.mods if st.rd.token_actor.get(m.i) == org)
    _coordinated_bodies(st, p.tok, p.noun, mod)
    return True


def _named_force(st: Resolution, p: NounPhrase) -> bool:
    """"Allied troops" named by a capitalised modifier no gazetteer knows; "Kurdish forces",
    "Druze fighters": a people's forces, no state's."""
    if not (p.noun.derived and p.state is None and p.noun.cls in {"MilitaryForce", "GovernmentBody"}):
        return False
    tok = p.tok
    named = [m for m in p.mods if m.pos_ == "PROPN" and m.is_title and m.i > tok.sent.start]
    ethnic = [m for m in p.mods if m.ent_type_ == "NORP" and m.is_title and m.dep_ in {"amod", "compound"}]
    if not (named or ethnic):
        return False
    span = st.doc[min(left_edge(m) for m in named + ethnic) : tok.i + 1]
    label = surface(span)
    cls = "ArmedGroup" if ethnic and not named and p.noun.cls == "MilitaryForce" else p.noun.cls
    st.add(Entity(slugify(label), label, cls), span)
    return True


def _actor_group(st: Resolution, p: NounPhrase) -> bool:
    """"Iraqi armed groups", "Iran-backed militias", "Western nations": a group named by an
    actor modifier."""
    if not (p.noun.derived is None and p.mods and plural(p.tok, st.lex)):
        return False
    first = _group_modifier_start(st, p.tok, p.mods)
    if first is None:
        return False
    span = st.doc[first : p.tok.i + 1]
    label = bloc_label(span, p.tok, st.lex) if "State" in p.noun.refers_to else surface(span)
    key = st.add(Entity(slugify(label), label, p.noun.cls), span)
    for mod in p.mods:  # "Hemedti's fighters": the commander's (kg.extract.commanders)
        person = st.rd.token_actor.get(mod.i)
        if mod.dep_ == "poss" and person and st.rd.entities[person].type == "Person":
            st.qualify(key, "commander", person, span.start, span.end, "resolve.commander")
    return True


#: The readings of a noun phrase, tried in order; the first that fits resolves it.
NOUN_CASES: tuple[Callable[[Resolution, NounPhrase], bool], ...] = (
    _ethnic_state_noun, _prefixed_state_noun, _state_noun, _state_plural, _members, _named_force, _actor_group,
)


def _bloc_with_state(st: Resolution, tok: Token, mods: tuple[Token, ...], noun: ActorNoun) -> bool:
    """"the U.S. and Western nations": a named state coordinated with the adjective
    of a bloc is an actor of its own next to the bloc ("Western nations")."""
    for mod in mods:
        state = st.rd.token_actor.get(mod.i)
        if mod.pos_ != "PROPN" or state is None or st.rd.entities[state].type != "State":
            continue
        adjs = [c for c in mod.conjuncts if c.pos_ == "ADJ" and c.i < tok.i]
        if not adjs:
            continue
        span = st.doc[adjs[0].i : tok.i + 1]
        label = bloc_label(span, tok, st.lex)
        st.add(Entity(slugify(label), label, noun.cls), span)
        st.rd.also[tok.i] = (*st.rd.also.get(tok.i, ()), state)
        return True
    return False


def _member_of(st: Resolution, mods: tuple[Token, ...], noun: ActorNoun) -> str | None:
    """The group a noun's modifier names, whose members the noun's people are."""
    if noun.cls not in {"MilitaryForce", "ArmedGroup", "GovernmentBody", "Collective"}:
        return None
    for mod in mods:
        key = st.rd.token_actor.get(mod.i)
        if key and st.rd.entities[key].type in ORG_TYPES:
            return key
        if key and st.rd.entities[key].type == "Person" and noun.cls == "GovernmentBody":
            return key  # "the Assad regime", "the Trump administration": the leader's government
    return None


def _group_modifier_start(st: Resolution, head: Token, mods: tuple[Token, ...]) -> int | None:
    """Start of "Iraqi armed groups" / "Iran-backed militias"; None without an actor modifier."""
    start = None
    for mod in mods:
        sub = list(mod.subtree)
        has_actor = any(t.ent_type_ in {"NORP", "GPE", "ORG"} or t.i in st.rd.token_actor for t in sub)
        pro = any(t.lower_.startswith("pro-") or t.lower_ == "pro" for t in sub)
        if has_actor or pro:
            s = sub[0].i
            start = s if start is None else min(start, s)
    if start is None:
        return None
    return prefixed(head.doc, start)
