// kg.view: the layout of what is shown, recomputed after every filter.
// Deterministic: it starts from the positions computed in Python for the whole
// graph and runs a fixed number of Fruchterman-Reingold steps (exact repulsion
// up to 1,200 nodes, a grid of cell centroids above); then the largest
// connected piece stays, the others are packed in rows under it.
(function (K) {
  "use strict";

  var EDGE_LENGTH = 140, NODE_SPACING = 70, ITERATIONS = 60;

  function forces(n, x, y, s, t, k2, grid) {
    var fx = new Float64Array(n), fy = new Float64Array(n), i, j;
    if (n <= 1200) {
      for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
          var dx = x[i] - x[j], dy = y[i] - y[j], w = k2 / (dx * dx + dy * dy + 1e-9);
          fx[i] += dx * w; fy[i] += dy * w; fx[j] -= dx * w; fy[j] -= dy * w;
        }
      }
      return [fx, fy];
    }
    var lox = Infinity, loy = Infinity, hix = -Infinity, hiy = -Infinity;
    for (i = 0; i < n; i++) {
      lox = Math.min(lox, x[i]); hix = Math.max(hix, x[i]);
      loy = Math.min(loy, y[i]); hiy = Math.max(hiy, y[i]);
    }
    var span = Math.max(hix - lox, hiy - loy) + 1e-9, cells = grid * grid;
    var mass = new Float64Array(cells), cx = new Float64Array(cells), cy = new Float64Array(cells);
    var cid = new Int32Array(n);
    for (i = 0; i < n; i++) {
      var gx = Math.min(grid - 1, Math.floor(((x[i] - lox) / span) * grid));
      var gy = Math.min(grid - 1, Math.floor(((y[i] - loy) / span) * grid));
      cid[i] = gx * grid + gy;
      mass[cid[i]]++; cx[cid[i]] += x[i]; cy[cid[i]] += y[i];
    }
    var full = [];
    for (i = 0; i < cells; i++) if (mass[i]) { cx[i] /= mass[i]; cy[i] /= mass[i]; full.push(i); }
    var soft = (span / grid) * (span / grid);
    var cfx = new Float64Array(cells), cfy = new Float64Array(cells);
    full.forEach(function (a) {
      full.forEach(function (b) {
        if (a === b) return;
        var dx = cx[a] - cx[b], dy = cy[a] - cy[b], w = mass[b] / (dx * dx + dy * dy + 0.5 * soft);
        cfx[a] += dx * w; cfy[a] += dy * w;
      });
    });
    for (i = 0; i < n; i++) {
      var c = cid[i], ox = x[i] - cx[c], oy = y[i] - cy[c];
      var ow = (mass[c] - 1) / (ox * ox + oy * oy + 0.01 * soft);
      fx[i] = (cfx[c] + ox * ow) * k2; fy[i] = (cfy[c] + oy * ow) * k2;
    }
    return [fx, fy];
  }

  // Positions in the unit square for n nodes starting at (x, y), joined by s[i] -> t[i].
  function relax(n, x, y, s, t) {
    var k = 1 / Math.sqrt(n), k2 = k * k, step = 0.05, cooling = step / (ITERATIONS + 1);
    var grid = Math.floor(Math.min(36, Math.max(8, Math.sqrt(n) / 3)));
    for (var it = 0; it < ITERATIONS; it++) {
      var f = forces(n, x, y, s, t, k2, grid), fx = f[0], fy = f[1], i;
      for (i = 0; i < s.length; i++) {
        var a = s[i], b = t[i], ex = x[a] - x[b], ey = y[a] - y[b];
        var d = Math.sqrt(ex * ex + ey * ey) / k;
        fx[a] -= ex * d; fy[a] -= ey * d; fx[b] += ex * d; fy[b] += ey * d;
      }
      var mx = 0, my = 0;
      for (i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
      mx /= n; my /= n;
      for (i = 0; i < n; i++) {
        var rx = x[i] - mx, ry = y[i] - my, rl = Math.sqrt(rx * rx + ry * ry) + 1e-9;
        fx[i] -= rx / rl; fy[i] -= ry / rl;
        var len = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]) + 1e-12, sc = Math.min(len, step) / len;
        x[i] += fx[i] * sc; y[i] += fy[i] * sc;
      }
      step -= cooling;
    }
  }

  function median(values) {
    if (!values.length) return 0;
    var v = Array.prototype.slice.call(values).sort(function (a, b) { return a - b; });
    return v[Math.floor(v.length / 2)];
  }

  // Scale to pixels: median edge EDGE_LENGTH, at least NODE_SPACING per node.
  function scale(n, x, y, s, t) {
    var lengths = [], i;
    for (i = 0; i < s.length; i++) lengths.push(Math.hypot(x[s[i]] - x[t[i]], y[s[i]] - y[t[i]]));
    var mx = median(x), my = median(y), radius = [];
    for (i = 0; i < n; i++) radius.push(Math.hypot(x[i] - mx, y[i] - my));
    radius.sort(function (a, b) { return a - b; });
    var spread = (radius[Math.floor(0.8 * (n - 1))] || 0) * Math.sqrt(Math.PI / (0.8 * n));
    var f = Math.max(EDGE_LENGTH / (median(lengths) || 1), NODE_SPACING / (spread || 1));
    for (i = 0; i < n; i++) { x[i] *= f; y[i] *= f; }
  }

  function components(n, s, t) {
    var parent = new Int32Array(n), i;
    for (i = 0; i < n; i++) parent[i] = i;
    function root(a) { while (parent[a] !== a) { parent[a] = parent[parent[a]]; a = parent[a]; } return a; }
    for (i = 0; i < s.length; i++) { var a = root(s[i]), b = root(t[i]); if (a !== b) parent[Math.max(a, b)] = Math.min(a, b); }
    var groups = Object.create(null), out = [];
    for (i = 0; i < n; i++) { var r = root(i); if (!groups[r]) out.push((groups[r] = [])); groups[r].push(i); }
    out.sort(function (p, q) { return q.length - p.length || p[0] - q[0]; });
    return out;
  }

  // Keep the largest piece in place; pack the others in rows below it.
  function pack(x, y, pieces) {
    var gap = 0.6 * EDGE_LENGTH;
    var boxes = pieces.map(function (c) {
      var lx = Infinity, ly = Infinity, hx = -Infinity, hy = -Infinity;
      c.forEach(function (i) { lx = Math.min(lx, x[i]); hx = Math.max(hx, x[i]); ly = Math.min(ly, y[i]); hy = Math.max(hy, y[i]); });
      return { c: c, lx: lx, ly: ly, w: hx - lx, h: hy - ly };
    });
    var main = boxes.length && boxes[0].c.length > 1 ? boxes[0] : null;
    var rest = main ? boxes.slice(1) : boxes;
    var area = rest.reduce(function (sum, b) { return sum + (b.w + gap) * (b.h + gap); }, 0);
    var width = Math.max(Math.sqrt(area), main ? main.w : 0, gap);
    var x0 = main ? main.lx : 0, px = x0, py = main ? main.ly + main.h + 2 * gap : 0, row = 0;
    rest.forEach(function (b) {
      if (px > x0 && px + b.w > x0 + width) { px = x0; py += row + gap; row = 0; }
      b.c.forEach(function (i) { x[i] += px - b.lx; y[i] += py - b.ly; });
      px += b.w + gap;
      row = Math.max(row, b.h);
    });
  }

  // Positions ({id: {x, y}}, whole pixels, centred) for the node ids shown, joined by links [[a, b]].
  K.layout = function (ids, links) {
    var n = ids.length, out = Object.create(null);
    if (!n) return out;
    ids = ids.slice().sort(function (a, b) { return K.nodeById[a].index - K.nodeById[b].index; });
    var at = Object.create(null), x = new Float64Array(n), y = new Float64Array(n), i;
    var lox = Infinity, loy = Infinity, span = 0;
    ids.forEach(function (id, j) { at[id] = j; var d = K.nodeById[id]; x[j] = d.x; y[j] = d.y; lox = Math.min(lox, d.x); loy = Math.min(loy, d.y); });
    for (i = 0; i < n; i++) span = Math.max(span, x[i] - lox, y[i] - loy);
    for (i = 0; i < n; i++) { x[i] = (x[i] - lox) / (span || 1); y[i] = (y[i] - loy) / (span || 1); }
    var s = [], t = [];
    links.forEach(function (l) { var a = at[l[0]], b = at[l[1]]; if (a !== undefined && b !== undefined && a !== b) { s.push(a); t.push(b); } });
    var pieces = components(n, s, t);
    var linked = pieces.filter(function (c) { return c.length > 1; }).reduce(function (a, c) { return a.concat(c); }, []);
    if (linked.length) {
      var local = new Int32Array(n).fill(-1), lx = new Float64Array(linked.length), ly = new Float64Array(linked.length);
      linked.sort(function (a, b) { return a - b; }).forEach(function (g, j) { local[g] = j; lx[j] = x[g]; ly[j] = y[g]; });
      var ls = s.map(function (a) { return local[a]; }), lt = t.map(function (b) { return local[b]; });
      if (linked.length > 1) relax(linked.length, lx, ly, ls, lt);
      scale(linked.length, lx, ly, ls, lt);
      linked.forEach(function (g, j) { x[g] = lx[j]; y[g] = ly[j]; });
    }
    pack(x, y, pieces);
    var minx = Infinity, maxx = -Infinity, miny = Infinity, maxy = -Infinity;
    for (i = 0; i < n; i++) { minx = Math.min(minx, x[i]); maxx = Math.max(maxx, x[i]); miny = Math.min(miny, y[i]); maxy = Math.max(maxy, y[i]); }
    var ox = (minx + maxx) / 2, oy = (miny + maxy) / 2;
    ids.forEach(function (id, j) { out[id] = { x: Math.round(x[j] - ox), y: Math.round(y[j] - oy) }; });
    return out;
  };
})((window.kgView = window.kgView || {}));
