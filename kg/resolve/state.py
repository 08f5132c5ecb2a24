"""The records resolution yields and the shared state its passes work on.

:class:`ResolvedDoc` is the result: a parsed document with its entities, a map
from token index to entity key, its mentions and what refers back.
:class:`Qualifier` is a fact about the wording of a mention that resolution
establishes ("Iraqi officials" are Iraq's, "the U.S. Embassy in Baghdad" is in
Baghdad); which relation it makes is for extraction to say
(``ontology/lexicon/qualifiers.tsv``, :mod:`kg.extract.qualified`).
:class:`Resolution` is what every pass reads and adds to: the document resolved
so far, the gazetteer and lexicon, and the names learnt in this document.

Examples
--------
>>> from kg import parse
>>> rd = parse("Iraqi officials met U.S. troops.")
>>> [(q.entity, q.kind, q.other) for q in rd.qualifiers]
[('iraqi-government', 'state', 'iraq'), ('us-forces', 'state', 'united-states')]
>>> rd.entity(rd.actor_at(rd.doc[1])).label
'Iraqi government'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..gazetteer import Gazetteer, GazetteerEntry
from ..lexicon import Lexicon
from ..model import Document, Entity, Mention
from ..names import normalize_name
from .spans import MODIFIER_DEPS, surface

__all__ = ["Qualifier", "Resolution", "ResolvedDoc", "entity_of"]


@dataclass(frozen=True, slots=True)
class Qualifier:
    """What the wording of a mention states about its entity: ``other`` is the entity's ``kind``.

    The kinds (``ontology/lexicon/qualifiers.tsv``): ``state`` ("Iraqi officials", "U.S.
    forces": the state the noun belongs to), ``owner`` ("Iran's Revolutionary Guards": the
    name names the one it belongs to), ``place`` ("the U.S. Embassy in Baghdad": a place in a
    facility's name), ``office`` ("the Iraqi prime minister": a title held for a state or
    group; ``word`` is the title as titles.tsv has it), ``ally`` and ``backer`` ("Hamas and
    its Iranian backers": the possessor's; ``word`` is the noun's lemma).

    ``start``/``end`` are the token offsets of the words that state it in the spaCy doc;
    ``rule`` names the pass that read it (``resolve.state-noun``...).

    Examples
    --------
    >>> Qualifier("us-forces", "state", "united-states", 0, 2, "resolve.state-noun")
    Qualifier(entity='us-forces', kind='state', other='united-states', start=0, end=2, rule='resolve.state-noun', word=None)
    """

    entity: str
    kind: str
    other: str
    start: int
    end: int
    rule: str
    word: str | None = None


@dataclass(slots=True)
class ResolvedDoc:
    """A parsed document with its mentions resolved to entities.

    ``offset`` is where this parsed segment starts in ``document.text``
    (long texts are parsed in segments). ``coreferent`` holds the tokens that refer
    back ("he", "the group"); ``also`` the further actors of a token that names
    several ("Armenian and Azerbaijani forces"); ``qualifiers`` what the wording of
    mentions states (:class:`Qualifier`).
    """

    document: Document
    doc: Doc
    offset: int = 0
    entities: dict[str, Entity] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    qualifiers: list[Qualifier] = field(default_factory=list)
    coreferent: set[int] = field(default_factory=set)
    also: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def actor_at(self, token: Token) -> str | None:
        """The entity key a token belongs to, or ``None``."""
        return self.token_actor.get(token.i)

    def entity(self, key: str) -> Entity:
        """The entity of a key."""
        return self.entities[key]

    def qualifiers_of(self, key: str) -> list[Qualifier]:
        """The qualifiers of one entity, in the order resolution found them.

        >>> from kg import parse
        >>> [(q.kind, q.other) for q in parse("U.S. forces left.").qualifiers_of("us-forces")]
        [('state', 'united-states')]
        """
        return [q for q in self.qualifiers if q.entity == key]


def entity_of(entry: GazetteerEntry) -> Entity:
    """The entity of a gazetteer entry (no aliases: those a mention adds)."""
    return Entity(
        key=entry.key, label=entry.label, type=entry.type,
        wikidata=entry.wikidata,
        coordinates=tuple(entry.coords) if entry.coords else None,
    )


class Resolution:
    """The shared state of one document's resolution, which every pass reads and adds to.

    Attributes
    ----------
    rd : ResolvedDoc
        The document resolved so far (the result).
    gaz, lex : Gazetteer, Lexicon
        The data.
    local_alias : dict
        Normalised name -> key, of the names learnt in this document.
    order : list
        ``(token index, key)`` of every mention, in the order they were added.
    named_keys : set
        The gazetteer keys the tagger's entities carry (set by the named-entity pass).
    unit_heads, title_words : frozenset
        The last words of unit names ("division"), the words of titles ("minister").
    """

    def __init__(self, doc: Doc, document: Document, offset: int, gaz: Gazetteer, lex: Lexicon):
        self.rd = ResolvedDoc(document, doc, offset)
        self.gaz = gaz
        self.lex = lex
        self.local_alias: dict[str, str] = {}
        self.order: list[tuple[int, str]] = []
        self.named_keys: set[str] = set()
        self.unit_heads = frozenset(w.split()[-1] for w in lex.units)
        self.title_words = frozenset(w for title in lex.titles for w in title.replace("-", " ").split())

    @property
    def doc(self) -> Doc:
        """The parsed text."""
        return self.rd.doc

    def add(self, entity: Entity, span: Span, *, alias: bool = True) -> str:
        """Record an entity and its mention ``span`` (its surface an alias unless ``alias`` is
        false); a name that names the one it belongs to gets an ``owner`` qualifier."""
        known = self.rd.entities.get(entity.key)
        text = surface(span)
        new = Entity(
            entity.key, entity.label, entity.type,
            tuple(sorted({*entity.aliases, *([text] if alias else [])} - {entity.label})),
            entity.wikidata, entity.coordinates,
        )
        self.rd.entities[entity.key] = known.merged(new) if known else new
        for tok in span:
            self.rd.token_actor.setdefault(tok.i, entity.key)
        self.rd.mentions.append(
            Mention(text, self.rd.offset + span.start_char, self.rd.offset + span.end_char, entity.key)
        )
        self.order.append((span.root.i, entity.key))
        self.local_alias.setdefault(normalize_name(text), entity.key)
        self._owner_named(entity.key, span)
        return entity.key

    def _owner_named(self, key: str, span: Span) -> None:
        """"Iran's Revolutionary Guards", "the Israeli military": the name says whose it is
        (the gazetteer parent of the entry, named in the mention)."""
        entry = self.gaz.get(key)
        parent = self.gaz.get(entry.part_of) if entry is not None and entry.part_of else None
        names = {n.lower() for n in (parent.label, *parent.aliases, *parent.demonyms)} if parent else set()
        if parent is not None and any(t.lower_ in names for t in span):
            self.known(parent)
            found = Qualifier(key, "owner", parent.key, span.start, span.end, "resolve.gazetteer-part-of")
            if found not in self.rd.qualifiers:
                self.rd.qualifiers.append(found)

    def known(self, entry: GazetteerEntry) -> str:
        """Make a gazetteer entry an entity of the document if it is not one yet (a state
        named only through a demonym or capital); its key."""
        self.rd.entities.setdefault(entry.key, entity_of(entry))
        return entry.key

    def qualify(self, key: str, kind: str, other: str, start: int, end: int, rule: str,
                word: str | None = None) -> None:
        """Record what the words ``start:end`` state about entity ``key`` (:class:`Qualifier`)."""
        self.rd.qualifiers.append(Qualifier(key, kind, other, start, end, rule, word))

    def state_of(self, tok: Token) -> GazetteerEntry | None:
        """The state a word names: a state's name, demonym or capital ("Iraqi", "the
        government in Baghdad", "Pro-Russian"), or ``None``."""
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
        elif tok.is_title and tok.pos_ in {"ADJ", "PROPN"} and tok.dep_ in MODIFIER_DEPS:
            entry = self.gaz.demonym(tok.text)  # "Ugandan troops" that the tagger left untyped
            if entry is not None and entry.type == "State":
                return entry
        return None
