"""Pronouns across sentences: "they", "them", "it" (and "he", "she") to the one antecedent that fits.

"Houthi rebels attacked a ship in the Red Sea. Iran denied arming them." The
references within a sentence (a speaker's "it", a quote's "we", "its", "he") are
:mod:`~kg.resolve.coreference`'s; this pass, run once unnamed participants and sites
are actors too, reads the third-person pronouns that remain: "they"/"them" refer
to a group of several (a plural name or noun, "the Houthis", "gunmen", or actors
named together, "Hamas and Islamic Jihad"), "it" to one organisation, state or
force (never a person, a place or a site), named earlier in the pronoun's sentence
or in the sentence before it.

A wrong antecedent is worse than none, so a pronoun is resolved only when a single
candidate of the right number and kind is in reach ("Police arrested protesters.
They said ..." stays unresolved) and no noun that names no actor competes: a plural one
for "they" ("Soldiers detained two men. They were questioned."), a singular one or a
building or vehicle for "it" ("the train was travelling north when it came under fire"), except that "it" as a subject, with no candidate
before it in its own sentence, takes the main subject of the sentence before
("Turkey shelled positions in Syria. It said ...": one speaks on about the subject;
a plural "they" does not, since the people acted on speak as often). A subject "he" or
"she" that :mod:`~kg.resolve.coreference` left alone (more than one person in reach)
takes the main subject of the sentence before in the same way, when that is a person and
no other person is the subject of a clause there ("Trump met Putin. He said ..."). The subject of
the pronoun's own clause is no candidate for its object ("Police dispersed them"). An expletive
"it" ("it is unclear who") and an "it" whose verb is a copula are left alone.

Examples
--------
>>> from kg import parse
>>> rd = parse("Houthi rebels attacked a ship in the Red Sea. Iran denied arming them.")
>>> rd.actor_at(rd.doc[13])
'houthis'
>>> rd = parse("Iran and Russia met in Geneva. It is unclear what they agreed.")
>>> rd.actor_at(rd.doc[7]) is None, rd.actor_at(rd.doc[11]), rd.also[11]
(True, 'iran', ('russia',))
"""

from __future__ import annotations

from spacy.tokens import Token

from .state import Resolution

__all__ = ["pronouns_across_sentences"]

#: Pronouns of several and of one.
_PLURAL = frozenset({"they", "them"})
_SINGULAR = frozenset({"it"})
#: Pronouns of one person, as subjects: read here only where one person is not alone in reach
#: (coreference resolves "he" when a single person is).
_PERSONAL = frozenset({"he", "she"})
#: Kinds a pronoun can stand for ("it": no person, place or site; "they": no person alone).
_GROUPS = frozenset({"State", "ArmedGroup", "Organization", "InternationalOrganization", "PoliticalParty",
                     "GovernmentBody", "MilitaryForce", "Collective"})
_ONE = _GROUPS - {"Collective"}
#: Kinds whose name, grammatically one, news text also calls "they" ("the Taliban ... they").
_NAMED_GROUPS = frozenset({"ArmedGroup", "PoliticalParty"})
#: How a name hangs on the common noun it names ("the Umma (Nation) party", "the group Hamas").
_NAMING_DEPS = frozenset({"compound", "nmod", "appos", "amod", "poss"})
#: Kinds of entity that are things "it" may stand for as well as any actor.
_THINGS = frozenset({"Facility", "Vehicle"})
#: Where a noun is a party to a clause, and so a candidate for a pronoun.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "conj", "dative"})
#: Verbs whose subject "it" is no actor ("it is", "it seems", "it remains unclear").
_COPULAS = frozenset({"be", "seem", "appear", "remain", "become", "take", "mean"})


class _Mention:
    __slots__ = ("keys", "head", "plural")

    def __init__(self, keys: tuple[str, ...], head: Token, plural: bool) -> None:
        self.keys, self.head, self.plural = keys, head, plural


def _mentions(st: Resolution, start: int, end: int) -> list[_Mention]:
    """The actor mentions between two token indices, actors named together as one."""
    rd, doc = st.rd, st.doc
    out: list[_Mention] = []
    seen: set[int] = set()
    for i in range(start, end):
        key = rd.token_actor.get(i)
        if key is None or i in seen:
            continue
        head = doc[i]
        while head.head.i != head.i and rd.token_actor.get(head.head.i) == key and start <= head.head.i < end:
            head = head.head
        seen.update(t.i for t in head.subtree if rd.token_actor.get(t.i) == key)
        if head.dep_ == "conj" and out and out[-1].head.i == head.head.i:
            last = out[-1]  # "Hamas and Islamic Jihad": one group of several
            out[-1] = _Mention((*last.keys, key), last.head, True)
            continue
        plural = head.tag_ in {"NNS", "NNPS"} or head.lower_.endswith("s") and head.tag_ == "NNP" \
            and rd.entities[key].type != "State"
        out.append(_Mention((key,), head, plural))
    return out


def _fits(st: Resolution, m: _Mention, pron: Token) -> bool:
    types = {st.rd.entities[k].type for k in m.keys}
    if pron.lower_ in _PLURAL:  # "the Taliban ... they": a named armed group may be "they" too
        return types <= _GROUPS and (m.plural or types <= _NAMED_GROUPS)
    if pron.lower_ in _PERSONAL:
        return not m.plural and types == {"Person"}
    return not m.plural and types <= _ONE


