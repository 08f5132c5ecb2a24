"""Named entities: the tagger's names resolved to actors, places and facilities.

:func:`named_entities` reads each name the tagger found: its span is trimmed and
widened (a unit's number, a people's noun: "Yazidi civilians"), its kind corrected
where the tagger errs ("Near Rawah" is a place, "the Al Bu Nimr tribe" a tribe),
then :func:`resolve_span` decides the entity: a capital for its state where it acts
("talks with Tehran"), a gazetteer entry, a name learnt earlier in the document, a
state for its demonym ("Iraqi" in "Iraqi officials"), a person by surname ("Lammy"
after "David Lammy"), or a new entity of the kind its name says. A facility's name
with a place in it ("the U.S. Embassy in Baghdad") gets a ``place`` qualifier.
:func:`hyphened_demonyms` reads a state's adjective before "-backed", "-led".

Examples
--------
>>> from kg import parse
>>> rd = parse("Talks with Tehran failed, said David Lammy. Lammy left.")
>>> sorted(rd.entities)
['david-lammy', 'iran']
>>> rd = parse("Protesters gathered at the U.S. Embassy in Baghdad.")
>>> [(q.entity, q.kind, q.other) for q in rd.qualifiers]
[('embassy-of-the-united-states-baghdad', 'place', 'baghdad')]
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..gazetteer import GazetteerEntry
from ..model import Entity
from ..names import normalize_name, slugify
from .spans import LEADING_PREPOSITIONS, is_modifier, modifies_noun, surface, trim
from .state import Resolution, entity_of
from .units import is_task_force, unit_qualified, unit_span

__all__ = ["hyphened_demonyms", "named_earlier", "named_entities", "resolve_span"]

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
#: Relations of a stance towards an actor (never towards a place).
_STANCES = frozenset({"accused", "blamed", "criticized", "condemned", "supported", "rejected", "demanded"})
#: Relations of a measure taken toward a state, whose "on"/"to"/"from" object, a capital, stands for
#: it ("sanctions on Moscow", "aid to Kyiv"); not strikes, which hit the city.
_MEASURES = frozenset({"sanctioned", "aided", "supported", "threatened", "demanded", "cooperatedWith"})
#: Where "the" + a people's adjective is a noun phrase of its own ("The French condemned X").
_PEOPLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "agent"})
#: Prepositions whose object is a place, whatever the tagger says ("in Kismayo").
_LOCATIVE = frozenset({"in", "near", "outside", "around", "inside", "across", "throughout"})


def named_entities(st: Resolution) -> None:
    """Resolve every name the tagger found (see the module docstring)."""
    doc = st.doc
    st.named_keys = {ent.kb_id_ for ent in doc.ents if ent.kb_id_}
    for ent in doc.ents:
        if ent.label_ not in _ACTOR_LABELS:
            continue
        span = trim(ent)
        if span is None:
            continue
        span = _people_span(st, unit_span(st, span))
        label = _corrected_label(ent, span)
        head = span.root.head
        if (span.root.dep_ == "compound" and head.i == span.end and head.lower_ in st.lex.word_set("tribe")
                and not span.root.ent_kb_id_ and st.gaz.lookup(surface(span)) is None):
            span = doc[span.start : head.i + 1]  # "the Al Bu Nimr tribe": a tribe, whatever the tagger says
            st.add(Entity(slugify(surface(span)), surface(span), "Collective"), span)
            continue
        entity = resolve_span(st, span, label)
        if entity is not None:
            entity = unit_qualified(st, span, entity)
            st.add(entity, span)
            if entity.type == "Facility":
                _place_in_name(st, entity.key, span)


def _corrected_label(ent: Span, span: Span) -> str:
    """The tagger's label, but a place for a "person" one is near or fights in."""
    label = ent.label_
    if label == "PERSON" and ent.doc[ent.start].lower_ in LEADING_PREPOSITIONS and span.start > ent.start:
        return "LOC"  # "Near Rawah": what one is near is a place
    if (label == "PERSON" and span.root.dep_ == "pobj" and span.root.head.lower_ in _LOCATIVE
            and not span.root.ent_kb_id_):
        return "LOC"  # "fighting in Kismayo": no one is fought in
    return label


