// parley web UI: claims, events, search, the article list and the router.
"use strict";

// --- claims -------------------------------------------------------------------

const claimStatuses = [["disputed", "Disputed"], ["corroborated", "Corroborated"], ["single-source", "Single source"]];

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

// viewClaims is the board (a column per status, each with its count and a
// link to all of them) or, with a status, one status's claims page by page.
async function viewClaims(params) {
  const q = params.get("q") || "", status = params.get("status") || "";
  const form = filters("/claims", params, [{ name: "q", label: "Words", placeholder: "in the claim" },
    { name: "status", label: "Status", options: [["", "all"], ...claimStatuses] }]);
  const counts = (await api("/api/stats")).stats.claims_by_status || {};
  const title = (st) => claimStatuses.find(([s]) => s === st)[1];
  if (status) {
    const limit = 50, offset = offsetOf(params);
    const res = await api("/api/claims", { status, q, limit, offset });
    return show(h("h1", {}, "Claims: " + title(status).toLowerCase()), form,
      h("section", { id: status }, res.claims.length ? h("ul", { class: "plain" }, res.claims.map(claimCard)) : none()),
      pager("/claims", params, offset, limit, res.claims.length, res.next_offset, q ? null : counts[status]),
      h("p", {}, h("a", { href: withParams("/claims", params, { status: "", offset: "" }) }, "← All statuses")));
  }
  const per = 20;
  const cols = await Promise.all(claimStatuses.map(([st]) => api("/api/claims", { status: st, q, limit: per })));
  const col = ([st, name], res) => {
    // Without words to match, the store's counts; with them, what came back.
    const n = q ? (res.next_offset ? per + "+" : String(res.claims.length)) : number(counts[st] || 0);
    return h("section", { id: st }, h("h2", {}, `${name} (${n})`),
      res.claims.length ? h("ul", { class: "plain" }, res.claims.map(claimCard)) : none(),
      res.next_offset ? h("a", { class: "more", href: withParams("/claims", params, { status: st }) }, `All ${n} ${name.toLowerCase()} claims →`) : null);
  };
  show(h("h1", {}, "Claims"), form, h("div", { class: "board" }, claimStatuses.map((s, i) => col(s, cols[i]))));
}

async function viewClaim(id) {
  const c = await api("/api/claims/" + encodeURIComponent(id));
  const side = (pro) => c.stances.filter((s) => supports(s.stance) === pro).map((s) => h("li", { class: "card stance" },
    h("strong", {}, s.source_id ? h("a", { href: link.entity(s.source_id) }, s.source_name) : s.source_name), " ", s.stance,
    s.evidence ? h("div", { class: "evidence" }, s.quote_type ? typeLabel(s.quote_type) : null, " ", said(s.quote_type, s.evidence)) : null,
    meta(s.outlet, s.published), h("a", { href: link.article(s.article_id) }, "read the article")));
  show(h("h1", {}, c.text), h("p", {}, statusBadge(c.status), " ", c.articles + " articles"),
    h("div", { class: "sides" },
      h("section", { class: "side-for", id: "side-for" }, h("h3", {}, "Asserts or confirms"), h("ul", { class: "plain" }, side(true))),
      h("section", { class: "side-against", id: "side-against" }, h("h3", {}, "Denies or disputes"), h("ul", { class: "plain" }, side(false)))));
}

// --- events -------------------------------------------------------------------

const actorName = (name, code) => name || code || "";

// actorPairs counts who acted on whom among events whose two sides are
// both known; the others are only counted.
function actorPairs(events) {
  const pairs = new Map();
  let unknown = 0;
  for (const e of events) {
    const src = actorName(e.source_name, e.source_actor), tgt = actorName(e.target_name, e.target_actor);
    if (!src || !tgt) { unknown++; continue; }
    const k = src + " → " + tgt;
    if (!pairs.has(k)) pairs.set(k, { src: e.source_id || e.source_actor, tgt: e.target_id || e.target_actor, n: 0, types: new Set() });
    const p = pairs.get(k);
    p.n++;
    p.types.add(e.plover);
  }
  return [[...pairs.entries()].sort((a, b) => b[1].n - a[1].n), unknown];
}

function eventCard(e) {
  return h("div", { class: "card event" },
    h("strong", {}, e.plover), " ", actorName(e.source_name, e.source_actor) || "someone", " → ", actorName(e.target_name, e.target_actor) || "unknown",
    e.location ? " in " + e.location : "",
    h("blockquote", { class: "excerpt", title: "the passage of the article" }, e.evidence),
    meta(e.cameo && "CAMEO " + e.cameo, e.reported_in && "reported in a quote", e.outlet),
    h("a", { href: link.article(e.article_id) }, "article"));
}

