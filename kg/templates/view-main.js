// kg.view: start. Fill the data sets for the first view, make pyvis's network,
// settle it (bounded physics for small graphs), place labels, say it is ready.
(function (K) {
  "use strict";

  var data = K.data, byId = K.byId, c = data.corpus;
  var parts = [K.plural(c.documents, "document")];
  if (c.from) parts.push(c.from + (c.to !== c.from ? " – " + c.to : ""));
  if (c.sources.length) parts.push(c.sources.map(function (s) { return s[0] + " (" + s[1] + ")"; }).join(", "));
  byId("kg-corpus").textContent = parts.join(" · ");
  byId("kg-corpus").title = parts.join("\n");

  K.applyFilters({ initial: true });
  K.timings.datasets = performance.now();
  network = new vis.Network(byId("kg-network"), { nodes: K.nodes, edges: K.edges }, data.options);
  window.network = network;
  K.timings.network = performance.now();
  K.bindLabels();

  var status = byId("kg-status"), physicsBox = byId("kg-physics"), ready = false;
  function markReady() {
    if (ready) return;
    ready = true;
    if (physicsBox.checked) {
      network.setOptions({ physics: { enabled: false } });
      physicsBox.checked = false;
    }
    K.fit();
    K.refreshEdgeLabels(null);
    status.textContent = "";
    K.timings.ready = performance.now();
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
  byId("kg-fit").addEventListener("click", K.fit);

  network.on("click", function (params) {
    if (params.nodes.length) K.showNode(params.nodes[0]);
    else if (params.edges.length) K.showEdge(params.edges[0]);
    else K.showHelp();
  });
  K.showHelp();
})((window.kgView = window.kgView || {}));
