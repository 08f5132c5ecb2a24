"""Tests of kg.view: the pure selection and rendering, then the page in real headless Chromium.

Graphs are built by hand following ``KnowledgeGraph.to_networkx()``'s contract:
a small one (a dozen actors, an event, parallel edges, hostile text in names and
sentences) and a generated one (5,000 nodes, 10,000 edges).
"""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.view import display, frame_html, render_html, select_subgraph

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
READY_TIMEOUT_MS = 180_000

#: Payloads that would set window.__pwned if any text reached the page as markup or code.
PAYLOADS = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    "</script><script>window.__pwned = 3</script>",
    "<svg onload=window.__pwned=4></svg>",
    "<!-- <script>window.__pwned = 5</script>",
    "';window.__pwned=6;'\"",
]
HOSTILE_LABEL = 'Evil "Name" \'q\' </script><script>window.__pwned=7</script>\x07\x1f\u2028end'


# --------------------------------------------------------------------------- graphs


def _entity(g, key, label, etype, aliases=(), wikidata=None, mentions=1, documents=("d1",)):
    g.add_node(
        key,
        kind="entity",
        label=label,
        type=etype,
        aliases=list(aliases),
        wikidata=wikidata,
        iri=f"https://w3id.org/newskg/id/{key}",
        documents=sorted(documents),
        mentions=mentions,
    )


def _edge(g, u, v, predicate, *, confidence=0.8, documents=("d1",), sentences=None, dates=None):
    documents = sorted(documents)
    sentences = sentences or [f"{u} {predicate} {v}."] * len(documents)
    dates = dates if dates is not None else ["2024-01-15"] * len(documents)
    evidence = [
        {
            "document": doc,
            "sentence": sentence,
            "date": date,
            "source": "Wire",
            "rule": f"{predicate}.verb",
            "asserted_by": None,
            "confidence": confidence,
        }
        for doc, sentence, date in zip(documents, sentences, dates)
    ]
    g.add_edge(
        u,
        v,
        key=predicate,
        predicate=predicate,
        confidence=confidence,
        documents=documents,
        evidence=evidence,
    )


def make_small_graph(order: int = 1) -> nx.MultiDiGraph:
    """A dozen actors, one event, parallel edges both ways, hostile text throughout.

    ``order=-1`` adds the same nodes and edges in reverse order.
    """
    g = nx.MultiDiGraph(name="Small <b>test</b> graph")
    entities = [
        ("kataib-hezbollah", "Kataib Hezbollah", "ArmedGroup", ["KH", "Kata'ib Hizballah"], "Q1320383", 9),
        ("united-states", "United States", "State", ["US", "U.S.", "Washington"], "Q30", 12),
        ("iran", "Iran", "State", ["Tehran", "Islamic Republic"], "Q794", 7),
        ("israel", "Israel", "State", [], "Q801", 5),
        ("hezbollah", "Hezbollah", "ArmedGroup", ["Hizbullah"], "Q41053", 4),
        ("popular-mobilization-forces", "Popular Mobilization Forces", "MilitaryForce",
         ["PMF", "al-Hashd al-Shaabi"], "Q19865586", 3),
        ("united-nations", "United Nations", "InternationalOrganization", ["UN"], "Q1065", 2),
        ("iraqi-government", "Iraqi government", "GovernmentBody", ["Baghdad government"], None, 2),
        ("ali-khamenei", "Ali Khamenei", "Person", ["Khamenei"], "Q57336", 2),
        ("tower-22", "Tower 22", "Facility", [], None, 2),
        ("jordan", "Jordan", "Place", [], "Q810", 1),
        ("hostile", HOSTILE_LABEL, "Organization", PAYLOADS[:3], "javascript:window.__pwned=8", 1),
    ]  # fmt: skip
    nodes = []
    for key, label, etype, aliases, qid, mentions in entities:
        nodes.append(("entity", (key, label, etype, aliases, qid, mentions)))
    nodes.append(("event", "attack-tower-22"))
    edges = [
        ("kataib-hezbollah", "united-states", "accused",
         dict(confidence=0.9, documents=("d1", "d2"), sentences=[PAYLOADS[0], PAYLOADS[1]],
              dates=["2024-01-29", "2024-01-30"])),
        ("kataib-hezbollah", "united-states", "targeted",
         dict(confidence=0.7, documents=("d1",), sentences=[PAYLOADS[2]], dates=["2024-01-28"])),
        ("united-states", "kataib-hezbollah", "targeted",
         dict(confidence=0.85, documents=("d3",), dates=["2024-02-02"])),
        ("united-states", "kataib-hezbollah", "sanctioned",
         dict(confidence=0.6, documents=("d4",), sentences=[PAYLOADS[3] + " \x00\x08 \u2029 & more"],
              dates=["2024-02-10"])),
        ("kataib-hezbollah", "iran", "alignedWith",
         dict(confidence=0.8, documents=("d1", "d2", "d5"), dates=[None, "2024-01-05", None])),
        ("kataib-hezbollah", "iran", "backedBy", dict(confidence=0.95, documents=("d2",))),
        ("kataib-hezbollah", "popular-mobilization-forces", "partOf", dict(confidence=0.9)),
        ("hezbollah", "iran", "alignedWith", dict(confidence=0.75, dates=[None])),
        ("israel", "hezbollah", "inConflictWith", dict(confidence=0.9, documents=("d6", "d7"))),
        ("united-nations", "united-states", "criticized",
         dict(confidence=0.5, sentences=[PAYLOADS[4]], dates=["2024-02-05"])),
        ("iraqi-government", "united-states", "condemned",
         dict(confidence=0.65, sentences=[PAYLOADS[5]], dates=["2024-02-03"])),
        ("ali-khamenei", "iran", "leaderOf", dict(confidence=0.99, dates=[None])),
        ("tower-22", "jordan", "locatedIn", dict(confidence=0.9, dates=[None])),
        ("hostile", "iran", "accused", dict(confidence=0.4, sentences=[HOSTILE_LABEL])),
        ("kataib-hezbollah", "attack-tower-22", "claimedResponsibilityFor",
         dict(confidence=0.9, dates=["2024-01-28"])),
        ("attack-tower-22", "kataib-hezbollah", "agent", dict(confidence=0.8, dates=["2024-01-28"])),
        ("attack-tower-22", "united-states", "target", dict(confidence=0.8, dates=["2024-01-28"])),
        ("attack-tower-22", "tower-22", "location", dict(confidence=0.8, dates=["2024-01-28"])),
    ]  # fmt: skip
    for kind, item in nodes[::order]:
        if kind == "entity":
            key, label, etype, aliases, qid, mentions = item
            _entity(g, key, label, etype, aliases, qid, mentions)
        else:
            g.add_node(
                item,
                kind="event",
                type="Attack",
                label="Drone attack on Tower 22",
                iri=f"https://w3id.org/newskg/id/{item}",
                date="2024-01-28",
                documents=["d1"],
            )
    for u, v, predicate, options in edges[::order]:
        _edge(g, u, v, predicate, **options)
    return g


