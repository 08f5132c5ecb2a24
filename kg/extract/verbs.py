"""Relations stated by a verb: "X accused Y", "Y was attacked by X", "X called on Y".

Each verb of ``ontology/lexicon/verbs.tsv`` names the relation and where
its object sits (direct object, a preposition, an indirect object). The
subject comes from the verb's subject (followed through coordination and
open complements) or, for a passive, from its ``by`` agent. Negated,
conditional and merely threatened acts are not emitted; a reported act
carries who reported it.

Examples
--------
>>> from kg import parse
>>> [(r.subject, r.predicate, r.object) for r in verb_relations(parse("Iran condemned Israel."))]
[('iran', 'condemned', 'israel')]
>>> [(e.type, e.agents, e.targets, e.instrument) for e in verb_relations(parse("Hamas attacked Israel with rockets."))
...  if not hasattr(e, "predicate")]
[('Attack', ('hamas',), ('israel',), 'rocket')]
>>> [(r.predicate, r.negated) for r in verb_relations(parse("Iran did not condemn Israel."))]
[('condemned', True)]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import Lexicon, NounTrigger, VerbTrigger, load_lexicon
from ..model import Event, Relation
from ..resolve import ResolvedDoc
from .arguments import parties
from .events import EVENT_OF_PREDICATE, make_event
from .actors import actors
from .clauses import accuser, agent_of, at_the_hands_of, speaker_of, subject_of
from .modality import CONFLICTUAL, COOPERATIVE, intent_predicate, is_negated, modality, scare_quoted
from .records import backing, relation
from .sides import JOINT_PREDICATES, acting_as_part_of, fight_foes, partners_of, removal_demanded
from .syntax import OBJECT_DEPS, prep_objects, verb_lemma

__all__ = ["verb_relations"]

_NO_NOUN = NounTrigger("", None, (), None, 0.0)
_ACCUSING = frozenset({"accused", "blamed"})
#: Pronouns a denial's subject may be, standing for the one last accused.
_DENYING_PRONOUNS = frozenset({"they", "it", "he", "she"})
#: Relations whose target may sit in the object's preposition ("threatened action against X").
_THROUGH_OBJECT = frozenset({"threatened", "sanctioned", "mobilizedAgainst", "demanded"})
_TARGET_PREPS = frozenset({"against", "on", "to", "for", "toward", "towards", "with"})


def _weapon(tok: Token | None, lex: Lexicon) -> Token | None:
    """The weapon a salvo is of: "a wave of Russian missiles and drones" -> missiles."""
    if tok is None or tok.lemma_.lower() not in lex.word_set("salvo"):
        return None
    return next(iter(prep_objects(tok, ("of",))), None)


#: Object slots that name someone else's act or a fixed phrase: no generic search beyond them.
_OWN_SLOT_ONLY = ("ccomp", "for-clause", "special:", "noun:")


def _objects(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon):
    """The other party of a verb trigger: its own slot from the lexicon row, else wherever the
    argument patterns shared by every trigger find it (:mod:`kg.extract.arguments`)."""
    found = _slot_objects(rd, verb, trig, passive, lex)
    if found or passive or trig.predicate.startswith("~") or "+" in trig.object \
            or trig.object.startswith(_OWN_SLOT_ONLY) or trig.origin != "verbs.tsv":
        return found
    if any(c.dep_ in OBJECT_DEPS and (lex.nouns.get(c.lemma_.lower()) or _NO_NOUN).predicate
           for c in verb.children):
        return []  # "condemned the attack on X": the attack's target is the noun's (nominal)
    return [(k, t, f * 0.85) for k, t, f in parties(rd, verb, lex.argument_preps.get(trig.predicate, ()),
                                                     lex.complement_preps.get(trig.predicate, ()))]


def _met(tok: Token, lex: Lexicon) -> bool:
    """Whether a host's object is someone it meets: a visitor or a meeting ("hosted the Iraqi
    delegation", "hosted talks"), not a thing ("hosted Russian nuclear weapons")."""
    lemma = tok.lemma_.lower()
    return lemma in lex.word_set("visitor") or lemma in lex.word_set("meeting")


def _noun_pattern_objects(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, lex: Lexicon):
    """A verb + noun pattern ("ended talks with X", "imposed sanctions on X", "sent aid to X"):
    the noun must be the verb's object; the other party follows the pattern's preposition or
    one of the relation's, on the noun or on the verb, or is the indirect object."""
    _, noun, *own = trig.object.split(":")
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.lemma_.lower() == noun]
    if not objs:
        return []
    preps = frozenset(own) | frozenset(lex.argument_preps.get(trig.predicate, ()))
    found = []
    for pobj in [p for o in objs for p in prep_objects(o, preps)] + list(prep_objects(verb, preps)):
        found += actors(rd, pobj) or actors(rd, pobj, via_modifiers=True)
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ != "ADP":
            found += actors(rd, child)
    return found


