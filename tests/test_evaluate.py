"""kg.evaluate: the scorer on hand-made gold and predictions (no model needed),
and ``kg eval`` once end to end."""

from __future__ import annotations

import json

import pytest

from kg.evaluate import (
    SCHEMES,
    GoldPair,
    GoldSentence,
    Prediction,
    actor_matches,
    detect_scheme,
    format_report,
    read_gold,
    score,
)


def P(s, p, o, s_names=None, o_names=None):
    """A prediction whose entity names default to the key, title-cased."""
    name = lambda k: (k.replace("-", " ").title(),)  # noqa: E731
    return Prediction(s, p, o, tuple(s_names or name(s)), tuple(o_names or name(o)), "test")


def S(sid, *pairs, text="..."):
    return GoldSentence(sid, text, tuple(GoldPair(*p) for p in pairs))


def f1s(report):
    return {lv: round(s.f1, 3) for lv, s in report.levels.items()}


def test_evaluate_perfect_match_is_one():
    gold = [S("a", ("Iran", "Israel", "condemned")),
            S("b", ("Hamas", "Tel Aviv", "targeted"), ("Egypt", "Qatar", "agreedWith", True))]
    pred = {"a": [P("iran", "condemned", "israel")],
            "b": [P("hamas", "targeted", "tel-aviv"), P("qatar", "agreedWith", "egypt")]}
    report = score(gold, pred, scheme="kg")
    assert f1s(report) == {"unordered": 1.0, "directed": 1.0, "quad": 1.0, "class": 1.0}
    assert not report.false_positives and not report.false_negatives


def test_evaluate_reversed_direction_counts_only_unordered():
    gold = [S("a", ("Iran", "Israel", "accused"))]
    report = score(gold, {"a": [P("israel", "accused", "iran")]}, scheme="kg")
    assert f1s(report) == {"unordered": 1.0, "directed": 0.0, "quad": 0.0, "class": 0.0}


@pytest.mark.parametrize("predicate", ["inConflictWith", "alignedWith", "cooperatedWith",
                                       "agreedWith", "consulted"])
def test_evaluate_symmetric_property_matches_either_way(predicate):
    gold = [S("a", ("Armenia", "Azerbaijan", predicate))]
    report = score(gold, {"a": [P("azerbaijan", predicate, "armenia")]}, scheme="kg")
    assert report.levels["class"].f1 == 1.0


def test_evaluate_reciprocal_gold_matches_either_way():
    gold = [S("a", ("Russia", "Ukraine", "accused", True))]
    report = score(gold, {"a": [P("ukraine", "accused", "russia")]}, scheme="kg")
    assert report.levels["class"].f1 == 1.0
    # not reciprocal: a reversed accusation is wrong
    gold = [S("a", ("Russia", "Ukraine", "accused", False))]
    assert score(gold, {"a": [P("ukraine", "accused", "russia")]}, scheme="kg").levels["class"].f1 == 0.0


def test_evaluate_empty_events_make_false_positives():
    gold = [S("a", ("Iran", "Israel", "condemned")), S("b")]
    pred = {"a": [P("iran", "condemned", "israel")], "b": [P("hamas", "targeted", "israel")]}
    s = score(gold, pred, scheme="kg").levels["class"]
    assert (s.predicted, s.predicted_correct, s.gold, s.gold_found) == (2, 1, 1, 1)
    assert s.precision == 0.5 and s.recall == 1.0


def test_evaluate_wrong_class_counts_at_directed_level_only():
    gold = [S("a", ("Iran", "Israel", "condemned"))]
    report = score(gold, {"a": [P("iran", "threatened", "israel")]}, scheme="kg")
    assert report.levels["directed"].f1 == 1.0
    assert report.levels["class"].f1 == 0.0
    assert report.levels["class"].classes["threatened"].predicted == 1
    assert report.levels["class"].classes["condemned"].gold == 1


def test_evaluate_quad_class_plover():
    # DISAPPROVE and THREATEN are both verbal conflict
    gold = [S("a", ("Iran", "Israel", "DISAPPROVE"))]
    report = score(gold, {"a": [P("iran", "threatened", "israel")]}, scheme="plover")
    assert f1s(report) == {"unordered": 1.0, "directed": 1.0, "quad": 1.0, "class": 0.0}
    # ASSAULT is material conflict
    report = score(gold, {"a": [P("iran", "targeted", "israel")]}, scheme="plover")
    assert report.levels["quad"].f1 == 0.0


def test_evaluate_demonym_matches_state():
    gold = [S("a", ("Hungarian", "Romanian", "AGREE", True))]
    pred = {"a": [P("hungary", "agreedWith", "romania", ["Hungary"], ["Romania"])]}
    assert score(gold, pred, scheme="plover").levels["class"].f1 == 1.0
    assert actor_matches("hungary", ["Hungary"], "Hungarian")
    assert actor_matches("iran", ["Iran"], "Iranians")  # plural demonym
    assert not actor_matches("iran", ["Iran"], "Iraqi")


