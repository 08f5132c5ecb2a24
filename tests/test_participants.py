"""Unnamed participants as actors (kg/resolve/participants.py): the resolution pass alone, then end to end."""

from __future__ import annotations

import pytest

import kg
from kg import Document, parse


def _generic(rd):
    """label -> type of the unnamed participants of a resolved document (not the sites they
    act on: tests/test_resolve_sites.py)."""
    return {e.label: e.type for k, e in rd.entities.items() if k != e.label and k.startswith(kg.names.slugify(e.label) + "-")
            and e.type not in {"Facility", "Place", "Vehicle"}}


@pytest.mark.parametrize("text,expected", [
    ("Gunmen stormed a hotel in Beledweyne.", {"gunmen": "ArmedGroup"}),
    ("Police arrested three protesters.", {"police": "MilitaryForce", "protesters": "Collective"}),
    ("A suicide bomber struck a market.", {"suicide bomber": "Person"}),
    ("Prosecutors charged a Turkish journalist.", {"prosecutors": "GovernmentBody", "Turkish journalist": "Person"}),
    ("The rebels killed dozens of villagers.", {"rebels": "ArmedGroup", "villagers": "Collective"}),
    # kg's own agent nouns (lexicon/agents.tsv), which the Phoenix dictionary lacks
    ("The attackers detonated a car bomb near the border.", {"attackers": "ArmedGroup"}),
    ("Snipers shot two officers.", {"snipers": "MilitaryForce", "officers": "MilitaryForce"}),
    ("A jury convicted the suspect.", {"jury": "GovernmentBody", "suspect": "Collective"}),  # a jury is many
    ("A militia attacked a suspect.", {"militia": "ArmedGroup", "suspect": "Person"}),
    # kin are someone else than their possessor
    ("Police detained Navalny's brother.", {"police": "MilitaryForce", "brother": "Collective"}),
    # so are the people who work for a person ("his aides", "Gachagua's lawyers")
    ("Police arrested Dodik and his aides.", {"police": "MilitaryForce", "aides": "Collective"}),
    # a group said to be armed is an actor with no name to refer back to
    ("Saudi Arabia funded a rebel group.", {"rebel group": "ArmedGroup"}),
    ("Kenya sent troops to fight the militant group.", {"militant group": "ArmedGroup"}),
    # a title nothing resolves is one unnamed person
    ("Prosecutors charged the former official with bribery.",
     {"prosecutors": "GovernmentBody", "former official": "Person"}),
    # where people were says nothing of whose they are
    ("A gunman killed 49 people at the Pulse nightclub.", {"gunman": "Person", "people": "Collective"}),
    ("The shooter murdered nine churchgoers.", {"shooter": "Collective", "churchgoers": "Collective"}),
    # a force's holdings stand for the force ("rebel positions", "an army checkpoint")
    ("Russian jets bombed rebel positions in the north.", {"rebel": "ArmedGroup"}),
    ("Militants attacked an army checkpoint.", {"militants": "ArmedGroup", "army": "MilitaryForce"}),
    ("Soldiers raided a refugee camp at dawn.", {"soldiers": "MilitaryForce"}),  # a place, not the refugees'
    # a noun with the words before it as the agents dictionary lists them: "rights group" is an
    # organisation where "the group" alone only refers back
    ("Rights groups accused the police of torture.", {"rights groups": "Collective", "police": "MilitaryForce"}),
    ("The opposition party accused the army of fraud.", {"opposition party": "Collective", "army": "MilitaryForce"}),
    ("Farmers accused the central bank of ruining them.", {"farmers": "Collective", "central bank": "GovernmentBody"}),
    # kg's own rows: a family, a union, a charity
    ("Police shot dead the families of two suspects.", {"police": "MilitaryForce", "families": "Collective"}),
    ("The union accused the government of lying.", {"union": "Collective", "government": "GovernmentBody"}),
    ("The hostages were freed by their captors.", {"hostages": "Collective", "captors": "Collective"}),
    # the owner of a holding or of a proposal a clause acts on ("raided the militants' hideout")
    ("Soldiers raided the militants' hideout.", {"soldiers": "MilitaryForce", "militants": "ArmedGroup"}),
    ("The rebels rejected the government's proposal.", {"rebels": "ArmedGroup", "government": "GovernmentBody"}),
    ("Prosecutors opened an investigation into a senator.", {"prosecutors": "GovernmentBody", "senator": "Person"}),
    ("Donors pledged support for the refugees.", {"donors": "Collective", "refugees": "Collective"}),  # "for"
    # a crowd is people; "a crowd of protesters" are the protesters
    ("Soldiers fired on the crowd.", {"soldiers": "MilitaryForce", "crowd": "Collective"}),
    ("A crowd of protesters attacked the police.", {"protesters": "Collective", "police": "MilitaryForce"}),
    ("Armed tribesmen kidnapped two foreigners.", {"armed tribesmen": "Collective", "foreigners": "Collective"}),
])
def test_participants_unnamed_people_become_actors(text, expected):
    assert _generic(parse(text)) == expected


