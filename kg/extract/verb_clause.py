"""How one verb is read before its objects: the lexicon rows that fit it, how it is stated,
who does it (with partners and the group they act as part of), who says so.

The steps, in the order :func:`kg.extract.verbs.verb_relations` takes them:
:func:`fitting_triggers`, :func:`stated_mode`, :func:`doers_of`, :func:`read_clause`.
The result is a :class:`VerbClause`.

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> lex = load_lexicon()
>>> rd = parse("Kurdish fighters, together with U.S. forces, attacked ISIS.")
>>> verb = rd.doc[8]
>>> triggers = fitting_triggers(rd, verb, lex)
>>> mode, negated = stated_mode(rd, verb, lex)
>>> clause = read_clause(rd, verb, triggers, mode, negated, doers_of(rd, verb, lex), lex)
>>> clause.mode, [k for k, _, _ in clause.subjects], clause.partnered
('asserted', ['kurdish-fighters', 'us-forces'], True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..lexicon import Lexicon, VerbTrigger
from ..resolve import ResolvedDoc
from .actors import Actor, actors, unconfirmed
from .clauses import accuser, agent_of, speaker_of, subject_of
from .modality import is_negated, modality, scare_quoted
from .sides import acting_as_part_of, partners_of
from .syntax import OBJECT_DEPS, object_nouns, prep_objects, verb_lemma

__all__ = ["Doers", "VerbClause", "doers_of", "fitting_triggers", "may_act", "read_clause", "stated_mode"]


@dataclass(frozen=True)
class Doers:
    """Who a verb's own clause says does it."""

    #: The actors of its subject (of its ``by`` agent when passive), unconfirmed ones left out.
    subjects: list[Actor]
    #: The subject or agent token (for "a wave of Russian missiles", the missiles).
    token: Token | None
    #: Whether the verb is passive.
    passive: bool


@dataclass
class VerbClause:
    """One verb as read before its objects: what :func:`read_clause` gives."""

    verb: Token
    #: The lexicon rows that fit the verb as written.
    triggers: tuple[VerbTrigger, ...]
    #: How it is stated (:func:`~kg.extract.modality.modality`; a denial is ``"asserted"``, negated).
    mode: str
    negated: bool
    passive: bool
    #: Who act together: the subjects and their partners.
    own: list[Actor]
    #: ``own`` and the group they act as part of.
    subjects: list[Actor]
    #: Whether partners are named ("together with", "in coordination with").
    partnered: bool
    #: Who asserts it (the accuser of an allegation).
    speaker: str | None
    #: The foes of a support verb's aim, found on first need (see :mod:`kg.extract.verbs`).
    aim_foes: list | None = field(default=None, compare=False)


def fitting_triggers(rd: ResolvedDoc, verb: Token, lex: Lexicon) -> tuple[VerbTrigger, ...] | None:
    """The lexicon rows that fit a verb as written.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    verb : Token
        The verb.
    lex : Lexicon
        The lexicon.

    Returns
    -------
    tuple of VerbTrigger or None
        The rows (possibly none for a reciprocal verb or a verb of saying, which
        state relations of their own), or ``None`` when the verb states nothing.
    """
    lemma = verb_lemma(verb, lex.verbs)
    triggers = _fitting(rd, verb, lex.verbs.get(lemma) or (), lex)
    if not (triggers or lemma in lex.reciprocal or lemma in lex.speech):
        return None
    return triggers


def _fitting(rd: ResolvedDoc, verb: Token, triggers, lex: Lexicon):
    """The rows that fit a verb as written: "called off" takes the rows of "call off" only (a
    row of a phrasal verb never fits the verb without its particle), and a verb + noun
    pattern fits only when that noun is the verb's object and names an act, not an actor
    ("provided the military with weapons"). A particle no imported row has leaves only kg's own
    rows ("ripping off" is no "rip")."""
    prts = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    if "out" in prts and verb.lemma_.lower() in lex.word_set("lashing_out"):  # "hit out at X": words
        return (VerbTrigger(verb.lemma_.lower(), lex.reading("lashing-out"), "prep:at,against", 0.75),)
    objects = {n for c in verb.children if c.dep_ in OBJECT_DEPS and not rd.actor_at(c) for n in object_nouns(c)}
    phrasal = [t for t in triggers if t.particle and t.particle in prts]
    own = [t for t in triggers if not t.particle and t.origin == "verbs.tsv"]  # kg's rows: "shot down"
    if phrasal:
        rows = own + phrasal
    elif prts:  # "ripping off X": a particle the dictionary has no row for changes the verb
        rows = own
    else:
        rows = [t for t in triggers if not t.particle]
    return tuple(t for t in rows if t.noun is None or t.noun in objects
                 or (t.noun[0] == "@" and any(lex.names_noun(t.noun, o) for o in objects)))


def stated_mode(rd: ResolvedDoc, verb: Token, lex: Lexicon) -> tuple[str, bool] | None:
    """How a verb is stated, and whether it is negated; ``None`` when it states no act.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    verb : Token
        The verb.
    lex : Lexicon
        The lexicon.

    Returns
    -------
    tuple of (str, bool) or None
        The mode (:func:`~kg.extract.modality.modality`, a denial read as
        ``"asserted"``) and whether it is negated ("Iran did not attack X", "Iran
        denied attacking X": kept as a negated statement). ``None`` for a participle
        used as an adjective, an act only possible, a negated intent, or a word the
        writer disputes ('Russia "liberated" the town').
    """
    if _attributive(verb, lex):
        return None  # "Blinken assured visiting Australian Foreign Minister Payne": no visit by Blinken
    mode = modality(verb, lex)
    negated = is_negated(verb) or mode == "denied"
    if mode == "denied":
        mode = "asserted"
    if mode == "blocked" or (negated and mode != "asserted") or (
            scare_quoted(verb) and speaker_of(rd, verb, lex) is None):
        return None
    return mode, negated


