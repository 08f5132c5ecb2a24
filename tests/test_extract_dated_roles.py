"""A person's state role on the document's date (kg/extract/dated_roles.py), end to end."""

from __future__ import annotations

import datetime

import pytest

import kg


def _triples(text, day):
    graph = kg.build([kg.Document("d", text, day)])
    return graph, {r.triple: r for r in graph.relations}


@pytest.mark.parametrize("day,expected", [
    (datetime.date(2004, 3, 1), {("jacques-chirac", "leaderOf", "france")}),
    (datetime.date(2010, 3, 1), set()),
    (None, set()),  # no date, no dated inference
])
def test_dated_role_holds_on_the_document_date(day, expected):
    graph, rels = _triples("President Jacques Chirac spoke in Berlin on Tuesday.", day)
    dated = {t for t, r in rels.items() if r.rule.startswith("role:dated:")}
    assert dated == expected


def test_dated_role_without_leader_title_is_membership_and_adds_the_state():
    graph, rels = _triples("Vladimir Putin met Angela Merkel in Sochi.", datetime.date(2012, 5, 1))
    assert ("vladimir-putin", "partOf", "russia") in rels
    assert rels[("vladimir-putin", "partOf", "russia")].rule.startswith("role:dated:RUSGOV@Phoenix.Countries.actors.txt:")
    # Russia is not named in the text: the gazetteer gives it, typed, so the RDF is complete
    assert graph.entities["russia"].type == "State"


def test_dated_role_exports_valid_rdf():
    from kg.validate import validate

    graph, _ = _triples("President Jacques Chirac spoke in Berlin on Tuesday.", datetime.date(2004, 3, 1))
    report = validate(graph.to_rdf())
    assert report.conforms, report.text