def named_earlier(st: Resolution, span: Span) -> str | None:
    """The facility an earlier, longer name of this one stands for ("the U.S.
    embassy" after "the U.S. Embassy in Baghdad")."""
    norm = normalize_name(surface(span))
    found = {key for alias, key in st.local_alias.items()
             if alias.startswith(norm + " in ") and st.rd.entities[key].type == "Facility"}
    return found.pop() if len(found) == 1 else None


def _people_span(st: Resolution, span: Span) -> Span:
    """A people's name and a noun for its members as such name the people: "Yazidi
    civilians", "the Rohingya population" (``lexicon/words/people.txt``)."""
    root = span.root
    entry = st.gaz.get(root.ent_kb_id_) if root.ent_kb_id_ else None
    head = root.head
    if (entry is None or entry.type != "Collective" or root.dep_ not in {"compound", "amod", "nmod"}
            or head.i != span.end or head.pos_ != "NOUN" or head.lower_ not in st.lex.word_set("people")):
        return span
    return span.doc[span.start : head.i + 1]


def _place_in_name(st: Resolution, key: str, span: Span) -> None:
    """A place written inside a facility's name ("the U.S. Embassy in Baghdad") is
    where the facility is: a ``place`` qualifier."""
    ins = [t for t in span if t.lower_ in {"in", "of"} and t.i + 1 < span.end]
    if not ins:
        return
    rest = st.doc[ins[-1].i + 1 : span.end]
    entry = st.gaz.lookup(surface(rest))
    if entry is None or entry.type not in {"Place", "State"} or entry.key == key:
        return
    st.known(entry)
    st.qualify(key, "place", entry.key, rest.start, rest.end, "resolve.name-place")


def resolve_span(st: Resolution, span: Span, label: str) -> Entity | None:
    """The entity a name denotes, or ``None`` where it names none (see the module docstring)."""
    text = surface(span)
    norm = normalize_name(text)
    if not norm or any(case(st, span, label, text) for case in _NO_ACTOR):
        return None
    metonym = _metonym(st, span, text)
    if metonym is not None:
        return metonym
    if label != "NORP" and st.gaz.lookup(text) is None and st.gaz.demonym(text) is not None:
        label = "NORP"  # the tagger sometimes calls "Azerbaijani" a person
    kb = span.root.ent_kb_id_ or span[0].ent_kb_id_
    entry = st.gaz.get(kb) if kb else None
    if entry is None and text.islower() and label in {"GPE", "LOC", "ORG", "PERSON", "FAC"}:
        return None  # "the west bank of the Dnipro": a name the tagger saw in common words
    entry = entry or st.gaz.lookup(text)
    if entry is not None:
        return _gazetteer_entity(st, span, text, entry)
    if norm in st.local_alias:
        return st.rd.entities[st.local_alias[norm]]
    if label == "NORP":
        state = st.gaz.demonym(text)
        if state is not None and is_modifier(span):
            return entity_of(state)  # "Iraqi" in "Iraqi officials", "Israeli strikes"
        if not is_modifier(span) and text[-1:] != "s" and _one_of_a_people(span):
            # "a Palestinian" is one of the Palestinians, "a Frenchman" one of the Frenchmen
            text = text if text.endswith("ese") else text[:-3] + "men" if text.endswith(("hman", "sman")) else text + "s"
            people = st.gaz.lookup(text)
            if people is not None:
                return _gazetteer_entity(st, span, text, people)
            if state is not None:
                return Entity(slugify(text), text, "Collective")
        if state is not None and not is_modifier(span) and span.root.dep_ in _PEOPLE_DEPS and span.start > 0 \
                and span.doc[span.start - 1].lower_ == "the":
            return Entity(slugify(text), text, "Collective")  # "The British warned Iran": the people as a noun
        if is_modifier(span) or text[-1:] != "s":
            return None  # a bare adjective names no actor
        if state is not None:
            return Entity(slugify(text), text, "Collective")
    if label == "PERSON" or (len(span) == 1 and span[0].is_title and label in {"ORG", "GPE", "LOC"}):
        # "Lammy" after "David Lammy", whatever the tagger calls it; "Kim" after "Kim Jong Un"
        earlier = _person_by_surname(st, span)
        if earlier is not None:
            return st.rd.entities[earlier]
    return Entity(slugify(text), text, _entity_type(st, span, label))


