"""Names the tagger missed: a proper-noun phrase that takes part in a clause.

spaCy's small English model misses names it has not seen ("Exantus told VOA", "the
shooting of Yusuf Abdi"). A chain of capitalised proper nouns that is a subject,
object, apposition or the object of a party's preposition, that no pass has resolved
and that has no word of a title, actor noun or agent noun ("Foreign Secretary"), no
article ("the Resolution", "a National Power Grid": names of things and bodies) and no
"of" or "on" after it ("the Commission on the Limits") is read as the tagger would read a person's name
(:func:`~kg.resolve.names.resolve_span`): a gazetteer entry when it names one, a
person named earlier by surname, else a new person. A single word opening its
sentence is left alone (there the tagger often calls a common word a name) unless it is
the singular subject of a verb and no word kg's lexicons know ("Mueller charged ..."). A
name hyphened after a person's before a noun is one too ("the Trump-Kim summit").

Examples
--------
>>> from kg import parse
>>> rd = parse("Police arrested Yusuf Abdi in Kismayo.")
>>> rd.entities["yusuf-abdi"].type
'Person'
>>> "resolution" in parse("The Resolution urged both sides to respect the truce.").entities
False
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .names import resolve_span
from .state import Resolution

__all__ = ["untagged_names"]

#: What the tagger says of a name it missed: nothing, or a product ("Yusuf Abdi" [PRODUCT]).
_MISSED = frozenset({"", "PRODUCT"})
#: Where a name takes part in a clause (an apposition is the titles' to read).
_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "dative"})
#: Prepositions whose object is a party to the act ("talks with X", "arrested by X").
_PARTY_PREPS = frozenset({"by", "with", "against", "on", "to", "from", "of"})


def _chain(tok: Token) -> Span:
    """The proper nouns that end at ``tok`` ("Yusuf Abdi")."""
    start = tok.i
    while start > tok.sent.start and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].head.i == tok.i:
        start -= 1
    return tok.doc[start: tok.i + 1]


def _names_someone(st: Resolution, span: Span) -> bool:
    """Whether a chain reads as a name of its own: capitalised words, none a title, an actor
    or agent noun, nor one the tagger or a pass has read."""
    lex = st.lex
    if not all(t.is_alpha and t.is_title for t in span):
        return False
    if any(t.ent_type_ not in _MISSED or t.i in st.rd.token_actor for t in span):
        return False
    if any(t.lower_ in st.title_words or t.lower_ in lex.actor_nouns or t.lower_ in lex.agents
           or t.lemma_.lower() in lex.agents for t in span):
        return False
    root = span[-1]
    if any(c.dep_ == "det" for c in root.children) or any(
            c.dep_ == "prep" and c.lower_ in {"of", "on", "for"} for c in root.children):
        return False  # "the Resolution", "the Commission on the Limits": a thing or a body
    return not (len(span) == 1 and span.start == span.sent.start) or _surname_opening(st, root)


def _surname_opening(st: Resolution, tok: Token) -> bool:
    """A single word opening its sentence that reads as a surname: the singular proper-noun
    subject of a verb ("Mueller charged ...", "Pelosi called on ..."), no word of kg's
    lexicons (a capitalised "Police" or "Witnesses" is a common noun) and not a word the
    tagger also knows in lower case elsewhere in the document."""
    if tok.tag_ != "NNP" or tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.pos_ not in {"VERB", "AUX"}:
        return False
    low = tok.lower_
    lex = st.lex
    if low in lex.verbs or low in lex.nouns or low in st.title_words or low in lex.word_set("generic_not_actor"):
        return False
    return not any(t.lower_ == low and t.is_lower for t in st.doc)


def _paired(st: Resolution, tok: Token) -> bool:
    """A name hyphened after a person's, both before a noun: "the Trump-Kim summit"."""
    doc = st.doc
    if tok.dep_ != "compound" or tok.i < 2 or doc[tok.i - 1].text not in {"-", "–"}:
        return False
    key = st.rd.token_actor.get(tok.i - 2)
    return key is not None and st.rd.entities[key].type == "Person"


def untagged_names(st: Resolution) -> None:
    """Resolve the names the tagger missed (see the module docstring)."""
    for tok in st.doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ not in _MISSED or not (tok.dep_ in _DEPS or _paired(st, tok)):
            continue
        if tok.dep_ == "pobj" and (tok.head.lower_ not in _PARTY_PREPS or tok.head.head.pos_ == "PROPN"):
            continue  # not a party's preposition, or the end of a longer name ("Plan of Action")
        span = _chain(tok)
        if not _names_someone(st, span):
            continue
        entity = resolve_span(st, span, "PERSON")
        if entity is not None:
            st.add(entity, span)
