"""An actor's own decisions, plans and moves, and who made them: "Washington's decision to
arm the Kurds", "the move by Russia to annex Crimea". The infinitive of such a noun is its
maker's act, announced (:mod:`kg.extract.modality` reads it as intent, :mod:`kg.extract.clauses`
gives it the maker for subject); and the one a call is made on, whose infinitive is theirs to
do, asked for, not done: "called Thursday on Arabs to unite" (:func:`called_on`).

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> doc = parse("Washington's decision to arm the Kurds angered Turkey.").doc
>>> own_decision(doc[2], load_lexicon()), decision_maker(doc[2]).text
(True, 'Washington')
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import Lexicon
from .syntax import prep_objects

__all__ = ["called_on", "decision_maker", "own_decision"]


def own_decision(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun is an actor's own decision or stance (words/stance.txt), whose infinitive
    its maker does: not a message to another (words/request.txt: "X's invitation to Y to
    visit"), not a campaign already under way (words/campaign.txt: "its efforts to defeat X")."""
    lemma = noun.lemma_.lower()
    return lemma in lex.word_set("stance") and lemma not in lex.word_set("request") \
        and lemma not in lex.word_set("campaign")


def decision_maker(noun: Token) -> Token | None:
    """Who made a decision: its possessor ("Washington's decision"), else its ``by`` agent
    ("the move by Russia"); ``None`` when the text names no one."""
    maker = next((c for c in noun.children if c.dep_ == "poss"), None)
    return maker if maker is not None else next(prep_objects(noun, ("by",)), None)


def called_on(head: Token, lex: Lexicon) -> Token | None:
    """The one a verb of calling calls on, after it (words/calling.txt: "called on Arabs to
    unite", "called Friday upon Muslims to rise up"), or ``None``.

    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> called_on(parse("The paper called Friday on Arabs to unite.").doc[2], load_lexicon()).text
    'Arabs'
    """
    if head.lemma_.lower() not in lex.word_set("calling"):
        return None
    return next((p for c in head.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"} and c.i > head.i
                 for p in c.children if p.dep_ == "pobj"), None)