def test_evaluate_containment_either_way():
    assert actor_matches("fuad-masum", ["Fuad Masum"], "Iraqi President Fuad Masum")
    assert actor_matches("islamic-state", ["Islamic State of Iraq and the Levant"], "Islamic State")
    assert not actor_matches("iran", ["Iran"], "Iraq")
    assert actor_matches("houthis", ["Houthis"], "Houthi rebels")  # plural folded
    # whole words only: "Iran" is not inside "Tirana"
    assert not actor_matches("iran", ["Iran"], "Tirana", gazetteer=False)
    gold = [S("a", ("Iraqi President Fuad Masum", "the Security Council", "CommWith"))]
    pred = {"a": [P("fuad-masum", "consulted", "un-security-council",
                    ["Fuad Masum"], ["UN Security Council", "Security Council"])]}
    assert score(gold, pred, scheme="re3d").levels["class"].f1 == 1.0


def test_evaluate_pronouns_never_match_by_containment():
    assert actor_matches("hamas", ["Hamas", "it"], "it")
    assert not actor_matches("hamas", ["it"], "it was the group")
    assert not actor_matches("united-states", ["they"], "they and their allies")


def test_evaluate_mentions_count_as_names():
    gold = [S("a", ("Washington", "Tehran", "sanctioned"))]
    pred = {"a": [P("united-states", "sanctioned", "iran",
                    ["United States", "Washington"], ["Iran", "Tehran"])]}
    assert score(gold, pred, scheme="kg").levels["class"].f1 == 1.0


def test_evaluate_unmapped_predicates_are_ignored():
    gold = [S("a", ("Iran", "Israel", "ASSAULT"))]
    pred = {"a": [P("iran", "targeted", "israel"), P("natanz", "locatedIn", "iran")]}
    report = score(gold, pred, scheme="plover")
    assert report.levels["class"].precision == 1.0
    assert report.ignored == {"locatedIn": 1}


def test_evaluate_inverse_properties_are_turned_round():
    gold = [S("a", ("Hassan Nasrallah", "Hezbollah", "leaderOf"))]
    report = score(gold, {"a": [P("hezbollah", "ledBy", "hassan-nasrallah")]}, scheme="kg")
    assert report.levels["class"].f1 == 1.0


def test_evaluate_each_gold_pair_counted_once():
    gold = [S("a", ("Iran", "Israel", "DISAPPROVE"))]
    pred = {"a": [P("iran", "accused", "israel"), P("iran", "condemned", "israel"),
                  P("iran", "criticized", "israel")]}
    s = score(gold, pred, scheme="plover").levels["class"]
    # three kg properties, one PLOVER class, one gold event
    assert (s.gold, s.gold_found, s.predicted, s.predicted_correct) == (1, 1, 1, 1)


def test_evaluate_kg_scheme_accepts_sub_and_super_properties():
    kg = SCHEMES["kg"]
    assert kg.accepts("accused", "blamed") and kg.accepts("blamed", "accused")
    assert kg.accepts("consulted", "visited") and kg.accepts("alignedWith", "backedBy")
    assert not kg.accepts("accused", "criticized") and not kg.accepts("targeted", "inConflictWith")


def test_evaluate_re3d_mapping():
    re3d = SCHEMES["re3d"]
    assert re3d.accepts("FightingAgainst", "targeted") and re3d.accepts("FightingAgainst", "inConflictWith")
    assert re3d.accepts("Dislikes", "threatened") and not re3d.accepts("Dislikes", "sanctioned")
    assert re3d.accepts("AlliesOf", "backedBy") and re3d.accepts("CommWith", "visited")
    assert "quad" not in re3d.levels


def test_evaluate_detect_scheme():
    assert detect_scheme([S("a", ("X", "Y", "accused"))]).name == "kg"
    assert detect_scheme([S("a", ("X", "Y", "ACCUSE"))]).name == "plover"
    assert detect_scheme([S("a", ("X", "Y", "BelongsTo"))]).name == "re3d"
    with pytest.raises(ValueError):
        detect_scheme([S("a", ("X", "Y", "accused")), S("b", ("X", "Y", "BelongsTo"))])


def test_evaluate_read_gold_expands_compound_actors(tmp_path):
    path = tmp_path / "g.jsonl"
    record = {"id": "x", "text": "Jordan and Britain condemned Iran.",
              "events": [{"src": [{"text": "Jordan"}, {"text": "Britain"}], "tgt": [{"text": "Iran"}],
                          "type": "DISAPPROVE", "reciprocal": False}]}
    path.write_text(json.dumps(record) + "\n\n" + json.dumps({"id": "y", "text": "Nothing.", "events": []}))
    gold = read_gold(path)
    assert [len(s.pairs) for s in gold] == [2, 0]
    assert {p.source for p in gold[0].pairs} == {"Jordan", "Britain"}


