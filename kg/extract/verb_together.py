"""Acts a clause's doers do together or to each other: joint acts against a third party,
"each other", and reciprocal verbs ("Russia and Ukraine clashed").

Each pattern takes ``(rd, sent, clause, emitted, lex)`` for a
:class:`~kg.extract.verb_clause.VerbClause` with doers, ``emitted`` being the
sentence's relations so far, and yields :class:`~kg.model.Relation` records (see
:data:`kg.extract.verbs.CLAUSE_PATTERNS`).

Examples
--------
>>> from kg import parse
>>> from kg.extract.verbs import verb_relations
>>> [r.triple for r in verb_relations(parse("The US and Britain struck Houthi targets."))
...  if getattr(r, "predicate", None) == "cooperatedWith"]
[('united-states', 'cooperatedWith', 'united-kingdom')]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon, VerbTrigger
from ..model import Relation
from ..resolve import ResolvedDoc
from .modality import intent_predicate
from .records import relation
from .sides import JOINT_PREDICATES
from .syntax import OBJECT_DEPS, prep_objects
from .verb_clause import VerbClause

__all__ = ["each_other", "joint", "reciprocal"]

#: Relations an act on the ties between two parties states from each to the other ("cut ties").
_DIRECTED_TIES = frozenset({"sanctioned"})


def reciprocal(rd: ResolvedDoc, sent: Span, clause: VerbClause, emitted: list[Relation],
               lex: Lexicon) -> Iterator[Relation]:
    """"Russia and Ukraine clashed": coordinated subjects of a reciprocal verb; of any verb
    with "together" ("Israel and the UAE worked together"), partners.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    clause : VerbClause
        The verb read with its doers (``clause.own``: who act together).
    emitted : list of Relation
        The sentence's relations so far.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        The verb's reciprocal relation between each two subjects (none when the verb
        had an object of its own or a particle: "spoke out against").
    """
    verb, subjects = clause.verb, clause.own
    if len(subjects) < 2:
        return
    pred = lex.reciprocal.get(verb.lemma_.lower())
    rule = f"verb:{verb.lemma_.lower()}:reciprocal"
    pattern = _pair_pattern(clause, lex)
    if pattern is not None:  # "Abe and Modi exchanged views": with each other
        pred, rule = pattern.predicate, f"verb:{pattern.lemma}:noun:{pattern.noun}:reciprocal"
    elif verb.lemma_.lower() in lex.word_set("exchanging") and any(
            c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lex.nouns for c in verb.children):
        return  # "swapped accusations": the act noun states what they did to each other
    if verb.lemma_.lower() in lex.word_set("forging_ties"):  # "Israel and Morocco established diplomatic
        pred = lex.reading("ties-forged") if _ties_object(verb, lex) else None  # relations", not "positions"
        if any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lex.nouns for c in verb.children):
            pred = None  # "expanded their military cooperation": the act noun speaks
    if pred is None and any(c.dep_ == "advmod" and c.lower_ in lex.word_set("together") for c in verb.children) \
            and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        pred = lex.reading("joint")  # "Israel and the UAE worked together": partners, whatever the verb
    ties = _ties_cut(clause, lex) if pred is None else None
    if ties is not None:  # "Saudi Arabia and Iran cut diplomatic ties": each with the other
        pred, rule = ties.predicate, f"verb:{verb.lemma_.lower()}:ties:reciprocal"
    if pred is None:
        return
    if any(c.dep_ == "prt" and (c.lower_ == "out" or (c.lower_ == "up" and pred == lex.reading("talked")))
           for c in verb.children):
        return  # "Russia and China spoke out against ...": together, not to each other ("teamed up" is)
    if any(rd.actor_at(p) for c in (verb, *(c for c in verb.children if c.dep_ in OBJECT_DEPS))
           for p in prep_objects(c, ("with",))):
        return  # "signed a deal with Russia": with Russia, not with each other
    if any(r.evidence.trigger_span == (rd.offset + verb.idx, rd.offset + verb.idx + len(verb.text)) for r in emitted):
        return  # the verb had an object of its own
    if pattern is None and ties is None and _shared_patient(rd, clause, lex):
        return  # "Britain and France teamed up to fight piracy": what they fight together
    for i, a in enumerate(subjects):
        for b in subjects[i + 1:]:
            for x, y in ((a, b), (b, a)) if ties is not None else ((a, b),):
                rel = relation(rd, sent, x, pred, y, 0.8, rule, trigger=verb)
                if rel is not None:
                    yield rel


def _shared_patient(rd: ResolvedDoc, clause: VerbClause, lex: Lexicon) -> bool:
    """Whether the verb acts on a direct object of its own that is no one and no act ("fight
    piracy", "battled the fire"): what its doers do to it they do together, not to each other
    ("fought a war", "fought each other" still are)."""
    if not any(t.object == "dobj" for t in clause.triggers or ()):
        return False
    return any(c.dep_ == "dobj" and not rd.actor_at(c) and lex.act_noun(c.lemma_.lower(), c.lower_) is None
               and c.lemma_.lower() not in lex.word_set("tie")  # "established diplomatic relations"
               and not _reciprocal_words(lex) & {t.lower_ for t in c.subtree} for c in clause.verb.children)


#: Prepositions whose object is what a fight is over or where it is, no party to it.
_CONTENDED = frozenset({"over", "about", "in", "for"})


def _contended(tok: Token, top: Token) -> bool:
    """Whether a word under ``top`` hangs under a preposition of what is fought over or where
    ("fought a war over Nagorno-Karabakh", "a war in Ukraine")."""
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.lower_ in _CONTENDED:
            return True
        tok = tok.head
    return False


def _ties_cut(clause: VerbClause, lex: Lexicon) -> VerbTrigger | None:
    """The row of a verb whose object is the ties between its coordinated doers (words/tie.txt:
    "cut diplomatic ties", "severed relations"), if it states a relation from each to the other."""
    if not _ties_object(clause.verb, lex):
        return None
    return next((t for t in clause.triggers or () if t.predicate in _DIRECTED_TIES), None)


def _ties_object(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb's object is the ties between two parties (words/tie.txt: "cut ties")."""
    return any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lex.word_set("tie") for c in verb.children)


