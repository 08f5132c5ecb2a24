"""Mentions to canonical entities, one document at a time.

:func:`resolve` reads a parsed spaCy ``Doc`` and decides which actor each
mention denotes. It merges spelling variants and aliases through the
gazetteer, learns acronyms ("Popular Mobilisation Forces (PMF)") and
names introduced by the text ("a group called X, also known as Y"), keeps
kinds apart (a state, its forces, its officials), links a surname back to
the full name and a definite description ("the group") or a pronoun
("he") to the one antecedent that fits, leaving it alone when unsure.

The result is a :class:`ResolvedDoc`: the entities of the document and a
map from token index to entity key, which extraction reads.

Examples
--------
>>> from kg.nlp import load_pipeline
>>> from kg.model import Document
>>> text = "The Popular Mobilisation Forces (PMF) met U.S. troops. The PMF left."
>>> rd = resolve(load_pipeline()(text), Document("d", text))
>>> sorted(rd.entities)
['popular-mobilization-forces', 'united-states', 'us-forces']
>>> rd.actor_at(rd.doc[-3])
'popular-mobilization-forces'
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from .lexicon import Lexicon, load_lexicon
from .model import Document, Entity, Mention
from .names import normalize_name, slugify
from .participants import generic_participants

__all__ = ["DerivedLink", "ResolvedDoc", "resolve"]

log = logging.getLogger(__name__)

#: spaCy entity labels that can denote an actor, place or facility.
_ACTOR_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})
_TYPE_OF_LABEL = {
    "PERSON": "Person",
    "NORP": "Collective",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Facility",
}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "dobj"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_ORG_TYPES = frozenset(
    {"ArmedGroup", "Organization", "InternationalOrganization", "PoliticalParty", "MilitaryForce",
     "GovernmentBody"}
)
_LEADING_DROP = frozenset({"the", "a", "an"})
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
#: A task force's designator before its number: "CTF 150", "JTF 4", "TF 58".
_TASK_FORCE = re.compile(r"^C?J?C?TF$")
#: Relations of a stance towards an actor (never towards a place).
_STANCES = frozenset({"accused", "blamed", "criticized", "condemned", "supported", "rejected", "demanded"})
#: Prepositions whose object is a place, whatever the tagger says ("in Kismayo").
_LOCATIVE = frozenset({"in", "near", "outside", "around", "inside", "across", "throughout"})
#: Prepositions a tagger sometimes takes for the first word of a name ("Near Rawah", "Outside Kyiv").
_LEADING_PREPOSITIONS = frozenset({"near", "outside", "around", "inside", "across", "in", "at"})
_MALE = frozenset({"he", "him", "his"})
_PARTITIVES = frozenset({"some", "others", "many", "most", "several"})
_SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
_FIRST_PERSON = frozenset({"we", "i", "us", "our", "me"})
_FIRST_SINGULAR = frozenset({"i", "me"})
_GROUP_POSSESSIVES = frozenset({"its", "their"})
_FEMALE = frozenset({"she", "her"})


@dataclass(frozen=True, slots=True)
class DerivedLink:
    """A relation implied by how a mention is worded ("U.S. forces" -> partOf US).

    ``start``/``end`` are the mention's token offsets in the spaCy doc.
    """

    subject: str
    predicate: str
    object: str
    start: int
    end: int
    rule: str


@dataclass(slots=True)
class ResolvedDoc:
    """A parsed document with its mentions resolved to entities.

    ``offset`` is where this parsed segment starts in ``document.text``
    (long texts are parsed in segments).
    """

    document: Document
    doc: Doc
    offset: int = 0
    entities: dict[str, Entity] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    links: list[DerivedLink] = field(default_factory=list)
    coreferent: set[int] = field(default_factory=set)
    also: dict[int, tuple[str, ...]] = field(default_factory=dict)  # "Armenian and Azerbaijani forces"

    def actor_at(self, token: Token) -> str | None:
        """The entity key a token belongs to, or ``None``."""
        return self.token_actor.get(token.i)

    def entity(self, key: str) -> Entity:
        """The entity of a key."""
        return self.entities[key]

    def parents(self, key: str) -> set[str]:
        """What the wording of an entity's mentions makes it part of ("U.S. forces" -> the US)."""
        return {link.object for link in self.links if link.subject == key and link.predicate == "partOf"}


