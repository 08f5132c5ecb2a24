"""Structural relations: membership, leadership by title, location and stationing.

- "U.S. forces" -> US forces ``partOf`` United States (from the resolver's links)
- "U.S. President Joe Biden", "Hezbollah leader Hassan Nasrallah",
  "Nasrallah, the leader of Hezbollah", "Jordan's King Abdullah" -> ``leaderOf``; one of several,
  a deputy or the head of a part -> ``partOf``: "X, a senior Hamas commander", "X, an ISIL gang
  leader in Raqqa", "Hezbollah deputy leader X", "X, a member of the Houthi politburo"
- "Iraq, represented by Prime Minister X" -> ``leaderOf`` (the title heads it); "Hamas was
  represented by X", "represented by Foreign Minister X" -> ``partOf``
- "Turkey is a member of NATO", "Kataib Hezbollah, a faction of the PMF", "Finland joined NATO",
  "X, as part of Y", "NATO member Turkey", "EU member states France and Germany",
  "Y, made up of A and B", "A and B make up Y", "Hamas's armed wing, the Qassam Brigades",
  "Yahya Sinwar, a member of Hamas", "Hezbollah fighter Ali Hassan" -> ``partOf``
- "NATO includes A and B", "the coalition, which includes A", "Coalition nations include A",
  "the coalition, including A", "Y comprises A" -> each of A, B ``partOf`` the group
- "2nd Battalion, 5th Special Forces Group" (a chain of unit names, smaller first), "jets from
  the 48th Fighter Wing", "X was assigned to the 1st Brigade", "X served with the 101st
  Airborne Division" -> ``partOf`` (unit head words and ranks: ``ontology/lexicon/units.tsv``)
- "the al-Asad air base in Iraq", "Erbil, northern Iraq" -> ``locatedIn``
- "U.S. troops in Iraq", "the base where U.S. forces are stationed",
  "a base that is home to American troops" -> ``stationedIn``

Examples
--------
>>> from kg import parse
>>> rd = parse("U.S. President Joe Biden visited Baghdad.")
>>> sorted((r.subject, r.predicate, r.object) for r in role_relations(rd))
[('joe-biden', 'leaderOf', 'united-states')]
>>> rd = parse("Fuad Shukr, a senior Hezbollah commander, was killed in Beirut.")
>>> sorted((r.subject, r.predicate, r.object) for r in role_relations(rd))
[('fuad-shukr', 'partOf', 'hezbollah')]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import Lexicon, load_lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from .actors import actors
from .clauses import agent_of, subject_of
from .modality import is_negated, modality
from .records import evidence, relation
from .syntax import OBJECT_DEPS, prep_objects

__all__ = ["role_relations"]

_PLACE_TYPES = frozenset({"Place", "Facility"})
_CONTAINER_TYPES = frozenset({"Place", "State", "Facility"})
_IN_PREPS = frozenset({"in", "inside", "within"})
#: What a group one is a member of may be: never a place, a state or a crowd.
_GROUPS = frozenset({"Organization", "InternationalOrganization", "PoliticalParty", "GovernmentBody",
                     "MilitaryForce", "ArmedGroup"})
#: What cannot be a member: places, facilities and crowds.
_NOT_MEMBERS = frozenset({"Place", "Facility", "Collective"})
_PART_PREPS = frozenset({"of", "in", "within"})
_PERSON_PREPS = frozenset({"of", "in", "with", "for"})
#: Prepositions listing members after a group noun: "member states such as A", "including A".
_LISTING = frozenset({"as", "including", "like"})
#: Kinds of membership noun that, plural, stand for their group: "Coalition nations include A".
_ROSTER_KINDS = frozenset({"part", "roster", "person", "partner"})
#: What the group of "partners" may be: "coalition partners" are members, "Iran's partners" allies.
_ALLIANCES = frozenset({"InternationalOrganization"})
#: Dependencies that carry a list of members on from its first item: conjuncts and the items of a
#: list the parser took for an apposition ("A, the B and C militias").
_LIST_DEPS = frozenset({"conj", "appos"})
#: Prepositions naming the unit one is assigned to or serves with.
_ASSIGN_PREPS = frozenset({"to", "with"})
_SERVE_PREPS = frozenset({"with", "in"})
#: Where members are "included": "Jordan is included in the coalition".
_INCLUDED_PREPS = frozenset({"in", "among"})
#: What may be a member of a military unit: not a state, a place or a crowd.
_NOT_UNIT_MEMBERS = _NOT_MEMBERS | {"State"}


def _type(rd: ResolvedDoc, key: str) -> str:
    return rd.entities[key].type


def role_relations(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> Iterator[Relation]:
    """Yield partOf, leaderOf, locatedIn and stationedIn relations."""
    lex = lexicon or load_lexicon()
    doc = rd.doc
    for link in rd.links:
        span = doc[link.start : link.end]
        sent = span.sent
        yield Relation(link.subject, link.predicate, link.object, 0.9,
                       evidence(rd, sent, subject=span.root, obj=span[0]), link.rule)
    seen_heads: set[int] = set()
    for sent in doc.sents:
        yield from _membership(rd, sent, lex)
        for tok in sent:
            key = rd.actor_at(tok)
            if key is None or tok.i in rd.coreferent:
                continue
            head = _mention_head(rd, tok, key)
            if head.i in seen_heads:
                continue
            seen_heads.add(head.i)
            etype = _type(rd, key)
            me = (key, head, 1.0)
            if etype == "Person":
                yield from _titles(rd, sent, head, me, lex)
            if etype in _PLACE_TYPES | {"MilitaryForce"}:
                pred = "stationedIn" if etype == "MilitaryForce" else "locatedIn"
                # "security forces in Ethiopia" are Ethiopia's own, not stationed there
                own = rd.parents(key)
                for prep in head.children:
                    if prep.dep_ == "prep" and prep.lower_ in _IN_PREPS:
                        for pobj in prep.children:
                            for other in actors(rd, pobj):
                                if _type(rd, other[0]) in _CONTAINER_TYPES and other[0] not in own:
                                    rel = relation(rd, sent, me, pred, other, 0.85,
                                                   f"role:{pred}:in", trigger=prep)
                                    if rel:
                                        yield rel
                if etype == "Facility" and head.dep_ in {"dobj", "obj"}:
                    # "approach the U.S. embassy in the Green Zone" with "in" hung on the verb
                    for prep in head.head.children:
                        if prep.dep_ == "prep" and prep.lower_ in _IN_PREPS and prep.i > head.i:
                            for pobj in prep.children:
                                for other in actors(rd, pobj):
                                    if _type(rd, other[0]) in {"Place", "State"} and other[0] != key:
                                        rel = relation(rd, sent, me, "locatedIn", other, 0.7,
                                                       "role:locatedIn:verb-in", trigger=prep)
                                        if rel:
                                            yield rel
                if etype in _PLACE_TYPES:
                    for app in head.children:
                        if app.dep_ == "appos":
                            for other in actors(rd, app):
                                if _type(rd, other[0]) in {"Place", "State"} and other[0] != key:
                                    rel = relation(rd, sent, me, "locatedIn", other, 0.7,
                                                   "role:locatedIn:appos")
                                    if rel:
                                        yield rel
            if etype in _PLACE_TYPES:
                yield from _place_of(rd, sent, head, me, lex)
            if etype == "MilitaryForce":
                yield from _stationed(rd, sent, head, me, lex)
                yield from _vessel(rd, sent, head, me, lex)
            if etype in {"MilitaryForce", "GovernmentBody"}:
                # "China's Eastern Theater Command", "South Korea's spy agency": the state's own
                for poss in head.children:
                    if poss.dep_ != "poss":
                        continue
                    for other in actors(rd, poss):
                        if _type(rd, other[0]) == "State":
                            rel = relation(rd, sent, me, "partOf", other, 0.85, "role:possessive", trigger=poss)
                            if rel:
                                yield rel


def _place_of(rd: ResolvedDoc, sent, head: Token, me, lex: Lexicon) -> Iterator[Relation]:
    """Where a place is, from how it is named: "Afghanistan's Paktika province", "the Ukrainian
    city of Kharkiv", "the Lebanese capital, Beirut", "the Qandil mountains of northern Iraq"."""
    if any(w in rd.entities[me[0]].label.lower() for w in lex.word_set("facility_abroad")):
        return  # "Guatemala's Washington embassy" is Guatemala's, not in Guatemala
    # (token, whether a place may contain it: a possessive may be a region, a modifier only a state)
    wholes = [(c, True) for c in head.children if c.dep_ == "poss"]  # "Russia's Belgorod region"
    kinds = lex.word_set("place_kind")
    kind = None
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in kinds:
        kind = head.head.head  # "the Ukrainian city of Kharkiv"
    elif head.dep_ == "appos" and head.head.lemma_.lower() in kinds:
        kind = head.head  # "the Lebanese capital, Beirut"
    elif head.dep_ == "compound" and head.head.lemma_.lower() in kinds:
        kind = head.head  # "Russia's Belgorod region", "the Qandil mountains of northern Iraq"
        wholes += [(p, False) for p in prep_objects(kind, {"of"})]
    if kind is not None:
        wholes += [(c, c.dep_ == "poss") for c in kind.children
                   if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i < kind.i]
    if head.lemma_.lower() in kinds:  # "the Qandil mountains of northern Iraq"
        wholes += [(p, False) for p in prep_objects(head, {"of"})]
    seen = set()
    for tok, regions in wholes:
        for other in actors(rd, tok):
            kinds = {"State", "Place"} if regions else {"State"}  # "the Red Sea port city of Jeddah": no
            if other[0] in seen or other[0] == me[0] or _type(rd, other[0]) not in kinds:
                continue
            seen.add(other[0])
            rel = relation(rd, sent, me, "locatedIn", other, 0.8, "role:locatedIn:named", trigger=tok)
            if rel:
                yield rel


