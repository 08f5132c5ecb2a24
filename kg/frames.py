"""pandas tables of a graph and of query results (the optional ``kg[analysis]`` extra).

:func:`to_dataframes` gives the node and edge tables of :mod:`kg.tables` with typed columns
(``confidence`` float, ``evidence`` int, ``first_date``/``last_date`` datetimes, ``negated``
and ``alleged`` bool; lists stay Python lists). :func:`result_dataframe` turns a SPARQL
result into a table: IRIs in kg's prefixed form (``kgr:iran``), numbers, booleans and dates
as such, one column per variable.

Examples
--------
>>> import kg, datetime as dt
>>> graph = kg.build([kg.Document("d1", "Iran condemned Israel.", dt.date(2024, 1, 5))])
>>> nodes, edges = to_dataframes(graph)
>>> edges[["source", "relation", "target", "evidence", "first_date"]].to_string(index=False)
'source  relation target  evidence first_date\\n  iran condemned israel         1 2024-01-05'
>>> result_dataframe(graph.query("SELECT ?o WHERE { kgr:iran kgo:condemned ?o }"))["o"].tolist()
['kgr:israel']
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .tables import EDGE_COLUMNS, NODE_COLUMNS, edge_rows, node_rows

if TYPE_CHECKING:
    import pandas

    from .graph import KnowledgeGraph
    from .results import Answer

__all__ = ["require_pandas", "result_dataframe", "to_dataframes"]


def require_pandas() -> Any:
    """The pandas module, or an :class:`ImportError` that says how to install it."""
    try:
        import pandas
    except ImportError:
        raise ImportError("kg's DataFrames need pandas, an optional dependency: "
                          "pip install 'kg[analysis]' (or pip install pandas)") from None
    return pandas


def to_dataframes(graph: KnowledgeGraph) -> tuple[pandas.DataFrame, pandas.DataFrame]:
    """``(nodes, edges)``: pandas DataFrames of every node and edge (see :mod:`kg.tables`)."""
    pd = require_pandas()
    nxg = graph.to_networkx(all_entities=True)
    nodes = pd.DataFrame(node_rows(graph, nxg), columns=list(NODE_COLUMNS))
    edges = pd.DataFrame(edge_rows(graph, nxg), columns=list(EDGE_COLUMNS))
    for column in ("mentions", "killed", "wounded"):
        nodes[column] = nodes[column].astype("Int64")
    nodes["unclaimed"] = nodes["unclaimed"].astype("boolean")
    for column in ("latitude", "longitude"):
        nodes[column] = nodes[column].astype("float64")
    nodes["date"] = pd.to_datetime(nodes["date"])
    edges["confidence"] = edges["confidence"].astype("float64")
    edges["evidence"] = edges["evidence"].astype("int64")
    for column in ("negated", "alleged"):
        edges[column] = edges[column].astype("bool")
    for column in ("first_date", "last_date"):
        edges[column] = pd.to_datetime(edges[column])
    return nodes, edges


def _value(term: Any) -> Any:
    """A Python value for one result cell (rdflib or pyoxigraph term)."""
    from .results import _cell, _parts

    if term is None:
        return None
    kind, text, datatype, _ = _parts(term)
    if kind != "literal" or datatype is None:
        return _cell(term)
    from rdflib import Literal, URIRef

    value = Literal(text, datatype=URIRef(datatype)).toPython()
    if isinstance(value, Decimal):
        return float(value)
    return value if isinstance(value, (bool, int, float, _dt.date)) else text


def result_dataframe(result: Answer) -> pandas.DataFrame:
    """A SELECT result (rdflib's or :class:`kg.store.QueryResult`) as a DataFrame.

    Columns whose values are all whole numbers are ``Int64``, all numbers ``float64``,
    all booleans ``boolean``, all dates datetimes; the rest are strings (IRIs prefixed).
    """
    pd = require_pandas()
    res: Any = result  # rdflib's Result or a QueryResult: both have type, vars and rows
    if res.type != "SELECT":
        raise ValueError(f"only SELECT results make tables, not {res.type}")
    names = [str(v) for v in res.vars]
    rows = [[_value(row[i]) for i in range(len(names))] for row in res]
    frame = pd.DataFrame(rows, columns=names, dtype=object)
    for name in names:
        present = [v for v in frame[name] if v is not None]
        if not present:
            continue
        if all(isinstance(v, bool) for v in present):
            frame[name] = frame[name].astype("boolean")
        elif all(isinstance(v, int) and not isinstance(v, bool) for v in present):
            frame[name] = frame[name].astype("Int64")
        elif all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
            frame[name] = frame[name].astype("float64")
        elif all(isinstance(v, _dt.date) for v in present):
            frame[name] = pd.to_datetime(frame[name])
        else:
            frame[name] = frame[name].astype("string")
    return frame
