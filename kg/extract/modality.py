"""How a trigger is stated: done, intended, threatened, conditional, denied or only possible.

:func:`modality` reads the auxiliaries, marks and governing verbs of a trigger's
clause and of the clauses above it; :func:`is_negated` finds a negation on the
verb chain; :func:`intent_predicate` turns an intended act into the relation it
states (an offer is an agreement, a hostile intent a threat); :func:`scare_quoted`
sees a word the writer disputes.

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> lex = load_lexicon()
>>> modality(parse("Hamas vowed to attack Israel.").doc[3], lex)
'threat'
>>> intent_predicate("targeted", "threat")
'threatened'
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicon import Lexicon, load_lexicon
from .decisions import called_on, decision_maker, own_decision
from .syntax import OBJECT_DEPS, is_infinitive, verb_lemma

__all__ = ["COOPERATIVE", "CONFLICTUAL", "FUTURE", "SUSTAINED", "intent_predicate", "is_irrealis",
           "is_negated", "modality", "scare_quoted"]

MODALS = frozenset({"may", "might", "could", "would", "should", "can", "must"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
NEGATORS = frozenset({"not", "n't", "never", "no", "seldom", "rarely", "hardly", "scarcely"})

#: Auxiliaries that put an act in the future ("will attack"): an intent, not an act.
FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})


#: Relations that, stated as an intent, are cooperation (PLOVER AGREE) or a threat (THREATEN).
COOPERATIVE = frozenset({"aided", "supported", "cooperatedWith", "consulted", "visited", "conceded",
                         "agreedWith", "alignedWith", "investigated"})
#: Cooperation that a standing commitment states as ongoing ("remains committed to aiding X").
SUSTAINED = frozenset({"aided", "supported", "cooperatedWith"})
CONFLICTUAL = frozenset({"targeted", "coerced", "sanctioned", "inConflictWith", "mobilizedAgainst",
                         "rejected", "protestedAgainst"})


#: Quotation marks, straight and curly.
QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "``", "''"})


def modality(tok: Token, lex: Lexicon) -> str:
    """How a trigger is stated.

    Parameters
    ----------
    tok : Token
        The trigger (a verb or a noun).
    lex : Lexicon
        The lexicon (its verbs of intent, irrealis and saying).

    Returns
    -------
    str
        ``"asserted"`` (done), ``"future"`` (announced, promised or offered),
        ``"expected"`` (foreseen or scheduled by others: "is set to meet"),
        ``"pursued"`` (a standing commitment: "is committed to", "determined to"),
        ``"conditional"`` (future under "if": a threat when the act is hostile, an
        offer when it is cooperative), ``"threat"`` (threatened, vowed, or any
        future act "unless" the other side yields), ``"alleged"`` (what one is
        accused of), ``"denied"`` (in the complement of "deny") or ``"blocked"``
        (possible, conditional, refused, asked for).

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> modality(parse("Iran will attack Israel if it attacks.").doc[2], lex)
    'conditional'
    >>> modality(parse("Nigeria will withdraw its troops unless Chad holds elections.").doc[2], lex)
    'threat'

    An act someone "will continue to" do is going on already:

    >>> modality(parse("Russia will continue to strike Ukraine.").doc[4], lex)
    'asserted'
    """
    t = tok
    reading = _Reading()
    for _ in range(6):
        final = _own_words(t, reading, lex) or _proposed(t, lex)
        if final == "alleged" and reading.mode != "asserted":
            return reading.mode  # "reports that Britain will pay X": what is reported is still to come
        if final:
            return final
        if t.dep_ not in _UP_DEPS or t.head.i == t.i:
            break
        final = None if _circumstance(t, lex) else _governed(t, reading, lex)
        if final:
            return final
        reading.adverbial = reading.adverbial or t.dep_ == "advcl"
        t = t.head
    return reading.mode


def _circumstance(t: Token, lex: Lexicon) -> bool:
    """Whether a preposition on a verb says when or where its act took place ("urged restraint
    during a meeting with X"): the verb frames nothing in its object."""
    return t.dep_ == "prep" and t.lower_ in lex.word_set("circumstance") and t.head.pos_ in {"VERB", "AUX"} \
        and any(c.dep_ == "pobj" for c in t.children) and t.head.lemma_.lower() not in lex.word_set("accusing")


@dataclass
class _Reading:
    """What :func:`modality` has read so far on the way up from the trigger."""

    mode: str = "asserted"
    #: "will continue to strike X": the act is going on, whatever comes next
    ongoing: bool = False
    #: passed an adverbial clause: "denied X, rejecting Y" does not deny the rejecting
    adverbial: bool = False


#: The dependencies along which :func:`modality` goes up to the clause that frames a trigger.
_UP_DEPS = frozenset({"xcomp", "ccomp", "conj", "pcomp", "advcl", "pobj", "prep", "acomp", "dobj", "nsubj",
                      "nsubjpass"})
#: The dependencies under which the head's verb of intent, saying or wishing frames the act.
_FRAMED_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep"})


def _blocks(c: Token, lex: Lexicon) -> bool:
    """Whether a word on the clause makes it only possible: a modal ("may attack"), a
    conditional mark ("if X attacks"), a forecast ("Japan will likely increase cooperation")."""
    return ((c.dep_ == "aux" and c.lower_ in MODALS)
            or (c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS)
            or (c.dep_ == "advmod" and c.lower_ in lex.word_set("forecast")))


def _own_words(t: Token, reading: _Reading, lex: Lexicon) -> str | None:
    """Read the auxiliaries, marks and conditions on one clause into ``reading``;
    ``"blocked"`` when one makes the act only possible."""
    for c in t.children:
        if c.dep_ == "amod" and t.pos_ == "NOUN" and c.lower_ in lex.word_set("prospective"):
            return "blocked"  # "future negotiations with X", "a possible deal"
        if c.dep_ == "amod" and t.pos_ == "NOUN" and c.lower_ in lex.word_set("scheduled") and reading.mode == "asserted":
            reading.mode = "expected"  # "the planned talks with X": arranged, to come
        if c.dep_ == "aux" and c.lower_ == "would" and _reported(t, lex):
            if reading.mode == "asserted" and not reading.ongoing:
                reading.mode = "future"  # "Hamas said it would boycott X": a reported "will"
            continue
        if _blocks(c, lex):
            return "blocked"
        if c.dep_ == "aux" and c.lower_ in FUTURE and reading.mode == "asserted" and not reading.ongoing:
            reading.mode = "future"
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"} if c.dep_ == "advcl" else set()
        if marks & {"unless", "if"}:
            if reading.mode == "future" or any(a.dep_ == "aux" and a.lower_ in FUTURE for a in t.children):
                # "will withdraw its troops unless ...": whatever the act, a threat
                reading.mode = "threat" if "unless" in marks else "conditional"
    return None


def _proposed(t: Token, lex: Lexicon) -> str | None:
    """``"blocked"`` for a clause on a noun that asks for or proposes the act: "its demand
    that Israel ease restrictions", "measures to counter X", "a plan to cede X"; ``"future"``
    for an actor's own decision or plan, whose maker is named ("Washington's decision to arm
    the Kurds", "the move by Russia to annex Crimea"); ``"alleged"`` for the clause of an
    allegation ("allegations that it poisoned Skripal")."""
    if t.dep_ == "acl" and t.head.lemma_.lower() in lex.word_set("demand") and any(
            c.dep_ == "mark" or (c.dep_ == "aux" and c.lower_ == "to") for c in t.children):
        return "blocked"
    head = t.head.lemma_.lower()
    if t.dep_ in {"acl", "ccomp"} and t.head.pos_ == "NOUN" and head in lex.word_set("allegation"):
        return "alleged"  # "denied allegations that it poisoned Skripal": what is alleged, not done
    if t.dep_ == "acl" and is_infinitive(t) and own_decision(t.head, lex) and decision_maker(t.head) is not None:
        return "future"  # "Washington's decision to arm the Kurds": its maker's intent, announced
    if t.dep_ in {"acl", "relcl"} and is_infinitive(t) and head not in lex.word_set("campaign"):
        return "blocked"
    return None


def _governed(t: Token, reading: _Reading, lex: Lexicon) -> str | None:
    """Read what the head ``t`` hangs under says of it into ``reading``: a verb of intent,
    threat, denial, readiness, accusation or of an act not done; the final mode when the
    head settles it."""
    head = t.head
    lemma = verb_lemma(head, _modal_heads(lex))  # "hopes" is no "hop"
    if t.dep_ in OBJECT_DEPS and lemma in lex.word_set("ending"):
        return "blocked"  # "Chad ended its defence agreement with France"
    infinitive = t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    if infinitive and (any(c.dep_ == "dative" and c.pos_ != "ADP" for c in head.children)
                       or called_on(head, lex) is not None):
        return "blocked"  # "gave authorities 48 hours to release X", "called Friday on X to ...": theirs to do
    kind = lex.intent.get(lemma)
    promised = t.dep_ in OBJECT_DEPS and kind in {"cooperate", "threaten"}  # "pledged aid to X", "vowed revenge"
    if not (t.dep_ in _FRAMED_DEPS or (infinitive and lemma in lex.intent) or promised):
        return None  # "has sworn to fight X" (parsed as an adverbial clause) is "sworn" to do it
    if t.dep_ == "xcomp" and head.lemma_.lower() in lex.word_set("expected") and (
            head.lower_ == "due" or any(c.dep_ == "auxpass" for c in head.children)):
        return "expected" if reading.mode == "asserted" else reading.mode  # "is expected to meet X"
    if kind == "continue" and t.dep_ == "xcomp":
        reading.ongoing = True
    if kind == "threaten":
        return "threat"
    if kind == "deny" and not reading.adverbial:
        return "denied"
    ready = head.lower_ in lex.word_set("ready")
    if kind in {"pursue", "cooperate"} or ready:
        holder = head.head if head.dep_ in {"acomp", "attr"} else head
        if is_negated(head) or is_negated(holder):
            return "blocked"  # "is not committed to", "was not willing to"
    if kind == "pursue":
        reading.mode = "pursued" if reading.mode == "asserted" else reading.mode
    elif kind == "cooperate" or ready:
        reading.mode = "future" if reading.mode == "asserted" else reading.mode
    elif lemma in lex.word_set("accusing") and t.dep_ in {"pcomp", "pobj", "prep"} and reading.mode == "asserted":
        return "alleged"  # "accused the United States of aiding Israel"
    elif lemma in lex.irrealis and not (t.dep_ == "ccomp" and lemma in lex.speech) \
            and not (kind == "deny" and reading.adverbial):
        return "blocked"  # "told X to leave"; but "a court was told that ..." reports
    return None


_MODAL_HEADS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _modal_heads(lex: Lexicon) -> frozenset[str]:
    """Every head word :func:`modality` looks up, for mending a mis-lemmatized verb."""
    cached = _MODAL_HEADS.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = _MODAL_HEADS[id(lex)] = (lex, frozenset(lex.intent) | lex.irrealis | lex.speech
                                          | lex.word_set("ending") | lex.word_set("accusing"))
    return cached[1]


def _reported(clause: Token, lex: Lexicon) -> bool:
    """Whether a clause is the complement of a verb of saying or threatening ("said it would
    ...", "warned that X would strike Y"), where "would" is a reported "will"."""
    head = clause.head.lemma_.lower()
    return clause.dep_ == "ccomp" and (head in lex.speech or lex.intent.get(head) == "threaten")


def is_irrealis(tok: Token, lex: Lexicon) -> bool:
    """Whether a trigger is not stated as done (see :func:`modality`).

    Parameters
    ----------
    tok : Token
        The trigger.
    lex : Lexicon
        The lexicon.

    Returns
    -------
    bool
        ``True`` unless the mode is ``"asserted"``.

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> is_irrealis(parse("Iran may attack Israel.").doc[2], load_lexicon())
    True
    """
    return modality(tok, lex) != "asserted"


def intent_predicate(predicate: str, mode: str, *, lex: Lexicon | None = None) -> str | None:
    """The relation an intended act states: cooperation is AGREE, conflict a THREAT.

    A standing commitment to fight or defeat someone ("is committed to defeating X",
    "determined to destroy X": mode ``"pursued"``) is an ongoing conflict, not a threat.

    Parameters
    ----------
    predicate : str
        The relation the act would state if done.
    mode : str
        How it is stated (:func:`modality`).

    Returns
    -------
    str or None
        The relation stated, or ``None`` when the act as stated says nothing.

    Examples
    --------
    >>> intent_predicate("aided", "future"), intent_predicate("targeted", "future")
    ('agreedWith', 'threatened')
    >>> intent_predicate("targeted", "pursued"), intent_predicate("sanctioned", "pursued")
    ('inConflictWith', 'threatened')

    Support, aid or cooperation a party is committed to is its standing policy, stated
    as such; any other cooperative goal is an agreement:

    >>> intent_predicate("aided", "pursued"), intent_predicate("consulted", "pursued")
    ('aided', 'agreedWith')
    """
    if mode in {"asserted", "alleged"}:
        return predicate
    lex = lex or load_lexicon()
    if mode == "pursued" and predicate in {"targeted", "inConflictWith"}:
        return lex.reading("pursued-hostile")
    if mode == "pursued" and predicate in SUSTAINED:
        return predicate  # "is committed to supporting X": a standing policy of support
    if mode == "pursued":
        mode = "future"
    if mode == "blocked":
        return None  # "a ceasefire could take place if the Kremlin agrees" states no agreement
    if mode == "expected":  # "is set to meet X" is announced; "is expected to strike X" foreseen
        return lex.reading("intent-cooperative") if predicate in COOPERATIVE else None
    if mode == "conditional" and predicate not in CONFLICTUAL | COOPERATIVE:
        return None
    # "will meet X if ...": a conditional offer is an agreement offered (PLOVER AGREE)
    if predicate in CONFLICTUAL or mode == "threat":
        return lex.reading("intent-hostile")  # "will strike X unless ...", "threatened to expel X"
    if predicate in COOPERATIVE:
        return lex.reading("intent-cooperative")
    return None


def is_negated(tok: Token) -> bool:
    """Whether a trigger is negated, here or on the verb chain above it.

    Parameters
    ----------
    tok : Token
        The trigger.

    Returns
    -------
    bool
        ``True`` for a negation ("not", "never", "no longer") on the trigger or on the
        open complements and conjuncts it hangs under (not across a clause of its own).

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse("Iran did not try to attack Israel.").doc
    >>> is_negated(doc[5]), is_negated(parse("Iran attacked Israel.").doc[1])
    (True, False)
    >>> is_negated(parse("Neither Iran nor Syria attacked Israel.").doc[4])
    True
    """
    t = tok
    for _ in range(4):
        if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in {"advmod", "det"})
               or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))  # "no longer"
               for c in t.children):
            return True
        if any(c.dep_ in {"nsubj", "nsubjpass"} and _no_one(c) for c in t.children):
            return True  # "Neither Hamas nor Islamic Jihad has claimed it", "no group claimed it"
        if t.dep_ in {"xcomp", "conj"} and t.head.i != t.i:
            if t.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
                break  # "Hamas did not claim it, but Israel blamed the group": a clause of its own
            t = t.head
            continue
        break
    return False