def _vessel(rd: ResolvedDoc, sent, head: Token, me, lex: Lexicon) -> Iterator[Relation]:
    """A warship named with its state and a word for a warship is the state's: "the U.S.
    destroyer USS Carney", "U.K. ships HMS Ocean and HMS Daring", "the British warship HMS
    Diamond" (``vessels.tsv``)."""
    def nouns(t: Token) -> list[Token]:
        return [c for c in t.lefts if lex.vessels.get(c.lemma_.lower()) == "noun"]

    first = head
    while not nouns(first) and first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "U.K. ships HMS Ocean and HMS Daring": the noun is on the nearest one
    words = nouns(first)
    for t in {head, first}:
        if t.dep_ == "appos" and lex.vessels.get(t.head.lemma_.lower()) == "noun":
            words.append(t.head)  # "the U.S. destroyer, USS Carney"
    if not words:
        return
    mods = [m for w in words for m in w.subtree if m.i < w.i]
    mods += [m for t in {head, first} for m in t.lefts if m.dep_ in {"amod", "compound", "nmod"}]
    seen = set()
    for mod in mods:
        for other in actors(rd, mod):
            if other[0] in seen or other[0] == me[0] or _type(rd, other[0]) != "State":
                continue
            seen.add(other[0])
            rel = relation(rd, sent, me, "partOf", other, 0.85, "role:vessel", trigger=words[0])
            if rel:
                yield rel


