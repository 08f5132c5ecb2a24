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
    # not (yet) a member: negated, wished, applied for, promised
    ("Ukraine is not a member of NATO.", {("ukraine", "nato")}),
    ("Ukraine has not joined NATO.", {("ukraine", "nato")}),
    ("Ukraine wants to join NATO.", {("ukraine", "nato")}),
    ("Ukraine applied to join NATO in 2022.", {("ukraine", "nato")}),
    ("Ukraine applied to become a member of NATO.", {("ukraine", "nato")}),
    ("Ukraine will join NATO one day, Zelensky said.", {("ukraine", "nato")}),
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


def test_membership_leadership_titles_are_unchanged():
    rels = {(r.subject, r.predicate, r.object)
            for r in role_relations(parse("Mohammed Deif, a commander of the Qassam Brigades, was killed."))}
    assert ("mohammed-deif", "leaderOf", "qassam-brigades") in rels


def test_membership_existing_include_still_works(edges_of):
    edges = edges_of("Members of NATO include Turkey, Poland and Norway.")
    assert {("turkey", "partOf", "nato"), ("poland", "partOf", "nato"), ("norway", "partOf", "nato")} <= edges


def test_membership_lexicon_rows_are_well_formed():
    kinds = load_lexicon().membership
    assert kinds and set(kinds.values()) <= {"part", "person", "roster", "join", "makeup"}
    assert all(form == form.lower() and " " not in form for form in kinds)


@pytest.mark.parametrize("text", [
    "Sweden is joining NATO.",
    "French warships joined U.S. forces in the Red Sea.",
])
def test_membership_join_in_progress_or_between_forces_is_no_membership(text):
    assert not [r for r in role_relations(parse(text)) if r.rule.startswith("role:member")]