def _fitting(rd: ResolvedDoc, verb: Token, triggers):
    """The rows that fit a verb as written: "called off" takes the rows of "call off" only (a
    row of a phrasal verb never fits the verb without its particle), and a verb + noun
    pattern fits only when that noun is the verb's object and names an act, not an actor
    ("provided the military with weapons")."""
    prts = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ in OBJECT_DEPS and not rd.actor_at(c)}
    phrasal = [t for t in triggers if t.particle and t.particle in prts]
    own = [t for t in triggers if not t.particle and t.origin == "verbs.tsv"]  # kg's rows: "shot down"
    rows = own + phrasal if phrasal else [t for t in triggers if not t.particle]
    return tuple(t for t in rows if t.noun is None or t.noun in objects)


def _slot_objects(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon):
    spec = trig.object
    if spec.startswith("noun:"):
        return [] if passive else _noun_pattern_objects(rd, verb, trig, lex)
    if passive and (spec == "dobj" or spec.startswith("dobj+")):
        if "+" in spec and not any(t.lower_ == spec.split(":", 1)[1] for t in verb.subtree):
            return []  # "Mosul was held by ISIS" is no "held responsible"
        subj, _ = subject_of(verb)
        # "a convoy of the WFP was attacked", "Russian positions were shelled": whose they are
        return actors(rd, subj) or (actors(rd, subj, via_modifiers=True) if subj is not None else [])
    if spec == "dobj" and trig.origin != "verbs.tsv":
        # a verb imported alone from the CAMEO dictionary: its direct object, nothing farther
        return [a for c in verb.children if c.dep_ in OBJECT_DEPS for a in actors(rd, c)]
    if spec == "dobj" or spec.startswith("dobj+"):
        if "+" in spec:
            need = spec.split("+", 1)[1].split(":", 1)[1]
            if not any(t.lower_ == need for t in verb.subtree):
                return []
        for child in verb.children:
            if child.dep_ in OBJECT_DEPS:
                if trig.predicate == "rejected" and child.lemma_.lower() in lex.word_set("allegation"):
                    continue  # "rejected accusations by Bogota" denies them (see _denials)
                found = actors(rd, child)
                if not found:
                    # "welcomed the Iraqi decision": Iraq; "supported the Iraqi offensive": Iraq, its
                    # agent; but "welcomed new Syria sanctions" names Syria, a noun before a hostile
                    # act, as its target, not as the one welcomed
                    # (but a host meets people: "hosted Russian nuclear weapons" consults no Russia)
                    found = [] if trig.lemma in lex.word_set("hosting") and not _met(child, lex) \
                        else actors(rd, child, via_modifiers=True)
                    if trig.predicate in COOPERATIVE and _hostile_act(child, lex):
                        found = [a for a in found if a[1].dep_ != "compound"]
                    if any(a[1].dep_ == "poss" and a[1].pos_ != "PRON" for a in found):
                        # "blocked Sweden's NATO bid": the bid is Sweden's; NATO is what it is for
                        found = [a for a in found if a[1].dep_ == "poss"]
                if not found and trig.predicate in _THROUGH_OBJECT and not (
                        verb.lemma_.lower() in lex.word_set("ending") and _hostile_act(child, lex)):
                    # "threatened further action against Russia", "suspended aid to Bosnia"; but
                    # "suspended attacks on U.S. forces" sanctions no one: it ends the attacks
                    for pobj in prep_objects(child, _TARGET_PREPS):
                        found += actors(rd, pobj)
                if found:
                    return found
        # "threatened to target U.S. interests", "threatened to ban voting in East Jerusalem":
        # the object of the open complement, or the target of its prepositions; not when the verb
        # has an object of its own ("ordered all schools to admit students" orders the schools)
        if any(c.dep_ in OBJECT_DEPS for c in verb.children):
            return []
        for child in verb.children:
            if child.dep_ != "xcomp":
                continue
            found = []
            for obj in child.children:
                if obj.dep_ in OBJECT_DEPS:
                    found += actors(rd, obj) or actors(rd, obj, via_modifiers=True)
            if not found and trig.predicate in _THROUGH_OBJECT:
                heads = [child, *(c for c in child.children if c.dep_ in OBJECT_DEPS)]
                found = [a for h in heads for p in prep_objects(h, _TARGET_PREPS | {"in"}) for a in actors(rd, p)]
            if found:
                return [(k, t, f * 0.9) for k, t, f in found]
        return []
    if spec.startswith("prep:"):
        preps = frozenset(spec.split(":", 1)[1].split(","))
        out: list = []
        heads = [verb] + [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        # "stands shoulder to shoulder with X": the parser may hang "with X" on the idiom
        heads += [c for c in verb.children if c.lower_ in lex.word_set("side_by_side") and c.dep_ != "nsubj"]
        if trig.predicate == "mobilizedAgainst":
            # "mobilized reservists for a possible war against Iraq": the foe of the war prepared for
            heads += [p for h in list(heads) for p in prep_objects(h, ("for",))]
            # "deployed troops to the border with X", "massed forces along the frontier with X",
            # "moved artillery closer to the border with X"
            for h in list(heads) + [c for c in verb.children if c.dep_ == "advmod"]:
                for pobj in prep_objects(h, ("to", "on", "along", "near", "at")):
                    if pobj.lemma_.lower() in lex.word_set("border"):
                        out.extend(a for w in prep_objects(pobj, ("with",)) for a in actors(rd, w))
        for head in heads:  # "provided arms to X" attaches "to X" to either
            for pobj in prep_objects(head, preps):
                out.extend(actors(rd, pobj) or actors(rd, pobj, via_modifiers=True))
        if preps <= {"from", "of"} and trig.predicate in {"targeted", "inConflictWith"}:
            # "liberated the city from X", "rid Iraq of X": X is a foe; "seized tanks from an
            # airfield" names a place, no foe
            out = [o for o in out if rd.entities[o[0]].type not in {"Place", "Facility"}]
        return out
    if spec == "for-clause":  # "pressed for Russia to use its influence": who is to act
        return [a for c in verb.children if c.dep_ in {"advcl", "ccomp", "xcomp"} and c.i > verb.i
                and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                for s in c.children if s.dep_ == "nsubj" for a in actors(rd, s)]
    if spec == "ccomp":  # "demanded that the US cancel the sale"
        out = []
        for child in verb.children:
            if child.dep_ == "ccomp":
                subj, _ = subject_of(child)
                out.extend(actors(rd, subj))
        return out
    if spec == "dative":
        out = []
        for child in verb.children:
            if child.dep_ == "dative":
                target = child
                if child.lower_ in {"to", "for"}:
                    target = next((c for c in child.children if c.dep_ == "pobj"), None)
                out.extend(actors(rd, target))
        return out
    return []


def verb_relations(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> Iterator[Relation | Event]:
    """Yield the relations stated by lexicon verbs in a resolved document, and the
    events (attacks, arrests, protests...) that asserted acts make."""
    lex = lexicon or load_lexicon()
    recent: list[Relation] = []  # the previous sentence's accusations, for "They denied it."
    for sent in rd.doc.sents:
        emitted: list[Relation] = []
        events: list[Event] = []
        denials: list[tuple[Token, VerbTrigger]] = []
        for verb in sent:
            if verb.pos_ not in {"VERB", "AUX"} and verb.tag_ not in {"VBN", "VBG"}:
                continue
            if verb.lemma_.lower() in lex.word_set("suffering"):
                emitted.extend(_suffered(rd, sent, verb, lex))
            if verb.lemma_.lower() in lex.word_set("ending"):
                emitted.extend(_hostility_ended(rd, sent, verb, lex))
            if lex.intent.get(verb_lemma(verb, lex.intent)) == "threaten":
                emitted.extend(_threat_on_condition(rd, sent, verb, lex))
            lemma = verb_lemma(verb, lex.verbs)
            triggers = _fitting(rd, verb, lex.verbs.get(lemma) or ()) or None
            special = lemma in lex.reciprocal or lemma in lex.speech
            if not (triggers or special):
                continue
            if _attributive(verb, lex):
                continue  # "Blinken assured visiting Australian Foreign Minister Payne": no visit by Blinken
            mode = modality(verb, lex)
            # "Iran did not attack X", "Iran denied attacking X": kept as a negated statement
            negated = is_negated(verb) or mode == "denied"
            if mode == "denied":
                mode = "asserted"
            if mode == "blocked" or (negated and mode != "asserted") or (
                    scare_quoted(verb) and speaker_of(rd, verb, lex) is None):
                continue  # 'Russia "liberated" the town': the writer disputes the word
            subj_tok, passive = subject_of(verb)
            actor_tok = agent_of(verb) if passive else subj_tok
            subjects = actors(rd, actor_tok)
            actor_tok = _weapon(actor_tok, lex) or actor_tok  # "a wave of Russian missiles": the missiles
            if not subjects and actor_tok is not None and (
                    _is_attack_noun(actor_tok, lex) or actor_tok.lemma_.lower() in lex.word_set("weapon")) and not any(
                    c.dep_ == "amod" and c.lower_ in lex.hedges for c in actor_tok.children):
                # "A U.S. strike hit ...", "killed by an Israeli airstrike": the striking actor
                # ("a suspected Israeli strike" names no one)
                subjects = actors(rd, actor_tok, via_modifiers=True)
            # "suspected Hamas militants attacked ...": an unconfirmed perpetrator is no agent
            subjects = [s for s in subjects if not any(t.lower_ in lex.hedges and t.i < s[1].i
                                                       for t in s[1].subtree)]
            if not subjects and mode == "asserted" and not negated and actor_tok is not None \
                    and actor_tok.lower_ in _DENYING_PRONOUNS:
                denials.extend((verb, t) for t in triggers or () if t.object == "special:deny")
            if not subjects:
                # "Militants attacked the embassy": an event with a target and no known agent; but
                # "tariffs targeting Canada", "measures that hit X" are no attack by anyone
                can_act = actor_tok is None or _may_act(actor_tok, lex)
                for trig in (triggers or ()) if mode == "asserted" and not negated and can_act else ():
                    etype = EVENT_OF_PREDICATE.get(trig.predicate)
                    objects = _objects(rd, verb, trig, passive, lex) if etype else []
                    if objects:
                        events.append(make_event(rd, sent, verb, etype, [], objects,
                                                 rule=f"verb:{trig.lemma}:event", confidence=trig.confidence))
                        break
                continue
            partners = partners_of(rd, verb, actor_tok) if not passive else []
            known = {s[0] for s in subjects}
            subjects = subjects + [p for p in partners if p[0] not in known]
            own = subjects  # who act together (not the group they act as part of)
            if not passive:  # "X, as part of the coalition, struck Y": the coalition's act too
                known = {s[0] for s in subjects}
                subjects = subjects + [p for p in acting_as_part_of(rd, verb) if p[0] not in known]
            speaker = accuser(rd, verb) if mode == "alleged" else speaker_of(rd, verb, lex)
            if mode == "alleged" and speaker is None:
                continue
            triggers = triggers or ()
            aim_of_verb: list | None = None  # the foes of the support's aim, computed on first need
            for trig in triggers:
                if trig.object == "special:deny":
                    if mode == "asserted" and not negated:
                        denials.append((verb, trig))
                    continue
                reverse = trig.predicate.startswith("~")  # "X comprises Y": Y partOf X
                pred = intent_predicate(trig.predicate.lstrip("~"), mode)
                if pred == "targeted" and trig.lemma in lex.word_set("using") and any(
                        c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lex.word_set("crowd_control")
                        for c in verb.children):
                    pred = "coerced"  # "police used tear gas against protesters": force short of an attack
                if pred == "targeted" and trig.lemma in lex.word_set("attack_in_words") and any(
                        c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pcomp" for g in c.children)
                        for c in verb.children):
                    pred = "criticized"  # "Trump attacked the newspaper for refusing ...": in words
                if pred == "aided" and any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lex.word_set("inspector")
                                           for c in verb.children):
                    pred = "investigated"  # "the IAEA sent inspectors to Iran": an inspection, not aid
                if pred == "aided" and any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lex.word_set("intangible")
                                           for c in verb.children):
                    continue  # "to give all Iraqis new hope": no aid
                if pred is None or (reverse and mode != "asserted"):
                    continue
                if pred == "demanded" and any(
                        m.dep_ == "mark" and m.lower_ in {"if", "whether"}
                        for c in verb.children if c.dep_ in {"ccomp", "advcl"} for m in c.children):
                    continue  # "asked Lai if he agreed": a question, not a demand
                rule = f"verb:{trig.lemma}:{trig.object}" + ("" if mode == "asserted" else f":{mode}")
                rule += "" if trig.origin == "verbs.tsv" else f"@{trig.origin}"  # the dictionary line
                rule += ":negated" if negated else ""
                objects = _objects(rd, verb, trig, passive, lex)
                if not objects and trig.predicate == "protestedAgainst":
                    objects = removal_demanded(rd, verb)  # "rallied, calling for the ouster of X"
                    rule += ":removal" if objects else ""
                etype = EVENT_OF_PREDICATE.get(pred)
                if etype and objects and mode == "asserted" and not negated and not reverse:
                    events.append(make_event(rd, sent, verb, etype, subjects, objects,
                                             rule=f"verb:{trig.lemma}:event", confidence=trig.confidence))
                if trig.lemma in lex.word_set("calling") and trig.object == "prep:for":
                    # "called for the resignation of X" asks X; "called for an inclusive government"
                    # or "for Lai's release" asks no one named
                    objects = [o for o in objects if any(
                        p.lemma_.lower() in lex.word_set("removal") for p in prep_objects(verb, ("for",)))]
                if pred == "leaderOf":
                    objects = [o for o in objects if o[2] >= 1.0]  # "led a group of members of X" leads no X
                for obj in objects:
                    for subj in subjects:
                        a, b = (obj, subj) if reverse else (subj, obj)
                        rel = relation(rd, sent, a, _left(pred, trig, rd.entities[b[0]].type,
                                                          rd.entities[a[0]].type, lex), b,
                                       trig.confidence * _MODE_FACTOR.get(mode, 0.85),
                                       rule, trigger=verb,
                                       asserted_by=speaker, negated=negated, code=trig.code)
                        if rel is not None:
                            emitted.append(rel)
                            if rel.predicate in {"targeted", "coerced"} and mode == "asserted" and not negated \
                                    and not reverse and _in_clash(verb, lex):
                                # "killed three soldiers in a gunbattle": the two sides fought
                                clash = relation(rd, sent, a, "inConflictWith", b, trig.confidence * 0.85,
                                                 f"{rule}:clash", trigger=verb, asserted_by=speaker)
                                if clash is not None:
                                    emitted.append(clash)
                            if rel.predicate in {"supported", "aided"} and mode in {"asserted", "pursued"} \
                                    and not negated:
                                # "Iran backs the Houthis against Saudi Arabia": the backed side fights the foe
                                for foe in [a for h in (verb, obj[1]) for p in prep_objects(h, ("against",))
                                            for a in (actors(rd, p) or actors(rd, p, via_modifiers=True))]:
                                    fight = relation(rd, sent, obj, "inConflictWith", foe, trig.confidence * 0.8,
                                                     f"{rule}:against", trigger=verb, asserted_by=speaker)
                                    if fight is not None:
                                        emitted.append(fight)
                            if rel.predicate in {"supported", "aided"} and mode in {"asserted", "pursued"} \
                                    and not negated:
                                if aim_of_verb is None:  # once per verb, for however many pairs
                                    aim_of_verb = _aim_foes(rd, verb, lex)
                                aim = aim_of_verb
                            else:
                                aim = []
                            for foe, shared in aim:
                                # "assisting the Iraqi government to destroy ISIL", "stands by Iraq to
                                # defeat Daesh": helper and helped both fight the foe of the aim; "stands
                                # with Moscow in its fight against Ukraine": the one supported fights
                                for side in (subj, obj) if shared else (obj,):
                                    fight = relation(rd, sent, side, "inConflictWith", foe, trig.confidence * 0.75,
                                                     f"{rule}:shared-aim", trigger=verb, asserted_by=speaker)
                                    if fight is not None:
                                        emitted.append(fight)
                            backed = backing(rd, rel, trig.lemma, lex, military=bool(aim)) \
                                if mode == "asserted" else None
                            if backed is not None:
                                emitted.append(backed)
                if any(r.rule.startswith(f"verb:{trig.lemma}:") and r.evidence.trigger_span and
                       r.evidence.trigger_span[0] == rd.offset + verb.idx for r in emitted):
                    break  # the first object pattern that matched wins
            if mode in {"asserted", "future", "pursued"} and not negated:
                emitted.extend(_joint(rd, sent, verb, own, bool(partners), triggers, lex))
                emitted.extend(_each_other(rd, sent, verb, own, triggers, mode, lex))
            if mode == "asserted" and not negated:
                emitted.extend(_reciprocal(rd, sent, verb, own, emitted, lex))
                emitted.extend(_must(rd, sent, verb, own, lex))
        for verb, trig in denials:
            emitted.extend(_denials(rd, sent, verb, trig, emitted, recent, lex))
        recent = [r for r in emitted if r.predicate in _ACCUSING and not r.negated]
        yield from emitted
        yield from events


