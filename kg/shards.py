"""Sharded N-Quads: a graph's quads in files of at most N lines, for triple stores that bulk-load
many files at once (``kg build --shard-size N`` writes ``graph-00001.nq``, ``graph-00002.nq``...).

The quads are sorted (the same bytes for the same graph) and cut every N lines; every
shard is a whole N-Quads file, and together they hold exactly the lines of ``graph.nq``.
The shards are files of the output set, so they are written whole or not at all
(:mod:`kg.outdir`), and a later build with fewer shards removes the extra ones.

Examples
--------
>>> text = "".join(
...     f"<http://a> <http://p> \\"{i}\\" <http://g> .\\n" for i in range(5))
>>> [(name, len(body.splitlines())) for name, body in shards(text, 2)]
[('graph-00001.nq', 2), ('graph-00002.nq', 2), ('graph-00003.nq', 1)]
"""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["shard_name", "shards"]


def shard_name(number: int) -> str:
    """The file name of shard ``number`` (from 1): ``graph-00001.nq``."""
    return f"graph-{number:05d}.nq"


def shards(nquads: str, size: int) -> Iterator[tuple[str, str]]:
    """``(file name, text)`` of each shard of at most ``size`` lines of sorted N-Quads."""
    if size < 1:
        raise ValueError(f"a shard holds at least one quad, not {size}")
    lines = sorted(line for line in nquads.splitlines(keepends=True) if line.strip())
    for number, start in enumerate(range(0, len(lines), size), start=1):
        yield shard_name(number), "".join(lines[start:start + size])
