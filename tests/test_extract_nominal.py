"""Noun triggers (kg/extract/nominal.py, noun_agents.py, noun_objects.py): who an attack harmed."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,edge", [
    ("Three Hezbollah fighters died in an Israeli strike.", ("israel", "targeted", "hezbollah")),
    ("Two soldiers died in the attack by the PKK.", ("kurdistan-workers-party", "targeted", "soldiers")),
])
def test_nominal_who_died_in_an_attack_was_its_target(edges_of, text, edge):
    assert edge in edges_of(text)


def test_nominal_who_died_in_an_attack_did_not_make_it(edges_of):
    # the ones who died are harmed, not agents of each other's attack
    assert edges_of("Twenty passengers and four soldiers died in the attack.") == set()


def test_a_compound_noun_row_outranks_its_head():
    import kg
    triples = {(r.subject, r.predicate, r.object) for r in kg.build(["Ruto held a phone call with Museveni."]).relations}
    assert any(p == "consulted" and o == "yoweri-museveni" for _, p, o in triples)
    assert not any(p == "demanded" for _, p, _ in triples)  # "a call on X" is a demand; a phone call is not


def test_under_investigation_by_someone():
    import kg
    triples = {(r.subject, r.predicate, r.object) for r in kg.build(
        ["Safaricom is under investigation by the European Commission."]).relations}
    assert ("european-commission", "investigated", "safaricom") in triples


@pytest.mark.parametrize("text,edge", [
    # a past participle of a light verb on the act: its by-agent did it, its prepositions name the target
    ("Sanctions imposed by Washington on Moscow have hurt the economy.", ("united-states", "sanctioned", "russia")),
    ("The strikes launched by Israel on Gaza killed dozens.", ("israel", "targeted", "gaza-strip")),
    # the parser may hang the target on the agent
    ("The airstrikes carried out by the coalition against Islamic State targets continued.",
     ("coalition", "targeted", "islamic-state")),
    # the participle says the sanctions were imposed, whatever is asked of them
    ("Russia called for lifting the sanctions imposed by the EU on Russia.",
     ("european-union", "sanctioned", "russia")),
    # "between" on the clause the act is the subject of
    ("Fighting broke out between Azerbaijan and Armenia.", ("azerbaijan", "inConflictWith", "armenia")),
    ("Talks were held between Iran and the US in Oman.", ("iran", "consulted", "united-states")),
    # decisions as light verbs: approving, passing, adopting an act does it
    ("The IMF approved a $6 billion loan for Pakistan.", ("international-monetary-fund", "aided", "pakistan")),
    ("Congress passed new sanctions on North Korea.", ("united-states-congress", "sanctioned", "north-korea")),
    # a package of sanctions counts them
    ("The EU adopted a new package of sanctions against Russia.", ("european-union", "sanctioned", "russia")),
])
def test_nominal_participles_decisions_and_clause_prepositions(text, edge):
    import kg
    graph = kg.build([text])
    labels = {(r.subject if not r.subject.startswith("coalition-") else "coalition", r.predicate, r.object)
              for r in graph.relations if not r.negated}
    assert edge in labels


def test_nominal_a_participle_that_may_not_be_done_states_nothing_done():
    import kg
    rels = kg.build(["Russia fears the sanctions that Washington may impose on Moscow."]).relations
    assert not any(r.predicate == "sanctioned" for r in rels)  # a clause with "may" says it is not done


def test_nominal_a_fight_joined_by_several_is_no_fight_among_them():
    import kg
    rels = kg.build(["China claims the sea, a fight joined by Brunei, Malaysia and Vietnam."]).relations
    assert not any(r.rule.endswith(":reciprocal") for r in rels)


@pytest.mark.parametrize("text,edge", [
    # a package counts the act its compound names
    ("Japan announced a $1 billion aid package for Ukraine.", ("japan", "aided", "ukraine")),
    ("The EU approved a new sanctions package against Russia.", ("european-union", "sanctioned", "russia")),
    ("China extended a $2 billion credit line to Sri Lanka.", ("china", "aided", "sri-lanka")),
])
def test_nominal_a_package_of_an_act(text, edge):
    import kg
    assert edge in {r.triple for r in kg.build([text]).relations}


def test_nominal_an_act_blocked_is_not_done():
    import kg
    rels = kg.build(["Hungary and Slovakia blocked the EU's new sanctions package against Russia."]).relations
    assert not any(r.predicate == "sanctioned" and r.object == "russia" for r in rels)


def test_nominal_an_attack_claimed_in_a_passive_relative_clause():
    import kg
    triples = {(r.subject, r.predicate, r.object.rsplit("-", 2)[0]) for r in kg.build(
        ["The attack, which was claimed by the Islamic State, killed 40 people."]).relations}
    assert ("islamic-state", "targeted", "people") in triples


def test_nominal_sanctions_imposed_in_a_passive_relative_clause():
    import kg
    triples = {r.triple for r in kg.build(["The sanctions that were imposed by Washington on Moscow hurt."]).relations}
    assert ("united-states", "sanctioned", "russia") in triples


@pytest.mark.parametrize("text,edge", [
    # a light verb in the passive: its by-agent is the act's agent, its prepositions the act's
    ("Sanctions were imposed on Belarus by the European Union.", ("european-union", "sanctioned", "belarus")),
    ("A new offensive against the Houthis was launched by Saudi Arabia.", ("saudi-arabia", "targeted", "houthis")),
    ("Talks with Tehran were held by the Europeans in Vienna.", ("europeans", "consulted", "iran")),
])
def test_passive_light_verb_gives_the_act_its_agent(edges_of, text, edge):
    assert edge in edges_of(text)


def test_passive_light_verb_with_no_agent_names_none(edges_of):
    assert not any(p == "sanctioned" for _, p, _ in edges_of("Sanctions were imposed on Belarus after the vote."))


@pytest.mark.parametrize("text,edge", [
    # light verbs that raise or keep an act
    ("Japan ramped up sanctions on Russia.", ("japan", "sanctioned", "russia")),
    ("Washington maintained sanctions on Havana.", ("united-states", "sanctioned", "cuba")),
    ("Turkey expanded its offensive against the PKK.", ("turkey", "targeted", "kurdistan-workers-party")),
])
def test_light_verbs_that_raise_or_keep_an_act(edges_of, text, edge):
    assert edge in edges_of(text)


@pytest.mark.parametrize("text,edge", [
    # "to X" hung on what a sum is in
    ("China has provided $5 billion in loans to Venezuela.", ("china", "aided", "venezuela")),
    ("The U.S. has sent billions of dollars in weapons to Ukraine.", ("united-states", "aided", "ukraine")),
])
def test_a_sum_in_aid_to_someone(edges_of, text, edge):
    assert edge in edges_of(text)


def test_ordering_strikes_on_someone_demands_nothing_of_them(edges_of):
    edges = edges_of("Trump ordered airstrikes against the Islamic State.")
    assert ("donald-trump", "targeted", "islamic-state") in edges
    assert not any(p == "demanded" for _, p, _ in edges)


@pytest.mark.parametrize("text,edge", [
    # "in"/"through" + gerund shares the subject of the clause it hangs on
    ("In announcing the sanctions on Belarus, Blinken cited the crackdown.", ("antony-blinken", "sanctioned", "belarus")),
    ("Through supplying drones to Moscow, Iran has prolonged the war.", ("iran", "aided", "russia")),
])
def test_a_gerund_after_in_or_through_shares_the_clauses_subject(edges_of, text, edge):
    assert edge in edges_of(text)


def test_strikes_that_back_someone_do_not_hit_them(edges_of):
    edges = edges_of("The Iraqi army, backed by American airstrikes, retook the city from the rebels.")
    assert not any(p == "targeted" and s == "united-states" for s, p, _ in edges)
    assert ("israel", "targeted", "convoy") in {(s, p, o.split("-")[0]) for s, p, o in
                                               edges_of("The convoy was hit by Israeli strikes.")}


@pytest.mark.parametrize("text,edge", [
    # a sum "in" an act stands for the act under a light verb; a capital it is for, its state
    ("Washington announced $800 million in military aid for Kyiv.", ("united-states", "aided", "ukraine")),
    ("Tokyo provided $50 million in loans to Colombo.", ("japan", "aided", "sri-lanka")),
])
def test_a_sum_in_an_act_stands_for_the_act(edges_of, text, edge):
    assert edge in edges_of(text)


@pytest.mark.parametrize("text,edge", [
    # a meeting a clause's act took place in took place, whatever the clause asks
    ("Biden urged restraint during a meeting with Netanyahu.", ("joe-biden", "consulted", "benjamin-netanyahu")),
    ("In a phone call with Netanyahu, Biden urged restraint.", ("joe-biden", "consulted", "benjamin-netanyahu")),
    # the one told something in a call is the other party
    ("Putin told Erdogan in a phone call that Russia was ready to help.",
     ("vladimir-putin", "consulted", "recep-tayyip-erdogan")),
    # a delegation from a group is the group's
    ("A delegation from Hamas held talks with Egyptian officials.", ("hamas", "consulted", "egyptian-government")),
])
def test_meetings_an_act_took_place_in(edges_of, text, edge):
    assert edge in edges_of(text)


def test_a_meeting_in_the_future_is_still_to_come(edges_of):
    assert not any(p == "consulted" for _, p, _ in edges_of("Biden will urge restraint during a meeting with Netanyahu."))


@pytest.mark.parametrize("text", [
    "Malaysia wants leverage in future negotiations with China.",
    "Diplomats discussed a possible deal between Israel and Hamas.",
    "A potential ceasefire between Russia and Ukraine could lift markets.",
])
def test_an_act_only_possible_states_nothing(edges_of, text):
    assert not any(p in {"consulted", "agreedWith"} for _, p, _ in edges_of(text))


def test_a_scheduled_act_is_announced(edges_of):
    edges = edges_of("The planned talks between Iran and Saudi Arabia were postponed.")
    assert not any(p == "consulted" for _, p, _ in edges)


def test_discussing_a_state_in_a_call_does_not_consult_it(edges_of):
    edges = edges_of("Putin and Erdogan discussed Syria in a phone call.")
    assert not any(o == "syria" and p == "consulted" for _, p, o in edges)


def test_charged_in_a_killing_alleges_it_of_the_charged(edges_of):
    assert ("men", "targeted", "journalist") in edges_of("Two men were charged in the killing of the journalist.")


def test_arresters_did_not_do_the_act_they_arrest_for(edges_of):
    edges = edges_of("Police arrested three suspects in the bombing of the church.")
    assert not any(s == "police" and p == "targeted" for s, p, _ in edges)
    edges = edges_of("Police detained dozens of students during a rally against the government.")
    assert not any(s == "police" and p == "protestedAgainst" for s, p, _ in edges)
    assert any(s == "students" and p == "protestedAgainst" for s, p, _ in edges)


def test_clashes_a_clause_followed_were_its_subjects(edges_of):
    assert ("rebels", "inConflictWith", "army") in edges_of("Rebels seized the town after fierce clashes with the army.")


def test_who_died_in_a_strike_on_a_place_was_harmed_by_it(edges_of):
    edges = edges_of("Three civilians died in a Russian airstrike on Kharkiv.")
    assert {("russia", "targeted", "civilians"), ("russia", "targeted", "kharkiv")} <= edges


@pytest.mark.parametrize("text,edges", [
    # who was killed in a gun battle, firefight or shootout with someone fought them, and was harmed by them
    ("The gang leader was killed in a shootout with police, officials said.",
     {("gang-leader", "inConflictWith", "police"), ("police", "targeted", "gang-leader")}),
    ("Fierce battles between the army and the RSF continued in Khartoum.", {("army", "inConflictWith", "rapid-support-forces")}),
])
def test_gun_battles_and_shootouts(edges_of, text, edges):
    assert edges <= edges_of(text)


def test_a_legal_battle_is_no_fight(edges_of):
    assert not any(p == "inConflictWith" for _, p, _ in edges_of("Kenya is locked in a legal battle with Somalia over the border."))


@pytest.mark.parametrize("text,edge", [
    ("The indictment of the senator by federal prosecutors was unsealed.",
     ("federal-prosecutors", "accused", "senator")),
    ("The deportation of Afghan refugees by Pakistan continued.", ("pakistan", "coerced", "afghan-refugees")),
    ("Obama's pardon of Manning was controversial.", ("barack-obama", "conceded", "manning")),
    ("The torture of detainees by the guards was documented.", ("guards", "targeted", "detainees")),
])
def test_nominalisations_of_kgs_verbs(text, edge):
    import kg
    triples = {(r.subject, r.predicate, r.object) for r in kg.build([text]).relations}
    assert any(s.startswith(edge[0]) and p == edge[1] and o.startswith(edge[2]) for s, p, o in triples), triples


def test_nominalisation_of_no_one_is_no_edge():
    import kg
    assert not kg.build(["The release of the report was delayed by a week."]).relations