def _aim_foes(rd: ResolvedDoc, verb: Token, lex: Lexicon) -> list[tuple[tuple[str, Token, float], bool]]:
    """The foes a support verb's aim names, each with whether the supporter shares the fight:
    the objects of an infinitive of purpose with a hostile trigger ("assisting the army to defeat
    JNIM", "to degrade and destroy ISIL": shared) or of the fight the support is given in
    ("supports the government in its fight against X": the government's alone)."""
    foes: list[tuple[tuple[str, Token, float], bool]] = []
    clauses = [c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and c.i > verb.i
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    # "helped Ukraine drive Russian forces out": the parser's small clause
    clauses += [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                and not any(m.dep_ == "mark" for m in c.children)]
    clauses += [c for cl in clauses for c in cl.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for clause in clauses:
        if is_negated(clause):
            continue
        for trig in lex.verbs.get(verb_lemma(clause, lex.verbs)) or ():
            if trig.predicate in {"targeted", "inConflictWith"}:
                found = _objects(rd, clause, trig, False, lex)
                if found:
                    foes.extend((f, True) for f in found)
                    break
    for head in [verb] + [c for c in verb.children if c.dep_ in OBJECT_DEPS]:
        for pobj in prep_objects(head, ("in",)):
            foes.extend((a, False) for p in fight_foes(pobj) for a in actors(rd, p))
    seen: set[str] = set()
    return [f for f in foes if not (f[0][0] in seen or seen.add(f[0][0]))]


def _attributive(verb: Token, lex: Lexicon) -> bool:
    """A participle the parser made a complement that is an adjective on the object of the verb
    before it: "assured visiting Australian Foreign Minister Payne", "welcomed visiting envoys"."""
    head = verb.head
    return (verb.tag_ == "VBG" and verb.dep_ in {"xcomp", "ccomp", "advcl"} and verb.i == head.i + 1
            and head.lemma_.lower() in lex.word_set("person_object")
            and not any(c.dep_ in OBJECT_DEPS for c in head.children))


def _in_clash(verb: Token, lex: Lexicon) -> bool:
    """Whether an act is said to happen in a fight: "in a gunbattle", "during clashes",
    "after five days of fighting"."""
    clash = lex.word_set("clash")
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "during", "after", "amid"}:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            if pobj.lemma_.lower() in clash or pobj.lower_ in clash:
                return True
            if any(p.lower_ in clash for p in prep_objects(pobj, ("of",))):
                return True  # "after five days of fighting"
    return False


def _threat_on_condition(rd: ResolvedDoc, sent, verb: Token, lex: Lexicon) -> Iterator[Relation]:
    """A threat is aimed at whoever its condition or its goal names: "threatened to use nuclear
    weapons if South Korea attacked", "vowed to continue the offensive until Hamas is destroyed"."""
    if is_negated(verb) or modality(verb, lex) not in {"asserted", "threat"}:
        return
    subj, passive = subject_of(verb)
    threateners = [] if passive else actors(rd, subj)
    if not threateners:
        return
    targets = []
    for clause in verb.subtree:
        if clause.dep_ != "advcl" or clause.i < verb.i:
            continue
        marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
        cond_subj, cond_passive = subject_of(clause)
        if marks & {"if", "unless"} and not cond_passive:
            targets += actors(rd, cond_subj)  # the one whose act would set the threat off
        elif "until" in marks and cond_passive and clause.lemma_.lower() in lex.word_set("defeat"):
            targets += actors(rd, cond_subj)  # "until Hamas is destroyed"
    for target in targets:
        for who in threateners:
            rel = relation(rd, sent, who, "threatened", target, 0.7, f"verb:{verb.lemma_.lower()}:condition",
                           trigger=verb)
            if rel is not None:
                yield rel


def _hostility_ended(rd: ResolvedDoc, sent, verb: Token, lex: Lexicon) -> Iterator[Relation]:
    """"Kataib Hezbollah suspended attacks on U.S. forces", "Israel halted its offensive
    against Hamas": a concession to the target (PLOVER CONCEDE, de-escalation)."""
    mode = modality(verb, lex)
    if mode in {"denied", "alleged"} or is_negated(verb):
        return
    pred = intent_predicate("conceded", mode)
    subj, passive = subject_of(verb)
    subjects = [] if passive else actors(rd, subj)
    if pred is None or not subjects:
        return
    speaker = speaker_of(rd, verb, lex)
    rule = f"verb:{verb.lemma_.lower()}:ended" + ("" if mode == "asserted" else f":{mode}")
    for obj in (c for c in verb.children if c.dep_ in OBJECT_DEPS):
        if not _hostile_act(obj, lex):
            continue
        trig = lex.nouns.get(obj.lemma_.lower())
        preps = frozenset(trig.preps) if trig is not None else _TARGET_PREPS
        for pobj in [*prep_objects(obj, preps), *prep_objects(verb, preps)]:
            for target in actors(rd, pobj) or actors(rd, pobj, via_modifiers=True):
                for subj in subjects:
                    rel = relation(rd, sent, subj, pred, target, 0.7, rule, trigger=verb, asserted_by=speaker)
                    if rel is not None:
                        yield rel


def _suffered(rd: ResolvedDoc, sent, verb: Token, lex: Lexicon) -> Iterator[Relation]:
    """"The Rohingya suffered at the hands of the military": the military targeted them."""
    agent = at_the_hands_of(verb)
    if agent is None or modality(verb, lex) != "asserted" or is_negated(verb):
        return
    subj, passive = subject_of(verb)
    for victim in [] if passive else actors(rd, subj):
        for doer in actors(rd, agent):
            rel = relation(rd, sent, doer, "targeted", victim, 0.7, "verb:suffer:hands", trigger=verb)
            if rel is not None:
                yield rel


#: How much a mode lowers a trigger's confidence: an accusation is only the accuser's word.
_MODE_FACTOR = {"asserted": 1.0, "alleged": 0.6}


#: Relations a hostile act states: its noun's modifier is its target, never a party supported.
_HOSTILE = CONFLICTUAL | {"threatened", "criticized", "condemned"}


def _hostile_act(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun phrase names a hostile act ("sanctions", "Gaza strikes", "the Russia
    sanctions package"), whose modifier is the target, not a party to support."""
    for t in (noun, *(c for c in noun.children if c.dep_ == "compound")):
        trig = lex.nouns.get(t.lemma_.lower())
        if trig is not None and trig.predicate in _HOSTILE:
            return True
    return False


def _left(pred: str, trig: VerbTrigger, otype: str, stype: str, lex: Lexicon) -> str:
    """Withdrawing "from" an organisation is leaving it, a rejection; from a territory, a retreat
    ("Mali withdrew from ECOWAS" / "Eritrean troops withdrew from Tigray"). A force that arrives
    in a country is deployed there, it pays no visit ("U.S. troops arrived in Poland")."""
    if pred == "conceded" and trig.object == "prep:from" and otype in {"InternationalOrganization", "Organization"}:
        return "rejected"
    if pred == "visited" and trig.lemma in lex.word_set("arriving") and stype == "MilitaryForce" \
            and otype in {"State", "Place"}:
        return "stationedIn"
    return pred


def _may_act(tok: Token, lex: Lexicon) -> bool:
    """Whether an unresolved subject can be someone who acts: a pronoun, a proper name, a noun
    of people or forces (kg's actor nouns, the agents dictionary: "gunmen", "militants",
    "police"), a weapon or an attack ("a drone", "an airstrike")."""
    lemma = tok.lemma_.lower()
    return (tok.pos_ in {"PRON", "PROPN"} or lemma in lex.actor_nouns or tok.lower_ in lex.actor_nouns
            or lemma in lex.agents or tok.lower_ in lex.agents or lemma in lex.word_set("weapon")
            or _is_attack_noun(tok, lex) or _weapon(tok, lex) is not None)


def _is_attack_noun(tok: Token | None, lex: Lexicon) -> bool:
    trig = lex.nouns.get(tok.lemma_.lower()) if tok is not None else None
    return trig is not None and trig.event == "Attack"


def _denials(rd, sent, verb, trig, emitted, recent, lex) -> Iterator[Relation]:
    """"X denied the allegations" -> X denied whoever made them, in this sentence or the
    one before. "They denied responsibility" after "Israel blamed PIJ": the accused
    denied the accuser."""
    subj_tok, passive = subject_of(verb)
    if passive or subj_tok is None:
        return
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    accusations = [r for r in (*recent, *emitted) if r.predicate in _ACCUSING and not r.negated]
    subjects = actors(rd, subj_tok)
    if not subjects and subj_tok.lower_ in _DENYING_PRONOUNS and accusations \
            and any(o.lemma_.lower() in lex.word_set("allegation") for o in objs):
        last = accusations[-1]  # the one last accused, if the pronoun fits them
        person = rd.entities[last.object].type == "Person"
        if person == (subj_tok.lower_ in {"he", "she"}):
            subjects = [(last.object, subj_tok, 0.8)]
    if not subjects:
        return
    for obj in objs:
        direct = actors(rd, obj, via_modifiers=True)
        if direct and obj.lemma_.lower() in lex.word_set("allegation"):
            targets = direct
        elif obj.lemma_.lower() in lex.word_set("allegation"):
            accusers = {}
            for r in accusations:
                if r.object in {s[0] for s in subjects}:
                    accusers[r.subject] = r
            targets = [(k, verb, 0.9) for k in accusers]
        else:
            targets = []
        for target in targets:
            for subj in subjects:
                rel = relation(rd, sent, subj, trig.predicate, target, trig.confidence,
                               f"verb:{trig.lemma}:allegation", trigger=verb)
                if rel is not None:
                    yield rel




def _reciprocal(rd, sent, verb, subjects, emitted, lex) -> Iterator[Relation]:
    """"Russia and Ukraine clashed": coordinated subjects of a reciprocal verb."""
    pred = lex.reciprocal.get(verb.lemma_.lower())
    if pred is None or len(subjects) < 2:
        return
    if any(c.dep_ == "prt" and c.lower_ in {"out", "up"} for c in verb.children):
        return  # "Russia and China spoke out against ...": together, not to each other
    if any(r.evidence.trigger_span == (rd.offset + verb.idx, rd.offset + verb.idx + len(verb.text))
           for r in emitted):
        return  # the verb had an object of its own
    for i, a in enumerate(subjects):
        for b in subjects[i + 1:]:
            rel = relation(rd, sent, a, pred, b, 0.8, f"verb:{verb.lemma_.lower()}:reciprocal", trigger=verb)
            if rel is not None:
                yield rel


def _each_other(rd, sent, verb, subjects, triggers, mode, lex: Lexicon) -> Iterator[Relation]:
    """"The RSF and the army attacked each other's positions": each did it to the other."""
    if len({s[0] for s in subjects}) < 2:
        return
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    objs += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    if not any(_is_each_other(o, lex) for o in objs):
        return
    for trig in triggers or ():
        if trig.object == "special:deny" or trig.predicate.startswith("~"):
            continue
        pred = intent_predicate(trig.predicate, mode)
        if pred is None:
            continue
        for a in subjects:
            for b in subjects:
                if a[0] != b[0]:
                    rel = relation(rd, sent, a, pred, b, trig.confidence * 0.9,
                                   f"verb:{trig.lemma}:each-other", trigger=verb)
                    if rel is not None:
                        yield rel
        return


def _is_each_other(tok: Token, lex: Lexicon) -> bool:
    """"each other", "one another", "each other's positions"."""
    words = [t.lower_ for t in tok.subtree]
    return any(f"{w} {nxt}" in lex.word_set("each_other") for w, nxt in zip(words, words[1:]))


def _reciprocal_words(lex: Lexicon) -> frozenset[str]:
    """The words that end a reciprocal idiom ("other", "another"): a phrase holding one names
    no third party."""
    return frozenset(phrase.split()[-1] for phrase in lex.word_set("each_other"))


def _joint(rd, sent, verb, subjects, partnered: bool, triggers, lex) -> Iterator[Relation]:
    """Actors who act together against a third party cooperated: "the US and Britain
    struck Houthi targets", "X, together with Y, attacked Z" (not "Russia and Ukraine
    fought": with no third party, that is a fight between them)."""
    if len({s[0] for s in subjects}) < 2 or not any(
            t.predicate in JOINT_PREDICATES or (partnered and t.object != "special:deny") for t in triggers or ()):
        return  # plain coordination makes partners only in conflict; "in coordination with" in any act
    keys = {s[0] for s in subjects}
    third = partnered or any(
        (c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in {"against", "at", "on"}))
        and not ({t.i for t in c.subtree} & {s[1].i for s in subjects})
        and not _reciprocal_words(lex) & {t.lower_ for t in c.subtree}
        and not any(rd.token_actor.get(t.i) in keys for t in c.subtree)
        for c in verb.children)
    if not third:
        return
    seen = set()
    for i, a in enumerate(subjects):
        for b in subjects[i + 1:]:
            if a[0] == b[0] or frozenset((a[0], b[0])) in seen:
                continue
            if any(c.lower_ == "other" for s in (a, b) for c in s[1].children):
                continue  # "the BLA and other Baloch groups": one of them, not a partner
            seen.add(frozenset((a[0], b[0])))
            rel = relation(rd, sent, a, "cooperatedWith", b, 0.75 if partnered else 0.6,
                           f"verb:{verb.lemma_.lower()}:joint", trigger=verb)
            if rel is not None:
                yield rel


def _must(rd, sent, verb, subjects, lex) -> Iterator[Relation]:
    """"Russia said Sudan must return the helicopter" -> Russia demanded of Sudan."""
    if verb.lemma_.lower() not in lex.speech:
        return
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        if not any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in clause.children):
            continue
        subj, passive = subject_of(clause)
        for obj in ([] if passive else actors(rd, subj)):
            for s in subjects:
                rel = relation(rd, sent, s, "demanded", obj, 0.7, "verb:say:must", trigger=clause)
                if rel is not None:
                    yield rel
