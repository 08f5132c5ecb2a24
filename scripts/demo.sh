#!/usr/bin/env sh
# Set up kg in ./.venv and build the graph of the example article into ./out/.
set -eu
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
.venv/bin/kg build examples/iraq-drone-attacks.txt --date 2023-10-19 -o out --format nt json-ld trig
