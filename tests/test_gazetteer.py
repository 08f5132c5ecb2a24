"""Tests for kg.gazetteer and the shipped data in ontology/gazetteer.jsonl."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.gazetteer import ENTRY_TYPES, Gazetteer, GazetteerEntry, load_gazetteer
from kg.names import normalize_name, slugify

DATA = Path(__file__).resolve().parent.parent / "ontology" / "gazetteer.jsonl"
FIELDS = ["key", "label", "type", "aliases", "demonyms", "modifier", "metonyms", "wikidata",
          "coords", "located_in", "part_of"]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def raw() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


# ------------------------------------------------------------- the data file


def test_gazetteer_file_lines_have_exactly_the_fields(raw):
    for obj in raw:
        assert list(obj) == FIELDS, obj.get("key")
        for field in ("aliases", "demonyms", "metonyms"):
            assert isinstance(obj[field], list) and all(isinstance(s, str) and s.strip() == s
                                                       and s for s in obj[field]), obj["key"]


def test_gazetteer_file_is_sorted_with_unique_keys(raw):
    keys = [obj["key"] for obj in raw]
    assert keys == sorted(keys)
    assert [k for k, n in Counter(keys).items() if n > 1] == []


def test_gazetteer_key_is_slug_of_label(gaz):
    bad = [(e.key, e.label) for e in gaz if e.key != slugify(e.label)]
    assert bad == []


def test_gazetteer_types_are_allowed(gaz):
    assert {e.type for e in gaz} <= ENTRY_TYPES
    # every class has examples, but vehicles: a ship is named in the text ("the tanker X")
    assert {e.type for e in gaz} == ENTRY_TYPES - {"Vehicle"}


def test_gazetteer_wikidata_ids_are_well_formed_and_unique(gaz):
    qids = [e.wikidata for e in gaz if e.wikidata is not None]
    assert [q for q in qids if not re.fullmatch(r"Q[1-9][0-9]*", q)] == []
    assert [q for q, n in Counter(qids).items() if n > 1] == []


def test_gazetteer_coords_are_in_range(gaz):
    for e in gaz:
        if e.coords is None:
            continue
        lat, lon = e.coords
        assert math.isfinite(lat) and math.isfinite(lon), e.key
        assert -90 <= lat <= 90 and -180 <= lon <= 180, e.key


def test_gazetteer_places_and_facilities_have_coords(gaz):
    assert [e.key for e in gaz if e.type in {"Place", "Facility"} and e.coords is None] == []


def test_gazetteer_references_point_to_existing_entries(gaz):
    for e in gaz:
        if e.located_in is not None:
            target = gaz.get(e.located_in)
            assert target is not None, (e.key, e.located_in)
            assert target.type in {"State", "Place", "Facility"}, (e.key, e.located_in)
            assert e.type in {"Place", "Facility"}, e.key
        if e.part_of is not None:
            assert gaz.get(e.part_of) is not None, (e.key, e.part_of)


@pytest.mark.parametrize("field", ["located_in", "part_of"])
def test_gazetteer_references_have_no_cycles(gaz, field):
    for e in gaz:
        seen = {e.key}
        cur = getattr(e, field)
        while cur is not None:
            assert cur not in seen, (e.key, field, cur)
            seen.add(cur)
            cur = getattr(gaz.get(cur), field)


def test_gazetteer_state_only_fields(gaz):
    for e in gaz:
        if e.type != "State":
            assert e.modifier is None and e.metonyms == (), e.key
        if e.type not in {"State", "Place"}:
            # a bloc's adjective is its one demonym: "Western sanctions" (the West)
            assert e.demonyms == () or (e.type == "Collective" and e.aliases and e.demonyms == ("Western",)), e.key


def test_gazetteer_collectives_are_peoples_without_a_state(gaz):
    peoples = [e for e in gaz if e.type == "Collective"]
    assert len(peoples) >= 20
    for e in peoples:
        assert e.coords is None and e.located_in is None and e.part_of is None, e.key
        for form in e.names:
            # a people with a state is found through the state's demonym ("Palestinians")
            assert gaz.demonym(form) is None, (e.key, form)
            # a capitalised name: the entity ruler never takes a lower-case word for it
            assert form[:1].isupper(), (e.key, form)
    # a people is not the forces, parties or regions named after it
    assert gaz.lookup("Kurds").key == "kurds" and gaz.lookup("Kurdish") is None
    assert gaz.lookup("Tigrayans").key == "tigrayans" and gaz.demonym("Tigrayan").key == "tigray"
    assert gaz.lookup("Amhara").key == "amhara-region" and gaz.lookup("Amharas").key == "amhara-people"
    assert gaz.lookup("Balochistan").type == "Place" and gaz.lookup("Baloch").type == "Collective"


def test_gazetteer_no_surface_form_is_shared_by_two_entries(gaz):
    owners: dict[str, set[str]] = defaultdict(set)
    for e in gaz:
        for form in e.names:
            owners[normalize_name(form)].add(e.key)
    assert {form: keys for form, keys in owners.items() if len(keys) > 1} == {}
    assert gaz.ambiguous == frozenset()


def test_gazetteer_demonyms_and_metonyms_are_unambiguous(gaz):
    assert gaz.ambiguous_demonyms == frozenset()
    assert gaz.ambiguous_metonyms == frozenset()
    names = {normalize_name(f): e.key for e in gaz for f in e.names}
    for e in gaz:
        for d in (*e.demonyms, *([e.modifier] if e.modifier else [])):
            # a demonym never names a different entry
            assert names.get(normalize_name(d), e.key) == e.key, (e.key, d)


def test_gazetteer_every_name_has_a_key(gaz):
    for e in gaz:
        for form in (*e.names, *e.demonyms, *e.metonyms):
            assert normalize_name(form), (e.key, form)


def test_gazetteer_covers_all_states(gaz):
    # 193 UN members, Palestine, Taiwan, Kosovo, Western Sahara, Vatican City
    states = [e for e in gaz if e.type == "State"]
    assert len(states) == 198
    for key in ("palestine", "taiwan", "kosovo", "western-sahara", "vatican-city"):
        assert gaz.get(key).type == "State"
    no_demonym = {"kiribati", "vanuatu", "dominica", "republic-of-the-congo", "vatican-city"}
    assert [e.key for e in states if not e.demonyms and e.key not in no_demonym] == []


def test_gazetteer_capitals_are_places_not_aliases(gaz):
    for e in gaz:
        if e.type != "State":
            continue
        for city in e.metonyms:
            place = gaz.lookup(city)
            assert place is None or place.type == "Place", (e.key, city)
            assert normalize_name(city) not in {normalize_name(n) for n in e.names}, (e.key, city)


def test_gazetteer_has_no_obscure_actors_of_the_example_article(gaz):
    for name in ("Tashkil al-Waritheen", "the Inheritor", "Inheritor", "Inheritors",
                 "Waritheen", "al-Waritheen"):
        assert gaz.lookup(name) is None
    for e in gaz:
        for form in e.names:
            assert "waritheen" not in normalize_name(form) and "inheritor" not in form.lower()


# ------------------------------------------------------------------- lookups

LOOKUPS = [
    ("the U.S.", "united-states"),
    ("U.S.", "united-states"),
    ("USA", "united-states"),
    ("United States of America", "united-states"),
    ("the United Kingdom", "united-kingdom"),
    ("U.K.", "united-kingdom"),
    ("Britain", "united-kingdom"),
    ("UAE", "united-arab-emirates"),
    ("DRC", "democratic-republic-of-the-congo"),
    ("KSA", "saudi-arabia"),
    ("Türkiye", "turkey"),
    ("Ivory Coast", "cote-divoire"),
    ("Islamic Republic of Iran", "iran"),
    ("al-Hashd al-Shaabi", "popular-mobilization-forces"),
    ("Popular Mobilisation Forces", "popular-mobilization-forces"),
    ("PMF", "popular-mobilization-forces"),
    ("Hashd al-Shaabi", "popular-mobilization-forces"),
    ("Kata'ib Hizballah", "kataib-hezbollah"),
    ("Kataib Hezbollah", "kataib-hezbollah"),
    ("Hezbollah Brigades", "kataib-hezbollah"),
    ("Asa'ib Ahl al-Haq", "asaib-ahl-al-haq"),
    ("al-Nujaba", "harakat-hezbollah-al-nujaba"),
    ("ISIS", "islamic-state"),
    ("ISIL", "islamic-state"),
    ("Daesh", "islamic-state"),
    ("the Islamic State group", "islamic-state"),
    ("Hizbullah", "hezbollah"),
    ("Hizballah", "hezbollah"),
    ("Ansar Allah", "houthis"),
    ("Huthis", "houthis"),
    ("al-Qaida", "al-qaeda"),
    ("al-Shabab", "al-shabaab"),
    ("HTS", "hayat-tahrir-al-sham"),
    ("Izz ad-Din al-Qassam Brigades", "qassam-brigades"),
    ("IDF", "israel-defense-forces"),
    ("Israeli Defence Forces", "israel-defense-forces"),
    ("Revolutionary Guards", "islamic-revolutionary-guard-corps"),
    ("the Pentagon", "united-states-department-of-defense"),
    ("CENTCOM", "united-states-central-command"),
    ("the Kremlin", "kremlin"),
    ("al Asad air base", "ain-al-asad-air-base"),
    ("al-Asad air base", "ain-al-asad-air-base"),
    ("Al Asad Airbase", "ain-al-asad-air-base"),
    ("Asad air base", "ain-al-asad-air-base"),
    ("al-Harir air base", "harir-air-base"),
    ("al-Tanf", "al-tanf-garrison"),
    ("Gaza", "gaza-strip"),
    ("Kiev", "kyiv"),
    ("Sana'a", "sanaa"),
    ("Arbil", "erbil"),
    ("Deir al-Zour", "deir-ez-zor"),
    ("UN Security Council", "united-nations-security-council"),
    ("U.N.", "united-nations"),
    ("Doctors Without Borders", "medecins-sans-frontieres"),
    ("Grand Ayatollah Ali al-Sistani", "ali-al-sistani"),
    ("Sistani", "ali-al-sistani"),
    ("Hadi Al-Amiri", "hadi-al-amiri"),
    ("Abu Mohammad al-Jolani", "ahmed-al-sharaa"),
    ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
    ("Zelenskyy", "volodymyr-zelensky"),
    ("Netanyahu", "benjamin-netanyahu"),
    ("Putin", "vladimir-putin"),
    ("MBS", "mohammed-bin-salman"),
    ("Abdel Fattah al-Sisi", "abdel-fattah-el-sisi"),
    # peoples without a state: plural, singular and other spellings
    ("the Yazidis", "yazidis"),
    ("Yezidi", "yazidis"),
    ("Uighurs", "uyghurs"),
    ("Uyghur Muslims", "uyghurs"),
    ("the Rohingya", "rohingya"),
    ("Rohingya Muslims", "rohingya"),
    ("Kurds", "kurds"),
    ("the Kurdish people", "kurds"),
    ("Hazara", "hazaras"),
    ("Druse", "druze"),
    ("Massalit", "masalit"),
    ("Tutsi", "tutsis"),
    ("Crimean Tatars", "crimean-tatars"),
    ("Coptic Christians", "copts"),
]


@pytest.mark.parametrize("surface, key", LOOKUPS)
def test_gazetteer_lookup_resolves_real_phrasings(gaz, surface, key):
    entry = gaz.lookup(surface)
    assert entry is not None and entry.key == key


@pytest.mark.parametrize(
    "surface, key",
    [
        ("Iranian", "iran"),
        ("Iraqi", "iraq"),
        ("Iraqis", "iraq"),
        ("American", "united-states"),
        ("Americans", "united-states"),
        ("Israelis", "israel"),
        ("Palestinian", "palestine"),
        ("Palestinians", "palestine"),
        ("Syrian", "syria"),
        ("Saudi", "saudi-arabia"),
        ("Emirati", "united-arab-emirates"),
        ("British", "united-kingdom"),
        ("Kurdish", None),
        ("US", "united-states"),
        ("Gazans", "gaza-strip"),
        ("Tigrayan", "tigray"),
        ("Hezbollah", None),
        # a people without a state is an entry of its own, no demonym
        ("Tigrayans", None),
        ("Baloch", None),
        ("Yazidis", None),
    ],
)
def test_gazetteer_demonym_resolves_to_state_or_place(gaz, surface, key):
    entry = gaz.demonym(surface)
    assert (entry.key if entry else None) == key


@pytest.mark.parametrize(
    "surface, key",
    [
        ("Washington", "united-states"),
        ("Tehran", "iran"),
        ("Baghdad", "iraq"),
        ("Moscow", "russia"),
        ("Kyiv", "ukraine"),
        ("Kiev", "ukraine"),
        ("Beijing", "china"),
        ("Ankara", "turkey"),
        ("Riyadh", "saudi-arabia"),
        ("Damascus", "syria"),
        ("Erbil", None),
    ],
)
def test_gazetteer_metonym_resolves_to_state(gaz, surface, key):
    entry = gaz.metonym(surface)
    assert (entry.key if entry else None) == key
    if entry is not None:
        assert entry.type == "State"


def test_gazetteer_capital_is_a_place_in_its_state(gaz):
    tehran = gaz.lookup("Tehran")
    assert tehran.type == "Place" and tehran.located_in == "iran" and tehran.coords
    assert gaz.lookup("Washington").key == "washington-dc"
    assert gaz.get("islamic-revolutionary-guard-corps").part_of == "iran"
    assert gaz.get("united-states-department-of-defense").part_of == "united-states"


def test_gazetteer_lookup_misses_unknown_names(gaz):
    for name in ("", "   ", "Atlantis", "the", "forces", "Kurdish"):
        assert gaz.lookup(name) is None


# -------------------------------------------------------------- the API


def test_gazetteer_entries_are_frozen_with_tuples(gaz):
    entry = gaz.get("iran")
    assert isinstance(entry, GazetteerEntry)
    assert isinstance(entry.aliases, tuple) and isinstance(entry.demonyms, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.label = "Persia"  # type: ignore[misc]
    assert entry.wikidata == "Q794" and entry.modifier == "Iranian"


def test_gazetteer_surface_forms_cover_every_name_in_order(gaz):
    forms = list(gaz.surface_forms())
    assert forms == list(gaz.surface_forms())
    assert [e.key for _, e in forms] == sorted(e.key for _, e in forms)
    assert {(f, e.key) for f, e in forms} == {(f, e.key) for e in gaz for f in e.names}
    assert len(forms) == len({(f, e.key) for f, e in forms})


def test_gazetteer_len_iter_contains(gaz):
    assert len(gaz) == len(list(gaz)) == len(gaz.entries) > 900
    assert "iraq" in gaz and "atlantis" not in gaz
    assert [e.key for e in gaz] == sorted(gaz.entries)


def test_gazetteer_load_is_cached(gaz):
    assert load_gazetteer() is gaz
    assert load_gazetteer(DATA) is load_gazetteer(str(DATA))


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "gaz.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_gazetteer_load_user_file(tmp_path):
    path = _write(tmp_path, [
        json.dumps({"key": "atlantis", "label": "Atlantis", "type": "State",
                    "aliases": ["Lost City"], "demonyms": ["Atlantean"], "metonyms": ["Poseidonis"],
                    "coords": [10, 20]}),
        "",
        json.dumps({"key": "sea-guard", "label": "Sea Guard", "type": "MilitaryForce",
                    "part_of": "atlantis"}),
    ])
    gaz = load_gazetteer(path)
    assert len(gaz) == 2
    assert gaz.lookup("the lost city").key == "atlantis"
    assert gaz.demonym("Atlanteans") is None and gaz.demonym("Atlantean").key == "atlantis"
    assert gaz.metonym("Poseidonis").key == "atlantis"
    assert gaz.get("atlantis").coords == (10.0, 20.0)
    assert gaz.get("sea-guard").aliases == () and gaz.get("sea-guard").part_of == "atlantis"


def test_gazetteer_entry_types_are_the_actor_types_but_the_untyped_one():
    assert "Collective" in ENTRY_TYPES and "Actor" not in ENTRY_TYPES


def test_gazetteer_load_user_file_with_a_people(tmp_path):
    path = _write(tmp_path, [
        json.dumps({"key": "atlanteans", "label": "Atlanteans", "type": "Collective",
                    "aliases": ["Atlantean"]}),
    ])
    gaz = load_gazetteer(path)
    assert gaz.lookup("the Atlanteans").type == "Collective"
    assert gaz.lookup("Atlantean").key == "atlanteans" and gaz.demonym("Atlantean") is None
    untyped = tmp_path / "untyped"
    untyped.mkdir()
    with pytest.raises(InputError, match="unknown gazetteer type"):
        load_gazetteer(_write(untyped, [json.dumps({"key": "x", "label": "X", "type": "Actor"})]))


def test_gazetteer_ambiguous_form_resolves_to_neither(tmp_path):
    path = _write(tmp_path, [
        json.dumps({"key": "a", "label": "A", "type": "Person", "aliases": ["The Boss"]}),
        json.dumps({"key": "b", "label": "B", "type": "Person", "aliases": ["the boss"]}),
    ])
    gaz = load_gazetteer(path)
    assert gaz.lookup("The Boss") is None
    assert gaz.ambiguous == {"boss"}
    assert ("The Boss", gaz.get("a")) not in list(gaz.surface_forms())


@pytest.mark.parametrize(
    "line, reason",
    [
        ("{not json", "not a JSON object"),
        ('{"key": "x", "label": "X"}', "lacks"),
        ('{"key": "x", "label": "X", "type": "Planet"}', "unknown gazetteer type"),
        ('["x"]', "lacks"),
    ],
)
def test_gazetteer_bad_line_is_reported_with_its_place(tmp_path, line, reason):
    path = _write(tmp_path, [json.dumps({"key": "ok", "label": "Ok", "type": "Person"}), line])
    with pytest.raises(InputError, match=reason) as info:
        load_gazetteer(path)
    assert info.value.source.endswith(":2")


def test_gazetteer_duplicate_keys_are_rejected(tmp_path):
    line = json.dumps({"key": "x", "label": "X", "type": "Person"})
    with pytest.raises(InputError, match="duplicate"):
        load_gazetteer(_write(tmp_path, [line, line]))


def test_gazetteer_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        load_gazetteer(tmp_path / "nope.jsonl")
