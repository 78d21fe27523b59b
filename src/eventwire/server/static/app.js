// eventwire dashboard: fetches the JSON API and draws with plotly.js. No build step, no CDN.
"use strict";
const QUAD = { 1: ["Verbal cooperation", "#2b8a3e"], 2: ["Material cooperation", "#1c7ed6"],
               3: ["Verbal conflict", "#f08c00"], 4: ["Material conflict", "#c92a2a"] };
const PLOT_CONFIG = { responsive: true, displaylogo: false, topojsonURL: "/geo/" };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v; else if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}
async function api(path) {
  const resp = await fetch(path);
  const body = await resp.json();
  if (!resp.ok) throw new Error(body.error ? body.error.message : resp.statusText);
  return body;
}
const codes = (actors) => actors.map((a) => a.code).join(", ") || "?";
const qs = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();

function seriesTraces(periods, withTone) {
  const x = periods.map((p) => p.period);
  const traces = [1, 2, 3, 4].map((q) => ({ type: "bar", name: QUAD[q][0], x, y: periods.map((p) => p["q" + q]),
    marker: { color: QUAD[q][1] } }));
  if (withTone) traces.push({ type: "scatter", mode: "lines+markers", name: "Goldstein mean", x,
    y: periods.map((p) => p.goldstein_mean), yaxis: "y2", line: { color: "#333" }, connectgaps: false });
  return traces;
}
function periodTicks(periods) {
  // Ticks on period starts, at most a dozen: plotly's automatic weekly ticks fall on Sundays, a
  // day before each bar's Monday.
  if (periods.length < 2) return { type: "date" };
  const spacing = Date.parse(periods[1].period) - Date.parse(periods[0].period);
  return { type: "date", tickmode: "linear", tick0: periods[0].period,
    dtick: spacing * Math.ceil(periods.length / 12) };
}
function drawSeries(div, periods, withTone) {
  // Legend above the plot: below it, it covers the year under the first date tick.
  const layout = { barmode: "stack", margin: { t: 30, r: 50, l: 40, b: 40 },
    legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom" },
    yaxis: { title: { text: "events" } },
    xaxis: periodTicks(periods) };
  if (withTone) layout.yaxis2 = { overlaying: "y", side: "right", range: [-10, 10], tickmode: "linear", dtick: 5, zeroline: false, showgrid: false, title: { text: "Goldstein" } };
  Plotly.react(div, seriesTraces(periods, withTone), layout, PLOT_CONFIG);
}

function alertItem(a) {
  const what = a.metric === "material_conflict"
    ? `${a.value} material-conflict events (baseline ${a.baseline_mean})`
    : `Goldstein mean ${a.value} (baseline ${a.baseline_mean})`;
  const link = el("a", { href: "/dyad?" + qs({ a: a.a, b: a.b }), text: `${a.a}–${a.b}` });
  return el("li", { class: "alert-item" }, el("strong", { text: a.period + " " }), link, ` ${what}, z = ${a.z}`);
}
function fillAlerts(list, alerts) {
  list.replaceChildren(...(alerts.length ? alerts.slice(0, 15).map(alertItem) : [el("li", { class: "muted", text: "No alerts." })]));
}

async function overview() {
  const [series, dyads, alerts] = await Promise.all([api("/series?factuality=asserted&interval=week"),
    api("/dyads?factuality=asserted&limit=12"), api("/alerts")]);
  drawSeries("series", series.periods, false);
  document.querySelector("#dyads tbody").replaceChildren(...dyads.dyads.map((d) => el("tr", {},
    el("td", {}, el("a", { href: "/dyad?" + qs({ a: d.a, b: d.b }), text: `${d.a}–${d.b}` })),
    el("td", { text: d.events }), el("td", { text: d.material_conflict }), el("td", { text: d.goldstein_mean ?? "" }))));
  fillAlerts(document.getElementById("alerts"), alerts.alerts);
}

