"""The examples run: examples/research.ipynb is executed here (nbclient), so it never rots."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
NOTEBOOK = ROOT / "examples" / "research.ipynb"


def _outputs(cell) -> dict[str, str]:
    """A code cell's outputs by MIME type (stream text as text/plain)."""
    found: dict[str, str] = {}
    for out in cell.outputs:
        if out.output_type == "stream":
            found["stream"] = found.get("stream", "") + out.text
        for mime, value in out.get("data", {}).items():
            found[mime] = value
    return found


@pytest.fixture(scope="module")
def executed():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return [_outputs(c) for c in nb.cells if c.cell_type == "code"]


def test_examples_notebook_is_what_its_script_writes():
    nbformat = pytest.importorskip("nbformat")
    spec = importlib.util.spec_from_file_location("make_notebook", ROOT / "scripts" / "make_notebook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert nbformat.writes(module.notebook()) + "\n" == NOTEBOOK.read_text(encoding="utf-8")


def test_examples_notebook_builds_queries_ranks_plots_and_shows(executed):
    build, query, edges, central, plot, view = executed
    assert build["stream"].startswith("<KnowledgeGraph documents=1 ")
    assert "ArmedGroup" in build["text/plain"]
    assert "Kataib Hezbollah" in query["text/html"] and "kgo:accused" in query["text/html"]
    assert "<table" in edges["text/html"] and "tashkil-al-waritheen" in edges["text/html"]
    assert "pagerank" in central["text/html"] and "israel" in central["text/html"]
    assert plot.get("image/png")  # the figure, drawn inline
    assert view["text/html"].startswith('<div class="kg-view"><iframe srcdoc=')
