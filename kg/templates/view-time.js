// kg.view: time. A histogram of dated statements per week or month, two
// sliders over its bins and the from/to date fields; moving either filters.
(function (K) {
  "use strict";

  var data = K.data, byId = K.byId, state = K.state, SVG = "http://www.w3.org/2000/svg";
  var bins = data.histogram.bins, bars = [];
  var dateFrom = byId("kg-date-from"), dateTo = byId("kg-date-to"), undated = byId("kg-undated");
  var rangeFrom = byId("kg-range-from"), rangeTo = byId("kg-range-to"), rangeText = byId("kg-range-text");

  if (!data.dates.min) {
    byId("kg-dates-section").hidden = true;
  } else {
    [dateFrom, dateTo].forEach(function (input) {
      input.min = data.dates.min;
      input.max = data.dates.max;
    });
    dateFrom.value = data.dates.min;
    dateTo.value = data.dates.max;
  }

  function drawHistogram() {
    var box = byId("kg-histogram");
    if (!bins.length) {
      rangeFrom.hidden = rangeTo.hidden = true;
      return;
    }
    var svg = document.createElementNS(SVG, "svg"), top = 1, w = 200 / bins.length;
    svg.setAttribute("viewBox", "0 0 200 40");
    svg.setAttribute("preserveAspectRatio", "none");
    bins.forEach(function (b) { top = Math.max(top, b[2]); });
    bins.forEach(function (b, i) {
      var rect = document.createElementNS(SVG, "rect"), h = b[2] ? Math.max(1.5, (38 * b[2]) / top) : 0;
      rect.setAttribute("x", String(i * w + 0.5));
      rect.setAttribute("width", String(Math.max(w - 1, 0.5)));
      rect.setAttribute("y", String(40 - h));
      rect.setAttribute("height", String(h));
      var tip = document.createElementNS(SVG, "title");
      tip.textContent = b[0] + " – " + b[1] + ": " + K.plural(b[2], "statement");
      rect.appendChild(tip);
      svg.appendChild(rect);
      bars.push(rect);
    });
    box.appendChild(svg);
    [rangeFrom, rangeTo].forEach(function (r) { r.max = String(bins.length - 1); });
    rangeTo.value = String(bins.length - 1);
  }

  // Mark the bins in the date range and say what it is.
  function showRange() {
    var shown = 0;
    bins.forEach(function (b, i) {
      var on = (!state.from || b[1] >= state.from) && (!state.to || b[0] <= state.to);
      bars[i].setAttribute("class", on ? "kg-on" : "");
      if (on) shown += b[2];
    });
    if (bins.length) {
      rangeText.textContent = (state.from || bins[0][0]) + " – " + (state.to || bins[bins.length - 1][1]) +
        " · " + K.plural(shown, "statement") + " (per " + data.histogram.unit + ")";
    }
  }

  var timer = null;
  function fromSliders(now) {
    var a = Number(rangeFrom.value), b = Number(rangeTo.value);
    if (a > b) { var t = a; a = b; b = t; }
    state.from = a === 0 && data.dates.min < bins[0][0] ? data.dates.min : bins[a][0];
    state.to = b === bins.length - 1 && data.dates.max > bins[b][1] ? data.dates.max : bins[b][1];
    dateFrom.value = state.from;
    dateTo.value = state.to;
    showRange();
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () { timer = null; K.applyFilters(); }, now ? 0 : 150);
  }
  [rangeFrom, rangeTo].forEach(function (r) {
    r.addEventListener("input", function () { fromSliders(false); });
    r.addEventListener("change", function () { fromSliders(true); });
  });
  dateFrom.addEventListener("change", function () { state.from = dateFrom.value; showRange(); K.applyFilters(); });
  dateTo.addEventListener("change", function () { state.to = dateTo.value; showRange(); K.applyFilters(); });
  undated.addEventListener("change", function () { state.undated = undated.checked; K.applyFilters(); });

  drawHistogram();
  if (bins.length) showRange();
  K.showRange = showRange;
})((window.kgView = window.kgView || {}));
