// kg.view: the page's behaviour. Data comes from the JSON block #kg-data;
// every piece of text from it reaches the page through textContent or vis's
// plain-text tooltips, never as markup.
var network = null; // pyvis's global: the vis.Network (also window.network)

(function () {
  "use strict";

  var timings = { start: performance.now() }; // milliseconds since navigation, for benchmarks
  window.kgTimings = timings;
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  timings.parsed = performance.now();
  var SVG = "http://www.w3.org/2000/svg";
  var MAX_LISTED = 200;

  // ------------------------------------------------------------------ helpers
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function byId(id) {
    return document.getElementById(id);
  }
  function clip(text, n) {
    text = String(text);
    return text.length > n ? text.slice(0, n - 1) + "…" : text;
  }
  function fmtConfidence(c) {
    return c === null || c === undefined ? "n/a" : Number(c).toFixed(2);
  }
  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // ------------------------------------------------------------------ data
  // data.nodes / data.edges are pyvis's lists: vis fields plus kg's details.
  // vis gets lean copies (it deep-copies every field it is given); the
  // details stay here, in nodeById / edgeById.
  var VIS_NODE = ["id", "label", "shape", "color", "size", "x", "y"];
  var VIS_EDGE = ["id", "from", "to", "label", "color", "width", "arrows", "smooth", "dashes"];
  function pick(item, keys) {
    var out = {};
    keys.forEach(function (k) {
      if (item[k] !== undefined) out[k] = item[k];
    });
    return out;
  }
  var nodeById = Object.create(null);
  var edgeById = Object.create(null);
  var incident = Object.create(null); // node id -> edge ids
  var visNodes = data.nodes.map(function (n) {
    nodeById[n.id] = n;
    incident[n.id] = [];
    n.hidden = false;
    var lines = [n.label, n.type + (n.kind === "event" && n.date ? " · " + n.date : "")];
    if (n.aliases.length) lines.push("also: " + clip(n.aliases.slice(0, 6).join(", "), 200));
    if (n.mentions) lines.push(plural(n.mentions, "mention") + " · " + plural(n.documents.length, "document"));
    var v = pick(n, VIS_NODE);
    v.title = lines.join("\n");
    return v;
  });
  var visEdges = data.edges.map(function (e) {
    edgeById[e.id] = e;
    if (incident[e.from]) incident[e.from].push(e.id);
    if (incident[e.to] && e.to !== e.from) incident[e.to].push(e.id);
    e.hidden = false;
    var from = nodeById[e.from], to = nodeById[e.to];
    var lines = [
      (from ? from.label : e.from) + " — " + e.predicate + " → " + (to ? to.label : e.to),
      "confidence " + fmtConfidence(e.confidence) + " · " + plural(e.documents.length, "document"),
    ];
    if (e.alleged) lines.push("alleged: no document reports it as done");
    e.evidence.slice(0, 3).forEach(function (ev) {
      lines.push("“" + clip(ev.sentence, 240) + "”  (" + ev.document + (ev.date ? ", " + ev.date : "") + ")");
    });
    if (e.evidence.length > 3) lines.push("… " + (e.evidence.length - 3) + " more; click for all");
    var v = pick(e, VIS_EDGE);
    v.title = lines.join("\n");
    return v;
  });

  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  visNodes = visEdges = null;
  timings.datasets = performance.now();

  // ------------------------------------------------------------------ network
  var container = byId("kg-network");
  network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.network = network;
  timings.network = performance.now();

  var status = byId("kg-status");
  var physicsBox = byId("kg-physics");
  var ready = false;
  function markReady() {
    if (ready) return;
    ready = true;
    if (physicsBox.checked) {
      network.setOptions({ physics: { enabled: false } });
      physicsBox.checked = false;
    }
    status.textContent = "";
    timings.ready = performance.now();
    window.kgReady = true;
    document.body.setAttribute("data-ready", "true");
  }
  if (data.options.physics && data.options.physics.enabled) {
    physicsBox.checked = true;
    status.textContent = "Laying out…";
    network.on("stabilizationProgress", function (p) {
      status.textContent = "Laying out… " + Math.round((100 * p.iterations) / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", markReady);
    network.once("stabilized", markReady);
  } else {
    markReady();
  }
  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physicsBox.checked, stabilization: { enabled: false } } });
  });
  byId("kg-fit").addEventListener("click", function () {
    network.fit({ animation: { duration: 300 } });
  });

  // ------------------------------------------------------------------ legend and filters
  var state = {
    relations: new Set(data.legend.relations.map(function (r) { return r.name; })),
    types: new Set(data.legend.classes.map(function (c) { return c.name; })),
    statements: new Set(["alleged"]),
    minConfidence: 0,
    from: data.dates.min || "",
    to: data.dates.max || "",
    undated: true,
    hideIsolated: false,
  };

  function shapeSwatch(shape, color) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "14");
    svg.setAttribute("height", "14");
    svg.setAttribute("viewBox", "0 0 14 14");
    svg.setAttribute("class", "kg-swatch-shape");
    var item;
    var points = {
      triangle: "7,1 13,13 1,13",
      triangleDown: "1,1 13,1 7,13",
      diamond: "7,0 14,7 7,14 0,7",
      hexagon: "3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7",
      star: "7,0 8.8,5 14,5 9.8,8.2 11.3,13.5 7,10.3 2.7,13.5 4.2,8.2 0,5 5.2,5",
    }[shape];
    if (points) {
      item = document.createElementNS(SVG, "polygon");
      item.setAttribute("points", points);
    } else if (shape === "square") {
      item = document.createElementNS(SVG, "rect");
      item.setAttribute("x", "1");
      item.setAttribute("y", "1");
      item.setAttribute("width", "12");
      item.setAttribute("height", "12");
    } else {
      item = document.createElementNS(SVG, "circle");
      item.setAttribute("cx", "7");
      item.setAttribute("cy", "7");
      item.setAttribute("r", "6");
    }
    item.setAttribute("fill", color);
    svg.appendChild(item);
    return svg;
  }

  function legendItem(group, entry, swatch) {
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = entry.name;
    box.setAttribute({ relations: "data-relation", types: "data-type" }[group] || "data-statement", entry.name);
    box.addEventListener("change", function () {
      if (box.checked) state[group].add(entry.name);
      else state[group].delete(entry.name);
      applyFilters();
    });
    label.appendChild(box);
    label.appendChild(swatch);
    var name = el("span", entry.name, "kg-name");
    name.title = entry.name;
    label.appendChild(name);
    label.appendChild(el("span", entry.count, "kg-count"));
    li.appendChild(label);
    return li;
  }

  var relationList = byId("kg-relations");
  data.legend.relations.forEach(function (r) {
    var line = el("span", null, "kg-swatch-line" + (r.symmetric ? " kg-symmetric" : ""));
    line.style.borderTopColor = r.color;
    line.title = r.symmetric ? "symmetric: no arrow" : "directed";
    relationList.appendChild(legendItem("relations", r, line));
  });
  if (data.legend.alleged && data.legend.alleged.count) {
    var dashed = el("span", null, "kg-swatch-line kg-alleged");
    dashed.title = "dashed: alleged by someone, reported as done by no document";
    byId("kg-statements").appendChild(
      legendItem("statements", { name: "alleged", count: data.legend.alleged.count }, dashed));
    byId("kg-statements-section").hidden = false;
  }
  var typeList = byId("kg-types");
  data.legend.classes.forEach(function (c) {
    typeList.appendChild(legendItem("types", c, shapeSwatch(c.shape, c.color)));
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-bulk]"), function (button) {
    button.addEventListener("click", function () {
      var group = button.getAttribute("data-bulk");
      var on = button.getAttribute("data-value") === "1";
      var list = group === "relations" ? relationList : typeList;
      Array.prototype.forEach.call(list.querySelectorAll("input[type=checkbox]"), function (box) {
        box.checked = on;
        if (on) state[group].add(box.value);
        else state[group].delete(box.value);
      });
      applyFilters();
    });
  });

  var confidence = byId("kg-confidence");
  var confidenceValue = byId("kg-confidence-value");
  confidence.addEventListener("input", function () {
    state.minConfidence = Number(confidence.value);
    confidenceValue.textContent = state.minConfidence.toFixed(2);
    applyFilters();
  });

  var dateFrom = byId("kg-date-from"), dateTo = byId("kg-date-to"), undated = byId("kg-undated");
  if (data.dates.min) {
    [dateFrom, dateTo].forEach(function (input) {
      input.min = data.dates.min;
      input.max = data.dates.max;
    });
    dateFrom.value = data.dates.min;
    dateTo.value = data.dates.max;
  } else {
    byId("kg-dates-section").hidden = true;
  }
  dateFrom.addEventListener("change", function () { state.from = dateFrom.value; applyFilters(); });
  dateTo.addEventListener("change", function () { state.to = dateTo.value; applyFilters(); });
  undated.addEventListener("change", function () { state.undated = undated.checked; applyFilters(); });
  var isolated = byId("kg-hide-isolated");
  isolated.addEventListener("change", function () { state.hideIsolated = isolated.checked; applyFilters(); });

  function datesPass(dates) {
    if (!dates || !dates.length) return state.undated;
    for (var i = 0; i < dates.length; i++) {
      var d = dates[i];
      if ((!state.from || d >= state.from) && (!state.to || d <= state.to)) return true;
    }
    return false;
  }

  function applyFilters() {
    var nodeHidden = Object.create(null);
    data.nodes.forEach(function (n) {
      nodeHidden[n.id] = !state.types.has(n.type) || (n.kind === "event" && !datesPass(n.date ? [n.date] : []));
    });
    var shownDegree = Object.create(null);
    var edgeHidden = Object.create(null);
    data.edges.forEach(function (e) {
      var hide =
        !state.relations.has(e.predicate) ||
        (e.alleged && !state.statements.has("alleged")) ||
        (e.confidence !== null && e.confidence < state.minConfidence) ||
        !datesPass(e.dates) ||
        nodeHidden[e.from] ||
        nodeHidden[e.to];
      edgeHidden[e.id] = hide;
      if (!hide) {
        shownDegree[e.from] = (shownDegree[e.from] || 0) + 1;
        shownDegree[e.to] = (shownDegree[e.to] || 0) + 1;
      }
    });
    if (state.hideIsolated) {
      data.nodes.forEach(function (n) {
        if (!shownDegree[n.id]) nodeHidden[n.id] = true;
      });
    }
    var nodeUpdates = [], edgeUpdates = [];
    var shownNodes = 0, shownEdges = 0;
    data.nodes.forEach(function (n) {
      if (n.hidden !== nodeHidden[n.id]) {
        n.hidden = nodeHidden[n.id];
        nodeUpdates.push({ id: n.id, hidden: n.hidden });
      }
      if (!n.hidden) shownNodes++;
    });
    data.edges.forEach(function (e) {
      if (e.hidden !== edgeHidden[e.id]) {
        e.hidden = edgeHidden[e.id];
        edgeUpdates.push({ id: e.id, hidden: e.hidden });
      }
      if (!e.hidden) shownEdges++;
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    shownEdgeCount = shownEdges;
    refreshLabels();
    showCounts(shownNodes, shownEdges);
  }

  function showCounts(shownNodes, shownEdges) {
    var text = plural(shownNodes, "node") + ", " + plural(shownEdges, "edge");
    if (shownNodes !== data.nodes.length || shownEdges !== data.edges.length) {
      text += " shown of " + data.nodes.length + " / " + data.edges.length;
    }
    byId("kg-counts").textContent = text;
  }
  showCounts(data.nodes.length, data.edges.length);

  // ------------------------------------------------------------------ large graphs
  // Above edgeLabelLimit edges, labels are drawn for the selection's edges
  // (or for all shown edges once filters leave few enough); arrowheads are
  // drawn only when zoomed in. Both cost much when thousands are drawn.
  var labelled = new Set();
  if (data.edges.length <= data.edgeLabelLimit) {
    data.edges.forEach(function (e) { labelled.add(e.id); });
  }
  var shownEdgeCount = data.edges.length;
  function refreshLabels() {
    if (data.edges.length <= data.edgeLabelLimit) return;
    var want = new Set();
    if (shownEdgeCount <= data.edgeLabelLimit) {
      data.edges.forEach(function (e) { if (!e.hidden) want.add(e.id); });
    } else {
      network.getSelectedNodes().forEach(function (id) {
        (incident[id] || []).forEach(function (eid) { want.add(eid); });
      });
      network.getSelectedEdges().forEach(function (eid) { want.add(eid); });
    }
    var updates = [];
    labelled.forEach(function (id) {
      if (!want.has(id)) updates.push({ id: id, label: "" });
    });
    want.forEach(function (id) {
      if (!labelled.has(id)) updates.push({ id: id, label: edgeById[id].predicate });
    });
    labelled = want;
    if (updates.length) edges.update(updates);
  }
  ["selectNode", "selectEdge", "deselectNode", "deselectEdge"].forEach(function (name) {
    network.on(name, refreshLabels);
  });
  if (data.large) {
    var arrowsOn = data.options.edges.arrows.to.enabled;
    network.on("zoom", function () {
      var on = network.getScale() >= 0.5;
      if (on !== arrowsOn) {
        arrowsOn = on;
        network.setOptions({ edges: { arrows: { to: { enabled: on } } } });
      }
    });
  }

  // ------------------------------------------------------------------ search
  var index = data.nodes.map(function (n) {
    return {
      id: n.id,
      names: [n.label].concat(n.aliases).map(function (s) { return String(s).toLowerCase(); }),
    };
  });
  var search = byId("kg-search"), results = byId("kg-search-results");
  var found = [], cursor = 0;

  function find(query) {
    query = query.trim().toLowerCase();
    if (!query) return [];
    var scored = [];
    index.forEach(function (entry) {
      var best = 4;
      entry.names.forEach(function (name) {
        if (name === query) best = Math.min(best, 0);
        else if (name.indexOf(query) === 0) best = Math.min(best, 1);
        else if (name.indexOf(query) > 0) best = Math.min(best, 2);
      });
      if (best < 4) scored.push([best, nodeById[entry.id].degree, entry.id]);
    });
    scored.sort(function (a, b) {
      return a[0] - b[0] || b[1] - a[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
    });
    return scored.slice(0, 12).map(function (s) { return s[2]; });
  }

  function showResults() {
    clear(results);
    found.forEach(function (id, i) {
      var n = nodeById[id];
      var li = el("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === cursor ? "true" : "false");
      li.appendChild(el("span", n.label));
      li.appendChild(el("span", n.type, "kg-alias"));
      li.addEventListener("mousedown", function (event) {
        event.preventDefault();
        focusNode(id);
      });
      results.appendChild(li);
    });
  }

  search.addEventListener("input", function () {
    found = find(search.value);
    cursor = 0;
    showResults();
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (found.length) {
        cursor = (cursor + (event.key === "ArrowDown" ? 1 : found.length - 1)) % found.length;
        showResults();
      }
      event.preventDefault();
    } else if (event.key === "Enter") {
      if (!found.length) found = find(search.value);
      if (found.length) focusNode(found[cursor] || found[0]);
      else status.textContent = "No node named “" + clip(search.value, 60) + "”";
      event.preventDefault();
    } else if (event.key === "Escape") {
      found = [];
      showResults();
    }
  });
  search.addEventListener("blur", function () {
    found = [];
    clear(results);
  });

  function focusNode(id) {
    if (!nodeById[id]) return false;
    found = [];
    clear(results);
    network.selectNodes([id]);
    refreshLabels();
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400 } });
    showNode(id);
    return true;
  }

  // ------------------------------------------------------------------ info panel
  var info = byId("kg-info");

  function field(dl, name, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", name));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value);
    else dd.textContent = String(value);
    dl.appendChild(dd);
  }

  function linkButton(text, onClick) {
    var button = el("button", text, "kg-link");
    button.type = "button";
    button.addEventListener("click", onClick);
    return button;
  }

  function showHelp() {
    clear(info);
    info.appendChild(el("h2", "Details"));
    info.appendChild(el("p", "Click a node or an edge to see its details and evidence. Hover for a summary.", "kg-help"));
    if (data.name) info.appendChild(el("p", "Graph: " + data.name, "kg-meta"));
  }

  function showNode(id) {
    var n = nodeById[id];
    if (!n) return;
    clear(info);
    info.appendChild(el("h2", n.kind === "event" ? "Event" : "Entity"));
    info.appendChild(el("h3", n.label));
    var dl = el("dl");
    field(dl, "type", n.type);
    field(dl, "key", n.id);
    if (n.date) field(dl, "date", n.date);
    if (n.wikidata) {
      if (/^Q[0-9]+$/.test(n.wikidata)) {
        var a = el("a", n.wikidata);
        a.href = "https://www.wikidata.org/wiki/" + n.wikidata;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        field(dl, "Wikidata", a);
      } else {
        field(dl, "Wikidata", n.wikidata);
      }
    }
    field(dl, "IRI", n.iri);
    if (n.mentions) field(dl, "mentions", n.mentions);
    field(dl, "documents", n.documents.length ? n.documents.join(", ") : null);
    info.appendChild(dl);
    if (n.aliases.length) {
      info.appendChild(el("h2", "Also known as"));
      var aliases = el("ul");
      n.aliases.forEach(function (alias) { aliases.appendChild(el("li", alias)); });
      info.appendChild(aliases);
    }
    var ids = incident[id] || [];
    info.appendChild(el("h2", "Edges (" + ids.length + ")"));
    var list = el("ul");
    ids.slice(0, MAX_LISTED).forEach(function (eid) {
      var e = edgeById[eid];
      var outgoing = e.from === id;
      var other = nodeById[outgoing ? e.to : e.from];
      var text = (outgoing ? e.predicate + " → " : "← " + e.predicate + " ← ") + (other ? other.label : "?") +
        (e.alleged ? " (alleged)" : "");
      var li = el("li");
      li.appendChild(linkButton(text, function () {
        network.selectEdges([eid]);
        refreshLabels();
        showEdge(eid);
      }));
      li.appendChild(el("span", " " + fmtConfidence(e.confidence), "kg-meta"));
      list.appendChild(li);
    });
    if (ids.length > MAX_LISTED) list.appendChild(el("li", "… and " + (ids.length - MAX_LISTED) + " more", "kg-meta"));
    info.appendChild(list);
  }

  function nodeButton(id) {
    var n = nodeById[id];
    return linkButton(n ? n.label : id, function () { focusNode(id); });
  }

  function showEdge(id) {
    var e = edgeById[id];
    if (!e) return;
    clear(info);
    info.appendChild(el("h2", "Relation"));
    var h = el("h3");
    h.appendChild(nodeButton(e.from));
    h.appendChild(el("span", " " + e.predicate + " "));
    h.appendChild(nodeButton(e.to));
    info.appendChild(h);
    var dl = el("dl");
    field(dl, "relation", e.predicate);
    if (e.alleged) field(dl, "status", "alleged: no document reports it as done");
    field(dl, "confidence", fmtConfidence(e.confidence));
    field(dl, "documents", e.documents.length ? e.documents.join(", ") : "0");
    if (e.dates.length) field(dl, "dates", e.dates[0] + (e.dates.length > 1 ? " – " + e.dates[e.dates.length - 1] : ""));
    info.appendChild(dl);
    info.appendChild(el("h2", "Evidence (" + e.evidence.length + ")"));
    var list = el("ul");
    e.evidence.forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("blockquote", ev.sentence));
      var meta = [ev.document];
      if (ev.date) meta.push(ev.date);
      if (ev.source) meta.push(ev.source);
      var who = ev.asserted_by_label; // the asserter's label, never its key, when alleged
      if (ev.alleged) meta.push(who ? "alleged by " + who : "alleged");
      else if (ev.asserted_by) meta.push("according to " + (who || ev.asserted_by));
      if (ev.rule) meta.push("rule " + ev.rule);
      if (ev.confidence !== null && ev.confidence !== undefined) meta.push("confidence " + fmtConfidence(ev.confidence));
      li.appendChild(el("div", meta.join(" · "), "kg-meta"));
      list.appendChild(li);
    });
    info.appendChild(list);
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else showHelp();
  });
  showHelp();

  window.kgView = {
    nodes: nodes,
    edges: edges,
    state: state,
    applyFilters: applyFilters,
    focusNode: focusNode,
    find: find,
    showNode: showNode,
    showEdge: showEdge,
  };
})();
