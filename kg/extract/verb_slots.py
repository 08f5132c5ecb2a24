"""The object slots of a verb's lexicon row: where the other party of a verb trigger sits.

A row of ``ontology/lexicon/verbs.tsv`` names its slot: ``dobj`` (the direct object,
or the subject of a passive; ``dobj+dep:word`` needs a word, as "held X
responsible"), ``prep:a,b`` (the objects of prepositions, on the verb or its
object), ``dative`` (an indirect object), ``ccomp`` (the subject of a that-clause:
"demanded that the US cancel ..."), ``for-clause`` ("pressed for Russia to use
...") or ``noun:N:preps`` (a verb + noun pattern: "imposed sanctions on X"). Each
slot is a small function in :data:`_SLOTS`; :func:`verb_objects` falls back on the
argument patterns every trigger shares (:mod:`kg.extract.arguments`).

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> lex = load_lexicon()
>>> rd = parse("Iran condemned Israel.")
>>> trig = next(t for t in lex.verbs["condemn"] if t.object == "dobj")
>>> [k for k, _, _ in verb_objects(rd, rd.doc[1], trig, False, lex)]
['israel']
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..lexicon import Lexicon, NounTrigger, VerbTrigger
from ..resolve import ResolvedDoc
from ..resolve.participants import participant_class
from .actors import Actor, actors, modifier_actors
from .arguments import parties
from .clauses import subject_of
from .modality import CONFLICTUAL, COOPERATIVE
from .recipient_slots import addressee_slot, dative_slot, indirect_object, only_object_slot
from .syntax import OBJECT_DEPS, is_infinitive, object_nouns, prep_objects

__all__ = ["TARGET_PREPS", "hostile_act", "verb_objects"]

_NO_NOUN = NounTrigger("", None, (), None, 0.0)
#: Relations whose pattern noun, when it names no act, is the other party's thing: "froze
#: Venezuela's assets", "expelled Britain's ambassador", "seized the property of X" (not "reiterated
#: the UK's commitment", whose owner is the one committed).
_WHOSE_THING = frozenset({"sanctioned", "coerced"})
#: Relations whose target may sit in the object's preposition ("threatened action against X").
_THROUGH_OBJECT = frozenset({"threatened", "sanctioned", "mobilizedAgainst", "demanded"})
#: Prepositions that name the target of an act ("attacks on X", "aid to X").
TARGET_PREPS = frozenset({"against", "on", "to", "for", "toward", "towards", "with"})
#: Relations of a verb + noun pattern whose "to" names the one who receives the thing.
_GIVEN_TO = frozenset({"aided", "cooperatedWith"})
#: Object slots that name someone else's act or a fixed phrase: no generic search beyond them.
_OWN_SLOT_ONLY = ("ccomp", "for-clause", "special:", "noun:", "dative", "only-object", "addressee:")
#: The type of a slot: ``(rd, verb, trigger, passive, lex)`` -> the actors in it.
Slot = Callable[[ResolvedDoc, Token, VerbTrigger, bool, Lexicon], list[Actor]]


def verb_objects(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon) -> list[Actor]:
    """The other party of a verb trigger.

    Its own slot from the lexicon row, else (for kg's own rows of an active verb
    with a plain slot) wherever the argument patterns shared by every trigger find
    it (:mod:`kg.extract.arguments`).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    verb : Token
        The verb.
    trig : VerbTrigger
        The lexicon row.
    passive : bool
        Whether the verb is passive (its subject is the object).
    lex : Lexicon
        The lexicon.

    Returns
    -------
    list of (str, Token, float)
        The actors found (none when the verb's object is a noun trigger of its own:
        "condemned the attack on X" names the attack's target, not the condemned).
    """
    found = _slot_objects(rd, verb, trig, passive, lex)
    if found or passive or trig.predicate.startswith("~") or "+" in trig.object \
            or trig.object.startswith(_OWN_SLOT_ONLY) or trig.origin != "verbs.tsv":
        return found
    acts = [c for c in verb.children if c.dep_ in OBJECT_DEPS and (lex.nouns.get(c.lemma_.lower()) or _NO_NOUN).predicate]
    if acts and trig.predicate == lex.reading("refused-cooperation"):
        # "rejected a truce with the RSF", "rejected talks with Washington": a cooperative act
        # refused rejects its other party
        preps = frozenset(lex.argument_preps.get(trig.predicate, ()))
        return [a for c in acts if lex.nouns[c.lemma_.lower()].predicate in COOPERATIVE
                for h in (c, verb) for p in prep_objects(h, preps) for a in actors(rd, p)]
    if acts:
        return []  # "condemned the attack on X": the attack's target is the noun's (nominal)
    found = parties(rd, verb, lex.argument_preps.get(trig.predicate, ()), lex.complement_preps.get(trig.predicate, ()))
    # "refused to deploy peacekeepers in Iraq": troops one sends are one's own, no other party
    return [(k, t, f * 0.85) for k, t, f in found
            if not (t.dep_ in OBJECT_DEPS and t.head.dep_ == "xcomp" and t.head.lemma_.lower() in lex.deploying)]


def _slot_objects(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon) -> list[Actor]:
    """The actors in the row's own slot: the first case of :data:`_SLOTS` that fits it."""
    for fits, slot in _SLOTS:
        if fits(trig.object, trig, passive):
            return slot(rd, verb, trig, passive, lex)
    return []


def _is_dobj(spec: str) -> bool:
    return spec == "dobj" or spec.startswith("dobj+")


def _noun_slot(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon) -> list[Actor]:
    """A verb + noun pattern ("ended talks with X", "imposed sanctions on X", "sent aid to X"):
    the noun must be the verb's object; the other party follows the pattern's preposition or
    one of the relation's, on the noun or on the verb, or is the indirect object ("sold weapons
    to India")."""
    if passive:
        return []
    _, noun, *own = trig.object.split(":")
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS and any(lex.names_noun(noun, n) for n in object_nouns(c))]
    if not objs:
        return []
    preps = frozenset(p for o in own for p in o.split(",")) | frozenset(lex.argument_preps.get(trig.predicate, ()))
    found = []
    heads = objs + [p for o in objs for p in prep_objects(o, frozenset({"of"}))]  # "control of the base to Iraq"
    for pobj in [p for h in heads for p in prep_objects(h, preps)] + list(prep_objects(verb, preps)):
        found += actors(rd, pobj) or actors(rd, pobj, via_modifiers=True)
    if not found:  # "gave Egypt a loan", "sold weapons to India": the one who receives it
        found = dative_slot(rd, verb, trig, passive, lex)
    if not found and trig.predicate in _GIVEN_TO:  # "sold fighter jets to India", parsed as a preposition
        found = [a for p in prep_objects(verb, ("to",)) for a in actors(rd, p)]
    if not found and trig.predicate in _WHOSE_THING and not (lex.nouns.get(noun) or _NO_NOUN).predicate \
            and noun not in lex.word_set("weapon"):
        # "froze Venezuela's assets", "the assets of X" (lexicon/words/owned.txt): the owner
        found = [a for o in objs for a in actors(rd, o, via_modifiers=True)]
    return found


