"""kg/extract/roles.py: membership (``partOf``) phrasings, with the real model."""

from __future__ import annotations

import pytest

from kg import parse
from kg.extract.roles import role_relations
from kg.lexicon import load_lexicon


def _part_of(text: str) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in role_relations(parse(text))
            if r.predicate == "partOf" and not r.negated}


# (sentence, expected (member, group) pairs): many conflicts, every phrasing
POSITIVES = [
    # "X is a member of Y", "X, a member of Y,", "X became a member of Y"
    ("Turkey is a member of NATO.", {("turkey", "nato")}),
    ("The Arakan Army is a member of the Three Brotherhood Alliance.", {("arakan-army", "three-brotherhood-alliance")}),
    ("Sweden became a member of NATO in 2024.", {("sweden", "nato")}),
    ("Poland has been a NATO member since 1999.", {("poland", "nato")}),
    ("Hungary, a member of the European Union, blocked the aid.", {("hungary", "european-union")}),
    ("Hungary, an EU member, blocked the sanctions.", {("hungary", "european-union")}),
    ("France, a permanent member of the UN Security Council, vetoed the resolution.",
     {("france", "united-nations-security-council")}),
    ("The Houthis, members of the Axis of Resistance, fired missiles.", {("houthis", "axis-of-resistance")}),
    # "X joined Y"
    ("Finland joined NATO in 2023.", {("finland", "nato")}),
    ("Sweden and Finland joined NATO.", {("sweden", "nato"), ("finland", "nato")}),
    ("Egypt joined the Arab League in 1945.", {("egypt", "arab-league")}),
    # "as part of Y", "X, part of Y"
    ("Kataib Hezbollah, as part of the Popular Mobilization Forces, attacked the base.",
     {("kataib-hezbollah", "popular-mobilization-forces")}),
    ("The Wagner Group is working as part of the Russian army in Mali.", {("wagner-group", "russian-armed-forces")}),
    # one singled out of a group's members
    ("Coalition partners, especially Turkey, sent jets to the base.", {("turkey", "coalition")}),
    ("NATO members, notably Poland, raised defence spending.", {("poland", "nato")}),
    # an act still to come is done by a member now
    ("The 55th Squadron will conduct sorties against ISIS as part of the 386th Air Expeditionary Group.",
     {("55th-squadron", "386th-air-expeditionary-group")}),
    ("Hezbollah is part of Lebanon's government.", {("hezbollah", "lebanese-government")}),
    # "Y member states A and B", "member states of Y such as A", "Y member A"
    ("EU member states France and Germany opposed the plan.", {("france", "european-union"), ("germany", "european-union")}),
    ("Member states of the African Union such as Kenya and Ethiopia sent troops.",
     {("kenya", "african-union"), ("ethiopia", "african-union")}),
    ("NATO member Turkey blocked the bid.", {("turkey", "nato")}),
    # "Y, made up of A and B", "A, B and C make up Y", "Y, which includes A", "Y, comprising A"
    ("The Popular Mobilization Forces, made up of Kataib Hezbollah and Asaib Ahl al-Haq, attacked.",
     {("kataib-hezbollah", "popular-mobilization-forces"), ("asaib-ahl-al-haq", "popular-mobilization-forces")}),
    ("The MNDAA, the TNLA and the Arakan Army make up the Three Brotherhood Alliance.",
     {("myanmar-national-democratic-alliance-army", "three-brotherhood-alliance"),
      ("taang-national-liberation-army", "three-brotherhood-alliance"),
      ("arakan-army", "three-brotherhood-alliance")}),
    # a faction, wing, affiliate, branch, component
    ("Jabhat al-Nusra, a faction of al-Qaeda, seized Idlib.", {("al-nusra-front", "al-qaeda")}),
    ("Al-Qassam Brigades, the armed wing of Hamas, fired rockets.", {("qassam-brigades", "hamas")}),
    ("Hamas's armed wing, the Qassam Brigades, fired rockets.", {("qassam-brigades", "hamas")}),
    ("The al-Shabaab group, an affiliate of al-Qaeda, attacked the base.", {("al-shabaab", "al-qaeda")}),
    ("JNIM, al-Qaeda's branch in the Sahel, claimed the attack.", {("jamaat-nasr-al-islam-wal-muslimin", "al-qaeda")}),
    ("Kataib Hezbollah, the largest component of the Popular Mobilization Forces, denied involvement.",
     {("kataib-hezbollah", "popular-mobilization-forces")}),
    ("The PMF's strongest faction, Kataib Hezbollah, denied involvement.",
     {("kataib-hezbollah", "popular-mobilization-forces")}),
    # persons: members, fighters, spokesmen
    ("Yahya Sinwar, a member of Hamas, was killed.", {("yahya-sinwar", "hamas")}),
    ("Ali Hassan, a Hezbollah fighter, was killed.", {("ali-hassan", "hezbollah")}),
    ("Hezbollah fighter Ali Hassan was killed.", {("ali-hassan", "hezbollah")}),
    ("Abu Ubaida, a spokesman for the Qassam Brigades, said the attack succeeded.", {("abu-obeida", "qassam-brigades")}),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES, ids=[t for t, _ in POSITIVES])
