// strategygraph view: network, search, filters and details panel. Every data text is set with textContent.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("view-data").textContent);
  var T = data.text;
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var state = {
    stabilised: false,
    stabilisedAfterMs: null,
    focused: null,
    panel: null,
    animating: false,
    fitting: false, // a refit after a resize is pending
    fits: 0, // how many times the drawing was fitted to the canvas
    userView: false, // the user zoomed, panned or focused a node: a resize keeps their view
  };
  var started = performance.now();
  var network = new vis.Network(document.getElementById("network"), { nodes: nodes, edges: edges }, data.options);
  var progress = document.getElementById("progress");

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = text;
    return element;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return String(values[key]);
    });
  }

  // --- layout: seeded, a fixed number of iterations, then physics stops --------------------------------

  // --- zoom: the drawing fills its canvas (vis-network's own fit never magnifies beyond 1) ----------------

  var FIT_MAX = 3; // a small graph is magnified up to this to fill the canvas
  var zoomLimits = { min: 0.02, max: 4 }; // the user's zoom stays between these (min: half the fitted scale)

  function fit() {
    if (data.nodes.length === 0) return;
    network.fit({ maxZoomLevel: FIT_MAX, animation: false });
    var scale = network.getScale();
    zoomLimits.min = Math.min(scale / 2, 0.5);
    zoomLimits.max = Math.max(4, scale);
    state.fits += 1;
  }

  network.on("zoom", function () {
    state.userView = true;
    var scale = network.getScale();
    if (scale > zoomLimits.max || scale < zoomLimits.min) {
      network.moveTo({ scale: Math.min(zoomLimits.max, Math.max(zoomLimits.min, scale)) });
    }
  });
  network.on("dragEnd", function (params) {
    if (!params.nodes.length) state.userView = true; // the user panned
  });
  network.on("resize", function () {
    if (!state.stabilised || state.userView || state.fitting) return;
    state.fitting = true;
    window.requestAnimationFrame(function () {
      fit();
      state.fitting = false;
    });
  });

  function stabilised() {
    if (state.stabilised) return;
    network.setOptions({ physics: { enabled: false } });
    fit();
    state.stabilised = true;
    state.stabilisedAfterMs = performance.now() - started;
    progress.textContent = "";
  }
  network.on("stabilizationProgress", function (p) {
    progress.textContent = format(T.layout_progress, { percent: Math.round((100 * p.iterations) / p.total) });
  });
  network.once("stabilizationIterationsDone", stabilised);
  if (data.nodes.length === 0) stabilised();

  // --- details panel -----------------------------------------------------------------------------------

  var details = document.getElementById("details");

  function quoteElement(text, marks) {
    var block = el("blockquote");
    var at = 0;
    marks.forEach(function (span) {
      if (span[0] > at) block.appendChild(document.createTextNode(text.slice(at, span[0])));
      block.appendChild(el("mark", null, text.slice(span[0], span[1])));
      at = span[1];
    });
    if (at < text.length) block.appendChild(document.createTextNode(text.slice(at)));
    return block;
  }

  function itemElements(items) {
    return items.map(itemElement);
  }

  function itemElement(item) {
    var li = el("li");
    if (item.more) {
      // "… og 1 til" is a button: it puts the items it stands for in its place
      var more = el("button", "more", item.text);
      more.type = "button";
      more.setAttribute("aria-expanded", "false");
      more.addEventListener("click", function () {
        var revealed = itemElements(item.more);
        li.replaceWith.apply(li, revealed);
        var first = revealed[0] && revealed[0].querySelector("button");
        if (first) first.focus();
      });
      li.appendChild(more);
      return li;
    }
    if (item.unit) {
      var unit = data.units[item.unit];
      li.appendChild(quoteElement(unit.text, item.marks));
      var where = item.note ? item.note + " · " + unit.position : unit.position;
      li.appendChild(el("span", "note", where));
      return li;
    }
    var main;
    if (item.node) {
      main = el("button", "link", item.text);
      main.type = "button";
      main.addEventListener("click", function () {
        focusNode(item.node);
      });
    } else {
      main = el("span", null, item.text);
    }
    li.appendChild(main);
    if (item.note) li.appendChild(el("span", "note", item.note));
    return li;
  }

  function showPanel(id) {
    var panel = data.panels[id];
    if (!panel) return hidePanel();
    details.querySelector(".kind").textContent = panel.kind;
    details.querySelector(".label").textContent = panel.label;
    var facts = details.querySelector(".facts");
    var sections = details.querySelector(".sections");
    facts.replaceChildren();
    sections.replaceChildren();
    panel.facts.forEach(function (fact) {
      facts.appendChild(el("dt", null, fact[0]));
      facts.appendChild(el("dd", null, fact[1]));
    });
    panel.sections.forEach(function (section) {
      sections.appendChild(el("h3", null, section.heading));
      var list = el("ul");
      itemElements(section.items).forEach(function (li) {
        list.appendChild(li);
      });
      sections.appendChild(list);
    });
    var opening = details.hidden;
    details.hidden = false;
    details.scrollTop = 0;
    state.panel = id;
    if (opening) resized();
  }

  function hidePanel() {
    if (details.hidden) return;
    details.hidden = true;
    state.panel = null;
    resized();
  }

  // the docked panel narrows or widens the canvas: vis-network redraws at the new size at once
  function resized() {
    network.setSize("100%", "100%");
    network.redraw();
  }

  document.getElementById("details-close").addEventListener("click", function () {
    network.unselectAll();
    hidePanel();
  });
  network.on("click", function (params) {
    if (params.nodes.length) {
      showPanel(params.nodes[0]);
      revealNode(params.nodes[0]);
    } else if (params.edges.length) showPanel(params.edges[0]);
    else hidePanel();
  });

  // --- filters: node types and pillar --------------------------------------------------------------------

  var typeBoxes = Array.prototype.slice.call(document.querySelectorAll("input[data-type]"));
  var pillarFilter = document.getElementById("pillar-filter");

  function visible(node) {
    var typeOn = typeBoxes.every(function (box) {
      return box.dataset.type !== node.type || box.checked;
    });
    var pillar = pillarFilter ? pillarFilter.value : "";
    return typeOn && (!pillar || node.pillars.indexOf(pillar) >= 0);
  }

  function applyFilters() {
    var shown = 0;
    nodes.update(
      data.nodes.map(function (node) {
        var on = visible(node);
        if (on) shown += 1;
        return { id: node.id, hidden: !on };
      })
    );
    document.getElementById("shown").textContent = format(T.shown, { shown: shown, total: data.nodes.length });
    document.getElementById("empty").hidden = shown > 0 || data.nodes.length === 0;
    if (state.panel && nodes.get(state.panel) && nodes.get(state.panel).hidden) hidePanel();
  }

  function resetFilters() {
    typeBoxes.forEach(function (box) {
      box.checked = true;
    });
    if (pillarFilter) pillarFilter.value = "";
    applyFilters();
  }

  typeBoxes.forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  if (pillarFilter) pillarFilter.addEventListener("change", applyFilters);
  applyFilters();

  // --- edge filters: a minimum weight and each committee's strongest N overlaps ---------------------------

  var minWeight = document.getElementById("min-weight");
  var strongest = document.getElementById("strongest");
  var overlapEdges = data.edges.filter(function (edge) {
    return typeof edge.weight === "number";
  }); // strongest first: the order of the overlaps, ties already broken

  function number(value) {
    var shown = value.toFixed(data.number.digits);
    return data.number.comma ? shown.replace(".", ",") : shown;
  }

  function applyEdgeFilters() {
    if (!minWeight) return;
    var least = parseFloat(minWeight.value);
    var most = parseInt(strongest.value, 10); // 0: all
    var taken = {};
    var shown = 0;
    var updates = overlapEdges.map(function (edge) {
      var on = edge.weight >= least - 1e-9;
      if (on && most) {
        var kept = (taken[edge.from] || 0) < most || (taken[edge.to] || 0) < most;
        taken[edge.from] = (taken[edge.from] || 0) + 1;
        taken[edge.to] = (taken[edge.to] || 0) + 1;
        on = kept;
      }
      if (on) shown += 1;
      return { id: edge.id, hidden: !on };
    });
    edges.update(updates);
    document.getElementById("min-weight-label").textContent = format(T.min_weight, { weight: number(least) });
    document.getElementById("edges-shown").textContent = format(T.edges_shown, {
      shown: shown,
      total: overlapEdges.length,
    });
    if (state.panel && edges.get(state.panel) && edges.get(state.panel).hidden) hidePanel();
  }

  if (minWeight) {
    minWeight.addEventListener("input", applyEdgeFilters);
    strongest.addEventListener("change", applyEdgeFilters);
    applyEdgeFilters();
  }

  // --- search: by label (and other names), Danish letters, case-insensitive -------------------------------

  function fold(value) {
    return value.normalize("NFC").toLocaleLowerCase("da");
  }

  var index = data.nodes.map(function (node) {
    return {
      id: node.id,
      label: node.name,
      type: node.type,
      names: [node.name].concat(node.aliases || []).map(fold),
    };
  });

  function search(query) {
    var q = fold(query.trim());
    if (!q) return [];
    function score(entry) {
      var best = 4;
      entry.names.forEach(function (name) {
        if (name === q) best = Math.min(best, 0);
        else if (name.indexOf(q) === 0) best = Math.min(best, 1);
        else if (name.indexOf(q) > 0) best = Math.min(best, 2);
      });
      if (best === 4 && fold(entry.id).indexOf(q) >= 0) best = 3;
      return best;
    }
    return index
      .map(function (entry) {
        return { entry: entry, score: score(entry) };
      })
      .filter(function (hit) {
        return hit.score < 4;
      })
      .sort(function (a, b) {
        return a.score - b.score || a.entry.label.localeCompare(b.entry.label, "da");
      })
      .map(function (hit) {
        return hit.entry;
      });
  }

  // centre a node on the canvas (the docked details panel never covers it)
  function centre(id, scale) {
    state.animating = true;
    network.once("animationFinished", function () {
      state.animating = false;
    });
    network.focus(id, {
      scale: scale,
      animation: { duration: 350, easingFunction: "easeInOutQuad" },
    });
  }

  // a node the narrowed canvas no longer shows is brought back into view
  function revealNode(id) {
    var point = network.canvasToDOM(network.getPositions([id])[id]);
    var box = document.getElementById("network");
    var margin = 40;
    var inside =
      point.x > margin && point.y > margin && point.x < box.clientWidth - margin && point.y < box.clientHeight - margin;
    if (!inside) centre(id, network.getScale());
  }

  function focusNode(id) {
    var node = nodes.get(id);
    if (!node) return;
    if (node.hidden) resetFilters();
    state.focused = id;
    state.userView = true; // before the panel opens: the narrower canvas is not refitted over the focus
    network.selectNodes([id]);
    showPanel(id);
    centre(id, Math.max(network.getScale(), 1.1));
  }

  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var typeNames = {};
  typeBoxes.forEach(function (box) {
    typeNames[box.dataset.type] = box.parentNode.textContent.replace(/\s*\(\d+\)\s*$/, "").trim();
  });

  // themes the view does not draw, and why; the group reflections, by their words
  function hintsFor(query) {
    var q = fold(query.trim());
    if (!q) return [];
    return data.hints
      .filter(function (hint) {
        return hint.names.some(function (name) {
          return fold(name).indexOf(q) >= 0;
        });
      })
      .map(function (hint) {
        return hint.hint;
      });
  }

  function reflectionsFor(query) {
    var q = fold(query.trim());
    if (!q) return [];
    return data.reflections.filter(function (key) {
      return fold(data.units[key].text).indexOf(q) >= 0;
    });
  }

  function excerpt(text, query) {
    var at = fold(text).indexOf(fold(query.trim()));
    var start = Math.max(0, at - 30);
    var end = Math.min(text.length, at + query.trim().length + 50);
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function listResults() {
    results.replaceChildren();
    if (!input.value.trim()) return;
    var hits = search(input.value);
    var hints = hintsFor(input.value);
    var found = reflectionsFor(input.value);
    if (!hits.length && !found.length) results.appendChild(el("li", "none", T.no_match));
    hits.slice(0, 12).forEach(function (hit) {
      var li = el("li");
      var button = el("button", null, hit.label);
      button.type = "button";
      button.appendChild(el("span", "type", typeNames[hit.type] || hit.type));
      button.addEventListener("click", function () {
        focusNode(hit.id);
      });
      li.appendChild(button);
      results.appendChild(li);
    });
    if (hits.length > 12) results.appendChild(el("li", "none", format(T.and_more, { count: hits.length - 12 })));
    hints.slice(0, 5).forEach(function (hint) {
      results.appendChild(el("li", "hint", hint));
    });
    found.slice(0, 12).forEach(function (key) {
      var li = el("li");
      var button = el("button", "reflection", data.units[key].position);
      button.type = "button";
      button.appendChild(el("span", "quote", excerpt(data.units[key].text, input.value)));
      button.addEventListener("click", function () {
        network.unselectAll();
        showPanel("unit:" + key);
      });
      li.appendChild(button);
      results.appendChild(li);
    });
    if (found.length > 12) results.appendChild(el("li", "none", format(T.and_more, { count: found.length - 12 })));
  }

  input.addEventListener("input", listResults);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var hits = search(input.value);
      var found = reflectionsFor(input.value);
      if (hits.length) focusNode(hits[0].id);
      else if (found.length) showPanel("unit:" + found[0]);
    }
  });

  window.strategyView = {
    network: network,
    nodes: nodes,
    edges: edges,
    state: state,
    search: search,
    focusNode: focusNode,
    showPanel: showPanel,
    zoomLimits: zoomLimits,
    fit: fit,
    applyEdgeFilters: applyEdgeFilters,
  };
})();
