"""Score kg on the shared human-annotated development sets with ``kg eval``.

Run from anywhere::

    .venv/bin/python benchmarks/eval_dev.py [EVAL_DIR] [--errors N] [--json]

``EVAL_DIR`` holds ``plover-dev.jsonl`` (PLOVER event classes),
``re3d-dev.jsonl`` (dstl re3d actor relations) and the check set ``rams-dev.jsonl``
(RAMS events as kg properties; its figures stand for unseen text, only recall means
anything there, and its errors are never printed); by default ``../shared/eval``
relative to the repository. Each set is read, run through kg once (one
``nlp.pipe`` stream) and scored at every level of its scheme; the script prints
one table of levels and per-class tables at the directed-pair and the
headline (directed pair + class) levels. Sets that are absent are reported
and skipped; the script exits 0 either way (these files are for development
and are not shipped with kg).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg.evaluate import evaluate, format_report  # noqa: E402

SETS = (("plover-dev.jsonl", "plover"), ("re3d-dev.jsonl", "re3d"), ("rams-dev.jsonl", "kg"))
#: Check sets: their figures stand for text kg has never seen. Only their numbers are printed,
#: never their errors or sentences (no rule may be written from them).
CHECK_SETS = frozenset({"rams-dev.jsonl"})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("eval_dir", nargs="?", default=str(REPO.parent / "shared" / "eval"),
                    help="directory holding plover-dev.jsonl and re3d-dev.jsonl")
    ap.add_argument("--model", help="spaCy pipeline (default kg's)")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="also print N class-level false negatives and false positives per set")
    ap.add_argument("--json", action="store_true", help="print one JSON object with both reports")
    ap.add_argument("--context", choices=["document", "sentence"], default="sentence",
                    help="read each sentence alone (default) or one document's numbered sentences together")
    args = ap.parse_args(argv)

    eval_dir = Path(args.eval_dir)
    found = [(eval_dir / name, scheme) for name, scheme in SETS if (eval_dir / name).is_file()]
    if not found:
        print(f"eval_dev: no development sets in {eval_dir} (looked for "
              f"{', '.join(n for n, _ in SETS)}); nothing to measure.")
        return 0
    out = {}
    for path, scheme in found:
        start = time.perf_counter()
        report, _ = evaluate(path, model=args.model, scheme=scheme, context=args.context)
        took = time.perf_counter() - start
        if args.json:
            out[path.name] = report.as_dict()
            continue
        check = path.name in CHECK_SETS
        title = f"== {path.name} ({took:.1f} s)" + (" -- check set: recall only, no errors shown" if check else "")
        print(format_report(report, title=title, class_levels=("directed", "class"),
                            errors=0 if check else args.errors))
        print()
    for name, _ in SETS:
        if not (eval_dir / name).is_file():
            print(f"eval_dev: {eval_dir / name} is absent; skipped.", file=sys.stderr)
    if args.json:
        print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
