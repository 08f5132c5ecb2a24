"""Helpers shared by the extraction families: actors, truth conditions, provenance."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ..lexicon import Lexicon, load_lexicon
from ..plover import statement_class
from ..model import Evidence, Relation
from ..resolve import ResolvedDoc

#: Dependency labels, matched by membership (never by string tricks).
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
CLAUSE_LINK_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp"})
MODALS = frozenset({"may", "might", "could", "would", "should", "can", "must"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
NEGATORS = frozenset({"not", "n't", "never", "no", "seldom", "rarely", "hardly", "scarcely"})
#: Kinds that never act, and the relations a place may still be the subject of.
_INERT = frozenset({"Place", "Facility"})
_PLACE_SUBJECTS = frozenset({"locatedIn", "partOf"})
#: Relations whose object is always an actor, never a place or facility.
_ACTOR_OBJECTS = frozenset({"accused", "blamed", "criticized", "condemned", "demanded", "rejected",
                            "denied", "consulted", "cooperatedWith", "alignedWith", "backedBy",
                            "supported", "investigated"})
_NOT_LED = {"leaderOf": frozenset({"Person", "Place", "Facility", "Collective"}),
            "partOf": frozenset({"Person"})}
def fight_foes(pobj: Token, lex: Lexicon | None = None) -> Iterator[Token]:
    """The foes named by a fight that support is given "in": "in their fight against al-Shabaab",
    "in their struggle against extremism, in particular against Boko Haram"."""
    lex = lex or load_lexicon()
    if pobj.dep_ == "pobj" and pobj.head.lower_ == "in" and pobj.lemma_.lower() in lex.word_set("campaign"):
        yield from prep_objects(pobj, ("against",))
        yield from singled_out_against(pobj, lex)


def singled_out_against(tok: Token, lex: Lexicon | None = None) -> Iterator[Token]:
    """The objects of an "against" that singles one foe out right after the phrase of ``tok``,
    wherever the parser hung it: "..., in particular against ISIL", "..., especially against X"."""
    singling = (lex or load_lexicon()).word_set("singling_out")
    doc = tok.doc
    i = tok.right_edge.i + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i + 1 < len(doc) and f"{doc[i].lower_} {doc[i + 1].lower_}" in singling:
        i += 2  # "in particular"
    elif i < len(doc) and doc[i].lower_ in singling:
        i += 1
    else:
        return
    if i < len(doc) and doc[i].lower_ == "against":
        yield from (c for c in doc[i].children if c.dep_ == "pobj")


def fight_in(tok: Token, lex: Lexicon | None = None) -> Iterator[Token]:
    """The foes of a fight a phrase of support is given "in", under ``tok`` or right after
    it where the parser hung it higher up: "its support of the government and the people in
    their fight against ISIL"."""
    after = tok.right_edge.i + 1
    nxt = [tok.doc[after]] if after < len(tok.doc) and tok.doc[after].lower_ == "in" else []
    for t in [*tok.subtree, *(c for n in nxt for c in n.children)]:
        yield from fight_foes(t, lex)


def actors(rd: ResolvedDoc, tok: Token | None, *, via_modifiers: bool = False,
           lex: Lexicon | None = None) -> list[tuple[str, Token, float]]:
    """The actors a token denotes: itself and its conjuncts.

    Returns ``(entity key, token, confidence factor)`` triples. ``members of
    X`` acts as X; with ``via_modifiers`` a noun that is no actor lends its
    actor modifiers ("the U.S. withdrawal" -> the United States).
    """
    if tok is None:
        return []
    lex = lex or load_lexicon()
    out: list[tuple[str, Token, float]] = []
    seen: set[str] = set()
    for t in (tok, *tok.conjuncts, *_listed(rd, tok)):
        for key, at, factor in _actor_of(rd, t, via_modifiers, lex):
            if key not in seen:
                seen.add(key)
                out.append((key, at, factor))
    return out


def _listed(rd: ResolvedDoc, tok: Token) -> tuple[Token, ...]:
    """"The UK, the Global Coalition and the Government of Iraq": a parser may make the
    second item an apposition of the first; an apposition with conjuncts of its own,
    each a different actor, is the rest of a list."""
    for child in tok.children:
        if child.dep_ == "appos" and child.conjuncts and rd.actor_at(tok) and rd.actor_at(child):
            items = (child, *child.conjuncts)
            keys = {rd.actor_at(t) for t in items}
            if None not in keys and rd.actor_at(tok) not in keys:
                return items
    return ()


