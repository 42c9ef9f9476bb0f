// parley web UI: people and organisations.
"use strict";

const entityTypes = [["PERSON", "people"], ["ORG", "organisations"], ["PLACE", "places"], ["GROUP", "groups"], ["ALL", "all kinds"]];

async function viewPeople(params) {
  const limit = 100, offset = offsetOf(params);
  const type = params.get("type") || "PERSON";
  const res = await api("/api/entities", { type: type === "ALL" ? "" : type, name: params.get("name"), limit, offset });
  show(h("h1", {}, "People and organisations"),
    filters("/people", params, [{ name: "name", label: "Name", placeholder: "a name or its beginning" },
      { name: "type", label: "Kind", options: entityTypes, default: "PERSON" }]),
    res.entities.length ? h("table", { id: "people" },
      h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Quotes"), h("th", {}, "Articles"), h("th", {}, "Affiliation"))),
      h("tbody", {}, res.entities.map((e) => h("tr", {}, h("td", {}, h("a", { href: link.entity(e.id) }, e.name)),
        h("td", {}, e.quotes), h("td", {}, e.articles), h("td", {}, e.affiliation || ""))))) : none("No one found."),
    pager("/people", params, offset, limit, res.entities.length, res.next_offset));
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

// sides finds who agrees and who disagrees with an entity: the others'
// stances on the claims it takes a side on.
function sides(id, claims) {
  const agree = new Map(), disagree = new Map();
  for (const c of claims) {
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
  return [agree, disagree];
}

function personQuote(q) {
  return h("li", { class: "card " + (q.type || ""), dataset: { type: q.type || "" } },
    meta(q.published || "undated", q.outlet, [q.cue, via(q)].filter(Boolean).join(" ")),
    typeLabel(q.type), " ", said(q.type, q.content), " ", h("a", { href: link.article(q.article_id) }, "in context"));
}

async function viewEntity(id, params) {
  const limit = 50, offset = offsetOf(params);
  const [e, page, recent, claims] = await Promise.all([
    api("/api/entities/" + encodeURIComponent(id)),
    api("/api/quotes", { speaker_id: id, limit, offset }),
    api("/api/quotes", { speaker_id: id, limit: 500 }),
    api("/api/claims", { entity: id, limit: 200 }),
  ]);
  const [agree, disagree] = sides(id, claims.claims);
  const who = (m, cls) => m.size ? h("ul", { class: "plain" }, [...m.values()].map((x) => h("li", { class: cls },
    x.id ? h("a", { href: link.entity(x.id) }, x.name) : x.name, " — ",
    x.claims.map((c, i) => [i ? "; " : "", h("a", { href: link.claim(c.id) }, c.text)])))) : none("No one yet.");
  const path = "/entity/" + id;
  show(
    h("h1", {}, e.name),
    meta(e.type, e.affiliation, e.quotes + " quotes", e.articles + " articles"),
    e.aliases.length ? h("p", {}, "Also: ", e.aliases.join(", ")) : null,
    h("h2", {}, "Roles"),
    e.roles && e.roles.length ? h("table", { id: "roles" },
      h("thead", {}, h("tr", {}, h("th", {}, "Date"), h("th", {}, "Role"), h("th", {}, "Outlet"), h("th", {}, "Article"))),
      h("tbody", {}, e.roles.map((r) => h("tr", {}, h("td", {}, r.published || "undated"), h("td", {}, r.role), h("td", {}, r.outlet || ""),
        h("td", {}, h("a", { href: link.article(r.article_id) }, "article")))))) : none("No roles recorded."),
    h("h2", {}, "Quotes over time"),
    monthBars(recent.quotes),
    recent.next_offset ? h("p", { class: "muted" }, "The chart counts the 500 newest quotes.") : null,
    h("h2", {}, "Quotes, newest first"),
    page.quotes.length ? h("ul", { class: "plain quote-list", id: "person-quotes" }, page.quotes.map(personQuote)) : none("No quotes."),
    pager(path, params, offset, limit, page.quotes.length, page.next_offset, e.quotes),
    h("div", { class: "sides" },
      h("section", { class: "side-for" }, h("h3", {}, "Agrees with"), who(agree, "who-for")),
      h("section", { class: "side-against" }, h("h3", {}, "Disagrees with"), who(disagree, "who-against"))),
    e.links && e.links.length ? [h("h2", {}, "Why these are one entity"), h("ul", { class: "plain", id: "links" }, e.links.map((l) =>
      h("li", {}, h("a", { href: link.article(l.article_id) }, l.name), " — ", l.reason, " ", meta(l.published || "undated", l.outlet))))] : null);
}
