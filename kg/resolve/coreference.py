"""References back: pronouns and definite descriptions to the one antecedent that fits.

:func:`coreference` reads each word no actor covers with the first of
:data:`REFERENCES` that fits: "it"/"they" as a speaker's subject ("Switzerland said it
had expelled ..."), "we"/"I"/"us" in a quote, "its"/"their" (the one supported, else
the clause's subject), "he"/"she" (the one person in reach), "some" beside a clause
with a subject, and "the group", "the army" (the last actor of a kind the noun refers
to). It leaves a word alone when unsure. A word resolved here is marked
``coreferent``.

Examples
--------
>>> from kg import parse
>>> rd = parse("Switzerland said it had expelled a diplomat.")
>>> rd.actor_at(rd.doc[2]), 2 in rd.coreferent
('switzerland', True)
>>> rd = parse('"Israel attacked us," Hamas said.')
>>> rd.actor_at(rd.doc[3])
'hamas'
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .spans import MODIFIER_DEPS
from .state import Resolution

__all__ = ["REFERENCES", "coreference"]

_MALE = frozenset({"he", "him", "his"})
_FEMALE = frozenset({"she", "her"})
_PARTITIVES = frozenset({"some", "others", "many", "most", "several"})
_SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
_FIRST_PERSON = frozenset({"we", "i", "us", "our", "me"})
_FIRST_SINGULAR = frozenset({"i", "me"})
_GROUP_POSSESSIVES = frozenset({"its", "their"})

#: No reading of a word applies: the next one is tried.
_NEXT = object()


@dataclass(frozen=True, slots=True)
class _Sentences:
    """The sentences of a document and the sentence of each token."""

    sents: list[Span]
    index: dict[int, int]


def coreference(st: Resolution) -> None:
    """Resolve the words that refer back (see the module docstring)."""
    sents = list(st.doc.sents)
    where = _Sentences(sents, {t.i: n for n, s in enumerate(sents) for t in s})
    for tok in st.doc:
        if tok.i in st.rd.token_actor:
            continue
        for reading in REFERENCES:
            key = reading(st, tok, where)
            if key is not _NEXT:
                break
        else:
            continue
        if key:
            st.rd.token_actor[tok.i] = key
            st.rd.coreferent.add(tok.i)


def _speaker_subject(st: Resolution, tok: Token, where: _Sentences):
    """"Switzerland said it had expelled ...": it = Switzerland; "he" else the one person."""
    if not (tok.pos_ == "PRON" and tok.lower_ in _SPEAKER_PRONOUNS and tok.dep_ in {"nsubj", "nsubjpass"}):
        return _NEXT
    key = _speaker(st, tok)
    if key is None and tok.lower_ in _MALE | _FEMALE:
        key = _antecedent(st, tok, where, {"Person"}, window=1)
    return key


def _quoted_first_person(st: Resolution, tok: Token, where: _Sentences):
    """'"Israel attacked us," Hamas said', '"our forces will respond"': the speaker."""
    if not (tok.pos_ == "PRON" and tok.lower_ in _FIRST_PERSON):
        return _NEXT
    key = _speaker(st, tok, _clause_of(tok))
    return _NEXT if key is None else key


def _group_possessive(st: Resolution, tok: Token, where: _Sentences):
    """"backs the army in its fight", "X remains firm in its support": see :func:`_possessor`;
    the further actors of "their" go to ``also``."""
    if not (tok.pos_ == "PRON" and tok.lower_ in _GROUP_POSSESSIVES and tok.dep_ == "poss"):
        return _NEXT
    keys = _possessor(st, tok)
    if not keys:
        return None
    if keys[1:]:
        st.rd.also[tok.i] = keys[1:]
    return keys[0]


def _personal(st: Resolution, tok: Token, where: _Sentences):
    """"he", "her": the one person named in this sentence or the one before."""
    if not (tok.pos_ == "PRON" and tok.lower_ in _MALE | _FEMALE):
        return _NEXT
    return _antecedent(st, tok, where, {"Person"}, window=1)


def _some(st: Resolution, tok: Token, where: _Sentences):
    """"Leaders of X blamed Israel, while some criticized ...": part of the main subject."""
    if not (tok.lower_ in _PARTITIVES and tok.dep_ == "nsubj" and not any(c.dep_ == "prep" for c in tok.children)):
        return _NEXT
    return _partitive(st, tok)


def _definite_noun(st: Resolution, tok: Token, where: _Sentences):
    """"the group", "the army": the last actor of a kind the noun refers to, in this sentence
    or the two before; a state's noun ("the government") only of that state or its own kind."""
    noun = st.lex.actor_nouns.get(tok.lower_) if tok.pos_ == "NOUN" else None
    if noun is None:  # the last reading: no answer, whatever the noun (the lexicon first: it is cheaper)
        return _NEXT
    if not any(c.lower_ == "the" for c in tok.children if c.dep_ == "det"):
        return _NEXT
    if any(c.dep_ in MODIFIER_DEPS for c in tok.lefts):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
        return None  # "the movement of Palestinian workers" says what it is: no anaphor
    if noun.cls == "Collective" and "State" in noun.refers_to:
        return None  # "the countries" are several states, not the last one named
    key = _antecedent(st, tok, where, noun.refers_to, window=2, exclude=_own_subjects(st, tok))
    if key and noun.derived and st.rd.entities[key].type not in {"State"} \
            and noun.derived not in st.rd.entities[key].label.lower():
        return None  # "the government" is no Congress, "the army" no ministry
    return key


