// parley web UI: plain JavaScript, no build step, no third-party code.
// Every value from the API is put in the page as text (textContent), never
// as HTML.
"use strict";

const main = document.getElementById("main");
const tooltip = document.getElementById("tooltip");

// h builds an element: h("a", {href: "#/"}, "text", child, …).
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "style") el.style.cssText = v; // CSSOM: allowed by the page's CSP, unlike a style attribute
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    for (const x of [].concat(v)) if (x !== undefined && x !== null && x !== "") url.searchParams.append(k, x);
  }
  const r = await fetch(url);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function show(...nodes) {
  hideTooltip();
  main.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
  window.scrollTo(0, 0);
}

function fail(err) {
  show(h("h1", {}, "Something went wrong"), h("p", { class: "card" }, err.message));
}

const link = {
  article: (id) => "#/article/" + encodeURIComponent(id),
  entity: (id) => "#/entity/" + encodeURIComponent(id),
  claim: (id) => "#/claim/" + encodeURIComponent(id),
};

function meta(...parts) {
  return h("div", { class: "meta" }, parts.filter(Boolean).join(" · "));
}

function statusBadge(s) {
  return h("span", { class: "badge " + s }, s);
}

function via(q) {
  const bits = [];
  if (q.channel) bits.push("(" + q.channel + ")");
  if (q.reported_by) bits.push("reported by " + q.reported_by);
  return bits.join(", ");
}

// --- tooltip: hover on a laptop, tap on a phone ---------------------------

function showTooltip(target, rows) {
  tooltip.replaceChildren(h("dl", {}, rows.filter((r) => r[1]).map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])));
  tooltip.hidden = false;
  const r = target.getBoundingClientRect();
  const top = window.scrollY + r.bottom + 6;
  const left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8));
  tooltip.style.top = top + "px";
  tooltip.style.left = left + "px";
}

function hideTooltip() {
  tooltip.hidden = true;
  document.querySelectorAll("mark.quote.hot").forEach((m) => m.classList.remove("hot"));
}

// --- article view -----------------------------------------------------------

// highlight renders text with quotes marked and entity mentions linked. All
// offsets are code points, so the text is split into code points first.
function highlight(doc) {
  const cps = Array.from(doc.text);
  const n = cps.length;
  const quoteAt = new Array(n).fill(-1);
  const linkAt = new Array(n).fill(null);
  // Longer quotes first, so a nested quote overwrites its outer one.
  const order = doc.quotes.map((q, i) => i).sort((a, b) => (doc.quotes[b].end - doc.quotes[b].start) - (doc.quotes[a].end - doc.quotes[a].start));
  for (const i of order) {
    const q = doc.quotes[i];
    for (let p = Math.max(0, q.start); p < Math.min(n, q.end); p++) quoteAt[p] = i;
  }
  const entityIDs = doc.entity_ids || {};
  for (const e of doc.entities) {
    if (!entityIDs[e.id]) continue;
    for (const m of e.mentions || []) {
      for (let p = Math.max(0, m.start); p < Math.min(n, m.end); p++) linkAt[p] = { entity: e.id, speaker: false };
    }
  }
  for (const q of doc.quotes) {
    if (!q.speaker || !q.speaker_span || !entityIDs[q.speaker]) continue;
    for (let p = Math.max(0, q.speaker_span.start); p < Math.min(n, q.speaker_span.end); p++) linkAt[p] = { entity: q.speaker, speaker: true };
  }
  const root = h("div", { class: "article-text", id: "article-text" });
  let p = 0;
  while (p < n) {
    const qi = quoteAt[p], l = linkAt[p];
    let e = p + 1;
    while (e < n && quoteAt[e] === qi && (linkAt[e] === l || (linkAt[e] && l && linkAt[e].entity === l.entity && linkAt[e].speaker === l.speaker))) e++;
    let node = document.createTextNode(cps.slice(p, e).join(""));
    if (l) {
      const ent = doc.entities.find((x) => x.id === l.entity);
      node = h("a", { class: "mention" + (l.speaker ? " speaker" : ""), href: link.entity(entityIDs[l.entity]), title: ent ? ent.name : "" }, node);
    }
    if (qi >= 0) {
      const q = doc.quotes[qi];
      node = h("mark", { class: "quote", tabindex: "0", dataset: { quoteId: q.id, speaker: q.speaker_name || "" } }, node);
    }
    root.append(node);
    p = e;
  }
  const quoteRows = (id) => {
    const q = doc.quotes.find((x) => x.id === id);
    return q ? [["Speaker", q.speaker_name || "unknown"], ["Cue", q.cue], ["Type", q.type], ["Channel", q.channel],
      ["Relayed by", q.reported_by], ["Anonymous", q.anonymous ? "yes" : ""]] : [];
  };
  const activate = (mark) => {
    hideTooltip();
    root.querySelectorAll(`mark.quote[data-quote-id="${CSS.escape(mark.dataset.quoteId)}"]`).forEach((m) => m.classList.add("hot"));
    showTooltip(mark, quoteRows(mark.dataset.quoteId));
  };
  root.addEventListener("mouseover", (ev) => { const m = ev.target.closest("mark.quote"); if (m) activate(m); });
  root.addEventListener("mouseleave", hideTooltip);
  root.addEventListener("focusin", (ev) => { const m = ev.target.closest("mark.quote"); if (m) activate(m); });
  root.addEventListener("click", (ev) => {
    if (ev.target.closest("a")) return;
    const m = ev.target.closest("mark.quote");
    if (m) activate(m); else hideTooltip();
  });
  return root;
}

