"""The plain data types that flow between kg's stages.

Every record is a frozen, slotted dataclass: immutable, hashable where it
matters, and carrying its provenance. Stages hand these records down the flow
(``read`` -> ``nlp`` -> ``resolve`` -> ``extract`` -> ``graph``); none of them
holds a spaCy object, so they can be pickled, compared and tested alone.

Examples
--------
>>> doc = Document(id="a1", text="Iran condemned the strike.")
>>> doc.id, doc.date is None
('a1', True)
>>> ev = Evidence(document="a1", sentence="Iran condemned the strike.", start=0, end=26)
>>> ev.sentence[ev.start:ev.end] == ev.sentence
True
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import dataclass, field

__all__ = [
    "ACTOR_TYPES",
    "EVENT_TYPES",
    "Document",
    "Entity",
    "Event",
    "Evidence",
    "DocumentResult",
    "Mention",
    "Relation",
]

#: Ontology class local names an entity may have (``kgo:<name>``).
ACTOR_TYPES: frozenset[str] = frozenset(
    {
        "Actor",
        "State",
        "ArmedGroup",
        "Organization",
        "InternationalOrganization",
        "PoliticalParty",
        "GovernmentBody",
        "MilitaryForce",
        "Person",
        "Collective",
        "Place",
        "Facility",
        "Vehicle",
    }
)

#: Ontology class local names an event may have (all subclasses of ``kgo:Event``).
EVENT_TYPES: frozenset[str] = frozenset(
    {"Event", "Attack", "Protest", "Arrest", "Seizure", "Clash", "Sanction", "Meeting", "Agreement"}
)


@dataclass(frozen=True, slots=True)
class Document:
    """One input text with what is known about where it came from.

    Parameters
    ----------
    id : str
        The input's identifier (JSONL ``id`` or the file name).
    text : str
        The text, already decoded and cleaned of control characters.
    date : datetime.date or None
        Publication date, used to resolve relative dates ("last week").
    source, url, title : str or None
        Publisher, address and headline where the input gives them.
    sha256 : str or None
        The :attr:`content_hash` of the text, kept when the text is let go
        (:meth:`without_text`).
    """

    id: str
    text: str
    date: _dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    sha256: str | None = None

    @property
    def content_hash(self) -> str | None:
        """The SHA-256 (64 hex digits) of the id, text and metadata: a store tells a
        document added twice (same hash) from a corrected one (same id, another hash).
        None for a document with neither text nor a kept hash (one read back from RDF
        written without it).

        >>> a = Document("a1", "Iran condemned the strike.")
        >>> a.content_hash == Document("a1", "Iran condemned the strike.").content_hash
        True
        >>> a.content_hash == Document("a1", "Iran condemned the strikes.").content_hash
        False
        """
        if self.sha256 is not None or not self.text:
            return self.sha256
        fields = [self.id, self.text, self.date.isoformat() if self.date else None,
                  self.source, self.url, self.title]
        return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()

    def without_text(self) -> Document:
        """This document with its text let go and its :attr:`content_hash` kept: what a
        :class:`~kg.graph.KnowledgeGraph` holds, so its memory follows the graph, not the corpus.

        >>> d = Document("a1", "Iran condemned the strike.")
        >>> light = d.without_text()
        >>> light.text, light.content_hash == d.content_hash
        ('', True)
        """
        if not self.text:
            return self
        return Document(self.id, "", self.date, self.source, self.url, self.title, self.content_hash)


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface form of an entity in one document (character offsets into the text)."""

    text: str
    start: int
    end: int
    entity: str  # Entity.key


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world actor, place or facility, identified by a stable key.

    ``key`` is the readable slug the IRI is minted from; ``label`` the
    canonical name; ``aliases`` every other surface form seen (sorted).
    ``parent`` names the entity this one is part of (``US forces`` ->
    ``united-states``) when the kind of mention implies it.
    """

    key: str
    label: str
    type: str = "Actor"
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    coordinates: tuple[float, float] | None = None  # (latitude, longitude)

    def merged(self, other: Entity) -> Entity:
        """Return this entity with ``other``'s surface forms and facts added.

        >>> a = Entity("iran", "Iran", "State", ("Tehran",))
        >>> a.merged(Entity("iran", "Iran", "Actor", ("Islamic Republic",))).aliases
        ('Islamic Republic', 'Tehran')
        """
        aliases = set(self.aliases) | set(other.aliases) | {other.label}
        aliases.discard(self.label)
        etype = self.type if self.type != "Actor" else other.type
        return Entity(
            key=self.key,
            label=self.label,
            type=etype,
            aliases=tuple(sorted(aliases)),
            wikidata=self.wikidata or other.wikidata,
            coordinates=self.coordinates or other.coordinates,
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a statement comes from: a sentence of a document.

    ``start``/``end`` are the sentence's character offsets in the document
    text. The optional spans (subject, trigger, object) are document
    offsets too, so every part of an edge can be highlighted in its source.
    """

    document: str
    sentence: str
    start: int
    end: int
    date: _dt.date | None = None
    source: str | None = None
    subject_span: tuple[int, int] | None = None
    trigger_span: tuple[int, int] | None = None
    object_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed, directed edge between two entities, traced to its sentence.

    ``predicate`` is the local name of a ``kgo:`` property (``"accused"``).
    ``rule`` names the extraction rule that produced it; ``asserted_by``
    the entity key of whoever the sentence reports as saying so.
    ``negated`` marks a relation the sentence says does not hold ("Iran
    denied attacking the base"): it is kept, so sources that disagree stay
    visible, but it is never drawn as an edge.
    ``alleged`` marks what someone is accused of, blamed for or said to have
    allegedly done ("U.S. officials accused Kataib Hezbollah of attacks on U.S.
    interests": Kataib Hezbollah ``targeted`` the United States, alleged, with
    ``asserted_by`` the accuser): the accuser's word, not an act the document
    reports as done. Reported speech ("the Pentagon said militias attacked the
    base") is no allegation: it is reported, with ``asserted_by`` the speaker.
    ``plover`` is the statement's PLOVER class where the property alone does
    not decide it (a ``targeted`` statement is ASSAULT or FIGHT: see
    :mod:`kg.plover`).
    """

    subject: str
    predicate: str
    object: str
    confidence: float
    evidence: Evidence
    rule: str
    asserted_by: str | None = None
    negated: bool = False
    plover: str | None = None
    alleged: bool = False

    @property
    def triple(self) -> tuple[str, str, str]:
        """The ``(subject, predicate, object)`` key of this relation."""
        return (self.subject, self.predicate, self.object)


@dataclass(frozen=True, slots=True)
class Event:
    """An occurrence (attack, protest, arrest...) with its roles.

    Roles hold entity keys (``agent``, ``target``, ``location``) or text
    (``instrument``, ``outcome``). ``killed`` and ``wounded`` count its
    casualties where the text gives a number. ``claimed_by`` lists actors that
    claimed responsibility for it; ``unclaimed`` is true when the text says no one
    has (then ``agents`` stays empty unless the text names one).
    """

    key: str
    type: str
    label: str
    evidence: Evidence
    rule: str
    confidence: float = 0.8
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    location: str | None = None
    instrument: str | None = None
    outcome: str | None = None
    date: _dt.date | None = None
    claimed_by: tuple[str, ...] = field(default=())
    killed: int | None = None
    wounded: int | None = None
    unclaimed: bool = False


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What one document contributes to the graph: the document, its entities and mentions,
    and the relations and events read from it. A plain record: the graph holds these and never
    parses (:func:`kg.pipeline.process` makes them).

    >>> r = DocumentResult(Document("d", "Iran condemned Israel."), (), (), (), ())
    >>> r.document.id
    'd'
    """

    document: Document
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]
    events: tuple[Event, ...]
