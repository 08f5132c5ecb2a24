// kg.view: the legend, the filters and what they leave. After any change the
// shown nodes are those with a shown edge (plus searched ones), the layout of
// what is shown is recomputed (view-layout.js) and the view fitted to it.
(function (K) {
  "use strict";

  var data = K.data, el = K.el, byId = K.byId;
  var overview = data.overview;
  var state = (K.state = {
    relations: new Set(data.legend.relations.map(function (r) { return r.name; })),
    types: new Set(data.legend.classes.map(function (c) { return c.name; })),
    statements: new Set(["alleged"]),
    minConfidence: 0,
    minDocuments: 1,
    from: data.dates.min || "",
    to: data.dates.max || "",
    undated: true,
    aggregate: overview,
    events: !overview,
    all: !overview,
    blocColors: overview && data.blocs.length > 0,
    keepIsolated: false,
  });
  K.pinned = new Set(); // nodes found by search: shown whatever their rank

  function datesPass(dates) {
    if (!dates || !dates.length) return state.undated;
    for (var i = 0; i < dates.length; i++) {
      var d = dates[i];
      if ((!state.from || d >= state.from) && (!state.to || d <= state.to)) return true;
    }
    return false;
  }
  K.datesPass = datesPass;

  function statementPasses(e) {
    return state.relations.has(e.predicate) &&
      !(e.alleged && !state.statements.has("alleged")) &&
      !(e.confidence !== null && e.confidence < state.minConfidence) &&
      e.documents.length >= state.minDocuments &&
      datesPass(e.dates);
  }

  // Which nodes may be shown: class and date filters, the overview's top actors.
  function nodePasses() {
    var pass = Object.create(null), near = new Set();
    K.pinned.forEach(function (id) {
      (K.incident[id] || []).forEach(function (eid) { var e = K.edgeById[eid]; near.add(e.from); near.add(e.to); });
    });
    data.nodes.forEach(function (n) {
      var ok = state.types.has(n.type);
      if (n.kind === "event") ok = ok && datesPass(n.date ? [n.date] : []) && (state.events || !state.aggregate);
      else if (!state.all) ok = ok && (n.rank < data.overviewActors || near.has(n.id));
      pass[n.id] = ok;
    });
    return pass;
  }

  function edgeItem(e) {
    var item = { id: e.id, from: e.from, to: e.to, color: e.color, width: e.width, title: K.edgeTitle(e),
      arrows: e.arrows || { to: { enabled: true }, from: { enabled: false } },
      smooth: e.smooth || { enabled: false }, dashes: e.dashes || false, label: "" };
    return item;
  }

  function aggregateItem(a, shown) {
    var count = shown.edges.length + shown.events.length;
    var forward = shown.forward > 0, backward = shown.backward > 0;
    var from = K.nodeById[a.from], to = K.nodeById[a.to], kinds = Object.create(null);
    shown.edges.forEach(function (id) { var p = K.edgeById[id].predicate; kinds[p] = (kinds[p] || 0) + 1; });
    shown.events.forEach(function (m) { var t = K.nodeById[m[0]].type; kinds[t] = (kinds[t] || 0) + 1; });
    var detail = Object.keys(kinds).sort().map(function (k) { return k + " ×" + kinds[k]; }).join(", ");
    return { id: a.id, from: backward && !forward ? a.to : a.from, to: backward && !forward ? a.from : a.to,
      color: K.familyColor[a.family], width: Math.round((1.5 + 1.5 * Math.log2(count)) * 100) / 100,
      arrows: { to: { enabled: true }, from: { enabled: forward && backward } },
      smooth: { enabled: false }, dashes: false, label: "", count: count,
      title: from.label + " — " + a.family + " (" + count + ") — " + to.label + "\n" + detail + "\nclick for the statements" };
  }

  // Parallel drawn edges between the same two nodes fan out as curves.
  function fan(items) {
    var groups = Object.create(null);
    items.forEach(function (it) {
      var key = it.from < it.to ? it.from + "\u0000" + it.to : it.to + "\u0000" + it.from;
      (groups[key] = groups[key] || []).push(it);
    });
    Object.keys(groups).forEach(function (key) {
      var members = groups[key];
      if (members.length < 2) return;
      var a = key.split("\u0000")[0], offset = members.length % 2;
      members.forEach(function (it, rank) {
        if (rank < offset) return;
        var slot = rank - offset, side = slot % 2 === 0 ? 1 : -1;
        if (it.from !== a) side = -side;
        it.smooth = { enabled: true, type: side > 0 ? "curvedCW" : "curvedCCW", roundness: 0.18 * (Math.floor(slot / 2) + 1) };
      });
    });
  }

  // What the filters leave: {nodes: [vis items], edges: [vis items]}, positions not yet set.
  K.visible = function () {
    var passNode = nodePasses(), passEdge = Object.create(null), items = [];
    K.lastShown = Object.create(null);
    data.edges.forEach(function (e) {
      passEdge[e.id] = passNode[e.from] && passNode[e.to] && statementPasses(e);
    });
    if (state.aggregate) {
      var pass = {
        edge: function (id) { return passEdge[id]; },
        event: function (ev, agentEdge, targetEdge) {
          if (state.events) return false;
          var n = K.nodeById[ev], a = K.edgeById[agentEdge], t = K.edgeById[targetEdge];
          var actor = a.from === ev ? a.to : a.from;
          return state.types.has(n.type) && datesPass(n.date ? [n.date] : []) && statementPasses(a) &&
            statementPasses(t) && passNode[actor] && passNode[t.to];
        },
      };
      data.aggregates.forEach(function (a) {
        var shown = K.aggregateShown(a, pass);
        if (shown.edges.length + shown.events.length) {
          K.lastShown[a.id] = shown;
          items.push(aggregateItem(a, shown));
        }
      });
      if (state.events) {
        data.edges.forEach(function (e) {
          if (passEdge[e.id] && (K.nodeById[e.from].kind === "event" || K.nodeById[e.to].kind === "event")) items.push(edgeItem(e));
        });
      }
      fan(items);
    } else {
      data.edges.forEach(function (e) { if (passEdge[e.id]) items.push(edgeItem(e)); });
    }
    var shownNodes = new Set();
    items.forEach(function (it) { shownNodes.add(it.from); shownNodes.add(it.to); });
    data.nodes.forEach(function (n) {
      if (passNode[n.id] && (state.keepIsolated || K.pinned.has(n.id))) shownNodes.add(n.id);
    });
    var nodes = [];
    data.nodes.forEach(function (n) {
      if (!shownNodes.has(n.id)) return;
      var color = state.blocColors && n.kind !== "event"
        ? (n.bloc !== null ? K.blocColor[n.bloc] : "#a0a0a0") : n.color;
      nodes.push({ id: n.id, label: "", shape: n.shape, color: color, size: n.size, title: K.nodeTitle(n) });
    });
    return { nodes: nodes, edges: items };
  };

  // The statements (edge ids) the drawn edges stand for: folded events by their role edges.
  K.shownStatements = function () {
    var out = new Set();
    K.edges.getIds().forEach(function (id) {
      var shown = K.lastShown[id];
      if (!shown) { out.add(id); return; }
      shown.edges.forEach(function (eid) { out.add(eid); });
      shown.events.forEach(function (m) { out.add(m[1]); out.add(m[2]); });
    });
    return Array.from(out).sort();
  };

  // Shown nodes without a shown edge (none unless "keep nodes without shown edges" or a search pins them).
  K.isolated = function () {
    var linked = new Set();
    K.edges.get().forEach(function (e) { linked.add(e.from); linked.add(e.to); });
    return K.nodes.getIds().filter(function (id) { return !linked.has(id); });
  };

  function sync(set, items) {
    var want = new Set(items.map(function (it) { return it.id; }));
    var gone = set.getIds().filter(function (id) { return !want.has(id); });
    if (gone.length) set.remove(gone);
    set.update(items);
  }

  K.applyFilters = function (options) {
    var shown = K.visible();
    var pos = K.layout(shown.nodes.map(function (n) { return n.id; }),
      shown.edges.map(function (e) { return [e.from, e.to]; }));
    shown.nodes.forEach(function (n) { n.x = pos[n.id].x; n.y = pos[n.id].y; });
    K.labelled = new Set();
    K.edgeLabelled = new Set();
    sync(K.nodes, shown.nodes);
    sync(K.edges, shown.edges);
    K.showCounts(shown.nodes.length, shown.edges.length);
    if (network && !(options && options.initial)) {
      K.refreshEdgeLabels(null);
      K.fit();
    }
    return shown;
  };

  K.fit = function () {
    var ids = K.nodes.getIds();
    if (ids.length) network.fit({ nodes: ids, animation: false });
    K.placeLabels();
  };

  K.showCounts = function (shownNodes, shownEdges) {
    var text = K.plural(shownNodes, "node") + ", " + K.plural(shownEdges, state.aggregate ? "edge (aggregated)" : "edge");
    if (state.aggregate) text = text.replace("edge (aggregated)s", "edges (aggregated)");
    if (shownNodes !== data.nodes.length || shownEdges !== data.edges.length) {
      text += " shown of " + data.nodes.length + " / " + data.edges.length;
    }
    byId("kg-counts").textContent = text;
  };
})((window.kgView = window.kgView || {}));
