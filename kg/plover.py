"""The PLOVER class of one statement, from its trigger's CAMEO code and the kinds of its ends.

A kg property names what happened (``targeted``); PLOVER, the event ontology
political scientists code with, splits some of them further. Its codebook
draws the line between **FIGHT** (the use of conventional military force:
armed forces fighting, shelling, air strikes, artillery, by a state's forces or
between armed forces) and **ASSAULT** (unconventional violence: abductions,
torture, assassinations, bombings, killings of people by armed groups). kg
follows that definition for each ``targeted`` statement:

1. a trigger whose CAMEO code is unconventional violence (18x: abduct, torture,
   assassinate, suicide and car bombing; 20x: mass killing) is ASSAULT;
2. a state or its forces using force is FIGHT, unless the one hit is a person
   (an assassination, whatever the weapon);
3. conventional force (CAMEO 19x: fighting, shelling, shooting, air strikes) between two
   armed parties (armed groups, forces, states) is FIGHT;
4. anything else (an armed group or an unknown attacker against people,
   places or facilities) is ASSAULT.

``inConflictWith`` is always FIGHT. Other properties have one PLOVER class
each and are left to the property (``None`` here). The same rule is written
in ``ontology/kg.ttl`` on ``kgo:targeted``.

This module knows no spaCy and no RDF: it maps plain strings.

Examples
--------
>>> statement_class("targeted", code="190", subject_type="MilitaryForce", object_type="Collective")
'FIGHT'
>>> statement_class("targeted", code="1822", subject_type="MilitaryForce", object_type="Collective")
'ASSAULT'
>>> statement_class("targeted", subject_type="ArmedGroup", object_type="Facility")
'ASSAULT'
>>> statement_class("targeted", code="190", subject_type="ArmedGroup", object_type="MilitaryForce")
'FIGHT'
>>> statement_class("targeted", code="180", subject_type="ArmedGroup", object_type="MilitaryForce")
'ASSAULT'
>>> statement_class("accused", subject_type="State", object_type="State") is None
True
"""

from __future__ import annotations

__all__ = ["ARMED", "CONVENTIONAL_CODES", "UNCONVENTIONAL_CODES", "statement_class"]

#: CAMEO root codes of unconventional violence (PLOVER ASSAULT whoever does it).
UNCONVENTIONAL_CODES: tuple[str, ...] = ("18", "20")
#: CAMEO root codes of conventional military force.
CONVENTIONAL_CODES: tuple[str, ...] = ("19",)
#: Actor kinds that wield conventional force.
_STATE_FORCE = frozenset({"State", "MilitaryForce"})
#: Actor kinds that are armed parties to a fight.
ARMED = frozenset({"State", "MilitaryForce", "ArmedGroup"})


def statement_class(predicate: str, *, code: str | None = None, subject_type: str | None = None,
                    object_type: str | None = None) -> str | None:
    """The PLOVER class a statement of ``predicate`` has, where its property alone does
    not decide it; ``None`` where it does."""
    if predicate == "inConflictWith":
        return "FIGHT"
    if predicate != "targeted":
        return None
    if code and code.startswith(UNCONVENTIONAL_CODES):
        return "ASSAULT"
    if subject_type in _STATE_FORCE and object_type != "Person":
        return "FIGHT"
    if code and code.startswith(CONVENTIONAL_CODES) and subject_type in ARMED and object_type in ARMED:
        return "FIGHT"
    return "ASSAULT"
