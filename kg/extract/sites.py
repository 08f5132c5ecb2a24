"""What an unnamed site may take part in: attacks, raids, seizures and hijackings.

An unnamed hotel, hospital, village or ship (:mod:`kg.resolve.sites`) is in the
graph because something was done to it by force. Relations of other kinds that
reach it are dropped ("the minister visited a hospital", "aid reached a camp"):
an unnamed building is no party to talks, aid or alignment, and it is not worth a
node of its own for them. Where it lies is the location of the event that hit it
(``kgo:location``), not a ``locatedIn`` edge of a node that stands for one
sentence's "a hospital".

Examples
--------
>>> from kg import parse
>>> from kg.extract import extract
>>> rels, _ = extract(parse("The minister visited a hospital. Rebels shelled a school in Goma."))
>>> sorted(r.predicate for r in rels)
['targeted']
"""

from __future__ import annotations

from ..model import Relation
from ..resolve import ResolvedDoc, is_participant

__all__ = ["SITE_PREDICATES", "is_unnamed_site", "site_relations", "unnamed_site_keys"]

#: What may be done to an unnamed site: attacked, raided, seized or hijacked.
SITE_PREDICATES = frozenset({"targeted", "coerced"})
#: Site kinds (resolved nouns of ``lexicon/sites.tsv``).
_SITE_TYPES = frozenset({"Facility", "Place", "Vehicle"})


def is_unnamed_site(rd: ResolvedDoc, key: str) -> bool:
    """Whether an entity of the document is an unnamed site ("a hotel")."""
    entity = rd.entities[key]
    return entity.type in _SITE_TYPES and is_participant(entity, rd.document.id)


def unnamed_site_keys(rd: ResolvedDoc) -> frozenset[str]:
    """Keys of the document's unnamed sites."""
    return frozenset(k for k in rd.entities if is_unnamed_site(rd, k))


def site_relations(rd: ResolvedDoc, relations: list[Relation]) -> list[Relation]:
    """The relations kept once unnamed sites are weighed: any relation of an unnamed site
    outside :data:`SITE_PREDICATES`, or read from a row imported from the CAMEO dictionary
    (its rule names the row with "@": "took office" is no seizure), is dropped."""
    sites = unnamed_site_keys(rd)
    if not sites:
        return relations
    return [r for r in relations if not ({r.subject, r.object} & sites)
            or (r.predicate in SITE_PREDICATES and "@" not in r.rule)]
