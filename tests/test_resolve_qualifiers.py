"""kg/resolve/ only resolves: what the wording of a mention states is a Qualifier record, and
extraction (kg/extract/qualified.py, role_relations) makes the relation of its kind."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kg
import kg.resolve
from kg.extract.qualified import parents, stated
from kg.extract.roles import role_relations
from kg.lexicon import load_lexicon
from kg.resolve import PASSES, Qualifier

RESOLVE_DIR = Path(kg.resolve.__file__).parent


def _qualifiers(text: str) -> list[tuple[str, str, str, str, str]]:
    """(entity, kind, other, rule, the words that state it) of each qualifier of a text."""
    rd = kg.parse(text)
    return [(q.entity, q.kind, q.other, q.rule, rd.doc[q.start : q.end].text) for q in rd.qualifiers]


def test_qualifier_of_a_state_noun():
    assert _qualifiers("Iraqi officials met the delegation.") == [
        ("iraqi-government", "state", "iraq", "resolve.state-noun", "Iraqi officials")]


def test_qualifier_of_a_place_in_a_facility_name():
    assert _qualifiers("Protesters gathered outside the U.S. Embassy in Baghdad.") == [
        ("embassy-of-the-united-states-baghdad", "place", "baghdad", "resolve.name-place", "Baghdad")]


@pytest.mark.parametrize("text,expected", [
    # a name that names its owner (the gazetteer parent)
    ("Iran's Revolutionary Guards seized a tanker.",
     ("islamic-revolutionary-guard-corps", "owner", "iran", "resolve.gazetteer-part-of", None)),
    # a title held for a state: the office, with its title as titles.tsv has it
    ("The Iraqi prime minister condemned the attack.",
     ("iraqi-prime-minister", "office", "iraq", "resolve.title-noun", "prime minister")),
    # an appositive naming a state's body
    ("The PMF, an Iraqi state paramilitary organization, rejected the plan.",
     ("popular-mobilization-forces", "state", "iraq", "resolve.state-body", None)),
    # the possessor's allies and backers
    ("Hamas and its Iranian backers condemned the raid.",
     ("hamas", "backer", "iran", "resolve.party-noun:backer", "backer")),
])
def test_qualifier_kinds(text, expected):
    rd = kg.parse(text)
    assert expected in {(q.entity, q.kind, q.other, q.rule, q.word) for q in rd.qualifiers}


def test_coordinated_states_each_qualify_their_own_noun():
    assert [(e, k, o) for e, k, o, _, _ in _qualifiers("Armenian and Azerbaijani forces clashed.")] == [
        ("armenian-forces", "state", "armenia"), ("azerbaijani-forces", "state", "azerbaijan")]


def test_a_people_s_forces_have_no_state_qualifier():
    assert not kg.parse("Kurdish forces attacked ISIS near Kobani.").qualifiers_of("kurdish-forces")


@pytest.mark.parametrize("text,edge", [
    ("Iraqi officials met the delegation.", ("iraqi-government", "partOf", "iraq", "resolve.state-noun")),
    ("Protesters gathered outside the U.S. Embassy in Baghdad.",
     ("embassy-of-the-united-states-baghdad", "locatedIn", "baghdad", "resolve.name-place")),
    ("The Iraqi prime minister condemned the attack.",
     ("iraqi-prime-minister", "leaderOf", "iraq", "resolve.title-noun")),
    ("Russia's foreign minister criticized NATO.",
     ("russian-foreign-minister", "partOf", "russia", "resolve.title-noun")),
    ("Hamas and its Iranian backers condemned the raid.", ("hamas", "backedBy", "iran", "resolve.party-noun:backer")),
    ("Syrian government forces and their Russian allies shelled Idlib.",
     ("syrian-forces", "alignedWith", "russia", "resolve.party-noun:ally")),
])
def test_extraction_makes_the_relation_of_each_qualifier(text, edge):
    rels = {(r.subject, r.predicate, r.object, r.rule) for r in role_relations(kg.parse(text))}
    assert edge in rels, rels


def test_an_office_with_no_relation_of_its_own_makes_none():
    lex = load_lexicon()
    q = Qualifier("lebanese-politician", "office", "lebanon", 0, 2, "resolve.title-noun", "politician")
    assert lex.titles["politician"] is None and stated(q, lex) is None


def test_parents_are_the_qualifiers_that_state_part_of():
    assert parents(kg.parse("U.S. forces left."), "us-forces") == {"united-states"}
    assert parents(kg.parse("Russia's foreign minister left."), "russian-foreign-minister") == {"russia"}
    assert parents(kg.parse("The Iraqi prime minister left."), "iraqi-prime-minister") == set()  # leads it


def test_every_kind_resolution_records_has_a_row():
    """The kinds in qualifiers.tsv are those the passes record (``qualify(..., "kind", ...)``
    and the owner of a name), so no row is dead and no kind unread."""
    recorded = {"owner"}  # recorded with every mention (state.Resolution.add)
    for path in RESOLVE_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "qualify":
                kind = node.args[1]
                if isinstance(kind, ast.Constant):
                    recorded.add(kind.value)
                else:  # parties.py: the kind is "ally" or "backer", by the noun's word list
                    recorded |= {"ally", "backer"}
    assert recorded == set(load_lexicon().qualifiers)


def _names_used(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
    return names


def test_nothing_in_the_resolver_makes_a_relation():
    """Resolution only resolves: no module of kg/resolve/ names Relation (or the old
    DerivedLink); every edge is made in kg/extract."""
    modules = sorted(RESOLVE_DIR.glob("*.py"))
    assert len(modules) > 5
    for path in modules:
        used = _names_used(path)
        assert not used & {"Relation", "DerivedLink", "links"}, path.name
    assert "Relation" in _names_used(Path(kg.__file__).parent / "extract" / "roles.py")  # the check can fail


def test_resolver_modules_are_small():
    for path in RESOLVE_DIR.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name


def test_passes_run_in_order():
    assert [p.__name__ for p in PASSES] == [
        "named_entities", "unit_names", "introductions", "named_entities_again", "untagged_names", "hyphened_demonyms",
        "noun_phrases", "title_nouns", "coreference", "owned_by_reference", "generic_participants", "unnamed_sites",
        "pronouns_across_sentences", "party_nouns"]