def _mention_head(rd: ResolvedDoc, tok: Token, key: str) -> Token:
    t = tok
    while t.head.i != t.i and rd.actor_at(t.head) == key:
        t = t.head
    return t


def _titles(rd, sent, head: Token, me, lex: Lexicon) -> Iterator[Relation]:
    """'U.S. President Joe Biden', 'Nasrallah, the leader of Hezbollah', 'Abu Ali, a senior
    Hamas commander' (one commander among many: ``partOf``)."""
    words: list[Token] = []
    orgs = []
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
    # "Jordan's King Abdullah", "Syria's interim President Ahmed al-Sharaa": a title the
    # resolver took into the person's mention
    start, end = _mention(rd, head)
    for t in head.doc[start:end]:
        if not (t.is_alpha and _is_title_word(t.lower_, lex)):
            break
        words.append(t)
    # "the leader of Hezbollah", "a senior Hamas commander" as an apposition
    for app in head.children:
        if app.dep_ == "appos":
            yield from _appos_title(rd, sent, app, me, lex)
    if lex.word_set("former") & {t.lower_ for t in words}:
        return  # "former Turkish ambassador Mithat Rende" holds the title no longer
    low = [t.lower_ for t in words]
    pred = _office(words, lex)
    member = pred is None and bool(low) and lex.membership.get(low[-1]) in {"part", "person"}
    if member:  # "Hezbollah fighter Ali Hassan", "Hamas member Yahya Sinwar"
        pred = "partOf"
    if pred is None:
        return
    envoy = bool(low) and low[-1] in lex.word_set("envoy") and (
        low[-1] in lex.word_set("ambassador") or any(_type(rd, o[0]) == "State" for o in orgs))
    for org in orgs:
        otype = _type(rd, org[0])
        if otype in {"Person", "Place", "Facility"}:
            continue
        if envoy and otype == "InternationalOrganization":
            continue  # "British Deputy U.N. Ambassador X" is Britain's, posted to the UN
        if member and otype not in _GROUPS:
            continue  # "Iraqi fighter X": a nationality, not a membership
        # "Iraqi commander X" commands troops of Iraq, not Iraq
        commander = low[-1] in lex.word_set("commander")
        held = "partOf" if pred == "leaderOf" and otype == "State" and commander else pred
        rel = relation(rd, sent, me, held, org, 0.9, f"role:title:{held}")
        if rel:
            yield rel


def _appos_title(rd, sent, app: Token, me, lex: Lexicon) -> Iterator[Relation]:
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
    scoped = any(p.dep_ == "prep" and p.lower_ in _IN_PREPS and any(
        _type(rd, a[0]) in _CONTAINER_TYPES for o in p.children if o.dep_ == "pobj" for a in actors(rd, o))
        for p in app.subtree)
    pred = _office(words, lex, partial=indefinite or scoped) or _office([app], lex, partial=indefinite or scoped)
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
                for a in actors(rd, t) if _type(rd, a[0]) in _GROUPS]
    # "X, a platoon sergeant in the 82nd Airborne Division": one of a group's people
    within = [a for p in app.children if p.dep_ == "prep" and p.lower_ in {"in", "within"}
              for o in p.children if o.dep_ == "pobj" for a in actors(rd, o) if _type(rd, a[0]) in _GROUPS]
    seen = set()
    for org, held in [*((t, pred) for t in targets), *((t, "partOf") for t in within)]:
        if org[0] in seen:
            continue
        seen.add(org[0])
        rel = relation(rd, sent, me, held, org, 0.85, f"role:title-appos:{held}", trigger=app)
        if rel:
            yield rel


def _office(words: list[Token], lex: Lexicon, *, partial: bool = False) -> str | None:
    """The relation a title held over a group states: ``leaderOf`` for the head of the whole
    ("the leader", "President"), ``partOf`` for one of several (``partial``: "a commander",
    "the leader in Gaza"), a deputy or a senior officer ("deputy leader", "senior commander")
    and the head of a part ("gang leader", "foreign policy chief", "military commander")."""
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


def _stationed(rd, sent, head: Token, me, lex: Lexicon) -> Iterator[Relation]:
    """'the base where U.S. forces are stationed', 'a base home to U.S. troops'."""
    # (tokens naming the place, confidence, rule, trigger) for each way of saying it
    found: list[tuple[list[Token], float, str, Token]] = []
    for acl in head.children:  # "U.S. troops stationed in Syria"
        if acl.dep_ == "acl" and acl.lower_ in lex.stationing:
            found.append((list(prep_objects(acl, _IN_PREPS | {"at"})), 0.85, "acl", acl))
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_.lower() in lex.deploying:  # "maintains troops in Iraq"
        found.append((list(prep_objects(verb, _IN_PREPS | {"to"})), 0.8, "deploy", verb))
        # "2,500 troops in Iraq, with an additional 900 in Syria" / "and 900 in Syria": a
        # number standing for more of the same troops
        counts = [c for c in head.conjuncts if c.like_num]
        counts += [p for w in verb.children if w.dep_ == "prep" and w.lower_ == "with"
                   for p in w.children if p.dep_ == "pobj" and p.like_num]
        for count in counts:
            found.append((list(prep_objects(count, _IN_PREPS)), 0.75, "deploy", verb))
    if head.dep_ in {"nsubjpass", "nsubj"} and verb.lower_ in lex.stationing:
        if verb.dep_ == "relcl":  # "the base where U.S. forces are stationed"
            found.append(([_facility_up(rd, verb.head)], 0.85, "relcl", verb))
        else:  # "Indian troops are stationed in Kashmir"
            found.append((list(prep_objects(verb, _IN_PREPS | {"at"})), 0.85, "verb", verb))
    if head.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.lower_ in lex.stationing:
        home = verb.head  # "home to American troops"
        cop = home.head
        subj = cop.head if cop.dep_ == "relcl" else next((c for c in cop.children if c.dep_ == "nsubj"), None)
        found.append(([subj] if subj is not None else [], 0.8, "home", home))
    for tokens, confidence, how, trigger in found:
        if how in {"deploy", "verb"} and _clause_truth(trigger, lex) is not False:
            continue  # "will deploy troops to Latvia", "did not deploy troops": no one is there
        for tok in tokens:
            for place in actors(rd, tok):
                if _type(rd, place[0]) in _CONTAINER_TYPES:
                    rel = relation(rd, sent, me, "stationedIn", place, confidence,
                                   f"role:stationedIn:{how}", trigger=trigger)
                    if rel:
                        yield rel


