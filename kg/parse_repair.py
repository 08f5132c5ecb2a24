"""Repair one known failure of the small English parser: a sentence whose subject is a name
and whose verb the parser read as a modifier, leaving the sentence with no verb at its root.

"Trump visited troops in Iraq." comes out as a noun phrase: "Trump" the root, "visited" an
adjective of "troops"; "Trump called Erdogan on Sunday." as "Trump, called Erdogan". A
sentence of news has a verb; when the root is a name and the word right after the name is a
verb in the past tense hung on a noun as its modifier (``amod`` or ``acl``), that verb is the
predicate: it becomes the root, the name its subject, the noun it modified (or its predicate
complement) its direct object, and whatever else hung on the name after the verb hangs on
the verb. Nothing else is touched; a sentence with a verbal root is left alone, whatever it
says. The reverse misreading is repaired too: a plural noun after a name read as the root
verb, with the true predicate hung on it as a bare clause ("US airstrikes against al-Shabaab
killed 20 militants": "airstrikes" a verb, "killed" an adverbial clause). The component runs last (``kg_parse_repair``, added by :func:`kg.nlp.load_pipeline`).

Examples
--------
>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline()("Trump visited troops in Iraq.")
>>> [(t.text, t.dep_, t.head.text) for t in doc][:3]
[('Trump', 'nsubj', 'visited'), ('visited', 'ROOT', 'visited'), ('troops', 'dobj', 'visited')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis, Span, Token

__all__ = ["ParseRepair", "make_parse_repair"]

#: Tags of a verb in the past tense, which the parser may have read as a participle.
_PAST = frozenset({"VBD", "VBN"})
#: How the parser hangs such a verb on a noun.
_AS_MODIFIER = frozenset({"amod", "acl"})
#: What the parser makes of the verb's object when it reads the verb as a participle of the name.
_AS_COMPLEMENT = frozenset({"oprd", "dobj", "attr"})


@Language.factory("kg_parse_repair", assigns=["token.dep", "token.head", "token.tag", "token.pos"],
                  requires=["token.dep", "token.tag"])
def make_parse_repair(nlp: Language, name: str) -> "ParseRepair":
    return ParseRepair(nlp)


class ParseRepair:
    """Make the past-tense verb after a sentence's subject name its root (see the module
    docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for sent in list(doc.sents):
            found = _misread(sent)
            if found is not None:
                self._repair(doc, *found)
                continue
            noun = _plural_read_as_verb(sent)
            if noun is not None:
                self._renoun(*noun)
        return doc

    def _renoun(self, noun: Token, verb: Token) -> None:
        """"US airstrikes against X killed 20 militants": the verb its root, the plural its
        subject, the root's old subject a modifier of the plural."""
        old_subjects = [c for c in noun.children if c.dep_ == "nsubj"]
        moved = [c for c in noun.children if c.dep_ == "punct" and c.i > verb.i]
        verb.head, verb.dep_ = verb, "ROOT"
        noun.head, noun.dep_ = verb, "nsubj"
        for subj in old_subjects:
            subj.dep_ = "compound"
        for child in moved:
            child.head = verb
        noun.tag_, noun.pos_ = "NNS", "NOUN"
        noun.morph = MorphAnalysis(noun.vocab, {"Number": "Plur"})  # not the verb's "Number=Sing"
        if self.lemmatizer is not None and hasattr(self.lemmatizer, "rule_lemmatize"):
            noun.lemma_ = (self.lemmatizer.rule_lemmatize(noun) or [noun.lemma_])[0].lower()

    def _repair(self, doc: Doc, subj: Token, verb: Token, obj: Token | None) -> None:
        name = range(subj.left_edge.i, verb.i)
        moved = [c for c in subj.children if c.i > verb.i]
        root = subj.sent.root
        if root.i not in (subj.i, verb.i):  # a fronted adverbial hung on the old root goes with the verb
            moved += [c for c in root.children if c.i < subj.left_edge.i]
        if obj is not None:
            moved += [c for c in obj.children if c.dep_ == "punct" and c.i == obj.sent.end - 1]
        verb.head, verb.dep_ = verb, "ROOT"
        subj.head, subj.dep_ = verb, "nsubj"
        if obj is not None and obj.i not in name:
            obj.head, obj.dep_ = verb, "dobj"
        for child in moved:
            if child.i != verb.i and (obj is None or child.i != obj.i):
                child.head = verb
        verb.tag_, verb.pos_ = "VBD", "VERB"
        if self.lemmatizer is not None and hasattr(self.lemmatizer, "rule_lemmatize"):
            verb.lemma_ = (self.lemmatizer.rule_lemmatize(verb) or [verb.lemma_])[0].lower()


