// parley web UI: the article view.
"use strict";

// highlight renders text with quotes marked (quoted words and reported
// speech differently) and entity mentions linked. All offsets are code
// points, so the text is split into code points first.
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
  const byID = new Map(doc.entities.map((e) => [e.id, e]));
  const root = h("div", { class: "article-text", id: "article-text" });
  let p = 0;
  while (p < n) {
    const qi = quoteAt[p], l = linkAt[p];
    let e = p + 1;
    while (e < n && quoteAt[e] === qi && (linkAt[e] === l || (linkAt[e] && l && linkAt[e].entity === l.entity && linkAt[e].speaker === l.speaker))) e++;
    let node = document.createTextNode(cps.slice(p, e).join(""));
    if (l) {
      const ent = byID.get(l.entity);
      node = h("a", { class: "mention" + (l.speaker ? " speaker" : ""), href: link.entity(entityIDs[l.entity]), title: ent ? ent.name : "" }, node);
    }
    if (qi >= 0) {
      const q = doc.quotes[qi];
      node = h("mark", { class: "quote " + (q.type || "indirect"), tabindex: "0", dataset: { quoteId: q.id, speaker: q.speaker_name || "", type: q.type || "" } }, node);
    }
    root.append(node);
    p = e;
  }
  const quoteRows = (id) => {
    const q = doc.quotes.find((x) => x.id === id);
    return q ? [["Speaker", q.speaker_name || "unknown"], ["Cue", q.cue], ["Type", typeNames[q.type] || q.type], ["Channel", q.channel],
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

function legend() {
  return h("p", { class: "legend" }, h("mark", { class: "quote direct" }, "quoted words"), " ",
    h("mark", { class: "quote indirect" }, "reported speech"), " ", h("span", { class: "legend-speaker" }, "speaker (a link)"));
}

async function viewArticle(id) {
  // The claims as grouped across articles: their status counts every
  // article. Both calls name the article by the id in the address, which
  // may be its article id or the id it was given.
  const [doc, claimRes] = await Promise.all([api("/api/articles/" + encodeURIComponent(id)), api("/api/claims", { article: id, limit: 100 })]);
  const ids = doc.entity_ids || {};
  const quoteList = h("ol", { class: "plain quote-list", id: "quote-list" }, doc.quotes.map((q) =>
    h("li", { class: "card " + (q.type || ""), dataset: { quoteId: q.id, type: q.type || "" } },
      h("div", {}, q.speaker && ids[q.speaker] ? h("a", { href: link.entity(ids[q.speaker]) }, q.speaker_name) : (q.speaker_name || "unknown source"),
        " ", h("span", { class: "muted" }, [q.cue, via(q)].filter(Boolean).join(" ")), " ", typeLabel(q.type)),
      said(q.type, q.content))));
  const claims = h("ul", { class: "plain", id: "article-claims" }, claimRes.claims.map(claimCard));
  show(
    h("h1", {}, doc.title || doc.id),
    meta(doc.outlet, doc.published, doc.quotes.length + " quotes", doc.events.length + " events", doc.url),
    legend(),
    h("div", { class: "article-layout" },
      h("section", {}, highlight(doc)),
      h("aside", {}, h("h2", {}, "Who said what"), doc.quotes.length ? quoteList : none("No quotes found."),
        claimRes.claims.length ? [h("h2", {}, "Claims"), claims] : null)));
}