class _Resolver:
    def __init__(self, doc: Doc, document: Document, offset: int, gaz: Gazetteer, lex: Lexicon):
        self.rd = ResolvedDoc(document, doc, offset)
        self.gaz = gaz
        self.lex = lex
        self.local_alias: dict[str, str] = {}  # normalized name -> key, learnt in this document
        self.order: list[tuple[int, str]] = []  # (token index, key) of every mention
        self._named_keys: set[str] = set()
        self._unit_heads = frozenset(w.split()[-1] for w in lex.units)
        self._title_words = frozenset(w for title in lex.titles for w in title.replace("-", " ").split())

    # -- registering ------------------------------------------------------------
    def _add(self, entity: Entity, span: Span, *, head_only: Token | None = None, alias: bool = True) -> str:
        known = self.rd.entities.get(entity.key)
        surface = _surface(span)
        new = Entity(
            entity.key, entity.label, entity.type,
            tuple(sorted({*entity.aliases, *([surface] if alias else [])} - {entity.label})),
            entity.wikidata, entity.coordinates,
        )
        self.rd.entities[entity.key] = known.merged(new) if known else new
        for tok in span:
            self.rd.token_actor.setdefault(tok.i, entity.key)
        self.rd.mentions.append(
            Mention(surface, self.rd.offset + span.start_char, self.rd.offset + span.end_char, entity.key)
        )
        self.order.append((span.root.i, entity.key))
        self.local_alias.setdefault(normalize_name(surface), entity.key)
        entry = self.gaz.get(entity.key)
        parent = self.gaz.get(entry.part_of) if entry is not None and entry.part_of else None
        names = {n.lower() for n in (parent.label, *parent.aliases, *parent.demonyms)} if parent else set()
        if parent is not None and any(t.lower_ in names for t in span):
            # "Iran's Revolutionary Guards", "the Israeli military": the name says whose it is
            self.rd.entities.setdefault(parent.key, self._from_entry(parent))
            link = DerivedLink(entity.key, "partOf", parent.key, span.start, span.end, "resolve.gazetteer-part-of")
            if link not in self.rd.links:
                self.rd.links.append(link)
        return entity.key

    def _from_entry(self, entry: GazetteerEntry) -> Entity:
        return Entity(
            key=entry.key, label=entry.label, type=entry.type,
            wikidata=entry.wikidata,
            coordinates=tuple(entry.coords) if entry.coords else None,
        )

    # -- named entities -----------------------------------------------------------
    def named_entities(self) -> None:
        doc = self.rd.doc
        self._named_keys = {ent.kb_id_ for ent in doc.ents if ent.kb_id_}
        for ent in doc.ents:
            if ent.label_ not in _ACTOR_LABELS:
                continue
            span = _trim(ent)
            if span is None:
                continue
            span = self._people_span(self._unit_span(span))
            label = ent.label_
            if label == "PERSON" and doc[ent.start].lower_ in _LEADING_PREPOSITIONS and span.start > ent.start:
                label = "LOC"  # "Near Rawah": what one is near is a place
            elif (label == "PERSON" and span.root.dep_ == "pobj" and span.root.head.lower_ in _LOCATIVE
                    and not span.root.ent_kb_id_):
                label = "LOC"  # "fighting in Kismayo": no one is fought in
            head = span.root.head
            if (span.root.dep_ == "compound" and head.i == span.end and head.lower_ in self.lex.word_set("tribe")
                    and not span.root.ent_kb_id_ and self.gaz.lookup(_surface(span)) is None):
                span = doc[span.start : head.i + 1]  # "the Al Bu Nimr tribe": a tribe, whatever the tagger says
                self._add(Entity(slugify(_surface(span)), _surface(span), "Collective"), span)
                continue
            entity = self._resolve_span(span, label)
            if entity is not None:
                entity = self._qualified(span, entity)
                self._add(entity, span)
                if entity.type == "Facility":
                    self._place_in_name(entity.key, span)

    def _named_earlier(self, span: Span) -> str | None:
        """The facility an earlier, longer name of this one stands for ("the U.S.
        embassy" after "the U.S. Embassy in Baghdad")."""
        norm = normalize_name(_surface(span))
        found = {key for alias, key in self.local_alias.items()
                 if alias.startswith(norm + " in ") and self.rd.entities[key].type == "Facility"}
        return found.pop() if len(found) == 1 else None

    def _people_span(self, span: Span) -> Span:
        """A people's name and a noun for its members as such name the people: "Yazidi
        civilians", "the Rohingya population" (``lexicon/words/people.txt``)."""
        root = span.root
        entry = self.gaz.get(root.ent_kb_id_) if root.ent_kb_id_ else None
        head = root.head
        if (entry is None or entry.type != "Collective" or root.dep_ not in {"compound", "amod", "nmod"}
                or head.i != span.end or head.pos_ != "NOUN" or head.lower_ not in self.lex.word_set("people")):
            return span
        return span.doc[span.start : head.i + 1]

    def _is_unit(self, span: Span) -> bool:
        words = [t.lower_ for t in span]
        return any(w in self.lex.units or f"{a} {w}" in self.lex.units for a, w in zip(["", *words], words))

    def _unit_span(self, span: Span) -> Span:
        """A unit's number belongs to its name: "the 10th Mountain Division" (a tagger may
        leave "10th" out), "CTF 50", "Task Force 153"."""
        doc = span.doc
        start, end = span.start, span.end
        if start > 0 and _ORDINAL.match(doc[start - 1].text) and self._is_unit(span):
            start -= 1
        if end < len(doc) and doc[end].like_num and doc[end].text.isdigit() and (
                self._is_unit(span) or (len(span) == 1 and span[0].is_upper)):
            end += 1
        return doc[start:end] if (start, end) != (span.start, span.end) else span

    def unit_names(self) -> None:
        """Unit names the tagger missed: an ordinal, capitalised words, a unit word
        ("the 158th Fighter Wing", "3rd Battalion")."""
        doc = self.rd.doc
        for tok in doc:
            if not _ORDINAL.match(tok.text) or tok.i in self.rd.token_actor:
                continue
            end = tok.i + 1
            while end < len(doc) and doc[end].is_title and end not in self.rd.token_actor and end - tok.i <= 5:
                end += 1
            span = doc[tok.i : end]
            while len(span) > 1 and not (span[-1].lower_ in self.lex.units
                                         or f"{span[-2].lower_} {span[-1].lower_}" in self.lex.units):
                span = span[:-1]
            if len(span) > 1 and span[-1].lower_ in self._unit_heads:
                label = _surface(span)
                self._add(self._qualified(span, Entity(slugify(label), label, "MilitaryForce")), span)
        for tok in doc:  # task forces named by number: "Task Force 58", "CTF 150", "JTF-Bravo" aside
            if tok.i in self.rd.token_actor or not tok.like_num or not tok.text.isdigit() or tok.i == 0:
                continue
            before = doc[tok.i - 1]
            if _TASK_FORCE.match(before.text) and before.i not in self.rd.token_actor:
                span = doc[before.i : tok.i + 1]
            elif before.is_title and before.i not in self.rd.token_actor:
                start = before.i
                while start > 0 and doc[start - 1].is_title and start - 1 not in self.rd.token_actor \
                        and before.i - start < 4:
                    start -= 1
                span = doc[start : tok.i + 1]
                words = [t.lower_ for t in span[:-1]]
                if words[-1] in self.lex.word_set("ambiguous_unit") or not (words[-1] in self._unit_heads and (
                        words[-1] in self.lex.units or " ".join(words[-2:]) in self.lex.units)):
                    continue
                if span[0].i == span.sent.start and span[0].lower_ in _LEADING_DROP:
                    span = span[1:]
            else:
                continue
            label = _surface(span)
            self._add(Entity(slugify(label), label, "MilitaryForce"), span)
        for tok in doc:  # warships: "USS Carney", "HMS Daring" (a ship prefix and a capitalised name)
            if self.lex.vessels.get(tok.text) != "prefix" or tok.i in self.rd.token_actor:
                continue
            end = tok.i + 1
            while end < len(doc) and doc[end].is_title and end not in self.rd.token_actor and end - tok.i <= 3:
                end += 1
            if end > tok.i + 1:
                label = _surface(doc[tok.i : end])
                self._add(Entity(slugify(label), label, "MilitaryForce"), doc[tok.i : end])

    def _qualified(self, span: Span, entity: Entity) -> Entity:
        """A unit named only by its number is named with the unit it belongs to: "2nd
        Battalion, 5th Special Forces Group" is "2nd Battalion (5th Special Forces Group)",
        not the same node as every other army's 2nd Battalion."""
        doc = span.doc
        if (entity.type in {"Person", "Collective"} and span[-1].lower_ in self._unit_heads
                and self.gaz.get(entity.key) is None):
            entity = Entity(entity.key, entity.label, "MilitaryForce")  # "Abel Battery" is no person
        if (len(span) != 2 or self.gaz.get(entity.key) is not None or span[-1].lower_ not in self._unit_heads
                or not (_ORDINAL.match(span[0].text) or span[0].is_title)):
            return entity
        if span.end + 1 >= len(doc) or doc[span.end].text != ",":
            return entity
        start = span.end + 1
        while start < len(doc) and doc[start].lower_ == "the":
            start += 1
        end = start
        while end < len(doc) and (doc[end].is_title or _ORDINAL.match(doc[end].text)) and end - start < 6:
            end += 1
        parent = doc[start:end]
        if len(parent) < 2 or not self._is_unit(parent):
            return entity
        label = f"{_surface(span)} ({_surface(parent)})"
        return Entity(slugify(label), label, entity.type)

    def _place_in_name(self, key: str, span: Span) -> None:
        """A place written inside a facility's name ("the U.S. Embassy in Baghdad") is
        where the facility is."""
        ins = [t for t in span if t.lower_ in {"in", "of"} and t.i + 1 < span.end]
        if not ins:
            return
        rest = self.rd.doc[ins[-1].i + 1 : span.end]
        entry = self.gaz.lookup(_surface(rest))
        if entry is None or entry.type not in {"Place", "State"} or entry.key == key:
            return
        self.rd.entities.setdefault(entry.key, self._from_entry(entry))
        self.rd.links.append(DerivedLink(key, "locatedIn", entry.key, rest.start, rest.end, "resolve.name-place"))

    def _resolve_span(self, span: Span, label: str) -> Entity | None:
        text = _surface(span)
        norm = normalize_name(text)
        if not norm:
            return None
        if len(span) == 1 and span[0].pos_ in {"VERB", "ADJ", "ADV"} and not span.root.ent_kb_id_ \
                and label in {"ORG", "PERSON"} and self.gaz.lookup(text) is None and self.gaz.demonym(text) is None:
            return None  # "Coordinated" opening a quote is no organisation
        if label in {"ORG", "NORP"} and not span.root.ent_kb_id_ and (
                norm in self.lex.actor_nouns or norm.rstrip("s") in self.lex.actor_nouns):
            return None  # "the Government (of Iraq)", "Police": the noun phrase decides
        following = span.doc[span.end] if span.end < len(span.doc) else None
        if label == "ORG" and not span.root.ent_kb_id_ and text.lower() in self.lex.titles:
            return None  # "Rear Admiral" before a name is a rank, no organisation
        if label == "ORG" and len(span) > 1 and not span.root.ent_kb_id_ and self.gaz.lookup(text) is None:
            end = span.end - 1 if span[-1].lower_ == "of" else span.end  # the tagger may take "of" in
            doc = span.doc
            if (end - span.start > 1 and doc[end - 1].lower_ in self.lex.actor_nouns and end + 1 < len(doc)
                    and doc[end].lower_ == "of" and self._state_of(doc[end + 1]) is not None):
                return None  # "the Federal Government of Iraq": the state's government, as the noun phrase says
        if (label in {"ORG", "GPE"} and len(span) == 1 and following is not None and not span.root.ent_kb_id_
                and following.lower_ in self._title_words):
            return None  # "Defense" in "Defense Secretary Ash Carter" is part of a title
        if (label in {"ORG", "GPE"} and len(span) == 1 and span.start >= 2 and not span.root.ent_kb_id_
                and span.doc[span.start - 1].lower_ == "of"
                and f"{span.doc[span.start - 2].lower_} of {span.root.lower_}" in self.lex.titles):
            return None  # "State" in "Secretary of State"
        first = span.root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "Tokyo and Washington agreed": both subjects
        if first.dep_ in _SUBJECT_DEPS or (first.dep_ == "pobj" and (
                first.head.lower_ in {"by", "with", "against"}  # "talks with Tehran", "war against Kyiv"
                or (first.head.lower_ == "of" and (first.head.head.lemma_.lower() in self.lex.word_set("party")
                                                    or self._verbal_noun(first.head.head))))) or (
                first.dep_ == "poss" and (first.head.lemma_.lower() in self.lex.nouns  # "Moscow's offensive"
                                          # "Seoul's offer"
                                          or first.head.lemma_.lower() in self.lex.word_set("stance"))):
            metonym = self.gaz.metonym(text)
            if metonym is not None:
                return self._from_entry(metonym)
        if label != "NORP" and self.gaz.lookup(text) is None and self.gaz.demonym(text) is not None:
            label = "NORP"  # the tagger sometimes calls "Azerbaijani" a person
        kb = span.root.ent_kb_id_ or span[0].ent_kb_id_
        entry = self.gaz.get(kb) if kb else None
        if entry is None and text.islower() and label in {"GPE", "LOC", "ORG", "PERSON", "FAC"}:
            return None  # "the west bank of the Dnipro": a name the tagger saw in common words
        entry = entry or self.gaz.lookup(text)
        ambiguous = self.lex.ambiguous.get(text.lower()) if entry is not None else None
        if ambiguous is not None and ambiguous[0] == entry.key and not ambiguous[1] & self._named_keys:
            # "the Coalition" in a story with no ISIS in it is some other coalition
            return Entity(slugify(text), text, entry.type)
        if entry is not None and entry.type == "Collective" and _modifies_noun(span):
            return None  # "Rohingya militants", "Druze leaders": the noun phrase names the actor
        if entry is not None:
            return self._from_entry(entry)
        if norm in self.local_alias:
            return self.rd.entities[self.local_alias[norm]]
        if label == "NORP":
            state = self.gaz.demonym(text)
            if state is not None and _is_modifier(span):
                return self._from_entry(state)  # "Iraqi" in "Iraqi officials", "Israeli strikes"
            if _is_modifier(span) or text[-1:] != "s":
                return None  # a bare adjective names no actor
            if state is not None:
                return Entity(slugify(text), text, "Collective")
        if label == "PERSON" or (len(span) == 1 and span[0].is_title and label in {"ORG", "GPE", "LOC"}):
            # "Lammy" after "David Lammy", whatever the tagger calls it; "Kim" after "Kim Jong Un"
            earlier = self._person_by_surname(span)
            if earlier is not None:
                return self.rd.entities[earlier]
        etype = _TYPE_OF_LABEL[label]
        if len(span) > 1 and self.lex.vessels.get(span[0].text) == "prefix":
            etype = "MilitaryForce"  # "USS Carney", "HMS Diamond": a warship, whatever the tagger says
        elif (span.root.dep_ == "compound" and span.root.head.lower_ in self.lex.word_set("place_division")
              and span.root.head.i == span.end):
            etype = "Place"  # "the Essequibo region", "the Kherson oblast": a place, whatever the tagger says
        elif label == "ORG" and (_TASK_FORCE.match(span[0].text) or (
                len(words := [t.lower_ for t in span if not t.like_num]) > 1
                and (words[-1] in self.lex.word_set("military_service")
                     or f"{words[-2]} {words[-1]}" in self.lex.word_set("military_service")))):
            etype = "MilitaryForce"  # "the Royal Air Force", "the 3rd Infantry Division": a state's force or unit
        elif len(span) > 1 and label in {"ORG", "PERSON"} and span[-1].lower_ in self.lex.facilities:
            etype = "Facility"  # "Tiyas Military Airfield", "Abu Ghraib Prison": a facility, whatever the tagger says
        return Entity(slugify(text), text, etype)

    def _verbal_noun(self, noun: Token) -> bool:
        """A noun of a stance taken towards someone ("condemnation of Manila"): its "of" object
        is an actor, so a capital there stands for its state."""
        trig = self.lex.nouns.get(noun.lemma_.lower())
        return trig is not None and trig.predicate in _STANCES

    def _person_by_surname(self, span: Span) -> str | None:
        if len(span) > 2:
            return None
        last = normalize_name(span[-1].text)
        people = [e for e in self.rd.entities.values() if e.type == "Person" and len(e.label.split()) > len(span)]
        found = {e.key for e in people if normalize_name(e.label.split()[-1]) == last}
        if not found and len(span) == 1:  # a family name written first: "Kim Jong Un", "Mahathir Mohamad"
            found = {e.key for e in people if normalize_name(e.label.split()[0]) == last}
        return found.pop() if len(found) == 1 else None

    # -- names the text introduces --------------------------------------------------
    def introductions(self) -> None:
        """Acronyms in brackets, "called X", "also known as Y", typed appositives."""
        doc = self.rd.doc
        for tok in doc:
            # "Popular Mobilisation Forces (PMF)"
            if tok.text == "(" and tok.i + 2 < len(doc) and doc[tok.i + 2].text == ")":
                acro = doc[tok.i + 1]
                before = self.rd.token_actor.get(tok.i - 1)
                if before and acro.text.isupper() and 2 <= len(acro.text) <= 8:
                    self._add(self.rd.entities[before], doc[acro.i : acro.i + 1])
            lemma = tok.lemma_.lower()
            if lemma in self.lex.word_set("naming") and tok.dep_ in {"acl", "relcl", "advcl"}:
                self._introduction(tok)
            if tok.dep_ == "appos" or (tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and any(
                    c.dep_ == "nsubj" and c.i < tok.left_edge.i for c in tok.head.children)):
                # (a parser sometimes makes ", an organization comprising ..." a second subject)
                self._appositive(tok)

    def _introduction(self, verb: Token) -> None:
        head = verb.head
        named = [c for c in verb.children if c.dep_ in {"oprd", "attr", "dobj", "xcomp", "ccomp"}]
        if verb.lemma_.lower() in self.lex.word_set("also_known"):
            # "X, also known as Y": Y is an alias of the actor X
            key = self.rd.token_actor.get(head.i)
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    span = _trim(doc_span(pobj))
                    if key and span is not None:
                        self._add(self.rd.entities[key], span)
                    elif span is not None and head.lower_ in self.lex.actor_nouns:
                        key = self._new_actor(span, head)
                        self.rd.token_actor.setdefault(head.i, key)
            return
        for tok in named:
            span = _trim(doc_span(tok))
            if span is None or not any(t.is_title or t.is_upper for t in span):
                continue
            noun = self.lex.actor_nouns.get(head.lower_) or self.lex.actor_nouns.get(head.lemma_.lower())
            if noun is None:
                continue
            key = self._new_actor(span, head)
            self.rd.token_actor.setdefault(head.i, key)  # "a group called X ... claimed": X claimed

    def _state_body(self, key: str, noun: Token) -> None:
        """"the PMF, an Iraqi state paramilitary organization": a body of the state."""
        mods = [c for c in noun.lefts if c.dep_ in _MODIFIER_DEPS]
        if not any(m.lower_ in self.lex.word_set("state_body") for m in mods):
            return
        for mod in mods:
            state = self._state_of(mod)
            if state is not None and state.key != key:
                self.rd.entities.setdefault(state.key, self._from_entry(state))
                self.rd.links.append(DerivedLink(key, "partOf", state.key, mod.i, noun.i + 1, "resolve.state-body"))
                return

    def _just_before(self, appos: Token) -> str | None:
        """The actor named right before an appositive the parser hung elsewhere: in "a
        demonstration by members of the PMF, an Iraqi organization comprising ...", the
        organization is the PMF, not the demonstration."""
        i = appos.left_edge.i - 1
        doc = self.rd.doc
        if i < 0 or doc[i].text != ",":
            return None
        i -= 1
        if i >= 2 and doc[i].text == ")" and doc[i - 2].text == "(":
            i -= 3  # "the Popular Mobilisation Forces (PMF), an ..."
        key = self.rd.token_actor.get(i) if i >= 0 else None
        if key is None or self.rd.entities[key].type in {"Place", "Facility", "Person"}:
            return None
        return key

    def _new_actor(self, span: Span, noun_token: Token) -> str:
        noun = self.lex.actor_nouns.get(noun_token.lower_) or self.lex.actor_nouns[noun_token.lemma_.lower()]
        key = self.rd.token_actor.get(span.root.i)
        text = _surface(span)
        if key and self.gaz.get(key) is None:
            old = self.rd.entities[key]
            self.rd.entities[key] = Entity(old.key, old.label, noun.cls, old.aliases, old.wikidata, old.coordinates)
            return key
        if key:
            return key
        key = self._add(Entity(slugify(text), text, noun.cls), span)
        return key

    def _appositive(self, appos: Token) -> None:
        """'Kataib Hezbollah, an armed faction' types the actor from the noun;
        'Iraqi politician Hadi al-Amiri' lets the title noun stand for the person."""
        head = appos.head
        person = self.rd.token_actor.get(appos.i)
        if (person and head.i not in self.rd.token_actor and head.pos_ in {"NOUN", "PROPN"}
                and self.rd.entities[person].type == "Person"
                and (head.lower_ in self.lex.titles or head.lemma_.lower() in self.lex.titles)):
            self.rd.token_actor[head.i] = person
            return
        key = self.rd.token_actor.get(appos.head.i) or self._just_before(appos)
        if key and appos.pos_ == "NOUN" and appos.i not in self.rd.token_actor:
            # "Kataib Hezbollah, an armed faction with ties to Iran": the noun is the actor
            self.rd.token_actor[appos.i] = key
            self._state_body(key, appos)
        noun = self.lex.actor_nouns.get(appos.lower_) or self.lex.actor_nouns.get(appos.lemma_.lower())
        if not key or noun is None or self.gaz.get(key) is not None:
            return
        if self.rd.token_actor.get(appos.i):
            return
        old = self.rd.entities[key]
        if old.type in {"Person", "Organization", "Actor", "Collective"} and noun.cls not in {"Person"}:
            self.rd.entities[key] = Entity(old.key, old.label, noun.cls, old.aliases, old.wikidata, old.coordinates)

    # -- noun phrases: "U.S. troops", "Iraqi armed groups", "Iran-backed militias" ------
    def noun_phrases(self) -> None:
        doc = self.rd.doc
        for tok in doc:
            if tok.pos_ not in {"NOUN", "PROPN"} or tok.i in self.rd.token_actor:
                continue
            noun = self.lex.actor_nouns.get(tok.lower_) or self.lex.actor_nouns.get(tok.lemma_.lower())
            if noun is None or noun.cls in {"Person", "State"}:
                continue  # "the president", "the country" only ever refer back
            mods = [c for c in tok.lefts if c.dep_ in _MODIFIER_DEPS]
            if noun.derived is None and mods and _plural(tok, self.lex) and "State" in noun.refers_to \
                    and self._bloc_with_state(tok, mods, noun):
                continue
            state, state_tok = None, None
            for mod in mods:
                state = self._state_of(mod)
                if state is not None:
                    state_tok = mod
                    break
            end = tok.i + 1
            # "the Autonomous Administration in ... Syria" is a name of its own, "the Government of Iraq" not
            named = tok.is_title and any(m.is_title and m.i > tok.sent.start and self._state_of(m) is None
                                         and not self.rd.token_actor.get(m.i)
                                         and m.lower_ not in self.lex.word_set("form_of_government")
                                         for m in mods)
            if state is None and not named and not any(self.rd.token_actor.get(m.i) for m in mods):
                # "rebels in the Ivory Coast", "the government of Sudan"
                for prep in tok.rights:
                    # "troops in Iraq" are stationed there, not Iraq's: forces take only "of";
                    # but "police in Kenya", "security forces in Guinea" are the country's own
                    domestic = any(m.lower_ in self.lex.word_set("domestic_force") for m in (tok, *mods))
                    preps = {"of"} if noun.cls == "MilitaryForce" and not domestic else {"in", "of", "from"}
                    if prep.dep_ == "prep" and prep.lower_ in preps:
                        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                        if pobj is not None and self._state_of(pobj) is not None:
                            state, state_tok = self._state_of(pobj), tok
                            end = pobj.i + 1
                        break
            if state is None and noun.cls == "MilitaryForce" and not mods and tok.dep_ == "dobj" \
                    and tok.head.lemma_.lower() in self.lex.deploying:
                # "The United States maintains 2,500 troops in Iraq": the subject's forces
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                key = self.rd.token_actor.get(subj.i) if subj is not None else None
                entry = self.gaz.get(key) if key else None
                if entry is not None and entry.type == "State":
                    state, state_tok = entry, tok
            if state is not None and state.key not in self.rd.entities:
                self.rd.entities[state.key] = self._from_entry(state)  # named only through a demonym or capital
            ethnic = [m for m in mods if m.ent_type_ == "NORP" and m is not state_tok and self._state_of(m) is None]
            ethnic += [m for m in mods if m.lower_ in self.lex.word_set("against_the_state") and m is not state_tok]
            if noun.derived and state is not None and ethnic and state_tok is not tok:
                # "Afghan rebel leaders", "Syrian opposition officials" are not the state's either
                # "Syrian Kurdish forces" are not the Syrian state's: name them as written
                span = doc[min(_left_edge(state_tok), _left_edge(ethnic[0])) : tok.i + 1]
                label = _surface(span)
                self._add(Entity(slugify(label), label, noun.cls if noun.cls != "GovernmentBody" else "ArmedGroup"), span)
                continue
            prefixed = state is not None and (
                _prefixed(doc, _left_edge(state_tok)) != _left_edge(state_tok)
                or doc[_left_edge(state_tok)].lower_ in {"pro", "anti"})
            if noun.derived and prefixed:
                span = doc[_prefixed(doc, _left_edge(state_tok)) : tok.i + 1]  # "pro-Russian forces"
                label = _surface(span)
                self._add(Entity(slugify(label), label, "ArmedGroup" if noun.cls == "MilitaryForce" else noun.cls), span)
                continue
            if noun.derived and state is not None:
                label = f"{state.modifier or state.label} {noun.derived}"
                span = doc[min(_left_edge(state_tok), tok.i) : end]
                named = self._named_earlier(span) if noun.cls == "Facility" else None
                if named is not None:  # "the U.S. Embassy in Baghdad ... the U.S. embassy"
                    self._add(self.rd.entities[named], span)
                    continue
                # "Thai and Chinese governments" names two governments: no alias of one of them
                key = self._add(Entity(slugify(label), label, noun.cls), span,
                                alias=state_tok.i == tok.i or not state_tok.conjuncts)
                if noun.part_of_state:
                    self.rd.links.append(
                        DerivedLink(key, "partOf", state.key, span.start, span.end, "resolve.state-noun")
                    )
                # "Armenian and Azerbaijani forces": one more actor per coordinated state
                for other_tok in state_tok.conjuncts if state_tok.i != tok.i else ():
                    other = self._state_of(other_tok)
                    if other is None:
                        continue
                    self.rd.entities.setdefault(other.key, self._from_entry(other))
                    olabel = f"{other.modifier or other.label} {noun.derived}"
                    okey = slugify(olabel)
                    self.rd.entities.setdefault(okey, Entity(okey, olabel, noun.cls))
                    self.rd.also[tok.i] = (*self.rd.also.get(tok.i, ()), okey)
                    if noun.part_of_state:
                        self.rd.links.append(DerivedLink(okey, "partOf", other.key, other_tok.i,
                                                         other_tok.i + 1, "resolve.state-noun"))
                continue
            if noun.derived is None and state is not None and _plural(tok, self.lex):
                span = doc[_prefixed(doc, min(_left_edge(state_tok), tok.i)) : end]
                label = _surface(span) if end == tok.i + 1 else f"{state.modifier or state.label} {tok.text}"
                self._add(Entity(slugify(label), label, noun.cls), span)
                continue
            org = self._member_of(tok, mods, noun)
            if org is not None:  # "Hezbollah guerrillas", "NATO troops": the members act as the group
                self.rd.token_actor[tok.i] = org
                continue
            if noun.derived and state is None and noun.cls in {"MilitaryForce", "GovernmentBody"}:
                named = [m for m in mods if m.pos_ == "PROPN" and m.is_title and m.i > tok.sent.start]
                # "Kurdish forces", "Druze fighters": a people's forces, no state's
                ethnic = [m for m in mods if m.ent_type_ == "NORP" and m.is_title and m.dep_ in {"amod", "compound"}]
                if named or ethnic:  # "Allied troops" named by a capitalised modifier no gazetteer knows
                    start = min(_left_edge(m) for m in named + ethnic)
                    span = doc[start : tok.i + 1]
                    label = _surface(span)
                    cls = "ArmedGroup" if ethnic and not named and noun.cls == "MilitaryForce" else noun.cls
                    self._add(Entity(slugify(label), label, cls), span)
                    continue
            if noun.derived is None and mods and _plural(tok, self.lex):
                first = self._group_modifier_start(tok, mods)
                if first is not None:
                    span = doc[first : tok.i + 1]
                    label = _bloc_label(span, tok, self.lex) if "State" in noun.refers_to else _surface(span)
                    self._add(Entity(slugify(label), label, noun.cls), span)
                    continue
            # an unnamed collective with no state or group ("refugees", "Moslem fundamentalist
            # demonstrators") is left to the pass of unnamed participants (kg.participants)

    def _bloc_with_state(self, tok: Token, mods: list[Token], noun) -> bool:
        """"the U.S. and Western nations": a named state coordinated with the adjective
        of a bloc is an actor of its own next to the bloc ("Western nations")."""
        for mod in mods:
            state = self.rd.token_actor.get(mod.i)
            if mod.pos_ != "PROPN" or state is None or self.rd.entities[state].type != "State":
                continue
            adjs = [c for c in mod.conjuncts if c.pos_ == "ADJ" and c.i < tok.i]
            if not adjs:
                continue
            span = self.rd.doc[adjs[0].i : tok.i + 1]
            label = _bloc_label(span, tok, self.lex)
            self._add(Entity(slugify(label), label, noun.cls), span)
            self.rd.also[tok.i] = (*self.rd.also.get(tok.i, ()), state)
            return True
        return False

    def _member_of(self, tok: Token, mods: list[Token], noun) -> str | None:
        if noun.cls not in {"MilitaryForce", "ArmedGroup", "GovernmentBody", "Collective"}:
            return None
        for mod in mods:
            key = self.rd.token_actor.get(mod.i)
            if key and self.rd.entities[key].type in _ORG_TYPES:
                return key
            if key and self.rd.entities[key].type == "Person" and noun.cls == "GovernmentBody":
                return key  # "the Assad regime", "the Trump administration": the leader's government
        return None

    def _state_of(self, tok: Token) -> GazetteerEntry | None:
        key = self.rd.token_actor.get(tok.i)
        if key:
            entry = self.gaz.get(key)
            if entry is not None and entry.type != "State" and tok.dep_ == "pobj":
                return self.gaz.metonym(entry.label)  # "the government in Baghdad"
            if entry is not None:
                return entry if entry.type == "State" else None
        if tok.ent_type_ in {"NORP", "GPE", "PERSON"}:
            ent = next((e for e in self.rd.doc.ents if e.start <= tok.i < e.end), None)
            text = ent.text if ent is not None else tok.text
            for prefix in ("pro-", "anti-", "Pro-", "Anti-"):  # "Pro-Russian" names Russia
                text = text[len(prefix):] if text.startswith(prefix) else text
            entry = self.gaz.demonym(text) or self.gaz.lookup(text)
            if entry is not None and entry.type == "State":
                return entry
            if tok.dep_ == "pobj":  # "the government in Baghdad"
                return self.gaz.metonym(text)
        elif tok.is_title and tok.pos_ in {"ADJ", "PROPN"} and tok.dep_ in _MODIFIER_DEPS:
            entry = self.gaz.demonym(tok.text)  # "Ugandan troops" that the tagger left untyped
            if entry is not None and entry.type == "State":
                return entry
        return None

    def _group_modifier_start(self, head: Token, mods: list[Token]) -> int | None:
        """Start of "Iraqi armed groups" / "Iran-backed militias"; None without an actor modifier."""
        start = None
        for mod in mods:
            sub = list(mod.subtree)
            has_actor = any(
                t.ent_type_ in {"NORP", "GPE", "ORG"} or t.i in self.rd.token_actor for t in sub
            )
            pro = any(t.lower_.startswith("pro-") or t.lower_ == "pro" for t in sub)
            if has_actor or pro:
                s = sub[0].i
                start = s if start is None else min(start, s)
        if start is None:
            return None
        return _prefixed(head.doc, start)

    # -- coreference ------------------------------------------------------------------
    def coreference(self) -> None:
        doc = self.rd.doc
        sents = list(doc.sents)
        sent_index = {}
        for n, s in enumerate(sents):
            for t in s:
                sent_index[t.i] = n
        for tok in doc:
            if tok.i in self.rd.token_actor:
                continue
            low = tok.lower_
            if tok.pos_ == "PRON" and low in _SPEAKER_PRONOUNS and tok.dep_ in {"nsubj", "nsubjpass"}:
                key = self._speaker(tok)  # "Switzerland said it had expelled ...": it = Switzerland
                if key is None and low in _MALE | _FEMALE:
                    key = self._antecedent(tok, sent_index, sents, {"Person"}, window=1)
            elif tok.pos_ == "PRON" and low in _FIRST_PERSON and (
                    key := self._speaker(tok, self._clause_of(tok))) is not None:
                pass  # '"Israel attacked us," Hamas said', '"our forces will respond"'
            elif tok.pos_ == "PRON" and low in _GROUP_POSSESSIVES and tok.dep_ == "poss":
                keys = self._possessor(tok)  # "backs the army in its fight", "X remains firm in its support"
                if not keys:
                    continue
                key, others = keys[0], keys[1:]
                if others:
                    self.rd.also[tok.i] = others
            elif tok.pos_ == "PRON" and low in _MALE | _FEMALE:
                key = self._antecedent(tok, sent_index, sents, {"Person"}, window=1)
            elif low in _PARTITIVES and tok.dep_ == "nsubj" and not any(c.dep_ == "prep" for c in tok.children):
                key = self._partitive(tok)  # "Leaders of X blamed Israel, while some criticized ..."
                if key is None:
                    continue
            elif tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.children if c.dep_ == "det"):
                noun = self.lex.actor_nouns.get(low)
                if noun is None or any(c.dep_ in _MODIFIER_DEPS for c in tok.lefts):
                    continue
                if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
                    continue  # "the movement of Palestinian workers" says what it is: no anaphor
                if noun.cls == "Collective" and "State" in noun.refers_to:
                    continue  # "the countries" are several states, not the last one named
                key = self._antecedent(tok, sent_index, sents, noun.refers_to, window=2)
                if key and noun.derived and self.rd.entities[key].type not in {"State"} \
                        and noun.derived not in self.rd.entities[key].label.lower():
                    key = None  # "the government" is no Congress, "the army" no ministry
            else:
                continue
            if key:
                self.rd.token_actor[tok.i] = key
                self.rd.coreferent.add(tok.i)

    def _possessor(self, pron: Token) -> tuple[str, ...]:
        """Who "its" / "their" stand for: the one supported when the phrase hangs on
        a verb or noun of support ("backs the army in its fight against X",
        "support for Kurdish fighters in their battle"), else the subject of the
        clause ("The UK remains steadfast in its support"). Persons are never
        "its"; "its" needs a singular antecedent."""
        found = self._supported_before(pron)
        if found:
            return found
        t = pron.head
        for _ in range(6):
            h = t.head
            if h.i == t.i:
                return ()
            if h.lemma_.lower() in self.lex.word_set("support"):
                objs = [c for c in h.children if c.dep_ in {"dobj", "obj"}]
                objs += [p for c in h.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "to", "with", "by"}
                         for p in c.children if p.dep_ == "pobj"]
                found = self._group_keys(objs, pron)
                if found:
                    return found
            if h.pos_ in {"VERB", "AUX"}:
                subj = next((c for c in h.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and pron.i in {x.i for x in subj.subtree}:
                    if h.dep_ in {"ccomp", "conj"} and h.head.i != h.i:
                        t = h  # "Israel said its forces struck ...": the speaker
                        continue
                    return ()
                while subj is None and h.dep_ in {"conj", "xcomp", "advcl"} and h.head.i != h.i:
                    h = h.head
                    subj = next((c for c in h.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                return self._group_keys([subj] if subj is not None else [], pron)
            t = h
        return ()

    def _supported_before(self, pron: Token) -> tuple[str, ...]:
        """The one supported by a phrase of support that ends right before the pronoun's
        phrase, where the parser hung that phrase higher up: "committed to its support of the
        Peshmerga in their fight against ISIS" (their: the Peshmerga's)."""
        noun = pron.head
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.i == 0:
            return ()
        prep = noun.head
        t = pron.doc[prep.i - 1]
        for _ in range(6):
            if t.right_edge.i != prep.i - 1 or t.i >= prep.i:
                return ()
            if t.lemma_.lower() in self.lex.word_set("support") and t.pos_ == "NOUN" and prep.head.i != t.i:
                objs = [p for c in t.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "to"}
                        for p in c.children if p.dep_ == "pobj"]
                return self._group_keys(objs, pron)
            if t.head.i == t.i:
                return ()
            t = t.head
        return ()

    def _group_keys(self, toks: list[Token], pron: Token) -> tuple[str, ...]:
        keys: list[str] = []
        for tok in toks:
            for t in (tok, *tok.conjuncts):
                key = self.rd.token_actor.get(t.i)
                part = t.lower_ in self.lex.word_set("part") or t.lower_ in self.lex.word_set("place_kind")
                if key is None and part:  # "The Members of the Security Council ... their"
                    of = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj"]
                    key = self.rd.token_actor.get(of[0].i) if of else None
                if key is None or t.i >= pron.i or self.rd.entities[key].type == "Person":
                    continue
                if pron.lower_ == "its" and (t.tag_ == "NNS" or tok.conjuncts):
                    continue
                if key not in keys:
                    keys.append(key)
        return tuple(keys)

    def _partitive(self, tok: Token) -> str | None:
        """'some' as a subject: part of the subject of the clause it is joined to."""
        clause = tok.head
        if clause.dep_ not in {"advcl", "conj"}:
            return None
        main = clause.head
        subj = next((c for c in main.children if c.dep_ == "nsubj"), None)
        while subj is not None and self.rd.token_actor.get(subj.i) is None:
            of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            subj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return self.rd.token_actor.get(subj.i) if subj is not None else None

    @staticmethod
    def _clause_of(tok: Token) -> Token:
        """The verb whose clause a word is in ("us" in "attacked us", "our" in "our forces")."""
        t = tok.head
        for _ in range(4):
            if t.pos_ in {"VERB", "AUX"} or t.head.i == t.i:
                break
            t = t.head
        return t

    def _speaker(self, pron: Token, clause: Token | None = None) -> str | None:
        clause = pron.head if clause is None else clause
        for _ in range(4):
            while clause.dep_ == "conj" and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ in {"ccomp", "parataxis"} and clause.head.lemma_.lower() in self.lex.speech:
                break
            # in a quote, "we" and "I" are the speaker however deep the clause
            if pron.lower_ in _FIRST_PERSON and clause.dep_ in {"ccomp", "advcl", "xcomp"} \
                    and clause.head.i != clause.i:
                clause = clause.head
                continue
            return None
        else:
            return None
        subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        key = self.rd.token_actor.get(subj.i)
        if key is None:
            return None
        person = self.rd.entities[key].type == "Person"
        if person and pron.lower_ in _FIRST_PERSON - _FIRST_SINGULAR:
            return self._affiliation(subj)  # '"We ...," said General X of US Africa Command'
        if (pron.lower_ in _MALE | _FEMALE | _FIRST_SINGULAR) != person:
            return None  # "he" needs a person, "it"/"they" an organisation or state
        return key

    def _affiliation(self, person: Token) -> str | None:
        """The organisation a speaker is named with: "General X of US Africa Command",
        "X, the CJTF-OIR spokesperson", "Pentagon spokesman X"."""
        near = [t for c in person.children if c.dep_ == "prep" and c.lower_ == "of"
                for t in c.children if t.dep_ == "pobj"]
        for c in person.children:
            if c.dep_ == "appos":
                near += [c, *(m for m in c.children if m.dep_ in {"compound", "amod", "poss", "nmod"})]
        near += [c for c in person.children if c.dep_ in {"compound", "nmod"} and c.i < person.i]
        for t in near:
            key = self.rd.token_actor.get(t.i)
            if key is not None and self.rd.entities[key].type not in {"Person", "Place", "Facility"}:
                return key
        return None

    def _antecedent(self, tok, sent_index, sents, classes, window) -> str | None:
        n = sent_index[tok.i]
        lo = sents[max(0, n - window)].start
        cands = [key for i, key in sorted(self.order)
                 if lo <= i < tok.i and self.rd.entities[key].type in classes]
        if not cands:
            return None
        if tok.pos_ == "PRON":
            # a pronoun is resolved only when a single person fits
            return cands[-1] if len(set(cands)) == 1 else None
        return cands[-1]

    def hyphened_demonyms(self) -> None:
        """A state's adjective before "-backed", "-led", "-allied" ... names the state, whatever the
        tagger says: "the Turkish-backed Syrian National Army", "the Iranian-backed Lebanese group"."""
        doc = self.rd.doc
        forms = {m.form for m in self.lex.modifiers if m.kind == "compound"}
        for tok in doc[: max(0, len(doc) - 2)]:
            if (tok.i in self.rd.token_actor or not tok.is_title or doc[tok.i + 1].text not in {"-", "–"}
                    or doc[tok.i + 2].lower_ not in forms):
                continue
            entry = self.gaz.demonym(tok.text)
            if entry is not None and entry.type == "State":
                self._add(self._from_entry(entry), doc[tok.i : tok.i + 1])

    def party_nouns(self) -> None:
        """A state's adjective on a noun of allies or backers names the state, and the possessor
        is aligned with or backed by it: "Syrian government forces and their Russian allies"
        (Russia; the forces alignedWith Russia), "Hamas and its Iranian backers" (Hamas backedBy Iran)."""
        doc = self.rd.doc
        for tok in doc:
            lemma = tok.lemma_.lower()
            predicate = ("alignedWith" if lemma in self.lex.word_set("ally")
                         else "backedBy" if lemma in self.lex.word_set("backer") else None)
            if predicate is None or tok.pos_ != "NOUN" or tok.i in self.rd.token_actor:
                continue
            states = [e for m in tok.lefts if m.dep_ in {"amod", "compound"} and m.is_title
                      for e in (self._state_of(m),) if e is not None]
            if len(states) != 1 or any(c.dep_ == "appos" for c in tok.children):
                continue  # "his Chinese partner, Fang Yedun": a person, named
            state = states[0]
            self.rd.entities.setdefault(state.key, self._from_entry(state))
            self.rd.token_actor[tok.i] = state.key
            for poss in (c for c in tok.children if c.dep_ == "poss"):
                owner = self.rd.token_actor.get(poss.i)
                if owner is None and poss.pos_ == "PRON" and tok.dep_ == "conj":
                    owner = self.rd.token_actor.get(tok.head.i)  # "Hamas and its Iranian backers": Hamas's
                if owner is not None and owner != state.key and self.rd.entities[owner].type != "Person":
                    self.rd.links.append(DerivedLink(owner, predicate, state.key, poss.i, tok.i + 1,
                                                     f"resolve.party-noun:{tok.lemma_.lower()}"))

    def run(self) -> ResolvedDoc:
        self.named_entities()
        self.unit_names()
        self.introductions()
        self.named_entities_again()
        self.hyphened_demonyms()
        self.noun_phrases()
        self.title_nouns()
        self.coreference()
        generic_participants(self.rd, self.lex, self._add)  # "gunmen", "police", "protesters"
        self.party_nouns()
        return self.rd

    # -- titles standing for a person: "The Foreign Secretary met ...", "the Iraqi prime minister" ----
    def title_nouns(self) -> None:
        """A title without a name stands for its holder.

        It refers back to the last person the document named with that title
        ("Defense Secretary Ash Carter ... the secretary"); otherwise a title
        with a state ("the Iraqi prime minister", "Russia's foreign minister")
        or a capitalised definite title ("The Foreign Secretary") is a new
        person. A lowercase bare title ("the minister") with no antecedent
        names no one.
        """
        doc = self.rd.doc
        holders: list[tuple[int, tuple[str, ...], str | None, str]] = []  # (start, title words, state, person)
        for start, key in sorted(self.order):
            if self.rd.entities[key].type != "Person":
                continue
            words, state = self._title_before(start, key)
            if words:
                holders.append((start, words, state, key))
        for tok in doc:
            if (tok.pos_ not in {"NOUN", "PROPN"} or tok.i in self.rd.token_actor or tok.tag_ in {"NNS", "NNPS"}
                    or tok.dep_ in {"compound", "amod"} or tok.lower_ not in self._title_words):
                continue
            nxt = self.rd.token_actor.get(tok.i + 1)
            if (tok.head.i > tok.i and self.rd.token_actor.get(tok.head.i)) or (
                    nxt and self.rd.entities[nxt].type == "Person"):
                continue  # "Iraqi politician Hadi al-Amiri": the title is part of the name
            if tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1
                                           and c.lower_ not in self._title_words and c.i not in self.rd.token_actor
                                           for c in tok.lefts):
                continue  # "the Galaxy Leader" is a ship's name, not a leader
            first = tok.i
            while (first > tok.sent.start and doc[first - 1].lower_ in self._title_words
                   and doc[first - 1].i not in self.rd.token_actor and doc[first - 1].head.i in range(first, tok.i + 1)):
                first -= 1
            last = tok.i
            if (tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 2].is_title
                    and f"{tok.lower_} of {doc[tok.i + 2].lower_}" in self.lex.titles):
                last = tok.i + 2  # "the US Secretary of State"
            words = tuple(t.lower_ for t in doc[first : last + 1])
            if not any(" ".join(words[n:]) in self.lex.titles for n in range(len(words))):
                continue
            if any(c.dep_ == "det" and c.lower_ in {"a", "an", "another", "one"} for c in tok.children):
                continue  # "a Hamas commander" is no one in particular (he acts as the group)
            if any(c.lower_ in self.lex.word_set("former") for c in tok.lefts):
                continue  # "the former French foreign minister": whose title, and since when, is unclear
            if (tok.dep_ == "attr" or (tok.dep_ == "pobj" and tok.head.lower_ == "as")
                    or any(self.rd.token_actor.get(t.i) and self.rd.entities[self.rd.token_actor[t.i]].type == "Person"
                           for c in tok.rights if c.dep_ in {"prep", "appos", "compound", "nmod"}
                           for t in c.subtree)):
                continue  # "served as NATO secretary general", "Minister of Armed Forces Florence Parly"
            state_tok = self._title_state(tok, first)
            state = self._state_of(state_tok) if state_tok is not None else None
            poss = next((c for c in tok.children if c.dep_ == "poss" and c.i < first), None)
            if state is None and poss is not None:
                key = self.rd.token_actor.get(poss.i)
                ent = next((e for e in self.rd.doc.ents if e.start <= poss.i < e.end), None)
                surface = ent.text if ent is not None else poss.text
                state = (self.gaz.metonym(surface) or self.gaz.metonym(self.rd.entities[key].label)) \
                    if key else None  # "Washington's envoy"
                state_tok = poss if state is not None else None
                if state is None and key is None:
                    continue  # "his envoy", "the group's chief": whose, this pass cannot say
            owner = (state.key, state.modifier or state.label) if state is not None else None
            if owner is None and poss is not None and self.rd.token_actor.get(poss.i):
                org = self.rd.token_actor[poss.i]  # "the Taliban's foreign minister"
                if self.rd.entities[org].type in _ORG_TYPES:
                    state_tok, owner = poss, (org, self.rd.entities[org].label)
            if owner is None and first > 0 and doc[first - 1].head.i in range(first, last + 1):
                org = self.rd.token_actor.get(first - 1)  # "the UN envoy", "the Hamas leader"
                if org and self.rd.entities[org].type in _ORG_TYPES:
                    state_tok, owner = doc[first - 1], (org, self.rd.entities[org].label)
            earlier = [h for h in holders if h[0] < first and h[1][-len(words):] == words
                       and (owner is None or h[2] == owner[0])]
            if earlier:
                key = earlier[-1][3]
                self.rd.token_actor[tok.i] = key
                self.rd.coreferent.add(tok.i)
                continue
            definite = any(c.lower_ == "the" for c in tok.children if c.dep_ == "det") or first == tok.sent.start
            if owner is not None:
                if state is not None:
                    self.rd.entities.setdefault(state.key, self._from_entry(state))
                title = " ".join(t.text for t in doc[first : last + 1])
                label = f"{owner[1]} {title}"
                lo = min(first, state_tok.i) if state_tok.i < first else first
                span = doc[lo : max(last, state_tok.i) + 1]
                key = self._add(Entity(slugify(label), label, "Person"), span)
                pred = next((self.lex.titles[" ".join(words[n:])] for n in range(len(words))
                             if " ".join(words[n:]) in self.lex.titles), None)
                if pred:
                    self.rd.links.append(DerivedLink(key, pred, owner[0], span.start, span.end, "resolve.title-noun"))
                holders.append((first, words, owner[0], key))
            elif definite and tok.is_title and not any(c.dep_ == "poss" for c in tok.children):
                span = doc[first : last + 1]
                label = _surface(span)
                key = self._add(Entity(slugify(label), label, "Person"), span)
                holders.append((first, words, None, key))

    def _title_before(self, start: int, key: str) -> tuple[tuple[str, ...], str | None]:
        """The title words written just before a person's name, and the state they name
        ("Iraqi Prime Minister Haider al-Abadi" -> ("prime", "minister"), "iraq")."""
        doc = self.rd.doc
        j = start - 1
        while j >= 0 and self.rd.token_actor.get(j) == key:
            j -= 1
        end = j + 1
        while j >= 0 and doc[j].lower_ in self._title_words and j not in self.rd.token_actor:
            j -= 1
        words = tuple(t.lower_ for t in doc[j + 1 : end])
        state = self._state_of(doc[j]) if j >= 0 and words else None
        return words, state.key if state is not None else None

    def _title_state(self, tok: Token, first: int) -> Token | None:
        """The state a title belongs to: "the Iraqi prime minister", "Russia's foreign
        minister", "the Prime Minister of Iraq"."""
        doc = self.rd.doc
        for child in tok.children:  # "Iran's U.N. ambassador": the possessor, whatever comes between
            if child.dep_ == "poss" and child.i < first and self._state_of(child) is not None:
                return child
        if first > 1 and doc[first - 1].tag_ == "POS" and doc[first - 2].dep_ == "poss" \
                and doc[first - 2].head.i == tok.i and self._state_of(doc[first - 2]) is not None:
            return doc[first - 2]  # "Russia's foreign minister"
        if first > 0 and doc[first - 1].head.i in range(first, tok.i + 1):
            before = doc[first - 1]
            if before.dep_ in {"amod", "compound", "nmod", "poss"} and self._state_of(before) is not None:
                return before
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and self._state_of(pobj) is not None:
                    return pobj
        return None

    def named_entities_again(self) -> None:
        """Later bare mentions of an acronym or alias learnt from the text ("the PMF")."""
        doc = self.rd.doc
        for tok in doc:
            if tok.i in self.rd.token_actor or not (tok.is_upper or tok.is_title) or tok.is_stop:
                continue
            key = self.local_alias.get(normalize_name(tok.text))
            if key and len(tok.text) >= 2:
                self._add(self.rd.entities[key], doc[tok.i : tok.i + 1])


def _prefixed(doc: Doc, start: int) -> int:
    """Move a phrase start back over "anti-" or "pro-": "anti-Pakistan militants" are not Pakistan's."""
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in {"anti", "pro"}:
        return start - 2
    return start


def doc_span(tok: Token) -> Span:
    """The span of a token's subtree."""
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def _trim(span: Span) -> Span | None:
    """Drop a leading article, trailing possessive and punctuation from a span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _LEADING_DROP or doc[start].is_punct
                           or ((doc[start].tag_ == "IN" or doc[start].lower_ in _LEADING_PREPOSITIONS)
                               and start + 1 < end)):
        start += 1  # "the", and a preposition a tagger took in ("Near Rawah" at a sentence start)
    while end > start and (doc[end - 1].tag_ in {"POS", "IN", "DT", "CC"} or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1  # "the Government of" (a tagger's cut) -> "Government"
    return doc[start:end] if end > start else None


def _bloc_label(span: Span, head: Token, lex: Lexicon) -> str:
    """"Western nations", "Western states" -> "Western countries" (one node per bloc)."""
    text = _surface(span)
    if head.lemma_.lower() in lex.word_set("bloc") and text.endswith(head.text):
        return text[: -len(head.text)] + "countries"
    return text


def _surface(span: Span) -> str:
    return " ".join(span.text.split()).strip(" \"'“”‘’")


def _is_modifier(span: Span) -> bool:
    return span.root.dep_ in _MODIFIER_DEPS and span.root.head.i >= span.end


def _modifies_noun(span: Span) -> bool:
    """Whether a people's name stands before a noun ("Druze leaders", "Kurdish and Yazidi
    fighters", and "Nuer and Dinka militias" that a parser reads as "Nuer" and "militias");
    a possessive ("the Kurds' struggle") and a plural ("the Kurds and Yazidi civilians") name the people."""
    root = span.root
    if root.dep_ == "poss" or root.tag_ in {"NNS", "NNPS"}:
        return False
    if _is_modifier(span):
        return True
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first is not root and first.dep_ in _MODIFIER_DEPS and first.head.i > root.i:
        return True
    return any(c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > root.i
               and any(m.dep_ in _MODIFIER_DEPS for m in c.lefts) for c in root.children)


def _left_edge(tok: Token) -> int:
    return min(t.i for t in tok.subtree)


def _plural(tok: Token, lex: Lexicon) -> bool:
    """A plural noun, or a singular one for a group of many ("a militia")."""
    return tok.tag_ in {"NNS", "NNPS"} or tok.lower_ in lex.word_set("group_noun")


def resolve(
    doc: Doc,
    document: Document,
    *,
    offset: int = 0,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
) -> ResolvedDoc:
    """Resolve the mentions of one parsed document (or segment of it).

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The parsed text, from :func:`kg.nlp.load_pipeline`.
    document : Document
        The document it came from (for provenance).
    offset : int
        Where ``doc`` starts in ``document.text``.
    gazetteer, lexicon : optional
        Replace the shipped data.
    """
    return _Resolver(doc, document, offset, gazetteer or load_gazetteer(), lexicon or load_lexicon()).run()
