"""Unnamed participants: gunmen, police, prosecutors, protesters, civilians as actors.

Conflict reporting is mostly about people without proper names. A resolution
pass, run after names, state nouns and references back have been resolved: a
noun of people or forces that takes part in a clause (its subject, object, the
object of a preposition, a ``by`` agent) and names no actor yet becomes one. Its
kind comes from data: kg's actor nouns (``lexicon/actor_nouns.tsv``), then the
Phoenix agents dictionary (``petrarch/agents.tsv``: ``GUNMAN [~UAF]``,
``PROSECUTOR [~JUD]``, ``CIVILIAN [~CVL]``). Its label is the noun with its
describing words ("unidentified gunmen", "suicide bomber").

Its identity is scoped: "protesters" in two articles, or in two unrelated
sentences of one, are not one actor. The key is the label, the document's scope
and the sentence that introduces it, so it is deterministic; a definite mention
("the gunmen") refers back to the last participant of the same noun in the
document, which is how the text ties them.

A generic noun makes no edge by itself: extraction still needs a trigger, and a
participant that no relation or event involves is left out of the document's
result (:func:`is_participant`), so "protesters gathered" adds no lone node.

Examples
--------
>>> from kg import parse
>>> rd = parse("Gunmen attacked a checkpoint. The gunmen fled.")
>>> sorted((e.label, e.type) for e in rd.entities.values())  # the site: kg.resolve.sites
[('checkpoint', 'Facility'), ('gunmen', 'ArmedGroup')]
>>> len({rd.token_actor[0], rd.token_actor[6]})
1
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Span, Token

from ..lexicon import Lexicon
from ..model import Entity
from ..names import slugify
from .state import Resolution, ResolvedDoc

__all__ = ["PARTICIPANT_DEPS", "act_of_force", "generic_participants", "is_participant", "label_of", "participant_class",
           "scope_of"]

#: Where a noun takes part in a clause.
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "dative", "appos"})
#: Prepositions whose object is a party to the act ("fired on protesters", "attacked by gunmen",
#: "an investigation into the senator").
_PARTY_PREPS = frozenset({"by", "on", "against", "at", "with", "from", "to", "toward", "towards", "between", "into",
                          "for"})
#: Kinds an unnamed noun may have: an organisation sector's people are a collective.
_KIND = {"Organization": "Collective", "InternationalOrganization": None, "State": None, "Person": None,
         "Place": None, "Facility": None}
#: Kinds whose name before a noun of people says where they are from, not whose they are
#: ("a Turkish journalist", "Palestinian civilians").
_NATIONALITY = frozenset({"State", "Place"})
#: Prepositions after a noun of people that may say whose they are or who they are ("supporters
#: of X", "activists from X", "armed groups, including X"); not where they are ("49 people at the
#: Pulse nightclub").
_WHOSE_PREPS = frozenset({"of", "from", "to", "with", "for", "including"})
#: Kinds of body whose name may end in a noun of a site ("the central bank").
_BODIES = frozenset({"GovernmentBody", "Organization", "InternationalOrganization"})
#: Kinds of actor whose holdings ("positions", "camps", "checkpoints") stand for them.
_ARMED = frozenset({"ArmedGroup", "MilitaryForce"})
#: Describing words kept in a label ("unidentified gunmen", "suicide bomber").
_LABEL_DEPS = frozenset({"amod", "compound"})


def participant_class(tok: Token, lex: Lexicon) -> str | None:
    """The kind of actor a noun names, if it names people or forces: kg's own actor nouns
    first, then the agents dictionary; words of ``generic_not_actor`` never."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if _armed_kind(tok, lex):
        return "ArmedGroup"  # "a rebel group", "the armed groups": the kind names them
    compound = _compound_agent(tok, lex)
    if compound is not None:  # "human rights groups", "a labor union", "the central bank"
        return _KIND.get(compound, compound)
    for word in (low, lemma):  # "the group" refers back to an actor the text names
        if word in lex.word_set("generic_not_actor") or word in lex.word_set("weapon"):
            return None
    noun = lex.actor_nouns.get(low) or lex.actor_nouns.get(lemma)
    if noun is None and (low in lex.sites or lemma in lex.sites):
        return None  # a site the agents dictionary lists with people ("airliner"): kg.resolve.sites
    cls = noun.cls if noun is not None else (lex.agents.get(low) or lex.agents.get(lemma))
    if cls is None:
        return None
    if cls == "Person" and lemma in lex.titles:
        return "Person"  # "the president" whom no pass resolved: one unnamed person
    return _KIND.get(cls, cls)