def test_evaluate_one_sided_gold_events(tmp_path):
    path = tmp_path / "g.jsonl"
    rows = [{"id": "a", "text": "U.S. and Russian negotiators met in Geneva.",
             "events": [{"src": [{"text": "U.S."}, {"text": "Russian"}], "tgt": [], "type": "CONSULT"}]},
            {"id": "b", "text": "Syria rejected the plan.",
             "events": [{"src": [{"text": "Syria"}], "tgt": [], "type": "REJECT"}]}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    gold = read_gold(path)
    assert gold[0].pairs == (GoldPair("U.S.", "Russian", "CONSULT", True),)
    assert gold[1].pairs == () and gold[1].partial == (GoldPair("Syria", "", "REJECT"),)
    pred = {"a": [P("russia", "consulted", "united-states", ["Russia", "Russian"], ["United States", "U.S."])],
            "b": [P("syria", "rejected", "united-states"), P("syria", "threatened", "israel")]}
    report = score(gold, pred, scheme="plover")
    s = report.levels["class"]
    assert report.excused == 1  # Syria rejected someone: agrees with the one-sided event
    assert (s.gold, s.gold_found, s.predicted, s.predicted_correct) == (1, 1, 2, 1)


def test_evaluate_read_gold_errors(tmp_path):
    from kg.errors import InputError

    with pytest.raises(InputError, match="cannot read"):
        read_gold(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "events": [{"src": [], "tgt": [], "type": "AGREE"}]}\n')
    with pytest.raises(InputError, match="bad.jsonl:1"):
        read_gold(bad)


def test_evaluate_format_report_lists_errors():
    gold = [S("a", ("Iran", "Israel", "condemned"), text="Iran condemned Israel."),
            S("b", text="Nothing happened.")]
    pred = {"b": [P("hamas", "targeted", "israel")]}
    text = format_report(score(gold, pred, scheme="kg"), errors=5)
    assert "directed pair + class" in text and "by class" in text
    assert "[a] Iran -> Israel : condemned" in text
    assert "[b] hamas targeted israel" in text and "Nothing happened." in text


def test_evaluate_cli_end_to_end(tmp_path, capsys):
    from kg.cli import main

    path = tmp_path / "g.jsonl"
    rows = [{"id": "1", "text": "Iran condemned Israel.",
             "events": [{"src": [{"text": "Iran"}], "tgt": [{"text": "Israel"}], "type": "condemned"}]},
            {"id": "2", "text": "Heavy rain fell on Kabul.", "events": []}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["eval", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scheme"] == "kg" and data["sentences"] == 2
    assert data["levels"]["class"]["gold"] == 1
    assert set(data["levels"]) == {"unordered", "directed", "quad", "class"}
    assert main(["eval", str(tmp_path / "missing.jsonl")]) == 2


def test_evaluate_predict_leaves_out_negated_relations():
    from kg.evaluate import predict

    from kg.model import Document
    from kg.pipeline import process

    text = "Israel did not attack Iran."
    [result] = process([Document("n", text)])
    assert any(r.negated for r in result.relations)  # kg keeps the negated statement...
    [(sid, preds)] = list(predict([GoldSentence("n", text)]))
    assert sid == "n" and not [p for p in preds if p.predicate == "targeted"]  # ...eval does not


def test_evaluate_reads_one_documents_sentences_together():
    """Sentences numbered as one document's ("D:0", "D:1") are read as kg reads an article:
    "the group" in the second refers back to the first; alone it names no one."""
    from kg.evaluate import predict

    gold = [GoldSentence("D:0", "Turkey blamed the PKK for the bombing in Ankara."),
            GoldSentence("D:1", "The group denied responsibility."),
            GoldSentence("E:0", "The group denied responsibility.")]
    together = dict(predict(gold, context="document"))
    alone = dict(predict(gold))
    assert set(together) == set(alone) == {"D:0", "D:1", "E:0"}
    # every relation is given back to the sentence its evidence lies in
    assert {(p.subject, p.predicate, p.object) for p in together["D:0"]} >= {
        ("turkey", "blamed", "kurdistan-workers-party")}
    assert ("kurdistan-workers-party", "denied", "turkey") in {
        (p.subject, p.predicate, p.object) for p in together["D:1"]}
    assert not [p for p in together["D:1"] if p.predicate == "blamed"]
    assert not together["E:0"] and not alone["D:1"] and not alone["E:0"]


def test_evaluate_rejects_an_unknown_context():
    from kg.evaluate import predict

    with pytest.raises(ValueError, match="context"):
        list(predict([GoldSentence("a", "Iran condemned Israel.")], context="paragraph"))


def test_evaluate_public_names():
    import kg.evaluate

    assert sorted(kg.evaluate.__all__) == [
        "ClassScore", "GoldPair", "GoldSentence", "LEVELS", "LEVEL_TITLES", "LevelScore", "Miss",
        "Prediction", "Report", "SCHEMES", "SYMMETRIC", "Scheme", "actor_matches", "detect_scheme",
        "evaluate", "format_report", "predict", "read_gold", "score"]
    assert all(hasattr(kg.evaluate, name) for name in kg.evaluate.__all__)
    assert callable(kg.evaluate.predict) and callable(kg.evaluate.evaluate)  # functions, not submodules
