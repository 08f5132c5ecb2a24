"""Write examples/research.ipynb, the research notebook, from the cells below (without outputs:
the test suite runs it, tests/test_examples.py). Run: python scripts/make_notebook.py"""

from __future__ import annotations

from pathlib import Path

import nbformat

CELLS = [
    ("markdown", """# From an article to a graph, a table and a plot

This notebook takes the example article (`iraq-drone-attacks.txt`, October 2023) to a knowledge
graph, asks it a question as a pandas DataFrame, ranks its actors, plots one actor's relations
over time and shows the interactive view inline. It needs `kg[analysis,plot]` and Jupyter; the
test suite runs it (`tests/test_examples.py`), so what it shows is what kg does today."""),
    ("code", """%matplotlib inline
import datetime

import pandas as pd

import kg
from kg.analytics import centrality
from kg.plot import plot_actor

graph = kg.build(kg.iter_documents(["iraq-drone-attacks.txt"], date=datetime.date(2023, 10, 19)))
print(repr(graph))
pd.Series(graph.summary()["entities"], name="entities").sort_index()"""),
    ("markdown", """## A shipped query as a DataFrame

`query_df` runs SPARQL text or a shipped query by name (`kg query --list`); columns are typed."""),
    ("code", """accusations = graph.query_df("who-accused-whom")
accusations[["accuserLabel", "relation", "accusedLabel", "documents", "evidence"]]"""),
    ("markdown", """## Every edge as a row, and the most central actors

`to_dataframes()` gives one row a node and one an edge; `kg.analytics` measures who acted on
whom (PageRank, degree, betweenness; allegations and structural relations left out)."""),
    ("code", """nodes, edges = graph.to_dataframes()
edges[edges.relation == "targeted"][["source", "target", "confidence", "evidence", "alleged"]]"""),
    ("code", """pd.DataFrame(centrality(graph.to_networkx(), top=8)).set_index("actor")"""),
    ("markdown", """## One actor's relations over time

Above the axis what the actor did, below it what was done to it (`kg stats --plot` draws the
same figure into a file). One article has one date, so here there is one bar."""),
    ("code", """plot_actor(graph, "United States")"""),
    ("markdown", """## The interactive view

A graph shows itself as the HTML view (filters, search, evidence on click); `kg.display(graph,
top=20)` chooses what is shown."""),
    ("code", """graph"""),
]


def notebook() -> nbformat.NotebookNode:
    """The notebook, outputs empty, with a fixed kernel so the file's bytes never change."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                   "language_info": {"name": "python"}}
    for i, (kind, text) in enumerate(CELLS):
        cell = nbformat.v4.new_markdown_cell(text) if kind == "markdown" else nbformat.v4.new_code_cell(text)
        cell.id = f"cell-{i}"
        nb.cells.append(cell)
    return nb


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "examples" / "research.ipynb"
    nbformat.write(notebook(), out)
    print(f"wrote {out}")