def test_membership_phrasings(text, expected):
    assert expected <= _part_of(text)


# (sentence, pairs that must NOT be stated)
TRAPS = [
    ("Thousands joined the protest in Khartoum.", set()),
    ("Iran joined Russia in condemning the strikes.", {("iran", "russia")}),
    ("Russian troops joined Belarusian forces in exercises.", {("russian-forces", "belarusian-forces")}),
    ("Israel held a meeting with Hamas.", {("israel", "hamas")}),
    ("The Houthis took part in talks with Saudi Arabia.", {("houthis", "saudi-arabia")}),
    ("Israel struck Gaza as part of its offensive against Hamas.", {("israel", "hamas"), ("gaza-strip", "hamas")}),
    ("Members of Hamas attacked Israel.", {("israel", "hamas")}),
    ("Iran's partners, especially Russia, condemned the strike.", {("russia", "iran")}),
    # not (yet) a member: negated, wished, applied for, promised
    ("Ukraine is not a member of NATO.", {("ukraine", "nato")}),
    ("Ukraine has not joined NATO.", {("ukraine", "nato")}),
    ("Ukraine wants to join NATO.", {("ukraine", "nato")}),
    ("Ukraine applied to join NATO in 2022.", {("ukraine", "nato")}),
    ("Ukraine applied to become a member of NATO.", {("ukraine", "nato")}),
    ("Ukraine will join NATO one day, Zelensky said.", {("ukraine", "nato")}),
    # joining forces or hands with someone is acting together, no membership
    ("The rebels joined forces with the army.", set()),
    ("The two factions joined forces.", set()),
    # a place is never the group; a nationality is no membership
    ("Crimea is part of Ukraine.", {("crimea", "ukraine")}),
    ("Darfur is part of Sudan.", {("darfur", "sudan")}),
    ("Iraqi fighter Ahmed Ali was killed.", {("ahmed-ali", "iraq")}),
]


@pytest.mark.parametrize(("text", "forbidden"), TRAPS, ids=[t for t, _ in TRAPS])
def test_membership_traps(text, forbidden):
    found = _part_of(text)
    assert not (found & forbidden)
    if not forbidden:
        assert not found


def test_membership_negation_is_kept_as_a_negated_statement():
    rels = [r for r in role_relations(parse("Ukraine is not a member of NATO.")) if r.predicate == "partOf"]
    assert [(r.subject, r.object, r.negated) for r in rels] == [("ukraine", "nato", True)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mohammed Deif, the commander of the Qassam Brigades, was killed.",
     ("mohammed-deif", "leaderOf", "qassam-brigades")),
    # "a commander" is one commander among several: a member, not the head
    ("Mohammed Deif, a commander of the Qassam Brigades, was killed.",
     ("mohammed-deif", "partOf", "qassam-brigades")),
])
def test_membership_leadership_titles(text, expected):
    rels = {(r.subject, r.predicate, r.object) for r in role_relations(parse(text))}
    assert expected in rels
    assert {(s, o) for s, _, o in rels} == {expected[::2]}


def test_membership_existing_include_still_works(edges_of):
    edges = edges_of("Members of NATO include Turkey, Poland and Norway.")
    assert {("turkey", "partOf", "nato"), ("poland", "partOf", "nato"), ("norway", "partOf", "nato")} <= edges


def test_membership_lexicon_rows_are_well_formed():
    kinds = load_lexicon().membership
    assert kinds and set(kinds.values()) <= {"part", "person", "roster", "join", "makeup", "include",
                                             "partner", "assign", "serve", "organ", "represent", "employ", "appoint"}
    assert all(form == form.lower() and " " not in form for form in kinds)


def test_membership_unit_lexicon_rows_are_well_formed():
    units = load_lexicon().units
    assert {"battalion", "brigade", "division", "task force", "air force"} <= set(units)
    assert all(form == form.lower() and len(form.split()) <= 2 for form in units)
    assert all(rank is None or 1 <= rank <= 10 for rank in units.values())
    assert units["battery"] < units["battalion"] < units["regiment"] < units["division"] < units["corps"]