def _attributive(verb: Token, lex: Lexicon) -> bool:
    """A participle the parser made a complement that is an adjective on the object of the verb
    before it: "assured visiting Australian Foreign Minister Payne", "welcomed visiting envoys"."""
    head = verb.head
    return (verb.tag_ == "VBG" and verb.dep_ in {"xcomp", "ccomp", "advcl"} and verb.i == head.i + 1
            and head.lemma_.lower() in lex.word_set("person_object")
            and not any(c.dep_ in OBJECT_DEPS for c in head.children))


def doers_of(rd: ResolvedDoc, verb: Token, lex: Lexicon) -> Doers:
    """Who a verb's clause says does it: its subject, or a passive's ``by`` agent.

    An attack or weapon that is no actor lends its actor ("A U.S. strike hit ...",
    "killed by an Israeli airstrike"; but "a suspected Israeli strike" names no one);
    an unconfirmed perpetrator is no agent ("suspected Hamas militants attacked ...").

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    verb : Token
        The verb.
    lex : Lexicon
        The lexicon.

    Returns
    -------
    Doers
        The subjects, the subject or agent token and whether the verb is passive.
    """
    subj_tok, passive = subject_of(verb)
    actor_tok = agent_of(verb) if passive else subj_tok
    subjects = actors(rd, actor_tok)
    actor_tok = _weapon(actor_tok, lex) or actor_tok  # "a wave of Russian missiles": the missiles
    if not subjects and actor_tok is not None and (
            _is_attack_noun(actor_tok, lex) or actor_tok.lemma_.lower() in lex.word_set("weapon")) and not any(
            c.dep_ == "amod" and c.lower_ in lex.hedges for c in actor_tok.children):
        subjects = actors(rd, actor_tok, via_modifiers=True)
    subjects = [s for s in subjects if not unconfirmed(rd, s[0], s[1], lex)]
    return Doers(subjects, actor_tok, passive)


def read_clause(rd: ResolvedDoc, verb: Token, triggers: tuple[VerbTrigger, ...], mode: str, negated: bool,
                doers: Doers, lex: Lexicon) -> VerbClause | None:
    """A verb with doers, read whole: its partners, the group they act as part of, its speaker.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    verb : Token
        The verb.
    triggers : tuple of VerbTrigger
        Its fitting rows (:func:`fitting_triggers`).
    mode : str
        How it is stated (:func:`stated_mode`).
    negated : bool
        Whether it is negated.
    doers : Doers
        Its doers (:func:`doers_of`), at least one.
    lex : Lexicon
        The lexicon.

    Returns
    -------
    VerbClause or None
        The clause; ``None`` for an allegation no one is said to make.
    """
    passive = doers.passive
    partners = partners_of(rd, verb, doers.token) if not passive else []
    known = {s[0] for s in doers.subjects}
    own = doers.subjects + [p for p in partners if p[0] not in known]
    subjects = own
    if not passive:  # "X, as part of the coalition, struck Y": the coalition's act too
        known = {s[0] for s in own}
        subjects = own + [p for p in acting_as_part_of(rd, verb) if p[0] not in known]
    # an allegation whose accuser is unnamed ("X has been accused of attacking Y") is still one
    speaker = accuser(rd, verb) if mode == "alleged" else speaker_of(rd, verb, lex)
    return VerbClause(verb, triggers, mode, negated, passive, own, subjects, bool(partners), speaker)


def may_act(tok: Token, lex: Lexicon) -> bool:
    """Whether an unresolved subject can be someone who acts.

    Parameters
    ----------
    tok : Token
        The subject.
    lex : Lexicon
        The lexicon.

    Returns
    -------
    bool
        ``True`` for a pronoun, a proper name, a noun of people or forces (kg's actor
        nouns, the agents dictionary: "gunmen", "militants", "police"), a weapon or an
        attack ("a drone", "an airstrike"); ``False`` for "tariffs", "measures".

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> doc = parse("Gunmen attacked tariffs.").doc
    >>> may_act(doc[0], load_lexicon()), may_act(doc[2], load_lexicon())
    (True, False)
    """
    lemma = tok.lemma_.lower()
    return (tok.pos_ in {"PRON", "PROPN"} or lemma in lex.actor_nouns or tok.lower_ in lex.actor_nouns
            or lemma in lex.agents or tok.lower_ in lex.agents or lemma in lex.word_set("weapon")
            or _is_attack_noun(tok, lex) or _weapon(tok, lex) is not None)


def _is_attack_noun(tok: Token | None, lex: Lexicon) -> bool:
    trig = lex.nouns.get(tok.lemma_.lower()) if tok is not None else None
    return trig is not None and trig.event in {"Attack", "Clash"}  # "Saudi Arabia's war in Yemen killed ..."


def _weapon(tok: Token | None, lex: Lexicon) -> Token | None:
    """The weapon a salvo is of: "a wave of Russian missiles and drones" -> missiles."""
    if tok is None or tok.lemma_.lower() not in lex.word_set("salvo"):
        return None
    return next(iter(prep_objects(tok, ("of",))), None)
