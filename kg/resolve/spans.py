"""Words and spans as the passes of resolution read them: a mention's surface, its trimmed
span, whether it modifies a noun, a bloc's label.

Examples
--------
>>> from kg.nlp import load_pipeline
>>> from kg.lexicon import load_lexicon
>>> doc = load_pipeline()("The anti-Pakistan militants met Western nations.")
>>> surface(trim(doc[0:5]))
'anti-Pakistan militants'
>>> prefixed(doc, 3)
1
>>> bloc_label(doc[6:8], doc[7], load_lexicon())
'Western countries'
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon

__all__ = ["LEADING_DROP", "LEADING_PREPOSITIONS", "MODIFIER_DEPS", "bloc_label", "doc_span", "is_modifier",
           "left_edge", "modifies_noun", "plural", "prefixed", "surface", "trim"]

#: Dependencies of a word that modifies a noun ("U.S." in "U.S. troops", "its" in "its army").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
#: Articles left out of a name.
LEADING_DROP = frozenset({"the", "a", "an"})
#: Prepositions a tagger sometimes takes for the first word of a name ("Near Rawah", "Outside Kyiv").
LEADING_PREPOSITIONS = frozenset({"near", "outside", "around", "inside", "across", "in", "at"})


def surface(span: Span) -> str:
    """A span's text on one line, without quotes around it."""
    return " ".join(span.text.split()).strip(" \"'“”‘’")


def prefixed(doc: Doc, start: int) -> int:
    """Move a phrase start back over "anti-" or "pro-": "anti-Pakistan militants" are not Pakistan's."""
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in {"anti", "pro"}:
        return start - 2
    return start


def doc_span(tok: Token) -> Span:
    """The span of a token's subtree."""
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def trim(span: Span) -> Span | None:
    """Drop a leading article, trailing possessive and punctuation from a span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in LEADING_DROP or doc[start].is_punct
                           or ((doc[start].tag_ == "IN" or doc[start].lower_ in LEADING_PREPOSITIONS)
                               and start + 1 < end)):
        start += 1  # "the", and a preposition a tagger took in ("Near Rawah" at a sentence start)
    while end > start and (doc[end - 1].tag_ in {"POS", "IN", "DT", "CC"} or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1  # "the Government of" (a tagger's cut) -> "Government"
    return doc[start:end] if end > start else None


def bloc_label(span: Span, head: Token, lex: Lexicon) -> str:
    """"Western nations", "Western states" -> "Western countries" (one node per bloc)."""
    text = surface(span)
    if head.lemma_.lower() in lex.word_set("bloc") and text.endswith(head.text):
        return text[: -len(head.text)] + "countries"
    return text


def is_modifier(span: Span) -> bool:
    """Whether a span modifies a noun after it ("Iraqi" in "Iraqi officials")."""
    return span.root.dep_ in MODIFIER_DEPS and span.root.head.i >= span.end


def modifies_noun(span: Span) -> bool:
    """Whether a people's name stands before a noun ("Druze leaders", "Kurdish and Yazidi
    fighters", and "Nuer and Dinka militias" that a parser reads as "Nuer" and "militias");
    a possessive ("the Kurds' struggle") and a plural ("the Kurds and Yazidi civilians") name the people."""
    root = span.root
    if root.dep_ == "poss" or root.tag_ in {"NNS", "NNPS"}:
        return False
    if is_modifier(span):
        return True
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first is not root and first.dep_ in MODIFIER_DEPS and first.head.i > root.i:
        return True
    return any(c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > root.i
               and any(m.dep_ in MODIFIER_DEPS for m in c.lefts) for c in root.children)


def left_edge(tok: Token) -> int:
    """The index of the first word of a token's subtree."""
    return min(t.i for t in tok.subtree)


def plural(tok: Token, lex: Lexicon) -> bool:
    """A plural noun, or a singular one for a group of many ("a militia")."""
    return tok.tag_ in {"NNS", "NNPS"} or tok.lower_ in lex.word_set("group_noun")
