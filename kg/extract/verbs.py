"""Relations stated by a verb: "X accused Y", "Y was attacked by X", "X called on Y".

Each verb of ``ontology/lexicon/verbs.tsv`` names the relation and where
its object sits (direct object, a preposition, an indirect object). The
subject comes from the verb's subject (followed through coordination and
open complements) or, for a passive, from its ``by`` agent. Negated,
conditional and merely threatened acts are not emitted; a reported act
carries who reported it; what one is accused of ("accused X of attacking Y")
is alleged (:attr:`~kg.model.Relation.alleged`), with the accuser.

Each verb is read in named steps (:func:`_read_verb`): the patterns any verb
may state (:data:`~kg.extract.verb_extras.VERB_PATTERNS`), the lexicon rows that
fit it, how it is stated, who does it (:mod:`kg.extract.verb_clause`); then for
each row its predicate and objects (:mod:`kg.extract.verb_slots`) and the
relations each pair states and implies; last, acts done together
(:data:`CLAUSE_PATTERNS`). Denials are read once the
sentence's accusations are known.

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

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..lexicon import Lexicon, VerbTrigger, load_lexicon
from ..model import Event, Relation
from ..resolve import ResolvedDoc
from ..resolve.participants import is_participant
from .actors import Actor, actors
from .casualties import counts_casualties
from .events import EVENT_OF_PREDICATE, make_event
from .explosions import explodes
from .modality import intent_predicate, is_negated
from .records import backing, relation
from .retyping import RETYPED
from .sides import fight_foes, removal_demanded
from .sites import is_unnamed_site
from .syntax import OBJECT_DEPS, prep_objects, verb_lemma
from .verb_clause import Doers, VerbClause, doers_of, fitting_triggers, may_act, read_clause, stated_mode
from .verb_extras import ACCUSING, DENYING_PRONOUNS, VERB_PATTERNS, denials, must
from .verb_slots import verb_objects
from .verb_together import each_other, joint, reciprocal

__all__ = ["CLAUSE_PATTERNS", "verb_relations"]

#: Modes in which actors named together are said to act together.
_TOGETHER_MODES = frozenset({"asserted", "future", "pursued"})

#: The patterns of a clause with doers, in the order they run, each with the modes it holds
#: in (never negated): joint acts, "each other", reciprocal verbs, "X said Y must ...".
CLAUSE_PATTERNS: tuple[tuple[frozenset[str], Callable[[ResolvedDoc, Span, VerbClause, list[Relation], Lexicon],
                                                      Iterator[Relation]]], ...] = (
    (_TOGETHER_MODES, joint),
    (_TOGETHER_MODES, each_other),
    (frozenset({"asserted"}), reciprocal),
    (frozenset({"asserted"}), must),
)


@dataclass
class _Found:
    """What the verbs of one sentence state, gathered as they are read."""

    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: Denials to read once the sentence's accusations are known.
    denials: list[tuple[Token, VerbTrigger]] = field(default_factory=list)


@dataclass(frozen=True)
class _Row:
    """A lexicon row as a clause states it."""

    trig: VerbTrigger
    #: The relation stated (after the mode and the retyping cases).
    predicate: str
    #: Whether the row's relation runs from object to subject ("X comprises Y": Y partOf X).
    reverse: bool
    rule: str


def verb_relations(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> Iterator[Relation | Event]:
    """Yield the relations stated by lexicon verbs in a resolved document, and the
    events (attacks, arrests, protests...) that asserted acts make.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    lexicon : Lexicon, optional
        The lexicon (kg's own by default).

    Yields
    ------
    Relation or Event
        Per sentence, its relations in the order they are found, then its events.
    """
    lex = lexicon or load_lexicon()
    recent: list[Relation] = []  # the previous sentence's accusations, for "They denied it."
    for sent in rd.doc.sents:
        found = _Found()
        for verb in sent:
            if verb.pos_ in {"VERB", "AUX"} or verb.tag_ in {"VBN", "VBG"}:
                _read_verb(rd, sent, verb, found, lex)
        for verb, trig in found.denials:
            found.relations.extend(denials(rd, sent, verb, trig, found.relations, recent, lex))
        recent = [r for r in found.relations if r.predicate in ACCUSING and not r.negated]
        yield from found.relations
        yield from found.events


def _read_verb(rd: ResolvedDoc, sent: Span, verb: Token, found: _Found, lex: Lexicon) -> None:
    """Everything one verb states, into ``found``: the patterns any verb may state; then the
    rows that fit it, how it is stated, who does it; for each row its objects and relations
    (the first row whose objects match wins); last, acts done together."""
    for fits, pattern in VERB_PATTERNS:
        if fits(verb, lex):
            found.relations.extend(pattern(rd, sent, verb, lex))
    triggers = fitting_triggers(rd, verb, lex)
    stance = stated_mode(rd, verb, lex) if triggers is not None else None
    if stance is None:
        return
    doers = doers_of(rd, verb, lex)
    if not doers.subjects:
        _unattributed(rd, sent, verb, triggers, stance, doers, found, lex)
        return
    clause = read_clause(rd, verb, triggers, *stance, doers, lex)
    if clause is None:
        return
    for trig in clause.triggers:
        if _row_relations(rd, sent, clause, trig, found, lex):
            break  # the first object pattern that matched wins
    for modes, pattern in CLAUSE_PATTERNS:
        if clause.mode in modes and not clause.negated:
            found.relations.extend(pattern(rd, sent, clause, found.relations, lex))


def _unattributed(rd: ResolvedDoc, sent: Span, verb: Token, triggers: tuple[VerbTrigger, ...],
                  stance: tuple[str, bool], doers: Doers, found: _Found, lex: Lexicon) -> None:
    """A verb no actor is said to do: a denial by a pronoun, read with the sentence's
    accusations; an event with a target and no known agent ("Militants attacked the
    embassy"; but "tariffs targeting Canada", "measures that hit X" are no attack by anyone)."""
    mode, negated = stance
    done = mode == "asserted" and not negated
    if done and doers.token is not None and doers.token.lower_ in DENYING_PRONOUNS:
        found.denials.extend((verb, t) for t in triggers if t.object == "special:deny")
    can_act = doers.token is None or may_act(doers.token, lex)
    for trig in triggers if done and can_act else ():
        etype = EVENT_OF_PREDICATE.get(trig.predicate)
        objects = verb_objects(rd, verb, trig, doers.passive, lex) if etype else []
        if objects and not _result_of_event(rd, verb, found, lex):
            found.events.append(make_event(rd, sent, verb, etype, [], objects,
                                           rule=f"verb:{trig.lemma}:event", confidence=trig.confidence))
            break


def _row_relations(rd: ResolvedDoc, sent: Span, clause: VerbClause, trig: VerbTrigger, found: _Found,
                   lex: Lexicon) -> bool:
    """The relations and event one row states, into ``found``; whether the verb now has a
    relation of this row's lemma (then no later row is tried)."""
    verb = clause.verb
    if trig.object == "special:deny":
        if clause.mode == "asserted" and not clause.negated:
            found.denials.append((verb, trig))
        return False
    pred = _predicate(clause, trig, lex)
    if pred is None:
        return False
    reverse = trig.predicate.startswith("~")
    rule = _rule(clause, trig)
    objects = verb_objects(rd, verb, trig, clause.passive, lex)
    if not objects and trig.predicate == "protestedAgainst":
        objects = removal_demanded(rd, verb)  # "rallied, calling for the ouster of X"
        rule += ":removal" if objects else ""
    etype = EVENT_OF_PREDICATE.get(pred)
    if etype and objects and clause.mode == "asserted" and not clause.negated and not reverse \
            and not _result_of_event(rd, verb, found, lex):
        found.events.append(make_event(rd, sent, verb, etype, clause.subjects, objects,
                                       rule=f"verb:{trig.lemma}:event", confidence=trig.confidence))
    row = _Row(trig, pred, reverse, rule)
    for obj in _named_objects(verb, row, objects, lex):
        for subj in clause.subjects:
            found.relations.extend(_pair_relations(rd, sent, clause, row, subj, obj, lex))
    return any(r.rule.startswith(f"verb:{trig.lemma}:") and r.evidence.trigger_span and
               r.evidence.trigger_span[0] == rd.offset + verb.idx and not is_unnamed_site(rd, r.object)
               and rd.entities[r.object].type != "Place"
               for r in found.relations)  # "seize the hospital from X", "captured Palmyra from X": X is still a foe


def _result_of_event(rd: ResolvedDoc, verb: Token, found: _Found, lex: Lexicon) -> bool:
    """"stormed a hotel, killing five people": the killing is what the storming's event
    resulted in (its casualties), not an event of its own."""
    if not counts_casualties(verb, lex) or verb.dep_ not in {"advcl", "conj", "xcomp"}:
        return False
    if explodes(verb.head, lex) or counts_casualties(verb.head, lex) and verb.dep_ == "conj":
        return explodes(verb.head, lex) or _result_of_event(rd, verb.head, found, lex)  # "a car bomb exploded, killing 12": the explosion's (kg.extract.explosions)
    start = rd.offset + verb.head.idx
    return any(e.evidence.trigger_span and e.evidence.trigger_span[0] == start for e in found.events)


def _predicate(clause: VerbClause, trig: VerbTrigger, lex: Lexicon) -> str | None:
    """The relation a row states as the clause states it (:func:`~kg.extract.modality.intent_predicate`,
    then :data:`~kg.extract.retyping.RETYPED`); ``None`` for none, for a reversed row not asserted, and for a
    question ("asked Lai if he agreed" demands nothing)."""
    reverse = trig.predicate.startswith("~")
    pred = intent_predicate(trig.predicate.lstrip("~"), clause.mode)
    for before, case, after in RETYPED:
        if pred == before and case(clause.verb, trig, lex):
            pred = after
    if pred is None or (reverse and clause.mode != "asserted"):
        return None
    if pred == "demanded" and any(
            m.dep_ == "mark" and m.lower_ in {"if", "whether"}
            for c in clause.verb.children if c.dep_ in {"ccomp", "advcl"} for m in c.children):
        return None
    return pred


def _rule(clause: VerbClause, trig: VerbTrigger) -> str:
    """The rule of a row: lemma, slot, mode, the dictionary line of an imported row, negation."""
    rule = f"verb:{trig.lemma}:{trig.object}" + ("" if clause.mode == "asserted" else f":{clause.mode}")
    rule += "" if trig.origin == "verbs.tsv" else f"@{trig.origin}"  # the dictionary line
    return rule + (":negated" if clause.negated else "")


def _named_objects(verb: Token, row: _Row, objects: list[Actor], lex: Lexicon) -> list[Actor]:
    """The objects a row's relation holds with: "called for the resignation of X" asks X, but
    "called for an inclusive government" or "for Lai's release" asks no one named; "led a
    group of members of X" leads no X."""
    trig = row.trig
    if trig.lemma in lex.word_set("calling") and trig.object == "prep:for":
        objects = [o for o in objects if any(
            p.lemma_.lower() in lex.word_set("removal") for p in prep_objects(verb, ("for",)))]
    if row.predicate == "leaderOf":
        objects = [o for o in objects if o[2] >= 1.0]
    return objects


#: How much a mode lowers a trigger's confidence: an accusation is only the accuser's word.
_MODE_FACTOR = {"asserted": 1.0, "alleged": 0.6}


def _pair_relations(rd: ResolvedDoc, sent: Span, clause: VerbClause, row: _Row, subj: Actor, obj: Actor,
                    lex: Lexicon) -> Iterator[Relation]:
    """The relation a row states between one subject and one object, then what it implies: a
    fight for a hostile act in a clash, the backed side's fight against the foe named, a
    fight shared with the one helped, and the backing of an armed actor."""
    trig, verb = row.trig, clause.verb
    a, b = (obj, subj) if row.reverse else (subj, obj)
    named = row.predicate == "targeted" and not any(is_participant(rd.entities[k], rd.document.id)
                                                     for k in (a[0], b[0]))
    rel = relation(rd, sent, a, _left(row.predicate, trig, rd.entities[b[0]].type, rd.entities[a[0]].type, lex,
                                      named=named),
                   b, trig.confidence * _MODE_FACTOR.get(clause.mode, 0.85), row.rule, trigger=verb,
                   asserted_by=clause.speaker, negated=clause.negated, code=trig.code,
                   alleged=clause.mode == "alleged")
    if rel is None:
        return
    yield rel
    if rel.predicate in {"targeted", "coerced"} and clause.mode == "asserted" and not clause.negated \
            and not row.reverse and _in_clash(verb, lex):
        # "killed three soldiers in a gunbattle": the two sides fought
        yield from _kept([relation(rd, sent, a, lex.reading("clash"), b, trig.confidence * 0.85, f"{row.rule}:clash",
                                   trigger=verb, asserted_by=clause.speaker)])
    aim: list[tuple[Actor, bool]] = []
    if rel.predicate in {"supported", "aided"} and clause.mode in {"asserted", "pursued"} and not clause.negated:
        yield from _backed_side_fights(rd, sent, clause, row, obj, lex)
        aim = _aim(rd, clause, lex)
    yield from _shared_aim_fights(rd, sent, clause, row, subj, obj, aim, lex)
    backed = backing(rd, rel, trig.lemma, lex, military=bool(aim)) if clause.mode == "asserted" else None
    if backed is not None:
        yield backed


def _kept(records: Iterable[Relation | None]) -> Iterator[Relation]:
    """The records :func:`~kg.extract.records.relation` built (not the ``None`` of kinds that cannot hold them)."""
    return (r for r in records if r is not None)


def _backed_side_fights(rd: ResolvedDoc, sent: Span, clause: VerbClause, row: _Row,
                        obj: Actor, lex: Lexicon) -> Iterator[Relation]:
    """"Iran backs the Houthis against Saudi Arabia": the backed side fights the foe."""
    verb = clause.verb
    foes = [a for h in (verb, obj[1]) for p in prep_objects(h, ("against",))
            for a in (actors(rd, p) or actors(rd, p, via_modifiers=True))]
    yield from _kept(relation(rd, sent, obj, lex.reading("backed-side"), foe, row.trig.confidence * 0.8,
                              f"{row.rule}:against", trigger=verb, asserted_by=clause.speaker) for foe in foes)


def _shared_aim_fights(rd: ResolvedDoc, sent: Span, clause: VerbClause, row: _Row, subj: Actor, obj: Actor,
                       aim: list[tuple[Actor, bool]], lex: Lexicon) -> Iterator[Relation]:
    """"assisting the Iraqi government to destroy ISIL", "stands by Iraq to defeat Daesh":
    helper and helped both fight the foe of the aim; "stands with Moscow in its fight against
    Ukraine": the one supported fights."""
    for foe, shared in aim:
        for side in (subj, obj) if shared else (obj,):
            yield from _kept([relation(rd, sent, side, lex.reading("shared-aim"), foe, row.trig.confidence * 0.75,
                                       f"{row.rule}:shared-aim", trigger=clause.verb, asserted_by=clause.speaker)])


def _aim(rd: ResolvedDoc, clause: VerbClause, lex: Lexicon) -> list[tuple[Actor, bool]]:
    """The foes of a support verb's aim, found once per verb for however many pairs."""
    if clause.aim_foes is None:
        clause.aim_foes = _aim_foes(rd, clause.verb, lex)
    return clause.aim_foes


def _aim_foes(rd: ResolvedDoc, verb: Token, lex: Lexicon) -> list[tuple[Actor, bool]]:
    """The foes a support verb's aim names, each with whether the supporter shares the fight:
    the objects of an infinitive of purpose with a hostile trigger ("assisting the army to defeat
    JNIM", "to degrade and destroy ISIL": shared) or of the fight the support is given in
    ("supports the government in its fight against X": the government's alone)."""
    foes: list[tuple[Actor, bool]] = []
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
                found = verb_objects(rd, clause, trig, False, lex)
                if found:
                    foes.extend((f, True) for f in found)
                    break
    for head in [verb] + [c for c in verb.children if c.dep_ in OBJECT_DEPS]:
        for pobj in prep_objects(head, ("in",)):
            foes.extend((a, False) for p in fight_foes(pobj) for a in actors(rd, p))
    seen: set[str] = set()
    return [f for f in foes if not (f[0][0] in seen or seen.add(f[0][0]))]


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


def _left(pred: str, trig: VerbTrigger, otype: str, stype: str, lex: Lexicon, *, named: bool = False) -> str:
    """Withdrawing "from" an organisation is leaving it, a rejection; from a territory, a retreat
    ("Mali withdrew from ECOWAS" / "Eritrean troops withdrew from Tigray"). A force that arrives
    in a country is deployed there, it pays no visit ("U.S. troops arrived in Poland"). One named
    person "attacking" another does it in words ("Clinton attacked Trump over his tax returns")."""
    if pred == "targeted" and named and stype == otype == "Person" and trig.lemma in lex.word_set("attack_in_words"):
        return "criticized"
    if pred == "conceded" and trig.object == "prep:from" and otype in {"InternationalOrganization", "Organization"}:
        return "rejected"
    if pred == "visited" and trig.lemma in lex.word_set("arriving") and stype == "MilitaryForce" \
            and otype in {"State", "Place"}:
        return "stationedIn"
    return pred