def _passive_object(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon) -> list[Actor]:
    """The subject of a passive is the object: "a convoy of the WFP was attacked", "Russian
    positions were shelled" (whose they are); "Mosul was held by ISIS" is no "held responsible"."""
    spec = trig.object
    if spec == "dobj+xcomp":  # "the journalists were told to leave"
        if not any(c.dep_ == "xcomp" and is_infinitive(c) for c in verb.children):
            return []
    elif "+" in spec and not any(t.lower_ == spec.split(":", 1)[1] for t in verb.subtree):
        return []
    subj, _ = subject_of(verb)
    if verb.dep_ == "acl":  # "the journalist arrested by police": the noun itself, by kg's own rows
        # (who leads what "headed by X" describes is the roles' reading: kg.extract.roles)
        own = spec == "dobj" and trig.origin == "verbs.tsv" and trig.predicate != "leaderOf"
        return actors(rd, subj) if own else []
    return actors(rd, subj) or (actors(rd, subj, via_modifiers=True) if subj is not None else [])


def _imported_object(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon) -> list[Actor]:
    """A verb imported alone from the CAMEO dictionary: its direct object, nothing farther
    (or its indirect object when the direct one is a thing: "fined Google $5 billion"); what
    one exchanges is never a party ("Russia and Ukraine exchanged prisoners")."""
    if verb.lemma_.lower() in lex.word_set("exchanging"):
        return []
    return [a for c in verb.children if c.dep_ in OBJECT_DEPS for a in actors(rd, c)] or indirect_object(rd, verb)


