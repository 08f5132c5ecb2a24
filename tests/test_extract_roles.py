"""kg/extract/roles.py: titles, leadership and assignment phrasings, with the real model."""

from __future__ import annotations

import pytest

from kg import parse
from kg.extract import extract


def _roles(text: str) -> set[tuple[str, str, str]]:
    """The asserted partOf and leaderOf triples kg draws from a sentence (every family)."""
    rels, _ = extract(parse(text))
    return {r.triple for r in rels if r.predicate in {"partOf", "leaderOf"} and not r.negated}


# -- a title in apposition, naming the group ------------------------------------------------

# (sentence, expected triples, forbidden triples): many conflicts, every phrasing
APPOSITIVE_TITLES = [
    # one of several, a senior officer, the head of a part: a member
    ("Fuad Shukr, a senior Hezbollah commander, was killed in Beirut.",
     {("fuad-shukr", "partOf", "hezbollah")}, {("fuad-shukr", "leaderOf", "hezbollah")}),
    ("Osama Hamdan, a senior Hamas official, spoke in Beirut.", {("osama-hamdan", "partOf", "hamas")}, set()),
    ("Ali Hassan, an ISIL gang leader in Raqqa, was arrested.",
     {("ali-hassan", "partOf", "islamic-state")}, {("ali-hassan", "leaderOf", "islamic-state")}),
    ("Abu Khalid, an al-Shabaab commander in Mogadishu, surrendered.",
     {("abu-khalid", "partOf", "al-shabaab")}, {("abu-khalid", "leaderOf", "al-shabaab")}),
    ("Abu Ahmed, an emir of the Islamic State in Raqqa, was killed.",
     {("abu-ahmed", "partOf", "islamic-state")}, {("abu-ahmed", "leaderOf", "islamic-state")}),
    ("Yahya Sinwar, the Hamas leader in Gaza, was killed.",
     {("yahya-sinwar", "partOf", "hamas")}, {("yahya-sinwar", "leaderOf", "hamas")}),
    ("Naim Qassem, the deputy leader of Hezbollah, gave a speech.",
     {("naim-qassem", "partOf", "hezbollah")}, {("naim-qassem", "leaderOf", "hezbollah")}),
    ("Kaja Kallas, the EU foreign policy chief, visited Kyiv.",
     {("kaja-kallas", "partOf", "european-union")}, {("kaja-kallas", "leaderOf", "european-union")}),
    ("Ahmed Salem, a spokesman for the RSF, said the army attacked.", {("ahmed-salem", "partOf", "rapid-support-forces")},
     set()),
    ("Yahya Saree, a spokesman for the Houthis, said missiles were fired.", {("yahya-saree", "partOf", "houthis")}, set()),
    # a member of a body of the group
    ("Mohammed al-Bukhaiti, a member of the Houthi politburo, said the attack was a warning.",
     {("mohammed-al-bukhaiti", "partOf", "houthis")}, set()),
    ("Ali Barakeh, a member of the Hamas political bureau, said talks failed.", {("ali-barakeh", "partOf", "hamas")},
     set()),
    # the head of the whole group
    ("Abu Bakr Shekau, the leader of Boko Haram, was killed.", {("abubakar-shekau", "leaderOf", "boko-haram")}, set()),
    ("Jens Stoltenberg, the NATO secretary general, visited Kyiv.", {("jens-stoltenberg", "leaderOf", "nato")}, set()),
    ("Antonio Guterres, the UN secretary-general, condemned the attack.",
     {("antonio-guterres", "leaderOf", "united-nations")}, set()),
    ("Naim Qassem, Hezbollah's secretary-general, gave a speech.", {("naim-qassem", "leaderOf", "hezbollah")}, set()),
    # a title the resolver took into the person's name, after a possessive
    ("Jordan's King Abdullah warned Israel.", {("king-abdullah", "leaderOf", "jordan")}, set()),
    ("Israel's Prime Minister Benjamin Netanyahu vowed to continue the war.",
     {("benjamin-netanyahu", "leaderOf", "israel")}, set()),
    # a prenominal deputy or a state's commander is no head
    ("Hezbollah deputy leader Naim Qassem gave a speech.",
     {("naim-qassem", "partOf", "hezbollah")}, {("naim-qassem", "leaderOf", "hezbollah")}),
    ("Iraqi commander Ahmed Ali said the attack failed.", set(), {("ahmed-ali", "leaderOf", "iraq")}),
]


@pytest.mark.parametrize(("text", "expected", "forbidden"), APPOSITIVE_TITLES, ids=[t for t, _, _ in APPOSITIVE_TITLES])
def test_roles_appositive_titles(text, expected, forbidden):
    found = _roles(text)
    assert expected <= found
    assert not (found & forbidden)


@pytest.mark.parametrize(("text", "person"), [
    ("Ahmed Ali, a former Hezbollah commander, was killed.", "ahmed-ali"),
    ("Ahmed Ali, a former Hamas commander in Gaza, was killed.", "ahmed-ali"),
    ("Ali Hassan is not a Hezbollah commander.", "ali-hassan"),
    ("Hezbollah said Ali Hassan was not a commander of the group.", "ali-hassan"),
    # a nationality is no group: "an Iraqi commander"
    ("Ahmed Ali, an Iraqi commander, said the attack failed.", "ahmed-ali"),
])
def test_roles_appositive_titles_traps(text, person):
    assert not {t for t in _roles(text) if t[0] == person}


def test_roles_member_of_a_body_negated_is_kept_negated():
    rels, _ = extract(parse("Ali Hassan is not a member of the Hamas political bureau."))
    assert [(r.subject, r.predicate, r.object, r.negated) for r in rels] == [("ali-hassan", "partOf", "hamas", True)]
