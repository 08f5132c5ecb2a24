"""The trigger lexicons, read from data files in ``ontology/lexicon/``.

Every word that makes kg emit an edge lives in one of these files, not in
code: verbs, nominalisations, modifiers, actor nouns, titles, speech verbs,
irrealis heads, hedges and the words of territorial control and membership. They are loaded once, on first use.

Examples
--------
>>> lex = load_lexicon()
>>> [(t.predicate, t.object, t.code) for t in lex.verbs["accuse"] if t.origin == "verbs.tsv"]
[('accused', 'dobj', '112')]

Rows imported from the CAMEO verb dictionary keep the line they come from:

>>> [(t.predicate, t.object, t.origin) for t in lex.verbs["abuse"] if t.noun is None]
[('targeted', 'dobj', 'CAMEO.2.0.txt:8418')]
>>> lex.actor_nouns["troops"].cls
'MilitaryForce'
>>> sorted(lex.control["verb", "occupy"].objects)
['place', 'state']
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .vocab import ontology_root

__all__ = [
    "ActorNoun",
    "ControlTrigger",
    "Lexicon",
    "ModifierTrigger",
    "NounTrigger",
    "VerbTrigger",
    "load_lexicon",
]


@dataclass(frozen=True, slots=True)
class VerbTrigger:
    """A verb lemma, the relation it states and where its object is found.

    ``noun`` is the head of the object a verb + noun pattern needs ("impose" +
    "sanction"), or ``@concept`` for any word of a word list ("ban" + ``@trade``: imports,
    exports, sales...); ``particle`` the particle of a phrasal verb ("call off");
    ``code`` the CAMEO event code; ``origin`` where the row comes from
    (``"verbs.tsv"`` for kg's own rows, ``"CAMEO.2.0.txt:LINE"`` for a row imported
    from the PETRARCH2 dictionary by ``scripts/import_petrarch.py``).
    """

    lemma: str
    predicate: str
    object: str
    confidence: float
    noun: str | None = None
    particle: str | None = None
    code: str | None = None
    origin: str = "verbs.tsv"


@dataclass(frozen=True, slots=True)
class NounTrigger:
    """A nominalisation ("attack", "condemnation") and its object prepositions."""

    lemma: str
    predicate: str | None
    preps: tuple[str, ...]
    event: str | None
    confidence: float


@dataclass(frozen=True, slots=True)
class ModifierTrigger:
    """An alignment modifier ("Iran-backed", "aligned with", "with ties to")."""

    form: str
    kind: str
    predicate: str
    preps: tuple[str, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class ControlTrigger:
    """A word stating territorial control ("X-held", "captured", "under X control"),
    the kind of phrase it heads and what the controlled end may be."""

    form: str
    kind: str
    objects: frozenset[str]
    confidence: float


@dataclass(frozen=True, slots=True)
class ActorNoun:
    """A head noun naming an actor ("troops", "officials", "militia")."""

    noun: str
    cls: str
    derived: str | None
    part_of_state: bool
    refers_to: frozenset[str]


#: Relations of force a gerund of one of kg's verbs names (with its event class), and the least
#: confidence of the verb's row: "the shooting of X", not "the hitting of X".
_GERUND_ACTS: dict[str, str | None] = {"targeted": "Attack", "coerced": None}
_GERUND_MIN = 0.8


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All trigger lexicons, keyed for lookup by lemma."""

    verbs: dict[str, tuple[VerbTrigger, ...]]
    nouns: dict[str, NounTrigger]
    modifiers: tuple[ModifierTrigger, ...]
    actor_nouns: dict[str, ActorNoun]
    titles: dict[str, str | None]
    light_verbs: frozenset[str]
    speech: frozenset[str]
    irrealis: frozenset[str]
    hedges: frozenset[str]
    stationing: frozenset[str]
    deploying: frozenset[str]
    claims: frozenset[tuple[str, str]]
    backing: frozenset[str]
    intent: dict[str, str]
    reciprocal: dict[str, str]
    control: dict[tuple[str, str], ControlTrigger]
    membership: dict[str, str]
    #: military unit head words ("battalion", "air force") and their rank (``None``: unranked)
    units: dict[str, int | None] = field(default_factory=dict)
    #: warship name prefixes ("USS", "HMS") and nouns for a warship ("destroyer"): form -> kind
    vessels: dict[str, str] = field(default_factory=dict)
    #: nouns for an unnamed site an attack can hit ("hotel", "village", "tanker") -> its class
    #: (Facility, Place or Vehicle); sites.tsv
    sites: dict[str, str] = field(default_factory=dict)
    #: verbs that count an attack's casualties -> "killed" or "wounded"; casualties.tsv
    casualties: dict[str, str] = field(default_factory=dict)
    #: number words -> value ("five" -> 5, "dozen" -> 12); numbers.tsv
    numbers: dict[str, int] = field(default_factory=dict)
    #: last words that make a name a facility ("Tiyas Military Airfield", "Abu Ghraib Prison")
    facilities: frozenset[str] = field(default_factory=frozenset)
    #: gazetteer aliases that stand for their entry only beside one of its context actors
    ambiguous: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    #: relation -> the prepositions that may introduce its other party after the verb or in
    #: its object phrase, and in a complement clause (arguments.tsv)
    argument_preps: dict[str, tuple[str, ...]] = field(default_factory=dict)
    complement_preps: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: named constructions -> the relation they state ("joint" -> cooperatedWith); readings.tsv
    readings: dict[str, str] = field(default_factory=dict)
    #: word lists by concept, one file each in ``lexicon/words/`` ("weapon", "part"...): the
    #: open-class words a pattern asks about, read with :meth:`Lexicon.word_set`
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    #: generic agent nouns (singular and plural) of the Phoenix agents dictionary -> kg class
    #: ("gunman", "police", "prosecutors"); petrarch/agents.tsv
    agents: dict[str, str] = field(default_factory=dict)
    #: kinds of qualifier the resolver records ("state", "place", "office") -> the relation
    #: extraction makes of them (``None``: the title's own, titles.tsv); qualifiers.tsv
    qualifiers: dict[str, str | None] = field(default_factory=dict)

    def reading(self, name: str) -> str:
        """The relation a named construction states (``lexicon/readings.tsv``): "joint" ->
        ``cooperatedWith``. An unknown name is an error.

        >>> load_lexicon().reading("must")
        'demanded'
        """
        try:
            return self.readings[name]
        except KeyError:
            raise KeyError(f"no reading {name!r} in ontology/lexicon/readings.tsv") from None

    def word_set(self, concept: str) -> frozenset[str]:
        """The words of one concept (``lexicon/words/<concept>.txt``); a concept with no file
        is an error, so a misspelt name fails at once.

        >>> "missile" in load_lexicon().word_set("weapon")
        True
        """
        try:
            return self.words[concept]
        except KeyError:
            raise KeyError(f"no word list {concept!r} in ontology/lexicon/words/") from None

    def names_noun(self, pattern_noun: str, lemma: str) -> bool:
        """Whether a noun's lemma is the noun a verb + noun pattern asks for: the word itself,
        or a word of the ``@concept`` it names.

        >>> load_lexicon().names_noun("@trade", "import"), load_lexicon().names_noun("sanction", "import")
        (True, False)
        """
        if pattern_noun.startswith("@"):
            return lemma in self.word_set(pattern_noun[1:])
        return lemma == pattern_noun

    def act_noun(self, lemma: str, word: str, *, gerund: bool = True) -> NounTrigger | None:
        """The row of a noun naming an act: ``nouns.tsv`` by lemma, then by its word, then (when
        ``gerund``) a gerund of one of kg's verbs of force (:meth:`gerund`).

        >>> load_lexicon().act_noun("shooting", "shootings").predicate
        'targeted'
        """
        found = self.nouns.get(lemma) or self.nouns.get(word)
        return self.gerund(word) if found is None and gerund else found

    def gerund(self, word: str) -> NounTrigger | None:
        """The act a gerund noun names when its verb is one of kg's own verbs of force with a
        direct object ("the shooting of X", "the storming of X"): the verb's relation, its
        patient after "of".

        >>> load_lexicon().gerund("kidnappings")
        NounTrigger(lemma='kidnapping', predicate='coerced', preps=('of',), event=None, confidence=0.68)
        >>> load_lexicon().gerund("firing") is None  # "the firing of X" is no attack
        True
        """
        word = word.lower().removesuffix("s") if word.lower().endswith("ings") else word.lower()
        if not word.endswith("ing") or len(word) < 6:
            return None
        stem = word[:-3]
        for verb in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
            for row in self.verbs.get(verb, ()):
                if (row.origin == "verbs.tsv" and row.object == "dobj" and row.confidence >= _GERUND_MIN
                        and row.predicate in _GERUND_ACTS):
                    return NounTrigger(word, row.predicate, ("of",), _GERUND_ACTS[row.predicate],
                                       round(row.confidence * 0.85, 2))
        return None

    @property
    def predicates(self) -> frozenset[str]:
        """Every relation property a lexicon entry can emit."""
        preds = {t.predicate.lstrip("~") for ts in self.verbs.values() for t in ts}
        preds |= {t.predicate for t in self.nouns.values() if t.predicate}
        preds |= {m.predicate.lstrip("~") for m in self.modifiers}
        preds |= {p for p in self.titles.values() if p}
        preds |= set(self.readings.values())
        preds |= {p for p in self.qualifiers.values() if p}
        preds |= {"controls"} if self.control else set()
        preds |= {"partOf"} if self.membership else set()
        return frozenset(preds)


