"""The phrasings of territorial control: each a small pattern that finds, at one token, who
holds what (:class:`Phrase` records).

The patterns of :data:`PHRASES`, tried in order on every token: "Houthi-held Sanaa", "X
captured Y" (and its passives), "Y fell to X", "the campaign to liberate Y from X", "X took
control of Y", "Y is under X control", "in the hands of X", "X's capture of Y", "X's
self-declared capital Y". The words are data (``ontology/lexicon/control.tsv``).

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> rd = parse("The Taliban captured Kunduz.")
>>> [(p.how, [t.text for t in p.holders], [t.text for t in p.held]) for p in phrases(rd, rd.doc[2], load_lexicon())]
[('verb', ['Taliban'], ['Kunduz'])]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from spacy.tokens import Token

from ..lexicon import ControlTrigger, Lexicon
from ..resolve import ResolvedDoc
from .clauses import agent_of, subject_of
from .syntax import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, prep_objects

__all__ = ["PHRASES", "Phrase", "control_row", "framing", "phrases"]


class Phrase(NamedTuple):
    """One statement of control found at a token."""

    #: The tokens naming who holds the place.
    holders: list[Token | None]
    #: The tokens naming the place held.
    held: list[Token | None]
    #: The ``control.tsv`` row.
    trig: ControlTrigger
    #: The verb of the clause that states it, whose truth conditions apply (``None`` for a phrase).
    clause: Token | None
    #: The phrasing, for the rule (``control:<how>:<form>``).
    how: str


_RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Particles that keep a verb of seizure one ("took over Kabul", "took back Kherson").
_PARTICLES = frozenset({"over", "back"})
#: Complements that make "hold" a judgement ("held Iran responsible").
_JUDGEMENT_DEPS = frozenset({"acomp", "oprd", "ccomp", "xcomp"})
#: Dependencies along which a clause hangs under the head that frames it.
_FRAMING_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl", "acl", "pcomp", "pobj", "prep", "dobj", "relcl"})
_OF = frozenset({"of", "over"})


def phrases(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> Iterator[Phrase]:
    """Each way a token states control.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    tok : Token
        The token.
    lex : Lexicon
        The lexicon (its control rows).

    Yields
    ------
    Phrase
        Holder tokens, held tokens, row, clause and rule of each pattern of
        :data:`PHRASES` that matches, in order.
    """
    for pattern in PHRASES:
        for found in pattern(rd, tok, lex):
            yield Phrase(*found)


def control_row(ctl: dict, kind: str, tok: Token) -> ControlTrigger | None:
    """The control row of a kind for a token, by lemma or by form.

    Parameters
    ----------
    ctl : dict
        The lexicon's control rows, by (kind, word).
    kind : str
        The kind of row ("verb", "noun", "hedge", "portion"...).
    tok : Token
        The token.

    Returns
    -------
    ControlTrigger or None
        The row.

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> control_row(load_lexicon().control, "verb", parse("They captured it.").doc[1]).form
    'capture'
    """
    return ctl.get((kind, tok.lemma_.lower())) or ctl.get((kind, tok.lower_))


def framing(tok: Token, deps: frozenset[str] = _FRAMING_DEPS) -> Iterator[Token]:
    """The heads a clause hangs under, nearest first (at most four).

    Parameters
    ----------
    tok : Token
        The clause's head.
    deps : frozenset of str
        The dependencies along which to go up.

    Yields
    ------
    Token
        Each head above, nearest first.

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse("Rebels tried to capture the town.").doc
    >>> [t.text for t in framing(doc[3])]
    ['tried']
    """
    t = tok
    for _ in range(4):
        if t.dep_ not in deps or t.head.i == t.i:
            return
        t = t.head
        yield t


def _hyphen_held(rd: ResolvedDoc, tok: Token, lex: Lexicon):
    """"Houthi-held Sanaa", "the RSF-controlled city of Nyala"."""
    doc = tok.doc
    trig = lex.control.get(("compound", tok.lower_))
    if trig and tok.i >= 2 and doc[tok.i - 1].text == "-" and rd.actor_at(doc[tok.i - 2]):
        noun = tok.head if tok.head.pos_ in {"NOUN", "PROPN"} and tok.head.i > tok.i else None
        if noun is not None and rd.actor_at(noun) != rd.actor_at(doc[tok.i - 2]):
            yield [doc[tok.i - 2]], [noun], trig, None, "compound"


def _verb_like(tok: Token) -> bool:
    return tok.pos_ in {"VERB", "AUX"} or tok.tag_ in {"VBN", "VBG"} or _acts_as_verb(tok)


def _seized(rd: ResolvedDoc, tok: Token, lex: Lexicon):
    """"X captured Y" and its passives (:func:`_verb`), when the verb is used as one of seizure."""
    trig = lex.control.get(("verb", tok.lemma_.lower()))  # the row first: it is cheaper than the parse
    if trig and _verb_like(tok) and _is_seizure(tok, lex):
        yield from _verb(tok, trig)


def _ceded_to(rd: ResolvedDoc, tok: Token, lex: Lexicon):
    """"Y fell to X", "Z lost (control of) Y to X", "Z ceded Y to X" (:func:`_ceded`)."""
    trig = lex.control.get(("to", tok.lemma_.lower()))
    if trig and _verb_like(tok):
        yield from _ceded(tok, trig, lex)


def _taken_from(rd: ResolvedDoc, tok: Token, lex: Lexicon):
    """"the campaign to liberate Mosul from ISIS": ISIS holds Mosul until then."""
    ctl = lex.control
    trig = ctl.get(("from", tok.lemma_.lower()))
    if trig and _verb_like(tok) and _aimed(tok, ctl):
        held = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
        holders = [p for h in (tok, *held) for p in prep_objects(h, {"from"})]
        yield holders, held, trig, None, "aim"


def _is_noun(tok: Token) -> bool:
    return tok.pos_ in {"NOUN", "PROPN"}


def _of_control(rd: ResolvedDoc, tok: Token, lex: Lexicon):
    """"X took control of Y", "X is in control of Y", "X's control over Y" (:func:`_control_noun`)."""
    trig = control_row(lex.control, "control", tok) if _is_noun(tok) else None
    if trig:
        yield from _control_noun(tok, trig, lex.control)


def _under_control(rd: ResolvedDoc, tok: Token, lex: Lexicon):
    """"Y is under X control", "areas under the control of X"."""
    trig = control_row(lex.control, "under", tok) if _is_noun(tok) else None
    if trig and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        yield _owners(tok), _framed(tok.head), trig, _clause(tok.head), "under"


def _in_the_hands(rd: ResolvedDoc, tok: Token, lex: Lexicon):
    """"Y is in the hands of X", "Y fell into the hands of X"."""
    trig = control_row(lex.control, "hands", tok) if _is_noun(tok) else None
    if trig and tok.lower_ in lex.word_set("hands") and tok.dep_ == "pobj" and tok.head.lower_ in {"in", "into"}:
        yield _owners(tok), _framed(tok.head), trig, _clause(tok.head), "hands"


def _of_seizure(rd: ResolvedDoc, tok: Token, lex: Lexicon):
    """"X's capture of Y", "the fall of Y to X" (:func:`_seizure_noun`)."""
    trig = control_row(lex.control, "noun", tok) if _is_noun(tok) else None
    if trig:
        yield from _seizure_noun(tok, trig, lex)


def _capital(rd: ResolvedDoc, tok: Token, lex: Lexicon):
    """"X's self-declared capital Y", "a self-proclaimed ISIL capital", "Raqqa was the group's
    capital" (but "Qatar's capital, Doha" is where a state governs from, not a place it has taken)."""
    trig = control_row(lex.control, "capital", tok) if _is_noun(tok) else None
    if not trig:
        return
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
    owners = [o for o in owners if not (rd.actor_at(o) and rd.entities[rd.actor_at(o)].type == "State")]
    yield owners, places, trig, None, "capital"


#: The phrasings of control, tried in order on every token: ``(rd, tok, lex)`` -> the
#: ``(holders, held, row, clause, rule)`` of each statement found.
PHRASES: tuple[Callable[[ResolvedDoc, Token, Lexicon], Iterator[tuple]], ...] = (
    _hyphen_held, _seized, _ceded_to, _taken_from, _of_control, _under_control, _in_the_hands, _of_seizure,
    _capital,
)


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
            head = next(framing(verb), None)
            return head is None or not control_row(ctl, "achieve", head)
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
        if control_row(ctl, "control", obj):  # "lost control of Y to X"
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