def make_big_graph(n: int = 5000, m: int = 10000, *, seed: int = 3) -> nx.MultiDiGraph:
    """``n`` nodes (a tenth of them events) and exactly ``m`` edges, deterministic."""
    rng = random.Random(seed)
    types = ["State", "ArmedGroup", "Organization", "Person", "Place", "MilitaryForce"]
    relations = ["accused", "alignedWith", "targeted", "supported", "condemned", "partOf"]
    g = nx.MultiDiGraph(name="big")
    n_events = n // 10
    entities = [f"entity-{i}" for i in range(n - n_events)]
    for i, key in enumerate(entities):
        _entity(g, key, f"Entity {i}", rng.choice(types), [f"Alias {i}"], f"Q{i + 1}", rng.randint(1, 9))
    events = [f"event-{i}" for i in range(n_events)]
    for i, key in enumerate(events):
        g.add_node(key, kind="event", type="Attack", label=f"Attack {i}", iri=key,
                   date=f"2024-03-{i % 28 + 1:02d}", documents=[f"d{i}"])  # fmt: skip
    count = 0
    for i, key in enumerate(events):
        _edge(g, key, entities[i % len(entities)], "agent", documents=(f"d{i}",))
        count += 1
    while count < m:
        u, v = rng.choice(entities), rng.choice(entities[:1500])
        predicate = rng.choice(relations)
        if u == v or g.has_edge(u, v, predicate):
            continue
        docs = tuple(f"d{rng.randrange(900)}" for _ in range(rng.randint(1, 3)))
        _edge(g, u, v, predicate, confidence=round(rng.uniform(0.3, 1.0), 2),
              documents=tuple(sorted(set(docs))),
              dates=[f"2024-0{rng.randint(1, 6)}-1{rng.randint(0, 9)}"] * len(set(docs)))  # fmt: skip
        count += 1
    return g