def _verb_opening(st: Resolution, span: Span, label: str, text: str) -> bool:
    """"Coordinated" opening a quote is no organisation."""
    return (len(span) == 1 and span[0].pos_ in {"VERB", "ADJ", "ADV"} and not span.root.ent_kb_id_
            and label in {"ORG", "PERSON"} and st.gaz.lookup(text) is None and st.gaz.demonym(text) is None)


def _actor_noun(st: Resolution, span: Span, label: str, text: str) -> bool:
    """"the Government (of Iraq)", "Police": the noun phrase decides."""
    norm = normalize_name(text)
    return label in {"ORG", "NORP"} and not span.root.ent_kb_id_ and (
        norm in st.lex.actor_nouns or norm.rstrip("s") in st.lex.actor_nouns)


def _agent_modifier(st: Resolution, span: Span, label: str, text: str) -> bool:
    """"Riot police" opening a sentence: one capitalised word before a noun that the agents
    dictionary lists with it is no name."""
    if len(span) != 1 or span.root.ent_kb_id_ or label not in {"PERSON", "ORG"} or span.end >= len(span.doc):
        return False
    after = span.doc[span.end]
    return span[0].dep_ == "compound" and f"{text.lower()} {after.lower_}" in st.lex.agents


def _rank(st: Resolution, span: Span, label: str, text: str) -> bool:
    """"Rear Admiral" before a name is a rank, no organisation."""
    return label == "ORG" and not span.root.ent_kb_id_ and text.lower() in st.lex.titles


def _state_government(st: Resolution, span: Span, label: str, text: str) -> bool:
    """"the Federal Government of Iraq": the state's government, as the noun phrase says."""
    if not (label == "ORG" and len(span) > 1 and not span.root.ent_kb_id_ and st.gaz.lookup(text) is None):
        return False
    end = span.end - 1 if span[-1].lower_ == "of" else span.end  # the tagger may take "of" in
    doc = span.doc
    return (end - span.start > 1 and doc[end - 1].lower_ in st.lex.actor_nouns and end + 1 < len(doc)
            and doc[end].lower_ == "of" and st.state_of(doc[end + 1]) is not None)


