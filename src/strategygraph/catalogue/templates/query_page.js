// The query page of `strategygraph serve`: pick a catalogue query (its parameters filled in by the endpoint,
// /catalogue), edit, run against /query. Every text from data or from the endpoint goes through textContent.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const t = data.text;
  const $ = (id) => document.getElementById(id);
  const queryUrl = window.location.origin + "/query";
  const ownQuery = data.prefixes + "\nSELECT ?s ?p ?o WHERE {\n  ?s ?p ?o\n}\nLIMIT 25\n";

  function element(tag, textValue, attributes) {
    const made = document.createElement(tag);
    if (textValue !== undefined && textValue !== null) made.textContent = textValue;
    for (const [name, value] of Object.entries(attributes || {})) made.setAttribute(name, value);
    return made;
  }

  function setStatus(message, isError) {
    $("status").textContent = message;
    $("status").className = isError ? "error" : "";
  }

  $("endpoint").append(t.endpoint + " ", element("code", queryUrl), " · ",
    element("a", t.yasgui, { href: "/yasgui" }));
  $("catalogue-label").textContent = t.catalogue;
  $("parameters-legend").textContent = t.parameters;
  $("run").textContent = t.run;
  const picker = $("catalogue");
  picker.append(element("option", t.own_query, { value: "" }));
  for (const entry of data.catalogue) {
    picker.append(element("option", entry.title, { value: entry.name, title: entry.name }));
  }

  function chosen() {
    return data.catalogue.find((entry) => entry.name === picker.value);
  }

  function parameterInput(parameter) {
    const id = "parameter-" + parameter.name;
    const choices = data.choices[parameter.kind];
    let input;
    if (parameter.name === "lang") {
      input = element("select", null, { id: id });
      for (const lang of ["da", "en"]) input.append(element("option", lang, { value: lang }));
      input.value = data.lang;
    } else if (choices) {
      input = element("select", null, { id: id });
      if (parameter.optional || parameter.default === null) input.append(element("option", t.all, { value: "" }));
      for (const choice of choices) input.append(element("option", choice.label, { value: choice.value }));
    } else {
      input = element("input", null, { id: id, type: parameter.kind === "integer" ? "number" : "text" });
      input.value = parameter.default || "";
    }
    input.dataset.parameter = parameter.name;
    input.addEventListener("change", compose);
    return [element("label", parameter.name, { for: id }), input, element("small", parameter.description)];
  }

  function showQuery() {
    const entry = chosen();
    const fieldset = $("parameters");
    fieldset.replaceChildren($("parameters-legend"));
    $("description").textContent = entry ? entry.description : "";
    fieldset.hidden = !entry || entry.parameters.length === 0;
    if (!entry) {
      $("query").value = ownQuery;
      return;
    }
    for (const parameter of entry.parameters) fieldset.append(...parameterInput(parameter));
    compose();
  }

  let composed = null; // the text the endpoint composed for the chosen catalogue query, until the user edits it

  async function compose() {
    const entry = chosen();
    if (!entry) return;
    const parameters = new URLSearchParams({ name: entry.name });
    for (const input of $("parameters").querySelectorAll("[data-parameter]")) {
      parameters.append(input.dataset.parameter, input.value);
    }
    const response = await fetch("/catalogue?" + parameters.toString());
    const body = await response.text();
    if (response.ok) {
      $("query").value = body;
      composed = body;
      setStatus("", false);
    } else {
      setStatus(t.error + " " + body.trim(), true);
    }
  }

  function shortIri(iri) {
    for (const [prefix, namespace] of data.namespaces) {
      if (iri.startsWith(namespace) && iri.length > namespace.length) return prefix + ":" + iri.slice(namespace.length);
    }
    return iri;
  }

  function cell(term) {
    if (!term) return element("td", "");
    return term.type === "uri" ? element("td", shortIri(term.value), { title: term.value }) : element("td", term.value);
  }

  function showResults(result) {
    const area = $("results");
    area.replaceChildren();
    if (typeof result.boolean === "boolean") {
      area.append(element("p", String(result.boolean)));
      setStatus("", false);
      return;
    }
    const variables = result.head.vars;
    const entry = chosen();
    const titles = entry && $("query").value === composed ? entry.columns : {};
    const table = element("table");
    const head = element("tr");
    for (const variable of variables) head.append(element("th", titles[variable] || variable, { title: variable }));
    table.append(element("thead"));
    table.tHead.append(head);
    const body = element("tbody");
    for (const binding of result.results.bindings) {
      const row = element("tr");
      for (const variable of variables) row.append(cell(binding[variable]));
      body.append(row);
    }
    table.append(body);
    area.append(table);
    setStatus(t.rows.replace("{rows}", String(result.results.bindings.length)), false);
  }

  async function run() {
    setStatus(t.running, false);
    $("run").disabled = true;
    try {
      const response = await fetch("/query", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" },
        body: new URLSearchParams({ query: $("query").value }).toString(),
      });
      if (!response.ok) {
        setStatus(t.error + " " + (await response.text()).trim().slice(0, 500), true);
        return;
      }
      showResults(await response.json());
    } catch (failure) {
      setStatus(t.error + " " + String(failure), true);
    } finally {
      $("run").disabled = false;
    }
  }

  picker.addEventListener("change", showQuery);
  $("run").addEventListener("click", run);
  picker.value = data.catalogue.length ? data.catalogue[0].name : "";
  showQuery();
  window.strategyQueryPage = { ready: true };
})();
