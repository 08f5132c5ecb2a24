#!/usr/bin/env python3
"""Report text of the evaluation sets that appears in the repository.

The project must hold no text of the evaluation sets (``*.jsonl`` in the
shared eval directory): no tracked file may contain eight or more
consecutive words of any of their sentences. Words are compared
case-insensitively as word tokens (runs of letters and digits), so
punctuation, quoting and line breaks make no difference: a sentence split
across two string literals or wrapped over comment lines is still found.

Usage
-----
Run it from the repository root (or from anywhere: the repository checked
is the one that holds this script)::

    python3 scripts/check_eval_overlap.py [EVAL_DIR] [--min-words N]

``EVAL_DIR`` defaults to ``../shared/eval`` relative to the repository root;
``--min-words`` (default 8) sets how many consecutive words make an overlap.
Every file listed by ``git ls-files`` that is text (no NUL byte) is scanned
as it is in the working tree.

Output
------
One line per overlap, sorted by file and line, then a count per file::

    path:line: N words: the matching words [set-name.jsonl]
    path:line: overlap [rams-dev.jsonl]

Overlaps with a *check set* (``rams-dev.jsonl``) print only the project
file, its line and the set name, never the words, since nobody may read
the sentences of a check set.

Exit status
-----------
1 if any overlap is found, 0 if none, and 0 with a message if the eval
directory does not exist; 2 if git cannot list the repository's files.

Notes
-----
Only the standard library is used. The 8-word windows of every string in
the eval records (the sentence and its annotated spans) are indexed in a
hashed dictionary keyed by the window, so scanning a file costs one lookup
per word window; runs of overlapping windows are reported once.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

#: Sets whose sentences must never be shown, even in this script's output.
CHECK_SETS = frozenset({"rams-dev.jsonl"})

#: Default number of consecutive words that counts as an overlap.
MIN_WORDS = 8

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Return the lower-cased word tokens of ``text``.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of str
        Runs of letters and digits, lower-cased; everything else separates.
    """
    return [m.group().lower() for m in _WORD.finditer(text)]


def _strings(value):
    """Yield every string held anywhere in a decoded JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def index_eval(eval_dir: Path, n: int) -> dict[tuple[str, ...], set[str]]:
    """Index the ``n``-word windows of every eval set.

    Parameters
    ----------
    eval_dir : Path
        Directory holding the ``*.jsonl`` eval sets.
    n : int
        Window length in words.

    Returns
    -------
    dict
        Maps each window (a tuple of ``n`` words) to the names of the sets
        it occurs in.
    """
    index: dict[tuple[str, ...], set[str]] = {}
    for path in sorted(eval_dir.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for raw in f:
                raw = raw.strip()
                if not raw:
                    continue
                try:
                    record = json.loads(raw)
                except json.JSONDecodeError:
                    continue
                for s in _strings(record):
                    toks = words(s)
                    for i in range(len(toks) - n + 1):
                        index.setdefault(tuple(toks[i:i + n]), set()).add(path.name)
    return index


def tracked_files(root: Path) -> list[str]:
    """Return the paths tracked by git under ``root``, sorted."""
    out = subprocess.run(["git", "ls-files", "-z"], cwd=root, check=True,
                         capture_output=True).stdout
    return sorted(p for p in out.decode("utf-8", "surrogateescape").split("\0") if p)


def scan_text(text: str, index: dict, n: int, sets_of=None):
    """Find the runs of ``n`` or more words of ``text`` found in ``index``.

    Parameters
    ----------
    text : str
        The content of one file.
    index : dict
        As returned by :func:`index_eval`.
    n : int
        Window length in words.
    sets_of : callable, optional
        Filters the set names of a window (``set -> set``); a window whose
        filtered names are empty does not count.

    Yields
    ------
    tuple
        ``(line, matched_words, set_names)`` for each maximal run of
        overlapping matched windows; ``line`` is the 1-based line of the
        first word.
    """
    toks, lines = [], []
    line = 1
    pos = 0
    for m in _WORD.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        toks.append(m.group().lower())
        lines.append(line)
    hits = []
    for i in range(len(toks) - n + 1):
        sets = index.get(tuple(toks[i:i + n]))
        if sets and sets_of is not None:
            sets = sets_of(sets)
        hits.append(sets)
    i = 0
    while i < len(hits):
        if not hits[i]:
            i += 1
            continue
        start, sets = i, set(hits[i])
        while i + 1 < len(hits) and hits[i + 1]:
            i += 1
            sets |= hits[i]
        yield lines[start], toks[start:i + n], sets
        i += 1


def main(argv: list[str] | None = None) -> int:
    """Run the check; see the module docstring."""
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", type=Path, default=root.parent / "shared" / "eval",
                        help="directory of the eval *.jsonl sets (default: ../shared/eval)")
    parser.add_argument("--min-words", type=int, default=MIN_WORDS,
                        help=f"consecutive words that make an overlap (default: {MIN_WORDS})")
    args = parser.parse_args(argv)
    n = args.min_words
    if not args.eval_dir.is_dir():
        print(f"eval directory {args.eval_dir} not found: nothing to check")
        return 0
    index = index_eval(args.eval_dir, n)
    try:
        files = tracked_files(root)
    except (OSError, subprocess.CalledProcessError) as err:
        print(f"cannot list the files of {root} with git: {err}", file=sys.stderr)
        return 2
    found = 0
    per_file: dict[str, int] = {}
    for rel in files:
        path = root / rel
        try:
            data = path.read_bytes()
        except OSError:
            continue  # deleted in the working tree, or not a regular file
        if b"\0" in data:
            continue  # binary
        text = data.decode("utf-8", "replace")
        # Runs against the development sets show their words. Runs against a
        # check set are found separately and show only their place and set.
        rows = [(line, 0, f"{rel}:{line}: {len(toks)} words: {' '.join(toks)} "
                          f"[{', '.join(sorted(sets))}]")
                for line, toks, sets in scan_text(text, index, n, lambda s: s - CHECK_SETS)]
        rows += [(line, 1, f"{rel}:{line}: overlap [{', '.join(sorted(sets))}]")
                 for line, toks, sets in scan_text(text, index, n, lambda s: s & CHECK_SETS)]
        for _, _, row in sorted(rows):
            print(row)
        if rows:
            found += len(rows)
            per_file[rel] = len(rows)
    if found:
        summary = ", ".join(f"{f} {c}" for f, c in per_file.items())
        print(f"{found} overlap(s) of {n}+ words with {args.eval_dir}: {summary}")
        return 1
    print(f"no overlap of {n}+ words with {args.eval_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
