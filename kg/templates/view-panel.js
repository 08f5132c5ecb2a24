// kg.view: search and the details panel (an actor's relations grouped by type
// and direction; an edge's or an aggregate's statements by date, with sources
// and sentences). All text goes in through textContent.
(function (K) {
  "use strict";

  var data = K.data, el = K.el, byId = K.byId, clear = K.clear;
  var info = byId("kg-info"), MAX_LISTED = 200;

  // ------------------------------------------------------------------ search
  var index = data.nodes.map(function (n) {
    return { id: n.id, names: [n.label].concat(n.aliases).map(function (s) { return String(s).toLowerCase(); }) };
  });
  var search = byId("kg-search"), results = byId("kg-search-results"), found = [], cursor = 0;

  K.find = function (query) {
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
      if (best < 4) scored.push([best, K.nodeById[entry.id].degree, entry.id]);
    });
    scored.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
    return scored.slice(0, 12).map(function (s) { return s[2]; });
  };

  function showResults() {
    clear(results);
    found.forEach(function (id, i) {
      var n = K.nodeById[id], li = el("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === cursor ? "true" : "false");
      li.appendChild(el("span", n.label));
      li.appendChild(el("span", n.type, "kg-alias"));
      li.addEventListener("mousedown", function (event) { event.preventDefault(); K.focusNode(id); });
      results.appendChild(li);
    });
  }
  search.addEventListener("input", function () { found = K.find(search.value); cursor = 0; showResults(); });
  search.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (found.length) { cursor = (cursor + (event.key === "ArrowDown" ? 1 : found.length - 1)) % found.length; showResults(); }
      event.preventDefault();
    } else if (event.key === "Enter") {
      if (!found.length) found = K.find(search.value);
      if (found.length) K.focusNode(found[cursor] || found[0]);
      else byId("kg-status").textContent = "No node named “" + K.clip(search.value, 60) + "”";
      event.preventDefault();
    } else if (event.key === "Escape") { found = []; showResults(); }
  });
  search.addEventListener("blur", function () { found = []; clear(results); });

  // Select a node, showing it (and its neighbours) if the filters or the overview left it out.
  K.focusNode = function (id) {
    if (!K.nodeById[id]) return false;
    found = [];
    clear(results);
    if (!K.nodes.get(id)) {
      K.pinned.add(id);
      K.applyFilters();
    }
    network.selectNodes([id]);
    K.refreshEdgeLabels(null);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    K.placeLabels();
    K.showNode(id);
    return true;
  };

  // ------------------------------------------------------------------ panel
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
  function nodeButton(id) {
    var n = K.nodeById[id];
    return linkButton(n ? n.label : id, function () { K.focusNode(id); });
  }
  function edgeLink(eid, text) {
    return linkButton(text, function () {
      if (K.edges.get(eid)) network.selectEdges([eid]);
      K.showEdge(eid);
    });
  }

  K.showHelp = function () {
    clear(info);
    info.appendChild(el("h2", "Details"));
    info.appendChild(el("p", "Click a node or an edge to see its details and evidence. Hover for a summary.", "kg-help"));
    if (data.name) info.appendChild(el("p", "Graph: " + data.name, "kg-meta"));
  };

  function wikidata(dl, n) {
    if (!n.wikidata) return;
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

  // An actor's statements grouped by relation and direction: [{key, predicate, out, edges}].
  K.relationGroups = function (id) {
    var groups = Object.create(null), order = [];
    (K.incident[id] || []).forEach(function (eid) {
      var e = K.edgeById[eid], out = e.from === id, key = e.predicate + (out ? " →" : " ←");
      if (!groups[key]) { groups[key] = { key: key, predicate: e.predicate, out: out, edges: [] }; order.push(groups[key]); }
      groups[key].edges.push(eid);
    });
    order.sort(function (a, b) { return b.edges.length - a.edges.length || (a.key < b.key ? -1 : 1); });
    return order;
  };

  function groupSummary(g) {
    var docs = new Set(), dates = [];
    g.edges.forEach(function (eid) {
      var e = K.edgeById[eid];
      e.documents.forEach(function (d) { docs.add(d); });
      dates = dates.concat(e.dates);
    });
    dates.sort();
    var parts = [K.plural(g.edges.length, "actor"), K.plural(docs.size, "document")];
    if (dates.length) parts.push(K.span(dates));
    return parts.join(" · ");
  }

  K.showNode = function (id) {
    var n = K.nodeById[id];
    if (!n) return;
    clear(info);
    info.appendChild(el("h2", n.kind === "event" ? "Event" : "Actor"));
    info.appendChild(el("h3", n.label));
    var dl = el("dl");
    field(dl, "type", n.type);
    field(dl, "key", n.id);
    if (n.date) field(dl, "date", n.date);
    wikidata(dl, n);
    field(dl, "IRI", n.iri);
    if (n.mentions) field(dl, "mentions", n.mentions);
    if (n.bloc !== null && n.bloc !== undefined) field(dl, "bloc", data.blocs[n.bloc].name);
    field(dl, "documents", n.documents.length ? n.documents.join(", ") : null);
    info.appendChild(dl);
    if (n.aliases.length) {
      info.appendChild(el("h2", "Also known as"));
      var aliases = el("ul");
      n.aliases.forEach(function (alias) { aliases.appendChild(el("li", alias)); });
      info.appendChild(aliases);
    }
    var groups = K.relationGroups(id);
    info.appendChild(el("h2", "Relations (" + (K.incident[id] || []).length + ")"));
    groups.forEach(function (g) {
      var box = el("div", null, "kg-group");
      box.setAttribute("data-group", g.key);
      box.appendChild(el("h4", (g.out ? g.predicate + " →" : "← " + g.predicate) + " (" + g.edges.length + ")"));
      box.appendChild(el("div", groupSummary(g), "kg-meta"));
      var list = el("ul");
      g.edges.slice(0, MAX_LISTED).forEach(function (eid) {
        var e = K.edgeById[eid], other = K.nodeById[g.out ? e.to : e.from], li = el("li");
        li.appendChild(edgeLink(eid, (other ? other.label : "?") + (e.alleged ? " (alleged)" : "")));
        li.appendChild(el("span", " " + K.plural(e.evidence.length, "statement") + (e.dates.length ? " · " + K.span(e.dates) : ""), "kg-meta"));
        list.appendChild(li);
      });
      if (g.edges.length > MAX_LISTED) list.appendChild(el("li", "… and " + (g.edges.length - MAX_LISTED) + " more", "kg-meta"));
      box.appendChild(list);
      info.appendChild(box);
    });
  };

  // Statements as a list by date: [{date, predicate, from, to, ev, edge}].
  function statementList(rows) {
    rows.sort(function (a, b) { return (a.date || "9999") < (b.date || "9999") ? -1 : (a.date || "9999") > (b.date || "9999") ? 1 : 0; });
    var list = el("ol", null, "kg-statements");
    rows.forEach(function (r) {
      var li = el("li"), ev = r.ev, meta = [r.date || "undated"];
      li.appendChild(el("div", r.what, "kg-meta"));
      li.appendChild(el("blockquote", ev.sentence));
      meta.push(ev.document);
      if (ev.source) meta.push(ev.source);
      var who = ev.asserted_by_label; // the asserter's label, never its key, when alleged
      if (ev.alleged) meta.push(who ? "alleged by " + who : "alleged");
      else if (ev.asserted_by) meta.push("according to " + (who || ev.asserted_by));
      if (ev.rule) meta.push("rule " + ev.rule);
      if (ev.confidence !== null && ev.confidence !== undefined) meta.push("confidence " + K.fmtConfidence(ev.confidence));
      li.appendChild(el("div", meta.join(" · "), "kg-meta"));
      if (r.edge) li.appendChild(edgeLink(r.edge, "this statement's edge"));
      list.appendChild(li);
    });
    return list;
  }

  function rowsOf(eid, what, withLink) {
    var e = K.edgeById[eid];
    return e.evidence.map(function (ev) { return { date: ev.date, ev: ev, what: what, edge: withLink ? eid : null }; });
  }

  K.showEdge = function (id) {
    if (K.aggById[id]) return K.showAggregate(id);
    var e = K.edgeById[id];
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
    field(dl, "confidence", K.fmtConfidence(e.confidence));
    field(dl, "documents", e.documents.length ? e.documents.join(", ") : "0");
    if (e.dates.length) field(dl, "dates", K.span(e.dates));
    info.appendChild(dl);
    info.appendChild(el("h2", "Evidence (" + e.evidence.length + ")"));
    info.appendChild(statementList(rowsOf(id, e.predicate, false)));
  };

  K.showAggregate = function (id) {
    var a = K.aggById[id], item = K.edges.get(id);
    var shown = K.aggregateShown(a, { edge: function (eid) { return true; }, event: function () { return !K.state.events; } });
    var from = K.nodeById[a.from], to = K.nodeById[a.to], rows = [];
    shown.edges.forEach(function (eid) {
      var e = K.edgeById[eid];
      rows = rows.concat(rowsOf(eid, K.nodeById[e.from].label + " " + e.predicate + " " + K.nodeById[e.to].label, true));
    });
    shown.events.forEach(function (m) {
      var ev = K.nodeById[m[0]], agent = K.edgeById[m[1]], target = K.edgeById[m[2]];
      var actor = agent.from === m[0] ? agent.to : agent.from;
      rows = rows.concat(rowsOf(m[2], ev.type + ": " + ev.label + " (" + K.nodeById[actor].label + " → " + K.nodeById[target.to].label + ")", true));
    });
    clear(info);
    info.appendChild(el("h2", "Relations: " + a.family));
    var h = el("h3");
    h.appendChild(nodeButton(a.from));
    h.appendChild(el("span", " — " + a.family + " — "));
    h.appendChild(nodeButton(a.to));
    info.appendChild(h);
    info.appendChild(el("p", K.plural(item ? item.count : rows.length, "statement") + " shown of " + a.members.length + (from && to ? "" : ""), "kg-meta"));
    info.appendChild(el("h2", "Statements by date (" + rows.length + ")"));
    info.appendChild(statementList(rows));
  };
})((window.kgView = window.kgView || {}));
