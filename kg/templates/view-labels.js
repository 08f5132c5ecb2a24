// kg.view: node labels that never overlap at the zoom shown. Labels keep one
// size on screen (FONT px); after every zoom, pan or filter the nodes in view
// are taken in rank order (selected and searched nodes first) and a label is
// drawn only if its box overlaps no label already placed. Edge labels show on
// hover (and for the selection), unless few individual edges are drawn.
(function (K) {
  "use strict";

  var FONT = 14, EDGE_FONT = 12, MAX_LABELS = 400, MAX_TRIED = 4000, PAD = 3;
  var measure = document.createElement("canvas").getContext("2d");
  var widths = Object.create(null);
  K.labelled = new Set(); // node ids whose label is drawn
  K.edgeLabelled = new Set(); // edge ids whose label is drawn
  K.fontSize = FONT;

  function textWidth(n) {
    if (widths[n.id] === undefined) {
      measure.font = FONT + "px sans-serif";
      widths[n.id] = Math.max.apply(null, n.label.split("\n").map(function (line) {
        return measure.measureText(line).width;
      }));
    }
    return widths[n.id];
  }

  // The box (canvas units) vis draws a node's label in: centred under the shape.
  K.labelBox = function (n, pos, size, font) {
    var f = font / FONT, lines = n.label.split("\n").length;
    var w = (textWidth(n) + 2 * PAD) * f, h = (lines * FONT * 1.2 + 2 * PAD) * f;
    return { left: pos.x - w / 2, top: pos.y + size, right: pos.x + w / 2, bottom: pos.y + size + h };
  };

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  K.placeLabels = function () {
    if (!network) return;
    var scale = network.getScale(), font = FONT / scale;
    if (Math.abs(font - K.fontSize) > 1e-9 * font) {
      K.fontSize = font;
      network.setOptions({ nodes: { font: { size: font } }, edges: { font: { size: EDGE_FONT / scale } } });
    }
    var box = K.byId("kg-network").getBoundingClientRect();
    var lo = network.DOMtoCanvas({ x: 0, y: 0 }), hi = network.DOMtoCanvas({ x: box.width, y: box.height });
    var ids = K.nodes.getIds(), pos = network.getPositions(ids), first = new Set(network.getSelectedNodes());
    K.pinned.forEach(function (id) { first.add(id); });
    var inView = ids.filter(function (id) {
      var p = pos[id];
      return p && p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y;
    });
    inView.sort(function (a, b) {
      return (first.has(b) - first.has(a)) || K.nodeById[a].rank - K.nodeById[b].rank;
    });
    var cell = 4 * FONT * 1.2 / scale, grid = Object.create(null), want = new Set();
    inView.slice(0, MAX_TRIED).some(function (id) {
      var n = K.nodeById[id], b = K.labelBox(n, pos[id], n.size, font);
      var keys = [], free = true;
      for (var gx = Math.floor(b.left / cell); gx <= Math.floor(b.right / cell); gx++) {
        for (var gy = Math.floor(b.top / cell); gy <= Math.floor(b.bottom / cell); gy++) keys.push(gx + ":" + gy);
      }
      keys.forEach(function (key) {
        (grid[key] || []).forEach(function (other) { if (free && overlaps(b, other)) free = false; });
      });
      if (!free) return false;
      keys.forEach(function (key) { (grid[key] = grid[key] || []).push(b); });
      want.add(id);
      return want.size >= MAX_LABELS;
    });
    var updates = [];
    K.labelled.forEach(function (id) { if (!want.has(id) && K.nodes.get(id)) updates.push({ id: id, label: "" }); });
    want.forEach(function (id) { if (!K.labelled.has(id)) updates.push({ id: id, label: K.nodeById[id].label }); });
    K.labelled = want;
    if (updates.length) K.nodes.update(updates);
  };

  var pending = null;
  K.scheduleLabels = function () {
    if (pending) clearTimeout(pending);
    pending = setTimeout(function () { pending = null; K.placeLabels(); }, 120);
  };

  K.edgeLabel = function (id) {
    var a = K.aggById[id];
    if (!a) return K.edgeById[id].predicate;
    var item = K.edges.get(id);
    return a.family + (item && item.count > 1 ? " ×" + item.count : "");
  };

  // Edge labels: all drawn individual edges when few, else the hovered and selected ones.
  K.refreshEdgeLabels = function (hovered) {
    var want = new Set(), ids = K.edges.getIds();
    if (!K.state.aggregate && ids.length <= 300) ids.forEach(function (id) { want.add(id); });
    network.getSelectedNodes().forEach(function (nid) {
      network.getConnectedEdges(nid).forEach(function (eid) { want.add(eid); });
    });
    network.getSelectedEdges().forEach(function (eid) { want.add(eid); });
    if (hovered && K.edges.get(hovered)) want.add(hovered);
    var updates = [];
    K.edgeLabelled.forEach(function (id) { if (!want.has(id) && K.edges.get(id)) updates.push({ id: id, label: "" }); });
    want.forEach(function (id) { if (!K.edgeLabelled.has(id)) updates.push({ id: id, label: K.edgeLabel(id) }); });
    K.edgeLabelled = want;
    if (updates.length) K.edges.update(updates);
  };

  K.bindLabels = function () {
    network.on("zoom", K.scheduleLabels);
    network.on("dragEnd", K.scheduleLabels);
    network.on("animationFinished", K.scheduleLabels);
    network.on("resize", K.scheduleLabels);
    network.on("hoverEdge", function (p) { K.refreshEdgeLabels(p.edge); });
    network.on("blurEdge", function () { K.refreshEdgeLabels(null); });
    ["selectNode", "selectEdge", "deselectNode", "deselectEdge"].forEach(function (name) {
      network.on(name, function () { K.refreshEdgeLabels(null); K.scheduleLabels(); });
    });
  };
})((window.kgView = window.kgView || {}));
