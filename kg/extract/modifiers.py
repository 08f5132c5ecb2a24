"""Alignment stated by modifiers: "Iran-backed militias", "groups aligned with Iran",
"a faction with close ties to Iran", "pro-Iranian groups", "a proxy of Iran"; leadership:
"Hamas, led by Yahya Sinwar", "the Wagner Group, headed by Prigozhin", "the division, under the
command of Gen. X" (the leader of a contingent, "the Iraqi delegation, led by X", is ``partOf``).

Examples
--------
>>> from kg import parse
>>> rd = parse("Iran-backed militias attacked the base.")
>>> [(r.subject, r.predicate, r.object) for r in modifier_relations(rd)]
[('iran-backed-militias', 'backedBy', 'iran')]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..gazetteer import load_gazetteer
from ..lexicon import Lexicon, ModifierTrigger, load_lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from .actors import actors
from .clauses import subject_of
from .modality import is_negated
from .records import relation
from .syntax import prep_objects

__all__ = ["modifier_relations"]

_PREDICATIVE = frozenset({"acomp", "ROOT", "ccomp", "conj", "xcomp", "advcl", "attr"})


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


def modifier_relations(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> Iterator[Relation]:
    """Yield alignment, backing and leadership relations stated by modifiers."""
    lex = lexicon or load_lexicon()
    gaz = load_gazetteer()
    by_form: dict[tuple[str, str], ModifierTrigger] = {(m.kind, m.form): m for m in lex.modifiers}
    doc = rd.doc
    for sent in doc.sents:
        for tok in sent:
            low = tok.lower_
            lemma = tok.lemma_.lower()
            # "Iran-backed": actor, hyphen, participle
            trig = by_form.get(("compound", low))
            if trig and tok.i >= 2 and doc[tok.i - 1].text == "-":
                objs = actors(rd, doc[tok.i - 2])
                if objs:
                    head = tok.head if tok.head.pos_ in {"NOUN", "PROPN"} else tok
                    holder = actors(rd, head) or _holder(rd, tok)
                    yield from _emit(rd, sent, holder, trig, objs, tok, lex)
                    continue
            # "pro-Iranian", "pro-Iran"
            trig = by_form.get(("prefix", "pro-"))
            if trig and (low.startswith("pro-") or (low == "pro" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-")):
                name = tok.text[4:] if low.startswith("pro-") else doc[tok.i + 2].text
                entry = gaz.demonym(name) or gaz.lookup(name)
                if entry is not None:
                    holder = _holder(rd, tok) or actors(rd, tok.head)
                    key = rd.token_actor.get(tok.head.i)
                    objs = [(entry.key, tok, 1.0)]
                    if entry.key not in rd.entities:
                        continue
                    yield from _emit(rd, sent, holder if key else holder, trig, objs, tok, lex)
                continue
            # "anti-U.S. sentiments", "anti-Israel protests": opposition to an actor
            trig = by_form.get(("prefix", "anti-"))
            if trig and (low == "anti" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-"):
                target = doc[tok.i + 2]
                objs = actors(rd, target)
                noun = tok.head
                if objs and noun.pos_ in {"NOUN", "PROPN"}:
                    holder = actors(rd, noun)
                    named = bool(holder)  # "anti-Pakistan militants": the phrase names the group
                    if not holder and noun.dep_ in {"dobj", "pobj"}:
                        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
                        subj, passive = subject_of(verb)
                        # "Demonstrators expressed anti-U.S. sentiments", not "called the test anti-Turkish"
                        holder = [] if passive or verb.lemma_.lower() not in lex.word_set("voicing_feeling") \
                            else actors(rd, subj)
                    for h in holder:
                        htype = rd.entities[h[0]].type
                        if named:  # the group's name says what it is against
                            pred = ("inConflictWith" if htype in {"ArmedGroup", "MilitaryForce"} else
                                    "protestedAgainst" if htype == "Collective" else None)
                        else:
                            pred = "protestedAgainst" if htype == "Collective" else "criticized"
                        if pred is None:
                            continue
                        for o in objs:
                            rel = relation(rd, sent, h, pred, o, trig.confidence, "modifier:prefix:anti-", trigger=tok)
                            if rel is not None:
                                yield rel
                continue
            # "aligned with Iran", "backed by Iran", "loyal to Iran"
            trig = by_form.get(("participle", low))
            if trig and not is_negated(tok):
                objs = [a for p in prep_objects(tok, frozenset(trig.preps)) for a in actors(rd, p)]
                if objs:
                    yield from _emit(rd, sent, _holder(rd, tok), trig, objs, tok, lex)
                    continue
            # "with close ties to Iran"
            trig = by_form.get(("ties", lemma))
            if trig and tok.dep_ == "pobj" and tok.head.lower_ == "with":
                objs = [a for p in prep_objects(tok, frozenset(trig.preps)) for a in actors(rd, p)]
                if objs:
                    yield from _emit(rd, sent, _holder(rd, tok.head), trig, objs, tok, lex)
                    continue
            # "the 82nd Airborne Division, under the command of Gen. X"
            trig = by_form.get(("under", lemma))
            if trig and tok.dep_ == "pobj" and tok.head.lower_ == "under" and not is_negated(tok.head.head):
                objs = [a for p in prep_objects(tok, frozenset(trig.preps)) for a in actors(rd, p)]
                if objs:
                    yield from _emit(rd, sent, _holder(rd, tok.head), trig, objs, tok, lex)
                    continue
            # "a proxy of Iran", "Iran's proxy"
            trig = by_form.get(("proxy", lemma))
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
            # "Congolese troops and allied Wazalendo militias", "X, alongside allied Bedouin tribes":
            # an ally named with no one after "allied" is the ally of the actor it is named with
            trig = by_form.get(("compound", low))
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
            # "which has pledged allegiance to the Islamic State"
            if lemma in lex.word_set("allegiance") and tok.dep_ in {"dobj", "obj"} \
                    and tok.head.lemma_.lower() in lex.word_set("pledging"):
                subj, passive = subject_of(tok.head)
                objs = [a for p in prep_objects(tok, ("to",)) for a in actors(rd, p)]
                objs += [a for p in prep_objects(tok.head, ("to",)) for a in actors(rd, p)]
                if objs and not passive and not is_negated(tok.head):
                    pledge = ModifierTrigger(form=lemma, kind="allegiance", predicate="alignedWith",
                                             preps=("to",), confidence=0.85)
                    yield from _emit(rd, sent, actors(rd, subj), pledge, objs, tok, lex)


def _former(tok: Token, lex: Lexicon) -> bool:
    """Whether a relational noun is said to hold no longer ("Russia, once a close ally of
    Assad", "X was formerly a proxy of Iran")."""
    holders = [tok] + ([tok.head] if tok.dep_ == "attr" else [])
    former = lex.word_set("former")
    return any(c.lower_ in former and c.dep_ in {"advmod", "amod"} for h in holders for c in h.children)