def _actor_of(rd: ResolvedDoc, tok: Token, via_modifiers: bool, lex: Lexicon) -> list[tuple[str, Token, float]]:
    key = rd.actor_at(tok)
    lemma = tok.lemma_.lower()
    rank_and_file = lex.word_set("rank_and_file")
    if lemma in rank_and_file and (key is None or rd.entities[key].type == "Collective"):
        for pobj in prep_objects(tok, ("from",)):  # "activists from the Awami League" act for it
            found = [(k, t, f * 0.9) for k, t, f in (actors(rd, pobj, lex=lex)
                                                     or actors(rd, pobj, via_modifiers=True, lex=lex))
                     if rd.entities[k].type not in {"State", "Place", "Facility", "Person", "Collective"}]
            if found:
                return found
    if key:
        factor = 0.85 if tok.i in rd.coreferent else 1.0
        return [(k, tok, factor) for k in (key, *rd.also.get(tok.i, ()))]
    if lemma in lex.word_set("place_division"):
        for mod in tok.lefts:  # "the Essequibo region of Guyana" is Essequibo, in Guyana
            if mod.dep_ in {"compound", "nmod"} and rd.actor_at(mod) and rd.entities[rd.actor_at(mod)].type == "Place":
                return [(rd.actor_at(mod), mod, 1.0)]
    part = _noun_lemma(tok)
    if part in lex.word_set("part") or part in lex.word_set("place_kind"):  # "The Members of the Security Council"
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return [(k, t, f * 0.95) for k, t, f in actors(rd, pobj, lex=lex)]
    for child in tok.children:  # "the southern regional capital Juba"
        if child.dep_ in {"appos", "compound"} and child.i > tok.i and rd.actor_at(child):
            if (rd.entities[rd.actor_at(child)].type == "Person" and tok.is_lower
                    and lemma not in lex.word_set("person_role")):
                continue  # "the military regime, Zin Mar Aung, its foreign minister, said": no regime is a person
            return [(rd.actor_at(child), child, 1.0)]
    if tok.dep_ == "appos" and tok.head.i < tok.i and rd.actor_at(tok.head) and tok.pos_ == "NOUN":
        # "the PMF, an umbrella group comprising ...": the group is the PMF
        return [(k, t, f * 0.95) for k, t, f in actors(rd, tok.head, lex=lex)]
    if lemma in rank_and_file or lemma in lex.word_set("armed_men"):
        for adj in tok.children:  # "forces loyal to Haftar", "militants loyal to the Islamic State"
            if adj.dep_ == "amod" and adj.lower_ in lex.word_set("loyal") and adj.i > tok.i:
                for pobj in prep_objects(adj, ("to", "with")):
                    return [(k, t, f * 0.9) for k, t, f in actors(rd, pobj, lex=lex)]
    if lemma in rank_and_file:
        for poss in tok.children:  # "its fighters", "the group's members", "a Hamas commander"
            if poss.dep_ in {"poss", "compound"} and poss.i < tok.i and rd.actor_at(poss):
                return [(k, t, f * 0.95) for k, t, f in actors(rd, poss, lex=lex)]
    if via_modifiers:
        return _via_modifiers(rd, tok, lex)
    return []


