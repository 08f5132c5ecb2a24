"""Alignment stated by modifiers: "Iran-backed militias", "groups aligned with Iran",
"a faction with close ties to Iran", "pro-Iranian groups", "a proxy of Iran"; leadership:
"Hamas, led by Yahya Sinwar", "the Wagner Group, headed by Prigozhin", "the division, under the
command of Gen. X" (the leader of a contingent, "the Iraqi delegation, led by X", is ``partOf``).

Each phrasing is a small pattern of :data:`_PATTERNS`, tried in order on every token; a
pattern returns ``True`` when the token is its alone (no later pattern is tried).

Examples
--------
>>> from kg import parse
>>> rd = parse("Iran-backed militias attacked the base.")
>>> [(r.subject, r.predicate, r.object) for r in modifier_relations(rd)]
[('iran-backed-militias', 'backedBy', 'iran')]
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator

from spacy.tokens import Span, Token

from ..gazetteer import load_gazetteer
from ..lexicon import Lexicon, ModifierTrigger, load_lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from .actors import Actor, actors
from .clauses import subject_of
from .modality import is_negated
from .records import relation
from .syntax import prep_objects

__all__ = ["modifier_relations"]

_PREDICATIVE = frozenset({"acomp", "ROOT", "ccomp", "conj", "xcomp", "advcl", "attr"})
#: The modifier rows by (kind, form).
Forms = dict[tuple[str, str], ModifierTrigger]
#: A pattern: ``(rd, sent, tok, forms, lex)`` -> relations, returning whether the token is its alone.
Pattern = Callable[[ResolvedDoc, Span, Token, Forms, Lexicon], Generator[Relation, None, bool]]


def modifier_relations(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> Iterator[Relation]:
    """Yield alignment, backing and leadership relations stated by modifiers.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    lexicon : Lexicon, optional
        The lexicon (kg's own by default; its modifier rows, ``modifiers.tsv``).

    Yields
    ------
    Relation
        For each token in turn, the relations of the patterns of :data:`_PATTERNS` up to
        the first that takes the token.
    """
    lex = lexicon or load_lexicon()
    forms: Forms = {(m.kind, m.form): m for m in lex.modifiers}
    # every pattern starts from one of these words (a form of a row, or a word of allegiance):
    # a token with none of them is passed over without its parse being read
    words = {m.form.rstrip("-") for m in lex.modifiers} | lex.word_set("allegiance")
    for sent in rd.doc.sents:
        for tok in sent:
            low = tok.lower_
            if low not in words and tok.lemma_.lower() not in words and not low.startswith(("pro-", "anti-")):
                continue
            for pattern in _PATTERNS:
                if (yield from pattern(rd, sent, tok, forms, lex)):
                    break


def _hyphen_compound(rd: ResolvedDoc, sent: Span, tok: Token, forms: Forms,
                     lex: Lexicon) -> Generator[Relation, None, bool]:
    """"Iran-backed": actor, hyphen, participle."""
    doc = rd.doc
    trig = forms.get(("compound", tok.lower_))
    if trig and tok.i >= 2 and doc[tok.i - 1].text == "-":
        objs = actors(rd, doc[tok.i - 2])
        if objs:
            head = tok.head if tok.head.pos_ in {"NOUN", "PROPN"} else tok
            # the noun it modifies, not the ones coordinated after it ("Saudi-led coalition forces
            # and Houthi rebels": the rebels are not led by the coalition)
            holder = [a for a in actors(rd, head) if a[1].i <= head.i] or _holder(rd, tok)
            yield from _emit(rd, sent, holder, trig, objs, tok, lex)
            return True
    return False


def _pro(rd: ResolvedDoc, sent: Span, tok: Token, forms: Forms, lex: Lexicon) -> Generator[Relation, None, bool]:
    """"pro-Iranian", "pro-Iran": alignment with the actor named."""
    doc = rd.doc
    low = tok.lower_
    trig = forms.get(("prefix", "pro-"))
    if not (trig and (low.startswith("pro-") or (low == "pro" and tok.i + 2 < len(doc)
                                                 and doc[tok.i + 1].text == "-"))):
        return False
    gaz = load_gazetteer()
    name = tok.text[4:] if low.startswith("pro-") else doc[tok.i + 2].text
    entry = gaz.demonym(name) or gaz.lookup(name)
    if entry is not None and entry.key in rd.entities:
        holder = _holder(rd, tok) or actors(rd, tok.head)
        yield from _emit(rd, sent, holder, trig, [(entry.key, tok, 1.0)], tok, lex)
    return True


def _anti(rd: ResolvedDoc, sent: Span, tok: Token, forms: Forms, lex: Lexicon) -> Generator[Relation, None, bool]:
    """"anti-U.S. sentiments", "anti-Israel protests": opposition to an actor."""
    doc = rd.doc
    trig = forms.get(("prefix", "anti-"))
    if not (trig and (tok.lower_ == "anti" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-")):
        return False
    objs = actors(rd, doc[tok.i + 2])
    noun = tok.head
    if objs and noun.pos_ in {"NOUN", "PROPN"}:
        holder = actors(rd, noun)
        named = bool(holder)  # "anti-Pakistan militants": the phrase names the group
        for h in holder or _voiced_by(rd, noun, lex):
            pred = _anti_predicate(rd.entities[h[0]].type, named)
            if pred is None:
                continue
            for o in objs:
                rel = relation(rd, sent, h, pred, o, trig.confidence, "modifier:prefix:anti-", trigger=tok)
                if rel is not None:
                    yield rel
    return True


def _voiced_by(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> list[Actor]:
    """Who voices a feeling a noun names: "Demonstrators expressed anti-U.S. sentiments" (not
    "called the test anti-Turkish")."""
    if noun.dep_ not in {"dobj", "pobj"}:
        return []
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    subj, passive = subject_of(verb)
    return [] if passive or verb.lemma_.lower() not in lex.word_set("voicing_feeling") else actors(rd, subj)


def _anti_predicate(htype: str, named: bool) -> str | None:
    """What "anti-X" says of its holder: a group whose name says what it is against is in
    conflict with X (armed) or protests it (a crowd); a crowd voicing it protests, anyone else
    criticizes."""
    if named:
        return ("inConflictWith" if htype in {"ArmedGroup", "MilitaryForce"} else
                "protestedAgainst" if htype == "Collective" else None)
    return "protestedAgainst" if htype == "Collective" else "criticized"


def _participle(rd: ResolvedDoc, sent: Span, tok: Token, forms: Forms,
                lex: Lexicon) -> Generator[Relation, None, bool]:
    """"aligned with Iran", "backed by Iran", "loyal to Iran"."""
    trig = forms.get(("participle", tok.lower_))
    if trig and not is_negated(tok):
        objs = [a for p in prep_objects(tok, frozenset(trig.preps)) for a in actors(rd, p)]
        if objs:
            yield from _emit(rd, sent, _holder(rd, tok), trig, objs, tok, lex)
            return True
    return False


def _ties(rd: ResolvedDoc, sent: Span, tok: Token, forms: Forms, lex: Lexicon) -> Generator[Relation, None, bool]:
    """"with close ties to Iran"."""
    trig = forms.get(("ties", tok.lemma_.lower()))
    if trig and tok.dep_ == "pobj" and tok.head.lower_ == "with":
        objs = [a for p in prep_objects(tok, frozenset(trig.preps)) for a in actors(rd, p)]
        if objs:
            yield from _emit(rd, sent, _holder(rd, tok.head), trig, objs, tok, lex)
            return True
    return False


def _under_command(rd: ResolvedDoc, sent: Span, tok: Token, forms: Forms,
                   lex: Lexicon) -> Generator[Relation, None, bool]:
    """"the 82nd Airborne Division, under the command of Gen. X"."""
    trig = forms.get(("under", tok.lemma_.lower()))
    if trig and tok.dep_ == "pobj" and tok.head.lower_ == "under" and not is_negated(tok.head.head):
        objs = [a for p in prep_objects(tok, frozenset(trig.preps)) for a in actors(rd, p)]
        if objs:
            yield from _emit(rd, sent, _holder(rd, tok.head), trig, objs, tok, lex)
            return True
    return False


def _proxy(rd: ResolvedDoc, sent: Span, tok: Token, forms: Forms, lex: Lexicon) -> Generator[Relation, None, bool]:
    """"a proxy of Iran", "Iran's proxy": the apposition's head or the subject is the proxy."""
    trig = forms.get(("proxy", tok.lemma_.lower()))
    if trig and not _former(tok, lex):
        objs = [a for p in prep_objects(tok, frozenset(trig.preps)) for a in actors(rd, p)]
        objs += [a for c in tok.children if c.dep_ == "poss" for a in actors(rd, c)]
        if objs:
            holder = []
            if tok.dep_ == "appos":
                holder = actors(rd, tok.head)
            elif tok.dep_ == "attr":
                subj, _ = subject_of(tok.head)
                holder = actors(rd, subj)
            yield from _emit(rd, sent, holder, trig, objs, tok, lex)
    return False


def _allied(rd: ResolvedDoc, sent: Span, tok: Token, forms: Forms, lex: Lexicon) -> Generator[Relation, None, bool]:
    """"Congolese troops and allied Wazalendo militias", "X, alongside allied Bedouin tribes": an
    ally named with no one after "allied" is the ally of the actor it is named with."""
    doc = rd.doc
    low = tok.lower_
    trig = forms.get(("compound", low))
    if trig and low in lex.word_set("loyal") and tok.dep_ == "amod" and doc[tok.i - 1].text != "-":
        noun = tok.head
        partner = None
        if noun.dep_ == "conj":
            partner = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ in {"alongside", "with"}:
            partner = noun.head.head
            partner = next((c for c in partner.children if c.dep_ in {"nsubj", "nsubjpass"}), partner) \
                if partner.pos_ in {"VERB", "AUX"} else partner
        if partner is not None:
            yield from _emit(rd, sent, actors(rd, noun), trig, actors(rd, partner), tok, lex)
    return False


def _allegiance(rd: ResolvedDoc, sent: Span, tok: Token, forms: Forms,
                lex: Lexicon) -> Generator[Relation, None, bool]:
    """"which has pledged allegiance to the Islamic State"."""
    lemma = tok.lemma_.lower()
    if lemma in lex.word_set("allegiance") and tok.dep_ in {"dobj", "obj"} \
            and tok.head.lemma_.lower() in lex.word_set("pledging"):
        subj, passive = subject_of(tok.head)
        objs = [a for p in prep_objects(tok, ("to",)) for a in actors(rd, p)]
        objs += [a for p in prep_objects(tok.head, ("to",)) for a in actors(rd, p)]
        if objs and not passive and not is_negated(tok.head):
            pledge = ModifierTrigger(form=lemma, kind="allegiance", predicate="alignedWith",
                                     preps=("to",), confidence=0.85)
            yield from _emit(rd, sent, actors(rd, subj), pledge, objs, tok, lex)
    return False


#: The phrasings, tried in order on every token; the first that returns ``True`` takes it.
_PATTERNS: tuple[Pattern, ...] = (
    _hyphen_compound, _pro, _anti, _participle, _ties, _under_command, _proxy, _allied, _allegiance,
)


def _holder(rd: ResolvedDoc, tok: Token) -> list:
    """The actor a modifier describes: the noun it attaches to, or the subject
    of the clause when it is predicative ("X is aligned with Iran")."""
    t = tok
    for _ in range(4):
        if t.dep_ in {"amod", "acl", "relcl", "appos", "compound", "nmod"} or t.dep_ == "prep":
            head = t.head
            found = actors(rd, head)
            if found:
                return found
            if head.dep_ == "appos":  # "KH, an armed faction with ties to Iran"
                found = actors(rd, head.head)
                if found:
                    return found
            t = head
            continue
        if t.dep_ == "pobj":
            t = t.head
            continue
        if t.dep_ in _PREDICATIVE:
            subj, _ = subject_of(t if t.pos_ in {"VERB", "AUX"} else t.head)
            return actors(rd, subj)
        break
    return []


def _emit(rd, sent, holder, trig: ModifierTrigger, objs, tok, lex: Lexicon) -> Iterator[Relation]:
    """One relation from each holder to each object; the leader of a contingent ("the Iraqi
    delegation, led by X") is one of the actor's people, not its leader."""
    reverse = trig.predicate.startswith("~")
    for h in holder:
        contingent = h[1].is_lower and h[1].lemma_.lower() in lex.word_set("contingent")
        for o in objs:
            pred = trig.predicate.lstrip("~")
            if pred == "leaderOf" and contingent and rd.entities[o[0]].type == "Person":
                pred = "partOf"  # "the Iraqi delegation, led by X": X is Iraqi, not Iraq's leader
            subj, obj = (o, h) if reverse else (h, o)
            rel = relation(rd, sent, subj, pred, obj, trig.confidence,
                           f"modifier:{trig.kind}:{trig.form}", trigger=tok)
            if rel is not None:
                yield rel


def _former(tok: Token, lex: Lexicon) -> bool:
    """Whether a relational noun is said to hold no longer ("Russia, once a close ally of
    Assad", "X was formerly a proxy of Iran")."""
    holders = [tok] + ([tok.head] if tok.dep_ == "attr" else [])
    former = lex.word_set("former")
    return any(c.lower_ in former and c.dep_ in {"advmod", "amod"} for h in holders for c in h.children)