def page_data(page: str) -> dict:
    """The JSON the page carries (its ``#kg-data`` block)."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


# --------------------------------------------------------------------------- pure Python


def test_view_select_subgraph_focus_by_alias_case_insensitive():
    g = make_small_graph()
    sub = select_subgraph(g, focus="pmf", hops=1)
    assert set(sub) == {"popular-mobilization-forces", "kataib-hezbollah"}
    assert set(select_subgraph(g, focus="KATAIB HEZBOLLAH", hops=0)) == {"kataib-hezbollah"}
    assert set(select_subgraph(g, focus="kataib-hezbollah", hops=0)) == {"kataib-hezbollah"}


def test_view_select_subgraph_hops_follow_edges_both_ways():
    g = make_small_graph()
    one = set(select_subgraph(g, focus="Tower 22", hops=1))
    assert one == {"tower-22", "jordan", "attack-tower-22"}
    two = set(select_subgraph(g, focus="Tower 22", hops=2))
    assert two == one | {"kataib-hezbollah", "united-states"}


def test_view_select_subgraph_min_evidence_counts_documents():
    g = make_small_graph()
    sub = select_subgraph(g, min_evidence=2)
    assert sorted(sub.edges(keys=True)) == [
        ("israel", "hezbollah", "inConflictWith"),
        ("kataib-hezbollah", "iran", "alignedWith"),
        ("kataib-hezbollah", "united-states", "accused"),
    ]
    assert set(sub) == set(g)  # nodes stay; only edges go
    assert select_subgraph(g, min_evidence=0).number_of_edges() == g.number_of_edges()


def test_view_select_subgraph_top_keeps_highest_degree_entities_and_linking_events():
    g = make_small_graph()
    sub = select_subgraph(g, top=3)
    assert set(sub) == {"kataib-hezbollah", "united-states", "iran", "attack-tower-22"}
    assert all(d["kind"] == "entity" for n, d in sub.nodes(data=True) if n != "attack-tower-22")
    assert ("kataib-hezbollah", "united-states", "accused") in sub.edges(keys=True)
    assert len(select_subgraph(g, top=0)) == 0


def test_view_select_subgraph_is_pure_and_copies_attributes():
    g = make_small_graph()
    before = (nx.node_link_data(g, edges="edges"), dict(g.graph))
    sub = select_subgraph(g, focus="Iran", hops=1)
    sub.nodes["iran"]["label"] = "changed"
    assert g.nodes["iran"]["label"] == "Iran"
    assert (nx.node_link_data(g, edges="edges"), dict(g.graph)) == before
    assert sub.graph["name"] == g.graph["name"]
    assert isinstance(sub, nx.MultiDiGraph)


@pytest.mark.parametrize("kwargs", [{"focus": "nobody at all"}, {"top": -1}, {"hops": -1}])
def test_view_select_subgraph_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        select_subgraph(make_small_graph(), **kwargs)


def test_view_render_is_deterministic_and_independent_of_insertion_order():
    first = render_html(make_small_graph(), title="t")
    assert render_html(make_small_graph(), title="t") == first
    assert render_html(make_small_graph(order=-1), title="t") == first


def test_view_render_big_graph_is_deterministic():
    g = make_big_graph(2500, 5000)
    assert render_html(g).encode() == render_html(g).encode()


def test_view_render_writes_atomically(tmp_path):
    target = tmp_path / "out" / "view.html"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    page = render_html(make_small_graph(), target, title="x")
    assert target.read_text(encoding="utf-8") == page
    assert [p.name for p in target.parent.iterdir()] == ["view.html"]
    render_html(make_small_graph(), str(target), title="x")  # str paths too
    assert target.read_text(encoding="utf-8") == page


def test_view_page_is_self_contained():
    page = render_html(make_small_graph())
    lowered = page.lower()
    assert "<script src" not in lowered and "<link" not in lowered
    assert "@import" not in lowered and "@font-face" not in lowered
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", lowered)
    assert page.count("\n<script") == 3  # data, vis-network, view: all inline
    assert "vis.Network" in page and "vis-network" in lowered


def test_view_data_block_is_escaped_and_round_trips():
    g = make_small_graph()
    page = render_html(g, title="</title><script>window.__pwned=9</script>")
    block = re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in block
    data = page_data(page)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels["hostile"] == HOSTILE_LABEL
    assert data["title"] == "</title><script>window.__pwned=9</script>"
    assert "<title>&lt;/title&gt;&lt;script&gt;" in page
    sentences = {ev["sentence"] for e in data["edges"] for ev in e["evidence"]}
    assert all(any(p in sentence for sentence in sentences) for p in PAYLOADS)
    assert any("\x00\x08 \u2029 & more" in sentence for sentence in sentences)


def test_view_vis_data_follows_the_graph():
    g = make_small_graph()
    data = page_data(render_html(g))
    assert len(data["nodes"]) == g.number_of_nodes()
    assert len(data["edges"]) == g.number_of_edges()
    by_pair: dict[frozenset, list[dict]] = {}
    for e in data["edges"]:
        by_pair.setdefault(frozenset((e["from"], e["to"])), []).append(e)
        symmetric = e["predicate"] in {"alignedWith", "inConflictWith"}
        assert (e.get("arrows") == {"to": {"enabled": False}}) == symmetric
        assert e["label"] == e["predicate"]
    # Four relations between Kataib Hezbollah and the US, both directions: all drawn apart.
    parallel = by_pair[frozenset(("kataib-hezbollah", "united-states"))]
    assert len(parallel) == 4
    drawn = set()
    for e in parallel:
        smooth = e.get("smooth")
        side = smooth["type"] if smooth else "straight"
        if smooth and e["from"] != "kataib-hezbollah":  # seen from one end
            side = {"curvedCW": "curvedCCW", "curvedCCW": "curvedCW"}[side]
        drawn.add((side, smooth["roundness"] if smooth else 0))
    assert len(drawn) == 4
    widths = {(e["from"], e["predicate"]): e["width"] for e in data["edges"]}
    assert widths[("kataib-hezbollah", "alignedWith")] > widths[("kataib-hezbollah", "backedBy")]
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["united-states"]["size"] > nodes["jordan"]["size"]  # mentions
    assert nodes["iran"]["shape"] != nodes["kataib-hezbollah"]["shape"]
    assert nodes["attack-tower-22"]["kind"] == "event"
    legend = data["legend"]
    assert {c["name"] for c in legend["classes"]} == {d["type"] for _, d in g.nodes(data=True)}
    assert {r["name"] for r in legend["relations"]} == {k for _, _, k in g.edges(keys=True)}
    assert data["dates"] == {"min": "2024-01-05", "max": "2024-02-10"}


def test_view_render_focus_top_and_min_evidence_pass_through():
    g = make_small_graph()
    data = page_data(render_html(g, focus="PMF", hops=1))
    assert {n["id"] for n in data["nodes"]} == {"popular-mobilization-forces", "kataib-hezbollah"}
    data = page_data(render_html(g, min_evidence=3))
    assert [e["predicate"] for e in data["edges"]] == ["alignedWith"]


def test_view_physics_option():
    g = make_small_graph()
    assert page_data(render_html(g))["options"]["physics"]["enabled"] is True
    assert page_data(render_html(g, physics=False))["options"]["physics"]["enabled"] is False
    big = make_big_graph(600, 1200)
    assert page_data(render_html(big))["options"]["physics"]["enabled"] is False


def test_view_empty_graph_renders():
    data = page_data(render_html(nx.MultiDiGraph()))
    assert data["nodes"] == [] and data["edges"] == []


def test_view_public_names():
    import kg.view

    assert kg.view.__all__ == ["display", "frame_html", "render_html", "select_subgraph"]


def test_view_notebook_page_has_fixed_height():
    assert '<body class="kg-notebook">' in render_html(make_small_graph(), notebook=True)
    assert '<body class="kg-page">' in render_html(make_small_graph())


def test_view_display_wraps_page_in_iframe_srcdoc():
    pytest.importorskip("IPython")
    shown = display(make_small_graph(), title="nb")
    markup = shown.data
    assert '<iframe srcdoc="' in markup and 'sandbox="allow-scripts' in markup
    assert "<script" not in markup  # the whole page is an escaped attribute value
    assert "&lt;!DOCTYPE html&gt;" in markup


def test_view_display_without_ipython_says_what_to_install(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "IPython", None)  # what an environment without it imports
    monkeypatch.setitem(sys.modules, "IPython.display", None)
    with pytest.raises(ImportError, match=r"pip install 'kg\[notebook\]'"):
        display(make_small_graph())


def test_view_knowledge_graph_shows_itself_in_a_notebook():
    import html as html_

    graph = kg.build(["Iran condemned Israel."])
    markup = graph._repr_html_()
    assert markup.startswith('<div class="kg-view"><iframe srcdoc="')
    page = html_.unescape(markup.split('srcdoc="', 1)[1].split('" style=', 1)[0])
    assert [n["id"] for n in page_data(page)["nodes"]] == ["iran", "israel"]
    assert '<body class="kg-notebook">' in page
    pytest.importorskip("IPython")
    assert kg.display(graph).data == kg.display(graph.to_networkx()).data == frame_html(graph.to_networkx())


# --------------------------------------------------------------------------- in Chromium


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The two test graphs, rendered once: name -> (graph, path, data)."""
    out = {}
    for name, graph in (("small", make_small_graph()), ("big", make_big_graph())):
        path = tmp_path_factory.mktemp("view") / f"{name}.html"
        page = render_html(graph, path, title=f"{name} graph")
        out[name] = (graph, path, page_data(page))
    return out