def _via_modifiers(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[tuple[str, Token, float]]:
    """The actors a noun that is no actor lends: its actor modifiers, a ``by`` agent, and the
    "of" of a noun of an act, a removal or a thing owned, the "from" of a request."""
    lemma = tok.lemma_.lower()
    of_names_agent = lex.word_set("stance") | lex.word_set("removal") | lex.word_set("owned")
    found = []
    for mod, factor in modifier_actors(rd, tok, lex):
        found.append((rd.actor_at(mod), mod, 0.8 * factor))
    rights = list(tok.rights)
    # "a demonstration staged by X": the agent of a participle on the noun
    between = min((c.i for c in tok.rights if c.dep_ == "prep" and c.lower_ in {"between", "among"}),
                  default=len(tok.doc))  # "the agreement between X, led by Y, and Z": Y leads X
    rights += [a for c in tok.rights if c.dep_ == "acl" and c.tag_ == "VBN" and c.i < between
               for a in c.children if a.dep_ == "agent"]
    for prep in rights:  # "the crimes by Croatian extremists", "an appeal from X"
        if prep.dep_ in {"prep", "agent"} and (
                prep.lower_ == "by" or (prep.lower_ == "of" and lemma in of_names_agent)
                or (prep.lower_ == "from" and lemma in lex.word_set("request"))):
            # "the decision of Iraqi President Fuad Masum": whose decision
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found.extend((k, t, f * 0.8) for k, t, f in actors(rd, pobj, lex=lex))
    return found[:2]


def _noun_lemma(tok: Token) -> str:
    """A noun's lemma, also when the tagger took a capitalised plural for a name ("Members")."""
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNPS" and lemma.endswith("s") and tok.text[1:].islower():
        return lemma[:-1]
    return lemma


def removal_demanded(rd: ResolvedDoc, tok: Token, lex: Lexicon | None = None) -> list[tuple[str, Token, float]]:
    """Whom a protest wants gone: "rallied calling for the resignation of X", "a protest
    demanding the ouster of X" (a participle of demanding on the protest, with a noun of removal).

    >>> from kg import parse
    >>> rd = parse("Thousands rallied in Belgrade calling for the resignation of Aleksandar Vucic.")
    >>> [k for k, _, _ in removal_demanded(rd, rd.doc[1])]
    ['aleksandar-vucic']
    """
    lex = lex or load_lexicon()
    out = []
    for verb in tok.children:
        if verb.dep_ not in {"acl", "advcl", "xcomp"} or verb.lemma_.lower() not in lex.word_set("calling"):
            continue
        nouns = [c for c in verb.children if c.dep_ in OBJECT_DEPS] + list(prep_objects(verb, ("for",)))
        for noun in nouns:
            if noun.lemma_.lower() in lex.word_set("removal"):
                out += [(k, t, f * 0.8) for p in prep_objects(noun, ("of",)) for k, t, f in actors(rd, p, lex=lex)]
    return out


def modifier_actors(rd: ResolvedDoc, tok: Token, lex: Lexicon | None = None) -> list[tuple[Token, float]]:
    """Modifiers of a noun that are actors, also one compound down: "Israeli strikes",
    "the Turkish drone strike" (Turkish modifies "drone"). Not for a noun that names the
    actor's rival, a part of its land or a pact with another ("Chinese rivals", "Mexico's
    northern border", "the Iran deal")."""
    lex = lex or load_lexicon()
    lemma = tok.lemma_.lower()
    if lemma in lex.word_set("rival") or lemma in lex.word_set("land") or lemma in lex.word_set("pact"):
        return []
    out = []
    for mod in tok.lefts:
        if mod.dep_ not in MODIFIER_DEPS:
            continue
        if rd.actor_at(mod):
            out.append((mod, 1.0))
        elif mod.dep_ in {"compound", "poss"}:  # "the Turkish drone strike", "the UN Board's summary"
            out += [(m, 0.9) for m in mod.lefts if m.dep_ in {"amod", "compound", "nmod"} and rd.actor_at(m)]
    return out


def subject_of(verb: Token, lex: Lexicon | None = None) -> tuple[Token | None, bool]:
    """The token acting as subject of a verb, and whether the verb is passive.

    Follows coordinated verbs and open complements up to the subject they
    share ("accused X and demanded Y", "attempted to target X").
    """
    lex = lex or load_lexicon()
    seen = 0
    tok = verb
    while tok is not None and seen < 6:
        seen += 1
        # the subject nearest the verb: in "Near Rawah, two strikes engaged ..." a parser
        # may take the fronted place for a second subject
        for child in sorted(tok.children, key=lambda c: -c.i if c.i < tok.i else c.i):
            if child.dep_ in SUBJECT_DEPS:
                if child.tag_ in {"WP", "WDT"} and tok.dep_ == "relcl":
                    return tok.head, False  # "forces who are leading ...": the forces
                return child, False
            if child.dep_ in PASSIVE_SUBJECT_DEPS:
                return child, True
        if tok.dep_ == "pcomp" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in lex.word_set("devoted"):
            tok = tok.head.head  # "X is committed to defeating Y": X, even as the passive subject
            subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)
            if subj is not None:
                return subj, False
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ == "in" and tok.head.head.lemma_.lower() in lex.word_set("joining"):
            tok = tok.head.head  # "Poland joined Germany in condemning Russia": Poland (and Germany)
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ in {"of", "for"} and \
                tok.head.head.lemma_.lower() in lex.word_set("accusing"):
            return accused_of(tok), False  # "accused the United States of aiding Israel"
        if tok.dep_ == "xcomp" and tok.head.i != tok.i:
            controller = _object_controller(tok.head, lex)
            if controller is not None:
                return controller, False  # "urged Hezbollah to attack", "helped the army to retake"
        if tok.dep_ in {"acl", "relcl"} and _is_infinitive(tok) and tok.head.lemma_.lower() in lex.word_set("campaign"):
            owner = _owner_of(tok.head, lex)  # "the coalition's campaign to defeat X"
            return (owner, False) if owner is not None else (None, False)
        if tok.dep_ in {"conj", "xcomp", "acomp"} and tok.head.i != tok.i:
            tok = tok.head  # "X agreed to ...", "X is willing to ..."
            continue
        if tok.dep_ == "advcl" and (any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                                    or (tok.tag_ == "VBG" and not any(c.dep_ == "mark" for c in tok.children))):
            tok = tok.head  # "staged a rally to protest X", "blocked the avenue, calling for ...": the same subject
            continue
        if tok.dep_ == "relcl":
            return tok.head, False
        if tok.dep_ == "acl" and tok.tag_ == "VBG":
            return tok.head, False
        break
    return None, False