def _rules(text: str) -> set[tuple[str, str, str, bool]]:
    return {(r.subject, r.object, r.rule, r.negated) for r in role_relations(parse(text)) if r.predicate == "partOf"}


# -- lists of members: "include", "including", "comprise", "consist of" ---------------------

INCLUDES = [
    ("The Shanghai Cooperation Organisation includes China, Russia and India.",
     {("china", "shanghai-cooperation-organisation"), ("russia", "shanghai-cooperation-organisation"),
      ("india", "shanghai-cooperation-organisation")}),
    ("The UN Security Council includes Russia, China and France.",
     {("russia", "united-nations-security-council"), ("china", "united-nations-security-council"),
      ("france", "united-nations-security-council")}),
    ("The Axis of Resistance includes Hamas, Hezbollah and the Houthis.",
     {("hamas", "axis-of-resistance"), ("hezbollah", "axis-of-resistance"), ("houthis", "axis-of-resistance")}),
    ("The Collective Security Treaty Organization comprises Russia, Belarus, Armenia and Kazakhstan.",
     {("russia", "collective-security-treaty-organization"), ("belarus", "collective-security-treaty-organization"),
      ("armenia", "collective-security-treaty-organization"), ("kazakhstan", "collective-security-treaty-organization")}),
    # a list the parser hangs as an apposition holding a modifier
    ("The Three Brotherhood Alliance comprises the Arakan Army, the TNLA and Kachin militias.",
     {("arakan-army", "three-brotherhood-alliance"), ("taang-national-liberation-army", "three-brotherhood-alliance")}),
    # a clause on the group: "which includes", "comprising", "including"
    ("The African Union, which includes Sudan and Chad, suspended Niger.",
     {("sudan", "african-union"), ("chad", "african-union")}),
    ("The Saudi-led coalition, which includes the UAE and Bahrain, bombed Hodeidah.",
     {("united-arab-emirates", "saudi-led-coalition"), ("bahrain", "saudi-led-coalition")}),
    ("The Popular Mobilization Forces, comprising Kataib Hezbollah and the Badr Organization, deployed to Mosul.",
     {("kataib-hezbollah", "popular-mobilization-forces"), ("badr-organization", "popular-mobilization-forces")}),
    ("The Arab League, including Egypt and Jordan, condemned the strike.",
     {("egypt", "arab-league"), ("jordan", "arab-league")}),
    ("The Syrian Democratic Forces, including the YPG, captured Raqqa.",
     {("peoples-protection-units", "syrian-democratic-forces")}),
    ("Hezbollah's Radwan Force, including Ali Hassan, withdrew.", {("ali-hassan", "radwan-force")}),
    # the members of a group stand for it: "Coalition nations", "NATO members", "EU member states"
    ("Coalition countries include Kuwait and Qatar.", {("kuwait", "coalition"), ("qatar", "coalition")}),
    ("Coalition nations that joined the campaign against ISIS include Bahrain and Morocco.",
     {("bahrain", "global-coalition-to-defeat-isis"), ("morocco", "global-coalition-to-defeat-isis")}),
    ("Coalition partners include Britain and Australia.", {("united-kingdom", "coalition"), ("australia", "coalition")}),
    ("NATO members include Norway and Latvia.", {("norway", "nato"), ("latvia", "nato")}),
    ("ECOWAS member states include Nigeria, Ghana and Senegal.",
     {("nigeria", "economic-community-of-west-african-states"), ("ghana", "economic-community-of-west-african-states"),
      ("senegal", "economic-community-of-west-african-states")}),
    ("The EU's member states include Hungary and Slovakia.",
     {("hungary", "european-union"), ("slovakia", "european-union")}),
    ("The Wagner Group's members include Dmitry Utkin.", {("dmitry-utkin", "wagner-group")}),
    ("Morocco was included in the Saudi-led coalition.", {("morocco", "saudi-led-coalition")}),
]


@pytest.mark.parametrize(("text", "expected"), INCLUDES, ids=[t for t, _ in INCLUDES])
def test_membership_lists_of_members(text, expected):
    assert expected <= _part_of(text)


@pytest.mark.parametrize(("text", "pair"), [
    ("NATO does not include Ukraine.", ("ukraine", "nato")),
    ("The Saudi-led coalition does not include Oman.", ("oman", "saudi-led-coalition")),
])
def test_membership_lists_negated_are_kept_as_negated_statements(text, pair):
    rels = [r for r in role_relations(parse(text)) if r.predicate == "partOf" and (r.subject, r.object) == pair]
    assert rels and all(r.negated for r in rels)