def _facility_up(rd: ResolvedDoc, tok: Token) -> Token:
    """"the base in Erbil, northern Iraq, where forces are stationed": the clause may hang
    on the last place of the phrase; the facility it describes is further up."""
    t = tok
    for _ in range(6):
        key = rd.actor_at(t)
        if key and _type(rd, key) == "Facility":
            return t
        if t.dep_ not in {"appos", "pobj", "prep", "conj"} or t.head.i == t.i:
            break
        t = t.head
    return tok


def _membership(rd: ResolvedDoc, sent, lex: Lexicon) -> Iterator[Relation]:
    """partOf stated by a noun of membership, "joined" or "made up of"."""
    kinds = lex.membership
    for tok in sent:
        if tok.dep_ == "appos" and any(c.dep_ == "advmod" and c.lower_ in lex.word_set("singling_out")
                                       for c in tok.children):
            yield from _singled_out(rd, sent, tok, lex)
        kind = kinds.get(tok.lemma_.lower())
        if kind is None:
            continue
        if kind in {"part", "person"} and tok.pos_ in {"NOUN", "PROPN"}:
            for members, groups, clause, how in _part_noun(rd, tok, kind, lex):
                yield from _emit_members(rd, sent, members, groups, clause, how, tok, lex,
                                         persons_only=kind == "person")
        elif kind == "join" and tok.pos_ == "VERB" and _joins(rd, tok, lex):
            subj, passive = subject_of(tok)
            if subj is not None and not passive:
                groups = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
                yield from (r for r in _emit_members(rd, sent, [subj], groups, tok, "join", tok, lex)
                            if not _type(rd, r.subject) == _type(rd, r.object) == "MilitaryForce"
                            or _named_unit(rd, r.object, lex))
                # a force joining a force meets it ("the frigate joined U.S. ships"), it is no member;
                # joining a unit makes it one ("the frigate joined Task Force 50")
        elif kind in {"makeup", "include"} and tok.pos_ == "VERB":
            if tok.dep_ == "prep":  # "the coalition, including A and B"
                yield from _including(rd, sent, tok, lex)
            else:
                yield from _made_up(rd, sent, tok, lex)
        elif kind in {"assign", "serve"} and tok.pos_ == "VERB":
            yield from _assigned(rd, sent, tok, kind, lex)
        elif kind == "represent" and tok.tag_ == "VBN":
            yield from _represented(rd, sent, tok, lex)
    yield from _unit_relations(rd, sent, lex)


def _named_unit(rd: ResolvedDoc, key: str, lex: Lexicon) -> bool:
    """Whether an actor is a unit by its name ("Task Force 50", "the 82nd Airborne Division")."""
    words = rd.entities[key].label.lower().split()
    return any((w in lex.units and w not in lex.word_set("generic_unit")) or f"{a} {w}" in lex.units
               for a, w in zip(["", *words], words))


def _part_noun(rd: ResolvedDoc, tok: Token, kind: str, lex: Lexicon):
    """The members and groups a noun of membership joins: (members, groups, clause, rule)."""
    doc = tok.doc
    noun = tok
    member = tok.lower_ in lex.word_set("member")
    if member and tok.dep_ == "compound" and lex.membership.get(tok.head.lemma_.lower()) == "roster":
        noun = tok.head  # "member states of the AU such as Kenya"
    if noun.pos_ != "NOUN":
        return  # "3rd Battalion", "the Middle East Branch": a word of a name, not a membership
    preps = _PART_PREPS if kind == "part" else _PERSON_PREPS
    # "a member of the Houthi politburo", "of Hamas's political bureau": a body of the group
    groups = [g for o in prep_objects(noun, preps) for g in _organ_owners(rd, o, lex)]
    groups += [c for c in noun.children if c.dep_ == "poss"]
    groups += [c for t in {tok, noun} for c in t.children
               if c.dep_ in {"compound", "nmod"} and c.i < t.i and rd.actor_at(c)]
    if not groups and tok.i > 0 and member and rd.actor_at(doc[tok.i - 1]):
        groups = [doc[tok.i - 1]]  # "EU member states France and Germany" (however it is parsed)
    if not groups:
        return
    if noun.dep_ == "appos":  # "X, a member of Y", "Iraqi forces, part of the coalition"
        yield [noun.head], groups, None, "appos"
    listed = [c for c in noun.children if c.dep_ == "appos" and rd.actor_at(c)]
    listed += [o for o in prep_objects(noun, _LISTING)]
    if listed:  # "Hamas's armed wing, the Qassam Brigades", "members such as Turkey"
        yield listed, groups, None, "listed"
    if noun.dep_ == "attr":  # "X is a member of Y", "X became part of Y"
        subj, _ = subject_of(noun.head)
        yield [subj], groups, noun.head, "attr"
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":  # "X, as part of Y, ..."
        head = noun.head.head
        if head.pos_ in {"VERB", "AUX"}:
            subj, passive = subject_of(head)
            if not passive:
                yield [subj], groups, head, "as-part"
        else:
            yield [head], groups, None, "as-part"
    if member:  # "NATO member Turkey", "EU member states France and Germany"
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if after is not None and lex.membership.get(after.lemma_.lower()) == "roster":
            after = doc[after.i + 1] if after.i + 1 < len(doc) else None
        if after is not None and rd.actor_at(after) and rd.actor_at(after) not in {rd.actor_at(g) for g in groups}:
            yield [after], groups, None, "prenominal"


