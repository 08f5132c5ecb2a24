"""Who does what in a clause: its subject, a passive's agent, an accuser, the speaker.

:func:`subject_of` follows coordinated verbs and open complements up to the subject
they share; :func:`agent_of` finds a passive's ``by`` agent or who did it "at the
hands of"; :func:`speaker_of` and :func:`accuser` find who asserts a clause;
:func:`clause_truth` says whether a clause states a standing fact as so.

Examples
--------
>>> from kg import parse
>>> doc = parse("Iran accused Israel and demanded an apology.").doc
>>> subj, passive = subject_of(doc[4])
>>> subj.text, passive
('Iran', False)
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import Lexicon, load_lexicon
from ..resolve import ResolvedDoc
from .actors import INERT, actors
from .decisions import called_on, decision_maker, own_decision
from .modality import is_negated, modality
from .passive_agents import agent_of, at_the_hands_of
from .syntax import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, is_infinitive

__all__ = ["accused_of", "accuser", "agent_of", "at_the_hands_of", "clause_truth", "ongoing", "speaker_of",
           "subject_of"]


def subject_of(verb: Token, lex: Lexicon | None = None) -> tuple[Token | None, bool]:
    """The token acting as subject of a verb, and whether the verb is passive.

    Follows coordinated verbs and open complements up to the subject they
    share ("accused X and demanded Y", "attempted to target X").

    Parameters
    ----------
    verb : Token
        The verb (or a noun acting as one).
    lex : Lexicon, optional
        The lexicon (kg's own by default).

    Returns
    -------
    tuple of (Token or None, bool)
        The subject token (``None`` when there is none) and whether it is a
        passive subject.

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse("Hamas attempted to target Israel.").doc
    >>> subject_of(doc[3])[0].text
    'Hamas'
    >>> doc = parse("Israel was attacked.").doc
    >>> subject_of(doc[2])[0].text, subject_of(doc[2])[1]
    ('Israel', True)
    """
    lex = lex or load_lexicon()
    tok = verb
    adverbial = False  # the subject comes from the clause an adverbial hangs on: its voice is the verb's own
    for _ in range(6):
        found = _own_subject(tok)
        if found is not None:
            return (found[0], _own_passive(verb)) if adverbial else found
        step = _step_up(tok, lex)
        if not isinstance(step, Token):
            return step if step is not None else (None, False)
        # a gerund's own voice ("after being shot"); a purpose infinitive keeps the clause's
        # ("were deployed to push back the rebels": the deployed are not said to act)
        adverbial = adverbial or (tok.dep_ in {"advcl", "pcomp"} and (tok.tag_ == "VBG" or any(
            c.dep_ == "auxpass" and c.tag_ == "VBG" for c in tok.children)))
        # the passive subject of a verb of control or expectation does its complement
        # ("X was asked to leave", "X is expected to meet Y"), save the deployed's
        adverbial = adverbial or (tok.dep_ == "xcomp" and step.lemma_.lower() not in lex.deploying)
        tok = step
    return None, False


def _own_passive(verb: Token) -> bool:
    """Whether a verb with no subject of its own is passive ("after being shot by police")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _own_subject(tok: Token) -> tuple[Token, bool] | None:
    """The subject of the clause itself, nearest the verb: in "Near Rawah, two strikes engaged
    ..." a parser may take the fronted place for a second subject ("forces who are leading
    ...": the forces)."""
    for child in sorted(tok.children, key=lambda c: -c.i if c.i < tok.i else c.i):
        if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and child.tag_ in {"WP", "WDT"} \
                and tok.dep_ == "ccomp" and tok.head.dep_ == "relcl":
            return tok.head.head, _own_passive(tok)  # "the rebels, who Congo says are backed by X": the rebels
        if child.dep_ in SUBJECT_DEPS:
            if child.tag_ in {"WP", "WDT"} and tok.dep_ == "relcl":
                return tok.head, False
            return child, False
        if child.dep_ in PASSIVE_SUBJECT_DEPS:
            if child.tag_ in {"WP", "WDT"} and tok.dep_ == "relcl":
                return tok.head, True  # "Porras, who was sanctioned by the EU": Porras
            return child, True
    return None


def _step_up(tok: Token, lex: Lexicon) -> Token | tuple[Token | None, bool] | None:
    """Where a clause with no subject of its own gets one: the head to go on from (a
    :class:`~spacy.tokens.Token`), the answer (a ``(subject, passive)`` pair), or ``None``
    when it has none."""
    head = tok.head
    if tok.dep_ == "pcomp" and head.lower_ == "to" and head.head.lemma_.lower() in lex.word_set("devoted"):
        up = head.head  # "X is committed to defeating Y": X, even as the passive subject
        subj = next((c for c in up.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)
        return (subj, False) if subj is not None else up
    if tok.dep_ == "pcomp" and head.lower_ == "in" and head.head.lemma_.lower() in lex.word_set("joining"):
        return head.head  # "Poland joined Germany in condemning Russia": Poland (and Germany)
    if tok.dep_ == "pcomp" and head.lower_ in {"of", "for", "with"} and head.head.lemma_.lower() in lex.word_set("accusing"):
        return accused_of(tok), False  # "accused the United States of aiding Israel", "charged with killing X"
    if tok.dep_ == "pcomp" and head.lower_ in lex.word_set("clause_linking") and head.head.pos_ in {"VERB", "AUX"}:
        return head.head  # "died after being shot by police", "responded by shelling X": the clause's subject
    if tok.dep_ == "xcomp" and head.i != tok.i:
        controller = _object_controller(head, lex)
        if controller is not None:
            return controller, False  # "urged Hezbollah to attack", "helped the army to retake"
    if tok.dep_ in {"acl", "relcl"} and is_infinitive(tok) and head.lemma_.lower() in lex.word_set("campaign"):
        return _owner_of(head, lex), False  # "the coalition's campaign to defeat X"
    if tok.dep_ == "acl" and is_infinitive(tok) and own_decision(head, lex):
        # "Washington's decision to arm the Kurds", "the move by Russia to annex Crimea": its maker
        return decision_maker(head), False
    if tok.dep_ in {"conj", "xcomp", "acomp"} and head.i != tok.i:
        return head  # "X agreed to ...", "X is willing to ..."
    to_infinitive = tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    called = called_on(head, lex) if to_infinitive else None
    if called is not None:
        return called, False  # "called Thursday on Arabs to unite": the parser's purpose clause is the call's
    dative = next((c for c in head.children if c.dep_ == "dative" and c.pos_ != "ADP"), None) if to_infinitive else None
    if dative is not None:
        return dative, False  # "gave authorities 48 hours to release X", "sent Kyiv arms to defend itself"
    if tok.dep_ == "advcl" and (any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                                or (tok.tag_ == "VBG" and not any(c.dep_ == "mark" for c in tok.children))):
        return head  # "staged a rally to protest X", "blocked the avenue, calling for ...": the same subject
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.lemma_.lower() in lex.word_set("utterance"):
        return _author_of(head, lex), False  # "Iran issued a statement condemning Israel": Iran
    if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBG"):
        return head, False
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and head.pos_ in {"NOUN", "PROPN"}:
        return head, True  # "the journalist, arrested by Turkish police, ...": the one arrested
    return None


def _author_of(noun: Token, lex: Lexicon) -> Token | None:
    """Who issued a statement, a letter or a warning (words/utterance.txt): its possessor ("Iran's
    statement"), or the subject of the verb of issuing it is the object of (words/issuing.txt),
    through a count ("issued a series of warnings")."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in lex.word_set("series"):
        noun = noun.head.head
    if noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() in lex.word_set("issuing"):
        subj, passive = subject_of(noun.head, lex)
        return None if passive else subj
    return None


def accused_of(act: Token) -> Token | None:
    """Who an accusation says did ``act`` (the gerund or noun after "of"/"for").

    Parameters
    ----------
    act : Token
        The gerund or noun after "of" or "for".

    Returns
    -------
    Token or None
        The accused object, the subject of a passive "X was accused of", or the noun a
        participle of accusing describes ("a man suspected of killing X").

    Examples
    --------
    >>> from kg import parse
    >>> doc = parse("Iran accused the United States of aiding Israel.").doc
    >>> accused_of(doc[6]).text
    'States'
    """
    verb = act.head.head
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
            return child
    return verb.head if verb.dep_ == "acl" else None  # "a man suspected of killing his wife"


def accuser(rd: ResolvedDoc, act: Token, lex: Lexicon | None = None) -> str | None:
    """Who makes the accusation ``act`` is the object of (its subject or ``by`` agent).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    act : Token
        The act an accusation is about ("aiding" in "accused X of aiding Y").
    lex : Lexicon, optional
        The lexicon (kg's own by default).

    Returns
    -------
    str or None
        The accuser's entity key, or ``None`` when no verb of accusing is above.

    Examples
    --------
    >>> from kg import parse
    >>> rd = parse("Iran accused the United States of aiding Israel.")
    >>> accuser(rd, rd.doc[6])
    'iran'
    """
    lex = lex or load_lexicon()
    t = act
    for _ in range(4):
        head = t.head
        if head.i == t.i:
            return None
        if head.lemma_.lower() in lex.word_set("accusing") and head.pos_ in {"VERB", "AUX"}:
            subj, passive = subject_of(head, lex)
            found = actors(rd, agent_of(head, lex) if passive else subj, lex=lex)
            return found[0][0] if found else None
        t = head
    return None


def _object_controller(head: Token, lex: Lexicon) -> Token | None:
    """Who does the open complement of ``head``: its object ("urged Hezbollah to
    attack", "helped the army to retake", "called on Russia to withdraw")."""
    if head.lemma_.lower() in lex.word_set("promising"):
        return None
    for child in head.children:
        if child.dep_ in OBJECT_DEPS:
            return child
    for child in head.children:  # "called on Russia to ...", "appealed to Iran to ..."
        # (after the verb: "On Monday, the army tried to retake X" is the army's attempt)
        if child.dep_ == "prep" and child.lower_ in {"on", "upon", "to"} and child.i > head.i:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _owner_of(noun: Token, lex: Lexicon) -> Token | None:
    """Whose effort a noun is: its possessor ("the coalition's campaign"), or the
    subject of the verb it is the object of, through prepositions ("X began the
    campaign", "X is leading efforts in the campaign")."""
    tok = noun
    for _ in range(4):
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
        if tok.dep_ == "appos" and tok.head.i < tok.i:
            return tok.head  # "Operation Inherent Resolve, the operation to eliminate X"
        if tok.dep_ in OBJECT_DEPS or (tok.dep_ == "pobj" and tok.head.head.pos_ in {"VERB", "AUX"}):
            verb = tok.head if tok.dep_ in OBJECT_DEPS else tok.head.head
            if tok.dep_ in OBJECT_DEPS and verb.lemma_.lower() not in lex.word_set("waging"):
                return None  # "discussed the campaign to ..." says nothing of whose it is
            subj, passive = subject_of(verb, lex)
            return None if passive else subj
        if tok.dep_ == "pobj" and tok.head.head.pos_ in {"NOUN", "PROPN"}:
            tok = tok.head.head  # "efforts in the campaign to ..."
            continue
        return None
    return None


def speaker_of(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> str | None:
    """Who the sentence says is asserting the clause a trigger is in, if anyone.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    tok : Token
        The trigger.
    lex : Lexicon
        The lexicon (its verbs of saying).

    Returns
    -------
    str or None
        The entity key of the subject of a verb of saying the clause is the
        complement of, or of an "according to" phrase; never a place.

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> rd = parse("Israel said Hamas attacked the crossing.")
    >>> speaker_of(rd, rd.doc[3], load_lexicon())
    'israel'
    """
    t = tok
    for _ in range(6):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                for to in c.children:
                    for pobj in to.children:
                        found = [a for a in actors(rd, pobj, lex=lex) if rd.entities[a[0]].type not in INERT]
                        if found:
                            return found[0][0]
        if t.dep_ in {"ccomp", "parataxis"} or (t.dep_ == "conj" and t.head.i != t.i):
            head = t.head
            if t.dep_ in {"ccomp", "parataxis"} and head.lemma_.lower() in lex.speech:
                subj, _ = subject_of(head, lex)
                found = [a for a in actors(rd, subj, lex=lex) if rd.entities[a[0]].type not in INERT]
                return found[0][0] if found else None  # a place says nothing
            t = head
            continue
        if t.dep_ == "ROOT" and t.lemma_.lower() in lex.speech and t.i != tok.i:
            return None
        break
    return None


def ongoing(verb: Token, lex: Lexicon) -> bool:
    """Whether a clause is going on: "fighters continue to join the SDF", "keep joining".

    Parameters
    ----------
    verb : Token
        The clause's verb.
    lex : Lexicon
        The lexicon (its verbs of continuing).

    Returns
    -------
    bool
        ``True`` for the open complement of a verb of continuing.

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> doc = parse("Fighters continue to join the SDF.").doc
    >>> ongoing(doc[3], load_lexicon())
    True
    """
    return verb.dep_ == "xcomp" and lex.intent.get(verb.head.lemma_.lower()) == "continue"


def clause_truth(clause: Token | None, lex: Lexicon, *, future_act: bool = False) -> bool | None:
    """Whether a clause stating a standing fact (a membership, a post) is negated.

    Parameters
    ----------
    clause : Token or None
        The clause's verb; ``None`` for a fact stated by a noun phrase (so true).
    lex : Lexicon
        The lexicon.
    future_act : bool
        The clause is an act done as a member, which may be still to come ("X will fly
        missions as part of Y": the act is to come, the membership holds now).

    Returns
    -------
    bool or None
        ``True`` when negated, ``False`` when stated as so, ``None`` when it states no
        fact: an aim ("applied to join"), a future or a wish ("will join").

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> clause_truth(parse("Finland joined NATO.").doc[1], lex), clause_truth(parse("Sweden will join NATO.").doc[2], lex)
    (False, None)
    >>> clause_truth(parse("Finland did not join NATO.").doc[3], lex)
    True
    """
    if clause is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not ongoing(clause, lex):
        return None  # "applied to join NATO", "a bid to become a member": an aim
    mode = modality(clause, lex)
    if future_act and mode == "future":
        return is_negated(clause)
    if mode not in {"asserted", "denied"}:
        return None  # "Ukraine will join NATO", "Sweden wants to be a member of NATO"
    return mode == "denied" or is_negated(clause)