async function viewArticle(id) {
  // The claims as grouped across articles: their status counts every article.
  const [doc, claimRes] = await Promise.all([api("/api/articles/" + encodeURIComponent(id)), api("/api/claims", { article: id, limit: 100 })]);
  const ids = doc.entity_ids || {};
  const quoteList = h("ol", { class: "plain quote-list", id: "quote-list" }, doc.quotes.map((q) =>
    h("li", { class: "card", dataset: { quoteId: q.id } },
      h("div", {}, q.speaker && ids[q.speaker] ? h("a", { href: link.entity(ids[q.speaker]) }, q.speaker_name) : (q.speaker_name || "unknown source"),
        " ", h("span", { class: "muted" }, [q.cue, via(q)].filter(Boolean).join(" "))),
      h("q", {}, q.content))));
  const claims = h("ul", { class: "plain", id: "article-claims" }, claimRes.claims.map(claimCard));
  show(
    h("h1", {}, doc.title || doc.id),
    meta(doc.outlet, doc.published, doc.quotes.length + " quotes", doc.events.length + " events", doc.url),
    h("div", { class: "article-layout" },
      h("section", {}, highlight(doc)),
      h("aside", {}, h("h2", {}, "Who said what"), doc.quotes.length ? quoteList : h("p", { class: "muted" }, "No quotes found."),
        claimRes.claims.length ? [h("h2", {}, "Claims"), claims] : null)));
}

// --- people -----------------------------------------------------------------

async function viewPeople(params) {
  const res = await api("/api/entities", { type: params.get("type") || "PERSON", name: params.get("name"), limit: 100 });
  show(h("h1", {}, "People"),
    h("form", { class: "filters", onsubmit: (ev) => { ev.preventDefault(); location.hash = "#/people?name=" + encodeURIComponent(ev.target.name.value); } },
      h("input", { name: "name", placeholder: "Name", value: params.get("name") || "" }), h("button", {}, "Find")),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Quotes"), h("th", {}, "Articles"), h("th", {}, "Affiliation"))),
      h("tbody", {}, res.entities.map((e) => h("tr", {}, h("td", {}, h("a", { href: link.entity(e.id) }, e.name)),
        h("td", {}, e.quotes), h("td", {}, e.articles), h("td", {}, e.affiliation || ""))))));
}

