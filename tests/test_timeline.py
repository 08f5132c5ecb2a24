"""An actor's relations over time (kg.timeline)."""

from __future__ import annotations

import datetime as dt

import pytest

import kg
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


def test_timeline_counts_each_direction_by_month_with_gaps(graph):
    line = timeline(graph.to_networkx(), "hezbollah")
    assert line.period == "month" and line.periods == ["2024-01", "2024-02", "2024-03"]
    got = {(c.period, c.relation, c.direction): c.records for c in line.counts}
    assert got[("2024-01", "targeted", "by")] == 1 and got[("2024-03", "targeted", "by")] == 1
    assert got[("2024-03", "targeted", "on")] == 1 and got[("2024-01", "supported", "on")] == 1
    assert line.undated == 1  # "Israel condemned Hezbollah" has no date
    assert not any(c.relation in {"partOf", "locatedIn"} for c in line.counts)


def test_timeline_window_and_period(graph):
    line = timeline(graph.to_networkx(), "hezbollah", since="2024-03-01", period="day")
    assert line.periods == ["2024-03-20"] and line.undated == 0
    assert {c.period for c in line.counts} == {"2024-03-20"}
    with pytest.raises(KeyError):
        timeline(graph.to_networkx(), "nobody")