@pytest.mark.parametrize("text", [
    "Taliban gunmen attacked a checkpoint.",         # the Taliban's: resolved through the name
    "Militiamen loyal to Khalifa Haftar shelled the airport.",  # "loyal to X" says whose they are
    "Members of Hamas crossed the border.",          # a part of a named group
    "The group said it would respond.",              # refers back, or to no one
    "Serbia put its army on alert.",                 # the state's own army
    "Israeli forces withdrew from several border villages.",  # villages are places, not people
    "Jordan and Egypt agreed to share intelligence.",  # what is shared, not a service
    "Hezbollah blamed the blast on Israeli agents.",   # a state's agents: the state's, through the noun
    "A Pentagon spokesman condemned the attack.",      # speaks for the Pentagon
    "Both leaders condemned the attack.",              # plural titles refer back
    "The alliance comprises dozens of armed groups, including Hamas.",  # the list names them
    "The Taliban ambushed an Afghan army convoy.",     # the holding of a named one's army: the name's
    "Japan accused a Chinese spy plane of violating its airspace.",  # a machine the dictionary lists
    "Missiles downed a passenger airliner over the sea.",  # a site the dictionary lists with people
    "The United States and Turkey agreed to expand access to military bases.",  # a place, not its troops
])
def test_participants_leave_what_others_resolve(text):
    assert _generic(parse(text)) == {}


def test_participants_are_scoped_to_document_and_sentence():
    one = parse("Protesters gathered in Tunis.", document=Document("a", "Protesters gathered in Tunis."))
    two = parse("Protesters gathered in Tunis.", document=Document("b", "Protesters gathered in Tunis."))
    assert set(one.entities) != set(two.entities)  # "protesters" in two articles are not one actor
    again = parse("Protesters gathered in Tunis.", document=Document("a", "Protesters gathered in Tunis."))
    assert set(one.entities) == set(again.entities)  # but the key is deterministic
    rd = parse("Protesters marched on Monday. Protesters marched again on Friday.")
    assert len(_generic(rd)) == 1 and len([k for k in rd.entities if k.startswith("protesters-")]) == 2


def test_participants_definite_mention_refers_back():
    rd = parse("Gunmen attacked a checkpoint. The gunmen fled.")
    first = next(t for t in rd.doc if t.lower_ == "gunmen")
    second = [t for t in rd.doc if t.lower_ == "gunmen"][1]
    assert rd.token_actor[first.i] == rd.token_actor[second.i]


