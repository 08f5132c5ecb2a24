"""scripts/import_petrarch.py: PETRARCH2/Phoenix dictionaries -> ontology/petrarch/*.

The converter tests write small dictionaries of their own; only the tests of the
shipped files read ontology/petrarch (never the PETRARCH input, which a clone lacks).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "ontology" / "petrarch"
KGO = "https://w3id.org/newskg/ontology#"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


ip = _load("import_petrarch")
pf, pa = ip.pf, ip.pa

VERBS = """\
# a verb dictionary in the CAMEO.2.0.txt format
&MILITARY
+ARMY
+ARMED_FORCES
+TROOPS

####### VERB PATTERNS #######

---  ACCUSE   [112]  ---
ACCUSE
CHARGE {CHARGES CHARGED CHARGING } [111]  # own code
+BEEF_UP [150]
WIRE_+TAP {WIRE_+TAPS WIRE_+TAPPED}
- * (OF)                                  [1122]   # preposition only
- * SANCTIONS (ON)                        [163]    # noun and preposition
- * {FINANCIAL AID}                       [070]    # braced phrase, no preposition
- * &MILITARY                             [042:043]
- &MILITARY *                             [190]    # pre-verb noun: skipped
- SYMBOLICALLY *                          [111]    # pre-verb adverb: skipped
- * POSITIVELY                            [012]    # CAMEO 01: no kg relation
- * OUT VIEWS                             [---]
- * (BEFORE COURT)                        [:173]

---  CONFER   [---]  ---
CONFER {CONFERS CONFERRED CONFERRING}
- * (WITH)                                [040]
~ a (a b ATTACK) SAY = a b 015
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
POLICE {} [~COP] # no plural
MILITIA [~UAF]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
CONGRESS!PERSON! [~LEG}
HUMAN_RIGHTS_BODY  [NGO~]
CIVILIAN [~CVL]
ISLAMIC_EXTREMIST
SECURITY_FORCE [~12]
"""

COUNTRIES = """\
# countries
FRANCE_  [FRA]
+FRENCH_
+PARIS_

