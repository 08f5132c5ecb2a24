"""An actor's relations over time as a plot (kg.plot, kg stats --plot), drawn by matplotlib."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

import kg
from kg.cli import main
from kg.timeline import timeline

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")

DOCS = [
    kg.Document("d1", "Iran supported Hezbollah. Hezbollah fired rockets at Israel.", dt.date(2024, 1, 5)),
    kg.Document("d2", "Israel struck Hezbollah. Hezbollah fired rockets at Israel.", dt.date(2024, 3, 20)),
    kg.Document("d3", "Israel condemned Hezbollah.", None),
]


@pytest.fixture(scope="module")
def graph():
    return kg.build(DOCS)


def test_plot_svg_is_deterministic_and_names_every_relation(graph, tmp_path):
    pytest.importorskip("matplotlib")
    from kg.plot import plot_actor

    one, two = tmp_path / "a.svg", tmp_path / "b.svg"
    plot_actor(graph, "Hezbollah", one)
    plot_actor(graph.merge(kg.build([])), "hezbollah", two)
    assert one.read_bytes() == two.read_bytes()
    assert ET.parse(one).getroot().tag.endswith("svg")
    assert "<dc:date>" not in one.read_text()
    fig = plot_actor(graph, "Hezbollah")
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == sorted({c.relation for c in timeline(graph.to_networkx(), "hezbollah").counts})


def test_plot_command_writes_png(graph, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    ttl = tmp_path / "g.ttl"
    graph.serialize(ttl)
    out = tmp_path / "hezbollah.png"
    assert main(["stats", str(ttl), "--plot", str(out), "--actor", "HEZBOLLAH"]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"wrote {out}" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["--plot", "x.png"], "--plot and --actor go together"),
    (["--actor", "Iran"], "--plot and --actor go together"),
    (["--plot", "x.jpg", "--actor", "Iran"], "not 'x.jpg'"),
    (["--plot", "x.png", "--actor", "Nobody"], "no actor named 'Nobody'"),
    (["--plot", "x.png", "--actor", "Iran", "--compare", "..2024-01-31", "2024-02-01.."], "leave out --compare"),
])
def test_plot_command_usage_errors(graph, tmp_path, capsys, argv, message):
    ttl = tmp_path / "g.ttl"
    graph.serialize(ttl)
    assert main(["stats", str(ttl), *argv]) == 2
    assert message in capsys.readouterr().err


def test_plot_without_matplotlib_says_what_to_install(graph, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # what an environment without it imports
    from kg.plot import plot_actor

    with pytest.raises(kg.KGError, match=r"pip install 'kg\[plot\]'"):
        plot_actor(graph, "hezbollah")
