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
(``ontology/lexicon/control.tsv``); the phrasings are the patterns of
:mod:`kg.extract.control_phrases`, the truth conditions and places held are read here.

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
from .clauses import speaker_of
from .control_phrases import control_row, framing, phrases
from .modality import is_negated, modality
from .records import relation
from .syntax import prep_objects

__all__ = ["control_relations"]

_PLACES = frozenset({"Place", "Facility"})
#: The dependencies along which an attempt frames a seizure ("tried to take", "a bid to
#: capture", "the failed capture of"); not coordination ("advanced and captured").
_ATTEMPT_DEPS = frozenset({"xcomp", "acl", "pcomp", "pobj", "prep", "dobj"})


#: Phrasings whose object can only be territory ("took control of", "under the control of",
#: "fell to"), so a name the tagger took for a person is a place there.
_OF_PLACES_ONLY = frozenset({"take", "control", "under", "hands", "to"})


def control_relations(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> Iterator[Relation]:
    """Yield ``controls`` relations: an actor holds a place, facility or territory.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    lexicon : Lexicon, optional
        The lexicon (kg's own by default; its control rows, ``control.tsv``).

    Yields
    ------
    Relation
        ``controls`` from each holder to each place held, for each phrasing found at
        each token (:func:`~kg.extract.control_phrases.phrases`) that is asserted.
    """
    lex = lexicon or load_lexicon()
    for sent in rd.doc.sents:
        for tok in sent:
            for holders, held, trig, clause, how in phrases(rd, tok, lex):
                yield from _emit(rd, sent, holders, held, trig, clause, how, tok, lex)


def _truth(rd: ResolvedDoc, clause: Token | None, trigger: Token, lex: Lexicon) -> tuple[float, bool] | None:
    """How far a statement of control is asserted: ``(confidence factor, negated)``,
    or ``None`` when it is intended, threatened, attempted or conditional."""
    ctl = lex.control
    at = clause if clause is not None else trigger
    factor = 1.0
    for t in (trigger, at, *framing(at, _ATTEMPT_DEPS)):
        if control_row(ctl, "block", t):
            return None  # "tried to capture", "the failed capture of", "repelled the takeover of"
        if any(control_row(ctl, "block", c) for c in t.children if c.dep_ in {"amod", "compound"}):
            return None
    if clause is None:
        return factor, False
    mode = modality(clause, lex)
    if mode not in {"asserted", "denied"}:
        return None  # "vowed to retake Y", "will capture Y", "could fall to X"
    negated = mode == "denied" or is_negated(clause)  # also "X no longer controls Y"
    chain = [clause, *framing(clause)]
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        head = chain[1] if len(chain) > 1 else None
        if head is None or not (control_row(ctl, "achieve", head) or control_row(ctl, "hedge", head)):
            return None  # "forces sent to retake Y": an aim, not an act
    for t in chain:
        row = control_row(ctl, "hedge", t) if t is not clause else None
        factor *= row.confidence if row else 1.0
        for c in t.children:
            row = control_row(ctl, "hedge", c) if c.dep_ in {"advmod", "amod", "acomp"} else None
            factor *= row.confidence if row else 1.0
    return factor, negated


def _held(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[tuple[tuple[str, Token, float], bool]]:
    """The places a token names, each with whether only part of it is meant
    ("parts of Darfur", "swaths of territory in northern Syria")."""
    ctl = lex.control
    part = 1.0
    target = tok
    for _ in range(3):
        row = control_row(ctl, "portion", target)
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
                             for r in [control_row(ctl, "portion", c)] if r])
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