def _title_word(st: Resolution, span: Span, label: str, text: str) -> bool:
    """"Defense" in "Defense Secretary Ash Carter" is part of a title."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return (label in {"ORG", "GPE"} and len(span) == 1 and following is not None and not span.root.ent_kb_id_
            and following.lower_ in st.title_words)


def _title_of(st: Resolution, span: Span, label: str, text: str) -> bool:
    """"State" in "Secretary of State"."""
    doc = span.doc
    return (label in {"ORG", "GPE"} and len(span) == 1 and span.start >= 2 and not span.root.ent_kb_id_
            and doc[span.start - 1].lower_ == "of"
            and f"{doc[span.start - 2].lower_} of {span.root.lower_}" in st.lex.titles)


#: The cases in which a name the tagger found names no actor, in the order they are tried.
_NO_ACTOR = (_verb_opening, _actor_noun, _agent_modifier, _rank, _state_government, _title_word, _title_of)


def _metonym(st: Resolution, span: Span, text: str) -> Entity | None:
    """A capital that acts stands for its state: "Tokyo and Washington agreed", "talks with
    Tehran", "war against Kyiv", "condemnation of Manila", "Moscow's offensive", "sanctions on
    Moscow", "aid to Kyiv", "the sanctions Washington imposed on Moscow", "lent Islamabad $2 billion"."""
    first = span.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "Tokyo and Washington agreed": both subjects
    # the indirect object of a verb, who receives: "Beijing lent Islamabad $2 billion"
    acts = first.dep_ in _SUBJECT_DEPS or (first.dep_ == "dative" and first.pos_ != "ADP") or (first.dep_ == "pobj" and (
        first.head.lower_ in {"by", "with", "against"}
        or (first.head.lower_ == "of" and (first.head.head.lemma_.lower() in st.lex.word_set("party")
                                            or _verbal_noun(st, first.head.head)))
        or (first.head.lower_ in {"on", "to", "from", "for"} and _measure_toward(st, first.head.head, first.head.lower_))
        or (first.head.lower_ == "at" and _stance_at(st, first.head.head)))) or (
        first.dep_ == "poss" and (first.head.lemma_.lower() in st.lex.nouns
                                  or first.head.lemma_.lower() in st.lex.word_set("stance")))  # "Seoul's offer"
    metonym = st.gaz.metonym(text) if acts else None
    return entity_of(metonym) if metonym is not None else None


def _gazetteer_entity(st: Resolution, span: Span, text: str, entry: GazetteerEntry) -> Entity | None:
    """The entity of a name the gazetteer knows, but none for a people's name before a noun,
    and one of its own for an ambiguous alias with no context."""
    ambiguous = st.lex.ambiguous.get(text.lower())
    if ambiguous is not None and ambiguous[0] == entry.key and not ambiguous[1] & st.named_keys:
        # "the Coalition" in a story with no ISIS in it is some other coalition
        return Entity(slugify(text), text, entry.type)
    if entry.type == "Collective" and modifies_noun(span) \
            and span.root.head.lemma_.lower() not in st.lex.word_set("owned"):
        return None  # "Rohingya militants", "Druze leaders": the noun phrase names the actor
        # (but "Kurdish positions", "Druze homes" are the people's own)
    return entity_of(entry)


def _entity_type(st: Resolution, span: Span, label: str) -> str:
    """The kind of a new entity: the tagger's, unless its words say otherwise."""
    if len(span) > 1 and st.lex.vessels.get(span[0].text) == "prefix":
        return "MilitaryForce"  # "USS Carney", "HMS Diamond": a warship, whatever the tagger says
    if (span.root.dep_ == "compound" and span.root.head.lower_ in st.lex.word_set("place_division")
            and span.root.head.i == span.end):
        return "Place"  # "the Essequibo region", "the Kherson oblast": a place, whatever the tagger says
    words = [t.lower_ for t in span if not t.like_num]
    if label == "ORG" and (is_task_force(span[0].text) or (
            len(words) > 1 and (words[-1] in st.lex.word_set("military_service")
                                or f"{words[-2]} {words[-1]}" in st.lex.word_set("military_service")))):
        return "MilitaryForce"  # "the Royal Air Force", "the 3rd Infantry Division": a state's force or unit
    if len(span) > 1 and label in {"ORG", "PERSON"} and span[-1].lower_ in st.lex.facilities:
        return "Facility"  # "Tiyas Military Airfield", "Abu Ghraib Prison": a facility, whatever the tagger says
    return _TYPE_OF_LABEL[label]


def _verbal_noun(st: Resolution, noun: Token) -> bool:
    """A noun of a stance taken towards someone ("condemnation of Manila"): its "of" object
    is an actor, so a capital there stands for its state."""
    trig = st.lex.nouns.get(noun.lemma_.lower())
    return trig is not None and trig.predicate in _STANCES