JACQUES_CHIRAC_  # CountryInfo.txt
+CHIRAC_
\t[FRAELI 500101-740527]
\t[FRAGOV 950517-20070516]
\t[FRAELI]
OSAMA_BIN_LADEN_
\t[SAUELI <940101]
\t[SAUREB >940102]
\t[SAUOPP 2004017-20061201]
"""

INTERNATIONAL = "THE_UNITED_NATIONS_ [IGOUNO]\n+UN_\nKOFI_ANNAN_\n\t[IGOUNO 970101-061231]\n\t[ELI]\n"
MILNONSTATE = "AL-QAEDA_ [IMGMUSALQ] # kkl\n+AL_QAIDA_\n"
LICENSE = "The MIT License (MIT)\n\nCopyright (c) 2014 Open Event Data\n"


@pytest.fixture()
def petrarch_dir(tmp_path):
    src = tmp_path / "petrarch2"
    src.mkdir()
    for name, text in (("CAMEO.2.0.txt", VERBS), ("Phoenix.agents.txt", AGENTS),
                       ("Phoenix.Countries.actors.txt", COUNTRIES), ("Phoenix.International.actors.txt", INTERNATIONAL),
                       ("Phoenix.MilNonState.actors.txt", MILNONSTATE), ("LICENSE", LICENSE)):
        (src / name).write_text(text, encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def props():
    return ip.load_cameo_properties()


def _tsv(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]


def test_import_petrarch_verb_rows(petrarch_dir, props):
    vd = pf.parse_verb_dictionary(petrarch_dir / "CAMEO.2.0.txt")
    assert vd.synsets["MILITARY"] == ["ARMY", "ARMED_FORCES", "TROOPS"]
    rows, skipped = ip.verb_rows(vd, props)
    got = {row[:6] for row in rows}
    expected = {
        ("accuse", "-", "-", "-", "112", "accused"), ("charge", "-", "-", "-", "111", "criticized"),
        ("beef", "up", "-", "-", "150", "mobilizedAgainst"),
        ("accuse", "-", "-", "of", "1122", "accused"), ("beef", "up", "-", "of", "1122", "accused"),
        ("charge", "-", "sanction", "on", "163", "sanctioned"), ("accuse", "-", "aid", "-", "070", "aided"),
        ("accuse", "-", "army", "-", "042", "visited"), ("accuse", "-", "force", "-", "042", "visited"),
        ("accuse", "-", "troop", "-", "042", "visited"), ("confer", "-", "-", "with", "040", "consulted"),
    }
    assert expected <= got
    lemmas = {row[0] for row in rows}
    assert lemmas == {"accuse", "charge", "beef", "confer"}  # no 'wire' (pre-compound), no irregular forms
    assert not any(row[4] in ("190", "012") for row in rows)  # pre-verb patterns, codes of no kg relation
    assert dict(skipped) == {"pre-verb content": 2, "code of no kg relation": 1, "null code": 1, "no first code": 1,
                             "pre-compound verb": 1, "verb: null code": 1, "transformation": 1}
    assert rows == sorted(rows) and len({r[:4] + r[5:6] for r in rows}) == len(rows)
    origin = {row[:4]: row[6] for row in rows if row[5] == "sanctioned"}
    assert origin[("accuse", "-", "sanction", "on")] == "CAMEO.2.0.txt:15"


@pytest.mark.parametrize("body, expected", [
    (" * (AGAINST) [113]", ("-", ("-",), "against", "113")),
    (" * SANCTIONS (ON) [163]", ("-", ("sanction",), "on", "163")),
    (" * (FOR {FINANCIAL AID}) [0231]", ("-", ("-",), "for", "0231")),
    (" * OUT {NEW STRATEGY} [014]", ("out", ("strategy",), "-", "014")),
    (" * (OUT) (OF COALITION) [161]", ("out", ("-",), "of", "161")),
    (" * BITTERLY (WITH) [111]", ("-", ("-",), "with", "111")),
    (" * SERVICEMEN (BY/WITH SANCTIONS) [112:112]", ("-", ("serviceman",), "by", "112")),
])
def test_import_petrarch_parse_pattern(body, expected):
    p = pf.parse_pattern(body, {})
    assert (p.particle, p.nouns, p.prep, p.code) == expected


@pytest.mark.parametrize("body, reason", [
    (" &MILITARY * [154]", "pre-verb content"), (" $ * (TO) [042]", "pre-verb content"),
    (" * ATTACK [---]", "null code"), (" * DOWN (FROM) [080!]", "code with letters"),
    (" * &NOSUCH [190]", "undefined synset"),
])
def test_import_petrarch_parse_pattern_skips(body, reason):
    with pytest.raises(pf.ParseSkip, match=reason):
        pf.parse_pattern(body, {})


def test_import_petrarch_agent_rows(petrarch_dir):
    agents, skipped = pa.parse_agents(petrarch_dir / "Phoenix.agents.txt")
    rows = ip.agent_rows(agents)
    got = {r[:4] for r in rows}
    assert {("police", "police", "COP", "MilitaryForce"), ("militia", "militias", "UAF", "ArmedGroup"),
            ("attorney general", "attorneys general", "GOVATG", "GovernmentBody"),
            ("congressman", "congressman", "LEG", "GovernmentBody"),
            ("congresswomen", "congresswomen", "LEG", "GovernmentBody"),
            ("human rights body", "human rights bodies", "NGO", "Organization"),
            ("civilian", "civilians", "CVL", "Collective")} <= got
    assert len(rows) == 5 + 5 and dict(skipped) == {"no code": 1, "unreadable code": 1}
    assert ("police", "police", "COP", "MilitaryForce", "Phoenix.agents.txt:2") in rows


def test_import_petrarch_agent_classes_are_kg_classes():
    onto = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")
    classes = {str(c).removeprefix(KGO) for c in onto.subjects(RDF.type, OWL.Class)}
    assert set(ip.AGENT_CLASSES) <= classes


def test_import_petrarch_actor_objects(petrarch_dir):
    actors, countries, skipped = ip.actor_objects(petrarch_dir)
    by_key = {a["key"]: a for a in actors}
    assert [a["key"] for a in actors] == sorted(by_key)
    chirac = by_key["jacques-chirac"]
    assert chirac == {
        "key": "jacques-chirac", "label": "Jacques Chirac", "aliases": ["Chirac"], "kind": "person",
        "code": "FRAELI", "roles": [
            {"code": "FRAELI", "country": "FRA", "role": "ELI", "start": "1950-01-01", "end": "1974-05-27"},
            {"code": "FRAGOV", "country": "FRA", "role": "GOV", "start": "1995-05-17", "end": "2007-05-16"}],
        "origin": "Phoenix.Countries.actors.txt:6"}
    osama = by_key["osama-bin-laden"]
    assert osama["label"] == "Osama bin Laden" and osama["code"] is None
    assert [(r["code"], r["start"], r["end"]) for r in osama["roles"]] == [
        ("SAUELI", None, "1994-01-01"), ("SAUREB", "1994-01-02", None)]
    assert dict(skipped) == {"unreadable date": 1}
    assert by_key["france"]["kind"] == "country" and by_key["france"]["aliases"] == ["French", "Paris"]
    assert countries == [("FRA", "France", "French,Paris", "Phoenix.Countries.actors.txt:2")]
    assert by_key["the-united-nations"]["kind"] == "organization" and by_key["the-united-nations"]["aliases"] == ["UN"]
    assert by_key["kofi-annan"]["kind"] == "person" and by_key["kofi-annan"]["code"] == "ELI"
    assert by_key["al-qaeda"] == {"key": "al-qaeda", "label": "Al-Qaeda", "aliases": ["Al Qaida"], "kind": "group",
                                       "code": "IMGMUSALQ", "roles": [],
                                       "origin": "Phoenix.MilNonState.actors.txt:1"}


def test_import_petrarch_convert_is_deterministic(petrarch_dir, tmp_path, capsys):
    first, second = tmp_path / "a", tmp_path / "b"
    assert ip.main([str(petrarch_dir), "-o", str(first)]) == 0
    summary = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in summary] == ["verbs.tsv", "agents.tsv", "actors.jsonl", "countries.tsv"]
    assert summary[1] == "agents.tsv: 10 rows written, 2 lines skipped (no code 1, unreadable code 1)"
    ip.convert(petrarch_dir, second)
    ip.convert(petrarch_dir, second)  # re-running over existing files changes nothing
    names = sorted(p.name for p in first.iterdir())
    assert names == ["LICENSE", "actors.jsonl", "agents.tsv", "countries.tsv", "verbs.tsv"]
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    licence = (first / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith(ip.SOURCE) and "Copyright (c) 2014 Open Event Data" in licence
    [line] = [json.loads(x) for x in (first / "actors.jsonl").read_text().splitlines() if '"france"' in x]
    assert line["code"] == "FRA"


def test_import_petrarch_predicate_tie_breaking(props):
    expected = {"112": "accused", "1122": "accused", "111": "criticized", "051": "supported", "073": "aided",
                "120": "rejected", "042": "visited", "043": "consulted", "0231": "demanded", "100": "demanded",
                "138": "threatened", "180": "targeted", "202": "targeted", "190": "inConflictWith",
                "163": "sanctioned", "173": "coerced", "015": None, "110": None}
    assert {code: ip.predicate_for(code, props) for code in expected} == expected
    assert "claimedResponsibilityFor" not in {p.name for p in props}


def test_import_petrarch_shipped_verbs_use_kg_relations():
    onto = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")
    properties = {str(p).removeprefix(KGO) for p in onto.subjects(RDF.type, OWL.ObjectProperty)}
    text = (SHIPPED / "verbs.tsv").read_text(encoding="utf-8")
    assert "# columns: lemma | particle | noun | prep | code | predicate | origin" in text
    rows = _tsv(SHIPPED / "verbs.tsv")
    assert len(rows) > 10000 and all(len(r) == 7 for r in rows)
    assert {r[5] for r in rows} <= properties
    pairs = {(r[0], r[5]) for r in rows}
    assert ("accuse", "accused") in pairs and ("attack", "targeted") in pairs
    assert all(r[6].startswith("CAMEO.2.0.txt:") for r in rows)
    assert (SHIPPED / "LICENSE").read_text(encoding="utf-8").startswith(ip.SOURCE)
