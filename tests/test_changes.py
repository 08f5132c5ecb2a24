"""How the measures changed between two time windows (kg.changes, kg stats --compare)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import kg
from kg.analytics import centrality, targeting
from kg.changes import compare, parse_window
from kg.cli import main

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")

DOCS = [
    kg.Document("d1", "Iran supported Hezbollah. Hezbollah fired rockets at Israel.", dt.date(2024, 1, 5)),
    kg.Document("d2", "Hezbollah fired rockets at Israel. Russia supported Iran.", dt.date(2024, 1, 20)),
    kg.Document("d3", "Israel struck Hezbollah. Israel condemned Iran. Hamas attacked Israel.", dt.date(2024, 3, 5)),
]
A, B = (None, dt.date(2024, 1, 31)), (dt.date(2024, 2, 1), None)


@pytest.fixture(scope="module")
def g():
    return kg.build(DOCS).to_networkx()


def test_changes_targets_count_each_window_and_the_change(g):
    rows = {(r["source"], r["target"]): r for r in compare(g, A, B, top=None)["targets"]}
    assert (rows["hezbollah", "israel"]["documents_a"], rows["hezbollah", "israel"]["documents_b"]) == (2, 0)
    assert rows["hezbollah", "israel"]["change"] == -2
    assert (rows["israel", "hezbollah"]["documents_a"], rows["israel", "hezbollah"]["change"]) == (0, 1)
    # each window's column is what targeting() gives for that window alone
    for window, col in ((A, "documents_a"), (B, "documents_b")):
        alone = {(r["source"], r["target"]): r["documents"] for r in targeting(g, since=window[0], until=window[1])}
        assert alone == {k: r[col] for k, r in rows.items() if r[col]}
    changes = [abs(r["change"]) for r in compare(g, A, B, top=None)["targets"]]
    assert changes == sorted(changes, reverse=True)


def test_changes_central_ranks_match_each_window(g):
    rows = {r["actor"]: r for r in compare(g, A, B, top=None)["central"]}
    for window, suffix in ((A, "a"), (B, "b")):
        alone = centrality(g, since=window[0], until=window[1])
        for rank, r in enumerate(alone, start=1):
            assert (rows[r["actor"]][f"rank_{suffix}"], rows[r["actor"]][f"pagerank_{suffix}"]) == (rank, r["pagerank"])
    assert rows["hamas"]["rank_a"] is None and rows["hamas"]["pagerank_a"] == 0.0
    assert rows["hamas"]["change"] == rows["hamas"]["pagerank_b"]


def test_changes_blocs_per_window_and_together(g):
    blocs = compare(g, A, B)["blocs"]
    assert {r["window"] for r in blocs} <= {"a", "b", "a+b"}
    together = [r["members"] for r in blocs if r["window"] == "a+b"]
    assert any({"hezbollah", "iran"} <= set(m) for m in together)


def test_changes_parse_window_rejects_what_is_no_window():
    assert parse_window("..") == (None, None)
    for bad in ("2024-01-01", "2024-13-01..", "2024-02-01..2024-01-01"):
        with pytest.raises(ValueError):
            parse_window(bad)


def test_changes_command_table_csv_json(g, tmp_path, capsys):
    ttl = tmp_path / "g.ttl"
    kg.build(DOCS).serialize(ttl)
    assert main(["stats", str(ttl), "--compare", "..2024-01-31", "2024-02-01.."]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Change from window a (..2024-01-31) to window b (2024-02-01..)")
    assert "documents_a  documents_b  change" in text
    assert main(["stats", str(ttl), "--compare", "..2024-01-31", "2024-02-01..", "--format", "csv",
                 "--table", "targets"]) == 0
    header, *lines = capsys.readouterr().out.splitlines()
    assert header == "source,source_label,target,target_label,documents_a,documents_b,change"
    assert "hezbollah,Hezbollah,israel,Israel,2,0,-2" in lines
    assert main(["stats", str(ttl), "--compare", "..2024-01-31", "2024-02-01..", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["windows"] == {"a": "..2024-01-31", "b": "2024-02-01.."}
    assert set(data) == {"windows", "central", "targets", "blocs", "hostility"}


def test_changes_command_usage_errors(tmp_path, capsys):
    ttl = tmp_path / "g.ttl"
    kg.build(DOCS[:1]).serialize(ttl)
    assert main(["stats", str(ttl), "--compare", "..2024-01-31", "2024-02-01..", "--since", "2024-01-01"]) == 2
    assert "leave out --since" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["stats", str(ttl), "--compare", "2024-01-31", "2024-02-01.."])
    assert exit_.value.code == 2
    assert "SINCE..UNTIL" in capsys.readouterr().err
