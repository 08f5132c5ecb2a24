"""Triples as plain Python values, indexed for reading a graph back (:mod:`kg.rdf.reading`).

Reading kg's files back needs only look-ups by subject and predicate, and by predicate and
object; an rdflib graph does those through a store of rdflib terms, and parsing into one
takes most of the time of :func:`kg.load`. :class:`Triples` holds the triples of every
graph of a file (the union, each triple once) in two dicts, with IRIs as :class:`IRI`,
blank nodes as :class:`Blank` and literals as Python values (``str``, ``int``, ``float``,
``bool``, ``datetime.date``). :func:`parse_files` fills one with pyoxigraph's parsers
(about twenty times faster than rdflib's); :func:`from_rdflib` with an rdflib graph or dataset.

Examples
--------
>>> import rdflib
>>> g = rdflib.Graph().parse(data='<urn:a> <urn:p> 1, "x"@en ; <urn:q> <urn:b> .', format="turtle")
>>> t = from_rdflib(g)
>>> sorted(t.objects("urn:a", "urn:p"), key=str), t.value("urn:a", "urn:q"), t.subjects("urn:q", IRI("urn:b"))
([1, 'x'], IRI('urn:b'), [IRI('urn:a')])
"""

from __future__ import annotations

import datetime as _dt
import os
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:
    import rdflib

from ..errors import GraphFileError
from ..formats import syntax_of_path

__all__ = ["IRI", "Blank", "Triples", "Value", "from_rdflib", "parse_files"]

_XSD = "http://www.w3.org/2001/XMLSchema#"


class IRI(str):
    """An IRI (a ``str``, told apart from a string literal by its type)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"IRI({str.__repr__(self)})"


class Blank(str):
    """A blank node's label."""

    __slots__ = ()


#: A term: an IRI, a blank node or a literal's Python value.
Value = Union[IRI, Blank, str, int, float, Decimal, bool, _dt.date]


def _literal(text: str, datatype: str | None) -> Value:
    """A literal's Python value: numbers, booleans and dates by their XSD type, else the text."""
    kind = datatype[len(_XSD):] if datatype and datatype.startswith(_XSD) else None
    try:
        if kind in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger"):
            return int(text)
        if kind == "decimal":
            return Decimal(text)
        if kind in ("double", "float"):
            return float(text)
        if kind == "boolean":
            return text.strip() in ("true", "1")
        if kind == "date":
            return _dt.date.fromisoformat(text)
        if kind == "dateTime":
            return _dt.datetime.fromisoformat(text)
    except ValueError:
        pass  # an ill-typed literal is read as its text, as rdflib does
    return text


class Triples:
    """Triples indexed by subject and predicate, and by predicate and object."""

    def __init__(self) -> None:
        self._out: dict[IRI | Blank, dict[str, list[Value]]] = defaultdict(lambda: defaultdict(list))
        self._in: dict[tuple[str, type, Value], list[IRI | Blank]] = defaultdict(list)
        self._seen: set[tuple[str, str, Any]] = set()

    def add(self, s: IRI | Blank, p: str, o: Value) -> None:
        """Add one triple (a triple already held is not added again)."""
        key = (s, p, (type(o), o))
        if key in self._seen:
            return
        self._seen.add(key)
        self._out[s][p].append(o)
        self._in[p, type(o), o].append(s)

    def __len__(self) -> int:
        return len(self._seen)

    def subjects(self, p: str, o: Value | None = None) -> list[IRI | Blank]:
        """The subjects with predicate ``p`` (and object ``o`` when given), in the order read."""
        if o is not None:
            return list(self._in.get((p, type(o), o), ()))
        return [s for s, props in self._out.items() if p in props]

    def objects(self, s: str, p: str) -> list[Value]:
        """The objects of ``s`` and ``p``, in the order read."""
        props = self._out.get(s)  # type: ignore[call-overload]  # any str looks up as itself
        return list(props.get(p, ())) if props else []

    def value(self, s: str, p: str) -> Value | None:
        """One object of ``s`` and ``p``, or ``None``; of several the least (by type name and
        text), so the answer does not depend on the order the triples were read in."""
        found = self.objects(s, p)
        if len(found) < 2:
            return found[0] if found else None
        return min(found, key=lambda v: (type(v).__name__, str(v)))

    def has(self, s: str, p: str, o: Value) -> bool:
        """Whether the triple is held."""
        return (s, p, (type(o), o)) in self._seen


def _ox_term(term: Any) -> Value:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return IRI(term.value)
    if isinstance(term, ox.BlankNode):
        return Blank(term.value)
    if isinstance(term, ox.Literal):
        return _literal(term.value, term.datatype.value if term.datatype else None)
    return str(term)  # an RDF-star triple term: kg writes none


def _parse_one(path: Path, into: Triples) -> None:
    import pyoxigraph as ox

    syntax = syntax_of_path(path)
    fmt = syntax.oxigraph if syntax is not None else "TURTLE"
    if fmt is None:  # a syntax only rdflib reads
        import rdflib

        ds = rdflib.Dataset()
        ds.parse(path, format=syntax.rdflib)  # type: ignore[union-attr]
        _add_rdflib(ds, into)
        return
    for quad in ox.parse(path=path, format=getattr(ox.RdfFormat, fmt)):
        into.add(_ox_term(quad.subject), quad.predicate.value, _ox_term(quad.object))  # type: ignore[arg-type]


def parse_files(paths: Iterable[str | os.PathLike[str]]) -> Triples:
    """Every file's triples (the union of its graphs), the syntax from the suffix (Turtle when
    it says none). Raises :class:`~kg.errors.GraphFileError` for a missing or malformed file."""
    out = Triples()
    for path in map(Path, paths):
        if not path.is_file():
            raise GraphFileError(f"{path}: no such file")
        try:
            _parse_one(path, out)
        except Exception as exc:  # pyoxigraph and rdflib raise many kinds of parse errors
            syntax = syntax_of_path(path)
            name = syntax.name if syntax is not None else "turtle"
            raise GraphFileError(f"{path}: not a readable {name} RDF file ({exc})") from None
    return out


def _rdflib_term(term: Any) -> Value:
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return IRI(term)
    if isinstance(term, BNode):
        return Blank(term)
    if isinstance(term, Literal):
        return _literal(str(term), str(term.datatype) if term.datatype else None)
    return str(term)


def _add_rdflib(rdf: rdflib.Graph, into: Triples) -> None:
    from rdflib import Dataset

    found = (q[:3] for q in rdf.quads((None, None, None, None))) if isinstance(rdf, Dataset) \
        else rdf.triples((None, None, None))
    for s, p, o in found:
        into.add(_rdflib_term(s), str(p), _rdflib_term(o))  # type: ignore[arg-type]


def from_rdflib(rdf: rdflib.Graph) -> Triples:
    """The triples of an rdflib ``Graph`` or ``Dataset`` (the union of its graphs)."""
    out = Triples()
    _add_rdflib(rdf, out)
    return out