def _one_of_a_people(span: Span) -> bool:
    """Whether a people's name is a noun for one of them: "a Palestinian was shot", "Russia
    detained an American"."""
    root = span.root
    return root.pos_ in {"NOUN", "PROPN", "ADJ"} and any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                                                          for c in root.children)


def _measure_toward(st: Resolution, head: Token, prep: str) -> bool:
    """Whether a preposition's head is a measure taken toward a state, not a strike on a place:
    "sanctions on Moscow", "aid to Kyiv", "imposed sanctions on Tehran" (the noun, or the verb
    it is the object of), "the sanctions Washington imposed on Moscow" (a relative clause), a
    verb whose own row gives with the preposition ("supplied drones to Moscow")."""
    nouns = [head]
    if head.pos_ in {"VERB", "AUX"}:
        weapons = st.lex.word_set("weapon")  # "sent troops to Kabul": they go there; "sent tanks to Kyiv": given
        sent = [c for c in head.children if c.dep_ in {"dobj", "obj"} and c.lemma_.lower() not in weapons]
        if not any(st.lex.actor_nouns.get(c.lemma_.lower()) or st.lex.actor_nouns.get(c.lower_) for c in sent) \
                and _row_with_prep(st, head, _MEASURES, prep):
            return True
        nouns = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
        nouns += [p for n in nouns if n.ent_type_ == "MONEY" for c in n.children if c.lower_ == "in"
                  for p in c.children if p.dep_ == "pobj"]  # "announced $800 million in aid for Kyiv"
        nouns += [head.head] if head.dep_ in {"relcl", "acl"} else []  # "sanctions imposed on Moscow"
    for noun in nouns:
        trig = st.lex.nouns.get(noun.lemma_.lower())
        if trig is not None and trig.predicate in _MEASURES:
            return True
    return False


def _stance_at(st: Resolution, verb: Token) -> bool:
    """Whether "at" after a verb names whom a stance is taken toward: "lashed out at Moscow",
    "hit out at Washington" (not "fired at Kyiv", which hits the city)."""
    lemma = verb.lemma_.lower()
    if lemma in st.lex.word_set("lashing_out") and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return True
    return _row_with_prep(st, verb, _STANCES, "at")


def _row_with_prep(st: Resolution, verb: Token, predicates: frozenset[str], prep: str) -> bool:
    """Whether one of the verb's own rows (no noun pattern) states one of ``predicates`` of the
    object of ``prep``."""
    return any(t.predicate in predicates and t.object.startswith("prep:") and prep in t.object[5:].split(",")
               and t.noun is None for t in st.lex.verbs.get(verb.lemma_.lower(), ()))


def _person_by_surname(st: Resolution, span: Span) -> str | None:
    """The one person named earlier whose surname (or family name written first) this is."""
    if len(span) > 2:
        return None
    last = normalize_name(span[-1].text)
    people = [e for e in st.rd.entities.values() if e.type == "Person" and len(e.label.split()) > len(span)]
    found = {e.key for e in people if normalize_name(e.label.split()[-1]) == last}
    if not found and len(span) == 1:  # a family name written first: "Kim Jong Un", "Mahathir Mohamad"
        found = {e.key for e in people if normalize_name(e.label.split()[0]) == last}
    return found.pop() if len(found) == 1 else None


def hyphened_demonyms(st: Resolution) -> None:
    """A state's adjective before "-backed", "-led", "-allied" ... names the state, whatever the
    tagger says: "the Turkish-backed Syrian National Army", "the Iranian-backed Lebanese group"."""
    doc = st.doc
    forms = {m.form for m in st.lex.modifiers if m.kind == "compound"}
    for tok in doc[: max(0, len(doc) - 2)]:
        if (tok.i in st.rd.token_actor or not tok.is_title or doc[tok.i + 1].text not in {"-", "–"}
                or doc[tok.i + 2].lower_ not in forms):
            continue
        entry = st.gaz.demonym(tok.text)
        if entry is not None and entry.type == "State":
            st.add(entity_of(entry), doc[tok.i : tok.i + 1])