class Opened:
    """A page opened in a fresh context, with its console errors and requests recorded."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        # Anything but the file itself is recorded and refused.
        self.context.route(
            "**/*",
            lambda route: route.continue_()
            if route.request.url == path.as_uri()
            else route.abort(),
        )
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on(
            "console", lambda m: self.errors.append(m.text) if m.type == "error" else None
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.kgReady === true", timeout=READY_TIMEOUT_MS)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def shown_statements(self) -> set[str]:
        """The statement edges the drawn edges stand for (aggregates and folded events unpacked)."""
        return set(self.js("kgView.shownStatements()"))

    def shown_nodes(self) -> set[str]:
        return set(self.js("network.body.data.nodes.getIds()"))

    def isolated(self) -> list[str]:
        return self.js("kgView.isolated()")

    def close(self):
        self.context.close()


@pytest.fixture
def open_page(browser, pages):
    """Open one of the rendered graphs ("small" or "big"); closed after the test."""
    opened: list[Opened] = []

    def open_(name: str) -> Opened:
        opened.append(Opened(browser, pages[name][1]))
        return opened[-1]

    yield open_
    for page in opened:
        page.close()


@pytest.fixture(params=["small", "big"])
def opened(request, pages, open_page):
    graph, _path, data = pages[request.param]
    return request.param, graph, data, open_page(request.param)


def test_view_page_loads_offline_clean_and_complete(opened):
    name, graph, data, page = opened
    assert page.errors == []
    assert page.requests == [page.page.url]
    assert page.js("window.network === network && network instanceof vis.Network")
    assert page.js("network.physics.physicsEnabled") is False  # settled
    assert page.js("typeof window.__pwned") == "undefined"
    shown = page.page.text_content("#kg-counts")
    if name == "small":  # below the overview threshold: everything, statement by statement
        assert not data["overview"]
        assert page.shown_nodes() == set(graph.nodes)
        assert page.shown_statements() == {e["id"] for e in data["edges"]}
        assert f"{graph.number_of_nodes()} nodes" in shown
    else:  # the overview: top actors, aggregated edges, events folded
        assert data["overview"]
        rank = {n["id"]: n for n in data["nodes"]}
        assert 20 <= len(page.shown_nodes()) <= data["overviewActors"]
        assert all(rank[i]["kind"] == "entity" and rank[i]["rank"] < data["overviewActors"]
                   for i in page.shown_nodes())
        assert all(i.startswith("a") for i in page.js("network.body.data.edges.getIds()"))
        assert f"shown of {graph.number_of_nodes()} / {graph.number_of_edges()}" in shown
    assert page.isolated() == []


def _statements(data, keep):
    return {e["id"] for e in data["edges"] if keep(e)}


def test_view_relation_filter_removes_exactly_those_statements(opened):
    name, graph, data, page = opened
    predicate = "targeted" if name == "small" else "accused"
    before = page.shown_statements()
    expected = _statements(data, lambda e: e["predicate"] == predicate) & before
    assert expected
    page.page.uncheck(f'input[data-relation="{predicate}"]')
    assert page.shown_statements() == before - expected
    assert page.isolated() == []
    page.page.check(f'input[data-relation="{predicate}"]')
    assert page.shown_statements() == before
    assert page.errors == []


def test_view_class_filter_removes_nodes_and_their_statements(opened):
    name, _graph, data, page = opened
    etype = "Person"
    people = {n["id"] for n in data["nodes"] if n["type"] == etype}
    before = page.shown_statements()
    page.page.uncheck(f'input[data-type="{etype}"]')
    assert not page.shown_nodes() & people
    touching = _statements(data, lambda e: e["from"] in people or e["to"] in people)
    assert page.shown_statements() == before - touching
    assert page.isolated() == []


def test_view_confidence_slider_removes_weak_statements(opened):
    _name, _graph, data, page = opened
    before = page.shown_statements()
    page.js(
        "() => { const s = document.getElementById('kg-confidence');"
        " s.value = '0.75'; s.dispatchEvent(new Event('input')); }"
    )
    weak = _statements(data, lambda e: e["confidence"] < 0.75)
    assert page.shown_statements() == before - weak
    assert page.isolated() == []


FILTERS = [
    ("relation", "() => { const b = document.querySelector('input[data-relation=\"alignedWith\"]');"
                 " b.checked = false; b.dispatchEvent(new Event('change')); }"),
    ("class", "() => { const b = document.querySelector('input[data-type=\"State\"]');"
              " b.checked = false; b.dispatchEvent(new Event('change')); }"),
    ("confidence", "() => { const s = document.getElementById('kg-confidence');"
                   " s.value = '0.8'; s.dispatchEvent(new Event('input')); }"),
    ("date", "() => { const d = document.getElementById('kg-date-from');"
             " d.value = '2024-02-01'; d.dispatchEvent(new Event('change')); }"),
    ("evidence", "() => { const d = document.getElementById('kg-min-docs');"
                 " d.value = '2'; d.dispatchEvent(new Event('change')); }"),
]


def test_view_every_filter_leaves_no_node_without_a_shown_edge(opened):
    _name, _graph, _data, page = opened
    counts = [len(page.shown_nodes())]
    for _filter, script in FILTERS:  # cumulative: each on top of the ones before
        page.js(script)
        assert page.isolated() == [], _filter
        counts.append(len(page.shown_nodes()))
    assert counts[-1] < counts[0]  # the filters did remove something
    assert page.errors == []


def test_view_filter_recomputes_layout_deterministically_and_fit_fits_it(opened):
    _name, _graph, _data, page = opened
    positions = "() => { const ids = network.body.data.nodes.getIds(); return network.getPositions(ids); }"
    first = page.js(positions)
    page.js(FILTERS[2][1])  # confidence >= 0.8
    filtered = page.js(positions)
    assert set(filtered) < set(first)
    assert any(filtered[i] != first[i] for i in filtered)  # re-arranged, not just thinned
    page.js("() => { const s = document.getElementById('kg-confidence');"
            " s.value = '0'; s.dispatchEvent(new Event('input')); }")
    page.js(FILTERS[2][1])
    assert page.js(positions) == filtered  # the same filter, the same layout
    page.js("network.moveTo({position: {x: 5000, y: 5000}, scale: 3})")
    page.page.click("#kg-fit")
    box = page.page.locator("#kg-network").bounding_box()
    inside = page.js(
        "() => { const ids = network.body.data.nodes.getIds(); const p = network.getPositions(ids);"
        " return ids.map(id => network.canvasToDOM(p[id])); }"
    )
    assert all(0 <= q["x"] <= box["width"] and 0 <= q["y"] <= box["height"] for q in inside)


@pytest.mark.parametrize(
    ("name", "query", "expected"),
    [
        ("small", "pmf", "popular-mobilization-forces"),
        ("small", "Popular Mobilization Forces", "popular-mobilization-forces"),
        ("small", "al-hashd AL-SHAABI", "popular-mobilization-forces"),
        ("small", "tehran", "iran"),
        ("big", "Alias 1234", "entity-1234"),
        ("big", "entity 77", "entity-77"),
    ],
)
def test_view_search_focuses_node_by_any_name(open_page, pages, name, query, expected):
    page = open_page(name)
    page.page.fill("#kg-search", query)
    page.page.press("#kg-search", "Enter")
    assert page.js("network.getSelectedNodes()") == [expected]
    label = next(n["label"] for n in pages[name][2]["nodes"] if n["id"] == expected)
    assert page.page.text_content("#kg-info h3") == label
    assert page.errors == []


def test_view_search_suggestions_are_clickable(open_page):
    page = open_page("small")
    page.page.fill("#kg-search", "isra")
    page.page.click("#kg-search-results li >> nth=0")
    assert page.js("network.getSelectedNodes()") == ["israel"]


def _click_node(page: Opened, node_id: str) -> None:
    box = page.page.locator("#kg-network").bounding_box()
    point = page.js(
        "id => network.canvasToDOM(network.getPositions([id])[id])", node_id
    )
    page.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_view_hostile_text_is_shown_and_never_run(browser, pages):
    _graph, path, data = pages["small"]
    page = Opened(browser, path)
    try:
        page.js("network.focus('hostile', {scale: 1.5})")
        _click_node(page, "hostile")
        assert page.js("network.getSelectedNodes()") == ["hostile"]
        info = page.page.locator("#kg-info")
        assert info.locator("h3").text_content() == HOSTILE_LABEL
        assert PAYLOADS[0] in info.text_content()  # aliases, as text
        assert info.locator("script, img, svg").count() == 0
        assert info.locator("a").count() == 0  # "javascript:..." is not a Wikidata id
        # The edge whose evidence is hostile markup.
        edge = next(e for e in data["edges"] if e["evidence"][0]["sentence"] == PAYLOADS[0])
        page.js("id => { network.selectEdges([id]); kgView.showEdge(id); }", edge["id"])
        quotes = info.locator("blockquote").all_text_contents()
        assert quotes == [PAYLOADS[0], PAYLOADS[1]]
        assert page.js("typeof window.__pwned") == "undefined"
        assert page.page.title() == "small graph"
        # Tooltips are plain text, shown as text.
        assert page.js("network.body.data.edges.get().every(e => typeof e.title === 'string')")
        assert page.js("network.body.data.nodes.get().every(n => typeof n.title === 'string')")
        assert page.errors == []
    finally:
        page.close()


def test_view_click_node_and_edge_show_details(browser, pages):
    _graph, path, data = pages["small"]
    page = Opened(browser, path)
    try:
        page.js("network.focus('kataib-hezbollah', {scale: 1.2})")
        _click_node(page, "kataib-hezbollah")
        info = page.page.locator("#kg-info")
        assert info.locator("h3").text_content() == "Kataib Hezbollah"
        link = info.locator("a")
        assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q1320383"
        text = info.text_content()
        assert "ArmedGroup" in text and "Kata'ib Hizballah" in text
        n_edges = sum(
            1 for e in data["edges"] if "kataib-hezbollah" in (e["from"], e["to"])
        )
        assert info.locator("li button.kg-link").count() == n_edges
        # A straight, lone edge: click its middle.
        edge = next(
            e for e in data["edges"] if e["predicate"] == "partOf"
        )
        box = page.page.locator("#kg-network").bounding_box()
        mid = page.js(
            "([a, b]) => { const p = network.getPositions([a, b]);"
            " return network.canvasToDOM({x: (p[a].x + p[b].x) / 2, y: (p[a].y + p[b].y) / 2}); }",
            [edge["from"], edge["to"]],
        )
        page.page.mouse.click(box["x"] + mid["x"], box["y"] + mid["y"])
        assert page.js("network.getSelectedEdges()") == [edge["id"]]
        text = info.text_content()
        assert "partOf" in text and "0.90" in text and "d1" in text and "2024-01-15" in text
        assert info.locator("blockquote").count() == 1
    finally:
        page.close()


def test_view_date_range_filter(browser, pages):
    _graph, path, data = pages["small"]
    page = Opened(browser, path)
    try:
        page.page.fill("#kg-date-from", "2024-02-01")
        page.page.dispatch_event("#kg-date-from", "change")

        def outside(e):
            return bool(e["dates"]) and not any(d >= "2024-02-01" for d in e["dates"])

        # The attack event (dated 2024-01-28) goes too, and with it its role edges.
        gone = {e["id"] for e in data["edges"] if outside(e) or "attack-tower-22" in (e["from"], e["to"])}
        every = {e["id"] for e in data["edges"]}
        assert page.shown_statements() == every - gone
        page.page.uncheck("#kg-undated")
        gone |= {e["id"] for e in data["edges"] if not e["dates"]}
        assert page.shown_statements() == every - gone
        assert page.isolated() == []
    finally:
        page.close()


# --------------------------------------------------------------------------- allegations

ALLEGED_TEXT = (
    "Israeli officials accused Hezbollah of attacking Israeli troops. "
    "The Pentagon said Iran-backed militias attacked U.S. forces."
)


@pytest.fixture(scope="module")
def alleged_page(tmp_path_factory):
    """A page built by kg from real text: one alleged edge, one reported one."""
    import kg

    graph = kg.build([kg.Document("allegation", ALLEGED_TEXT, source="Wire")])
    path = tmp_path_factory.mktemp("view") / "alleged.html"
    return path, page_data(render_html(graph.to_networkx(), path, title="alleged"))


def _edge_of(data: dict, source: str, predicate: str, target: str) -> dict:
    return next(e for e in data["edges"]
                if (e["from"], e["predicate"], e["to"]) == (source, predicate, target))


def test_view_alleged_edge_is_dashed_in_the_data(alleged_page):
    _path, data = alleged_page
    alleged = _edge_of(data, "hezbollah", "targeted", "israeli-forces")
    reported = _edge_of(data, "iran-backed-militias", "targeted", "us-forces")
    assert alleged["alleged"] and alleged["dashes"]
    assert not reported["alleged"] and "dashes" not in reported
    (ev,) = alleged["evidence"]
    assert ev["alleged"] and ev["asserted_by_label"] == "Israeli government"
    assert data["legend"]["alleged"]["count"] == 1


def test_view_alleged_edge_drawn_dashed_with_legend_and_asserter(browser, alleged_page):
    path, data = alleged_page
    alleged = _edge_of(data, "hezbollah", "targeted", "israeli-forces")
    reported = _edge_of(data, "iran-backed-militias", "targeted", "us-forces")
    page = Opened(browser, path)
    try:
        drawn = "id => network.body.edges[id].options.dashes"
        assert page.js(drawn, alleged["id"])  # vis draws it dashed
        assert page.js(drawn, reported["id"]) is False
        entry = page.page.locator('#kg-statements input[data-statement="alleged"]')
        assert entry.is_visible() and entry.is_checked()
        swatch = page.page.locator("#kg-statements .kg-swatch-line")
        assert swatch.evaluate("s => getComputedStyle(s).borderTopStyle") == "dashed"
        assert "alleged" in page.page.text_content("#kg-statements")
        every = {e["id"] for e in data["edges"]}
        entry.uncheck()  # the legend entry filters allegations
        assert page.shown_statements() == every - {alleged["id"]}
        entry.check()
        assert page.shown_statements() == every
        page.js("id => { network.selectEdges([id]); kgView.showEdge(id); }", alleged["id"])
        info = page.page.text_content("#kg-info")
        assert "alleged by Israeli government" in info and "israeli-government" not in info
        page.js("id => { network.selectEdges([id]); kgView.showEdge(id); }", reported["id"])
        info = page.page.text_content("#kg-info")
        assert "according to United States Department of Defense" in info and "alleged" not in info
        assert page.errors == []
    finally:
        page.close()


# --------------------------------------------------------------------------- overview, time, panels

#: Pairs of drawn node labels whose boxes (as vis lays them out) overlap, and how many are drawn.
LABEL_OVERLAPS = """() => {
  network.redraw(); network.renderer._redraw();
  const scale = network.getScale(), threshold = network.body.nodes[network.body.data.nodes.getIds()[0]]
    .options.scaling.label.drawThreshold;
  const boxes = network.body.data.nodes.get()
    .filter(n => n.label && network.body.nodes[n.id].options.font.size * scale >= threshold)
    .map(n => network.body.nodes[n.id].labelModule.size);
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.left + b.width && b.left < a.left + a.width &&
        a.top < b.top + b.height && b.top < a.top + a.height) overlaps++;
  }
  return [overlaps, boxes.length];
}"""


def test_view_overview_labels_never_overlap_at_the_zoom_shown(open_page, pages):
    page = open_page("big")
    overlaps, drawn = page.js(LABEL_OVERLAPS)
    assert (overlaps, drawn >= 30) == (0, True), (overlaps, drawn)
    # the labelled nodes are the highest-ranked ones that fit: the top actor is labelled
    rank = {n["id"]: n["rank"] for n in pages["big"][2]["nodes"]}
    shown = page.shown_nodes()
    assert min(shown, key=rank.get) in page.js("Array.from(kgView.labelled)")
    for scale in (2.5, 0.6):  # zoomed in, then out: labels re-placed, still no overlap
        page.js(f"() => {{ network.moveTo({{scale: {scale}}}); kgView.placeLabels(); }}")
        overlaps, drawn = page.js(LABEL_OVERLAPS)
        assert overlaps == 0 and drawn > 0, (scale, overlaps, drawn)


def test_view_aggregate_edge_lists_its_statements_by_date(open_page, pages):
    page = open_page("small")
    data = pages["small"][2]
    page.page.check("#kg-aggregate")
    page.page.uncheck("#kg-events")  # events fold into edges from agents to targets
    assert page.js("network.body.data.nodes.get('attack-tower-22')") is None
    agg = next(a for a in data["aggregates"]
               if (a["from"], a["to"], a["family"]) == ("kataib-hezbollah", "united-states", "material conflict"))
    drawn = page.js("id => network.body.data.edges.get(id)", agg["id"])
    assert drawn["count"] == 3 and drawn["width"] > 3
    assert drawn["arrows"]["from"]["enabled"]  # both ways: targeted each other
    assert page.js("id => network.body.data.edges.get(id)", "a0") is not None
    page.js("id => { network.selectEdges([id]); kgView.showEdge(id); }", agg["id"])
    info = page.page.locator("#kg-info")
    assert info.locator("blockquote").count() == 3
    dates = [t.split(" · ")[0] for t in info.locator("ol.kg-statements > li > div.kg-meta:nth-of-type(2)").all_text_contents()]
    assert dates == ["2024-01-28", "2024-02-02", "2024-02-10"]
    assert "Wire" in info.text_content() and "d3" in info.text_content()
    # each statement is one click from its own edge
    info.locator("ol.kg-statements button.kg-link").first.click()
    assert info.locator("h2").first.text_content() == "Relation"
    # hovering an aggregate shows its label
    page.js("id => network.body.emitter.emit('hoverEdge', {edge: id})", agg["id"])
    assert page.js("id => network.body.data.edges.get(id).label", agg["id"]) == "material conflict ×3"
    assert page.js("typeof window.__pwned") == "undefined"
    assert page.errors == []


def test_view_time_histogram_and_slider_filter(browser, pages):
    _graph, path, data = pages["big"]
    page = Opened(browser, path)
    try:
        bins = data["histogram"]["bins"]
        assert data["histogram"]["unit"] == "week"  # 2024-01-10 .. 2024-06-19: 23 weeks
        assert len(bins) == 24 and bins[0][:2] == ["2024-01-08", "2024-01-14"]
        assert page.page.locator("#kg-histogram rect").count() == len(bins)
        total = sum(len([ev for ev in e["evidence"] if ev["date"]]) for e in data["edges"])
        assert sum(b[2] for b in bins) == total
        page.js("() => { const r = document.getElementById('kg-range-from');"
                " r.value = '12'; r.dispatchEvent(new Event('change')); }")
        start = bins[12][0]
        assert page.js("kgView.state.from") == start
        assert page.page.input_value("#kg-date-from") == start
        assert page.page.locator("#kg-histogram rect.kg-on").count() == len(bins) - 12
        edges = {e["id"]: e for e in data["edges"]}
        shown = page.shown_statements()
        assert shown and all(any(d >= start for d in edges[i]["dates"]) for i in shown)
        assert page.isolated() == []
    finally:
        page.close()


def test_view_actor_panel_groups_relations_by_type_and_direction(browser, pages):
    _graph, path, data = pages["small"]
    page = Opened(browser, path)
    try:
        page.js("kgView.showNode('kataib-hezbollah')")
        info = page.page.locator("#kg-info")
        groups = dict(zip(
            info.locator(".kg-group").evaluate_all("gs => gs.map(g => g.getAttribute('data-group'))"),
            info.locator(".kg-group h4").all_text_contents(),
        ))
        assert groups["targeted →"] == "targeted → (1)"
        assert groups["targeted ←"] == "← targeted (1)"
        assert groups["alignedWith →"] == "alignedWith → (1)"
        assert "sanctioned ←" in groups and "accused →" in groups
        accused = info.locator('.kg-group[data-group="accused →"] .kg-meta').first.text_content()
        assert accused == "1 actor · 2 documents · 2024-01-29 – 2024-01-30"
        assert info.locator("a").get_attribute("href") == "https://www.wikidata.org/wiki/Q1320383"
        assert "Kata'ib Hizballah" in info.text_content()
        assert "bloc" in info.text_content()  # Kataib Hezbollah, Iran, Hezbollah: a bloc
    finally:
        page.close()


def test_view_header_names_documents_dates_and_sources(browser, pages):
    _graph, path, _data = pages["small"]
    page = Opened(browser, path)
    try:
        assert page.page.text_content("#kg-title") == "small graph"
        assert page.page.text_content("#kg-corpus") == "7 documents · 2024-01-05 – 2024-02-10 · Wire (7)"
    finally:
        page.close()


def test_view_blocs_and_aggregates_of_small_graph():
    data = page_data(render_html(make_small_graph()))
    assert data["blocs"] == [{"id": 0, "name": "Kataib Hezbollah", "size": 3, "color": "#1f77b4"}]
    bloc = {n["id"] for n in data["nodes"] if n["bloc"] == 0}
    assert bloc == {"kataib-hezbollah", "iran", "hezbollah"}
    by_pair = {(a["from"], a["to"], a["family"]): a["members"] for a in data["aggregates"]}
    edges = {e["id"]: e for e in data["edges"]}
    conflict = by_pair[("kataib-hezbollah", "united-states", "material conflict")]
    assert sorted(edges[m[0]]["predicate"] for m in conflict) == ["sanctioned", "targeted", "targeted"]
    # the attack is folded into an edge from its claimant and agent to its target
    (fold,) = by_pair[("kataib-hezbollah", "united-states", "force")]
    assert fold[0] == "attack-tower-22" and fold[1] == 1
    assert page_data(render_html(make_small_graph()))["title"] == "kg: 7 documents, 2024-01-05 – 2024-02-10"