def _rows(name: str, folder: str = "lexicon", *, optional: bool = False) -> list[list[str]]:
    """The tab-separated rows of a data file (no blank or ``#`` lines); an ``optional`` file
    that is absent has none."""
    path = ontology_root().joinpath(folder).joinpath(name)
    if optional and not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _word_lists() -> dict[str, frozenset[str]]:
    """Every ``lexicon/words/<concept>.txt``: one word or phrase a line, ``#`` comments."""
    folder = ontology_root().joinpath("lexicon").joinpath("words")
    out: dict[str, frozenset[str]] = {}
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".txt"):
            lines = path.read_text(encoding="utf-8").splitlines()
            out[path.name[:-4]] = frozenset(w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#"))
    return out


def _agents() -> dict[str, str]:
    """Generic agent nouns and their plurals -> kg class: kg's own rows (``lexicon/agents.tsv``,
    nouns of news reporting the dictionary lacks) first, then ``petrarch/agents.tsv``."""
    out: dict[str, str] = {}
    for noun, plural, _code, cls, _origin in (*_rows("agents.tsv"), *_rows("agents.tsv", "petrarch", optional=True)):
        out.setdefault(noun, cls)
        out.setdefault(plural, cls)
    return out


def _nominalisations(verbs: Mapping[str, Sequence[VerbTrigger]]) -> dict[str, NounTrigger]:
    """``lexicon/nominalisations.tsv``: each noun with the relation of its verb's first
    direct-object row (kg's own rows come first), its patient after "of"."""
    out: dict[str, NounTrigger] = {}
    for noun, verb in _rows("nominalisations.tsv"):
        row = next((t for t in verbs.get(verb, ()) if t.object == "dobj" and t.noun is None and not t.particle
                    and not t.predicate.startswith("~")), None)
        if row is not None:
            out[noun] = NounTrigger(noun, row.predicate, ("of",), _GERUND_ACTS.get(row.predicate),
                                    round(row.confidence * 0.85, 2))
    return out


def _opt(value: str) -> str | None:
    return None if value in ("", "-") else value


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read every lexicon file shipped in ``kg.ontology/lexicon``."""
    from .imported_verbs import imported_verb_rows, merge_verbs  # they read this module's rows
    verbs: dict[str, list[VerbTrigger]] = {}
    for lemma, pred, obj, conf in _rows("verbs.tsv"):
        noun = obj.split(":")[1] if obj.startswith("noun:") else None  # "noun:@trade:to,from"
        verbs.setdefault(lemma, []).append(VerbTrigger(lemma, pred, obj, float(conf), noun))
    nouns = {
        lemma: NounTrigger(
            lemma, _opt(pred), tuple(p for p in preps.split(",") if _opt(p)), _opt(event), float(c)
        )
        for lemma, pred, preps, event, c in _rows("nouns.tsv")
    }
    modifiers = tuple(
        ModifierTrigger(form, kind, pred, tuple(p for p in preps.split(",") if _opt(p)), float(c))
        for form, kind, pred, preps, c in _rows("modifiers.tsv")
    )
    actor_nouns = {
        noun: ActorNoun(noun, cls, _opt(derived), part == "yes", frozenset(refers.split(",")))
        for noun, cls, derived, part, refers in _rows("actor_nouns.tsv")
    }
    titles = {row[0]: _opt(row[1]) for row in _rows("titles.tsv")}

    def words(name: str) -> frozenset[str]:
        return frozenset(row[0] for row in _rows(name))

    argument_preps = {row[0]: tuple(p for p in row[1].split(",") if _opt(p)) for row in _rows("arguments.tsv")}

    merged = merge_verbs(verbs, imported_verb_rows(), light=words("light_verbs.txt"),
                         acts=frozenset(k for k, t in nouns.items() if t.predicate), preps=argument_preps)
    return Lexicon(
        verbs=merged,
        nouns={**_nominalisations(merged), **nouns},  # a row of nouns.tsv outranks its verb's

        modifiers=modifiers,
        actor_nouns=actor_nouns,
        titles=titles,
        light_verbs=words("light_verbs.txt"),
        speech=words("speech.txt"),
        irrealis=words("irrealis.txt"),
        hedges=words("hedges.txt"),
        stationing=words("stationing.txt"),
        deploying=words("deploying.txt"),
        backing=words("backing.txt"),
        claims=frozenset((verb, noun) for verb, noun in _rows("claims.tsv")),
        intent={head: kind for head, kind in _rows("intent.tsv")},
        reciprocal={verb: pred for verb, pred in _rows("reciprocal.tsv")},
        control={
            (kind, form): ControlTrigger(form, kind, frozenset(o for o in objects.split(",") if _opt(o)), float(c))
            for form, kind, objects, c in _rows("control.tsv")
        },
        membership={form: kind for form, kind in _rows("membership.tsv")},
        units={form: None if rank == "-" else int(rank) for form, rank in _rows("units.tsv")},
        vessels={form: kind for form, kind in _rows("vessels.tsv")},
        facilities=words("facilities.txt"),
        sites={noun: kind for noun, kind in _rows("sites.tsv")},
        casualties={verb: count for verb, count in _rows("casualties.tsv")},
        numbers={word: int(value) for word, value in _rows("numbers.tsv")},
        ambiguous={alias: (key, frozenset(context.split(","))) for alias, key, context in _rows("ambiguous_aliases.tsv")},
        argument_preps=argument_preps,
        agents=_agents(),
        words=_word_lists(),
        readings={row[0]: row[1] for row in _rows("readings.tsv")},
        qualifiers={row[0]: _opt(row[1]) for row in _rows("qualifiers.tsv")},
        complement_preps={row[0]: tuple(p for p in row[2].split(",") if _opt(p)) for row in _rows("arguments.tsv")},
    )