# (sentence, pairs that must NOT be stated; empty: no partOf at all)
INCLUDE_TRAPS = [
    ("Attacks in Syria include Aleppo and Idlib.", set()),  # places, and no group
    ("Israel's targets include Hezbollah and Hamas.", set()),
    ("The sanctions include the Wagner Group and Rosneft.", set()),
    ("The talks included Russia, Ukraine and Turkey.", set()),
    ("The deal includes Iran and the United States.", set()),
    ("Iran's partners include Russia and China.", set()),  # a state's partners are no members
    ("Hezbollah's allies include Amal.", {("amal", "hezbollah")}),  # allies are no members
    ("Turkey's NATO allies include the United States.", {("united-states", "turkey")}),
    ("Iran's proxies, including Hezbollah and the Houthis, attacked Israel.", set()),
    ("Western countries, including France and Germany, sent weapons.", set()),
    ("Russia, including Chechnya, voted.", {("chechnya", "russia")}),  # a state is no group
    ("Hezbollah fired rockets at Israel, including Haifa.", {("haifa", "israel")}),
    ("The strikes hit ISIS positions, including Raqqa.", {("raqqa", "islamic-state")}),
    ("NATO soldiers include two Americans.", {("united-states", "nato")}),
    ("The Arab League will include Syria again, officials said.", {("syria", "arab-league")}),
]


@pytest.mark.parametrize(("text", "forbidden"), INCLUDE_TRAPS, ids=[t for t, _ in INCLUDE_TRAPS])
def test_membership_lists_traps(text, forbidden):
    found = {(s, o) for s, o, rule, _ in _rules(text) if rule.startswith("role:member")}
    assert not (found & forbidden)
    if not forbidden:
        assert not found


# -- military units: chains, "from", "assigned to", "served with" ---------------------------

UNITS = [
    # a chain of unit names, smaller first
    ("2nd Battalion, 75th Ranger Regiment conducted the raid.", {("2nd-battalion-75th-ranger-regiment", "75th-ranger-regiment")}),
    ("Bravo Company, 1st Battalion, 506th Infantry Regiment cleared the village.",
     {("bravo-company-1st-battalion", "1st-battalion-506th-infantry-regiment"), ("1st-battalion-506th-infantry-regiment", "506th-infantry-regiment")}),
    ("The 1st Battalion, 47th Mechanized Brigade repelled the assault.",
     {("1st-battalion-47th-mechanized-brigade", "47th-mechanized-brigade")}),
    ("The 2nd Armored Brigade Combat Team, 3rd Infantry Division deployed to Poland.",
     {("2nd-armored-brigade-combat-team", "3rd-infantry-division")}),
    ("Iran's Quds Force, Islamic Revolutionary Guard Corps, armed the militias.",
     {("quds-force", "islamic-revolutionary-guard-corps")}),
    ("The 4th Squadron, 2nd Cavalry Regiment, based in Vilseck, Germany, crossed into Lithuania.",
     {("4th-squadron-2nd-cavalry-regiment", "2nd-cavalry-regiment")}),
    ("Paratroopers from 2nd Battalion, 503rd Infantry Regiment landed in Latvia.",
     {("2nd-battalion-503rd-infantry-regiment", "503rd-infantry-regiment")}),
    # a person named with the unit
    ("Lt. Col. James Ward, 1st Battalion, 7th Cavalry Regiment, spoke.",
     {("james-ward", "1st-battalion-7th-cavalry-regiment"), ("1st-battalion-7th-cavalry-regiment", "7th-cavalry-regiment")}),
    # aircraft, ships and people "from" a unit or an armed force
    ("Eurofighter Typhoons from the Royal Air Force flew patrols.", {("eurofighter-typhoons", "royal-air-force")}),
    ("HMS Diamond, from the Royal Navy, escorted the convoy.", {("hms-diamond", "royal-navy")}),
    ("Sgt. Omar Haddad, from the 4th Infantry Division, was wounded.", {("omar-haddad", "4th-infantry-division")}),
    ("Capt. Sara Cohen, from the Golani Brigade and the 7th Armored Brigade, was wounded.",
     {("sara-cohen", "golani-brigade")}),
    # assigned to, served with, a soldier with
    ("Capt. Anna Kovalenko was assigned to the 3rd Assault Brigade.", {("anna-kovalenko", "3rd-assault-brigade")}),
    ("Sgt. Maria Lopez was assigned to the 1st Brigade, 82nd Airborne Division.",
     {("maria-lopez", "1st-brigade-82nd-airborne-division"), ("1st-brigade-82nd-airborne-division", "82nd-airborne-division")}),
    ("Sgt. Maria Lopez, assigned to the 1st Brigade Combat Team, died.", {("maria-lopez", "1st-brigade-combat-team")}),
    ("Capt. John Reyes served with the 101st Airborne Division in Iraq.", {("john-reyes", "101st-airborne-division")}),
    ("Cpl. Yossi Levi, a soldier with the Golani Brigade, was killed.", {("yossi-levi", "golani-brigade")}),
    # "part of" between units was already read
    ("The 26th Marine Expeditionary Unit, part of the Iwo Jima Amphibious Ready Group, sailed.",
     {("26th-marine-expeditionary-unit", "iwo-jima-amphibious-ready-group")}),
]