def accused_of(act: Token) -> Token | None:
    """Who an accusation says did ``act`` (the gerund or noun after "of"/"for"):
    the accused object, or the subject of a passive "X was accused of"."""
    verb = act.head.head
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
            return child
    return None


def accuser(rd: ResolvedDoc, act: Token, lex: Lexicon | None = None) -> str | None:
    """Who makes the accusation ``act`` is the object of (its subject or ``by`` agent)."""
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


def _is_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


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



def supported_party(noun: Token, lex: Lexicon | None = None) -> Token | None:
    """The one supported in whose effort a noun is: "support for X in the fight
    against Y", "backs X in the war with Y" -> X."""
    support = (lex or load_lexicon()).word_set("support")
    tok = noun
    for _ in range(4):
        if tok.dep_ != "pobj" or tok.head.lower_ not in {"in", "during"}:
            return None
        head = tok.head.head
        if head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() not in support:
            # "restated Turkish support for Somalia in the war against al-Shabaab": the support is the object
            head = next((c for c in head.children if c.dep_ in OBJECT_DEPS
                         and c.lemma_.lower() in support), head)
        if head.lemma_.lower() in support:
            if head.pos_ in {"VERB", "AUX"}:
                for child in head.children:
                    if child.dep_ in OBJECT_DEPS:
                        return child
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "to"}:
                    return next((p for p in prep.children if p.dep_ == "pobj"), None)
            return None
        if head.pos_ in {"NOUN", "PROPN"} and head.dep_ in {"pobj", "conj"}:
            # "support for the army and people of Ukraine in their war": up to the supported noun
            while head.dep_ == "conj":
                head = head.head
            prep = head.head
            if prep.dep_ == "prep" and prep.head.lemma_.lower() in support:
                return head
        return None
    return None


def agent_of(verb: Token, lex: Lexicon | None = None) -> Token | None:
    """The ``by`` agent of a passive verb, or who it was done "at the hands of".

    >>> from kg import parse
    >>> doc = parse("Civilians were killed at the hands of the RSF.").doc
    >>> agent_of(doc[2]).text
    'RSF'
    """
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return at_the_hands_of(verb, lex)


def at_the_hands_of(tok: Token, lex: Lexicon | None = None) -> Token | None:
    """X in "... at the hands of X" attached to ``tok``: who did it."""
    for at in tok.children:
        if at.dep_ == "prep" and at.lower_ == "at":
            for hands in at.children:
                if hands.dep_ == "pobj" and hands.lower_ in (lex or load_lexicon()).word_set("hands"):
                    return next(prep_objects(hands, ("of",)), None)
    return None


def prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> Iterator[Token]:
    """Objects of the given prepositions attached to a token (or its particle)."""
    for child in tok.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield pobj
        if child.dep_ == "prt" and child.lower_ in preps:
            for dobj in tok.children:
                if dobj.dep_ in OBJECT_DEPS:
                    yield dobj


def verb_lemma(tok: Token, known: "frozenset[str] | dict") -> str:
    """The lemma of a verb, mended where spaCy's lemmatizer cut an inflection wrong
    ("staged" -> "stag", "waging" -> "wag"): when the lemma is not among ``known``
    but a regular stem of the word is, that stem.

    >>> from kg import parse
    >>> doc = parse("Hamas staged rallies.").doc
    >>> verb_lemma(doc[1], frozenset({"stage"}))
    'stage'
    """
    lemma = tok.lemma_.lower()
    if lemma in known:
        return lemma
    w = tok.lower_
    stems: list[str] = []
    if w.endswith("ied"):
        stems.append(w[:-3] + "y")
    if w.endswith("ed"):
        stems += [w[:-1], w[:-2]] + ([w[:-3]] if len(w) > 4 and w[-3] == w[-4] else [])
    elif w.endswith("ing"):
        stems += [w[:-3] + "e", w[:-3]] + ([w[:-4]] if len(w) > 5 and w[-4] == w[-5] else [])
    elif w.endswith("s"):
        stems += [w[:-1], w[:-2]]
    return next((s for s in stems if s in known), lemma)


#: Quotation marks, straight and curly.
QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "``", "''"})


