"""Titles: the office a person's title or apposition states over a group, and who represents
an actor.

"U.S. President Joe Biden", "Hezbollah leader Hassan Nasrallah", "Nasrallah, the leader of
Hezbollah", "Jordan's King Abdullah" -> ``leaderOf``; one of several, a deputy or the head
of a part -> ``partOf``: "X, a senior Hamas commander", "X, an ISIL gang leader in Raqqa",
"Hezbollah deputy leader X", "Hezbollah fighter Ali Hassan". "Iraq, represented by Prime
Minister X" -> ``leaderOf`` (the title heads it); "Hamas was represented by X" -> ``partOf``.
The titles are data (``ontology/lexicon/titles.tsv``).

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> rd = parse("Hezbollah leader Hassan Nasrallah spoke.")
>>> head = rd.doc[3]
>>> [r.triple for r in titles(rd, next(rd.doc.sents), head, ("hassan-nasrallah", head, 1.0), load_lexicon())]
[('hassan-nasrallah', 'leaderOf', 'hezbollah')]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon
from ..model import Relation
from ..resolve import ResolvedDoc, is_participant
from .actors import Actor, actor_type, actors, mention, mention_head
from .clauses import agent_of, clause_truth, subject_of
from .modality import is_negated
from .part_of import GROUPS, NOT_MEMBERS
from .places import CONTAINER_TYPES, IN_PREPS
from .records import relation

__all__ = ["office", "represented", "said_to_hold", "titles"]


def titles(rd: ResolvedDoc, sent: Span, head: Token, me: Actor, lex: Lexicon) -> Iterator[Relation]:
    """'U.S. President Joe Biden', 'Nasrallah, the leader of Hezbollah', 'Abu Ali, a senior
    Hamas commander' (one commander among many: ``partOf``).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    head : Token
        The head of an actor mention.
    me : (str, Token, float)
        The actor it denotes.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``leaderOf`` or ``partOf`` from the person to each group (or state) the title
        before the name or an apposition names; none for a former title or an unnamed
        holder.
    """
    if is_participant(rd.entities[me[0]], rd.document.id):
        return  # "a Pentagon spokesman said": an unnamed holder adds no one to the body
    words, orgs = _title_before(rd, head, me, lex)
    # "the leader of Hezbollah", "a senior Hamas commander" as an apposition
    for app in [c for c in head.children if c.dep_ == "appos"] + said_to_hold(head, lex):
        yield from _appos_title(rd, sent, app, me, lex)
    if lex.word_set("former") & {t.lower_ for t in words}:
        return  # "former Turkish ambassador Mithat Rende" holds the title no longer
    low = [t.lower_ for t in words]
    pred = office(words, lex)
    member = pred is None and bool(low) and lex.membership.get(low[-1]) in {"part", "person"}
    if member:  # "Hezbollah fighter Ali Hassan", "Hamas member Yahya Sinwar"
        pred = "partOf"
    if pred is None:
        return
    envoy = bool(low) and low[-1] in lex.word_set("envoy") and (
        low[-1] in lex.word_set("ambassador") or any(actor_type(rd, o[0]) == "State" for o in orgs))
    for org in orgs:
        otype = actor_type(rd, org[0])
        if otype in {"Person", "Place", "Facility"}:
            continue
        if envoy and otype == "InternationalOrganization":
            continue  # "British Deputy U.N. Ambassador X" is Britain's, posted to the UN
        if member and otype not in GROUPS:
            continue  # "Iraqi fighter X": a nationality, not a membership
        # "Iraqi commander X" commands troops of Iraq, not Iraq
        commander = low[-1] in lex.word_set("commander")
        held = "partOf" if pred == "leaderOf" and otype == "State" and commander else pred
        rel = relation(rd, sent, me, held, org, 0.9, f"role:title:{held}")
        if rel:
            yield rel


def said_to_hold(head: Token, lex: Lexicon) -> list[Token]:
    """The titles a clause says a person holds, read as an apposition would be: "X is the
    leader of Y", "X was elected president of Y", "X was sworn in as president of Y",
    "appointed X as head of Y", "X became director of Y", "X served as head of Y"; not what
    would be or is not.

    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> doc = parse("William Ruto was sworn in as president of Kenya.").doc
    >>> [t.text for t in said_to_hold(doc[1], load_lexicon())]
    ['president']
    """
    verb = head.head
    if verb.i == head.i or is_negated(verb) or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return []
    lemma = verb.lemma_.lower()
    if head.dep_ == "nsubj" and lemma == "be":
        return [c for c in verb.children if c.dep_ == "attr"]
    if head.dep_ == "nsubj" and lemma in lex.word_set("holding_office"):  # "became director of X", "served as X"
        return [c for c in verb.children if c.dep_ in {"attr", "oprd"}] + [
            p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    if lemma not in lex.word_set("appointing") or head.dep_ not in {"nsubjpass", "dobj"}:
        return []
    return [c for c in verb.children if c.dep_ in {"oprd", "attr"}] + [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]


def _title_before(rd: ResolvedDoc, head: Token, me: Actor, lex: Lexicon) -> tuple[list[Token], list[Actor]]:
    """The words of a title before a person's name, and the actors named in it ("U.S.
    President", "Hezbollah leader"); also a title the resolver took into the person's
    mention ("Jordan's King Abdullah", "Syria's interim President Ahmed al-Sharaa")."""
    words: list[Token] = []
    orgs: list[Actor] = []
    for child in head.lefts:
        if child.dep_ not in {"compound", "amod", "nmod", "poss"}:
            continue
        for t in child.subtree:
            k = rd.actor_at(t)
            if k == me[0]:
                continue
            if k:
                if (k, t) not in [(o[0], o[1]) for o in orgs]:
                    orgs.append((k, t, 1.0))
            elif t.is_alpha or _abbreviated(t):
                words.append(t)
    start, end = mention(rd, head)
    for t in head.doc[start:end]:
        if not (t.is_alpha and _is_title_word(t.lower_, lex)):
            break
        words.append(t)
    return words, orgs


def _appos_title(rd: ResolvedDoc, sent: Span, app: Token, me: Actor, lex: Lexicon) -> Iterator[Relation]:
    """"Nasrallah, the leader of Hezbollah", "X, Hamas's military chief", "X, a spokesman for
    the RSF", "X, a senior Hamas commander", "X, an ISIL gang leader in Raqqa": the title an
    apposition gives a person, toward the group it names. One of several ("a commander"), a
    deputy or the head of a part ("gang leader", "the Hamas leader in Gaza") is ``partOf``."""
    words = [t for c in app.lefts if c.dep_ in {"compound", "amod", "nmod"}
             for t in c.subtree if t.is_alpha and rd.actor_at(t) in {None, me[0]}] + [app]
    doc = app.doc
    while words[-1].i + 2 < len(doc) and doc[words[-1].i + 1].text == "-" and doc[words[-1].i + 2].head.i == app.i:
        words.append(doc[words[-1].i + 2])  # "the UN secretary-general"
    if lex.word_set("former") & {t.lower_ for t in words}:
        return
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in app.children)
    scoped = any(p.dep_ == "prep" and p.lower_ in IN_PREPS and any(
        actor_type(rd, a[0]) in CONTAINER_TYPES for o in p.children if o.dep_ == "pobj" for a in actors(rd, o))
        for p in app.subtree)
    pred = office(words, lex, partial=indefinite or scoped) or office([app], lex, partial=indefinite or scoped)
    if not pred:
        return
    # "the de facto leader of eastern Libya" leads a region, not the state
    targets = [a for p in app.children if p.dep_ == "prep" and p.lower_ in {"of", "for"}
               for o in p.children
               if not any(m.dep_ == "amod" and m.is_lower and m.lower_ in lex.word_set("regional") for m in o.children)
               for a in actors(rd, o)]
    targets += [a for c in app.children if c.dep_ == "poss" for a in actors(rd, c)]
    # "a senior Hamas commander", "the UN secretary-general": a group named before the title
    # (never a state: "an Iraqi commander" is a nationality)
    targets += [a for c in app.lefts if c.dep_ in {"compound", "nmod", "amod"}
                for t in c.subtree if rd.actor_at(t) not in {None, me[0]}
                for a in actors(rd, t) if actor_type(rd, a[0]) in GROUPS]
    # "X, a platoon sergeant in the 82nd Airborne Division": one of a group's people
    within = [a for p in app.children if p.dep_ == "prep" and p.lower_ in {"in", "within"}
              for o in p.children if o.dep_ == "pobj" for a in actors(rd, o) if actor_type(rd, a[0]) in GROUPS]
    seen = set()
    for org, held in [*((t, pred) for t in targets), *((t, "partOf") for t in within)]:
        if org[0] in seen:
            continue
        seen.add(org[0])
        rel = relation(rd, sent, me, held, org, 0.85, f"role:title-appos:{held}", trigger=app)
        if rel:
            yield rel


def office(words: list[Token], lex: Lexicon, *, partial: bool = False) -> str | None:
    """The relation a title held over a group states: ``leaderOf`` for the head of the whole
    ("the leader", "President"), ``partOf`` for one of several (``partial``: "a commander",
    "the leader in Gaza"), a deputy or a senior officer ("deputy leader", "senior commander")
    and the head of a part ("gang leader", "foreign policy chief", "military commander").

    Parameters
    ----------
    words : list of Token
        The words of the title, in order.
    lex : Lexicon
        The lexicon (its titles).
    partial : bool
        The title is one of several ("a commander") or scoped ("the leader in Gaza").

    Returns
    -------
    str or None
        ``"leaderOf"``, ``"partOf"``, or ``None`` when the words end in no title.

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> doc = parse("deputy leader").doc
    >>> office([doc[1]], load_lexicon()), office(list(doc), load_lexicon())
    ('leaderOf', 'partOf')
    """
    low = [t.lower_ for t in words]
    for n in range(len(low)):
        pred = lex.titles.get(" ".join(low[n:]))
        if pred is None:
            continue
        qualifiers = [q for q in words[:n] if q.lower_ not in lex.word_set("office_qualifier")]
        if pred == "leaderOf" and (partial or any(
                q.lower_ in lex.word_set("subordinate")
                or (q.pos_ in {"NOUN", "PROPN"} and not _is_title_word(q.lower_, lex))
                or low[-1] in lex.word_set("head_title") for q in qualifiers)):
            return "partOf"
        return pred
    return None


def _abbreviated(tok: Token) -> bool:
    """An abbreviated word of a title: "Gen.", "Lt.", "Sgt."."""
    return tok.text.endswith(".") and tok.text[:-1].isalpha() and len(tok.text) <= 6


def _is_title_word(word: str, lex: Lexicon) -> bool:
    """Whether a word is part of some title ("prime", "minister", "king")."""
    return (any(word in title.replace("-", " ").split() for title in lex.titles)
            and word != "of" and word not in lex.word_set("title_domain"))


def represented(rd: ResolvedDoc, sent: Span, verb: Token, kind: str, lex: Lexicon) -> Iterator[Relation]:
    """"Iraq, represented by Prime Minister Mohammed Shia al-Sudani, signed ..." -> leaderOf (his
    title heads the state); "Hamas was represented by Khalil al-Hayya", "the EU, represented by
    its foreign policy chief, Kaja Kallas" -> partOf: a person speaking for an actor.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    verb : Token
        The verb.
    kind : str
        Its kind in ``membership.tsv`` (``"represent"``).
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``leaderOf`` or ``partOf`` from the representative to the one represented.
    """
    if verb.dep_ == "acl":
        whole = verb.head
    else:
        whole, passive = subject_of(verb)
        if not passive:
            return  # "X represented Iraq" may be a lawyer, a team or a threat
    agent = agent_of(verb)
    if whole is None or agent is None:
        return
    truth = clause_truth(verb, lex)
    if truth is not False:
        return  # "was not represented by X" denies the errand, not that X belongs to it
    named = agent  # "represented by its foreign minister, Fuad Hussein": the name in apposition
    if rd.actor_at(agent) is None:
        named = next((c for c in agent.children if c.dep_ == "appos" and rd.actor_at(c)), agent)
    for person in actors(rd, named):
        if actor_type(rd, person[0]) != "Person":
            continue
        head = mention_head(rd, person[1], person[0])
        words = [t for c in head.lefts if c.dep_ in {"compound", "amod"} for t in c.subtree
                 if t.is_alpha and rd.actor_at(t) is None]
        start, end = mention(rd, head)
        words += [t for t in head.doc[start:end] if t.is_alpha and _is_title_word(t.lower_, lex)][:3]
        if named is not agent:
            words = [t for t in agent.subtree if t.is_alpha and t.i < named.i and rd.actor_at(t) is None
                     and t.dep_ != "poss" and t.pos_ != "DET"]
        if lex.word_set("former") & {t.lower_ for t in words}:
            continue
        if any(rd.actor_at(t) not in {None, person[0]} for c in head.lefts for t in c.subtree):
            continue  # "represented by U.S. envoy X": someone else's official
        pred = "leaderOf" if office(words, lex) == "leaderOf" else "partOf"
        for group in actors(rd, whole):
            if actor_type(rd, group[0]) in NOT_MEMBERS | {"Person"}:
                continue
            rel = relation(rd, sent, person, pred, group, 0.8, f"role:represented:{pred}", trigger=verb)
            if rel:
                yield rel