def _misread(sent: Span) -> tuple[Token, Token, Token | None] | None:
    """The subject (a name, or an article and a noun), its verb and the verb's object of a
    sentence the parser read as a noun phrase, or ``None``."""
    root = sent.root
    if root.pos_ in {"VERB", "AUX"}:
        return None
    verb = next((t for t in sent if t.tag_ in _PAST and t.dep_ in _AS_MODIFIER), None)
    if verb is None:
        return None
    start = _subject_start(sent, verb)
    if verb.i == start or not (all(_named(t) for t in sent.doc[start:verb.i]) or _described(sent, start, verb)):
        return None
    heads = [t for t in sent.doc[start:verb.i] if not start <= t.head.i < verb.i or t.head.i == t.i]
    if len(heads) != 1:
        return None
    subj = heads[0]
    if verb.dep_ == "amod":
        obj = verb.head if verb.head.i > verb.i else None
        if obj is None or not (obj.head.i == subj.i or obj.i == root.i):
            return None
    else:
        if verb.head.i != subj.i:
            return None
        obj = next((c for c in verb.children if c.dep_ in _AS_COMPLEMENT and c.i > verb.i), None)
    return subj, verb, obj


def _described(sent: Span, start: int, verb: Token) -> bool:
    """Whether the words before the verb are one described noun phrase opening a sentence of
    running text ("The rebels negotiated with the government.", "The envoy met X."): an article,
    then adjectives and nouns; not a headline, which has no article and no final stop
    ("Three soldiers killed in attack")."""
    words = sent.doc[start:verb.i]
    return (len(words) >= 2 and words[0].lower_ in {"the", "a", "an"} and sent[-1].text in {".", "!"}
            and all(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in words[1:]) and words[-1].pos_ in {"NOUN", "PROPN"})


def _subject_start(sent: Span, verb: Token) -> int:
    """Where the subject name before a verb starts: the sentence's start, or the word after the
    comma that closes a fronted adverbial ("Earlier this month, Trump hosted Erdogan")."""
    comma = next((t.i for t in reversed(sent.doc[sent.start : verb.i]) if t.text == ","), None)
    return sent.start if comma is None or comma == sent.start else comma + 1


def _plural_read_as_verb(sent: Span) -> tuple[Token, Token] | None:
    """A plural noun the parser read as the root verb, with the true predicate hung on it as a
    bare clause: "US airstrikes against al-Shabaab killed 20 militants" (the root "airstrikes"
    VBZ, "killed" an adverbial clause with no subject, no marker and no comma before it)."""
    root = sent.root
    if root.tag_ != "VBZ" or not root.lower_.endswith("s"):
        return None
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].i != root.i - 1 or not _named(subj[0]) or any(c.dep_ in {"dobj", "aux"} for c in root.children):
        return None
    verb = next((c for c in root.children if c.dep_ in {"advcl", "conj"} and c.tag_ == "VBD" and c.i > root.i), None)
    if verb is None or any(c.dep_ in {"nsubj", "nsubjpass", "mark", "aux", "cc"} for c in verb.children):
        return None
    if any(t.text in {",", ";", "and", "but"} for t in sent.doc[root.i + 1 : verb.i]):
        return None
    return root, verb


def _named(tok: Token) -> bool:
    """Whether a token is part of a name: an entity's word or a proper noun."""
    return bool(tok.ent_type_) or tok.tag_ in {"NNP", "NNPS"}