def scare_quoted(tok: Token) -> bool:
    """Whether a trigger stands in quotation marks of a few words ('Assad's "war" on ISIL'):
    the writer disputes the word, so it states no act.

    >>> from kg import parse
    >>> doc = parse('The "war" on ISIL is a sham.').doc
    >>> scare_quoted(doc[2]), scare_quoted(doc[5])
    (True, False)
    """
    doc = tok.doc
    left = next((i for i in range(tok.i - 1, max(tok.sent.start, tok.i - 3) - 1, -1)
                 if doc[i].text in QUOTES or doc[i].is_punct), None)
    right = next((i for i in range(tok.i + 1, min(tok.sent.end, tok.i + 4))
                  if doc[i].text in QUOTES or doc[i].is_punct), None)
    return (left is not None and right is not None
            and doc[left].text in QUOTES and doc[right].text in QUOTES)


def is_negated(tok: Token) -> bool:
    """Whether a trigger is negated, here or on the verb chain above it."""
    t = tok
    for _ in range(4):
        if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in {"advmod", "det"})
               or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))  # "no longer"
               for c in t.children):
            return True
        if t.dep_ in {"xcomp", "conj"} and t.head.i != t.i:
            if t.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
                break  # "Hamas did not claim it, but Israel blamed the group": a clause of its own
            t = t.head
            continue
        break
    return False


#: Auxiliaries that put an act in the future ("will attack"): an intent, not an act.
FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
#: Relations that, stated as an intent, are cooperation (PLOVER AGREE) or a threat (THREATEN).
COOPERATIVE = frozenset({"aided", "supported", "cooperatedWith", "consulted", "visited", "conceded",
                         "agreedWith", "alignedWith", "investigated"})
#: Cooperation that a standing commitment states as ongoing ("remains committed to aiding X").
SUSTAINED = frozenset({"aided", "supported", "cooperatedWith"})
CONFLICTUAL = frozenset({"targeted", "coerced", "sanctioned", "inConflictWith", "mobilizedAgainst",
                         "rejected", "protestedAgainst"})


_MODAL_HEADS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _modal_heads(lex: Lexicon) -> frozenset[str]:
    """Every head word :func:`modality` looks up, for mending a mis-lemmatized verb."""
    cached = _MODAL_HEADS.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = _MODAL_HEADS[id(lex)] = (lex, frozenset(lex.intent) | lex.irrealis | lex.speech
                                          | lex.word_set("ending") | lex.word_set("accusing"))
    return cached[1]


def _reported(clause: Token, lex: Lexicon) -> bool:
    """Whether a clause is the complement of a verb of saying ("said it would ..."),
    where "would" is a reported "will"."""
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lex.speech


