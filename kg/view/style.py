"""How the view draws things: colours and shapes by class, colours by relation, edge widths.

>>> _class_style("State", "entity")
('#4e79a7', 'dot')
>>> _relation_color("targeted")
'#d62728'
"""

from __future__ import annotations

import hashlib
import math

#: Node style by ontology class local name: (colour, vis shape).
_CLASS_STYLES: dict[str, tuple[str, str]] = {
    "State": ("#4e79a7", "dot"),
    "ArmedGroup": ("#e15759", "triangle"),
    "MilitaryForce": ("#9d2c2e", "triangleDown"),
    "Organization": ("#59a14f", "square"),
    "InternationalOrganization": ("#2f8f8a", "hexagon"),
    "PoliticalParty": ("#d4a716", "diamond"),
    "GovernmentBody": ("#f28e2b", "square"),
    "Person": ("#b07aa1", "dot"),
    "Collective": ("#e377c2", "hexagon"),
    "Place": ("#9c755f", "diamond"),
    "Facility": ("#8c8c5a", "triangleDown"),
    "Vehicle": ("#6b8c8c", "triangleDown"),
    "Actor": ("#8a8a8a", "dot"),
    "Attack": ("#d62728", "star"),
    "Clash": ("#a50f15", "star"),
    "Protest": ("#ff7f0e", "star"),
    "Arrest": ("#8c564b", "star"),
    "Sanction": ("#6a3d9a", "star"),
    "Meeting": ("#17becf", "star"),
    "Agreement": ("#2ca02c", "star"),
    "Seizure": ("#7f4f24", "star"),
    "Event": ("#555555", "star"),
}

#: Edge colour by relation (property local name).
_RELATION_COLORS: dict[str, str] = {
    "alignedWith": "#2ca02c",
    "backedBy": "#1b7837",
    "partOf": "#7f7f7f",
    "leaderOf": "#8c564b",
    "locatedIn": "#a6a31c",
    "stationedIn": "#9467bd",
    "controls": "#5e3c99",
    "accused": "#ff7f0e",
    "blamed": "#e6550d",
    "criticized": "#f0a04b",
    "condemned": "#d94801",
    "threatened": "#c51b8a",
    "targeted": "#d62728",
    "inConflictWith": "#a50f15",
    "coerced": "#7b3294",
    "sanctioned": "#6a51a3",
    "mobilizedAgainst": "#e7298a",
    "protestedAgainst": "#f768a1",
    "rejected": "#969696",
    "denied": "#636363",
    "demanded": "#bf812d",
    "investigated": "#3182bd",
    "conceded": "#74c476",
    "aided": "#31a354",
    "cooperatedWith": "#1f77b4",
    "supported": "#41ab5d",
    "agreedWith": "#006d2c",
    "consulted": "#4292c6",
    "visited": "#6baed6",
    "claimedResponsibilityFor": "#4d004b",
    "agent": "#525252",
    "target": "#cb181d",
    "location": "#8c6d31",
    "instrument": "#737373",
    "outcome": "#969696",
}

#: Colours for relations or classes the tables above do not name.
_FALLBACK_COLORS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip

#: Relations drawn without arrows (their direction carries no meaning).
_SYMMETRIC = frozenset({"alignedWith", "inConflictWith"})
#: vis dash pattern (dash, gap in px) of an edge that is only alleged.
_ALLEGED_DASHES = (6, 5)

#: Edge width by number of supporting documents (0, 1, 2, ...), capped.
_WIDTHS = tuple(round(1.0 + 1.5 * math.log2(max(n, 1)), 2) for n in range(65))


def _class_style(ntype: str, kind: str) -> tuple[str, str]:
    if ntype in _CLASS_STYLES:
        return _CLASS_STYLES[ntype]
    return (_hash_color(ntype), "star" if kind == "event" else "dot")


def _relation_color(predicate: str) -> str:
    return _RELATION_COLORS.get(predicate) or _hash_color(predicate)


def _hash_color(name: str) -> str:
    digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).digest()
    return _FALLBACK_COLORS[digest[0] % len(_FALLBACK_COLORS)]