def _direct_object(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon) -> list[Actor]:
    """The actors of the first direct object that names any, else (for a verb with no object
    of its own) those of its open complement."""
    spec = trig.object
    if spec == "dobj+xcomp":  # "told the journalists to leave": an order, not "told reporters"
        if not any(c.dep_ == "xcomp" and is_infinitive(c) for c in verb.children):
            return []
    elif "+" in spec:
        need = spec.split("+", 1)[1].split(":", 1)[1]
        if not any(t.lower_ == need for t in verb.subtree):
            return []
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            if trig.predicate == "rejected" and child.lemma_.lower() in lex.word_set("allegation"):
                continue  # "rejected accusations by Bogota" denies them (see verb_extras.denials)
            found = _object_actors(rd, verb, trig, child, lex)
            if found:
                return found
    # not when the verb has an object of its own ("ordered all schools to admit students"
    # orders the schools), unless an indirect object names the party ("fined Google $5 billion")
    if any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return indirect_object(rd, verb)
    shared = _shared_object(verb)
    if shared is not None:  # "police arrested and charged two men": the men were arrested too
        return _object_actors(rd, verb, trig, shared, lex)
    if spec == "dobj+xcomp":
        return indirect_object(rd, verb)  # "wants to talk with X" asks nothing of X
    return indirect_object(rd, verb) or _complement_objects(rd, verb, trig, lex)


def _shared_object(verb: Token) -> Token | None:
    """The direct object of the verb coordinated after this one, when this one has none and
    nothing between them ends its phrase ("arrested and charged two men", "invaded and annexed
    Crimea"; not "arrived and attacked X" with a particle or preposition of its own)."""
    if any(c.dep_ in {"prt", "prep", "ccomp", "xcomp", "dative"} for c in verb.children):
        return None
    nxt = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i), None)
    if nxt is None or any(c.dep_ in {"nsubj", "nsubjpass"} for c in nxt.children):
        return None
    if not any(c.dep_ == "cc" and verb.i < c.i < nxt.i for c in verb.children) or nxt.i - verb.i > 3:
        return None
    return next((c for c in nxt.children if c.dep_ in OBJECT_DEPS), None)


def _object_actors(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, obj: Token, lex: Lexicon) -> list[Actor]:
    """The actors one direct object names: itself, else its modifiers, else the target of its
    preposition for a relation that may reach through it."""
    inside = trig.lemma in lex.word_set("party_in_object")  # "accepted an offer from X", not "accepted them"
    found = [] if inside else actors(rd, obj)
    if not found:
        # "welcomed the Iraqi decision": Iraq; "supported the Iraqi offensive": Iraq, its
        # agent; but "welcomed new Syria sanctions" names Syria, a noun before a hostile
        # act, as its target, not as the one welcomed
        # (but a host meets people: "hosted Russian nuclear weapons" consults no Russia)
        found = [] if trig.lemma in lex.word_set("hosting") and not _met(obj, lex) \
            else actors(rd, obj, via_modifiers=True)
        if trig.predicate in COOPERATIVE and hostile_act(obj, lex):
            found = [a for a in found if a[1].dep_ != "compound"]
        if obj.lemma_.lower() in lex.word_set("patient_possessor"):
            # "condemned Mhlanga's arrest": about the unnamed arrester, not Mhlanga
            found = [a for a in found if a[1].dep_ != "poss"]
        if any(a[1].dep_ == "poss" and a[1].pos_ != "PRON" for a in found):
            # "blocked Sweden's NATO bid": the bid is Sweden's; NATO is what it is for
            found = [a for a in found if a[1].dep_ == "poss"]
        if inside:
            found = [a for a in found if a[1].i != obj.i]
    if not found and trig.predicate in _THROUGH_OBJECT and not (
            (verb.lemma_.lower() in lex.word_set("ending") or trig.predicate == "demanded") and hostile_act(obj, lex)):
        # "threatened further action against Russia", "suspended aid to Bosnia"; but
        # "suspended attacks on U.S. forces" sanctions no one: it ends the attacks, and
        # "ordered airstrikes against X" asks nothing of X: the strikes are the act (nominal)
        for pobj in prep_objects(obj, TARGET_PREPS):
            found += actors(rd, pobj)
    return found