def _pair_pattern(clause: VerbClause, lex: Lexicon) -> VerbTrigger | None:
    """The fitting verb + noun row of talks ("exchanged views", "held consultations"), if the
    clause has one: its coordinated doers talked with each other. (Not every two-sided relation:
    "the army and the air force took part in the operation" did it together.)"""
    talks = lex.reading("talked")
    return next((t for t in clause.triggers or () if t.noun and t.noun[0] != "@" and t.predicate == talks
                 and t.object.count(":") == 1), None)  # "took part in X" (noun:part:in) has its own party


def each_other(rd: ResolvedDoc, sent: Span, clause: VerbClause, emitted: list[Relation],
               lex: Lexicon) -> Iterator[Relation]:
    """"The RSF and the army attacked each other's positions": each did it to the other.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    clause : VerbClause
        The verb read with its doers (``clause.own``: who act together).
    emitted : list of Relation
        The sentence's relations so far.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        The first fitting row's relation from each subject to each other one.
    """
    verb, subjects, triggers, mode = clause.verb, clause.own, clause.triggers, clause.mode
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


def joint(rd: ResolvedDoc, sent: Span, clause: VerbClause, emitted: list[Relation],
          lex: Lexicon) -> Iterator[Relation]:
    """Actors who act together against a third party cooperated: "the US and Britain
    struck Houthi targets", "X, together with Y, attacked Z" (not "Russia and Ukraine
    fought": with no third party, that is a fight between them).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    clause : VerbClause
        The verb read with its doers (``clause.own``: who act together).
    emitted : list of Relation
        The sentence's relations so far.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``cooperatedWith`` between each two subjects (surer with partners named).
    """
    verb, subjects, triggers, partnered = clause.verb, clause.own, clause.triggers, clause.partnered
    if len({s[0] for s in subjects}) < 2 or not any(
            t.origin == "verbs.tsv" and (t.predicate in JOINT_PREDICATES or (partnered and t.object != "special:deny"))
            for t in triggers or ()):
        return  # plain coordination makes partners only in conflict; "in coordination with" in any act
        # (a verb kg knows only from the dictionary makes none: "X and Y disputed the islands")
    if not partnered and any(c.lower_ in lex.word_set("separately") and c.dep_ in {"advmod", "det", "preconj", "appos", "dep"}
                             for t in (verb, *(s[1] for s in subjects)) for c in t.children):
        return  # "the US and Pakistan have both designated the BLA": each on its own
    keys = {s[0] for s in subjects}
    if not partnered and _ties_object(verb, lex):
        return  # "X and Y cut ties": the ties are their own, no third party (see reciprocal)
    third = partnered or any(
        (c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in {"against", "at", "on"}))
        and not ({t.i for t in c.subtree} & {s[1].i for s in subjects})
        and not _reciprocal_words(lex) & {t.lower_ for t in c.subtree}
        and not any(rd.token_actor.get(t.i) in keys for t in c.subtree)
        and (c.dep_ == "prep" or verb.lemma_.lower() not in lex.reciprocal
             or any(t.i in rd.token_actor and not _contended(t, c) for t in c.subtree))  # "fought three wars": each other
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
            rel = relation(rd, sent, a, lex.reading("joint"), b, 0.75 if partnered else 0.6,
                           f"verb:{verb.lemma_.lower()}:joint", trigger=verb)
            if rel is not None:
                yield rel
