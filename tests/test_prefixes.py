"""kg.prefixes: the SPARQL prefixes as plain strings agree with kg.vocab's rdflib namespaces."""

from __future__ import annotations

from kg.prefixes import PREFIX_IRIS, XSD_IRI
from kg.vocab import PREFIXES


def test_prefixes_are_the_vocab_namespaces_in_the_same_order():
    assert list(PREFIX_IRIS.items()) == [(name, str(ns)) for name, ns in PREFIXES.items()]
    assert XSD_IRI == str(PREFIXES["xsd"])
