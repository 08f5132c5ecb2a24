"""kg.guard: what a query may ask for, decided on its tokens before any parser reads it.

Every SERVICE attack below is first shown to be live (the raw engine, pyoxigraph or rdflib,
calls the loopback listener), then shown refused by kg (the listener hears nothing)."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.plugins.sparql import algebra, parser

from kg.errors import QueryLimitError, QueryRefusedError
from kg.guard import MAX_DEPTH, MAX_LENGTH, check_query
from kg.query import PREFIXES, QuerySyntaxError, run_query, shipped_queries
from kg.store import Store

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")
DATA = '<http://e/a> <http://e/p> 0.9, "c", true, 1.5, 1 .'
#: SERVICE written so that pyoxigraph runs it, each past a different reading of the text.
SERVICE_ATTACKS = {
    "cr-ends-comment": "SELECT ?x WHERE { #\rSERVICE <{L}/cr> { ?s ?p ?x } }",
    "cr-ends-comment-lf": "SELECT ?x WHERE { #\rSERVICE <{L}/crlf> { ?s ?p ?x } \n}",
    "glued-to-number": "SELECT ?x WHERE { ?s ?p 0.9SERVICE <{L}/num> { ?s ?p ?x } }",
    "glued-to-decimal-dot": "SELECT ?x WHERE { ?s ?p 1.5.SERVICE <{L}/dot> { ?s ?p ?x } }",
    "glued-to-string": 'SELECT ?x WHERE { ?s ?p "c"SERVICE <{L}/str> { ?s ?p ?x } }',
    "glued-to-boolean": "PREFIX : <{L}/> SELECT ?x WHERE { ?s ?p trueSERVICE:bool { ?s ?p ?x } }",
    "glued-to-iri": "SELECT ?x WHERE { <http://e/a> ?p ?o . SERVICE<{L}/glued>{?s ?p ?x} }",
    "lowercase": "SELECT ?x WHERE { service <{L}/lower> { ?s ?p ?x } }",
    "silent": "SELECT ?x WHERE { SERVICE SILENT <{L}/silent> { ?s ?p ?x } }",
    "prefixed-name": "PREFIX e: <{L}/> SELECT ?x WHERE { SERVICE e:pname { ?s ?p ?x } }",
    "undeclared-prefix": "PREFIX : <{L}/> SELECT ?x WHERE { service:pn { ?s ?p ?x } }",
    "hash-in-less-than": "SELECT ?x WHERE { ?s ?p ?o FILTER(?o<2)SERVICE#>\n<{L}/hash>{ ?s ?p ?x } }",
    "apostrophe-in-less-than": "SELECT ?x WHERE { ?s ?p ?o FILTER(?o<'>1)'||true)SERVICE<{L}/apos>{ ?s ?p ?x }#'\n}",
    "in-optional": "SELECT ?x WHERE { ?s ?p ?o OPTIONAL { SERVICE <{L}/opt> { ?s ?p ?x } } }",
    "in-exists": "SELECT ?o WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <{L}/exists> { ?s ?p ?x } } }",
    "in-subselect": "SELECT ?x WHERE { { SELECT ?x WHERE { SERVICE <{L}/sub> { ?s ?p ?x } } } }",
}
#: What rdflib's engine fetches: its reading differs (\u escapes first, Unicode case folding).
RDFLIB_ATTACKS = {
    "unicode-escape": "SELECT ?x WHERE { \\u0053ERVICE <{L}/u> { ?s ?p ?x } }",
    "escaped-quote": 'SELECT ?x WHERE { BIND("a\\u0022 AS ?y) SERVICE <{L}/ustr> { ?s ?p ?x } } #"',
    "long-s": "SELECT ?x WHERE { ſERVICE <{L}/longs> { ?s ?p ?x } }",
    "dotless-i": "SELECT ?x WHERE { SERVıCE <{L}/dotless> { ?s ?p ?x } }",
    "from": "SELECT * FROM <{L}/from> WHERE { ?s ?p ?o }",
    "from-named": "SELECT * FROM NAMED <{L}/named> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "from-colon": "PREFIX : <{L}/> SELECT * FROM:colon WHERE { ?s ?p ?o }",
}
#: Queries that must pass: SERVICE as a variable, in strings, IRIs, comments, local names.
HARMLESS = [
    "SELECT ?service WHERE { ?service rdfs:label 'SERVICE' } # SERVICE <http://x/> {}",
    'SELECT * WHERE { ?s ?p "Federal Security Service" . ?s a <http://schema.org/Service> }',
    "PREFIX schema: <http://schema.org/> SELECT * WHERE { ?s a schema:Service ; schema:serviceType ?t }",
    "SELECT * WHERE { ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ?o . FILTER(?o != <http://x/y#z>) }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o<=4) } ORDER BY DESC(?o)",
    "SELECT * FROM <http://e/g> WHERE { ?s ?p ?o }",  # oxigraph reads FROM as a graph name, fetches nothing
    "SELECT * WHERE { ?s ?p '''a long\nstring with ( and { and SERVICE''' }",
]


@pytest.fixture
def ox_store():
    return Store().load_data(DATA)


def _live(store_query, query, listener) -> bool:
    before = len(listener.requests)
    try:
        store_query(query.replace("{L}", listener.url))
    except Exception:  # rdflib's FROM fetches, then fails to parse the answer as RDF
        pass
    return len(listener.requests) > before


@pytest.mark.parametrize("name", sorted(SERVICE_ATTACKS))
def test_guard_service_attacks_are_live_in_pyoxigraph_and_refused(name, ox_store, listener):
    query = SERVICE_ATTACKS[name]
    assert _live(lambda q: list(ox_store._ox.query(q)), query, listener), "the raw engine should run it"
    listener.requests.clear()
    with pytest.raises((QueryRefusedError, QuerySyntaxError)):
        ox_store.query(query.replace("{L}", listener.url))
    assert listener.requests == []


@pytest.mark.parametrize("name", sorted(RDFLIB_ATTACKS))
def test_guard_rdflib_attacks_are_live_in_rdflib_and_refused(name, listener):
    query = RDFLIB_ATTACKS[name]
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=DATA, format="turtle")
    assert _live(lambda q: list(dataset.query(q)), query, listener)
    listener.requests.clear()
    store = Store(engine="rdflib").load_data(DATA)
    for run in (lambda q: store.query(q), lambda q: run_query(dataset, q)):
        with pytest.raises((QueryRefusedError, QuerySyntaxError)):
            run(query.replace("{L}", listener.url))
    assert listener.requests == []


def test_guard_allow_service_lets_it_through(ox_store, listener):
    query = SERVICE_ATTACKS["lowercase"].replace("{L}", listener.url)
    result = ox_store.query(query, allow_service=True)
    assert [row[0].value for row in result] == ["SECRET"] and listener.requests == ["/lower"]


@pytest.mark.parametrize("query", HARMLESS)
@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_guard_harmless_queries_pass(query, engine):
    if engine == "rdflib" and "FROM" in query:  # rdflib fetches FROM graphs: refused there
        with pytest.raises(QueryRefusedError, match="FROM"):
            check_query(query, engine=engine)
        return
    check_query(query, engine=engine)


@pytest.mark.parametrize("name", sorted(shipped_queries()))
def test_guard_shipped_queries_pass_and_agree_with_rdflib_algebra(name):
    text = shipped_queries()[name].text
    check_query(text)
    check_query(text, engine="rdflib")
    parsed = algebra.translateQuery(parser.parseQuery(text), initNs=PREFIXES)
    assert "ServiceGraphPattern" not in repr(parsed.algebra)


def test_guard_refuses_whatever_rdflib_parses_as_service():
    """No false negatives against a real parser: every query of the corpus that rdflib
    reads as holding a SERVICE, kg refuses with rdflib's reading, and with pyoxigraph's
    too unless it is written with \\u escapes (which pyoxigraph does not expand)."""
    corpus = [*SERVICE_ATTACKS.values(), *RDFLIB_ATTACKS.values(), *HARMLESS]
    seen = 0
    for query in corpus:
        query = query.replace("{L}", "http://127.0.0.1:9")
        try:
            parsed = algebra.translateQuery(parser.parseQuery(query))
        except Exception:  # not rdflib's SPARQL
            continue
        if "ServiceGraphPattern" in repr(parsed.algebra):
            seen += 1
            for engine in ("oxigraph", "rdflib") if "\\u" not in query else ("rdflib",):
                with pytest.raises((QueryRefusedError, QuerySyntaxError)):
                    check_query(query, engine=engine)
    assert seen >= 10


@pytest.mark.parametrize(("query", "limit"), [
    ("SELECT * WHERE { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }", "nests brackets"),
    ("SELECT * WHERE " + "{" * 3000 + "}" * 3000, "nests brackets"),
    ("SELECT * WHERE { ?s ?p " + "[ ?p " * 100 + "]" * 100 + " }", "nests brackets"),
    ("SELECT * WHERE { ?s ?p " + "<< " * 100 + "?s ?p ?o" + " >> ?p ?o" * 99 + " >> }", "nests brackets"),
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o IN (" + ",".join(["1"] * 40_000) + ")) }", "characters"),
])
def test_guard_limits(query, limit):
    with pytest.raises(QueryLimitError, match=limit):
        check_query(query)


def test_guard_depth_counts_what_a_less_than_may_hide():
    # read as code, '<...#' opens a comment: the closing brackets after it on its line
    # do not count, so its openers cannot be hidden line after line
    line = "FILTER(?a<1)#>)))\n"
    hidden = "SELECT * WHERE { ?s ?p ?a " + "( " * 5 + line * (MAX_DEPTH + 1) + "}"
    with pytest.raises(QueryLimitError):
        check_query(hidden)
    check_query("SELECT * WHERE {\n" + "  ?s <http://x/p#q> ?o . FILTER(?o != <http://x/y#z>)\n" * 200 + "}")


def test_guard_ambiguous_and_malformed_tokens_are_syntax_errors():
    with pytest.raises(QuerySyntaxError, match=r"line 2, column 7: a string is not closed"):
        check_query('SELECT\nWHERE "unclosed\n }')
    with pytest.raises(QuerySyntaxError, match="' inside '<...>' is ambiguous"):
        check_query("SELECT * WHERE { ?s <urn:it's> ?o }")
    check_query("SELECT * WHERE { ?s <http://e/it's> ?o }")  # '//' cannot be code: an IRI either way


def test_guard_length_limit_is_in_characters():
    check_query("ASK {}" + " " * (MAX_LENGTH - 6))
    with pytest.raises(QueryLimitError, match="65,537 characters"):
        check_query("ASK {}" + " " * (MAX_LENGTH - 5))


def test_guard_query_thread_survives_what_the_depth_check_cannot_see():
    """A flat or nested query of MAX_LENGTH characters, given to pyoxigraph unchecked, ends
    with an error, not a segmentation fault, in kg's query thread (run in a child process:
    on failure it crashes, not the test run)."""
    code = f"""