def _represented(rd: ResolvedDoc, sent, verb: Token, lex: Lexicon) -> Iterator[Relation]:
    """"Iraq, represented by Prime Minister Mohammed Shia al-Sudani, signed ..." -> leaderOf (his
    title heads the state); "Hamas was represented by Khalil al-Hayya", "the EU, represented by
    its foreign policy chief, Kaja Kallas" -> partOf: a person speaking for an actor."""
    if verb.dep_ == "acl":
        whole = verb.head
    else:
        whole, passive = subject_of(verb)
        if not passive:
            return  # "X represented Iraq" may be a lawyer, a team or a threat
    agent = agent_of(verb)
    if whole is None or agent is None:
        return
    truth = _clause_truth(verb, lex)
    if truth is not False:
        return  # "was not represented by X" denies the errand, not that X belongs to it
    named = agent  # "represented by its foreign minister, Fuad Hussein": the name in apposition
    if rd.actor_at(agent) is None:
        named = next((c for c in agent.children if c.dep_ == "appos" and rd.actor_at(c)), agent)
    for person in actors(rd, named):
        if _type(rd, person[0]) != "Person":
            continue
        head = _mention_head(rd, person[1], person[0])
        words = [t for c in head.lefts if c.dep_ in {"compound", "amod"} for t in c.subtree
                 if t.is_alpha and rd.actor_at(t) is None]
        start, end = _mention(rd, head)
        words += [t for t in head.doc[start:end] if t.is_alpha and _is_title_word(t.lower_, lex)][:3]
        if named is not agent:
            words = [t for t in agent.subtree if t.is_alpha and t.i < named.i and rd.actor_at(t) is None
                     and t.dep_ != "poss" and t.pos_ != "DET"]
        if lex.word_set("former") & {t.lower_ for t in words}:
            continue
        if any(rd.actor_at(t) not in {None, person[0]} for c in head.lefts for t in c.subtree):
            continue  # "represented by U.S. envoy X": someone else's official
        pred = "leaderOf" if _office(words, lex) == "leaderOf" else "partOf"
        for group in actors(rd, whole):
            if _type(rd, group[0]) in _NOT_MEMBERS | {"Person"}:
                continue
            rel = relation(rd, sent, person, pred, group, 0.8, f"role:represented:{pred}", trigger=verb)
            if rel:
                yield rel


def _organ_owners(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[Token]:
    """The token itself, or for a noun naming a body of a group that is no actor itself ("the
    Houthi politburo", "Hamas's political bureau") the modifiers naming the group."""
    if rd.actor_at(tok) or lex.membership.get(tok.lemma_.lower()) != "organ":
        return [tok]
    return [c for c in tok.children if c.dep_ in {"compound", "nmod", "poss", "amod"} and c.i < tok.i
            and rd.actor_at(c) and _type(rd, rd.actor_at(c)) in _GROUPS]


def _joins(rd: ResolvedDoc, verb: Token, lex: Lexicon) -> bool:
    """Whether "join" is joining a group: not "to join" (an aim), not "joined X in
    condemning Y" (acting together), not "joined forces with"."""
    aim = verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if aim and not _ongoing(verb, lex):
        return False  # "is joining NATO" (not yet), "applied to join NATO" (an aim); but
        # "fighters continue to join the SDF" are joining it
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for obj in prep.children:
                # "joined X in condemning Y", "in the fight"; not "in 2023", "in the Gulf"
                where = rd.actor_at(obj) and _type(rd, rd.actor_at(obj)) in _CONTAINER_TYPES
                if obj.dep_ == "pcomp" or (obj.dep_ == "pobj" and obj.ent_type_ not in {"DATE", "GPE", "LOC", "FAC"}
                                           and obj.pos_ != "NUM" and not where):
                    return False
        if prep.dep_ == "prep" and prep.lower_ == "for" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in lex.word_set("meeting") for o in prep.children):
            return False  # "joined Chinese officials for talks": a meeting, not a membership
    return True


