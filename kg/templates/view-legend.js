// kg.view: the legend, whose entries are filters, and the view's switches.
(function (K) {
  "use strict";

  var data = K.data, el = K.el, byId = K.byId, state = K.state, SVG = "http://www.w3.org/2000/svg";

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
      [["x", "1"], ["y", "1"], ["width", "12"], ["height", "12"]].forEach(function (a) { item.setAttribute(a[0], a[1]); });
    } else {
      item = document.createElementNS(SVG, "circle");
      [["cx", "7"], ["cy", "7"], ["r", "6"]].forEach(function (a) { item.setAttribute(a[0], a[1]); });
    }
    item.setAttribute("fill", color);
    svg.appendChild(item);
    return svg;
  }
  K.shapeSwatch = shapeSwatch;

  function line(color, className) {
    var swatch = el("span", null, "kg-swatch-line" + (className ? " " + className : ""));
    if (color) swatch.style.borderTopColor = color;
    return swatch;
  }

  function legendItem(group, entry, swatch) {
    var li = el("li"), label = el("label");
    if (group) {
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = entry.name;
      box.setAttribute({ relations: "data-relation", types: "data-type" }[group] || "data-statement", entry.name);
      box.addEventListener("change", function () {
        if (box.checked) state[group].add(entry.name);
        else state[group].delete(entry.name);
        K.applyFilters();
      });
      label.appendChild(box);
    }
    label.appendChild(swatch);
    var name = el("span", entry.name, "kg-name");
    name.title = entry.name;
    label.appendChild(name);
    if (entry.count !== undefined) label.appendChild(el("span", entry.count, "kg-count"));
    li.appendChild(label);
    return li;
  }

  var relationList = byId("kg-relations");
  data.legend.relations.forEach(function (r) {
    var swatch = line(r.color, r.symmetric ? "kg-symmetric" : "");
    swatch.title = r.symmetric ? "symmetric: no arrow" : "directed";
    relationList.appendChild(legendItem("relations", r, swatch));
  });
  if (data.legend.alleged && data.legend.alleged.count) {
    var dashed = line(null, "kg-alleged");
    dashed.title = "dashed: alleged by someone, reported as done by no document";
    byId("kg-statements").appendChild(
      legendItem("statements", { name: "alleged", count: data.legend.alleged.count }, dashed));
    byId("kg-statements-section").hidden = false;
  }
  var typeList = byId("kg-types");
  data.legend.classes.forEach(function (c) {
    typeList.appendChild(legendItem("types", c, shapeSwatch(c.shape, c.color)));
  });
  var used = new Set(data.aggregates.map(function (a) { return a.family; }));
  var families = byId("kg-families");
  data.families.forEach(function (f) {
    if (used.has(f.name)) families.appendChild(legendItem(null, f, line(f.color)));
  });
  if (data.blocs.length) {
    var blocList = byId("kg-blocs");
    data.blocs.forEach(function (b) {
      blocList.appendChild(legendItem(null, { name: b.name, count: b.size }, shapeSwatch("dot", b.color)));
    });
    byId("kg-blocs-section").hidden = false;
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-bulk]"), function (button) {
    button.addEventListener("click", function () {
      var group = button.getAttribute("data-bulk"), on = button.getAttribute("data-value") === "1";
      var list = group === "relations" ? relationList : typeList;
      Array.prototype.forEach.call(list.querySelectorAll("input[type=checkbox]"), function (box) {
        box.checked = on;
        if (on) state[group].add(box.value);
        else state[group].delete(box.value);
      });
      K.applyFilters();
    });
  });

  // The view's switches: each is a state flag.
  [["kg-aggregate", "aggregate"], ["kg-events", "events"], ["kg-all", "all"],
   ["kg-bloc-colors", "blocColors"], ["kg-keep-isolated", "keepIsolated"]].forEach(function (pair) {
    var box = byId(pair[0]);
    box.checked = state[pair[1]];
    box.addEventListener("change", function () {
      state[pair[1]] = box.checked;
      byId("kg-events").disabled = !state.aggregate;
      K.applyFilters();
    });
  });
  byId("kg-events").disabled = !state.aggregate;
  byId("kg-all-row").title = "Show every actor, not only the " + data.overviewActors + " most important";
  byId("kg-bloc-colors").disabled = !data.blocs.length;

  var confidence = byId("kg-confidence"), confidenceValue = byId("kg-confidence-value");
  confidence.addEventListener("input", function () {
    state.minConfidence = Number(confidence.value);
    confidenceValue.textContent = state.minConfidence.toFixed(2);
    K.applyFilters();
  });
  var minDocs = byId("kg-min-docs");
  minDocs.addEventListener("change", function () {
    state.minDocuments = Math.max(1, Math.floor(Number(minDocs.value)) || 1);
    K.applyFilters();
  });
})((window.kgView = window.kgView || {}));
