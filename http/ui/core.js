// parley web UI, shared parts: plain JavaScript, no build step, no
// third-party code. Every value from the API is put in the page as text
// (textContent), never as HTML.
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

function none(what) {
  return h("p", { class: "muted" }, what || "None.");
}

const number = (n) => Number(n).toLocaleString("en");

// --- what people said -------------------------------------------------------

const typeNames = { direct: "quoted", indirect: "reported", mixed: "partly quoted" };

// said renders what a quote says. Only a direct quote goes between
// quotation marks: reported (indirect) speech is the reporter's wording, so
// it is shown as a paraphrase, and a mixed quote as a paraphrase whose
// quoted words keep the marks they have in the article.
function said(type, content) {
  if (type === "direct") return h("q", { class: "said direct" }, content);
  const why = type === "mixed" ? "reported speech; the words in quotation marks are quoted" : "reported speech: the reporter's words, not a quotation";
  return h("span", { class: "said reported " + (type || "indirect"), title: why }, content);
}

function typeLabel(type) {
  return h("span", { class: "qtype " + (type || "indirect") }, typeNames[type] || type || "reported");
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

// --- routes, filters and pages ----------------------------------------------

// withParams is the route path with params, changed by changes (an empty
// value removes a parameter).
function withParams(path, params, changes) {
  const q = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes || {})) {
    q.delete(k);
    for (const x of [].concat(v)) if (x !== undefined && x !== null && x !== "" && x !== 0) q.append(k, x);
  }
  const s = q.toString();
  return "#" + path + (s ? "?" + s : "");
}

function offsetOf(params) {
  const n = parseInt(params.get("offset") || "0", 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

// pager links a list page to the ones before and after it and says which
// items it shows, and of how many when that is known.
function pager(path, params, offset, limit, count, next, total) {
  if (!count && !offset) return null;
  const range = count ? `${number(offset + 1)}–${number(offset + count)}` : "none";
  const off = (n) => withParams(path, params, { offset: n });
  return h("nav", { class: "pager", "aria-label": "pages" },
    offset > 0 ? h("a", { href: off(Math.max(0, offset - limit)), rel: "prev" }, "← Previous") : h("span", { class: "muted" }, "← Previous"),
    h("span", { class: "range" }, range + (total !== undefined && total !== null ? " of " + number(total) : "")),
    next ? h("a", { href: off(next), rel: "next" }, "Next →") : h("span", { class: "muted" }, "Next →"));
}

// filters is a form of fields ({name, label, param, index, type, options})
// that opens the first page of path with what was entered. Two fields may
// fill one repeatable parameter (param, index).
function filters(path, params, fields) {
  const value = (f) => params.getAll(f.param || f.name)[f.index || 0] || f.default || "";
  return h("form", { class: "filters", onsubmit: (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const f of fields) {
      const v = ev.target.elements[f.name].value.trim();
      if (v) q.append(f.param || f.name, v);
    }
    const s = q.toString();
    location.hash = "#" + path + (s ? "?" + s : "");
  } },
  fields.map((f) => h("label", {}, h("span", { class: "label" }, f.label),
    f.options
      ? h("select", { name: f.name }, f.options.map(([v, text]) => h("option", { value: v, selected: value(f) === v }, text)))
      : h("input", { name: f.name, type: f.type || "text", value: value(f), placeholder: f.placeholder || "" }))),
  h("button", {}, "Filter"));
}