def _made_up(rd: ResolvedDoc, sent, verb: Token, lex: Lexicon) -> Iterator[Relation]:
    """"Y, made up of A and B", "Y consists of A", "A and B make up Y", "Y includes A",
    "Y, which includes A", "Coalition nations include A", "A is included in Y"."""
    up = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    if verb.lemma_.lower() in lex.word_set("make_up") and not up:
        return
    include = lex.membership.get(verb.lemma_.lower()) == "include"
    parts = list(prep_objects(verb, {"of"}))  # "consists of A", "is comprised of A"
    if up and not parts and verb.dep_ == "acl":  # "the alliance, made up in part by Yazidi units and the SAC"
        parts = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    subj, passive = subject_of(verb)
    if include and not parts:
        if passive:  # "Jordan is included in the coalition"
            yield from _emit_members(rd, sent, [subj], list(prep_objects(verb, _INCLUDED_PREPS)), verb,
                                     "included", verb, lex)
            return
        parts = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if parts:
        whole = verb.head if verb.dep_ == "acl" else subj
        groups, kind = _wholes(rd, whole, lex)
        groups = groups or [whole]  # "the PMF, an umbrella group made up of A": the PMF
        members = [t for p in parts for t in _list_items(p)]
        # "comprise dozens of armed groups, including A, B and C": the named examples
        members += [t for p in parts for prep in p.subtree if prep.dep_ == "prep" and prep.lower_ in _LISTING
                    for o in prep.children if o.dep_ == "pobj" for t in _list_items(o)]
        yield from _emit_members(rd, sent, members, groups, verb,
                                 "includes" if include else "made-of", verb, lex,
                                 persons_only=kind == "person",
                                 group_types=_ALLIANCES if kind == "partner" else _GROUPS)
    elif up and not passive:  # "A, B and C make up Y"
        wholes = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        yield from _emit_members(rd, sent, [subj], wholes, verb, "make-up", verb, lex)


def _including(rd: ResolvedDoc, sent, prep: Token, lex: Lexicon) -> Iterator[Relation]:
    """"The Saudi-led coalition, including the UAE and Bahrain, ...", "NATO countries including
    Poland": the objects of "including" are members of the group it hangs on."""
    groups, kind = _wholes(rd, prep.head, lex)
    if not groups:
        return
    members = [t for c in prep.children if c.dep_ == "pobj" for t in _list_items(c)]
    negated = any(c.dep_ == "neg" for c in prep.children)  # "not including Qatar"
    yield from _emit_pairs(rd, sent, _members(rd, members, persons_only=kind == "person"),
                           _groups(rd, groups, _ALLIANCES if kind == "partner" else _GROUPS),
                           "including", prep, 0.8, negated=negated)




def _singled_out(rd: ResolvedDoc, sent, appos: Token, lex: Lexicon) -> Iterator[Relation]:
    """"our Coalition partners, especially the Turks", "NATO allies, notably Poland": the one
    singled out is a member of the group its head stands for."""
    groups, kind = _wholes(rd, appos.head, lex)
    if not groups or kind is None:
        return  # "the SDF, primarily Arab fighters": what the SDF is, said elsewhere
    yield from _emit_pairs(rd, sent, _members(rd, _list_items(appos), persons_only=kind == "person"),
                           _groups(rd, groups, _ALLIANCES if kind == "partner" else _GROUPS),
                           "singled-out", appos, 0.75)


def _wholes(rd: ResolvedDoc, tok: Token | None, lex: Lexicon) -> tuple[list[Token], str | None]:
    """The tokens naming the group a phrase stands for, and the membership kind of the noun that
    stood for it (``None`` when the phrase names the group itself).

    "NATO" is NATO; "Coalition nations", "EU member states", "members of the Quartet", "the
    alliance's members" stand for their group; any other noun for none.
    """
    if tok is None:
        return [], None
    key = rd.actor_at(tok)
    if key and _type(rd, key) in _GROUPS:
        return [tok], None
    kind = lex.membership.get(tok.lemma_.lower())  # or "EU member states" resolved to a crowd
    if kind not in _ROSTER_KINDS or tok.pos_ != "NOUN" or tok.tag_ not in {"NNS", "NNPS"}:
        return [], None
    heads = [tok, *(c for c in tok.children if c.dep_ == "compound" and c.lower_ in lex.word_set("member"))]
    groups = [c for h in heads for c in h.children
              if c.dep_ in {"compound", "nmod", "poss"} and c.i < h.i and rd.actor_at(c)]
    groups += prep_objects(tok, _PART_PREPS)
    doc = tok.doc
    if not groups and len(heads) > 1 and heads[1].i > 0 and rd.actor_at(doc[heads[1].i - 1]):
        groups = [doc[heads[1].i - 1]]  # "ECOWAS member states", however it is parsed
    return groups, kind


def _list_items(tok: Token) -> list[Token]:
    """A list of members from its first item: "A, B and C", and "Hezbollah, the Houthis and
    Iraqi militias" however the parser hangs it (an apposition holding a modifier)."""
    items = [tok]
    stack = [tok]
    while stack and len(items) < 40:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _LIST_DEPS or (c.dep_ == "nmod" and t.dep_ == "appos"):
                items.append(c)
                stack.append(c)
    return items


def _members(rd: ResolvedDoc, toks: list[Token | None], *, persons_only: bool = False,
             exclude: frozenset[str] = _NOT_MEMBERS) -> list[tuple[str, Token, float]]:
    """The actors that may be members among the ones some tokens denote (each once)."""
    out, seen = [], set()
    for t in toks:
        for a in actors(rd, t) if t is not None else ():
            etype = _type(rd, a[0])
            if a[0] not in seen and etype not in exclude and (not persons_only or etype == "Person"):
                seen.add(a[0])
                out.append(a)
    return out


def _groups(rd: ResolvedDoc, toks: list[Token | None],
            types: frozenset[str] = _GROUPS) -> list[tuple[str, Token, float]]:
    """The actors that may have members among the ones some tokens denote (each once)."""
    out, seen = [], set()
    for t in toks:
        for a in actors(rd, t) if t is not None else ():
            if a[0] not in seen and _type(rd, a[0]) in types:
                seen.add(a[0])
                out.append(a)
    return out


