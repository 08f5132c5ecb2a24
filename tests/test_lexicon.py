"""The trigger lexicons: well-formed data, and only ontology terms."""

from __future__ import annotations

from kg.lexicon import load_lexicon
from kg.model import ACTOR_TYPES, EVENT_TYPES
from kg.vocab import KGO, RELATION_PROPERTIES

#: Predicates emitted by code paths that do not come from a lexicon row: the structural
#: relations of names and roles only (what constructions state is data: readings.tsv).
STRUCTURAL = {"partOf", "locatedIn", "stationedIn", "leaderOf", "claimedResponsibilityFor"}


def test_lexicon_every_predicate_is_an_ontology_property():
    lex = load_lexicon()
    emitted = set(lex.predicates) | set(lex.reciprocal.values()) | STRUCTURAL
    assert emitted <= RELATION_PROPERTIES, emitted - RELATION_PROPERTIES
    for pred in emitted:
        assert KGO[pred]  # the closed namespace raises on an undeclared term


def test_lexicon_every_class_is_an_ontology_class():
    lex = load_lexicon()
    classes = {n.cls for n in lex.actor_nouns.values()} | {c for n in lex.actor_nouns.values() for c in n.refers_to}
    classes |= {t.event for t in lex.nouns.values() if t.event}
    assert classes <= ACTOR_TYPES | EVENT_TYPES
    for cls in ACTOR_TYPES | EVENT_TYPES:
        assert KGO[cls]


def test_lexicon_rows_are_well_formed():
    lex = load_lexicon()
    for lemma, triggers in lex.verbs.items():
        assert lemma == lemma.lower() and " " not in lemma
        for t in triggers:
            assert 0 < t.confidence <= 1
            assert t.object in {"dobj", "dative", "ccomp", "for-clause", "special:deny", "only-object"} or t.object.startswith("addressee:") or t.object.startswith(("prep:", "dobj+", "noun:"))
            assert t.predicate.lstrip("~") in RELATION_PROPERTIES
            assert (t.noun is None) == (not t.object.startswith("noun:"))
            assert t.origin == "verbs.tsv" or t.origin.startswith("CAMEO.2.0.txt:")
    for noun in lex.nouns.values():
        assert 0 <= noun.confidence <= 1
    assert set(lex.intent.values()) <= {"cooperate", "threaten", "deny", "pursue", "continue"}
    assert all(p is None or p in RELATION_PROPERTIES for p in lex.titles.values())


def test_lexicon_nominalisations_take_their_verbs_relation():
    from kg.lexicon import _rows
    lex = load_lexicon()
    rows = _rows("nominalisations.tsv")
    assert rows
    for noun, verb in rows:  # every row names a verb with a direct-object row: none is dead data
        trig = lex.nouns[noun]
        assert trig.preps == ("of",)
        assert any(t.object == "dobj" and t.predicate == trig.predicate for t in lex.verbs[verb]), noun
    # kg's own verb row gives the relation before the dictionary's, and a row of nouns.tsv outranks
    assert lex.nouns["indictment"].predicate == lex.verbs["indict"][0].predicate == "accused"
    assert lex.nouns["torture"].event == "Attack" and lex.nouns["deportation"].event is None
    assert "attack" not in dict(rows)


def test_lexicon_own_rows_outrank_imported_ones():
    lex = load_lexicon()
    # kg's own rows of a verb come first and keep their relation; the CAMEO row lends its code
    kill = lex.verbs["kill"]
    assert kill[0].origin == "verbs.tsv" and kill[0].predicate == "targeted" and kill[0].code.startswith("19")
    assert not any(t.origin != "verbs.tsv" and t.noun is None for t in kill)  # no imported verb-alone row
    # a verb kg has no row for comes from the dictionary, with its origin line
    assert any(t.origin.startswith("CAMEO.2.0.txt:") for t in lex.verbs["hijack"])
    # a verb of kg's own never takes the dictionary's pattern with one of kg's act nouns
    assert not any(t.noun == "attack" for t in lex.verbs["condemn"])
    # a row of kg's with relation "-" keeps the verb's imported rows out
    assert "serve" not in lex.verbs


def test_lexicon_imported_prepositions_fit_the_relation():
    lex = load_lexicon()
    for triggers in lex.verbs.values():
        for t in triggers:
            if t.origin != "verbs.tsv" and t.object.startswith("prep:"):
                assert t.object[5:] in lex.argument_preps[t.predicate]


def _word_files():
    from kg.vocab import ontology_root

    folder = ontology_root().joinpath("lexicon", "words")
    return {p.name[:-4]: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name.endswith(".txt")}


def test_lexicon_word_lists_are_well_formed():
    """Every concept file says what it is first, then lists lowercase words, each once."""
    files = _word_files()
    assert files
    for name, text in files.items():
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines and lines[0].startswith("#"), f"{name}.txt: a comment saying what the concept is comes first"
        words = [line for line in lines if not line.startswith("#")]
        assert words, f"{name}.txt lists no word"
        assert all(w == w.lower() for w in words), f"{name}.txt: {[w for w in words if w != w.lower()]}"
        assert len(words) == len(set(words)), f"{name}.txt: {sorted(w for w in words if words.count(w) > 1)}"
        assert name in load_lexicon().words


def test_lexicon_every_concept_the_code_asks_for_has_its_file():
    import re
    from pathlib import Path

    import kg

    asked = {}
    for path in Path(kg.__file__).parent.rglob("*.py"):
        for concept in re.findall(r"""word_set\(\s*["']([^"']+)["']\s*\)""", path.read_text(encoding="utf-8")):
            asked.setdefault(concept, path.name)
    assert "weapon" in asked  # the pattern finds the calls
    missing = {c: f for c, f in asked.items() if c not in _word_files()}
    assert not missing, missing


def test_lexicon_every_reading_used_in_code_has_a_row_and_a_property():
    import re
    from pathlib import Path

    lex = load_lexicon()
    used = set()
    for path in (Path(__file__).resolve().parents[1] / "kg").rglob("*.py"):
        used |= set(re.findall(r'reading\("([^"]+)"\)', path.read_text(encoding="utf-8")))
    assert used and used <= set(lex.readings), used - set(lex.readings)
    assert set(lex.readings.values()) <= RELATION_PROPERTIES