def _compound_agent(tok: Token, lex: Lexicon) -> str | None:
    """The kind the agents dictionary gives a noun together with the describing words right
    before it, longest first ("human rights groups", "opposition parties", "the central bank",
    "a news agency"). The dictionary lists equipment and places with its forces ("spy plane",
    "military base", "intelligence information"): a force's entry counts only when its noun
    names people or a body by itself; no entry whose noun is a weapon, a vessel or one of the
    things of ``generic_not_actor`` ("hospital") does."""
    lemma = tok.lemma_.lower()
    words = (tok.lower_, lemma)
    if any(w in lex.word_set("weapon") or w in lex.vessels for w in words):
        return None
    thing = any(w in lex.word_set("generic_not_actor") for w in words)
    site = any(w in lex.sites for w in words)  # "a passenger airliner" is a vehicle, "the central bank" a body
    people = any(w in lex.word_set("group_noun") or w in lex.actor_nouns or (w in lex.agents and not thing and not site)
                 for w in words)
    mods = [t.lower_ for t in _label_span(tok, lex)][:-1]
    for start in range(len(mods)):
        for last in dict.fromkeys(words):
            cls = lex.agents.get(" ".join((*mods[start:], last)))
            if cls is not None and (people or (cls not in _ARMED and not thing and (not site or cls in _BODIES))):
                return cls
    return None


