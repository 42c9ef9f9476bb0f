#!/usr/bin/env python3
"""Draw the random samples of docs/judged-news.md from a build's output.

  scripts/judge/sample.py PARLEY NEWS.jsonl OUTDIR [SEED]

Runs `PARLEY extract --jsonl` on NEWS.jsonl (../shared/data/news/news.jsonl)
and writes to OUTDIR:
  events50.txt    50 events drawn from those of 200 articles drawn from NEWS
  disputes30.txt  30 disputed claims drawn from those of all articles
each with its evidence and context, for judging by hand. Every draw is
random.Random(20261207).sample, the articles over their sorted ids, so the
same build gives the same samples. SEED (default 20261207) draws another
sample: docs/judged-news.md §10 uses 20261208.
"""
import json
import os
import random
import subprocess
import sys

SEED = 20261207


def main(parley, news, outdir, seed=SEED):
    seed = int(seed)
    rows = [json.loads(l) for l in open(news, encoding="utf-8")]
    texts = {r["id"]: r.get("text") or "" for r in rows}
    run = subprocess.run([parley, "extract", "--jsonl", news], capture_output=True, check=True)
    out = [json.loads(l) for l in run.stdout.decode("utf-8").splitlines() if l.strip()]
    os.makedirs(outdir, exist_ok=True)
    pick = set(random.Random(seed).sample(sorted(texts), 200))
    events = [(r["id"], e, names(r)) for r in out if r["id"] in pick for e in r.get("events", [])]
    with open(os.path.join(outdir, "events50.txt"), "w", encoding="utf-8") as f:
        for n, (id, e, ents) in enumerate(random.Random(seed).sample(events, 50), 1):
            t = texts[id]
            s, en = e["evidence"]["start"], e["evidence"]["end"]
            a, b = t.rfind("\n", 0, s) + 1, t.find("\n", en)
            para = t[a:len(t) if b < 0 else b]
            f.write(f"== {n} {id} {e['id']} | {e['plover']} {e['cameo']} trigger={e.get('trigger')!r} "
                    f"source={ents.get(e.get('source'))} ({e.get('source_actor')}) "
                    f"target={ents.get(e.get('target'))} ({e.get('target_actor')})\n")
            f.write(f"   evidence: [[{t[s:en]}]]\n   paragraph: {para[:900]}\n\n")
    disputes = [(r["id"], c, names(r)) for r in out for c in r.get("claims", []) if c.get("status") == "disputed"]
    with open(os.path.join(outdir, "disputes30.txt"), "w", encoding="utf-8") as f:
        for n, (id, c, ents) in enumerate(random.Random(seed).sample(disputes, min(30, len(disputes))), 1):
            t = texts[id]
            f.write(f"== {n} {id}\n")
            for st in c["stances"]:
                ev = st.get("evidence") or {}
                s = ev.get("start", 0)
                ctx = t[max(0, s - 110):s].replace("\n", " / ")
                f.write(f"   {str(ents.get(st['source'])):26} {st['stance']:9} | ...{ctx}[[{t[s:ev.get('end', 0)][:180]}]]\n")
    print(f"{len(events)} events on 200 articles, {len(disputes)} disputed claims on {len(out)} articles", file=sys.stderr)


def names(r):
    return {e["id"]: e.get("name") for e in r.get("entities", [])}


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(*sys.argv[1:])