def modality(tok: Token, lex: Lexicon) -> str:
    """How a trigger is stated: ``"asserted"`` (done), ``"future"`` (announced,
    promised or offered), ``"pursued"`` (a standing commitment: "is committed to",
    "determined to"), ``"conditional"`` (future under "if": a threat
    when the act is hostile, an offer when it is cooperative), ``"threat"``
    (threatened, vowed, or any future act "unless" the other side yields),
    ``"denied"`` (in the complement of "deny") or ``"blocked"`` (possible,
    conditional, refused).

    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> modality(parse("Iran will attack Israel if it attacks.").doc[2], lex)
    'conditional'
    >>> modality(parse("Nigeria will withdraw its troops unless Chad holds elections.").doc[2], lex)
    'threat'

    An act someone "will continue to" do is going on already:

    >>> modality(parse("Russia will continue to strike Ukraine.").doc[4], lex)
    'asserted'
    """
    t = tok
    mode = "asserted"
    ongoing = False  # "will continue to strike X": the act is going on, whatever comes next
    adverbial = False  # passed an adverbial clause: "denied X, rejecting Y" does not deny the rejecting
    for _ in range(6):
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ == "would" and _reported(t, lex):
                if mode == "asserted" and not ongoing:
                    mode = "future"  # "Hamas said it would boycott X": a reported "will"
                continue
            if c.dep_ == "aux" and c.lower_ in MODALS:
                return "blocked"
            if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                return "blocked"
            if c.dep_ == "advmod" and c.lower_ in lex.word_set("forecast"):
                return "blocked"  # "Japan will likely increase cooperation": someone's forecast
            if c.dep_ == "aux" and c.lower_ in FUTURE and mode == "asserted" and not ongoing:
                mode = "future"
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"} if c.dep_ == "advcl" else set()
            if marks & {"unless", "if"}:
                if mode == "future" or any(a.dep_ == "aux" and a.lower_ in FUTURE for a in t.children):
                    # "will withdraw its troops unless ...": whatever the act, a threat
                    mode = "threat" if "unless" in marks else "conditional"
        if t.dep_ == "acl" and t.head.lemma_.lower() in lex.word_set("demand") and any(
                c.dep_ == "mark" or (c.dep_ == "aux" and c.lower_ == "to") for c in t.children):
            return "blocked"  # "its demand that Israel ease restrictions": asked for, not done
        if t.dep_ in {"acl", "relcl"} and _is_infinitive(t) and t.head.lemma_.lower() not in lex.word_set("campaign"):
            return "blocked"  # "measures to counter X", "a plan to cede X": proposed, not done
        if t.dep_ in {"xcomp", "ccomp", "conj", "pcomp", "advcl", "pobj", "prep", "acomp", "dobj", "nsubj",
                      "nsubjpass"} and t.head.i != t.i:
            head = t.head
            lemma = verb_lemma(head, _modal_heads(lex))  # "hopes" is no "hop"
            if t.dep_ in OBJECT_DEPS and lemma in lex.word_set("ending"):
                return "blocked"  # "Chad ended its defence agreement with France"
            infinitive = t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
            if t.dep_ in {"xcomp", "ccomp", "pcomp", "pobj", "prep"} or (infinitive and lemma in lex.intent):
                # "has sworn to fight X" (parsed as an adverbial clause) is "sworn" to do it
                kind = lex.intent.get(lemma)
                if kind == "continue" and t.dep_ == "xcomp":
                    ongoing = True
                if kind == "threaten":
                    return "threat"
                if kind == "deny" and not adverbial:
                    return "denied"
                ready = head.lower_ in lex.word_set("ready")
                if kind in {"pursue", "cooperate"} or ready:
                    holder = head.head if head.dep_ in {"acomp", "attr"} else head
                    if is_negated(head) or is_negated(holder):
                        return "blocked"  # "is not committed to", "was not willing to"
                if kind == "pursue":
                    mode = "pursued" if mode == "asserted" else mode
                elif kind == "cooperate" or ready:
                    mode = "future" if mode == "asserted" else mode
                elif lemma in lex.word_set("accusing") and t.dep_ in {"pcomp", "pobj", "prep"} and mode == "asserted":
                    return "alleged"  # "accused the United States of aiding Israel"
                elif lemma in lex.irrealis and not (t.dep_ == "ccomp" and lemma in lex.speech) \
                        and not (kind == "deny" and adverbial):
                    return "blocked"  # "told X to leave"; but "a court was told that ..." reports
            adverbial = adverbial or t.dep_ == "advcl"
            t = head
            continue
        break
    return mode


def is_irrealis(tok: Token, lex: Lexicon) -> bool:
    """Whether a trigger is not stated as done (see :func:`modality`)."""
    return modality(tok, lex) != "asserted"


def intent_predicate(predicate: str, mode: str) -> str | None:
    """The relation an intended act states: cooperation is AGREE, conflict a THREAT.
    A standing commitment to fight or defeat someone ("is committed to defeating X",
    "determined to destroy X": mode ``"pursued"``) is an ongoing conflict, not a threat.

    >>> intent_predicate("aided", "future"), intent_predicate("targeted", "future")
    ('agreedWith', 'threatened')
    >>> intent_predicate("targeted", "pursued"), intent_predicate("sanctioned", "pursued")
    ('inConflictWith', 'threatened')

    Support, aid or cooperation a party is committed to is its standing policy, stated
    as such; any other cooperative goal is an agreement:

    >>> intent_predicate("aided", "pursued"), intent_predicate("consulted", "pursued")
    ('aided', 'agreedWith')
    """
    if mode in {"asserted", "alleged"}:
        return predicate
    if mode == "pursued" and predicate in {"targeted", "inConflictWith"}:
        return "inConflictWith"
    if mode == "pursued" and predicate in SUSTAINED:
        return predicate  # "is committed to supporting X": a standing policy of support
    if mode == "pursued":
        mode = "future"
    if mode == "blocked":
        return None  # "a ceasefire could take place if the Kremlin agrees" states no agreement
    if mode == "conditional" and predicate not in CONFLICTUAL | COOPERATIVE:
        return None
    # "will meet X if ...": a conditional offer is an agreement offered (PLOVER AGREE)
    if predicate in CONFLICTUAL or mode == "threat":
        return "threatened"  # "will strike X unless ...", "threatened to expel X"
    if predicate in COOPERATIVE:
        return "agreedWith"
    return None


#: Who can back an armed actor, and who is backed when supported materially or militarily.
_BACKERS = frozenset({"State", "MilitaryForce", "ArmedGroup", "InternationalOrganization", "GovernmentBody"})
_ARMED = frozenset({"ArmedGroup", "MilitaryForce"})


