"""The package ships its data: a wheel, installed elsewhere, works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_packaging_wheel_ships_data_and_runs_elsewhere(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(wheels), str(ROOT)], check=True, capture_output=True, timeout=600)
    [wheel] = list(wheels.glob("kg-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("kg/ontology/kg.ttl", "kg/ontology/shapes.ttl", "kg/ontology/gazetteer.jsonl",
                   "kg/ontology/lexicon/verbs.tsv", "kg/ontology/queries/who-accused-whom.rq",
                   "kg/ontology/petrarch/verbs.tsv", "kg/ontology/petrarch/LICENSE",
                   "kg/templates/view.html", "kg/py.typed"):
        assert needed in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=600)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), sysconfig.get_paths()["purelib"]])}
    code = ("import kg, sys; g = kg.build(['Iran-backed militias attacked U.S. forces.']); "
            "assert kg.__file__.startswith(sys.argv[1]), kg.__file__; "
            "print(sorted(r.predicate for r in g.relations))")
    proc = subprocess.run([sys.executable, "-c", code, str(target)],
                          cwd=elsewhere, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "targeted" in proc.stdout and "backedBy" in proc.stdout