def _emit_members(rd: ResolvedDoc, sent, member_toks, group_toks, clause: Token | None, how: str,
                  trigger: Token, lex: Lexicon, *, persons_only: bool = False,
                  group_types: frozenset[str] = _GROUPS) -> Iterator[Relation]:
    """partOf from every member to every group some tokens denote, as true as the clause says."""
    members = _members(rd, member_toks, persons_only=persons_only)
    groups = _groups(rd, group_toks, group_types)
    if not members or not groups:
        return
    # "X will fly missions as part of Y": the act is to come, the membership holds now
    truth = _clause_truth(clause, lex, future_act=how == "as-part")
    if truth is None:
        return
    yield from _emit_pairs(rd, sent, members, groups, how, trigger, 0.85, negated=truth)


def _ongoing(verb: Token, lex: Lexicon) -> bool:
    """Whether a clause is going on: "fighters continue to join the SDF", "keep joining"."""
    return verb.dep_ == "xcomp" and lex.intent.get(verb.head.lemma_.lower()) == "continue"


def _clause_truth(clause: Token | None, lex: Lexicon, *, future_act: bool = False) -> bool | None:
    """Whether a clause stating membership is negated (``True``/``False``), or ``None`` when it
    states no fact: an aim ("applied to join"), a future or a wish ("will join"). With
    ``future_act`` the clause is an act done as a member, which may be still to come."""
    if clause is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not _ongoing(clause, lex):
        return None  # "applied to join NATO", "a bid to become a member": an aim
    mode = modality(clause, lex)
    if future_act and mode == "future":
        return is_negated(clause)
    if mode not in {"asserted", "denied"}:
        return None  # "Ukraine will join NATO", "Sweden wants to be a member of NATO"
    return mode == "denied" or is_negated(clause)


def _emit_pairs(rd: ResolvedDoc, sent, members, groups, how: str, trigger: Token, confidence: float,
                *, negated: bool = False) -> Iterator[Relation]:
    """One partOf record for each member and group (``relation`` drops the impossible ones)."""
    for member in members:
        for group in groups:
            rule = f"role:member:{how}" + (":negated" if negated else "")
            rel = relation(rd, sent, member, "partOf", group, confidence, rule, trigger=trigger, negated=negated)
            if rel is not None:
                yield rel


# -- military units -------------------------------------------------------------------------

def _unit_relations(rd: ResolvedDoc, sent, lex: Lexicon) -> Iterator[Relation]:
    """partOf between military units and what belongs to them: "2nd Battalion, 5th Special
    Forces Group", "F-16s from the 158th Fighter Wing", "troops deployed from the 3rd Brigade"."""
    doc = rd.doc
    for tok in sent:
        if tok.lower_ == "from" and tok.dep_ == "prep":
            yield from _from_unit(rd, sent, tok, lex)
            continue
        key = rd.actor_at(tok)
        # the last word of a mention, then a comma, then another actor: maybe a chain of units
        if (key is None or tok.i + 2 >= sent.end or doc[tok.i + 1].text != ","
                or rd.actor_at(doc[tok.i + 1]) == key):
            continue
        nxt = rd.actor_at(doc[tok.i + 2])
        if nxt is not None and nxt != key:
            yield from _unit_chain(rd, sent, tok, lex)


def _mention(rd: ResolvedDoc, tok: Token) -> tuple[int, int]:
    """The token bounds of the mention a token belongs to (within its sentence)."""
    key = rd.actor_at(tok)
    sent = tok.sent
    start, end = tok.i, tok.i + 1
    while start > sent.start and rd.actor_at(tok.doc[start - 1]) == key:
        start -= 1
    while end < sent.end and rd.actor_at(tok.doc[end]) == key:
        end += 1
    return start, end