function monthBars(quotes) {
  const counts = new Map();
  for (const q of quotes) if (q.published) counts.set(q.published.slice(0, 7), (counts.get(q.published.slice(0, 7)) || 0) + 1);
  const months = [...counts.keys()].sort();
  if (!months.length) return null;
  const max = Math.max(...counts.values());
  return [h("div", { class: "bars", "aria-label": "quotes per month" }, months.map((m) =>
    h("div", { title: `${m}: ${counts.get(m)} quotes`, style: `height:${Math.max(4, 100 * counts.get(m) / max)}%` }))),
  h("div", { class: "bar-labels" }, h("span", {}, months[0]), h("span", {}, months[months.length - 1]))];
}

const supports = (s) => s === "asserts" || s === "confirms";

async function viewEntity(id) {
  const [e, quotes, claims] = await Promise.all([
    api("/api/entities/" + encodeURIComponent(id)),
    api("/api/quotes", { speaker_id: id, limit: 500 }),
    api("/api/claims", { entity: id, limit: 200 }),
  ]);
  // Who agrees and disagrees: others' stances on the claims this entity
  // takes a side on.
  const agree = new Map(), disagree = new Map();
  for (const c of claims.claims) {
    const mine = c.stances.filter((s) => s.source_id === id);
    if (!mine.length) continue;
    const side = supports(mine[0].stance);
    for (const s of c.stances) {
      if (s.source_id === id) continue;
      const m = supports(s.stance) === side ? agree : disagree;
      const key = s.source_id || s.source_name;
      if (!m.has(key)) m.set(key, { name: s.source_name, id: s.source_id, claims: [] });
      m.get(key).claims.push(c);
    }
  }
  const who = (m, cls) => m.size ? h("ul", { class: "plain" }, [...m.values()].map((x) => h("li", { class: cls },
    x.id ? h("a", { href: link.entity(x.id) }, x.name) : x.name, " — ",
    x.claims.map((c, i) => [i ? "; " : "", h("a", { href: link.claim(c.id) }, c.text)])))) : h("p", { class: "muted" }, "No one yet.");
  const byDate = [...quotes.quotes].sort((a, b) => (a.published || "").localeCompare(b.published || ""));
  show(
    h("h1", {}, e.name),
    meta(e.type, e.affiliation, e.quotes + " quotes", e.articles + " articles"),
    e.aliases.length ? h("p", {}, "Also: ", e.aliases.join(", ")) : null,
    h("h2", {}, "Roles"),
    e.roles && e.roles.length ? h("table", { id: "roles" }, h("tbody", {}, e.roles.map((r) => h("tr", {}, h("td", {}, r.published || ""), h("td", {}, r.role),
      h("td", {}, h("a", { href: link.article(r.article_id) }, "article")))))) : h("p", { class: "muted" }, "No roles recorded."),
    h("h2", {}, "Quotes over time"),
    monthBars(byDate),
    h("ul", { class: "plain quote-list", id: "person-quotes" }, byDate.map((q) => h("li", { class: "card" },
      meta(q.published, q.outlet, [q.cue, via(q)].filter(Boolean).join(" ")),
      h("q", {}, q.content), " ", h("a", { href: link.article(q.article_id) }, "in context")))),
    h("div", { class: "sides" },
      h("section", { class: "side-for" }, h("h3", {}, "Agrees with"), who(agree, "who-for")),
      h("section", { class: "side-against" }, h("h3", {}, "Disagrees with"), who(disagree, "who-against"))),
    e.links && e.links.length ? [h("h2", {}, "Why these are one entity"), h("ul", { class: "plain" }, e.links.map((l) =>
      h("li", {}, h("a", { href: link.article(l.article_id) }, l.name), " — ", l.reason)))] : null);
}

// --- claims -------------------------------------------------------------------

function sideNames(c, pro) {
  return [...new Set(c.stances.filter((s) => supports(s.stance) === pro).map((s) => s.source_name))];
}

