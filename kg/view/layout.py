"""Deterministic force-directed positions for the view, computed ahead in Python (numpy)."""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

#: Mean edge length (px) the precomputed layout is scaled to.
_EDGE_LENGTH = 140.0
_LAYOUT_SEED = 7
#: Side (px) of the square each node gets, on average, in a dense layout.
_NODE_SPACING = 70.0


def _layout(n: int, src: list[int], dst: list[int]) -> list[list[int]]:
    """Deterministic positions, in pixels, for ``n`` nodes joined by ``src[i] -> dst[i]``.

    Nodes with edges are placed by :func:`_force_layout` and scaled so that
    the median edge is ``_EDGE_LENGTH`` long and, in dense graphs, each node
    has about ``_NODE_SPACING`` pixels to itself. The largest connected
    component stays where it is; the other components (keeping their shape)
    and the nodes without edges are packed in rows below it, largest first,
    instead of drifting to a far ring around it.
    """
    import numpy as np

    if n == 0:
        return []
    s = np.asarray(src, dtype=np.int64)
    t = np.asarray(dst, dtype=np.int64)
    proper = s != t
    s, t = s[proper], t[proper]
    linked = np.zeros(n, dtype=bool)
    linked[s] = True
    linked[t] = True
    pos = np.zeros((n, 2))
    members = np.nonzero(linked)[0]
    if len(members):
        local = np.full(n, -1, dtype=np.int64)
        local[members] = np.arange(len(members))
        sub = _force_layout(len(members), local[s], local[t])
        lengths = np.sqrt(((sub[local[s]] - sub[local[t]]) ** 2).sum(1))
        radius = np.sqrt(((sub - np.median(sub, axis=0)) ** 2).sum(1))
        spread = float(np.percentile(radius, 80)) * math.sqrt(math.pi / (0.8 * len(members)))
        pos[members] = sub * max(
            _EDGE_LENGTH / (float(np.median(lengths)) or 1.0),
            _NODE_SPACING / (spread or 1.0),
        )
    skeleton = nx.Graph()
    skeleton.add_nodes_from(range(n))
    skeleton.add_edges_from(zip(s.tolist(), t.tolist()))
    components = sorted(
        (sorted(c) for c in nx.connected_components(skeleton)), key=lambda c: (-len(c), c[0])
    )
    spacing = 0.6 * _EDGE_LENGTH
    boxes = []
    for c in components:
        p = pos[c]
        lo, hi = p.min(0), p.max(0)
        boxes.append((c, lo, hi - lo))
    main, rest = (boxes[0], boxes[1:]) if len(boxes[0][0]) > 1 else (None, boxes)
    area = sum((w + spacing) * (h + spacing) for _c, _lo, (w, h) in rest)
    width = max(math.sqrt(area), main[2][0] if main else 0.0, spacing)
    x0 = main[1][0] if main else 0.0
    x, y = x0, (main[1][1] + main[2][1] + 2 * spacing) if main else 0.0
    row = 0.0
    for c, lo, (w, h) in rest:
        if x > x0 and x + w > x0 + width:
            x, y, row = x0, y + row + spacing, 0.0
        pos[c] += np.array([x, y]) - lo
        x += w + spacing
        row = max(row, h)
    pos -= (pos.min(0) + pos.max(0)) / 2
    return np.rint(pos).astype(np.int64).tolist()


def _force_layout(n: int, s: Any, t: Any) -> Any:
    """Fruchterman-Reingold in the unit square with a constant pull to the centre.

    Up to 1,200 nodes the repulsion is exact; above, it is approximated on a
    grid: every node is repelled by the centroids of the other cells and by
    its own cell's centroid, and the grid is shifted at random (seeded) at
    each step so that no cell boundaries show. That is O(n + cells^2) per
    step, about a second for 20,000 nodes. Returns an ``(n, 2)`` array.
    """
    import numpy as np

    rng = np.random.default_rng(_LAYOUT_SEED)
    pos = rng.random((n, 2))
    if n < 2:
        return pos
    iterations = 80
    k = 1.0 / math.sqrt(n)
    k2 = k * k
    step = 0.1
    cooling = step / (iterations + 1)
    grid = int(min(36, max(8, math.sqrt(n) / 3)))
    cells = grid * grid
    for _ in range(iterations):
        x = pos[:, 0]
        y = pos[:, 1]
        if n <= 1200:
            dx = x[:, None] - x[None, :]
            dy = y[:, None] - y[None, :]
            w = 1.0 / (dx * dx + dy * dy + 1e-9)
            fx = (dx * w).sum(1) * k2
            fy = (dy * w).sum(1) * k2
        else:
            lo = pos.min(0)
            span = (float((pos.max(0) - lo).max()) + 1e-9) * (grid + 1) / grid
            lo = lo - rng.random(2) * span / (grid + 1)
            cell = np.minimum(((pos - lo) / span * grid).astype(np.int64), grid - 1)
            cid = cell[:, 0] * grid + cell[:, 1]
            mass = np.bincount(cid, minlength=cells).astype(float)
            nz = np.nonzero(mass)[0]
            m = mass[nz]
            ccx = np.zeros(cells)
            ccy = np.zeros(cells)
            ccx[nz] = np.bincount(cid, weights=x, minlength=cells)[nz] / m
            ccy[nz] = np.bincount(cid, weights=y, minlength=cells)[nz] / m
            ddx = ccx[nz][:, None] - ccx[nz][None, :]
            ddy = ccy[nz][:, None] - ccy[nz][None, :]
            soft = (span / grid) ** 2
            w = m[None, :] / (ddx * ddx + ddy * ddy + 0.5 * soft)
            np.fill_diagonal(w, 0.0)
            gx = np.zeros(cells)
            gy = np.zeros(cells)
            gx[nz] = (ddx * w).sum(1)
            gy[nz] = (ddy * w).sum(1)
            ox = x - ccx[cid]
            oy = y - ccy[cid]
            ow = (mass[cid] - 1.0) / (ox * ox + oy * oy + 0.01 * soft)
            fx = (gx[cid] + ox * ow) * k2
            fy = (gy[cid] + oy * ow) * k2
        if len(s):
            ex = x[s] - x[t]
            ey = y[s] - y[t]
            dist = np.sqrt(ex * ex + ey * ey) / k
            fx -= np.bincount(s, weights=ex * dist, minlength=n)
            fx += np.bincount(t, weights=ex * dist, minlength=n)
            fy -= np.bincount(s, weights=ey * dist, minlength=n)
            fy += np.bincount(t, weights=ey * dist, minlength=n)
        rx = x - x.mean()
        ry = y - y.mean()
        rl = np.sqrt(rx * rx + ry * ry) + 1e-9
        fx -= rx / rl
        fy -= ry / rl
        length = np.sqrt(fx * fx + fy * fy) + 1e-12
        scale = np.minimum(length, step) / length
        pos[:, 0] += fx * scale
        pos[:, 1] += fy * scale
        step -= cooling
    return pos