#: The readings of a word that may refer back, tried in order: each gives the key it refers
#: to, ``None`` (it is this reading's, and refers to no one), or passes to the next.
REFERENCES: tuple[Callable[[Resolution, Token, _Sentences], object], ...] = (
    _speaker_subject, _quoted_first_person, _group_possessive, _personal, _some, _definite_noun,
)


def _possessor(st: Resolution, pron: Token) -> tuple[str, ...]:
    """Who "its" / "their" stand for: the one supported when the phrase hangs on
    a verb or noun of support ("backs the army in its fight against X",
    "support for Kurdish fighters in their battle"), else the subject of the
    clause ("The UK remains steadfast in its support"). Persons are never
    "its"; "its" needs a singular antecedent."""
    found = _supported_before(st, pron)
    if found:
        return found
    t = pron.head
    for _ in range(6):
        h = t.head
        if h.i == t.i:
            return ()
        if h.lemma_.lower() in st.lex.word_set("support"):
            objs = [c for c in h.children if c.dep_ in {"dobj", "obj"}]
            objs += [p for c in h.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "to", "with", "by"}
                     for p in c.children if p.dep_ == "pobj"]
            found = _group_keys(st, objs, pron)
            if found:
                return found
        if h.pos_ in {"VERB", "AUX"}:
            subj = next((c for c in h.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and pron.i in {x.i for x in subj.subtree}:
                if h.dep_ in {"ccomp", "conj"} and h.head.i != h.i:
                    t = h  # "Israel said its forces struck ...": the speaker
                    continue
                return ()
            while subj is None and h.dep_ in {"conj", "xcomp", "advcl"} and h.head.i != h.i:
                h = h.head
                subj = next((c for c in h.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            return _group_keys(st, [subj] if subj is not None else [], pron)
        t = h
    return ()


def _supported_before(st: Resolution, pron: Token) -> tuple[str, ...]:
    """The one supported by a phrase of support that ends right before the pronoun's
    phrase, where the parser hung that phrase higher up: "committed to its support of the
    Peshmerga in their fight against ISIS" (their: the Peshmerga's)."""
    noun = pron.head
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.i == 0:
        return ()
    prep = noun.head
    t = pron.doc[prep.i - 1]
    for _ in range(6):
        if t.right_edge.i != prep.i - 1 or t.i >= prep.i:
            return ()
        if t.lemma_.lower() in st.lex.word_set("support") and t.pos_ == "NOUN" and prep.head.i != t.i:
            objs = [p for c in t.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "to"}
                    for p in c.children if p.dep_ == "pobj"]
            return _group_keys(st, objs, pron)
        if t.head.i == t.i:
            return ()
        t = t.head
    return ()


def _group_keys(st: Resolution, toks: list[Token], pron: Token) -> tuple[str, ...]:
    """The groups (no persons) named by ``toks`` and their conjuncts before ``pron``; "its"
    takes no plural."""
    keys: list[str] = []
    for tok in toks:
        for t in (tok, *tok.conjuncts):
            key = st.rd.token_actor.get(t.i)
            part = t.lower_ in st.lex.word_set("part") or t.lower_ in st.lex.word_set("place_kind")
            if key is None and part:  # "The Members of the Security Council ... their"
                of = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
                key = st.rd.token_actor.get(of[0].i) if of else None
            if key is None or t.i >= pron.i or st.rd.entities[key].type == "Person":
                continue
            if pron.lower_ == "its" and (t.tag_ == "NNS" or tok.conjuncts):
                continue
            if key not in keys:
                keys.append(key)
    return tuple(keys)


def _partitive(st: Resolution, tok: Token) -> str | None:
    """'some' as a subject: part of the subject of the clause it is joined to."""
    clause = tok.head
    if clause.dep_ not in {"advcl", "conj"}:
        return None
    main = clause.head
    subj = next((c for c in main.children if c.dep_ == "nsubj"), None)
    while subj is not None and st.rd.token_actor.get(subj.i) is None:
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        subj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return st.rd.token_actor.get(subj.i) if subj is not None else None


def _clause_of(tok: Token) -> Token:
    """The verb whose clause a word is in ("us" in "attacked us", "our" in "our forces")."""
    t = tok.head
    for _ in range(4):
        if t.pos_ in {"VERB", "AUX"} or t.head.i == t.i:
            break
        t = t.head
    return t


def _speech_clause(pron: Token, clause: Token, speech: frozenset[str]) -> Token | None:
    """The clause a verb of speech governs that the pronoun is in ("... it had expelled" under
    "said"); in a quote "we" and "I" are the speaker however deep the clause."""
    for _ in range(4):
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ in {"ccomp", "parataxis"} and clause.head.lemma_.lower() in speech:
            return clause
        if pron.lower_ in _FIRST_PERSON and clause.dep_ in {"ccomp", "advcl", "xcomp"} \
                and clause.head.i != clause.i:
            clause = clause.head
            continue
        return None
    return None


def _speaker(st: Resolution, pron: Token, clause: Token | None = None) -> str | None:
    """The speaker a pronoun in what is said stands for: "it"/"they"/"we" an organisation or
    state, "he"/"she"/"I" a person ("we" of a person speaking: the one they speak for)."""
    clause = _speech_clause(pron, pron.head if clause is None else clause, st.lex.speech)
    if clause is None:
        return None
    subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    key = st.rd.token_actor.get(subj.i) if subj is not None else None
    if key is None:
        return None
    person = st.rd.entities[key].type == "Person"
    if person and pron.lower_ in _FIRST_PERSON - _FIRST_SINGULAR:
        return _affiliation(st, subj)  # '"We ...," said General X of US Africa Command'
    if (pron.lower_ in _MALE | _FEMALE | _FIRST_SINGULAR) != person:
        return None  # "he" needs a person, "it"/"they" an organisation or state
    return key


def _affiliation(st: Resolution, person: Token) -> str | None:
    """The organisation a speaker is named with: "General X of US Africa Command",
    "X, the CJTF-OIR spokesperson", "Pentagon spokesman X"."""
    near = [t for c in person.children if c.dep_ == "prep" and c.lower_ == "of"
            for t in c.children if t.dep_ == "pobj"]
    for c in person.children:
        if c.dep_ == "appos":
            near += [c, *(m for m in c.children if m.dep_ in {"compound", "amod", "poss", "nmod"})]
    near += [c for c in person.children if c.dep_ in {"compound", "nmod"} and c.i < person.i]
    for t in near:
        key = st.rd.token_actor.get(t.i)
        if key is not None and st.rd.entities[key].type not in {"Person", "Place", "Facility"}:
            return key
    return None


def _own_subjects(st: Resolution, tok: Token) -> frozenset[str]:
    """The actors of the subject of the clause whose object phrase holds ``tok``: "the US and
    Britain cut ties with the regime" speaks of another regime than theirs."""
    t = tok
    for _ in range(4):
        if t.dep_ not in {"dobj", "pobj", "prep", "conj"} or t.head.i == t.i:
            return frozenset()
        t = t.head
        if t.pos_ in {"VERB", "AUX"}:
            subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
            subj += [c for s in subj for c in s.conjuncts]
            return frozenset(k for c in subj if (k := st.rd.token_actor.get(c.i)) is not None)
    return frozenset()


def _antecedent(st: Resolution, tok: Token, where: _Sentences, classes: Collection[str], window: int,
                exclude: frozenset[str] = frozenset()) -> str | None:
    """The last actor of one of ``classes`` named before ``tok`` in its sentence or the
    ``window`` before, but none of ``exclude``; a pronoun only when a single one fits."""
    n = where.index[tok.i]
    lo = where.sents[max(0, n - window)].start
    found = [(i, key) for i, key in sorted(st.order)
             if lo <= i < tok.i and st.rd.entities[key].type in classes and key not in exclude]
    cands = [key for _, key in found]
    if not cands:
        return None
    if tok.pos_ == "PRON":
        # a pronoun is resolved only when a single person fits
        return cands[-1] if len(set(cands)) == 1 else None
    # a party named as such before one named only to describe another's noun ("Mali expelled the
    # French ambassador. The country ...": Mali, not France)
    parties = [key for i, key in found if not _describes(st, st.doc[i])]
    return (parties or cands)[-1]


def _describes(st: Resolution, tok: Token) -> bool:
    """Whether a mention only describes a person ("French" in "the French ambassador"; not
    "Kenyan" in "Kenyan troops", whose forces the story is about)."""
    head = st.rd.token_actor.get(tok.head.i) if tok.head.i != tok.i else None
    return tok.dep_ in {"amod", "compound"} and head is not None and head != st.rd.token_actor.get(tok.i) \
        and st.rd.entities[head].type == "Person"
