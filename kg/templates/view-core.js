// kg.view: the page's behaviour, in parts that each add to window.kgView
// (core, layout, labels, filters, time, panel, main). Data comes from the JSON
// block #kg-data; every piece of text from it reaches the page through
// textContent or vis's plain-text tooltips, never as markup.
var network = null; // pyvis's global: the vis.Network (also window.network)

(function (K) {
  "use strict";

  K.timings = window.kgTimings = { start: performance.now() };
  var data = (K.data = JSON.parse(document.getElementById("kg-data").textContent));
  K.timings.parsed = performance.now();

  // ------------------------------------------------------------------ helpers
  K.el = function (tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  };
  K.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  };
  K.byId = function (id) {
    return document.getElementById(id);
  };
  K.clip = function (text, n) {
    text = String(text);
    return text.length > n ? text.slice(0, n - 1) + "…" : text;
  };
  K.fmtConfidence = function (c) {
    return c === null || c === undefined ? "n/a" : Number(c).toFixed(2);
  };
  K.plural = function (n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  };
  K.span = function (dates) {
    if (!dates.length) return "";
    return dates[0] + (dates[dates.length - 1] !== dates[0] ? " – " + dates[dates.length - 1] : "");
  };

  // ------------------------------------------------------------------ indices
  var nodeById = (K.nodeById = Object.create(null));
  var edgeById = (K.edgeById = Object.create(null));
  var aggById = (K.aggById = Object.create(null));
  var incident = (K.incident = Object.create(null)); // node id -> statement edge ids
  K.familyColor = Object.create(null);
  data.families.forEach(function (f) { K.familyColor[f.name] = f.color; });
  K.blocColor = data.blocs.map(function (b) { return b.color; });
  data.nodes.forEach(function (n, i) {
    n.index = i;
    nodeById[n.id] = n;
    incident[n.id] = [];
  });
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    if (incident[e.from]) incident[e.from].push(e.id);
    if (incident[e.to] && e.to !== e.from) incident[e.to].push(e.id);
  });
  data.aggregates.forEach(function (a) { aggById[a.id] = a; });

  K.nodeTitle = function (n) {
    var lines = [n.label, n.type + (n.kind === "event" && n.date ? " · " + n.date : "")];
    if (n.aliases.length) lines.push("also: " + K.clip(n.aliases.slice(0, 6).join(", "), 200));
    if (n.mentions) lines.push(K.plural(n.mentions, "mention") + " · " + K.plural(n.documents.length, "document"));
    return lines.join("\n");
  };
  K.edgeTitle = function (e) {
    var from = nodeById[e.from], to = nodeById[e.to];
    var lines = [
      (from ? from.label : e.from) + " — " + e.predicate + " → " + (to ? to.label : e.to),
      "confidence " + K.fmtConfidence(e.confidence) + " · " + K.plural(e.documents.length, "document"),
    ];
    if (e.alleged) lines.push("alleged: no document reports it as done");
    e.evidence.slice(0, 3).forEach(function (ev) {
      lines.push("“" + K.clip(ev.sentence, 240) + "”  (" + ev.document + (ev.date ? ", " + ev.date : "") + ")");
    });
    if (e.evidence.length > 3) lines.push("… " + (e.evidence.length - 3) + " more; click for all");
    return lines.join("\n");
  };

  // The statements behind an aggregate, as shown by the current filters:
  // {edges: [edge ids], events: [[event id, agent edge id, target edge id]], forward, backward}.
  K.aggregateShown = function (a, pass) {
    var out = { edges: [], events: [], forward: 0, backward: 0 };
    a.members.forEach(function (m) {
      var ok = m.length === 2 ? pass.edge(m[0]) : pass.event(m[0], m[2], m[3]);
      if (!ok) return;
      if (m.length === 2) out.edges.push(m[0]);
      else out.events.push([m[0], m[2], m[3]]);
      if (m[1]) out.forward++;
      else out.backward++;
    });
    return out;
  };

  // vis data sets hold only what is shown; filters fill them (see view-filters.js).
  K.nodes = new vis.DataSet();
  K.edges = new vis.DataSet();
})((window.kgView = window.kgView || {}));