def backing(rd: ResolvedDoc, rel: Relation, lemma: str, lex: Lexicon, *, military: bool = False) -> Relation | None:
    """The ``backedBy`` edge a support or aid relation implies when an armed actor
    is supported by a state, force or group with a trigger of ``backing.txt``
    ("Iran supports Hezbollah" -> Hezbollah backedBy Iran). Support given by a
    military act backs a government too ("conducted strikes in support of the
    government of Iraq": ``military=True``).

    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> from kg.extract.verbs import verb_relations
    >>> rd = parse("Iran supports Hezbollah.")
    >>> rels = [r for r in verb_relations(rd) if r.predicate == "supported"]
    >>> [backing(rd, r, "support", load_lexicon()).triple for r in rels]
    [('hezbollah', 'backedBy', 'iran')]
    """
    if (rel.predicate not in {"supported", "aided"} or rel.negated or lemma not in lex.backing
            or rd.entities[rel.subject].type not in _BACKERS
            or rd.entities[rel.object].type not in (_BACKERS if military else _ARMED)):
        return None
    ev = rel.evidence
    return Relation(subject=rel.object, predicate="backedBy", object=rel.subject,
                    confidence=round(rel.confidence * 0.9, 3),
                    evidence=replace(ev, subject_span=ev.object_span, object_span=ev.subject_span),
                    rule=f"{rel.rule}:backing", asserted_by=rel.asserted_by)


