"""Content negotiation for ``kg serve``: which format answers a request, from its ``Accept``
header (or ``format=``), among the SPARQL result formats and the RDF graph syntaxes.

Examples
--------
>>> negotiate("text/csv;q=0.5, application/sparql-results+json", RESULT_TYPES)
('application/sparql-results+json', 'json')
>>> negotiate("image/png", RESULT_TYPES) is None
True
"""

from __future__ import annotations

from .formats import RDF_SYNTAXES, RESULT_FORMATS

__all__ = ["GRAPH_SYNTAXES", "GRAPH_TYPES", "RESULT_TYPES", "accepted", "negotiate"]

#: Media type -> result format, in order of preference for ``*/*`` (:data:`kg.formats.RESULT_FORMATS`).
RESULT_TYPES = {media: f.name for f in RESULT_FORMATS for media in f.media_types}
#: Media type -> RDF syntax for CONSTRUCT, DESCRIBE and the service description: the graph
#: syntaxes kg writes.
GRAPH_TYPES = {s.media_type: s.name for s in RDF_SYNTAXES if s.written and not s.dataset}
#: Those syntaxes.
GRAPH_SYNTAXES = [s for s in RDF_SYNTAXES if s.media_type in GRAPH_TYPES]


def accepted(header: str | None) -> list[str]:
    """Media types of an ``Accept`` header, best first."""
    ranked = []
    for i, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if fields[0] and q > 0:
            ranked.append((-q, i, fields[0].lower()))
    return [t for _, _, t in sorted(ranked)]


def negotiate(accept: str | None, kinds: dict[str, str]) -> tuple[str, str] | None:
    for media in accepted(accept):
        if media in kinds:
            return media, kinds[media]
        if media in {"*/*", "application/*", "text/*"}:
            for known, fmt in kinds.items():
                if media == "*/*" or known.startswith(media[:-1]):
                    return known, fmt
    return None