def _no_one(subject: Token) -> bool:
    """A subject that says no one: "neither X nor Y", "no group", "nobody"."""
    return subject.lower_ in {"nobody", "none"} or any(
        c.dep_ in {"det", "preconj"} and c.lower_ in {"neither", "no"}
        for c in subject.children)


def scare_quoted(tok: Token) -> bool:
    """Whether a trigger stands in quotation marks of a few words ('Assad's "war" on ISIL').

    The writer disputes the word, so it states no act.

    Parameters
    ----------
    tok : Token
        The trigger.

    Returns
    -------
    bool
        ``True`` when the nearest punctuation on each side, within three words, is a
        quotation mark.

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse('The "war" on ISIL is a sham.').doc
    >>> scare_quoted(doc[2]), scare_quoted(doc[5])
    (True, False)
    """
    doc = tok.doc
    left = next((i for i in range(tok.i - 1, max(tok.sent.start, tok.i - 3) - 1, -1)
                 if doc[i].text in QUOTES or doc[i].is_punct), None)
    right = next((i for i in range(tok.i + 1, min(tok.sent.end, tok.i + 4))
                  if doc[i].text in QUOTES or doc[i].is_punct), None)
    return (left is not None and right is not None
            and doc[left].text in QUOTES and doc[right].text in QUOTES)