function claimCard(c) {
  const pro = sideNames(c, true), con = sideNames(c, false);
  return h("li", { class: "card claim-card", dataset: { status: c.status, claimId: c.id } },
    statusBadge(c.status), " ", h("a", { href: link.claim(c.id) }, c.text),
    h("div", { class: "who-for" }, "For: ", pro.join(", ") || "—"),
    con.length ? h("div", { class: "who-against" }, "Against: ", con.join(", ")) : null,
    meta(c.articles + (c.articles === 1 ? " article" : " articles")));
}

async function viewClaims() {
  const [d, c, s] = await Promise.all(["disputed", "corroborated", "single-source"].map((st) => api("/api/claims", { status: st, limit: 100 })));
  const col = (title, id, list) => h("section", { id }, h("h2", {}, title + " (" + list.length + ")"),
    list.length ? h("ul", { class: "plain" }, list.map(claimCard)) : h("p", { class: "muted" }, "None."));
  show(h("h1", {}, "Claims"),
    h("div", { class: "board" }, col("Disputed", "disputed", d.claims), col("Corroborated", "corroborated", c.claims), col("Single source", "single-source", s.claims)));
}

async function viewClaim(id) {
  const c = await api("/api/claims/" + encodeURIComponent(id));
  const side = (pro) => c.stances.filter((s) => supports(s.stance) === pro).map((s) => h("li", { class: "card stance" },
    h("strong", {}, s.source_id ? h("a", { href: link.entity(s.source_id) }, s.source_name) : s.source_name), " ", s.stance,
    s.evidence ? h("q", { style: "display:block" }, s.evidence) : null,
    meta(s.outlet, s.published), h("a", { href: link.article(s.article_id) }, "read the article")));
  show(h("h1", {}, c.text), h("p", {}, statusBadge(c.status), " ", c.articles + " articles"),
    h("div", { class: "sides" },
      h("section", { class: "side-for", id: "side-for" }, h("h3", {}, "Asserts or confirms"), h("ul", { class: "plain" }, side(true))),
      h("section", { class: "side-against", id: "side-against" }, h("h3", {}, "Denies or disputes"), h("ul", { class: "plain" }, side(false)))));
}

// --- events -------------------------------------------------------------------

const actorName = (name, code) => name || code || "?";

async function viewEvents(params) {
  const actors = params.getAll("actor");
  const res = await api("/api/events", { actor: actors, plover: params.get("plover"), place: params.get("place"), limit: 500 });
  const form = h("form", { class: "filters", onsubmit: (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const k of ["actor", "actor2", "plover", "place"]) { const v = ev.target[k].value.trim(); if (v) q.append(k === "actor2" ? "actor" : k, v); }
    location.hash = "#/events?" + q;
  } },
  h("input", { name: "actor", placeholder: "Actor A", value: actors[0] || "" }),
  h("input", { name: "actor2", placeholder: "Actor B", value: actors[1] || "" }),
  h("input", { name: "plover", placeholder: "PLOVER type", value: params.get("plover") || "" }),
  h("input", { name: "place", placeholder: "Place", value: params.get("place") || "" }),
  h("button", {}, "Filter"));
  // Actor pairs: how often each source acted on each target.
  const pairs = new Map();
  for (const e of res.events) {
    const k = actorName(e.source_name, e.source_actor) + " → " + actorName(e.target_name, e.target_actor);
    if (!pairs.has(k)) pairs.set(k, { src: e.source_id || e.source_actor, tgt: e.target_id || e.target_actor, n: 0, types: new Set() });
    const p = pairs.get(k);
    p.n++;
    p.types.add(e.plover);
  }
  const days = new Map();
  for (const e of res.events) {
    const d = e.date || "undated";
    if (!days.has(d)) days.set(d, []);
    days.get(d).push(e);
  }
  show(h("h1", {}, "Events"), form,
    h("h2", {}, "Actor pairs"),
    pairs.size ? h("table", { id: "pairs" }, h("tbody", {}, [...pairs.entries()].sort((a, b) => b[1].n - a[1].n).map(([k, p]) =>
      h("tr", {}, h("td", {}, p.src && p.tgt ? h("a", { href: "#/events?" + new URLSearchParams([["actor", p.src], ["actor", p.tgt]]) }, k) : k),
        h("td", {}, p.n), h("td", {}, [...p.types].join(", ")))))) : h("p", { class: "muted" }, "No events."),
    h("h2", {}, "Timeline"),
    h("div", { class: "timeline", id: "timeline" }, [...days.entries()].map(([d, evs]) => [h("div", { class: "day" }, d),
      evs.map((e) => h("div", { class: "card event" },
        h("strong", {}, e.plover), " ", actorName(e.source_name, e.source_actor), " → ", actorName(e.target_name, e.target_actor),
        e.location ? " in " + e.location : "",
        h("div", {}, h("q", {}, e.evidence)),
        meta(e.cameo && "CAMEO " + e.cameo, e.reported_in && "reported in a quote", e.outlet),
        h("a", { href: link.article(e.article_id) }, "article")))])));
}

