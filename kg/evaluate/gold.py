"""Reading gold files (JSONL, one sentence a line), and the scheme their classes belong to."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from .records import GoldPair, GoldSentence
from .schemes import SCHEMES, Scheme

__all__ = ["detect_scheme", "read_gold"]


def read_gold(path: str | os.PathLike[str]) -> list[GoldSentence]:
    """Read a gold JSONL file.

    Raises
    ------
    InputError
        When the file is missing or a line is not a gold record.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.jsonl"
    >>> _ = p.write_text('{"id": "a", "text": "Iran and Iraq met.", "events": [{"src": [{"text": '
    ...                  '"Iran"}], "tgt": [{"text": "Iraq"}], "type": "consulted", "reciprocal": true}]}\\n')
    >>> read_gold(p)[0].pairs
    (GoldPair(source='Iran', target='Iraq', type='consulted', reciprocal=True),)
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read gold file ({exc.strerror or exc})") from None
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            out.append(_gold_sentence(json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{n}", f"not a gold record ({exc})") from None
    return out


def _gold_sentence(obj: dict) -> GoldSentence:
    """One gold record: each event gives a pair per source and target member (an event with
    several sources and no target, a reciprocal pair per two sources), each pair once; an
    event with one side only gives partial pairs."""
    pairs: list[GoldPair] = []
    partial: list[GoldPair] = []
    for ev in obj.get("events") or ():
        src = [a["text"] for a in ev["src"]]
        tgt = [a["text"] for a in ev["tgt"]]
        kind, recip = ev["type"], bool(ev.get("reciprocal"))
        if not isinstance(kind, str) or not (src or tgt):
            raise ValueError("an event needs a type and an actor")
        if src and tgt:
            found = [GoldPair(a, b, kind, recip) for a in src for b in tgt]
        elif len(src) > 1:  # "U.S. and Russian negotiators met": each pair, both ways
            found = [GoldPair(a, b, kind, True) for i, a in enumerate(src) for b in src[i + 1:]]
        else:
            partial += [GoldPair(a, "", kind) for a in src] + [GoldPair("", b, kind) for b in tgt]
            continue
        pairs += [p for p in found if p not in pairs]
    return GoldSentence(str(obj["id"]), obj["text"], tuple(pairs), tuple(partial))


def detect_scheme(sentences: Iterable[GoldSentence]) -> Scheme:
    """The scheme whose classes cover the gold types (kg, then PLOVER, then re3d).

    Raises
    ------
    ValueError
        When no scheme knows every type.

    Examples
    --------
    >>> detect_scheme([GoldSentence("a", "...", (GoldPair("X", "Y", "AGREE"),))]).name
    'plover'
    """
    types = {p.type for s in sentences for p in s.pairs}
    for scheme in SCHEMES.values():
        if types <= set(scheme.classes) | set(scheme.aliases):
            return scheme
    raise ValueError(f"no scheme has the classes {sorted(types)}; use --scheme")
