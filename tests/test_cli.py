"""The kg command, through main(argv) and once as a real subprocess."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.cli import main

EXAMPLE = Path(__file__).parent.parent / "examples" / "iraq-drone-attacks.txt"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    status = main(["build", str(EXAMPLE), "-o", str(out), "--date", "2023-10-19", "--format", "nt", "trig"])
    assert status == 0
    return out


def test_cli_build_writes_graph_files(built):
    for name in ("graph.ttl", "graph.json", "graph.html", "graph.nt", "graph.trig"):
        assert (built / name).stat().st_size > 0
    assert len(Graph().parse(built / "graph.ttl")) > 50
    data = json.loads((built / "graph.json").read_text())
    assert data["nodes"] and data["links"]
    assert not list(built.glob(".*"))  # no temporary file left behind


def test_cli_build_summary_and_bad_inputs(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(32)) * 4)  # control bytes throughout: binary
    good = tmp_path / "good.txt"
    good.write_text("Iran condemned Israel.", encoding="utf-8")
    status = main(["build", str(bad), str(good), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o")])
    out, err = capsys.readouterr()
    assert status == 0
    assert "1 document(s) read, 2 skipped" in out and "relations" in out
    assert f"{bad}: binary" in err and "missing.txt: no such file" in err


def test_cli_build_nothing_readable_fails(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["build", str(empty), "-o", str(tmp_path / "o")]) == 1
    assert not (tmp_path / "o" / "graph.ttl").exists()


def test_cli_query_table_and_formats(built, capsys, tmp_path):
    q = "SELECT ?s ?o WHERE { ?s kgo:accused ?o } ORDER BY ?s ?o"
    assert main(["query", str(built / "graph.ttl"), q]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split() == ["s", "o"]
    assert "kgr:kataib-hezbollah" in table
    rq = tmp_path / "q.rq"
    rq.write_text(q)
    assert main(["query", str(built / "graph.nt"), str(rq), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["head"]["vars"] == ["s", "o"] and data["results"]["bindings"]
    assert main(["query", str(built / "graph.ttl"), q, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].strip() == "s,o"
    assert main(["query", str(built / "graph.ttl"), q, "--format", "tsv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "?s\t?o"


def test_cli_query_bind_is_a_value_not_text(built, capsys):
    q = "SELECT ?o WHERE { ?s kgo:accused ?o }"
    assert main(["query", str(built / "graph.ttl"), q, "--bind",
                 "s=https://w3id.org/newskg/id/kataib-hezbollah"]) == 0
    assert "kgr:united-states" in capsys.readouterr().out
    assert main(["query", str(built / "graph.ttl"), q, "--bind", "s=} DELETE WHERE { ?a ?b ?c"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 2  # header only: no rows


def test_cli_query_malformed(built, capsys):
    assert main(["query", str(built / "graph.ttl"), "SELECT ?x WHERE { ?x"]) == 2
    assert "malformed SPARQL" in capsys.readouterr().err


def test_cli_view_rebuilds_html(built, tmp_path):
    page = tmp_path / "page.html"
    assert main(["view", str(built / "graph.ttl"), "-o", str(page)]) == 0
    assert "kataib-hezbollah" in page.read_text(encoding="utf-8")


def test_cli_view_title_and_default_header(built, tmp_path):
    page = tmp_path / "page.html"
    assert main(["view", str(built / "graph.ttl"), "-o", str(page), "--title", "Iraq <drones>"]) == 0
    text = page.read_text(encoding="utf-8")
    assert "<title>Iraq &lt;drones&gt;</title>" in text
    assert main(["view", str(built / "graph.ttl"), "-o", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert re.search(r"<title>kg: \d+ documents?(, [0-9-]+( – [0-9-]+)?)?</title>", text), text[:400]


def test_cli_view_unknown_focus_suggests_the_closest_names(built, tmp_path, capsys):
    page = tmp_path / "page.html"
    assert main(["view", str(built / "graph.ttl"), "-o", str(page), "--focus", "Kataib Hezbolah"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg: error:") and "closest: Kataib Hezbollah" in err and "Traceback" not in err
    assert not page.exists()


@pytest.mark.parametrize("args", [["--top", "-3"], ["--top", "many"], ["--hops", "-1", "--focus", "Iran"],
                                  ["--min-evidence", "0"]])
def test_cli_view_invalid_numbers_are_usage_errors(built, tmp_path, capsys, args):
    with pytest.raises(SystemExit) as exc:
        main(["view", str(built / "graph.ttl"), "-o", str(tmp_path / "p.html"), *args])
    assert exc.value.code == 2 and "usage:" in capsys.readouterr().err


def test_cli_view_hops_without_focus_is_an_error(built, tmp_path, capsys):
    assert main(["view", str(built / "graph.ttl"), "-o", str(tmp_path / "p.html"), "--hops", "2"]) == 2
    assert "--hops needs --focus" in capsys.readouterr().err


def test_cli_subprocess(tmp_path):
    kg_cmd = shutil.which("kg", path=str(Path(sys.executable).parent))
    proc = subprocess.run([kg_cmd, "build", "-", "-o", str(tmp_path)], input="Turkey condemned Israel.",
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "1 document(s) read" in proc.stdout
    assert (tmp_path / "graph.ttl").exists()


def test_cli_hostile_article_is_escaped_and_valid(tmp_path, capsys):
    from kg.validate import validate_file

    article = tmp_path / "hostile.txt"
    article.write_text(
        'Iran condemned "Israel" <script>window.__pwned=1</script>.\n'
        "Hamas\x07 attacked <img src=x onerror=alert(1)> Israel on Tuesday.\n"
        "The \u202eHouthis\u202c fired missiles at Israel & the U.S. said Iran armed them.\n",
        encoding="utf-8")
    out = tmp_path / "o"
    assert main(["build", str(article), "-o", str(out), "--format", "trig", "xml"]) == 0
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    for name in ("graph.ttl", "graph.trig", "graph.rdf"):
        assert validate_file(out / name).conforms


def test_cli_too_large_file_is_reported(tmp_path, capsys, monkeypatch):
    import kg.read

    monkeypatch.setattr(kg.read, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("Iran condemned Israel. " * 100, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Turkey criticized Greece.", encoding="utf-8")
    assert main(["build", str(big), str(small), "-o", str(tmp_path / "o")]) == 0
    assert "too large" in capsys.readouterr().err


def test_cli_query_long_one_line_text(built, capsys):
    q = "SELECT ?s ?o WHERE { ?s kgo:accused ?o . " + " ".join(f"FILTER(?s != kgr:x{i})" for i in range(30)) + " }"
    assert len(q) > 300
    assert main(["query", str(built / "graph.ttl"), q]) == 0
    assert "kgr:kataib-hezbollah" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["--version"], ["query", "--list"]])
def test_cli_instant_commands_import_no_heavy_library(args):
    """``kg --version`` and ``kg query --list`` start without networkx, rdflib, pyoxigraph or spaCy
    (their start-up time is measured in benchmarks/startup.py)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    code = ("import sys, runpy\n"
            f"sys.argv = ['kg', *{args!r}]\n"
            "try:\n    runpy.run_module('kg', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'networkx', 'rdflib', 'pyoxigraph', 'spacy'}),"
            " file=sys.stderr)")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert done.stdout.strip()