// --- search and home ------------------------------------------------------------

async function viewSearch(params) {
  const q = params.get("q") || "";
  document.querySelector("#search input").value = q;
  if (!q) return show(h("h1", {}, "Search"), h("p", { class: "muted" }, "Type words in the search box."));
  const res = await api("/api/search", { q, limit: 50 });
  show(h("h1", {}, "Results for “" + q + "”"),
    h("h2", {}, "People and organisations"),
    res.entities.length ? h("ul", { class: "plain" }, res.entities.map((e) => h("li", {}, h("a", { href: link.entity(e.id) }, e.name), " ", h("span", { class: "muted" }, e.quotes + " quotes")))) : h("p", { class: "muted" }, "None."),
    h("h2", {}, "Quotes"),
    res.quotes.length ? h("ul", { class: "plain quote-list" }, res.quotes.map((x) => h("li", { class: "card" },
      meta(x.speaker_name, x.published, x.outlet), h("q", {}, x.content), " ", h("a", { href: link.article(x.article_id) }, "in context")))) : h("p", { class: "muted" }, "None."),
    h("h2", {}, "Claims"),
    res.claims.length ? h("ul", { class: "plain" }, res.claims.map(claimCard)) : h("p", { class: "muted" }, "None."),
    h("h2", {}, "Articles"),
    res.articles.length ? h("ul", { class: "plain" }, res.articles.map(articleItem)) : h("p", { class: "muted" }, "None."));
}

function articleItem(a) {
  return h("li", { class: "card" }, h("a", { href: link.article(a.id) }, a.title || a.source_id || a.id),
    meta(a.outlet, a.published, a.quotes + " quotes", a.events + " events", a.claims + " claims"),
    a.snippet ? h("div", { class: "muted" }, a.snippet) : null);
}

async function viewHome() {
  const [stats, arts] = await Promise.all([api("/api/stats"), api("/api/articles", { limit: 50 })]);
  const s = stats.stats;
  show(h("h1", {}, "Articles"),
    meta(s.articles + " articles", s.quotes + " quotes", s.entities + " entities", s.events + " events", s.claims + " claims"),
    arts.articles.length ? h("ul", { class: "plain", id: "articles" }, arts.articles.map(articleItem)) : h("p", { class: "muted" }, "The store is empty: run parley ingest."));
}

// --- router -------------------------------------------------------------------------

async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    switch (parts[0]) {
      case undefined: return await viewHome();
      case "article": return await viewArticle(parts[1]);
      case "entity": return await viewEntity(parts[1]);
      case "people": return await viewPeople(params);
      case "claims": return await viewClaims();
      case "claim": return await viewClaim(parts[1]);
      case "events": return await viewEvents(params);
      case "search": return await viewSearch(params);
      default: show(h("h1", {}, "Not found"), h("p", {}, h("a", { href: "#/" }, "Back to the articles")));
    }
  } catch (err) {
    fail(err);
  } finally {
    document.body.dataset.ready = hash;
  }
}

document.getElementById("search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  location.hash = "#/search?q=" + encodeURIComponent(ev.target.q.value.trim());
});
document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") hideTooltip(); });
window.addEventListener("hashchange", route);
route();