function evidenceNode(ev) {
  const e = ev.evidence, s = e.sentence;
  const sentence = el("blockquote", {});
  if (e.trigger_start != null && e.trigger_start >= e.start && e.trigger_end <= e.end) {
    const a = e.trigger_start - e.start, b = e.trigger_end - e.start;
    sentence.append(s.slice(0, a), el("mark", { text: s.slice(a, b) }), s.slice(b));
  } else sentence.textContent = s;
  const where = ev.location ? ` · ${ev.location.name}` : "";
  return [el("p", {}, el("strong", { text: ev.event }), ` ${codes(ev.sources)} → ${codes(ev.targets)} · ${ev.factuality} · ${ev.day ?? ""}${where}`),
    sentence, el("p", {}, el("a", { href: `/article/${ev.article_id}#at-${e.start}`, text: "Open the article" }),
      ev.attribution ? ` · according to ${ev.attribution.text}` : "")];
}
function eventList(list, events, panel) {
  const items = events.map((ev) => {
    const button = el("button", { type: "button", class: `event-button q${ev.quad_class}`, "aria-pressed": "false",
      "data-event": ev.event_id }, el("strong", { text: ev.event }), ` ${ev.day ?? ""} ${codes(ev.sources)} → ${codes(ev.targets)}`);
    button.addEventListener("click", () => {
      list.querySelectorAll("[aria-pressed=true]").forEach((b) => b.setAttribute("aria-pressed", "false"));
      button.setAttribute("aria-pressed", "true");
      panel.classList.remove("muted");
      panel.replaceChildren(...evidenceNode(ev));
    });
    return el("li", {}, button);
  });
  list.replaceChildren(...(items.length ? items : [el("li", { class: "muted", text: "No events." })]));
}
function drawMap(div, events) {
  const located = events.filter((e) => e.location && e.location.lat != null);
  const trace = { type: "scattergeo", mode: "markers", lat: located.map((e) => e.location.lat),
    lon: located.map((e) => e.location.lon), text: located.map((e) => `${e.event} · ${e.location.name}`),
    marker: { size: 9, color: located.map((e) => QUAD[e.quad_class] ? QUAD[e.quad_class][1] : "#555") } };
  Plotly.react(div, [trace], { margin: { t: 0, r: 0, l: 0, b: 0 },
    geo: { showcountries: true, projection: { type: "natural earth" }, fitbounds: located.length ? "locations" : false } }, PLOT_CONFIG);
}

async function loadCountries() {
  const { countries } = await api("/countries");
  document.getElementById("countries").replaceChildren(...countries.map((c) => el("option", { value: c })));
  return countries;
}
function pickerValues() {
  return { a: document.getElementById("side-a").value.trim().toUpperCase(),
           b: document.getElementById("side-b").value.trim().toUpperCase() };
}
async function defaultDyad() {
  const { dyads } = await api("/dyads?limit=1");
  return dyads.length ? { a: dyads[0].a, b: dyads[0].b } : null;
}

async function dyadPage() {
  loadCountries();
  const form = document.getElementById("dyad-form"), status = document.getElementById("dyad-status");
  async function show() {
    const { a, b } = pickerValues();
    if (!a || !b) return;
    history.replaceState(null, "", "/dyad?" + qs({ a, b }));
    const interval = document.getElementById("interval").value, factuality = document.getElementById("factuality").value;
    status.textContent = `Loading ${a}–${b}…`;
    try {
      const path = (x) => encodeURIComponent(x);
      const [series, events, alerts] = await Promise.all([
        api(`/dyads/${path(a)}/${path(b)}/series?` + qs({ interval, factuality })),
        api("/events?" + qs({ dyad: `${a},${b}`, limit: 200, factuality: factuality })),
        api("/alerts?" + qs({ dyad: `${a},${b}`, interval }))]);
      drawSeries("series", series.periods, true);
      eventList(document.getElementById("events"), events.events, document.getElementById("evidence"));
      fillAlerts(document.getElementById("alerts"), alerts.alerts);
      drawMap("map", events.events);
      status.textContent = `${a}–${b}: ${events.count} events${events.next_cursor ? " (first 200)" : ""}.`;
    } catch (err) { status.textContent = "Error: " + err.message; }
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); show(); });
  if (!pickerValues().a) {
    const d = await defaultDyad();
    if (d) { document.getElementById("side-a").value = d.a; document.getElementById("side-b").value = d.b; }
  }
  show();
}