import pyoxigraph as ox
from kg.guard import _run_deep
store = ox.Store()
for query in ["SELECT * WHERE " + "{{" * ({MAX_LENGTH} - 15), "ASK {{ FILTER(" + "!" * ({MAX_LENGTH} - 30) + "true) }}"]:
    box = _run_deep(lambda: store.query(query))
    print(sorted(box))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert proc.stdout.split("\n")[:2] == ["['error']", "['result']"]


def test_guard_raw_pyoxigraph_crashes_where_kg_refuses():
    """The reason for the depth limit: the issue's 20 KB query ends a process that parses it."""
    query = "SELECT * WHERE { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }"
    code = f"import pyoxigraph as ox; ox.Store().query({query!r})"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert proc.returncode < 0  # killed by a signal (SIGSEGV)
    with pytest.raises(QueryLimitError):
        Store().query(query)


def test_guard_pyoxigraph_reads_what_the_check_reads():
    """The terminals the check follows are pyoxigraph's: a comment ends at CR, keywords glue."""
    store = ox.Store()
    assert bool(store.query("ASK { #\rFILTER(false) }")) is False  # the FILTER after CR is code
    assert bool(store.query("ASK { #\rFILTER(true) }")) is True
    with pytest.raises(SyntaxError):  # and \\u escapes are not expanded outside strings and IRIs
        store.query("ASK { \\u0046ILTER(false) }")


def test_guard_public_names():
    import kg.guard

    assert kg.guard.__all__ == ["MAX_DEPTH", "MAX_LENGTH", "check_query"]