@pytest.mark.parametrize(("text", "expected"), UNITS, ids=[t for t, _ in UNITS])
def test_membership_military_units(text, expected):
    assert expected <= _part_of(text)


def test_membership_unit_assignment_negated_is_kept_as_a_negated_statement():
    rels = [r for r in role_relations(parse("Capt. Anna Kovalenko was not assigned to the 3rd Assault Brigade."))
            if r.predicate == "partOf"]
    assert [(r.subject, r.object, r.negated) for r in rels] == [("anna-kovalenko", "3rd-assault-brigade", True)]


# (sentence, pairs that must NOT be stated; empty: no membership rule fires at all)
UNIT_TRAPS = [
    # a place after a unit
    ("The 101st Airborne Division, Fort Campbell, Kentucky, deployed.",
     {("101st-airborne-division", "fort-campbell"), ("fort-campbell", "kentucky")}),
    ("Ramirez was assigned to 1st Battalion, 10th Special Forces Group at Fort Carson, Colorado.",
     {("10th-special-forces-group", "fort-carson"), ("fort-carson", "colorado")}),
    # a list of units, a larger unit first
    ("The 1st Battalion, 2nd Battalion and 3rd Battalion moved north.", set()),
    ("The 47th Mechanized Brigade, the 3rd Assault Brigade, and the 93rd Brigade held Avdiivka.", set()),
    ("The 82nd Airborne Division, 1st Brigade led the assault.", set()),
    ("While the 3rd Battalion fought, Hamas fired rockets.", set()),
    # "from" a state, a place, a movement's origin, a transfer
    ("Troops from Iraq joined the exercise.", set()),
    ("F-16s from Denmark arrived in Ukraine.", set()),
    ("Capt. Sara Cohen, from Haifa, was wounded.", set()),
    ("The 3rd Assault Brigade withdrew from Avdiivka.", set()),
    ("The 47th Mechanized Brigade received Leopard tanks from the German Army.", set()),
    ("Ukrainian forces from the 93rd Mechanized Brigade retook Klishchiivka.",
     {("ukrainian-forces", "93rd-mechanized-brigade")}),  # a nation's forces are no part of one brigade
    # assigned to something that is no unit; not (yet) assigned; served in a country
    ("Gen. Mark Milley was assigned to the Pentagon.", set()),
    ("The Pentagon assigned tanks to the 1st Armored Division.", set()),
    ("Lt. David Cohen will be assigned to the Golani Brigade next year.", set()),
    ("Capt. John Reyes served in Iraq.", set()),
    ("Capt. John Reyes served with the United Nations.", set()),
]


@pytest.mark.parametrize(("text", "forbidden"), UNIT_TRAPS, ids=[t for t, _ in UNIT_TRAPS])
def test_membership_military_unit_traps(text, forbidden):
    found = {(s, o) for s, o, rule, negated in _rules(text) if rule.startswith("role:member") and not negated}
    assert not (found & forbidden)
    if not forbidden:
        assert not found


@pytest.mark.parametrize("text", [
    "Sweden is joining NATO.",
    "French warships joined U.S. forces in the Red Sea.",
])
def test_membership_join_in_progress_or_between_forces_is_no_membership(text):
    assert not [r for r in role_relations(parse(text)) if r.rule.startswith("role:member")]


def test_including_after_a_list_names_members_of_its_last_item_only():
    pairs = _part_of("Sanctions hit groups such as Hamas, Hezbollah and the Axis of Resistance, including the Houthis.")
    assert ("houthis", "hamas") not in pairs and ("houthis", "hezbollah") not in pairs
    assert ("united-arab-emirates", "saudi-led-coalition") in _part_of(
        "The Saudi-led coalition, including the UAE and Bahrain, struck Sanaa.")