@pytest.mark.parametrize("text,edge", [
    ("Gunmen kidnapped two aid workers in Darfur.", ("gunmen", "coerced", "aid workers")),
    ("Russian forces shelled the town, killing three civilians.", ("Russian forces", "targeted", "civilians")),
    ("Tunisian police arrested dozens of protesters.", ("Tunisian police", "coerced", "protesters")),
    # a state's own noun that no state in reach resolves is an unnamed participant
    ("The army attacked the rebels near the border.", ("army", "targeted", "rebels")),
    ("Police arrested three men in the north.", ("police", "coerced", "men")),
])
def test_participants_take_part_in_relations(text, edge):
    graph = kg.build([text])
    labels = {(graph.entities[r.subject].label, r.predicate, graph.entities[r.object].label) for r in graph.relations}
    assert edge in labels


def test_participants_a_state_in_reach_takes_its_own_noun():
    graph = kg.build(["Sudan deployed troops to the border. The army attacked the rebels."])
    assert ("sudanese-forces", "targeted") in {(r.subject, r.predicate) for r in graph.relations}
    assert not any(e.label == "army" for e in graph.entities.values())


def test_participants_make_no_edge_without_an_act():
    graph = kg.build(["Protesters gathered in Khartoum on Friday."])
    assert not [r for r in graph.relations if r.predicate not in {"locatedIn", "stationedIn"}]


def test_participants_with_no_part_in_any_relation_leave_no_node():
    graph = kg.build(["Protesters gathered in Khartoum on Friday."])
    assert not [k for k in graph.entities if k.startswith("protesters-")]
    graph = kg.build(["Gunmen kidnapped two aid workers in Darfur."])
    assert [k for k in graph.entities if k.startswith("gunmen-")]


def test_participants_kin_with_a_name_is_the_named_person():
    """"her son, Alaa Abd El-Fattah": the named person, not a participant "son"."""
    rd = parse("Police detained her son, Alaa Abd El-Fattah.")
    son = next(t for t in rd.doc if t.lower_ == "son")
    assert rd.entities[rd.token_actor[son.i]].type == "Person" and "son" not in _generic(rd)


@pytest.mark.parametrize("text,word", [
    ("Russia threatened to use force against Moldova.", "force"),   # a mass noun, no one
    ("The rebels took the town by force.", "force"),
])
def test_bare_singular_object_is_no_participant(text, word):
    import kg
    assert not [k for k in kg.parse(text).entities if k.startswith(word)]


def test_singular_with_determiner_is_a_participant():
    import kg
    assert any(k.startswith("soldier") for k in kg.parse("Gunmen killed a soldier near the border.").entities)


@pytest.mark.parametrize("text,edge", [
    # a name in apposition to a noun of a person's role is that person
    ("Pompeo held talks with his Chinese counterpart Wang Yi in Beijing.", ("mike-pompeo", "consulted", "wang-yi")),
    ("Police arrested a rebel commander, Abu Khalid, in Idlib.", (None, "coerced", "abu-khalid")),
    ("Turkey released the American pastor Andrew Brunson.", ("turkey", "conceded", "andrew-brunson")),
    ("A gunman killed 49 people at the Pulse nightclub.", ("gunman", "targeted", "people")),
])
def test_participants_named_in_apposition(text, edge):
    triples = {(r.subject, r.predicate, r.object) for r in kg.build([text]).relations}
    subj, pred, obj = edge
    assert any((subj is None or s.startswith(subj)) and p == pred and o.startswith(obj) for s, p, o in triples), triples


def test_participants_a_person_in_apposition_does_not_name_a_body():
    # the parser may put a speaker in apposition to the object ("defeat the regime, X, its
    # minister, told reporters"): the regime stays a body, X is not what was defeated
    rd = parse("The alliance vowed to defeat the junta, Aung Kyaw, its foreign minister, told reporters.")
    junta = next(t for t in rd.doc if t.lower_ == "junta")
    key = rd.token_actor.get(junta.i)
    assert key is None or rd.entities[key].type != "Person"


def test_participants_an_insurgency_is_waged_not_an_actor():
    assert "deadly insurgency" not in _generic(parse("Rebels have been fighting a deadly insurgency against the state."))