def _complement_objects(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, lex: Lexicon) -> list[Actor]:
    """"threatened to target U.S. interests", "threatened to ban voting in East Jerusalem":
    the object of the open complement, or the target of its prepositions. Troops one sends
    are one's own ("refused to deploy peacekeepers in Iraq"): no other party."""
    for child in verb.children:
        if child.dep_ != "xcomp" or child.lemma_.lower() in lex.deploying:
            continue
        found = []
        for obj in child.children:
            if obj.dep_ in OBJECT_DEPS:
                found += actors(rd, obj) or actors(rd, obj, via_modifiers=True)
        if not found and trig.predicate in _THROUGH_OBJECT:
            heads = [child, *(c for c in child.children if c.dep_ in OBJECT_DEPS)]
            found = [a for h in heads for p in prep_objects(h, TARGET_PREPS | {"in"}) for a in actors(rd, p)]
        if found:
            return [(k, t, f * 0.9) for k, t, f in found]
    return []


def _prep_slot(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon) -> list[Actor]:
    """The objects of the row's prepositions, on the verb or on its object ("provided arms to
    X" attaches "to X" to either). A row imported from the CAMEO dictionary with no noun of
    its own does not read a verb whose object is a thing: the thing is the act ("placed blame
    on X" is no "placed X on ..."), which the noun patterns read."""
    if trig.origin != "verbs.tsv" and trig.noun is None and any(
            c.dep_ in OBJECT_DEPS and c.pos_ == "NOUN" and not rd.actor_at(c) for c in verb.children):
        return []
    if trig.predicate == "conceded" and any(c.dep_ in OBJECT_DEPS and _civilians(c, lex) for c in verb.children):
        return []  # "evacuated its citizens from Sudan": a rescue, no retreat (but "its troops")
    preps = frozenset(trig.object.split(":", 1)[1].split(","))
    out: list = []
    heads = [verb] + [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    # "provided $5 billion in loans to X": the parser may hang "to X" on what the sum is in
    heads += [p for h in heads[1:] if h.ent_type_ == "MONEY" for p in prep_objects(h, ("in",))]
    # "stands shoulder to shoulder with X": the parser may hang "with X" on the idiom
    heads += [c for c in verb.children if c.lower_ in lex.word_set("side_by_side") and c.dep_ != "nsubj"]
    if trig.predicate == "mobilizedAgainst":
        # "mobilized reservists for a possible war against Iraq": the foe of the war prepared for
        heads += [p for h in list(heads) for p in prep_objects(h, ("for",))]
        out.extend(_across_border(rd, verb, heads, lex))
    for head in heads:
        for pobj in prep_objects(head, preps):
            out.extend(actors(rd, pobj) or actors(rd, pobj, via_modifiers=True))
    if trig.predicate == lex.reading("protest-at-mission") and all(rd.entities[o[0]].type == "Facility" for o in out):
        out = _at_mission(rd, verb, lex) or out  # the state of the mission, not its building
    if preps <= {"from", "of"} and trig.predicate in {"targeted", "inConflictWith"}:
        # "liberated the city from X", "rid Iraq of X": X is a foe; "seized tanks from an
        # airfield" names a place, no foe
        out = [o for o in out if rd.entities[o[0]].type not in {"Place", "Facility"}]
    return out


def _civilians(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun names people who are no force ("its citizens", "nationals"), not a place
    the agents dictionary lists beside them ("settlements")."""
    noun = lex.actor_nouns.get(tok.lower_) or lex.actor_nouns.get(tok.lemma_.lower())
    cls = noun.cls if noun is not None else participant_class(tok, lex)
    return cls in {"Collective", "Person"} and tok.lemma_.lower() not in lex.sites


def _at_mission(rd: ResolvedDoc, verb: Token, lex: Lexicon) -> list[Actor]:
    """"demonstrated outside the Turkish embassy", "rallied in front of the US consulate": a
    protest at a state's mission abroad (words/facility_abroad.txt) is against its state."""
    near = lex.word_set("vicinity")
    places = list(prep_objects(verb, near | {"in"}))
    places += [q for p in places if p.lemma_.lower() in near for q in prep_objects(p, ("of",))]  # "in front of"
    return [(rd.actor_at(m), m, 0.8) for p in places if p.lemma_.lower() in lex.word_set("facility_abroad")
            for m, _ in modifier_actors(rd, p, lex) if rd.entities[rd.actor_at(m)].type == "State"]


def _across_border(rd: ResolvedDoc, verb: Token, heads: list[Token], lex: Lexicon) -> list[Actor]:
    """"deployed troops to the border with X", "massed forces along the frontier with X",
    "moved artillery closer to the border with X": whoever is across the border."""
    out = []
    for h in list(heads) + [c for c in verb.children if c.dep_ == "advmod"]:
        for pobj in prep_objects(h, ("to", "on", "along", "near", "at")):
            if pobj.lemma_.lower() in lex.word_set("border"):
                out.extend(a for w in prep_objects(pobj, ("with",)) for a in actors(rd, w))
    return out


def _for_clause(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon) -> list[Actor]:
    """"pressed for Russia to use its influence": who is to act."""
    return [a for c in verb.children if c.dep_ in {"advcl", "ccomp", "xcomp"} and c.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            for s in c.children if s.dep_ == "nsubj" for a in actors(rd, s)]


def _clause_subject(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon) -> list[Actor]:
    """"demanded that the US cancel the sale", "demanded that Kyiv be disarmed": the subject of
    the that-clause (of an accusation, an active one: "alleged that women are being persecuted"
    accuses their persecutors, not them)."""
    out = []
    for child in verb.children:
        if child.dep_ == "ccomp":
            subj, passive = subject_of(child)
            if not (passive and trig.predicate in {"accused", "blamed"}):
                out.extend(actors(rd, subj))  # but "alleged that women are being persecuted": they suffer it
    return out


#: The slots of a row, tried in order: (does the row's slot fit ``(spec, trigger, passive)``,
#: the slot that finds its actors).
_SLOTS: tuple[tuple[Callable[[str, VerbTrigger, bool], bool], Slot], ...] = (
    (lambda spec, trig, passive: spec.startswith("noun:"), _noun_slot),
    (lambda spec, trig, passive: passive and _is_dobj(spec), _passive_object),
    (lambda spec, trig, passive: spec == "dobj" and trig.origin != "verbs.tsv", _imported_object),
    (lambda spec, trig, passive: _is_dobj(spec), _direct_object),
    (lambda spec, trig, passive: spec.startswith("prep:"), _prep_slot),
    (lambda spec, trig, passive: spec == "for-clause", _for_clause),
    (lambda spec, trig, passive: spec == "ccomp", _clause_subject),
    (lambda spec, trig, passive: spec == "dative", dative_slot),
    (lambda spec, trig, passive: spec == "only-object", only_object_slot),
    (lambda spec, trig, passive: spec.startswith("addressee:"), addressee_slot),
)


def _met(tok: Token, lex: Lexicon) -> bool:
    """Whether a host's object is someone it meets: a visitor or a meeting ("hosted the Iraqi
    delegation", "hosted talks"), not a thing ("hosted Russian nuclear weapons")."""
    lemma = tok.lemma_.lower()
    return lemma in lex.word_set("visitor") or lemma in lex.word_set("meeting")


#: Relations a hostile act states: its noun's modifier is its target, never a party supported.
_HOSTILE = CONFLICTUAL | {"threatened", "criticized", "condemned"}


def hostile_act(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun phrase names a hostile act, whose modifier is the target, not a party
    to support.

    Parameters
    ----------
    noun : Token
        The head of the noun phrase.
    lex : Lexicon
        The lexicon (its noun triggers).

    Returns
    -------
    bool
        ``True`` when the noun or one of its compounds is a trigger of a conflictual,
        threatening or critical relation ("sanctions", "Gaza strikes", "the Russia
        sanctions package").

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> doc = parse("The EU approved the Russia sanctions package.").doc
    >>> hostile_act(doc[6], load_lexicon())
    True
    """
    for t in (noun, *(c for c in noun.children if c.dep_ == "compound")):
        trig = lex.nouns.get(t.lemma_.lower())
        if trig is not None and trig.predicate in _HOSTILE:
            return True
    return False
