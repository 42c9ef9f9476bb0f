#!/usr/bin/env python3
"""Writes events_gold.jsonl and events_pred.jsonl (invented sentences, no
shared data); the golden file is the reference's output:
  python3 make_events_fixture.py && python3 ../../../shared/tools/score_events.py \
      events_gold.jsonl events_pred.jsonl --json --per-source > events_fixture.golden.json
"""
import json


def ev(src, tgt, cameo, plover):
    return {"source_actor": src, "target_actor": tgt, "cameo": cameo, "plover": plover}


gold = [
    {"id": "s1", "source": "a", "text": "Ruritania and Freedonia agreed to reopen embassies.",
     "events": [ev("RUR", None, "057", "AGREE"), ev("FRE", None, "057", "AGREE")]},
    {"id": "s2", "source": "a", "text": "Ruritanian police arrested protesters.",
     "events": [ev("RURCOP", "RUROPP", "173", "ARREST")]},
    {"id": "s3", "source": "b", "text": "The minister rejected the plan.",
     "events": [ev(None, None, "120", None)]},
    {"id": "s4", "source": "b", "text": "The envoys met in Geneva.",
     "events": [ev("USA", "CHN", None, "CONSULT")]},
    {"id": "s5", "text": "Nobody predicted this one.", "events": [ev("FRA", "DEU", "036", "CONSULT")]},
    {"id": "s6", "source": "b", "text": "Blank codes.", "events": [ev(" ", "", "  ", " ")]},
]
pred = [
    {"id": "s1", "events": [ev("rur", "FRE", "0571", "agree"), ev("FRE", None, "057", "AGREE"),
                            ev("RUR", None, "057", "AGREE")]},
    {"id": "s2", "events": [ev("RURGOV", "RUROPP", "173", "ARREST")]},
    {"id": "s3", "events": [ev("XYZ", "ABC", "12", "REJECT")]},
    {"id": "s4", "events": [ev("USA", "CHN", "040", "CONSULT")]},
    {"id": "s6", "events": [ev(None, None, " ", "")]},
    {"id": "extra", "events": [ev("USA", None, "010", None)]},
]
for name, docs in (("events_gold.jsonl", gold), ("events_pred.jsonl", pred)):
    with open(name, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
