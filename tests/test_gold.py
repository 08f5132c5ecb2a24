"""tests/gold/gold.jsonl: well-formed, varied, original, and a regression guard on kg's F1."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.vocab import RELATION_PROPERTIES

GOLD = Path(__file__).parent / "gold" / "gold.jsonl"
SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples"

#: Regression floor for the headline level (directed pair + class) on this file:
#: kg reached F1 0.802 (P 0.944, R 0.697) on its 431 sentences when the floor was set;
#: floor = that - 0.05, rounded down. Raise it as extraction improves.
CLASS_F1_FLOOR = 0.75


@pytest.fixture(scope="module")
def records():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_is_well_formed(records):
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for r in records:
        assert set(r) == {"id", "text", "events"}, r["id"]
        assert isinstance(r["text"], str) and r["text"].strip() == r["text"] and r["text"]
        for ev in r["events"]:
            assert set(ev) == {"src", "tgt", "type", "reciprocal"}, r["id"]
            assert ev["type"] in RELATION_PROPERTIES, (r["id"], ev["type"])
            assert isinstance(ev["reciprocal"], bool)
            assert ev["src"] and ev["tgt"], r["id"]
            for actor in (*ev["src"], *ev["tgt"]):
                assert actor["text"] and actor["text"] in r["text"], (r["id"], actor["text"])


def test_gold_size_and_variety(records):
    assert len(records) >= 200
    assert sum(1 for r in records if not r["events"]) >= 25
    types = {ev["type"] for r in records for ev in r["events"]}
    assert len(types) >= 25, sorted(RELATION_PROPERTIES - types)
    regions = {r["id"].split("-")[1] for r in records}
    assert len(regions) >= 15
    assert sum(1 for r in records for ev in r["events"] if ev["reciprocal"]) >= 10


def _windows(text: str, n: int = 9) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_gold_copies_no_shared_or_example_text(records):
    sources = [p for d in (SHARED / "eval", SHARED / "corpus", EXAMPLE) if d.is_dir()
               for p in sorted(d.iterdir()) if p.suffix in {".jsonl", ".txt"}]
    if not sources:
        pytest.skip("no shared sets or examples to compare with")
    seen: set[str] = set()
    for path in sources:
        seen |= _windows(path.read_text(encoding="utf-8", errors="replace"))
    copied = [r["id"] for r in records if _windows(r["text"]) & seen]
    assert not copied


def test_gold_kg_eval_above_floor(capsys):
    from kg.cli import main

    assert main(["eval", str(GOLD), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["scheme"] == "kg"
    headline = report["levels"]["class"]
    assert headline["f1"] >= CLASS_F1_FLOOR, headline
    # the levels nest: a looser level never scores lower recall
    levels = report["levels"]
    assert levels["unordered"]["gold_found"] >= levels["directed"]["gold_found"] >= headline["gold_found"]