def speaker_of(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> str | None:
    """Who the sentence says is asserting the clause a trigger is in, if anyone."""
    t = tok
    for _ in range(6):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                for to in c.children:
                    for pobj in to.children:
                        found = [a for a in actors(rd, pobj, lex=lex) if rd.entities[a[0]].type not in _INERT]
                        if found:
                            return found[0][0]
        if t.dep_ in {"ccomp", "parataxis"} or (t.dep_ == "conj" and t.head.i != t.i):
            head = t.head
            if t.dep_ in {"ccomp", "parataxis"} and head.lemma_.lower() in lex.speech:
                subj, _ = subject_of(head, lex)
                found = [a for a in actors(rd, subj, lex=lex) if rd.entities[a[0]].type not in _INERT]
                return found[0][0] if found else None  # a place says nothing
            t = head
            continue
        if t.dep_ == "ROOT" and t.lemma_.lower() in lex.speech and t.i != tok.i:
            return None
        break
    return None


def evidence(rd: ResolvedDoc, sent: Span, *, subject: Token | None = None,
             trigger: Token | None = None, obj: Token | None = None) -> Evidence:
    """The evidence record of a sentence, with document offsets of its parts."""
    off = rd.offset
    text = sent.text.strip()
    lead = len(sent.text) - len(sent.text.lstrip())

    def span(tok: Token | None) -> tuple[int, int] | None:
        if tok is None:
            return None
        key = rd.actor_at(tok)
        toks = [tok]
        if key:
            toks = [t for t in _mention_tokens(rd, tok, key)]
        return (off + toks[0].idx, off + toks[-1].idx + len(toks[-1].text))

    return Evidence(
        document=rd.document.id,
        sentence=text,
        start=off + sent.start_char + lead,
        end=off + sent.start_char + lead + len(text),
        date=rd.document.date,
        source=rd.document.source,
        subject_span=span(subject),
        trigger_span=span(trigger) if trigger is not None else None,
        object_span=span(obj),
    )


def _mention_tokens(rd: ResolvedDoc, tok: Token, key: str) -> list[Token]:
    doc = tok.doc
    lo = tok.i
    while lo > 0 and rd.token_actor.get(lo - 1) == key and tok.i - lo < 12:
        lo -= 1
    hi = tok.i
    while hi + 1 < len(doc) and rd.token_actor.get(hi + 1) == key and hi - tok.i < 12:
        hi += 1
    return [doc[i] for i in range(lo, hi + 1)]


def relation(rd: ResolvedDoc, sent: Span, subj: tuple[str, Token, float], predicate: str,
             obj: tuple[str, Token, float], confidence: float, rule: str, *,
             trigger: Token | None = None, asserted_by: str | None = None,
             negated: bool = False, code: str | None = None) -> Relation | None:
    """Build a relation record, or ``None`` for a self-loop or kinds that cannot hold it.
    ``code`` is the trigger's CAMEO code, which with the kinds of the two ends gives the
    statement's PLOVER class (:func:`kg.plover.statement_class`)."""
    if subj[0] == obj[0]:
        return None
    stype, otype = rd.entities[subj[0]].type, rd.entities[obj[0]].type
    if stype in _INERT and predicate not in _PLACE_SUBJECTS:
        return None  # a place or facility does not accuse, lead or attack ("Washington-led" is resolved earlier)
    if otype in _NOT_LED.get(predicate, ()):
        return None  # one leads a state or a group, not a person or a place
    if otype in _INERT and predicate in _ACTOR_OBJECTS:
        return None  # one accuses, consults or backs an actor, not a place
    if stype == "Person" and otype in _INERT and predicate in {"partOf", "leaderOf"}:
        return None  # "Minister for the Middle East" is no member of a region
    if otype == "State" and predicate in {"targeted", "coerced", "sanctioned"} and obj[0] in rd.parents(subj[0]):
        return None  # "Turkish authorities imposed a curfew in a town in Turkey": a place, not their own state
    conf = round(min(1.0, confidence * subj[2] * obj[2]), 3)
    return Relation(
        subject=subj[0],
        predicate=predicate,
        object=obj[0],
        confidence=conf,
        evidence=evidence(rd, sent, subject=subj[1], trigger=trigger, obj=obj[1]),
        rule=rule,
        asserted_by=asserted_by if asserted_by not in (subj[0],) else None,
        negated=negated,
        plover=statement_class(predicate, code=code, subject_type=stype, object_type=otype),
    )


#: Acts against a third party that actors named together do together.
JOINT_PREDICATES = frozenset({"targeted", "inConflictWith", "mobilizedAgainst", "coerced", "sanctioned"})


def acting_as_part_of(rd: ResolvedDoc, verb: Token, lex: Lexicon | None = None) -> list[tuple[str, Token, float]]:
    """The group an act is done "as part of": "Chad is working as part of the Multinational
    Joint Task Force to defeat Boko Haram" is the task force's act too (also from the clause the act is
    the purpose of). A state or a person is no such group.

    >>> from kg import parse
    >>> rd = parse("Britain, as part of NATO, deployed troops to Estonia.")
    >>> [k for k, _, _ in acting_as_part_of(rd, rd.doc[7])]
    ['nato']
    """
    lex = lex or load_lexicon()
    found = []
    t = verb
    heads = []
    for _ in range(6):
        heads.append(t)
        # "X, as part of the coalition, is committed to continuing to provide ...": up the
        # open complements to the clause that says it
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.pos_ in {"ADJ", "VERB"}:
            t = t.head.head
            continue
        if t.dep_ not in {"xcomp", "advcl", "conj", "acomp"} or t.head.i == t.i:
            break
        t = t.head
    subj = next((c for c in heads[-1].children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    for h in heads + ([subj] if subj is not None else []):  # "Britain, as part of NATO, ...": on the subject
        for child in h.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                for part in child.children:
                    if part.dep_ == "pobj" and part.lower_ in lex.word_set("as_part"):
                        found += [(k, a, f * 0.8) for p in prep_objects(part, ("of",))
                                  for k, a, f in actors(rd, p, lex=lex)
                                  if rd.entities[k].type not in {"State", "Person", "Place", "Facility"}]
    return found


def partners_of(rd: ResolvedDoc, verb: Token, subj: Token | None,
                lex: Lexicon | None = None) -> list[tuple[str, Token, float]]:
    """Actors that do the act with its subject: "Kurdish fighters, together with U.S.
    forces, attacked ISIS", "Iraqi troops, alongside the PMF, retook the town", "in
    coordination with X"."""
    lex = lex or load_lexicon()
    together, coordination = lex.word_set("together"), lex.word_set("coordination")
    found = []
    if verb.dep_ == "pcomp" and verb.head.lower_ == "in" and verb.head.head.lemma_.lower() in lex.word_set("joining"):
        # "Poland joined Germany in condemning Russia": the one joined does it too
        found += [a for o in verb.head.head.children if o.dep_ in OBJECT_DEPS for a in actors(rd, o, lex=lex)]
    for head in (verb, subj):
        if head is None:
            continue
        for child in head.children:
            low = child.lower_
            withs = []
            if low in together:
                withs = [c for c in child.children if c.dep_ == "prep" and c.lower_ == "with"]
            elif child.dep_ == "prep" and low == "with" and any(c.lower_ in together for c in child.children):
                withs = [child]  # "together" hung on the "with" it modifies
            elif child.dep_ == "prep" and low == "alongside":
                withs = [child]
            elif child.dep_ == "prep" and low == "in":
                withs = [w for n in child.children if n.dep_ == "pobj" and n.lower_ in coordination
                         for w in n.children if w.dep_ == "prep" and w.lower_ == "with"]
            for w in withs:
                for pobj in w.children:
                    if pobj.dep_ == "pobj":
                        found += [(k, t, f * 0.9) for k, t, f in actors(rd, pobj, lex=lex)]
    return found