def _expletive(pron: Token) -> bool:
    head = pron.head
    return pron.dep_ == "expl" or head.lemma_.lower() in _COPULAS or pron.dep_ not in {"nsubj", "nsubjpass"} \
        or any(c.dep_ in {"ccomp", "xcomp"} and c.i > head.i and c.dep_ == "ccomp" and not
               any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) for c in head.children)


def _clause_subject(pron: Token) -> Token | None:
    """The subject of the clause a pronoun is the object of, or of the clause that controls
    it: "police dispersed them", "Iran denied arming them" (them is neither)."""
    if pron.dep_ in {"nsubj", "nsubjpass"}:
        return None
    verb = pron.head.head if pron.dep_ == "pobj" else pron.head
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None or verb.dep_ not in {"xcomp", "pcomp", "advcl"} or verb.head.i == verb.i:
            return subject
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return None


def _others(st: Resolution, pron: Token, start: int, own: Token | None) -> bool:
    """Whether a noun that names no actor competes for the pronoun: a plural one for "they"
    ("two men"; a weapon not when "they" do something: "fired rockets at Israel. They said
    ..."), a singular one or a site for "it" ("the train ... when it came under fire")."""
    plural = pron.lower_ in _PLURAL
    things = st.lex.word_set("weapon") | st.lex.word_set("instrument") if plural and pron.dep_ == "nsubj" \
        else frozenset()
    for t in st.doc[start: pron.i]:
        if t.dep_ not in _ARGUMENT_DEPS or (own is not None and t.i == own.i):
            continue
        key = st.rd.token_actor.get(t.i)
        named = any(c.i in st.rd.token_actor for c in t.children if c.dep_ in _NAMING_DEPS)
        if key is None and not named and t.tag_ == ("NNS" if plural else "NN") and t.lemma_.lower() not in things:
            return True  # (not "the Umma party": the noun of a name)
        if not plural and key is not None and st.rd.entities[key].type in _THINGS:
            return True
    return False


def _denies(st: Resolution, pron: Token) -> bool:
    """"Israel blamed Hamas. It denied responsibility.": the one who denies is the accused,
    whom extraction reads with the accusations before (kg.extract.verb_extras.denials)."""
    rows = st.lex.verbs.get(pron.head.lemma_.lower(), ())
    return pron.dep_ == "nsubj" and any(r.object == "special:deny" for r in rows)


def _antecedent(st: Resolution, pron: Token, sents: list, index: dict[int, int]) -> tuple[str, ...]:
    """The one group in reach that fits the pronoun, or none when there is not exactly one."""
    n = index[pron.i]
    here = _mentions(st, sents[n].start, pron.i)
    before = _mentions(st, sents[n - 1].start, sents[n - 1].end) if n > 0 else []
    if pron.lower_ in _PERSONAL:
        return _previous_subject(st, pron, here, before)
    own = _clause_subject(pron)
    fitting = {m.keys for m in (*before, *here) if _fits(st, m, pron) and (own is None or m.head.i != own.i)}
    if _others(st, pron, sents[n - 1].start if n > 0 else sents[n].start, own):
        return ()  # "Soldiers detained two men. They were questioned.": the men, or the soldiers?
    if len(fitting) == 1:
        return next(iter(fitting))
    if pron.lower_ not in _SINGULAR:
        return ()
    return _previous_subject(st, pron, here, before)


def _previous_subject(st: Resolution, pron: Token, here: list[_Mention], before: list[_Mention]) -> tuple[str, ...]:
    """A subject "it", "he" or "she" with nothing that fits before it in its own sentence: the
    main subject of the sentence before, if that fits ("Turkey shelled positions in Syria. It
    said ...", "Trump met Putin in Helsinki. He said ...")."""
    if pron.dep_ not in {"nsubj", "nsubjpass"} or any(_fits(st, m, pron) for m in here):
        return ()
    subjects = {m.keys for m in before if m.head.dep_ in {"nsubj", "nsubjpass"} and _fits(st, m, pron)
                and (m.head.head.dep_ == "ROOT" or (m.head.head.dep_ == "conj" and m.head.head.head.dep_ == "ROOT"))}
    if len(subjects) > 1:
        return ()  # "Biden spoke with Xi, and Xi warned him. He said ...": two who spoke
    subject = next((m for m in before if m.head.dep_ in {"nsubj", "nsubjpass"} and m.head.head.dep_ == "ROOT"), None)
    return subject.keys if subject is not None and _fits(st, subject, pron) else ()


def pronouns_across_sentences(st: Resolution) -> None:
    """Resolve "they", "them" and "it" that nothing else resolved (see the module docstring)."""
    sents = list(st.doc.sents)
    index = {t.i: n for n, s in enumerate(sents) for t in s}
    for tok in st.doc:
        low = tok.lower_
        if tok.pos_ != "PRON" or tok.i in st.rd.token_actor or low not in _PLURAL | _SINGULAR | _PERSONAL:
            continue
        if low in _SINGULAR and _expletive(tok) or _denies(st, tok):
            continue
        keys = _antecedent(st, tok, sents, index)
        if not keys:
            continue
        st.rd.token_actor[tok.i] = keys[0]
        st.rd.coreferent.add(tok.i)
        if keys[1:]:
            st.rd.also[tok.i] = keys[1:]