function roundNode(r, i) {
  const venue = r.venue ? r.venue.name : "venue not reported";
  const mediators = r.mediators.map((m) => m.name).join(", ");
  const mediated = r.mediation && !r.modes.includes(r.mediation.mode) ? `${r.mediation.mode} mediation` : "";
  const facts = [r.modes.join(", ") || mediated || "direct", mediators && `mediator: ${mediators}`, r.host && `host: ${r.host}`,
    r.factuality.join("/")].filter(Boolean).join(" · ");
  // The mediation sentence is often the CONSULT sentence listed just below: show it once.
  const consulted = new Set(r.consults.map((c) => c.evidence.sentence));
  const mediation = r.mediation && r.mediation.evidence.length && !consulted.has(r.mediation.evidence[0].sentence)
    ? el("p", {}, el("span", { class: "kind", text: "mediation" }), el("q", { text: r.mediation.evidence[0].sentence }))
    : "";
  const topics = el("ul", { class: "plain" }, ...(r.agenda || []).map((t) => el("li", {},
    el("span", { class: "kind", text: t.topic }), ...t.evidence.slice(0, 2).map((e) => el("q", { text: e.sentence })))));
  const consults = el("ul", {}, ...r.consults.map((c) => el("li", {}, el("q", { text: c.evidence.sentence }), " ",
    el("a", { href: `/article/${c.article_id}#at-${c.evidence.start}`, text: "article" }))));
  const items = el("ul", { class: "plain" }, ...(r.items.length ? r.items.map((it) => el("li", {},
    el("span", { class: "kind", text: it.kind }), `${it.sources.join(", ") || "?"} → ${it.targets.join(", ") || "—"} (${it.factuality}): `,
    el("q", { text: it.evidence.sentence }))) : [el("li", { class: "muted", text: "No agenda items coded." })]));
  return el("section", { class: "round", "aria-labelledby": `round-${i}` },
    el("h2", { id: `round-${i}`, text: `Round ${i + 1}: ${r.date ?? "date unknown"}, ${venue}` }),
    el("p", { class: "muted", text: facts }), mediation, consults, el("h3", { text: "Agenda topics" }), topics,
    el("h3", { text: "Demands, concessions, agreements" }), items);
}
function dateRange(dates) {
  // A single round would otherwise get an axis spanning milliseconds: pad by two weeks.
  const known = dates.filter(Boolean).map((d) => Date.parse(d)).sort((a, b) => a - b);
  if (!known.length) return undefined;
  const pad = 14 * 86400000;
  return [new Date(known[0] - pad).toISOString().slice(0, 10), new Date(known[known.length - 1] + pad).toISOString().slice(0, 10)];
}
async function talksPage() {
  loadCountries();
  const form = document.getElementById("dyad-form"), status = document.getElementById("talks-status");
  async function show() {
    const { a, b } = pickerValues();
    if (!a || !b) return;
    history.replaceState(null, "", "/talks?" + qs({ a, b }));
    try {
      const data = await api(`/talks/${encodeURIComponent(a)}/${encodeURIComponent(b)}`);
      status.textContent = `${a}–${b}: ${data.rounds.length} round(s) of talks.`;
      document.getElementById("rounds").replaceChildren(...data.rounds.map(roundNode));
      Plotly.react("timeline", [{ type: "scatter", mode: "markers+text", x: data.rounds.map((r) => r.date),
        y: data.rounds.map((r) => r.items.length), text: data.rounds.map((r) => r.venue ? r.venue.name : ""),
        textposition: "top center", marker: { size: 14, color: "#1c7ed6" } }],
        // Headroom above the busiest round, or its venue label is cut off at the top.
        { margin: { t: 20, r: 20, l: 40, b: 40 }, yaxis: { title: { text: "agenda items" },
          range: [0, Math.max(1, ...data.rounds.map((r) => r.items.length)) * 1.3] },
          xaxis: { type: "date", tickformat: "%Y-%m-%d", range: dateRange(data.rounds.map((r) => r.date)) } }, PLOT_CONFIG);
    } catch (err) { status.textContent = "Error: " + err.message; }
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); show(); });
  if (!pickerValues().a) {
    const d = await defaultDyad();
    if (d) { document.getElementById("side-a").value = d.a; document.getElementById("side-b").value = d.b; }
  }
  show();
}

async function networkPage() {
  const { edges } = await api("/network?factuality=asserted&limit=400");
  const names = [...new Set(edges.flatMap((e) => [e.source, e.target]))].sort();
  const z = names.map((s) => names.map((t) => { const e = edges.find((x) => x.source === s && x.target === t); return e ? e.events : null; }));
  // Light to dark with the count: plotly's named "Blues" runs dark to light, which made the
  // strongest tie the palest cell.
  Plotly.react("matrix", [{ type: "heatmap", x: names, y: names, z, colorscale: [[0, "#a5d8ff"], [1, "#0b3d91"]], hoverongaps: false,
    hovertemplate: "%{y} → %{x}: %{z} events<extra></extra>" }],
    { margin: { t: 10, r: 10, l: 60, b: 60 }, yaxis: { autorange: "reversed", title: { text: "source" } }, xaxis: { title: { text: "target" } } }, PLOT_CONFIG);
  document.querySelector("#edges tbody").replaceChildren(...edges.slice(0, 50).map((e) => el("tr", {},
    el("td", { text: e.source }), el("td", { text: e.target }), el("td", { text: e.events }), el("td", { text: e.goldstein_mean ?? "" }))));
}

function articlePage() {
  const marks = [...document.querySelectorAll("#article-text mark")];
  function select(eventId) {
    marks.forEach((m) => m.classList.toggle("active", m.dataset.events.split(" ").includes(eventId)));
    document.querySelectorAll(".event-button").forEach((b) => b.setAttribute("aria-pressed", String(b.parentElement.dataset.event === eventId)));
    const first = marks.find((m) => m.classList.contains("active"));
    if (first) first.scrollIntoView({ block: "center" });
  }
  document.querySelectorAll("#article-events li[data-event] .event-button").forEach((b) =>
    b.addEventListener("click", () => select(b.parentElement.dataset.event)));
  marks.forEach((m) => {
    const pick = () => { const id = m.dataset.events.split(" ")[0]; select(id); document.getElementById("ev-" + id).scrollIntoView({ block: "nearest" }); };
    m.addEventListener("click", pick);
    m.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
  });
}

const PAGES = { overview, dyad: dyadPage, talks: talksPage, network: networkPage, article: articlePage };
document.addEventListener("DOMContentLoaded", () => {
  const page = PAGES[document.body.dataset.page];
  if (page) Promise.resolve(page()).catch((err) => console.error(err));
});