def test_cli_lazy_kg_still_gives_its_names_and_submodules():
    """``import kg`` is light, yet ``kg.build``, ``kg.load`` and submodules named as attributes
    (``kg.rdf``, ``kg.names``) work in a fresh interpreter as if imported."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    code = ("import kg, sys\n"
            "assert 'rdflib' not in sys.modules\n"
            "print(kg.names.slugify('Kataib Hezbollah'), callable(kg.rdf.to_graph), callable(kg.build),"
            " callable(kg.load), sorted(set(kg.__all__) - set(dir(kg))))")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.split() == ["kataib-hezbollah", "True", "True", "True", "[]"], done.stderr


@pytest.mark.parametrize("where", ["file", "store"])
def test_cli_query_answers_without_rdflib(built, tmp_path, where):
    """``kg query FILE NAME`` and ``kg query --store DIR NAME`` answer from pyoxigraph and print
    TSV, JSON, CSV, XML and tables without importing rdflib or its SPARQL parser (pyparsing):
    their start-up is measured in benchmarks/query_file_bench.py."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from kg.store import Store

    nt = built / "graph.nt"
    if where == "store":
        with Store(tmp_path / "db") as store:
            store.load(nt)
        places = [["--store", str(tmp_path / "db")]]
    else:
        places = [[str(nt)]]
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])))
    for fmt in ("tsv", "json", "csv", "xml", "table"):
        args = ["query", *places[0], "who-accused-whom", "--format", fmt]
        code = ("import sys, runpy\n"
                f"sys.argv = ['kg', *{args!r}]\n"
                "try:\n    runpy.run_module('kg', run_name='__main__')\nexcept SystemExit:\n    pass\n"
                "print(sorted({m.split('.')[0] for m in sys.modules} & {'rdflib', 'pyparsing', 'networkx', 'spacy'}),"
                " file=sys.stderr)")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
        assert done.stderr.strip().splitlines()[-1] == "[]", (fmt, done.stderr)
        assert "kataib-hezbollah" in done.stdout, (fmt, done.stdout)