async function viewEvents(params) {
  const limit = 100, offset = offsetOf(params);
  const res = await api("/api/events", { actor: params.getAll("actor"), plover: params.get("plover"), place: params.get("place"),
    since: params.get("since"), until: params.get("until"), limit, offset });
  const form = filters("/events", params, [
    { name: "actor", label: "Actor", placeholder: "a name or CAMEO code" }, { name: "actor2", param: "actor", index: 1, label: "and actor" },
    { name: "plover", label: "PLOVER type" }, { name: "place", label: "Place" },
    { name: "since", label: "Since", type: "date" }, { name: "until", label: "Until", type: "date" }]);
  const days = new Map();
  for (const e of res.events) {
    const d = e.date || "undated";
    if (!days.has(d)) days.set(d, []);
    days.get(d).push(e);
  }
  const [pairs, unknown] = actorPairs(res.events);
  const shown = pairs.slice(0, 20);
  show(h("h1", {}, "Events"), form,
    h("h2", {}, "Timeline, newest first"),
    res.events.length ? h("div", { class: "timeline", id: "timeline" }, [...days.entries()].map(([d, evs]) =>
      [h("div", { class: "day" }, d), evs.map(eventCard)])) : none("No events."),
    pager("/events", params, offset, limit, res.events.length, res.next_offset),
    h("h2", {}, "Who acted on whom"),
    shown.length ? h("table", { id: "pairs" }, h("tbody", {}, shown.map(([k, p]) =>
      h("tr", {}, h("td", {}, p.src && p.tgt ? h("a", { href: withParams("/events", "", { actor: [p.src, p.tgt] }) }, k) : k),
        h("td", {}, p.n), h("td", {}, [...p.types].join(", ")))))) : none("No event on this page names both sides."),
    h("p", { class: "muted", id: "pairs-note" }, [
      pairs.length > shown.length ? `The 20 most frequent of ${pairs.length} pairs on this page. ` : "",
      unknown ? `${unknown} of the ${res.events.length} events on this page have a side that is not known, and are not counted here.` : ""]));
}

// --- search and home ------------------------------------------------------------

function articleItem(a) {
  return h("li", { class: "card" }, h("a", { href: link.article(a.id) }, a.title || a.source_id || a.id),
    meta(a.outlet, a.published, a.quotes + " quotes", a.events + " events", a.claims + " claims"),
    a.snippet ? h("div", { class: "muted" }, a.snippet) : null);
}

function quoteItem(x) {
  return h("li", { class: "card " + (x.type || ""), dataset: { type: x.type || "" } },
    h("div", {}, x.speaker_id ? h("a", { href: link.entity(x.speaker_id) }, x.speaker_name) : (x.speaker_name || "unknown source"),
      " ", h("span", { class: "muted" }, [x.cue, via(x)].filter(Boolean).join(" ")), " ", typeLabel(x.type)),
    meta(x.published || "undated", x.outlet), said(x.type, x.content), " ", h("a", { href: link.article(x.article_id) }, "in context"));
}

async function viewSearch(params) {
  const q = params.get("q") || "";
  document.querySelector("#search input").value = q;
  if (!q) return show(h("h1", {}, "Search"), none("Type words in the search box."));
  const limit = 50, offset = offsetOf(params);
  const res = await api("/api/search", { q, limit, offset });
  const section = (id, title, items, render) => h("section", { id }, h("h2", {}, title),
    items.length ? h("ul", { class: "plain" + (render === quoteItem ? " quote-list" : "") }, items.map(render)) : none());
  const full = [res.entities, res.quotes_by, res.quotes_mentioning, res.claims, res.articles].some((l) => l.length >= limit);
  show(h("h1", {}, "Results for “" + q + "”"),
    section("search-people", "People and organisations", res.entities, (e) => h("li", {}, h("a", { href: link.entity(e.id) }, e.name), " ",
      h("span", { class: "muted" }, e.quotes + " quotes"))),
    section("quotes-by", "What “" + q + "” said", res.quotes_by, quoteItem),
    section("quotes-mentioning", "What others said that mentions “" + q + "”", res.quotes_mentioning, quoteItem),
    section("search-claims", "Claims", res.claims, claimCard),
    section("search-articles", "Articles", res.articles, articleItem),
    pager("/search", params, offset, limit, limit, full ? offset + limit : 0));
}

async function viewHome(params) {
  const limit = 50, offset = offsetOf(params);
  const f = { q: params.get("q"), outlet: params.get("outlet"), since: params.get("since"), until: params.get("until") };
  const filtered = Object.values(f).some(Boolean);
  const [stats, arts] = await Promise.all([api("/api/stats"), api("/api/articles", { ...f, limit, offset })]);
  const s = stats.stats;
  show(h("h1", {}, "Articles"),
    meta(number(s.articles) + " articles", number(s.quotes) + " quotes", number(s.entities) + " entities", number(s.events) + " events", number(s.claims) + " claims"),
    filters("/", params, [{ name: "q", label: "Words", placeholder: "in the title or text" }, { name: "outlet", label: "Outlet" },
      { name: "since", label: "Since", type: "date" }, { name: "until", label: "Until", type: "date" }]),
    arts.articles.length ? h("ul", { class: "plain", id: "articles" }, arts.articles.map(articleItem))
      : none(s.articles ? "No article matches." : "The store is empty: run parley ingest."),
    pager("/", params, offset, limit, arts.articles.length, arts.next_offset, filtered ? null : s.articles));
}

// --- router -------------------------------------------------------------------------

async function render() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    switch (parts[0]) {
      case undefined: return await viewHome(params);
      case "article": return await viewArticle(parts[1]);
      case "entity": return await viewEntity(parts[1], params);
      case "people": return await viewPeople(params);
      case "claims": return await viewClaims(params);
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
window.addEventListener("hashchange", render);
render();