def _unit(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> tuple[bool, int | None]:
    """Whether the mention at a token names a military unit, and its rank.

    Its last word (or the one before a designator: "Company A", "Task Force Iron") is a unit
    word: "2nd Battalion", "Vermont Air National Guard", "Royal Air Force".
    """
    start, end = _mention(rd, tok)
    doc = tok.doc
    for i in range(end - 1, max(start, end - 2) - 1, -1):
        if i > start:
            two = f"{doc[i - 1].lower_} {doc[i].lower_}"
            if two in lex.units:
                return True, lex.units[two]
        if doc[i].lower_ in lex.units:
            return True, lex.units[doc[i].lower_]
    return False, None


def _unit_group(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> tuple[bool, int | None]:
    """Whether an actor is a unit or an established armed force one can belong to, and its rank."""
    etype = _type(rd, rd.actor_at(tok))
    if etype not in _GROUPS:
        return False, None
    is_unit, rank = _unit(rd, tok, lex)
    return is_unit or etype == "MilitaryForce", rank


def _unit_member(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> tuple[bool, int | None]:
    """Whether an actor may belong to a unit, and its rank: a person, a unit, an aircraft or
    a ship; not a state, a place, or forces named by a common noun ("Ukrainian forces")."""
    etype = _type(rd, rd.actor_at(tok))
    if etype in _NOT_UNIT_MEMBERS:
        return False, None
    is_unit, rank = _unit(rd, tok, lex)
    if is_unit or etype == "Person":
        return True, rank
    start, end = _mention(rd, tok)
    head = tok.doc[end - 1]
    return head.lower_ not in lex.actor_nouns and head.lemma_.lower() not in lex.actor_nouns, None


def _ranks_up(low: int | None, high: int | None) -> bool:
    """Whether a unit of one rank may be part of a unit of another (unranked: yes)."""
    return low is None or high is None or low < high


def _unit_chain(rd: ResolvedDoc, sent, tok: Token, lex: Lexicon) -> Iterator[Relation]:
    """"Abel Battery, 3rd Battalion, 321st Field Artillery Regiment": each unit of a chain of
    unit names joined by commas is part of the next, larger one. A list ("the 1st, 2nd and 3rd
    Battalion", "1st Battalion, 2nd Battalion and 3rd Battalion") or a place after a unit
    ("5th Special Forces Group, Fort Campbell") states nothing."""
    doc = tok.doc
    small = doc[_mention(rd, tok)[0]:tok.i + 1].root
    big_start = tok.i + 2
    big = doc[big_start:_mention(rd, doc[big_start])[1]].root
    # the parser hangs the larger name on the smaller one, or may split them ("2nd Battalion,
    # 75th Ranger Regiment conducted ...": two subjects): then the chain is less sure
    linked = big.head.i == small.i or small.head.i == big.i
    if any(c.dep_ == "cc" for c in (*small.children, *big.children)) or _ends_a_list(rd, big):
        return  # "1st Battalion, 2nd Battalion and 3rd Battalion", "A, B, and C": a list
    is_small, low = _unit(rd, small, lex)
    stype = _type(rd, rd.actor_at(small))
    if stype in _NOT_UNIT_MEMBERS:
        return
    if not is_small and not (stype == "Person" and big.dep_ in _LIST_DEPS and big.head.i == small.i):
        return  # "Maj. Lisa Grant, 2nd Battalion, ...": a person named with her unit
    is_big, high = _unit_group(rd, big, lex)
    if not is_big or not _ranks_up(low, high):
        return
    member = (rd.actor_at(small), small, 1.0)
    group = (rd.actor_at(big), big, 1.0)
    yield from _emit_pairs(rd, sent, [member], [group], "unit-chain", big, 0.85 if linked else 0.7)


def _ends_a_list(rd: ResolvedDoc, tok: Token) -> bool:
    """Whether the run of actors joined by commas that goes on from a token ends in "and" or
    "or" ("A, B, C and D", "A, B, and C"): a list, not a chain of names."""
    doc, end = tok.doc, _mention(rd, tok)[1]
    sent_end = tok.sent.end
    for _ in range(8):
        nxt = doc[end:min(end + 2, sent_end)]
        if any(t.dep_ == "cc" or t.lower_ in {"and", "or", "&"} for t in nxt):
            return True
        if len(nxt) < 2 or nxt[0].text != "," or rd.actor_at(nxt[1]) is None:
            return False
        end = _mention(rd, nxt[1])[1]
    return False


def _from_unit(rd: ResolvedDoc, sent, prep: Token, lex: Lexicon) -> Iterator[Relation]:
    """"F-16s from the Vermont Air National Guard", "Sgt. X, from the 1st Armored Division, was
    wounded", "jets deployed from the 48th Fighter Wing": a member "from" a unit (never "from
    Iraq", never "withdrew from", a movement's origin)."""
    head = prep.head
    doc = prep.doc
    clause = None
    if rd.actor_at(head) is not None:
        member_toks = [head]
    elif prep.i >= 2 and doc[prep.i - 1].text == "," and rd.actor_at(doc[prep.i - 2]) is not None:
        before = doc[prep.i - 2]
        subj, _ = subject_of(head) if head.pos_ in {"VERB", "AUX"} else (None, False)
        if subj is None or rd.actor_at(subj) != rd.actor_at(before):
            return
        member_toks = [subj]  # "Sgt. X, from the 4th Infantry Division, was wounded"
    elif head.pos_ == "VERB" and head.lemma_.lower() in lex.deploying:
        clause = head
        if head.dep_ == "acl":  # "airmen deployed from the 158th Fighter Wing"
            member_toks = [head.head]
        else:
            subj, passive = subject_of(head)  # "jets were sent from X", "the US sent jets from X"
            member_toks = [subj] if passive else [c for c in head.children if c.dep_ in OBJECT_DEPS]
    else:
        return
    yield from _unit_pairs(rd, sent, member_toks, [o for o in prep.children if o.dep_ == "pobj"],
                           clause, "from-unit", prep, lex)


def _assigned(rd: ResolvedDoc, sent, verb: Token, kind: str, lex: Lexicon) -> Iterator[Relation]:
    """"X was assigned to 2nd Battalion", "X, attached to the 1st Brigade", "X served with the
    101st Airborne Division": a person or unit put in a unit."""
    if kind == "assign":
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "Sgt. X, assigned to the 1st Brigade"
            member = verb.head
        else:
            member, passive = subject_of(verb)
            if not passive:
                return  # "the army assigned tanks to the brigade": the object is assigned
            if member is not None and member.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
                member = verb.head  # "Sgt. X, who was assigned to the 1st Brigade"
        preps = _ASSIGN_PREPS
    else:
        member, passive = subject_of(verb)
        if passive:
            return
        preps = _SERVE_PREPS
    yield from _unit_pairs(rd, sent, [member], list(prep_objects(verb, preps)), verb, kind, verb, lex)


def _unit_pairs(rd: ResolvedDoc, sent, member_toks, unit_toks, clause: Token | None, how: str,
                trigger: Token, lex: Lexicon) -> Iterator[Relation]:
    """partOf from members to units, each checked: the unit a unit or armed force, the member
    one that can belong to it, a smaller unit inside a larger."""
    units = []
    for a in _groups(rd, unit_toks):
        ok, rank = _unit_group(rd, a[1], lex)
        if ok:
            units.append((a, rank))
    if not units:
        return
    truth = _clause_truth(clause, lex)
    if truth is None:
        return
    for member in _members(rd, member_toks, exclude=_NOT_UNIT_MEMBERS):
        ok, rank = _unit_member(rd, member[1], lex)
        if not ok:
            continue
        groups = [u for u, high in units if _ranks_up(rank, high)]
        yield from _emit_pairs(rd, sent, [member], groups, how, trigger, 0.8, negated=truth)
