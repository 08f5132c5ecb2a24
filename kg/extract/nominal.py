"""Relations and events stated by nouns: "the attack on X", "X's condemnation of Y",
"Iran imposed sanctions on X", "talks with X", and claims of responsibility.

A noun trigger's agent is its possessor ("Iran's condemnation"), an actor
modifier ("Israeli strikes"), a ``by`` phrase, or the subject of the verb
that governs it ("launched an attack on"). Its object comes from the
prepositions the lexicon lists, or from a participle ("an attack targeting X").
Triggers with an event class also become :class:`~kg.model.Event` records,
one per document and target, with location, instrument, outcome, date and
claimants. An agent the sentence calls unconfirmed is dropped.

Examples
--------
>>> from kg import parse
>>> rd = parse("Hamas launched an attack on Israel.")
>>> [(r.subject, r.predicate, r.object) for r in nominal_relations(rd) if hasattr(r, "predicate")]
[('hamas', 'targeted', 'israel')]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon, NounTrigger, load_lexicon
from ..model import Event, Relation
from ..resolve import ResolvedDoc
from .events import make_event
from .actors import actors, modifier_actors
from .clauses import accused_of, accuser, speaker_of, subject_of
from .modality import intent_predicate, is_negated, modality, scare_quoted
from .records import backing, relation
from .sides import (
    JOINT_PREDICATES,
    acting_as_part_of,
    fight_in,
    partners_of,
    removal_demanded,
    singled_out_against,
    supported_party,
)
from .syntax import MODIFIER_DEPS, OBJECT_DEPS, prep_objects, verb_lemma

__all__ = ["nominal_relations"]

#: Relations a compound "X-Y" noun states between X and Y.
_PAIR_PREDICATES = frozenset({"inConflictWith", "consulted", "agreedWith", "cooperatedWith"})
#: Dependencies only a noun phrase takes.
_NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass"})
#: Events that need no target: a protest or a meeting is whoever holds it.
_AGENT_EVENTS = frozenset({"Protest", "Meeting", "Agreement", "Arrest"})
_NOT_AGENTS = frozenset({"Place", "Facility"})
def _agents(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> tuple[list, Token | None]:
    found = []
    for child in noun.children:
        if child.dep_ in MODIFIER_DEPS:
            found += actors(rd, child)
    if noun.lemma_.lower() in lex.word_set("request") | lex.word_set("support"):  # "an appeal from the Security Council"
        received = noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() in lex.word_set("receiving")
        heads = [noun] + ([noun.head] if received else [])
        for pobj in (p for h in heads for p in prep_objects(h, frozenset({"from"}))):
            found += actors(rd, pobj) or actors(rd, pobj, via_modifiers=True)
    for mod, factor in modifier_actors(rd, noun):
        if factor < 1.0:  # one compound down: "the Turkish drone strike"
            found += [(k, t, f * factor) for k, t, f in actors(rd, mod)]
    for child in noun.children:  # "a demonstration by Hamas supporters", "the attack by X"
        if child.dep_ in {"prep", "agent"} and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found += actors(rd, pobj)
    if found:
        return found, None
    head = noun.head
    if noun.dep_ in OBJECT_DEPS and verb_lemma(head, lex.light_verbs) in lex.light_verbs:
        subj, passive = subject_of(head)
        if not passive:
            found = actors(rd, subj)  # and who did it with them: "X, together with Y, launched strikes"
            keys = {k for k, _, _ in found}
            return found + [p for p in partners_of(rd, head, subj) if p[0] not in keys], head
    # "put Washington on alert for ...", "Iran is on high alert against ...": the one on alert
    if noun.dep_ == "pobj" and head.lower_ == "on":
        verb = head.head
        held = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        if held:  # "put its army on high alert": the army's owner
            return actors(rd, held[0]) or actors(rd, held[0], via_modifiers=True), verb
        if verb.lemma_.lower() == "be":
            subj, passive = subject_of(verb)
            return ([] if passive else actors(rd, subj)), verb
    # "killed four people in an attack on X", "staged a strike in protest against X";
    # talks one goes to or comes from: "returned to Geneva for talks", "called off the strike after
    # deliberations with X"
    meeting = lex.nouns.get(noun.lemma_.lower())
    around = {"for", "after", "following"} if meeting is not None and meeting.predicate == "consulted" else set()
    if noun.dep_ == "pobj" and head.lower_ in {"in", "during", "with"} | around:
        while head.dep_ == "conj" and head.head.i != head.i and head.head.dep_ == "prep":
            head = head.head  # "coordinated with and in support of X"
        verb = head.head
        if (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ in OBJECT_DEPS
                and _is_attack_noun(verb.head, lex)):
            verb = verb.head.head  # "conducted strikes coordinated with and in support of X"
        elif verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBG"}:
            # "officials involved in negotiations with X": the officials, not the clause's subject
            return [(k, t, f * 0.85) for k, t, f in actors(rd, verb.head)], verb
        if any(c.dep_ in {"prep", "agent"} and c.lower_ == "by" for c in noun.children):
            return [], verb  # "during a visit by Starmer to the White House, Trump said": not Trump's visit
        if verb.lemma_.lower() in lex.word_set("facing"):
            return [], verb  # "facing challenges, with threats to their integrity": they are threatened
        if verb.pos_ in {"VERB", "AUX"}:
            subj, passive = subject_of(verb)
            taking_part = verb.lemma_.lower() in lex.word_set("taking_part") and head.lower_ == "in"
            if passive and taking_part and is_negated(verb):
                return [], verb  # "Lebanon's army was not involved in the clashes"
            if not passive or taking_part:
                # "X was involved in the use of drones against Y": X did it
                return [(k, t, f * 0.85) for k, t, f in actors(rd, subj)], verb
    return [], None


def _together(noun: Token, light: Token | None, lex: Lexicon) -> bool:
    """Whether the act's agents did it together: "joint strikes", or partners named on the
    light verb ("together with", "in coordination with")."""
    if any(c.dep_ == "amod" and c.lower_ in lex.word_set("joint") for c in noun.children):
        return True
    if light is None:
        return False
    subj = next((c for c in light.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    together = lex.word_set("together") | lex.word_set("coordination")  # "together with", "in coordination with"
    return any(t.lower_ in together or t.lower_ == "alongside"
               for h in (light, subj) if h is not None for t in h.subtree
               if t.i not in {x.i for x in noun.subtree})


def _is_attack_noun(tok: Token, lex: Lexicon) -> bool:
    trig = lex.nouns.get(tok.lemma_.lower())
    return trig is not None and trig.event == "Attack"


def _strike_targets(rd: ResolvedDoc, clause: Token, support: Token) -> list:
    """The actors a military clause acts "against" or "on", outside the name of the one
    supported ("in support of X against Y" is against Y)."""
    heads = {clause.i, support.i, *(c.i for c in clause.children if c.dep_ in OBJECT_DEPS)}
    skip = {t.i for p in support.children if p.dep_ == "prep" and p.lower_ in {"of", "for", "to"}
            for t in p.subtree}
    out = []
    for prep in clause.subtree:
        # "against" anywhere in the act ("... using aircraft against ISIL targets"); "on" only on
        # the act itself, not deeper ("a strike on fighters firing on Iraqi forces")
        if prep.dep_ != "prep" or prep.i in skip or not (
                prep.lower_ == "against" or (prep.lower_ == "on" and prep.head.i in heads)):
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                out += actors(rd, pobj) or actors(rd, pobj, via_modifiers=True)
    return out


def _military(clause: Token | None, lex: Lexicon) -> bool:
    """Whether a clause is a military act: "conducted strikes", "carried out raids",
    "deployed troops"."""
    if clause is None:
        return False
    for obj in clause.children:
        if obj.dep_ not in OBJECT_DEPS:
            continue
        trig = lex.nouns.get(obj.lemma_.lower())
        if trig is not None and trig.event == "Attack":
            return True
        if clause.lemma_.lower() in lex.deploying:  # "deployed thousands of troops ... in support of X"
            for t in obj.subtree:
                noun = lex.actor_nouns.get(t.lower_) or lex.actor_nouns.get(t.lemma_.lower())
                if noun is not None and noun.cls == "MilitaryForce":
                    return True
    return False


def _objects(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> list:
    out = []
    heads = [noun]
    if noun.dep_ in OBJECT_DEPS:  # "imposed sanctions on X": the preposition may hang on the verb
        heads.append(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "on":  # "is on alert for X"
        heads.append(noun.head.head)
    if "with" in trig.preps:  # "a suspension of air links with Serbia": "with" hangs on the ties
        heads += [p for p in prep_objects(noun, frozenset({"of"})) if p.lemma_.lower() in lex.word_set("tie")]
    if "from" in trig.preps:  # "the recapture of Goma from M23": "from" hangs on the place
        heads += [p for p in prep_objects(noun, frozenset({"of"})) if p.ent_type_ in {"GPE", "LOC", "FAC"}
                  or rd.actor_at(p) is None or rd.entities[rd.actor_at(p)].type in {"Place", "Facility"}]
    for head in heads:
        for pobj in prep_objects(head, frozenset(trig.preps)):
            # "an investigation into an allegation by X" is not about X
            out += actors(rd, pobj) or ([] if pobj.lemma_.lower() in lex.word_set("saying")
                                        else actors(rd, pobj, via_modifiers=True))
    if "against" in trig.preps:  # "their struggle against extremism, in particular against Boko Haram"
        out += [a for p in singled_out_against(noun) for a in actors(rd, p)]
    if not out and "against" in trig.preps and noun.dep_ in OBJECT_DEPS:
        # "conducted 15 strikes using fighter aircraft against ISIL targets": the target may hang
        # anywhere in the clause of the light verb, but not in its subject
        verb = noun.head
        skip = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
        for t in verb.subtree:
            if t.dep_ == "prep" and t.lower_ == "against" and t.i > noun.i and t.i not in skip:
                for pobj in t.children:
                    if pobj.dep_ == "pobj":
                        out += actors(rd, pobj) or actors(rd, pobj, via_modifiers=True)
                if out:
                    break
    if not out and noun.dep_ == "pobj" and noun.head.lower_ in {"in", "during", "by"} and trig.event == "Attack":
        # "A TTP commander was killed in a Pakistani drone strike": who the strike harmed
        verb = noun.head.head
        harms = any(t.predicate == "targeted" for t in lex.verbs.get(verb.lemma_.lower(), ()))
        if harms:
            for subj in (c for c in verb.children if c.dep_ == "nsubjpass"):
                out += actors(rd, subj)
    if not out and trig.predicate == "demanded" and noun.dep_ in OBJECT_DEPS \
            and noun.head.lemma_.lower() in lex.word_set("answering"):
        # "the RSF rejected an appeal from the Security Council": the appeal was made to the RSF
        subj, passive = subject_of(noun.head)
        out += [] if passive else actors(rd, subj)
    if not out and trig.predicate in {"supported", "aided"} and noun.dep_ in OBJECT_DEPS \
            and noun.head.lemma_.lower() in lex.word_set("receiving"):
        # "Ukraine received aid from the EU": the one who receives it is aided
        subj, passive = subject_of(noun.head)
        given = any(True for h in (noun, noun.head) for _ in prep_objects(h, frozenset({"from"})))
        out += actors(rd, subj) if given and not passive else []
    if not out and trig.predicate in {"supported", "aided"} and noun.dep_ == "pobj" and noun.head.lower_ == "with" \
            and any(True for _ in prep_objects(noun, frozenset({"from"}))):
        # "Somali forces, with support from Turkish drones, pushed ...": the subject is helped
        helped = noun.head.head
        if helped.pos_ in {"NOUN", "PROPN"}:
            out += actors(rd, helped)
        else:
            subj, passive = subject_of(helped)
            out += [] if passive else actors(rd, subj)
    if not out and trig.predicate == "mobilizedAgainst":
        # "put its army on high alert along the border with Kosovo": whoever is across the border
        for head in (noun, noun.head, noun.head.head):
            for place in prep_objects(head, frozenset({"along", "to", "near", "at", "on"})):
                if place.lemma_.lower() in lex.word_set("border"):
                    out += [a for w in prep_objects(place, frozenset({"with"})) for a in actors(rd, w)]
    if not out and trig.predicate in {"demanded", "accused"}:
        # "its demand that Israel ease restrictions": Israel; "the Taliban's claim that Pakistani jets
        # bombed a market": the jets
        clauses = list(noun.children)
        if noun.dep_ in OBJECT_DEPS:  # "reiterated its demand today that Israel ease ...": hung on the verb
            clauses += [c for c in noun.head.children if c.i > noun.i]
        for clause in clauses:
            that = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            if clause.dep_ in {"acl", "ccomp"} and that:
                subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                out += actors(rd, subj)
    for child in noun.children:  # "an attack targeting X"
        if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in lex.word_set("targeting"):
            for obj in child.children:
                if obj.dep_ in OBJECT_DEPS:
                    out += actors(rd, obj)
    return out


def _hedged(sent: Span, noun: Token, agents: list, lex: Lexicon) -> bool:
    """Whether the sentence calls the perpetrator of this act unconfirmed:
    "the group responsible for the attack remains unconfirmed", "the attack
    by unidentified gunmen"."""
    for t in sent:
        if t.lower_ not in lex.hedges:
            continue
        if t.dep_ in {"acomp", "attr", "oprd"}:
            # "the group responsible for the attack remains unconfirmed": the act is in the subject
            subjects = [c for c in t.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(noun.i in {x.i for x in subj.subtree} for subj in subjects):
                return True
        if t.dep_ == "amod" and t.head.i in {a[1].i for a in agents}:
            return True  # "unidentified gunmen", "suspected militants"
    return False


def _claimants(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> list:
    """'X claimed responsibility for the attack' -> X."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return []
    obj = prep.head
    verb = obj.head if obj.dep_ in OBJECT_DEPS else None
    if verb is None or (verb.lemma_.lower(), obj.lemma_.lower()) not in lex.claims:
        return []
    if is_negated(verb):
        return []
    subj, passive = subject_of(verb)
    return [] if passive else actors(rd, subj)


def nominal_relations(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> Iterator[Relation | Event]:
    """Yield relations and events stated by noun triggers."""
    lex = lexicon or load_lexicon()
    for sent in rd.doc.sents:
        for noun in sent:
            if noun.pos_ not in {"NOUN", "PROPN"} and noun.dep_ not in _NOMINAL_DEPS:
                continue  # "U.S. airstrikes" is sometimes tagged a verb, but it is an object
            trig = lex.nouns.get(noun.lemma_.lower()) or lex.nouns.get(noun.lower_)
            if noun.i >= 2 and noun.doc[noun.i - 1].text == "-" and noun.doc[noun.i - 2].head.i == noun.i:
                # a hyphenated noun the tokenizer split: "sit-in", "walk-out"
                trig = lex.nouns.get(f"{noun.doc[noun.i - 2].lower_}-{noun.lower_}") or trig
            if trig is None or trig.predicate is None:
                continue
            if trig.predicate in {"targeted", "inConflictWith"} and any(
                    c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in lex.word_set("no_violence")
                    for t in (noun, *(c for c in noun.children if c.dep_ == "compound")) for c in t.children):
                continue  # "a hunger strike", "tariff-trade wars", "a legal battle" attack no one
            if is_negated(noun) or is_negated(noun.head) or (
                    scare_quoted(noun) and speaker_of(rd, noun, lex) is None):
                continue  # 'Erdogan's "war" on the PKK is only a pretext' states no war
            if noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() in lex.word_set("ending"):
                continue  # "Chad ended its defence agreement with France"
            mode = modality(noun, lex)
            if mode != "asserted" and _owned(rd, noun):
                mode = "asserted"  # "eager to join the Peshmerga's fight against ISIS": the fight is real
            pred = intent_predicate(trig.predicate, mode)
            if pred is None:
                continue
            if pred in _PAIR_PREDICATES and mode == "asserted":
                # "the Israel-Hamas conflict", "talks between X and Y" (not "working to broker a truce
                # between X and Y": an aim of a third party)
                for a, b in [*_hyphen_pairs(rd, noun), *_between_pairs(rd, noun)]:
                    rel = relation(rd, sent, a, pred, b, trig.confidence, f"noun:{trig.lemma}:pair", trigger=noun)
                    if rel:
                        yield rel
                    if rel and pred == "agreedWith":
                        talks = relation(rd, sent, a, "consulted", b, trig.confidence * 0.8,
                                         f"noun:{trig.lemma}:pair:negotiated", trigger=noun)
                        if talks:
                            yield talks
            agents, light = _agents(rd, noun, lex)
            if mode == "alleged":  # "accused Kataib Hezbollah of attacks on U.S. interests"
                agents = agents or actors(rd, accused_of(noun))
            # a place names where, not who: "the Gaza conflict", "the Baghdad attack"
            if noun.lemma_.lower() in lex.word_set("campaign") and not any(
                    c.dep_ in MODIFIER_DEPS and rd.actor_at(c) for c in noun.children):
                # "support for the Government of Somalia in the war against al-Shabaab": the supported fight,
                # not the fight of whoever gives the support
                supported = actors(rd, supported_party(noun))
                if supported:
                    agents = [(k, t, f * 0.85) for k, t, f in supported]
            # "its alleged support for X", "a suspected Israeli strike": who did it is not stated
            alleged = any(c.dep_ == "amod" and c.lower_ in lex.hedges for c in noun.children)
            agents = [] if alleged or _hedged(sent, noun, agents, lex) else [
                a for a in agents if rd.entities[a[0]].type not in _NOT_AGENTS]
            if mode == "future" and noun.lemma_.lower() in lex.word_set("mission") and agents and all(
                    rd.entities[a[0]].type == "MilitaryForce" for a in agents):
                # "the squadron will fly strike missions against ISIL": a force's assignment in a
                # war it is in, no threat it voices
                mode, pred = "pursued", intent_predicate(trig.predicate, "pursued")
            objects = _objects(rd, noun, trig, lex)
            if trig.event == "Attack" and light is not None and light.lemma_.lower() in lex.word_set("exchanging"):
                # "exchanged fire with X", "traded fire with X": both sides fired
                objects = [a for h in (noun, light) for p in prep_objects(h, frozenset({"with"}))
                           for a in actors(rd, p)]
                pred = "inConflictWith"  # with the "with" side, or between the sides named together
            if not objects and trig.predicate == "protestedAgainst":
                objects = removal_demanded(rd, noun)  # "a protest calling for the ouster of X"
            if trig.event == "Attack" and not objects:
                # "came under attack from X", "received heavy fire from X": X attacked the subject
                verb, objects = _under_fire(rd, noun, lex)
                if objects and not agents:
                    agents = [a for h in (noun, verb) for p in prep_objects(h, frozenset({"from"}))
                              for a in actors(rd, p)]
            if not objects and pred in _PAIR_PREDICATES and len(agents) > 1:
                # "Iran and Saudi Arabia held talks": the coordinated agents with each other
                for i, a in enumerate(agents):
                    for b in agents[i + 1:]:
                        rel = relation(rd, sent, a, pred, b, trig.confidence * 0.9,
                                       f"noun:{trig.lemma}:reciprocal", trigger=noun, asserted_by=speaker_of(rd, noun, lex))
                        if rel:
                            yield rel
            if noun.lemma_.lower() in lex.word_set("exercise") and len({a[0] for a in agents}) > 1 and (
                    _together(noun, light, lex)
                    or any(c.dep_ == "amod" and c.lower_ in lex.word_set("joint") for c in noun.children)
                    or (light is not None and light.lemma_.lower() in lex.word_set("holding_exercise"))):
                # "Russia and Belarus began joint military exercises": they drilled together
                for i, a in enumerate(agents):
                    for b in agents[i + 1:]:
                        if a[0] != b[0]:
                            rel = relation(rd, sent, a, "cooperatedWith", b, 0.75,
                                           f"noun:{trig.lemma}:joint", trigger=noun)
                            if rel:
                                yield rel
            together = _together(noun, light, lex)
            if objects and len({a[0] for a in agents}) > 1 and (
                    together or (light is not None and pred in JOINT_PREDICATES)):
                # "joint airstrikes by Mali and Burkina Faso", "X, together with Y, launched strikes",
                # "Mali and Burkina Faso carried out strikes on X"
                for i, a in enumerate(agents):
                    for b in agents[i + 1:]:
                        if a[0] != b[0]:
                            rel = relation(rd, sent, a, "cooperatedWith", b, 0.75 if together else 0.6,
                                           f"noun:{trig.lemma}:joint", trigger=noun)
                            if rel:
                                yield rel
            if light is not None and agents:  # "France, as part of the EU, imposed sanctions": the EU's too
                known = {a[0] for a in agents}
                agents = agents + [p for p in acting_as_part_of(rd, light) if p[0] not in known]
            claimants = _claimants(rd, noun, lex)
            speaker = accuser(rd, noun) if mode == "alleged" else speaker_of(rd, light or noun, lex)
            if mode == "alleged" and speaker is None:
                continue
            for subj in agents:
                for obj in objects:
                    rel = relation(rd, sent, subj, pred, obj, trig.confidence * (0.6 if mode == "alleged" else 1.0),
                                   f"noun:{trig.lemma}" + ("" if mode == "asserted" else f":{mode}"),
                                   trigger=noun, asserted_by=speaker)
                    if rel:
                        yield rel
                        # "its support of the government of Iraq in their fight against ISIL": military
                        military = _military(light, lex) or any(fight_in(noun))
                        voiced = noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() in lex.word_set("voicing_stance")
                        backed = backing(rd, rel, trig.lemma, lex, military=military) \
                            if mode == "asserted" and not voiced else None  # "reaffirmed its support": words
                        if backed is not None:
                            yield backed
                        if backed is not None and military and light is not None:
                            # "strikes in support of the government of Iraq against ISIL targets":
                            # the one supported is at war with the strikes' target
                            for foe in _strike_targets(rd, light, noun):
                                ally = relation(rd, sent, obj, "inConflictWith", foe, 0.6,
                                                f"noun:{trig.lemma}:ally-fight", trigger=noun)
                                if ally:
                                    yield ally
            for subj in claimants:
                for obj in objects:
                    rel = relation(rd, sent, subj, trig.predicate, obj, trig.confidence * 0.85,
                                   f"noun:{trig.lemma}:claimed", trigger=noun, asserted_by=subj[0])
                    if rel:
                        yield rel
            if trig.event and mode == "asserted" and (objects or agents or claimants):
                event = make_event(rd, sent, noun, trig.event, agents, objects, claimants,
                                   rule=f"noun:{trig.lemma}:event", confidence=trig.confidence)
                if event.targets or event.location or (event.type in _AGENT_EVENTS and event.agents):
                    yield event


def _under_fire(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> tuple[Token | None, list]:
    """The verb and the subject that "came under attack" or "received fire"."""
    verb = None
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        verb = noun.head.head
    elif noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() in lex.word_set("undergoing"):
        verb = noun.head
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return None, []
    subj, passive = subject_of(verb)
    if passive or subj is None:
        return verb, []
    return verb, actors(rd, subj) or actors(rd, subj, via_modifiers=True)


def _owned(rd: ResolvedDoc, noun: Token) -> bool:
    """Whether a noun trigger has its own actor ("Iran's condemnation", "Israeli strikes")."""
    return any(c.dep_ in MODIFIER_DEPS and rd.actor_at(c) for c in noun.children)


def _between_pairs(rd: ResolvedDoc, noun: Token) -> Iterator[tuple]:
    """ "the agreement between Iraq and the Kurdistan Regional Government" -> (Iraq, KRG)."""
    heads = [noun, *(c for c in noun.children if c.dep_ in {"acl", "relcl"})]  # "the deal reached between"
    # "the agreement on 2 December between X and Y": "between" may hang on the date
    heads += [p for p in prep_objects(noun, frozenset({"on", "of"})) if p.ent_type_ == "DATE"]
    for pobj in (p for h in heads for p in prep_objects(h, frozenset({"between", "among"}))):
        found = actors(rd, pobj)
        if len(found) == 1:
            # "between the government, led by X, and the M23": the parser may hang the second
            # party anywhere once a participle describes the first
            found += [a for a in _after_aside(rd, pobj) if a[0] != found[0][0]]
        for i, a in enumerate(found):
            for b in found[i + 1:]:
                yield a, b


def _after_aside(rd: ResolvedDoc, pobj: Token) -> list:
    """The actor after ", and" that closes an aside on the first party of "between":
    "between the Transitional Government of Sudan, headed by Prime Minister X, and the SPLM-N" -> the SPLM-N."""
    doc = pobj.doc
    i = pobj.right_edge.i + 1
    if i >= len(doc) or doc[i].text != ",":
        return []
    close = next((t.i for t in doc[i + 1 : min(len(doc), i + 15)] if t.text == "," or t.is_sent_end), None)
    if close is None or doc[close].text != "," or close + 1 >= len(doc) or doc[close + 1].lower_ != "and":
        return []
    if any(t.pos_ == "VERB" and t.tag_ != "VBN" for t in doc[i + 1 : close]):
        return []  # an aside is a participle phrase ("led by X"), not a clause
    nxt = next((t for t in doc[close + 2 : close + 5] if t.dep_ != "det"), None)
    return [a for a in actors(rd, nxt) if a[1].i >= nxt.i] if nxt is not None and rd.actor_at(nxt) else []


def _hyphen_pairs(rd: ResolvedDoc, noun: Token) -> Iterator[tuple]:
    """Actor pairs written "X-Y" before a noun: ("Israel", "Hamas") in "the Israel-Hamas war"."""
    doc = noun.doc
    mods = [t for t in noun.lefts if t.dep_ in MODIFIER_DEPS]
    for mod in mods:
        for t in mod.subtree:
            if t.i + 2 < len(doc) and doc[t.i + 1].text in {"-", "–"} and doc[t.i + 2].i < noun.i:
                a, b = rd.actor_at(t), rd.actor_at(doc[t.i + 2])
                if a and b and a != b:
                    yield (a, t, 1.0), (b, doc[t.i + 2], 1.0)