def _armed_kind(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun for a group of many is said to be armed by a word before it ("a rebel
    group", "armed groups", "the militant faction"): an actor even with no name to refer back to."""
    lemma = tok.lemma_.lower()
    return ((lemma in lex.word_set("group_noun") or lemma.rstrip("s") in lex.word_set("group_noun"))
            and any(c.dep_ in _LABEL_DEPS and c.lower_ in lex.word_set("armed_kind") for c in tok.lefts))


def _named_in_apposition(rd: ResolvedDoc, tok: Token, lex: Lexicon, kin: bool) -> str | None:
    """The actor a name in apposition to a singular noun of people gives it: "his Chinese counterpart Wang
    Yi", "a senior commander, Abu Khalid", "the American pastor Andrew Brunson", "her daughter,
    Makeda Mbewe" (a person's kin is a person, never a state), "an armed group, the Syrian
    Democratic Forces". A body is never a person's name ("the military regime, Zin Mar Aung, its
    foreign minister, told reporters" misparsed), and a vessel keeps its own reading ("the U.S.
    destroyer USS Carney")."""
    lemma = tok.lemma_.lower()
    role = kin or lemma in lex.titles or bool({lemma} & (lex.word_set("person_role") | lex.word_set("retinue")))
    body = lemma in lex.actor_nouns or lemma in lex.word_set("group_noun")  # "an armed group, the SDF"
    if not (role or body) and (tok.tag_ != "NN" or lemma not in lex.agents or lemma in lex.word_set("generic_not_actor")):
        return None  # a vessel, no one: "the destroyer USS Carney"
    barred = {"Place", "Facility", "State"} if kin else {"Place", "Facility"}
    if body and not role:
        barred = barred | {"Person"}  # a person names no body: "the regime, Zin Mar Aung, its minister"
    return next((rd.token_actor[c.i] for c in tok.children if c.dep_ == "appos" and rd.token_actor.get(c.i)
                 and rd.entities[rd.token_actor[c.i]].type not in barred), None)


def _takes_part(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun is a party to a clause: its subject or object, the object of a
    preposition of the act ("fired on protesters", "by gunmen"), or counted by one that
    is ("tens of thousands of students marched", "killed dozens of villagers", "a group of
    gunmen attacked")."""
    dep, head = tok.dep_, tok.head
    while dep == "conj" and head.i != tok.i:  # "police and soldiers"
        tok, dep, head = head, head.dep_, head.head
    if dep == "compound" and head.i > tok.i and head.lemma_.lower() in lex.word_set("owned"):
        # "bombed rebel positions", "raided an army checkpoint": a force's holding is the force's
        # (not "a refugee camp")
        return participant_class(tok, lex) in _ARMED and _takes_part(head, lex)
    counted = head.head
    if dep == "pobj" and head.lower_ == "of" and ({counted.lower_, counted.lemma_.lower()} & lex.word_set("quantifier")
                                                  or counted.lemma_.lower() in lex.word_set("body_of_people")
                                                  or counted.like_num):
        return _takes_part(counted, lex)
    if dep == "pobj" and head.lower_ == "of" and (_act_of(head.head, lex)
                                                  or head.head.lemma_.lower() in lex.word_set("removal")):
        return True  # "the killing of civilians", "kidnappings of children", "the surrender of the rebels"
    if dep == "pobj" and head.lower_ == "of" and counted.lemma_.lower() in lex.word_set("owned"):
        return _takes_part(counted, lex)  # "raided the home of an opposition leader": the owner's
    if dep == "pobj":
        return head.lower_ in _PARTY_PREPS or head.dep_ == "agent"
    if dep == "poss" and head.pos_ == "NOUN" and head.lemma_.lower() in lex.word_set("owned") | lex.word_set("request"):
        return _takes_part(head, lex)  # "rejected the government's proposal", "raided the militants' hideout"
    return dep in PARTICIPANT_DEPS


def _act_of(tok: Token, lex: Lexicon) -> str | None:
    """The relation a noun's act states ("arrest", "killing", "shootings"), if any."""
    if tok.pos_ != "NOUN":
        return None
    trig = lex.act_noun(tok.lemma_.lower(), tok.lower_)
    return trig.predicate if trig is not None else None


def act_of_force(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun names an act of force, whose "of" object it hits ("the shelling of a
    hospital", "the seizure of a tanker").

    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> doc = parse("The shelling of a hospital and the condemnation of the raid.").doc
    >>> act_of_force(doc[1], load_lexicon()), act_of_force(doc[7], load_lexicon())
    (True, False)
    """
    return _act_of(tok, lex) in {"targeted", "coerced", "inConflictWith"}


def _said_whose(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> bool:
    """Whether the words after a noun name the actor its people belong to ("fighters loyal to
    X", "supporters of X", "activists from the Awami League"): the resolver's actors already
    read those as the actor itself. A place does not count ("police in Istanbul"). For forces
    and bodies (actor_nouns.tsv) any preposition may ("troops in Iraq" are some state's, which
    the text says elsewhere); for other people only those of
    :data:`_WHOSE_PREPS` ("49 people at the Pulse nightclub" are no one's)."""
    noun = lex.actor_nouns.get(tok.lower_) or lex.actor_nouns.get(tok.lemma_.lower())
    own = noun is not None and (noun.part_of_state or noun.cls in {"MilitaryForce", "GovernmentBody"})
    stack = [c for c in tok.rights if c.dep_ == "amod" or (c.dep_ == "prep" and (own or c.lower_ in _WHOSE_PREPS))]
    while stack:
        t = stack.pop()
        key = rd.token_actor.get(t.i)
        if key is not None and rd.entities[key].type not in {"Place", "Facility"}:
            return True
        stack.extend(c for c in t.children if c.dep_ in {"prep", "pobj", "amod", "compound", "conj"})
    return False


def _abstract(tok: Token, lex: Lexicon) -> bool:
    """A bare singular object is a mass noun, no one: "threatened to use force", "taken by
    force", "with military force" (a count noun of people needs a determiner: "a force");
    but a plural the tagger may read as singular is people ("a gun battle with police")."""
    return (tok.tag_ == "NN" and tok.dep_ in {"dobj", "pobj"} and tok.lower_ not in lex.word_set("plural_people")
            and not any(c.dep_ in {"det", "poss", "nummod", "compound", "nmod"} for c in tok.children))


def _of_objects(tok: Token) -> list[Token]:
    """The objects of "of" right on a noun."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _joined_as_one(tok: Token, lex: Lexicon) -> bool:
    """A bare plural object of a verb of joining with which it is acting together, no one:
    "joined forces with X" (words/joined_as_one.txt)."""
    return (tok.dep_ == "dobj" and tok.lower_ in lex.word_set("joined_as_one")
            and tok.head.lemma_.lower() in lex.word_set("joining")
            and not any(c.dep_ in {"det", "poss", "amod", "compound", "nummod"} for c in tok.children))


def _label_span(tok: Token, lex: Lexicon) -> Span:
    """The noun with the describing words right before it ("Moslem fundamentalist
    demonstrators", "suicide bomber"), not numbers or quantities ("three", "several")."""
    start, doc = tok.i, tok.doc
    for mod in sorted((c for c in tok.lefts if c.dep_ in _LABEL_DEPS), key=lambda c: -c.i):
        if mod.i == start - 1 and mod.is_alpha and mod.lower_ not in lex.word_set("quantifier"):
            start = mod.i
            while start >= 2 and doc[start - 1].text == "-" and doc[start - 2].is_alpha:
                start -= 2  # "Kurdish-led forces", "British-flagged"
    return doc[start: tok.i + 1]


def _label(span: Span) -> str:
    """Lowercase but for names and peoples ("Moslem fundamentalist demonstrators")."""
    return " ".join(t.text if t.ent_type_ or t.pos_ == "PROPN" else t.lower_ for t in span)


def scope_of(document_id: str) -> str:
    """The part of an unnamed entity's key that scopes it to its document."""
    return hashlib.sha1(document_id.encode("utf-8")).hexdigest()[:6]


def label_of(tok: Token, lex: Lexicon) -> tuple[Span, str]:
    """The span an unnamed noun's label covers and the label ("suicide bomber")."""
    span = _label_span(tok, lex)
    return span, _label(span)


def is_participant(entity: Entity, document_id: str) -> bool:
    """Whether an entity is an unnamed participant of the given document (its key is its
    label's slug with that document's scope and a sentence number).

    >>> is_participant(Entity("gunmen-" + scope_of("d") + "-0", "gunmen", "ArmedGroup"), "d")
    True
    >>> is_participant(Entity("hamas", "Hamas", "ArmedGroup"), "d")
    False
    """
    prefix = f"{slugify(entity.label)}-{scope_of(document_id)}-"
    return entity.key.startswith(prefix) and entity.key[len(prefix):].isdigit()


def generic_participants(st: Resolution) -> None:
    """Make actors of the unnamed people and forces that take part in a clause of a
    document resolved so far (see the module docstring)."""
    rd, lex = st.rd, st.lex
    last: dict[str, str] = {}  # noun lemma -> key of its last participant in the document
    scope = scope_of(rd.document.id)
    for sent_no, sent in enumerate(rd.doc.sents):
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.i in rd.token_actor or not _takes_part(tok, lex):
                continue
            kin = tok.lemma_.lower() in lex.word_set("kin")  # "Navalny's brother" is not Navalny
            staff = tok.lemma_.lower() in lex.word_set("retinue")  # nor are "his aides"
            named = _named_in_apposition(rd, tok, lex, kin)
            if named:  # "her daughter, Makeda Mbewe", "his Chinese counterpart Wang Yi": the named one
                rd.token_actor[tok.i] = named
                rd.coreferent.add(tok.i)
                continue
            if not kin and any(rd.token_actor.get(c.i) and (
                    (c.dep_ == "poss" and not staff)
                    or (c.dep_ != "poss" and rd.entities[rd.token_actor[c.i]].type not in _NATIONALITY))
                               for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod", "poss"}):
                continue  # "Taliban gunmen", "its fighters": the resolver's, through the named actor
            if tok.dep_ == "compound" and any(rd.token_actor.get(c.i) for c in tok.head.lefts):
                continue  # "an Afghan army convoy": the named one's holding, through the name
            cls = participant_class(tok, lex)
            lemma = tok.lemma_.lower()
            titled = lemma in lex.titles  # "the former official": one person; "both leaders" refer back
            if cls is None or _said_whose(rd, tok, lex) or _abstract(tok, lex) or _joined_as_one(tok, lex) \
                    or (titled and tok.tag_ != "NN"):
                continue
            if any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
                continue  # "ordered patrols by police": an act the police do, no one
            if lemma in lex.word_set("body_of_people") and any(
                    participant_class(p, lex) for p in _of_objects(tok)):
                continue  # "a crowd of protesters": the protesters act
            definite = any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in tok.children)
            if definite and lemma in last:
                rd.token_actor[tok.i] = last[lemma]
                rd.coreferent.add(tok.i)
                continue
            span, label = label_of(tok, lex)
            one = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children)
            group = lemma in lex.word_set("group_noun")  # "a jury", "a militia": many
            entity_type = "Person" if (one and tok.tag_ == "NN" and not group) or titled else cls  # "a suicide bomber"
            key = f"{slugify(label)}-{scope}-{sent_no}"
            last[lemma] = st.add(Entity(key, label, entity_type), span)
