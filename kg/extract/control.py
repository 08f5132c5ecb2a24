"""Territorial control: who holds a place ("X-held Y", "X captured Y", "Y fell to X").

Every phrasing yields ``controls`` from the actor that holds the place to the
place (a ``Place`` or ``Facility``; a ``State`` only where the phrasing is
plainly territorial, never a capital standing for its state):

- "Houthi-held Sanaa", "the RSF-controlled city of Nyala" (the modifier must be a resolved actor)
- "X controls / holds / occupies Y", "X captured / seized / retook / overran Y",
  and the passives "Y was captured by X", "Y, held by X, ..."
- "X took / seized / has control of Y", "X is in control of Y", "X's control over Y"
- "Y is under X control", "under the control of X", "in the hands of X"
- "Y fell to X", "Z lost (control of) Y to X", "Z ceded Y to X": X, not Z, holds Y
- "X's capture of Y", "the fall of Y to X", "X's self-declared capital Y"
- "the campaign to liberate Y from X", "tried to seize Y from X": an aim or attempt to take Y
  from X says X holds Y now

Truth conditions follow the other families: a negated statement ("did not
capture") is kept with ``negated``; an intended, threatened or attempted
one ("vowed to retake", "will capture", "tried to seize") yields nothing;
a hedged one ("reportedly captured", "claimed to have seized") is kept
with lower confidence and, where the sentence names one, its speaker.
Only part of a place ("parts of Darfur", "northern Gaza") is a weaker
claim on the place, and never on a state. The words are data
(``ontology/lexicon/control.tsv``).

Examples
--------
>>> from kg import parse
>>> [(r.subject, r.predicate, r.object) for r in control_relations(parse("The Taliban captured Kunduz."))]
[('taliban', 'controls', 'kunduz')]
>>> [(r.subject, r.object, r.rule) for r in control_relations(parse("Goma is under the control of M23 rebels."))]
[('m23', 'goma', 'control:under:control')]
>>> list(control_relations(parse("Russian forces failed to take Kherson.")))
[]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..gazetteer import load_gazetteer
from ..lexicon import ControlTrigger, Lexicon, load_lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from .actors import actors
from .clauses import agent_of, speaker_of, subject_of
from .modality import is_negated, modality
from .records import relation
from .syntax import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, prep_objects

__all__ = ["control_relations"]

_PLACES = frozenset({"Place", "Facility"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Particles that keep a verb of seizure one ("took over Kabul", "took back Kherson").
_PARTICLES = frozenset({"over", "back"})
#: Complements that make "hold" a judgement ("held Iran responsible").
_JUDGEMENT_DEPS = frozenset({"acomp", "oprd", "ccomp", "xcomp"})
#: Dependencies along which a clause hangs under the head that frames it.
_FRAMING_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl", "acl", "pcomp", "pobj", "prep", "dobj", "relcl"})
#: The dependencies along which an attempt frames a seizure ("tried to take", "a bid to
#: capture", "the failed capture of"); not coordination ("advanced and captured").
_ATTEMPT_DEPS = frozenset({"xcomp", "acl", "pcomp", "pobj", "prep", "dobj"})
_OF = frozenset({"of", "over"})


#: Phrasings whose object can only be territory ("took control of", "under the control of",
#: "fell to"), so a name the tagger took for a person is a place there.
_OF_PLACES_ONLY = frozenset({"take", "control", "under", "hands", "to"})


def control_relations(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> Iterator[Relation]:
    """Yield ``controls`` relations: an actor holds a place, facility or territory."""
    lex = lexicon or load_lexicon()
    for sent in rd.doc.sents:
        for tok in sent:
            for holders, held, trig, clause, how in _phrases(rd, tok, lex):
                yield from _emit(rd, sent, holders, held, trig, clause, how, tok, lex)


def _row(ctl: dict, kind: str, tok: Token) -> ControlTrigger | None:
    return ctl.get((kind, tok.lemma_.lower())) or ctl.get((kind, tok.lower_))


def _phrases(rd: ResolvedDoc, tok: Token, lex: Lexicon):
    """Each way a token states control: (holder tokens, held tokens, row, clause, rule)."""
    ctl = lex.control
    doc = tok.doc
    # "Houthi-held Sanaa", "the RSF-controlled city of Nyala"
    trig = ctl.get(("compound", tok.lower_))
    if trig and tok.i >= 2 and doc[tok.i - 1].text == "-" and rd.actor_at(doc[tok.i - 2]):
        noun = tok.head if tok.head.pos_ in {"NOUN", "PROPN"} and tok.head.i > tok.i else None
        if noun is not None and rd.actor_at(noun) != rd.actor_at(doc[tok.i - 2]):
            yield [doc[tok.i - 2]], [noun], trig, None, "compound"
    lemma = tok.lemma_.lower()
    if tok.pos_ in {"VERB", "AUX"} or tok.tag_ in {"VBN", "VBG"} or _acts_as_verb(tok):
        trig = ctl.get(("verb", lemma))
        if trig and _is_seizure(tok, lex):
            yield from _verb(tok, trig)
        trig = ctl.get(("to", lemma))
        if trig:
            yield from _ceded(tok, trig, lex)
        trig = ctl.get(("from", lemma))
        if trig and _aimed(tok, ctl):
            # "the campaign to liberate Mosul from ISIS": ISIS holds Mosul until then
            held = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
            holders = [p for h in (tok, *held) for p in prep_objects(h, {"from"})]
            yield holders, held, trig, None, "aim"
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return
    trig = _row(ctl, "control", tok)
    if trig:
        yield from _control_noun(tok, trig, ctl)
    trig = _row(ctl, "under", tok)
    if trig and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        yield _owners(tok), _framed(tok.head), trig, _clause(tok.head), "under"
    trig = _row(ctl, "hands", tok)
    if trig and tok.lower_ in lex.word_set("hands") and tok.dep_ == "pobj" and tok.head.lower_ in {"in", "into"}:
        yield _owners(tok), _framed(tok.head), trig, _clause(tok.head), "hands"
    trig = _row(ctl, "noun", tok)
    if trig:
        yield from _seizure_noun(tok, trig, lex)
    trig = _row(ctl, "capital", tok)
    if trig:
        owners = [c for c in tok.children if c.dep_ == "poss"]
        # "a self-proclaimed ISIL capital": an armed group's, named as a modifier
        owners += [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < tok.i
                   and rd.actor_at(c) and rd.entities[rd.actor_at(c)].type == "ArmedGroup"]
        places = [c for c in tok.children if c.dep_ in {"appos", "compound"} and c.i > tok.i]
        places += list(prep_objects(tok, {"of"}))
        if tok.dep_ == "attr":  # "Raqqa was the group's capital"
            subj, _ = subject_of(tok.head)
            places += [subj] if subj is not None else []
        if tok.dep_ == "appos" and tok.head.i < tok.i:  # "the town of Sirte, a self-styled ISIS capital"
            places += [tok.head]
        elif tok.dep_ == "npadvmod" and owners and tok.left_edge.i >= 2 \
                and tok.doc[tok.left_edge.i - 1].text == ",":
            places += [tok.doc[tok.left_edge.i - 2]]  # the same apposition, parsed as an adverbial
        # "Qatar's capital, Doha" is where a state governs from, not a place it has taken
        owners = [o for o in owners if not (rd.actor_at(o) and rd.entities[rd.actor_at(o)].type == "State")]
        yield owners, places, trig, None, "capital"


def _acts_as_verb(tok: Token) -> bool:
    """A word the tagger took for a noun but the parser gave a subject and an
    object ("The army retook/NN Kidal")."""
    deps = {c.dep_ for c in tok.children}
    return bool(deps & SUBJECT_DEPS) and bool(deps & OBJECT_DEPS)


def _aimed(verb: Token, ctl: dict) -> bool:
    """Whether a seizure is only aimed at, attempted or announced ("to retake", "will
    liberate", "tried to seize"), not done."""
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"}:
            return True
        if c.dep_ == "aux" and c.lower_ == "to":
            head = next(_framing(verb), None)
            return head is None or not _row(ctl, "achieve", head)
    return False


def _is_seizure(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb of seizure is used as one: not "held Iran responsible",
    "took part", "took out a base"."""
    for child in verb.children:
        if child.dep_ == "prt" and child.lower_ not in _PARTICLES:
            return False
        if child.dep_ in _JUDGEMENT_DEPS and verb.lemma_.lower() in lex.word_set("judging"):
            return False
    return True


def _verb(verb: Token, trig: ControlTrigger):
    """"X captured Y", "Y was captured by X", "Y, held by X", "Y, which X holds"."""
    agent = agent_of(verb)
    if agent is not None:  # a passive: "Y was seized by X", "the town, held by X"
        subj, passive = subject_of(verb)
        if verb.dep_ in {"acl", "relcl"} and (subj is None or subj.tag_ in _RELATIVE_TAGS or not passive):
            held = verb.head
        elif verb.dep_ == "advcl" and subj is None:  # "Held by X since 2014, Y was retaken"
            held, _ = subject_of(verb.head)
        elif passive:
            held = subj
        else:
            return
        yield [agent], [held], trig, verb, "verb-passive"
        return
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children) or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        return  # a passive without its agent names no holder
    subj, _ = subject_of(verb)
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if subj is not None and subj.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
        subj = verb.head  # "the group, which controls Y"
    elif not objs and verb.dep_ == "relcl":
        objs = [verb.head]  # "the town that the rebels captured"
    if subj is not None and objs:
        yield [subj], objs, trig, verb, "verb"


def _ceded(verb: Token, trig: ControlTrigger, lex: Lexicon):
    """"Y fell to X", "Z lost (control of) Y to X", "Z ceded Y to X"."""
    ctl = lex.control
    new = list(prep_objects(verb, {"to"}))
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    held: list[Token] = []
    for obj in objs:
        if _row(ctl, "control", obj):  # "lost control of Y to X"
            held += list(prep_objects(obj, _OF))
            new += list(prep_objects(obj, {"to"}))
        else:
            held.append(obj)
    if not objs and verb.lemma_.lower() in lex.word_set("falling"):  # "Y fell to X"
        subj, _ = subject_of(verb)
        held = [subj] if subj is not None else []
    if new and held:
        yield new, held, trig, verb, "to"


def _control_noun(noun: Token, trig: ControlTrigger, ctl: dict):
    """"X took control of Y", "X is in control of Y", "X's control over Y"."""
    held = list(prep_objects(noun, _OF))
    head = noun.head
    if noun.dep_ in OBJECT_DEPS:
        take = ctl.get(("take", head.lemma_.lower()))
        held += list(prep_objects(head, _OF))  # "took control over Y" may hang on the verb
        if take and held:
            subj, passive = subject_of(head)
            holder = agent_of(head) if passive else subj
            if holder is not None:
                yield [holder], held, take, head, "take"
        return
    if not held:
        return
    if noun.dep_ == "pobj" and head.lower_ == "in":  # "X is (firmly) in control of Y"
        subj, _ = subject_of(head.head)
        if subj is not None:
            yield [subj], held, trig, head.head, "in-control"
        return
    if noun.dep_ == "pobj" and head.lower_ in {"for", "over", "under"}:
        return  # "the battle for control of Y": a contest, not a hold
    owners = _owners(noun)
    if owners:
        yield owners, held, trig, noun, "control"


def _seizure_noun(noun: Token, trig: ControlTrigger, lex: Lexicon):
    """"X's capture of Y", "the capture of Y by X", "the fall of Y to X"."""
    held = list(prep_objects(noun, {"of"}))
    if not held:
        return
    if noun.lemma_.lower() in lex.word_set("falling"):
        owners = list(prep_objects(noun, {"to"}))
        after = held[-1].right_edge.i + 1
        if not owners and after < len(noun.doc) and noun.doc[after].lower_ == "to":
            # "after the fall of Mosul to ISIL, ...": the parser may hang "to ISIL" higher up
            owners = [c for c in noun.doc[after].children if c.dep_ == "pobj"]
    else:
        owners = _owners(noun) + list(prep_objects(noun, {"by"}))
    if owners:
        yield owners, held, trig, noun, "noun"


def _owners(noun: Token) -> list[Token]:
    """Who a noun of control belongs to: "X's control", "RSF control", "the control of X"."""
    found = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < noun.i]
    found += [p for p in prep_objects(noun, {"of"})]
    return found


def _framed(prep: Token) -> list[Token]:
    """What a phrase of control describes: the subject of the clause ("Y is under X
    control", "Y fell into the hands of X") or the noun it hangs on ("areas under X control")."""
    head = prep.head
    if head.pos_ in {"VERB", "AUX"}:
        subj, _ = subject_of(head)
        return [subj] if subj is not None else []
    return [head]


def _clause(prep: Token) -> Token | None:
    head = prep.head
    return head if head.pos_ in {"VERB", "AUX"} else None


def _framing(tok: Token, deps: frozenset[str] = _FRAMING_DEPS) -> Iterator[Token]:
    """The heads a clause hangs under, nearest first (at most four)."""
    t = tok
    for _ in range(4):
        if t.dep_ not in deps or t.head.i == t.i:
            return
        t = t.head
        yield t


def _truth(rd: ResolvedDoc, clause: Token | None, trigger: Token, lex: Lexicon) -> tuple[float, bool] | None:
    """How far a statement of control is asserted: ``(confidence factor, negated)``,
    or ``None`` when it is intended, threatened, attempted or conditional."""
    ctl = lex.control
    at = clause if clause is not None else trigger
    factor = 1.0
    for t in (trigger, at, *_framing(at, _ATTEMPT_DEPS)):
        if _row(ctl, "block", t):
            return None  # "tried to capture", "the failed capture of", "repelled the takeover of"
        if any(_row(ctl, "block", c) for c in t.children if c.dep_ in {"amod", "compound"}):
            return None
    if clause is None:
        return factor, False
    mode = modality(clause, lex)
    if mode not in {"asserted", "denied"}:
        return None  # "vowed to retake Y", "will capture Y", "could fall to X"
    negated = mode == "denied" or is_negated(clause)  # also "X no longer controls Y"
    chain = [clause, *_framing(clause)]
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        head = chain[1] if len(chain) > 1 else None
        if head is None or not (_row(ctl, "achieve", head) or _row(ctl, "hedge", head)):
            return None  # "forces sent to retake Y": an aim, not an act
    for t in chain:
        row = _row(ctl, "hedge", t) if t is not clause else None
        factor *= row.confidence if row else 1.0
        for c in t.children:
            row = _row(ctl, "hedge", c) if c.dep_ in {"advmod", "amod", "acomp"} else None
            factor *= row.confidence if row else 1.0
    return factor, negated


def _held(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[tuple[tuple[str, Token, float], bool]]:
    """The places a token names, each with whether only part of it is meant
    ("parts of Darfur", "swaths of territory in northern Syria")."""
    ctl = lex.control
    part = 1.0
    target = tok
    for _ in range(3):
        row = _row(ctl, "portion", target)
        if row is None:
            break
        inner = next(iter(prep_objects(target, {"of", "in"})), None)
        if inner is None:
            return []  # "held territory", "most areas": no place named
        part = min(part, row.confidence)
        target = inner
    if target.dep_ == "attr" and not rd.actor_at(target) and target.lemma_.lower() in lex.word_set("place_kind"):
        # "Kidal is the main town controlled by the rebels": the town is the subject
        subj = next((c for c in target.head.children if c.dep_ == "nsubj"), None)
        target = subj if subj is not None else target
    out = []
    for key, at, factor in actors(rd, target):
        side = min([part] + [r.confidence for c in at.children if c.dep_ == "amod"
                             for r in [_row(ctl, "portion", c)] if r])
        out.append(((key, at, factor * side), side < 1.0))
    return out


def _emit(rd: ResolvedDoc, sent: Span, holder_toks, held_toks, trig: ControlTrigger,
          clause: Token | None, how: str, trigger: Token, lex: Lexicon) -> Iterator[Relation]:
    holders = [a for t in holder_toks if t is not None for a in actors(rd, t)]
    if not holders:
        return
    places = [p for t in held_toks if t is not None for p in _held(rd, t, lex)]
    if not places:
        return
    truth = (0.85, False) if how == "aim" else _truth(rd, clause, trigger, lex)
    if truth is None:
        return
    factor, negated = truth
    speaker = speaker_of(rd, clause, lex) if clause is not None else None
    gaz = load_gazetteer()
    for place, partial in places:
        kind = rd.entities[place[0]].type
        if kind == "Person" and how in _OF_PLACES_ONLY and gaz.get(place[0]) is None:
            kind = "Place"  # "took control of Bukavu": no one controls a person; the tagger erred
        if kind not in _PLACES:
            if kind != "State" or "state" not in trig.objects or partial:
                continue
            if gaz.metonym(_surface(rd, place[1])) is not None:
                continue  # "Kyiv" standing for Ukraine: the city is meant, not the state
        elif "place" not in trig.objects:
            continue
        for holder in holders:
            rule = f"control:{how}:{trig.form}" + (":part" if partial else "") + (":negated" if negated else "")
            rel = relation(rd, sent, holder, "controls", place, trig.confidence * factor, rule,
                           trigger=trigger, asserted_by=speaker, negated=negated)
            if rel is not None:
                yield rel


def _surface(rd: ResolvedDoc, tok: Token) -> str:
    """The words of the mention a token belongs to."""
    key = rd.actor_at(tok)
    doc = tok.doc
    lo = hi = tok.i
    while lo > 0 and rd.actor_at(doc[lo - 1]) == key:
        lo -= 1
    while hi + 1 < len(doc) and rd.actor_at(doc[hi + 1]) == key:
        hi += 1
    return doc[lo : hi + 1].text
