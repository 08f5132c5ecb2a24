"""The scoring levels, and the schemes that meet gold classes with kg's properties.

A :class:`Scheme` names the gold classes of one annotation scheme (PLOVER,
re3d, or kg's own properties) and the kg properties each class accepts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..vocab import RELATION_PROPERTIES

__all__ = ["LEVELS", "LEVEL_TITLES", "SCHEMES", "SYMMETRIC", "Scheme"]

#: The scoring levels, from the most lenient to the headline.
LEVELS: tuple[str, ...] = ("unordered", "directed", "quad", "class")

#: How each level is printed.
LEVEL_TITLES: dict[str, str] = {
    "unordered": "unordered pair",
    "directed": "directed pair",
    "quad": "directed pair + quad class",
    "class": "directed pair + class",
}

#: kg properties matched in either direction (a relation that holds both ways).
SYMMETRIC: frozenset[str] = frozenset(
    {"alignedWith", "inConflictWith", "cooperatedWith", "agreedWith", "consulted"}
)

#: Inverse properties, turned round before scoring (``X ledBy Y`` is ``Y leaderOf X``).
_INVERSES: dict[str, str] = {"hasMember": "partOf", "ledBy": "leaderOf"}

#: Sub-property -> super-property in kg's vocabulary.
_SUPER: dict[str, str] = {
    "backedBy": "alignedWith",
    "blamed": "accused",
    "condemned": "criticized",
    "denied": "rejected",
    "aided": "supported",
    "visited": "consulted",
}

#: PLOVER quad classes (openeventdata/PLOVER README).
_PLOVER_QUAD: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), "material cooperation"),
    **dict.fromkeys(("DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION"), "verbal conflict"),
    **dict.fromkeys(("PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"), "material conflict"),
}

#: PLOVER class -> kg properties (the table of ``../shared/eval/README.md``).
_PLOVER: dict[str, frozenset[str]] = {
    "AGREE": frozenset({"agreedWith"}),
    "CONSULT": frozenset({"consulted", "visited"}),
    "SUPPORT": frozenset({"supported"}),
    "COOPERATE": frozenset({"cooperatedWith"}),
    "AID": frozenset({"aided"}),
    "CONCEDE": frozenset({"conceded"}),
    "RETREAT": frozenset({"conceded"}),
    "INVESTIGATE": frozenset({"investigated"}),
    "DEMAND": frozenset({"demanded"}),
    "DISAPPROVE": frozenset({"accused", "blamed", "criticized", "condemned"}),
    "REJECT": frozenset({"rejected", "denied"}),
    "THREATEN": frozenset({"threatened"}),
    "PROTEST": frozenset({"protestedAgainst"}),
    "MOBILIZE": frozenset({"mobilizedAgainst"}),
    "SANCTION": frozenset({"sanctioned"}),
    "COERCE": frozenset({"coerced"}),
    "ASSAULT": frozenset({"targeted"}),
    "FIGHT": frozenset({"inConflictWith"}),
}
#: Other names of PLOVER classes (CAMEO's and older PLOVER drafts').
_PLOVER_ALIASES: dict[str, str] = {"ACCUSE": "DISAPPROVE", "REQUEST": "DEMAND", "YIELD": "CONCEDE"}

#: re3d relation type -> kg properties.
_RE3D: dict[str, frozenset[str]] = {
    "FightingAgainst": frozenset({"targeted", "inConflictWith"}),
    "AlliesOf": frozenset({"alignedWith", "backedBy", "cooperatedWith"}),
    "BelongsTo": frozenset({"partOf"}),
    "InChargeOf": frozenset({"leaderOf", "controls"}),
    "CommWith": frozenset({"consulted", "visited"}),
    "Likes": frozenset({"supported", "aided"}),
    "Dislikes": frozenset({"accused", "blamed", "criticized", "condemned", "threatened"}),
}


@dataclass(frozen=True, slots=True)
class Scheme:
    """A set of gold classes and the kg properties each one accepts.

    Parameters
    ----------
    name : str
        ``"plover"``, ``"re3d"`` or ``"kg"``.
    classes : mapping of str to frozenset of str
        Gold class -> the kg properties that count as that class, in the
        order classes are reported.
    quads : mapping of str to str
        Gold class -> quad class, for the schemes that have quad classes.
    aliases : mapping of str to str
        Other spellings of gold classes (``ACCUSE`` for ``DISAPPROVE``).

    Examples
    --------
    >>> SCHEMES["plover"].accepts("DISAPPROVE", "condemned")
    True
    >>> SCHEMES["re3d"].class_of("inConflictWith"), SCHEMES["re3d"].class_of("locatedIn")
    ('FightingAgainst', None)
    >>> SCHEMES["kg"].accepts("accused", "blamed"), SCHEMES["kg"].accepts("accused", "criticized")
    (True, False)
    """

    name: str
    classes: Mapping[str, frozenset[str]]
    quads: Mapping[str, str] = field(default_factory=dict)
    aliases: Mapping[str, str] = field(default_factory=dict)

    @property
    def levels(self) -> tuple[str, ...]:
        """The levels this scheme is scored at (``quad`` only with quad classes)."""
        return LEVELS if self.quads else tuple(lv for lv in LEVELS if lv != "quad")

    @property
    def properties(self) -> frozenset[str]:
        """Every kg property some class accepts; other relations are ignored."""
        return frozenset().union(*self.classes.values())

    def canonical(self, gold_type: str) -> str:
        """The class a gold type names (resolving aliases).

        Raises
        ------
        ValueError
            When the type is no class of this scheme.
        """
        name = self.aliases.get(gold_type, gold_type)
        if name not in self.classes:
            raise ValueError(f"{gold_type!r} is not a class of the {self.name} scheme")
        return name

    def accepts(self, gold_type: str, predicate: str) -> bool:
        """Whether a kg property counts as the gold class."""
        return predicate in self.classes[self.canonical(gold_type)]

    def class_of(self, predicate: str) -> str | None:
        """The class a kg property's false positives are counted under.

        The class of the same name when there is one (kg scheme), else the
        first class accepting the property.
        """
        if predicate in self.classes.get(predicate, ()):
            return predicate
        for name, props in self.classes.items():
            if predicate in props:
                return name
        return None

    def quads_of(self, predicate: str) -> frozenset[str]:
        """The quad classes a kg property can stand for."""
        return frozenset(self.quads[c] for c, props in self.classes.items()
                         if predicate in props and c in self.quads)


def _kg_scheme() -> Scheme:
    props = sorted(RELATION_PROPERTIES - {"claimedResponsibilityFor", *_INVERSES})
    classes = {}
    for prop in props:
        family = {prop} | {sub for sub, sup in _SUPER.items() if sup == prop}
        if prop in _SUPER:
            family.add(_SUPER[prop])
        classes[prop] = frozenset(family)
    plover_of = {p: c for c, ps in _PLOVER.items() for p in sorted(ps)}
    quads = {p: _PLOVER_QUAD[plover_of[p]] for p in props if p in plover_of}
    return Scheme("kg", classes, quads)


#: The schemes ``kg eval`` knows, by name.
SCHEMES: dict[str, Scheme] = {
    "plover": Scheme("plover", _PLOVER, {c: _PLOVER_QUAD[c] for c in _PLOVER}, _PLOVER_ALIASES),
    "re3d": Scheme("re3d", _RE3D),
    "kg": _kg_scheme(),
}
